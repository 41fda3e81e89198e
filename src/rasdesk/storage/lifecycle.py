"""A case version's life: draft → finalised → queued → sending → sent, plus failed
(retried) and quarantined (needs a person; the reason is kept).

Finalising computes the result with the pinned ruleset and freezes the canonical bundle
with its sha256; from then on the version never changes (the schema's triggers refuse it).
A correction is a new version that ``supersedes`` the last and carries a reason. Nothing is
deleted, except by ``purge`` of versions the council has a receipt for.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from rasdesk.cld.details import person_codes
from rasdesk.domain.answers import check_answer, json_value
from rasdesk.domain.answers_v2 import check_answer_v2
from rasdesk.domain.budget import compute_budget
from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.bundle import DOCUMENT_FIELDS, FORMAT, FORMAT_V2, canonical, seal
from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model import Ruleset
from rasdesk.domain.model_v2 import QuestionnaireV2
from rasdesk.domain.result import Result
from rasdesk.domain.result_v2 import ResultV2
from rasdesk.storage import answered_by, linked_facts, prefilled
from rasdesk.storage.linked_facts import LinkedAnswers
from rasdesk.storage.store import CaseStore, now

log = logging.getLogger("rasdesk.storage")

#: Moves the send machinery may make; anything else is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    "finalised": frozenset({"queued"}),
    "queued": frozenset({"sending"}),
    "sending": frozenset({"sent", "failed", "quarantined", "queued"}),
    "failed": frozenset({"sending", "queued"}),
    "quarantined": frozenset({"queued"}),
    "sent": frozenset(),
}


def preview(store: CaseStore, case_uuid: str) -> Result:
    """The budget the current answers give (raises ``AnswersError`` while incomplete)."""
    case = store.case_row(case_uuid)
    version = store.current_version(case_uuid)
    ruleset = store.ruleset(version["ruleset_sha256"])
    answers = store.answers_json(version["version_uuid"])
    doc = {"questionnaire": case["questionnaire"], "answers": answers}
    return compute_budget(ruleset, doc, case["language"], f"case {case_uuid[:8]}")


def compute_case(store: CaseStore, case_uuid: str) -> Result | ResultV2:
    """The result the current answers give with the case's pinned ruleset, format 1 or 2
    (raises ``AnswersError`` / ``InputError`` while incomplete, ``LinkedCaseError`` while
    a carer's facts cannot be read from the linked case)."""
    return _compute(store, case_uuid)[0]


def _compute(
    store: CaseStore, case_uuid: str
) -> tuple[Result | ResultV2, dict[str, Any], LinkedAnswers | None]:
    """The result, the answers document it was computed from, and the linked answers in it
    (format 2: who answered and the linked case's facts, storage/linked_facts.py)."""
    case = store.case_row(case_uuid)
    version = store.current_version(case_uuid)
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    doc, linked = linked_facts.case_document(store, case_uuid)
    source = f"case {case_uuid[:8]}"
    if isinstance(ruleset, Ruleset):
        return compute_budget(ruleset, doc, case["language"], source), doc, None
    return compute_budget_v2(ruleset, doc, case["language"], source), doc, linked


def review_link(store: CaseStore, case_uuid: str) -> dict[str, str] | None:
    """For a review, the case it reviews and the finalised version it started from (the
    bundle's ``review_of``); None for any other case."""
    reviewed = store.case_row(case_uuid)["review_of"]
    if reviewed is None:
        return None
    row = store.db.execute(
        "SELECT old FROM audit WHERE case_uuid = ? AND event = 'review started' ORDER BY id LIMIT 1",
        (case_uuid,),
    ).fetchone()
    return {"case_uuid": reviewed, "version_uuid": row[0]} if row and row[0] else None


def finalise(store: CaseStore, case_uuid: str) -> str:
    """Compute with the pinned ruleset and freeze the bundle. Returns its sha256."""
    case, version = store._draft(case_uuid)
    vid = version["version_uuid"]
    prefilled.refuse_unchecked(store, case_uuid, vid)
    # Refuses incomplete answers, and facts the linked case cannot give, naming each.
    result, doc, linked = _compute(store, case_uuid)
    # The case list's weekly figure is format 1's; a format-2 case has its amounts instead.
    weekly = str(result.as_dict()["weekly"]) if isinstance(result, Result) else None
    at = now()
    audit = [
        {"at": r[0], "event": r[1], "question": r[2], "old": r[3], "new": r[4], "reason": r[5]}
        for r in store.db.execute(
            "SELECT at, event, question, old, new, reason FROM audit WHERE version_uuid = ? ORDER BY id",
            (vid,),
        )
    ]
    bundle = {
        "format": FORMAT,
        "case_uuid": case_uuid,
        "version_uuid": vid,
        "supersedes": version["supersedes"],
        "amendment_reason": version["amendment_reason"],
        "questionnaire": case["questionnaire"],
        "person": {
            "name": case["person_name"],
            "date_of_birth": case["date_of_birth"],
            "council_ref": case["council_ref"],
            "format_needs": json.loads(case["format_needs"]),
            "language": case["language"],
            **person_codes(json.loads(case["format_needs"]), json.loads(case["details"])),
        },
        "linked_case_uuid": case["linked_case_uuid"],
        "answers": store.answers_json(vid),
        "notes": store.notes(vid),
        "ruleset": result.ruleset.as_dict(),
        "result": result.as_dict(),
        "assessor": {"name": version["assessor"], "device_id": version["device_id"]},
        "started_at": version["started_at"],
        "finalised_at": at,
        "audit": audit,
    }
    # Format 2: who answered, and the linked answers the facts were read from, frozen with
    # the version they came from (docs/sync-v2.md, storage/linked_facts.py).
    bundle.update({k: doc[k] for k in DOCUMENT_FIELDS if k in doc})
    if linked is not None:
        bundle["linked_version"] = linked.source()
    reviewed = review_link(store, case_uuid)
    if reviewed is not None:  # only a review's bundle names it (docs/sync-v2.md)
        bundle["review_of"] = reviewed
    plan = store.db.execute("SELECT section FROM plans WHERE version_uuid = ?", (vid,)).fetchone()
    if plan is not None:  # a support plan (and perhaps its decision): storage/decisions.py
        bundle["format"], bundle["decision"] = FORMAT_V2, loads_strict(plan[0])
    data, digest = seal(bundle)
    with store.transaction() as db:
        db.execute(
            "UPDATE versions SET state = 'finalised', finalised_at = ?, bundle = ?, bundle_sha256 = ?"
            " WHERE version_uuid = ? AND state = 'draft'",
            (at, data, digest, vid),
        )
        db.execute("INSERT INTO outbox (version_uuid) VALUES (?)", (vid,))
        db.execute(
            "UPDATE cases SET state = 'finalised', weekly = ?, updated_at = ? WHERE case_uuid = ?",
            (weekly, at, case_uuid),
        )
        if plan is not None:
            db.execute(
                "UPDATE cases SET decision_status = ? WHERE case_uuid = ?",
                (bundle["decision"]["status"], case_uuid),
            )
        if linked is not None:
            facts = canonical(result.as_dict()["facts"]).decode()  # as the result says them
            store.audit(case_uuid, vid, "facts read", old=linked.version_uuid, new=facts, at=at)
        store.audit(case_uuid, vid, "finalised", new=digest, at=at)
    log.info("finalised case %s version %s sha256 %s", case_uuid, vid, digest)
    return digest


def amend(
    store: CaseStore, case_uuid: str, reason: str, answers: dict[str, Any] | None = None
) -> str:
    """A new draft version that supersedes the last one, starting from its answers."""
    if not reason or not reason.strip():
        raise InputError("an amendment needs a reason (--reason), which is kept with the case")
    version = store.current_version(case_uuid)
    if version["state"] == "draft":
        raise CaseStateError(
            f"case {case_uuid[:8]} already has a draft (version {version['number']}); change that instead"
        )
    previous = store.answers(version["version_uuid"])
    notes = store.notes(version["version_uuid"])
    # Check every change first, so the new version and its changes land together or not at all.
    # (format 1 or 2: a format-2 answer may be not applicable, or a record with views)
    questionnaire = store.any_ruleset(version["ruleset_sha256"]).questionnaire_by_id[
        store.case_row(case_uuid)["questionnaire"]
    ]
    changes: dict[str, Any] = {}
    for question_id, value in (answers or {}).items():
        asked = questionnaire.question_by_id.get(question_id)
        if asked is None:
            raise InputError(f"there is no question {question_id!r} in this questionnaire")
        if value is None:
            changes[question_id] = None
        elif isinstance(questionnaire, QuestionnaireV2):
            changes[question_id] = check_answer_v2(questionnaire, asked, value)
        else:
            changes[question_id] = check_answer(asked, value)
    new_id, at = str(uuid.uuid4()), now()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO versions (version_uuid, case_uuid, number, supersedes, amendment_reason, state,"
            " ruleset_sha256, assessor, device_id, started_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
            (
                new_id,
                case_uuid,
                version["number"] + 1,
                version["version_uuid"],
                reason.strip(),
                version["ruleset_sha256"],
                store.actor,
                version["device_id"],
                at,
            ),
        )
        db.execute(
            "UPDATE cases SET current_version = ?, state = 'draft', weekly = NULL, updated_at = ? WHERE case_uuid = ?",
            (new_id, at, case_uuid),
        )
        store.audit(
            case_uuid, new_id, "amended", old=version["version_uuid"], reason=reason.strip(), at=at
        )
        for question, value in previous.items():
            db.execute(
                "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session) VALUES (?, ?, ?, ?, 0, ?)",
                (new_id, question, canonical(json_value(value)).decode(), at, store.session),
            )
        for question, text in notes.items():
            db.execute(
                "INSERT INTO notes (version_uuid, question, text, at) VALUES (?, ?, ?, ?)",
                (new_id, question, text, at),
            )
        answered_by.carry(store, case_uuid, version["version_uuid"], new_id, at)
        for question, value in changes.items():
            old = previous.get(question)
            old_text = None if old is None else canonical(json_value(old)).decode()
            new_text = None if value is None else canonical(json_value(value)).decode()
            if new_text == old_text:
                continue
            db.execute(
                "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session) VALUES (?, ?, ?, ?, 0, ?)",
                (new_id, question, new_text, at, store.session),
            )
            store.audit(
                case_uuid, new_id, "answer", question=question, old=old_text, new=new_text, at=at
            )
    return new_id


def transition(store: CaseStore, version_uuid: str, to: str, reason: str | None = None) -> None:
    """Move a finalised version along the send path (used by sync)."""
    row = store.db.execute(
        "SELECT case_uuid, state FROM versions WHERE version_uuid = ?", (version_uuid,)
    ).fetchone()
    if row is None:
        raise InputError(f"no case version has the id {version_uuid}")
    case_uuid, state = row
    if to not in TRANSITIONS.get(state, frozenset()):
        raise CaseStateError(f"a {state} case version cannot become {to}")
    at = now()
    with store.transaction() as db:
        db.execute(
            "UPDATE versions SET state = ?, state_reason = ? WHERE version_uuid = ?",
            (to, reason, version_uuid),
        )
        db.execute(
            "UPDATE cases SET state = ?, updated_at = ? WHERE current_version = ?",
            (to, at, version_uuid),
        )
        store.audit(case_uuid, version_uuid, to, old=state, reason=reason, at=at)


def record_receipt(store: CaseStore, version_uuid: str, receipt: str, received_at: str) -> None:
    """The council holds this version: keep its receipt and mark it sent."""
    row = store.db.execute(
        "SELECT case_uuid, state, bundle_sha256 FROM versions WHERE version_uuid = ?",
        (version_uuid,),
    ).fetchone()
    if row is None or row[2] is None:
        raise InputError(f"no finalised case version has the id {version_uuid}")
    case_uuid, state, digest = row
    at = now()
    with store.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO receipts (version_uuid, case_uuid, bundle_sha256, receipt, received_at, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (version_uuid, case_uuid, digest, receipt, received_at, at),
        )
        db.execute(
            "UPDATE versions SET state = 'sent', state_reason = NULL WHERE version_uuid = ?",
            (version_uuid,),
        )
        db.execute(
            "UPDATE cases SET state = 'sent', updated_at = ? WHERE current_version = ?",
            (at, version_uuid),
        )
        db.execute("DELETE FROM outbox WHERE version_uuid = ?", (version_uuid,))
        store.audit(case_uuid, version_uuid, "sent", old=state, new=receipt, at=at)


def purge(store: CaseStore, sent_before: str) -> int:
    """Remove versions the council holds (a receipt) received before ``sent_before``.

    Their answers, notes, bundle and audit rows go; the receipt stays as proof. A case
    left with no versions keeps only its id, with the person's details blanked. Logged."""
    rows = store.db.execute(
        "SELECT v.version_uuid, v.case_uuid FROM versions v JOIN receipts r USING (version_uuid)"
        " WHERE r.received_at < ?",
        (sent_before,),
    ).fetchall()
    if not rows:
        return 0
    at = now()
    with store.transaction() as db:
        for vid, case_uuid in rows:
            for table in ("answers", "notes", "outbox", "prefilled"):
                db.execute(f"DELETE FROM {table} WHERE version_uuid = ?", (vid,))
            db.execute("DELETE FROM versions WHERE version_uuid = ?", (vid,))
            db.execute("DELETE FROM audit WHERE version_uuid = ?", (vid,))
            store.audit(
                case_uuid,
                None,
                "purged",
                old=vid,
                reason=f"retention: received before {sent_before}",
                at=at,
            )
        for (case_uuid,) in db.execute(
            "SELECT case_uuid FROM cases c WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.case_uuid = c.case_uuid)"
        ).fetchall():
            db.execute(
                "UPDATE cases SET person_name = '[purged]', date_of_birth = NULL, council_ref = NULL, helper = NULL,"
                " current_version = NULL, weekly = NULL, updated_at = ? WHERE case_uuid = ?",
                (at, case_uuid),
            )
    log.info("purged %d case version(s) received before %s", len(rows), sent_before)
    return len(rows)
