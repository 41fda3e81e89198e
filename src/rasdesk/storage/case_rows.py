"""A case store's cases and versions (part of ``CaseStore``): finding a case by its id or a
prefix of it, reading a case's row and its current version, the questionnaire it is pinned
to, and starting a case: version 1, a draft pinned to a ruleset whose signed bytes are kept,
with its "case started" (and "linked") audit events. Only a draft takes changes (``_draft``).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from rasdesk.domain.errors import CaseStateError, InputError, StorageError
from rasdesk.domain.model import Question, Questionnaire
from rasdesk.domain.model_v2 import QuestionnaireV2
from rasdesk.domain.parse_v2 import AnyRuleset
from rasdesk.storage.kept_rulesets import KeptRulesets
from rasdesk.storage.person import Person
from rasdesk.storage.transactions import Transactions, now


class CaseRows(KeptRulesets, Transactions):
    """Reading and starting cases and their versions."""

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

    def _draft(self, case_uuid: str) -> tuple[dict[str, Any], dict[str, Any]]:
        case = self.case_row(case_uuid)
        version = self.current_version(case_uuid)
        if version["state"] != "draft":
            raise CaseStateError(
                f"case {case_uuid[:8]} version {version['number']} is {version['state']}: it cannot change. "
                "To correct it, amend it with a reason: rasdesk case amend"
            )
        return case, version
