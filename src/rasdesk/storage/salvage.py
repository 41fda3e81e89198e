"""Saving what can still be read from a damaged case store (``rasdesk case salvage``).

When a page of the encrypted file is damaged, SQLCipher refuses that page, and any query
that walks through it stops. Salvage copies the store, with the same key, into a new file:
each table whole where it can be read, otherwise row by row (a lookup by rowid only
touches the pages on that row's path, so one bad page costs only the rows on it). Then the
indexes, the search index and the triggers are made again, and the new file takes the
store's place; the damaged file is kept beside it, renamed, never deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from rasdesk.domain.errors import StorageError
from rasdesk.storage.connection import DatabaseError

#: Rows looked up one by one at most (a damaged page could claim any rowid).
MAX_ROWID = 20_000_000
#: When the largest rowid cannot be read: rowids looked up past the last one found.
GAP = 1_000


@dataclass
class Salvaged:
    """What salvage kept: rows copied and rows that could not be read, per table."""

    store: Path
    damaged_copy: Path
    copied: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)


def _qualified(sql: str, kind: str, name: str) -> str:
    """``CREATE <kind> name …`` → ``CREATE <kind> salvaged.name …``."""
    pattern = rf"CREATE\s+{kind}\s+(IF\s+NOT\s+EXISTS\s+)?[\"`\[]?{re.escape(name)}[\"`\]]?"
    found = re.match(pattern, sql.strip(), re.IGNORECASE)
    if found is None:
        raise StorageError(f"the schema entry {name} cannot be read back ({sql[:60]}…)")
    return f"CREATE {kind} salvaged.{name}" + sql.strip()[found.end() :]


class _Source:
    """The damaged store, with the new one attached. After SQLCipher meets a damaged page it
    refuses all further work on that connection, so each failure opens a fresh one."""

    def __init__(self, path: Path, new: Path, hexkey: str) -> None:
        self.path, self.new, self.hexkey = path, new, hexkey
        self.conn = self._open()

    def _open(self) -> sqlcipher3.Connection:
        conn = sqlcipher3.connect(str(self.path), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{self.hexkey}'\"")
        conn.execute(f"ATTACH DATABASE ? AS salvaged KEY \"x'{self.hexkey}'\"", (str(self.new),))
        # One statement at a time (a transaction that read a damaged page cannot commit), on
        # a new file without journal or syncs: if salvage stops, the new file is deleted.
        conn.execute("PRAGMA salvaged.journal_mode = OFF")
        conn.execute("PRAGMA salvaged.synchronous = OFF")
        return conn

    def failed(self) -> None:
        self.conn.close()
        self.conn = self._open()

    def close(self) -> None:
        self.conn.close()


def _copy_table(src: _Source, table: str) -> tuple[int, int]:
    """(rows copied, rows lost) of one table."""
    try:
        src.conn.execute(f'INSERT INTO salvaged."{table}" SELECT * FROM main."{table}"')
        return src.conn.execute(f'SELECT count(*) FROM salvaged."{table}"').fetchone()[0], 0
    except DatabaseError:
        src.failed()
        src.conn.execute(f'DELETE FROM salvaged."{table}"')  # what got in before the bad page
    last: int | None
    try:
        last = src.conn.execute(f'SELECT max(rowid) FROM main."{table}"').fetchone()[0] or 0
    except DatabaseError:
        src.failed()
        last = None  # the last page is damaged: look until well past the last row found
    copied = rowid = found = 0
    failed: list[int] = []
    while rowid < MAX_ROWID:
        rowid += 1
        if rowid > (last if last is not None else found + GAP):
            break
        try:
            done = src.conn.execute(
                f'INSERT INTO salvaged."{table}" SELECT * FROM main."{table}" WHERE rowid = ?',
                (rowid,),
            )
        except DatabaseError:
            src.failed()
            failed.append(rowid)
            continue
        if done.rowcount:
            copied += 1
            found = rowid
    # Past the largest rowid found, a failed look-up may be a row or nothing: not counted.
    lost = len(failed) if last is not None else sum(1 for r in failed if r < found)
    return copied, lost


def salvage(path: Path, key: bytes) -> Salvaged:
    """Copy what can be read of the store at ``path`` into a new store that takes its place;
    the damaged file is kept as ``<name>.damaged-<time>``. Raises ``StorageError`` when not
    even the list of tables can be read."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    new = path.with_name(f"{path.name}.salvaged-{stamp}")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    hexkey = key.hex()
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{hexkey}'\"")
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except DatabaseError as exc:
        raise StorageError(
            f"{path} is damaged where it lists its own tables ({exc}), so nothing can be "
            "salvaged from it here; keep the file and ask your IT team to restore a backup"
        ) from None
    finally:
        conn.close()
    virtual = [n for t, n, _, sql in schema if t == "table" and "VIRTUAL" in sql.upper()]
    tables = [
        (n, sql)
        for t, n, _, sql in schema
        if t == "table" and n not in virtual and not any(n.startswith(f"{v}_") for v in virtual)
    ]
    result = Salvaged(path, kept)
    try:
        src = _Source(path, new, hexkey)
        try:
            for name, sql in tables:
                src.conn.execute(_qualified(sql, "TABLE", name))
            for name, _ in tables:
                result.copied[name], result.lost[name] = _copy_table(src, name)
        finally:
            src.close()
        # The rest on the new file alone: indexes, the search index, triggers, the version.
        conn = sqlcipher3.connect(str(new), isolation_level=None)
        try:
            conn.execute(f"PRAGMA key = \"x'{hexkey}'\"")
            conn.execute("BEGIN")
            for kind in ("index", "table", "trigger"):
                for t, name, _, sql in schema:
                    if t == kind and (kind != "table" or name in virtual):
                        conn.execute(sql)
            for name in virtual:  # made again from the rows kept
                conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
            conn.execute("COMMIT")
            conn.execute(f"PRAGMA user_version = {version}")
        finally:
            conn.close()
    except BaseException:
        new.unlink(missing_ok=True)
        raise
    os.replace(path, kept)  # the damaged file is kept, whole, beside the new one
    if Path(f"{path}-wal").exists():  # with its log of recent changes
        os.replace(f"{path}-wal", f"{kept}-wal")
    Path(f"{path}-shm").unlink(missing_ok=True)
    os.replace(new, path)
    return result
