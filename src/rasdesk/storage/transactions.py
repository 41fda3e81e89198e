"""The case store's transactions and its audit trail (part of ``CaseStore``).

Every change is one short transaction that also writes its audit event: who, when (wall
clock, and a monotonic offset within this session), what, old and new, why. A step
called inside another step's transaction joins it, so both commit together or not at all.
A database failure is explained in words (``faults.explain``), never a bare SQLite error.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from rasdesk.storage import faults
from rasdesk.storage.connection import DatabaseError


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _still_open(conn: Any) -> bool:
    """Whether a transaction is open (read afresh: a failed statement may have ended it)."""
    return bool(conn.in_transaction)


class Transactions:
    """Transactions and audit events; ``CaseStore`` gives the connection and who acts."""

    db: sqlite_utils.Database
    actor: str
    session: str
    _mono0: int

    @property
    def path(self) -> Path:
        """The store's file (for messages)."""
        name = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        return Path(name or "the case store")

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        conn = self.db.conn
        if conn.in_transaction:  # inside another step's transaction: one commit for all
            yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if _still_open(conn):  # SQLite may already have rolled back (disk full)
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except DatabaseError as exc:
            if _still_open(conn):
                conn.execute("ROLLBACK")
            raise faults.explain(exc, self.path) or exc from None

    def audit(
        self,
        case_uuid: str,
        version_uuid: str | None,
        event: str,
        *,
        question: str | None = None,
        old: str | None = None,
        new: str | None = None,
        reason: str | None = None,
        at: str | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO audit (case_uuid, version_uuid, at, mono_ns, session, actor, event, question, old, new, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_uuid,
                version_uuid,
                at or now(),
                time.monotonic_ns() - self._mono0,
                self.session,
                self.actor,
                event,
                question,
                old,
                new,
                reason,
            ),
        )
