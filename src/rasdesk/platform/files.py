"""Small, careful file helpers: reading with messages that name the file, atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rasdesk.domain.errors import InputError


def read_bytes(path: Path | str, what: str = "file") -> bytes:
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such {what}; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a {what}") from None
    except PermissionError:
        raise InputError(f"{p}: you do not have permission to read this {what}") from None


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_new(path: Path, data: bytes, mode: int = 0o644, *, overwrite: bool = False) -> None:
    """Write an output file the user named; refuse to clobber unless asked."""
    if path.exists() and not overwrite:
        raise InputError(f"{path}: already exists; choose another name or remove it first")
    write_atomic(path, data, mode)
