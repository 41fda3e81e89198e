"""A lock on an open file that the operating system drops when the process ends, so a
crash or a kill never leaves a stale lock behind (flock on Unix, msvcrt on Windows)."""

from __future__ import annotations

import sys
from typing import IO


def try_lock(fh: IO[bytes]) -> bool:
    """Take the lock on ``fh`` without waiting; False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
