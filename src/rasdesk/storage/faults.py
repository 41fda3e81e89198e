"""What went wrong with the case store's file, in words a person can act on.

SQLite reports a full disk, a damaged page, a locked file and a wrong key as bare
``DatabaseError``s. ``explain`` turns each into a ``StorageError`` that says what happened,
what was kept and what to do, so no command shows ``database or disk is full`` — or, worse,
calls a store that merely sits on a full disk "not a case store".
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rasdesk.domain.errors import StorageError

# SQLite's primary result codes (the low byte of the extended code).
_BUSY, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 8, 10, 11, 13, 14, 26
#: Below this much free space, an input/output error is most likely a full disk.
_NEARLY_FULL = 4 * 1024 * 1024


class StoreFull(StorageError):
    """The disk holding the case store is full: the change was not saved, nothing else lost."""


class StoreDamaged(StorageError):
    """Part of the case store's file cannot be read (a damaged page)."""


def _code(exc: BaseException) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    if "disk is full" in text:
        return _FULL
    if "malformed" in text:
        return _CORRUPT
    if "not a database" in text:
        return _NOTADB
    return 0


def disk_nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NEARLY_FULL
    except OSError:
        return False


def full(path: Path) -> StoreFull:
    return StoreFull(
        f"the disk that holds the case store ({path.parent}) is full, so this change was not "
        "saved. Everything saved before it is kept: nothing was lost or changed. Free some space "
        "on that disk (empty the wastebasket, move large files away, or ask your IT team), then "
        "do it again."
    )


def damaged(path: Path, detail: str) -> StoreDamaged:
    return StoreDamaged(
        f"the case store {path} is damaged: part of the file cannot be read ({detail}). rasdesk "
        "has changed and deleted nothing, and the cases in the parts that can be read are kept. "
        "Do not delete the file. To keep everything that can still be read in a new store "
        "(the damaged file is kept beside it): rasdesk case salvage. Then ask your IT team "
        "whether a backup holds what was lost; cases already sent are safe at the council."
    )


def explain(exc: BaseException, path: Path) -> StorageError | None:
    """The ``StorageError`` for a database error on the store at ``path``; None when the
    error is not one a person can do anything about (a bug: let it be logged as one)."""
    code = _code(exc)
    if code == _FULL or (code in (_IOERR, _CANTOPEN) and disk_nearly_full(path)):
        return full(path)
    if code in (_CORRUPT, _NOTADB):
        return damaged(path, str(exc))
    if code == _BUSY:
        return StorageError(
            f"the case store {path} is busy: another rasdesk is writing to it. Wait a moment "
            "and try again; nothing was lost."
        )
    if code == _READONLY:
        return StorageError(
            f"the case store {path} cannot be written (the file or its disk is read-only). "
            "Nothing was changed; ask your IT team to make it writable."
        )
    if code == _IOERR:
        return StorageError(
            f"the case store {path} could not be read or written ({exc}): the disk may be "
            "failing or was removed. Nothing saved before was changed; try again, and if it "
            "happens again ask your IT team to check the disk."
        )
    return None
