"""One small database layer over SQLite (a file, the default) and PostgreSQL (psycopg 3).

Every query is written once, with ``?`` placeholders, and runs unchanged on both: this
module turns them into psycopg's ``%s``. Write transactions are serialised by the
database itself (``BEGIN IMMEDIATE`` on SQLite, row locks and unique constraints on
PostgreSQL), never by process memory, so several server processes can share one database.
Connections are kept in a small pool so a request does not pay for a new one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from rasdesk.domain.errors import InputError, StorageError

try:  # psycopg is in the `server` extra; SQLite alone needs nothing more
    import psycopg
except ImportError:  # pragma: no cover - only without the extra
    psycopg = None  # type: ignore[assignment]

log = logging.getLogger("rasdesk.server")


class DatabaseUnavailable(StorageError):
    """The database cannot be reached now (down, restarting, refusing connections)."""


#: What a unique or foreign-key constraint raises, on either database.
IntegrityErrors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
#: What a database that is down, locked or busy raises: the request may be tried again.
UnavailableErrors: tuple[type[Exception], ...] = (sqlite3.OperationalError, DatabaseUnavailable)
if psycopg is not None:
    IntegrityErrors += (psycopg.IntegrityError,)
    # InterfaceError: a pooled connection that the restart of PostgreSQL closed.
    UnavailableErrors += (psycopg.OperationalError, psycopg.InterfaceError)


class Outage:
    """Logs a database outage once when it starts and once when it ends (not per request)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.since: float | None = None
        self.refused = 0

    def down(self, exc: BaseException) -> None:
        with self._lock:
            self.refused += 1
            if self.since is not None:
                return
            self.since = time.monotonic()
        log.error(
            "the database is unavailable (%s): answering 503 with Retry-After until it is back",
            str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
        )

    def up(self) -> None:
        with self._lock:
            since, self.since = self.since, None
            if since is None:
                return
            lasted, refused = time.monotonic() - since, self.refused
            self.refused = 0
        log.warning(
            "the database is back after %.1f s; %d request(s) were answered 503", lasted, refused
        )


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Target:
    """Where the data lives: ``kind`` is "sqlite" or "postgresql"."""

    kind: str
    url: str  # for PostgreSQL, the URL as given; for SQLite, the file path
    shown: str  # the URL without any password, for messages and logs


_BAD_URL: tuple[type[Exception], ...] = (ValueError,)
if psycopg is not None:
    _BAD_URL += (psycopg.Error,)
_PASSWORD = re.compile(r"^([a-z]+://[^:/@]*:)[^@]*@")


def parse_url(url: str) -> Target:
    """``postgresql://…``, ``sqlite:///path/file.db``, or a plain path to a SQLite file."""
    if url.startswith(("postgresql://", "postgres://")):
        try:
            parts = urlsplit(url)
            if psycopg is not None:
                psycopg.conninfo.conninfo_to_dict(url)
        except _BAD_URL as exc:
            hidden = _PASSWORD.sub(r"\1***@", url)
            raise InputError(
                f"--database {hidden!r} is not a PostgreSQL URL ({str(exc).strip()}): write it as "
                "postgresql://user:password@host:port/dbname ([::1] for an IPv6 address)"
            ) from None
        netloc = parts.netloc
        if "@" in netloc:
            user, host = netloc.rsplit("@", 1)
            netloc = f"{user.split(':', 1)[0]}@{host}"
        return Target("postgresql", url, urlunsplit(parts._replace(netloc=netloc)))
    if url.startswith("sqlite:///"):
        # sqlite:///srv/s.db and sqlite:////srv/s.db (SQLAlchemy's spelling) are /srv/s.db;
        # a relative file is given as a plain path.
        path = "/" + url[len("sqlite://") :].lstrip("/")
    elif url.startswith("sqlite:"):
        raise InputError(
            f"--database {url!r}: write a SQLite file as sqlite:///path/to/file.db "
            "(three slashes, then the path) or as a plain path"
        )
    elif "://" in url:
        raise InputError(
            f"--database {url!r}: rasdesk-server keeps its data in PostgreSQL "
            "(postgresql://user@host/dbname) or in a SQLite file (sqlite:///path/file.db)"
        )
    else:
        path = url
    if not path.strip():
        raise InputError("--database is empty: give a SQLite file path or a postgresql:// URL")
    return Target("sqlite", path, f"sqlite://{Path(path).resolve()}")


_PLACEHOLDER = re.compile(r"\?")


class Connection:
    """One connection: ``execute`` with ``?`` placeholders and a ``transaction`` block."""

    def __init__(self, target: Target, raw: Any) -> None:
        self.target = target
        self.raw = raw
        self.postgres = target.kind == "postgresql"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        if self.postgres:
            sql = _PLACEHOLDER.sub("%s", sql)
        cursor: Cursor = self.raw.execute(sql, tuple(params))
        return cursor

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: committed at the end, rolled back on any error."""
        self.execute("BEGIN" if self.postgres else "BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def close(self) -> None:
        # Closing a broken connection may fail too; it is gone either way.
        with contextlib.suppress(Exception):
            self.raw.close()


def _connect(target: Target) -> Connection:
    if target.kind == "postgresql":
        if psycopg is None:
            raise StorageError(
                "PostgreSQL needs psycopg: pip install 'rasdesk[server]' (psycopg[binary])"
            )
        try:
            # autocommit: transactions are begun and ended explicitly, as on SQLite.
            raw: Any = psycopg.connect(target.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise DatabaseUnavailable(
                f"cannot connect to the database {target.shown}: {str(exc).strip()}"
            ) from None
        return Connection(target, raw)
    path = Path(target.url)
    if not path.parent.is_dir():
        raise InputError(
            f"the database {path}: its folder {path.parent} does not exist; make it first"
        )
    _private_file(path)
    try:
        raw = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        raw.execute("PRAGMA journal_mode = WAL")
        # FULL: a receipt is only given for a version that is on the disk.
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"cannot open the database {path}: {exc}") from None
    return Connection(target, raw)


def _private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner alone (0600): it holds names, dates of
    birth and notes. SQLite gives its -wal and -shm files the database file's mode."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise StorageError(f"cannot create the database {path}: {exc.strerror}") from None
    os.close(fd)


class Database:
    """A pool of connections to one database. Safe to share between threads."""

    def __init__(self, target: Target, size: int = 8) -> None:
        self.target = target
        self._idle: queue.LifoQueue[Connection] = queue.LifoQueue(maxsize=size)
        self.outage = Outage()

    @classmethod
    def open(cls, url: str) -> Database:
        from rasdesk.server.migrations import migrate

        db = cls(parse_url(url))
        with db.connection() as conn:
            migrate(conn)
        return db

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            try:
                conn = _connect(self.target)
            except DatabaseUnavailable as exc:
                self.outage.down(exc)
                raise
        try:
            yield conn
        except UnavailableErrors as exc:
            # A restarted PostgreSQL breaks every connection of the pool, not just this one:
            # drop them all, so the next requests connect afresh instead of failing in turn.
            conn.close()
            self.close()
            self.outage.down(exc)
            raise
        except BaseException:
            self._give_back(conn)
            raise
        self.outage.up()
        self._give_back(conn)

    def _give_back(self, conn: Connection) -> None:
        try:
            self._idle.put_nowait(conn)
        except queue.Full:
            conn.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
