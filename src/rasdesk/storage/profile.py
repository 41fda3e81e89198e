"""The user's own case store: where it is, and its key from the OS password store.

Light to import (the app asks where the store is before its first paint): the store's own
modules (SQLCipher, sqlite-utils) are imported when it is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rasdesk.platform import paths, secrets, settings

if TYPE_CHECKING:
    from rasdesk.storage.store import CaseStore


def store_path() -> Path:
    return paths.data_dir() / "cases.db"


def open_user_store() -> CaseStore:
    """Open (creating on first use) the encrypted store. Refuses, saying why, when there is
    no usable password store; a key is created only when no store exists yet."""
    return open_user_store_and_key()[0]


def open_user_store_and_key(key: bytes | None = None) -> tuple[CaseStore, bytes]:
    """``open_user_store`` and the key it was opened with: the key is read from the password
    store once (each read is a round trip to it, a tenth of a second with the Secret
    Service), or given (read already, ``secrets.database_key(create=False)``)."""
    from rasdesk.storage.store import CaseStore

    path = store_path()
    if key is None:
        key = secrets.database_key(create=not path.exists())
    return CaseStore.open(path, key, settings.load()["assessor_name"]), key
