"""The encrypted case store: open it, keep rulesets, start cases, save each answer.

``CaseStore`` is the one object the rest of rasdesk uses; its parts live beside it, one
module each: transactions and the audit trail (``transactions.py``: every change is one
short transaction that also writes its audit event), the kept rulesets
(``kept_rulesets.py``), cases and versions (``case_rows.py``), and a draft's answers and
notes (``answers_notes.py``: one row per change, so an autosave is one small write and the
history is complete). Who a case is for is ``person.py``. The lifecycle (finalise, amend,
send states, purge) is in ``lifecycle.py``; reading for lists and search in ``queries.py``.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from rasdesk.domain.parse_v2 import AnyRuleset
from rasdesk.storage import faults
from rasdesk.storage.answers_notes import AnswersAndNotes
from rasdesk.storage.connection import DatabaseError, connect
from rasdesk.storage.migrations import migrate
from rasdesk.storage.person import FORMAT_NEEDS, Person
from rasdesk.storage.transactions import now

__all__ = ["FORMAT_NEEDS", "CaseStore", "Person", "now"]


@dataclass
class CaseStore(AnswersAndNotes):
    """An open case store: its connection, who acts, and this session's id and clock."""

    db: sqlite_utils.Database
    actor: str
    session: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    _mono0: int = field(default_factory=time.monotonic_ns)
    _rulesets: dict[str, AnyRuleset] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path, key: bytes, actor: str) -> CaseStore:
        db = connect(path, key)
        try:
            migrate(db)
        except DatabaseError as exc:
            db.conn.close()
            raise faults.explain(exc, path) or exc from None
        except BaseException:
            db.conn.close()  # e.g. a store from a newer rasdesk: refused, and not held open
            raise
        return cls(db, actor or "unknown")

    def close(self) -> None:
        self.db.conn.close()
