"""Opening the encrypted case store: SQLCipher 4 (AES-256) through sqlite-utils.

sqlcipher3 is registered as ``pysqlite3`` before sqlite-utils is imported, so sqlite-utils
uses it and catches its errors. The key is a raw 256-bit key (``PRAGMA key = "x'…'"``),
never a passphrase. WAL with ``synchronous=FULL``: a write that returned is on disk.
sqlite-utils's plugins are not loaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", dbapi2)

import sqlite_utils  # noqa: E402  (must come after the registration above)

from rasdesk.domain.errors import StorageError  # noqa: E402
from rasdesk.storage import faults  # noqa: E402

DatabaseError = dbapi2.DatabaseError


def connect(path: Path, key: bytes) -> sqlite_utils.Database:
    """Open (or create) the store at ``path`` with ``key``. Raises ``StorageError`` with a
    plain reason when the key is wrong or the file is not a case store."""
    if len(key) != 32:
        raise StorageError("the case store key must be 32 bytes")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=30
        )
    except DatabaseError as exc:
        raise faults.explain(exc, path) or StorageError(
            f"{path} cannot be opened ({exc}); nothing was changed"
        ) from None
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on a wrong key
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
    except DatabaseError as exc:
        conn.close()
        # Only "not a database" on the first read means a wrong key or a foreign file; a full
        # disk (no room for the -wal) or a busy store must not be called "not a case store".
        explained = faults.explain(exc, path)
        if explained is not None and not (
            isinstance(explained, faults.StoreDamaged) and "not a database" in str(exc)
        ):
            raise explained from None
        raise StorageError(
            f"{path} cannot be opened: it is not a rasdesk case store, or the key in the password "
            "store is not its key. Nothing was changed."
        ) from None
    # No sqlite-utils plugins: loading them scans every installed package's entry points
    # (a start-up cost), and no package installed beside rasdesk may hook the connection
    # to the encrypted store.
    return sqlite_utils.Database(conn, execute_plugins=False)
