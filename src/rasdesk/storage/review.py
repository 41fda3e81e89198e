"""A review: a new draft for the same person, with the answers of their last finalised
assessment moved to the current ruleset and marked "from last time — check it".

The review is a new case (``review_of`` names the case it reviews), so last year's case and
its letter stay exactly as they were. A carer's assessment linked to the person is reviewed
with it, linked to the new case. What could not carry over is audited, in words, and asked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rasdesk.cld.details import CaseDetails
from rasdesk.domain.answers import AnswerValue, json_value
from rasdesk.domain.bundle import canonical, open_bundle
from rasdesk.domain.errors import InputError
from rasdesk.domain.parse_v2 import AnyRuleset
from rasdesk.reviews.rebase_plan import RebasePlan, plan_rebase
from rasdesk.reviews.since_last_time import SinceLastTime, compare
from rasdesk.storage import prefilled
from rasdesk.storage.linked_facts import facts_under
from rasdesk.storage.rebase import audit_not_carried, documents
from rasdesk.storage.store import CaseStore, Person, now


@dataclass(frozen=True, slots=True)
class Review:
    case_uuid: str  # the new draft
    source_case: str
    source_version: str
    plan: RebasePlan
    carers: tuple[Review, ...] = ()
    notes: tuple[str, ...] = field(default=())


def last_finalised(store: CaseStore, case_uuid: str) -> dict[str, Any] | None:
    """The case's latest finalised version (with its frozen bundle), if any."""
    cur = store.db.execute(
        "SELECT * FROM versions WHERE case_uuid = ? AND bundle IS NOT NULL ORDER BY number DESC LIMIT 1",
        (case_uuid,),
    )
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def last_answers(store: CaseStore, version: dict[str, Any]) -> dict[str, AnswerValue]:
    """The answers frozen in a finalised version's bundle, as the store reads answers."""
    bundle = open_bundle(version["bundle"], f"case version {version['version_uuid'][:8]}")
    return {q: tuple(v) if isinstance(v, list) else v for q, v in bundle["answers"].items()}


def open_review(store: CaseStore, case_uuid: str) -> str | None:
    row = store.db.execute(
        "SELECT case_uuid FROM cases WHERE review_of = ? AND state = 'draft' LIMIT 1", (case_uuid,)
    ).fetchone()
    return None if row is None else str(row[0])


def start_review(
    store: CaseStore,
    case_uuid: str,
    ruleset: AnyRuleset,
    signed: bytes,
    *,
    device_id: str | None = None,
    linked_case: str | None = None,
) -> Review:
    """Start the review of ``case_uuid`` under ``ruleset``, format 1 or 2 (and of its carers'
    assessments). Last year's case may be of either format too."""
    case = store.case_row(case_uuid)
    source = last_finalised(store, case_uuid)
    if source is None:
        raise InputError(
            f"case {case_uuid[:8]} has no finalised assessment to review from: finish it first "
            "(rasdesk case finalise), or start a new assessment"
        )
    already = open_review(store, case_uuid)
    if already is not None:
        raise InputError(
            f"a review of case {case_uuid[:8]} is already in progress: case {already[:8]}; carry on with that one"
        )
    old = store.any_ruleset(source["ruleset_sha256"])
    answers = last_answers(store, source)
    # A carer's figures read the person's facts: last time's frozen in its bundle, and the
    # new ones from the case the review will be linked to (the person's review).
    frozen = open_bundle(source["bundle"])
    to = linked_case if linked_case is not None else case["linked_case_uuid"]
    plan = plan_rebase(
        old,
        ruleset,
        case["questionnaire"],
        answers,
        case["language"],
        documents(store, case_uuid, linked_to=to),
        documents(store, case_uuid, frozen=frozen),
        facts_under(store, case_uuid, ruleset, linked_to=to),
    )
    person = Person(
        case["person_name"],
        case["date_of_birth"],
        case["council_ref"],
        tuple(json.loads(case["format_needs"])),
        case["language"],
        case["helper"],
        CaseDetails.from_dict(json.loads(case["details"])).for_new_assessment(),
    )
    at = now()
    with store.transaction() as db:
        new_case, vid = store.insert_case(
            person,
            ruleset.questionnaire_by_id[case["questionnaire"]],
            ruleset,
            signed,
            linked_case if linked_case is not None else case["linked_case_uuid"],
            device_id,
            at,
        )
        db.execute("UPDATE cases SET review_of = ? WHERE case_uuid = ?", (case_uuid, new_case))
        store.audit(
            new_case,
            vid,
            "review started",
            old=source["version_uuid"],
            new=f"{ruleset.id} {ruleset.version} {ruleset.sha256}",
            reason=f"review of case {case_uuid}",
            at=at,
        )
        for question, value in plan.carry.carried.items():
            db.execute(
                "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session)"
                " VALUES (?, ?, ?, ?, 0, ?)",
                (vid, question, canonical(json_value(value)).decode(), at, store.session),
            )
        in_order = [q.id for q in plan.new.questionnaire_by_id[case["questionnaire"]].questions()]
        marked = [q for q in in_order if q in plan.carry.carried]  # in questionnaire order
        prefilled.mark(store, vid, marked, source["version_uuid"], at)
        audit_not_carried(store, new_case, vid, plan.carry, at, clear=False)
    store._rulesets.setdefault(ruleset.sha256, ruleset)
    carers, notes = _review_carers(store, case_uuid, new_case, ruleset, signed, device_id)
    return Review(new_case, case_uuid, source["version_uuid"], plan, carers, notes)


