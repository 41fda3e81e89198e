"""Writing an output file whole or not at all, readable by its owner alone.

The text goes to a temporary file (0600) in the same folder, is flushed to the disk, and
then takes the file's name in one step (``os.replace``): a reader never sees half an
export, and a failure leaves whatever was there before. An existing file is replaced only
with ``--force``, and only if it is a regular file (never a device, a folder or a pipe).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rasdesk.domain.errors import InputError


def _check(path: Path, force: bool, option: str) -> None:
    if not path.parent.is_dir():
        raise InputError(f"{option} {path}: the folder {path.parent} does not exist")
    try:
        found = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(found.st_mode):
        raise InputError(f"{option} {path}: it is not a regular file; give the name of a new file")
    if not force:
        raise InputError(f"{option} {path} exists: give another name, or --force to replace it")


@contextlib.contextmanager
def write_atomically(path: Path, force: bool, option: str = "-o") -> Iterator[IO[str]]:
    """A text file to write; it becomes ``path`` when the block ends without an error."""
    _check(path, force, option)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _check(path, force, option)  # the path may have changed meanwhile
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
