"""The throwaway profile of ``rasdesk demo``: a folder in the temporary directory, removed
when the demo ends — and, when a demo was killed before it could remove its own, removed by
the next demo that starts.

Each demo holds a lock on ``demo.lock`` in its folder for as long as it runs; the operating
system drops the lock when the process dies, however it dies. A folder whose lock can be
taken therefore belongs to no running demo and is deleted; one whose lock is held is left
alone (another demo is open). So is one changed in the last ``YOUNG_SECONDS``: a demo that
has just made its folder has not taken its lock yet, and another demo starting at that
moment must not delete it from under it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

from rasdesk.platform.locks import try_lock

PREFIX = "rasdesk-demo-"
LOCK = "demo.lock"
YOUNG_SECONDS = 30


def clean_stale(folder: Path | None = None) -> list[Path]:
    """Delete the demo folders in ``folder`` (the temporary directory) that no running demo
    holds. Returns the folders deleted."""
    removed: list[Path] = []
    for home in sorted(Path(folder or tempfile.gettempdir()).glob(f"{PREFIX}*")):
        if home.is_symlink() or not home.is_dir():
            continue
        try:
            if time.time() - home.stat().st_mtime < YOUNG_SECONDS:
                continue  # perhaps just made, its lock not taken yet
        except OSError:
            continue  # being deleted
        try:
            fh = open(home / LOCK, "a+b")  # noqa: SIM115  (closed below, before the delete)
        except OSError:
            continue  # not ours (another user's), or being deleted
        try:
            if not try_lock(fh):
                continue  # a demo is running in it
        finally:
            fh.close()
        shutil.rmtree(home, ignore_errors=True)
        removed.append(home)
    return removed


def create(folder: Path | None = None) -> tuple[Path, IO[bytes]]:
    """A new demo folder and its held lock (close the lock, then delete the folder, at the
    end). Stale folders of killed demos are cleaned first."""
    clean_stale(folder)
    home = Path(tempfile.mkdtemp(prefix=PREFIX, dir=folder))
    fh = open(home / LOCK, "a+b")  # noqa: SIM115  (held for the whole demo)
    try_lock(fh)
    return home, fh


def remove(home: Path, lock: IO[bytes]) -> None:
    lock.close()  # first: Windows cannot delete a file that is open
    shutil.rmtree(home, ignore_errors=True)