def _review_carers(
    store: CaseStore,
    case_uuid: str,
    new_case: str,
    ruleset: AnyRuleset,
    signed: bytes,
    device_id: str | None,
) -> tuple[tuple[Review, ...], tuple[str, ...]]:
    """Review each carer's assessment linked to the person, linked to the new case."""
    reviews: list[Review] = []
    notes: list[str] = []
    for carer, name in store.db.execute(
        "SELECT case_uuid, person_name FROM cases WHERE linked_case_uuid = ? AND kind = 'carer'"
        " ORDER BY created_at",
        (case_uuid,),
    ).fetchall():
        if last_finalised(store, carer) is None:
            notes.append(
                f"{name}'s carer's assessment (case {carer[:8]}) was never finalised: it was not reviewed."
            )
        elif open_review(store, carer) is not None:
            notes.append(
                f"{name}'s carer's assessment (case {carer[:8]}) is already being reviewed."
            )
        else:
            reviews.append(
                start_review(
                    store, carer, ruleset, signed, device_id=device_id, linked_case=new_case
                )
            )
    return tuple(reviews), tuple(notes)


def since_last_time(store: CaseStore, case_uuid: str, lang: str = "en") -> SinceLastTime:
    """What changed between the reviewed case's last finalised version and this draft (or
    this case's own finalised version)."""
    case = store.case_row(case_uuid)
    if case["review_of"] is None:
        raise InputError(
            f"case {case_uuid[:8]} is not a review: there is no last time to compare with "
            "(start one with: rasdesk case review CASE_ID)"
        )
    source = last_finalised(store, case["review_of"])
    if source is None:  # purged since: the comparison can no longer be made
        raise InputError(
            f"the case this reviews ({case['review_of'][:8]}) has no finalised version left to compare with"
        )
    version = store.current_version(case_uuid)
    # A carer's facts: last time's as frozen in its bundle; now's from the linked case as
    # the draft reads them, or as this case's own finalised version froze them.
    own = None if version["bundle"] is None else open_bundle(version["bundle"])
    return compare(
        store.any_ruleset(source["ruleset_sha256"]),
        last_answers(store, source),
        store.any_ruleset(version["ruleset_sha256"]),
        store.answers(version["version_uuid"]),
        case["questionnaire"],
        lang,
        last_document=documents(store, case_uuid, frozen=open_bundle(source["bundle"])),
        now_document=documents(store, case_uuid, frozen=own),
    )
