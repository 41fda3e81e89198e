"""The encrypted case store: open it, keep rulesets, start cases, save each answer.

Every change is one short transaction that also writes its audit event (who, when — wall
clock and a monotonic offset within this session —, what, old and new, why). Answers are
one row per change, so an autosave is one small write, and the history is complete.
The lifecycle (finalise, amend, send states, purge) is in ``lifecycle.py``; reading for
lists and search in ``queries.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from rasdesk.cld.details import CaseDetails
from rasdesk.domain.answers import AnswerValue, check_answer, json_value
from rasdesk.domain.answers_v2 import check_answer_v2
from rasdesk.domain.bundle import canonical
from rasdesk.domain.errors import CaseStateError, InputError, StorageError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model import Question, Questionnaire, Ruleset
from rasdesk.domain.model_v2 import QuestionnaireV2
from rasdesk.domain.parse_v2 import AnyRuleset, parse_any
from rasdesk.domain.signing import read_envelope
from rasdesk.storage import faults
from rasdesk.storage.connection import DatabaseError, connect
from rasdesk.storage.migrations import migrate

FORMAT_NEEDS = ("large_print", "easy_read", "welsh", "bsl", "audio", "braille", "plain_text")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Person:
    """Who a case is for, and their communication needs (Accessible Information Standard)."""

    name: str
    date_of_birth: str | None = None
    council_ref: str | None = None
    format_needs: tuple[str, ...] = ()
    language: str = "en"
    helper: str | None = None  # who is helping them with the assessment
    details: CaseDetails = field(default_factory=CaseDetails)  # national return (rasdesk.cld)

    def checked(self) -> Person:
        if not self.name.strip():
            raise InputError("a case needs the name of the person it is for")
        if self.date_of_birth:
            try:
                dt.date.fromisoformat(self.date_of_birth)
            except ValueError:
                raise InputError(
                    f"date of birth {self.date_of_birth!r} is not a date written YYYY-MM-DD"
                ) from None
        unknown = [n for n in self.format_needs if n not in FORMAT_NEEDS]
        if unknown:
            raise InputError(
                f"unknown format need(s) {', '.join(unknown)} (known: {', '.join(FORMAT_NEEDS)})"
            )
        if self.language not in ("en", "cy"):
            raise InputError(f'language must be "en" or "cy", not {self.language!r}')
        details = self.details.checked()
        return self if details == self.details else replace(self, details=details)


def _still_open(conn: Any) -> bool:
    """Whether a transaction is open (read afresh: a failed statement may have ended it)."""
    return bool(conn.in_transaction)


@dataclass
class CaseStore:
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

    @property
    def path(self) -> Path:
        """The store's file (for messages)."""
        name = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        return Path(name or "the case store")

    def close(self) -> None:
        self.db.conn.close()

    # --- transactions and the audit trail -----------------------------------------------
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

    # --- rulesets ---------------------------------------------------------------------
    def keep_ruleset(self, signed: bytes, ruleset: AnyRuleset) -> None:
        """Keep the exact signed bytes forever, keyed by the payload's sha256."""
        self.db.execute(
            "INSERT OR IGNORE INTO rulesets (sha256, id, version, signed, stored_at) VALUES (?, ?, ?, ?, ?)",
            (ruleset.sha256, ruleset.id, ruleset.version, signed, now()),
        )

    def ruleset(self, sha256: str) -> Ruleset:
        """The format-1 ruleset a case is pinned to (format-2 cases: ``any_ruleset``)."""
        found = self.any_ruleset(sha256)
        if not isinstance(found, Ruleset):
            raise InputError(
                f"the ruleset {sha256[:12]}… is format 2: this step works only for format-1 cases"
            )
        return found

    def any_ruleset(self, sha256: str) -> AnyRuleset:
        """The ruleset (format 1 or 2) with this payload sha256, verified when it was kept."""
        found = self._rulesets.get(sha256)
        if found is None:
            row = self.db.execute(
                "SELECT signed FROM rulesets WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if row is None:
                raise StorageError(f"the ruleset {sha256[:12]}… is missing from the case store")
            payload = read_envelope(row[0], f"stored ruleset {sha256[:12]}…").payload
            found = parse_any(payload, f"stored ruleset {sha256[:12]}…")
            if found.sha256 != sha256:
                raise StorageError(f"the stored ruleset {sha256[:12]}… is damaged")
            self._rulesets[sha256] = found
        return found

    # --- cases and versions ------------------------------------------------------------
    def resolve(self, case_id: str) -> str:
        """A full case id from an id or a unique prefix of 8 or more characters."""
        if len(case_id) < 8:
            raise InputError(f"{case_id!r}: give at least the first 8 characters of the case id")
        rows = self.db.execute(
            "SELECT case_uuid FROM cases WHERE case_uuid >= ? AND case_uuid < ? LIMIT 2",
            (case_id, case_id + "\uffff"),
        ).fetchall()
        if not rows:
            raise InputError(f"no case has the id {case_id}; see: rasdesk case list")
        if len(rows) > 1:
            raise InputError(f"{case_id} matches more than one case; give more of the id")
        return str(rows[0][0])

    def case_row(self, case_uuid: str) -> dict[str, Any]:
        cur = self.db.execute("SELECT * FROM cases WHERE case_uuid = ?", (case_uuid,))
        row = cur.fetchone()
        if row is None:
            raise InputError(f"no case has the id {case_uuid}")
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def current_version(self, case_uuid: str) -> dict[str, Any]:
        cur = self.db.execute(
            "SELECT * FROM versions WHERE case_uuid = ? ORDER BY number DESC LIMIT 1", (case_uuid,)
        )
        row = cur.fetchone()
        if row is None:
            raise StorageError(f"the case {case_uuid} has no versions")
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def questionnaire_of(self, version: dict[str, Any], case: dict[str, Any]) -> Questionnaire:
        return self.ruleset(version["ruleset_sha256"]).questionnaire_by_id[case["questionnaire"]]

    def questions_of(self, version: dict[str, Any], case: dict[str, Any]) -> dict[str, Question]:
        """The questions of a case's pinned questionnaire, by id (either format)."""
        ruleset = self.any_ruleset(version["ruleset_sha256"])
        return ruleset.questionnaire_by_id[case["questionnaire"]].question_by_id

    def new_case(
        self,
        person: Person,
        questionnaire_id: str,
        ruleset: AnyRuleset,
        signed: bytes,
        *,
        linked_case: str | None = None,
        device_id: str | None = None,
    ) -> tuple[str, str]:
        """Start a case (version 1, a draft) pinned to ``ruleset``. Returns (case, version)."""
        person = person.checked()
        questionnaire = ruleset.questionnaire_by_id.get(questionnaire_id)
        if questionnaire is None:
            raise InputError(
                f"the ruleset has no questionnaire {questionnaire_id!r} (it has: {', '.join(ruleset.questionnaire_by_id)})"
            )
        if linked_case is not None:
            linked_case = self.resolve(linked_case)
        with self.transaction():
            ids = self.insert_case(person, questionnaire, ruleset, signed, linked_case, device_id)
        self._rulesets.setdefault(ruleset.sha256, ruleset)
        return ids

    def insert_case(
        self,
        person: Person,
        questionnaire: Questionnaire | QuestionnaireV2,
        ruleset: AnyRuleset,
        signed: bytes,
        linked_case: str | None,
        device_id: str | None,
        at: str | None = None,
    ) -> tuple[str, str]:
        """``new_case`` inside the caller's transaction (a review adds its answers to it)."""
        db = self.db
        case_uuid, version_uuid, at = str(uuid.uuid4()), str(uuid.uuid4()), at or now()
        self.keep_ruleset(signed, ruleset)
        db.execute(
            "INSERT INTO cases (case_uuid, questionnaire, kind, person_name, date_of_birth, council_ref,"
            " format_needs, language, helper, linked_case_uuid, created_at, updated_at, current_version, state,"
            " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?)",
            (
                case_uuid,
                questionnaire.id,
                questionnaire.kind,
                person.name.strip(),
                person.date_of_birth,
                person.council_ref,
                json.dumps(list(person.format_needs)),
                person.language,
                person.helper,
                linked_case,
                at,
                at,
                version_uuid,
                json.dumps(person.details.as_dict()),
            ),
        )
        db.execute(
            "INSERT INTO versions (version_uuid, case_uuid, number, state, ruleset_sha256, assessor, device_id,"
            " started_at) VALUES (?, ?, 1, 'draft', ?, ?, ?, ?)",
            (version_uuid, case_uuid, ruleset.sha256, self.actor, device_id, at),
        )
        self.audit(
            case_uuid,
            version_uuid,
            "case started",
            new=f"{ruleset.id} {ruleset.version} {ruleset.sha256}",
            at=at,
        )
        if linked_case:
            self.audit(case_uuid, version_uuid, "linked", new=linked_case, at=at)
        return case_uuid, version_uuid

    # --- answers and notes (autosave) ---------------------------------------------------
    def answers(self, version_uuid: str) -> dict[str, AnswerValue]:
        """The current answer to each question (the latest row; a cleared answer is absent)."""
        rows = self.db.execute(
            "SELECT question, value FROM answers WHERE id IN"
            " (SELECT max(id) FROM answers WHERE version_uuid = ? GROUP BY question)",
            (version_uuid,),
        ).fetchall()
        out: dict[str, AnswerValue] = {}
        for question, value in rows:
            if value is not None:
                parsed = loads_strict(value)
                out[question] = tuple(parsed) if isinstance(parsed, list) else parsed
        return out

    def answers_json(self, version_uuid: str) -> dict[str, Any]:
        """The current answers as an answers document holds them (lists, not tuples)."""
        return {q: json_value(v) for q, v in self.answers(version_uuid).items()}

    def notes(self, version_uuid: str) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT question, text FROM notes WHERE id IN"
            " (SELECT max(id) FROM notes WHERE version_uuid = ? GROUP BY question)",
            (version_uuid,),
        ).fetchall()
        return {q: t for q, t in rows if t}

    def _draft(self, case_uuid: str) -> tuple[dict[str, Any], dict[str, Any]]:
        case = self.case_row(case_uuid)
        version = self.current_version(case_uuid)
        if version["state"] != "draft":
            raise CaseStateError(
                f"case {case_uuid[:8]} version {version['number']} is {version['state']}: it cannot change. "
                "To correct it, amend it with a reason: rasdesk case amend"
            )
        return case, version

    def set_answer(self, case_uuid: str, question_id: str, value: Any) -> None:
        """Save one answer now (``None`` clears it). Checked against the pinned questionnaire."""
        case, version = self._draft(case_uuid)
        form = self.any_ruleset(version["ruleset_sha256"]).questionnaire_by_id[
            case["questionnaire"]
        ]
        question = form.question_by_id.get(question_id)
        if question is None:
            raise InputError(f"there is no question {question_id!r} in this questionnaire")
        if value is None:
            encoded = None
        elif isinstance(form, QuestionnaireV2):  # not applicable, views, evidence (§1.4)
            encoded = canonical(check_answer_v2(form, question, value)).decode()
        else:
            encoded = canonical(json_value(check_answer(question, value))).decode()
        old = self.db.execute(
            "SELECT value FROM answers WHERE version_uuid = ? AND question = ? ORDER BY id DESC LIMIT 1",
            (version["version_uuid"], question_id),
        ).fetchone()
        old_value = old[0] if old else None
        if old_value == encoded:
            return  # nothing changed: nothing to write
        at = now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    version["version_uuid"],
                    question_id,
                    encoded,
                    at,
                    time.monotonic_ns() - self._mono0,
                    self.session,
                ),
            )
            self.audit(
                case_uuid,
                version["version_uuid"],
                "answer",
                question=question_id,
                old=old_value,
                new=encoded,
                at=at,
            )
            db.execute("UPDATE cases SET updated_at = ? WHERE case_uuid = ?", (at, case_uuid))
            # A new answer to an answer pre-filled from last time means it has been looked at.
            db.execute(
                "UPDATE prefilled SET confirmed_at = ? WHERE version_uuid = ? AND question = ?"
                " AND confirmed_at IS NULL",
                (at, version["version_uuid"], question_id),
            )

    def set_notes_on_letter(self, case_uuid: str, agreed: bool) -> None:
        """Record whether the person agreed that their own words go on the letter."""
        case = self.case_row(case_uuid)
        if bool(case["notes_on_letter"]) == agreed:
            return
        with self.transaction() as db:
            db.execute(
                "UPDATE cases SET notes_on_letter = ? WHERE case_uuid = ?", (int(agreed), case_uuid)
            )
            self.audit(
                case_uuid,
                case["current_version"],
                "notes on letter",
                old=str(not agreed).lower(),
                new=str(agreed).lower(),
            )

    def set_note(self, case_uuid: str, question_id: str, text: str) -> None:
        """A note in the person's own words, for one question (or ``general``)."""
        case, version = self._draft(case_uuid)
        if question_id != "general" and question_id not in self.questions_of(version, case):
            raise InputError(f"there is no question {question_id!r} in this questionnaire")
        at = now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO notes (version_uuid, question, text, at) VALUES (?, ?, ?, ?)",
                (version["version_uuid"], question_id, text, at),
            )
            self.audit(
                case_uuid, version["version_uuid"], "note", question=question_id, new=text, at=at
            )
            db.execute("UPDATE cases SET updated_at = ? WHERE case_uuid = ?", (at, case_uuid))
