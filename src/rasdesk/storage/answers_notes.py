"""A draft's answers and notes, saved as they are given (part of ``CaseStore``).

Answers are one row per change, so an autosave is one small write and the history is
complete: the current answer to a question is its latest row (a cleared answer is a row
with no value). Each answer is checked against the pinned questionnaire (format 2 also
takes *not applicable*, views and evidence, §1.4) and audited with its old and new value;
an answer pre-filled from last time counts as looked at once it is answered again. Notes
in the person's own words, per question or ``general``, are kept the same way, and so is
their agreement that those words go on the letter.
"""

from __future__ import annotations

import time
from typing import Any

from rasdesk.domain.answers import AnswerValue, check_answer, json_value
from rasdesk.domain.answers_v2 import check_answer_v2
from rasdesk.domain.bundle import canonical
from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model_v2 import QuestionnaireV2
from rasdesk.storage.case_rows import CaseRows
from rasdesk.storage.transactions import now


class AnswersAndNotes(CaseRows):
    """Reading and saving a version's answers and notes."""

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
