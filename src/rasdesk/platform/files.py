"""Small, careful file helpers: bounded reading with messages that name the file, and
writes that are atomic and never replace anything but a regular file.

Every file rasdesk reads comes through ``read_bytes`` (or ``open_regular`` for a file read a
line at a time): only a regular file is read — a device such as ``/dev/zero``, a pipe or a
socket is refused, also behind a symbolic link — and never more than a limit that suits
what the file is, so no file can make rasdesk hang or fill the memory.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict

MIB = 1024 * 1024
#: Rulesets, answers, samples, workbooks: a 4,000-question ruleset is about 3 MiB.
MAX_FILE_BYTES = 64 * MIB
#: Keys, settings, policy files, certificates and small state files.
MAX_SMALL_BYTES = 1 * MIB


def size_text(n: int) -> str:
    """``n`` bytes in words a person reads at a glance (``64 MiB``, ``900 bytes``)."""
    if n >= MIB:
        return f"{n / MIB:.0f} MiB" if n % MIB == 0 else f"{n / MIB:.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.0f} KiB"
    return f"{n} bytes"


def _open_fd(p: Path, what: str) -> int:
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused below).
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{p}: no such {what}; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a {what}") from None
    except PermissionError:
        raise InputError(f"{p}: you do not have permission to read this {what}") from None
    except (OSError, ValueError) as exc:  # ELOOP, ENAMETOOLONG, a NUL in the name, …
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"{p}: cannot be opened as a {what} ({reason})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{p}: is a folder, not a {what}")
        if not stat.S_ISREG(mode):
            raise InputError(
                f"{p}: is not a regular file (it is a device, a pipe or a socket); "
                f"give the path of a {what}"
            )
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _too_big(p: Path, what: str, limit: int) -> InputError:
    return InputError(
        f"{p}: is larger than any {what} rasdesk reads (at most {size_text(limit)}); "
        "check that this is the right file"
    )


def read_bytes(path: Path | str, what: str = "file", limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; otherwise an
    ``InputError`` naming the file and saying what to do."""
    p = Path(path)
    fd = _open_fd(p, what)
    try:
        if os.fstat(fd).st_size > limit:
            raise _too_big(p, what, limit)
        chunks: list[bytes] = []
        got = 0
        while got <= limit:  # the size said may be wrong (a growing file, /proc)
            chunk = os.read(fd, min(limit + 1 - got, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise _too_big(p, what, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def open_regular(path: Path | str, what: str = "file") -> BinaryIO:
    """The regular file ``path`` opened for reading in binary (for files read a line at a
    time; the caller bounds each line)."""
    return os.fdopen(_open_fd(Path(path), what), "rb")


#: The longest line of a file read a line at a time (a .jsonl batch: one answers document
#: a line, a few KiB each).
MAX_LINE_BYTES = 4 * MIB


def bounded_lines(fh: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """The lines of ``fh``, each at most ``limit`` bytes; a longer one is read past in
    bounded pieces and given as ``None``, so one bad line never fills the memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(MIB)
            yield None
            continue
        yield line


def line_too_long(source: str, limit: int = MAX_LINE_BYTES) -> InputError:
    return InputError(f"{source} is longer than {size_text(limit)}; the line was skipped")


def read_json(path: Path | str, what: str = "file", limit: int = MAX_FILE_BYTES) -> Any:
    """The strict JSON document in ``path`` (see ``domain.jsonio``); ``InputError`` if not."""
    data = read_bytes(path, what, limit)
    try:
        return loads_strict(data)
    except StrictJSONError as exc:
        raise InputError(f"{path} is not valid JSON: {exc}") from None


def check_replaceable(path: Path) -> None:
    """Refuse to write over anything but a regular file (a device, a pipe, a folder, a link)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"{path}: cannot be written ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a symbolic link"
            if stat.S_ISLNK(mode)
            else "a device, a pipe or a socket"
        )
        raise InputError(
            f"{path}: is {kind}, not a regular file; rasdesk writes only regular files, "
            "so choose another name"
        )


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
    """Write an output file the user named; refuse to clobber unless asked, and even then
    replace only a regular file."""
    check_replaceable(path)
    if path.exists() and not overwrite:
        raise InputError(f"{path}: already exists; choose another name or remove it first")
    write_atomic(path, data, mode)
