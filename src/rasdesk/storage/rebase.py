"""Moving a draft to another ruleset, as one explicit, audited step in the case store.

The draft keeps its id and version number and is pinned to the new ruleset. Answers that
carry over stay as they are; each one that cannot is cleared with a new answer row (the
old answer stays in the answer history) and an audit event giving the reason in words;
each question to ask again is audited too. The move itself is an audit event recording
both rulesets and the figure before and after. Nothing is silently dropped.

The figures are computed from the answers document every computation of a stored case
uses (``linked_facts.case_document``): a format-2 carer's with the facts read from the
linked person's case, under the ruleset each figure is for.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import Any

from rasdesk.domain.answers import AnswerValue, json_value
from rasdesk.domain.bundle import canonical
from rasdesk.domain.errors import InputError
from rasdesk.domain.model import Ruleset
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.parse_v2 import AnyRuleset
from rasdesk.reviews.carry_over import CarryOver
from rasdesk.reviews.rebase_plan import Document, RebasePlan, plan_rebase
from rasdesk.storage.linked_facts import case_document, facts_under
from rasdesk.storage.store import CaseStore, now

log = logging.getLogger("rasdesk.storage")
MOVED = "moved to ruleset"


def _ref(ruleset: Ruleset | RulesetV2) -> str:
    return f"{ruleset.id} {ruleset.version} {ruleset.sha256}"


def audit_not_carried(
    store: CaseStore, case_uuid: str, vid: str, carry: CarryOver, at: str, *, clear: bool
) -> None:
    """Audit each answer that did not carry over (and each question to ask), with the reason
    in words; with ``clear``, also clear the answer by a new row (the old one stays)."""
    mono = time.monotonic_ns() - store._mono0
    for lost in carry.not_carried:
        old_text = None if lost.old is None else canonical(json_value(lost.old)).decode()
        if old_text is not None and clear:
            store.db.execute(
                "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session)"
                " VALUES (?, ?, NULL, ?, ?, ?)",
                (vid, lost.question, at, mono, store.session),
            )
        store.audit(
            case_uuid,
            vid,
            "not carried over" if old_text is not None else "to ask",
            question=lost.question,
            old=old_text,
            reason=lost.words,
            at=at,
        )


def documents(
    store: CaseStore,
    case_uuid: str,
    *,
    linked_to: str | None = None,
    frozen: dict[str, Any] | None = None,
) -> Document:
    """The case's answers documents under a given ruleset and answers, as every computation
    of a stored case builds them (``linked_facts.case_document``); a carer's facts read from
    its linked case, or ``linked_to``, or a finalised bundle's frozen ones (``frozen``)."""

    def document(ruleset: AnyRuleset, answers: Mapping[str, AnswerValue]) -> dict[str, Any]:
        return case_document(
            store, case_uuid, ruleset, answers, linked_to=linked_to, frozen=frozen
        )[0]

    return document


def plan_for_case(store: CaseStore, case_uuid: str, new: AnyRuleset) -> RebasePlan:
    """What moving the case's draft to ``new`` (format 1 or 2) would do (nothing is stored)."""
    case, version = store._draft(case_uuid)
    old = store.any_ruleset(version["ruleset_sha256"])
    if old.sha256 == new.sha256:
        raise InputError(
            f"case {case_uuid[:8]} already uses ruleset {new.id} {new.version}: nothing to move"
        )
    answers = store.answers(version["version_uuid"])
    return plan_rebase(
        old,
        new,
        case["questionnaire"],
        answers,
        case["language"],
        documents(store, case_uuid),
        facts=facts_under(store, case_uuid, new),
    )


def rebase_draft(store: CaseStore, case_uuid: str, new: AnyRuleset, signed: bytes) -> RebasePlan:
    """Move the case's draft to ``new`` (its exact signed bytes are kept). Returns the plan."""
    plan = plan_for_case(store, case_uuid, new)
    version = store.current_version(case_uuid)
    vid = version["version_uuid"]
    at = now()
    summary = plan.as_dict()
    with store.transaction() as db:
        store.keep_ruleset(signed, new)
        db.execute(
            "UPDATE versions SET ruleset_sha256 = ? WHERE version_uuid = ? AND state = 'draft'"
            " AND bundle IS NULL",
            (new.sha256, vid),
        )
        store.audit(
            case_uuid,
            vid,
            MOVED,
            old=_ref(plan.old),
            new=_ref(new),
            reason=json.dumps(
                {k: summary[k] for k in ("before_weekly", "after_weekly", "asked_again")}
            ),
            at=at,
        )
        audit_not_carried(store, case_uuid, vid, plan.carry, at, clear=True)
        db.execute("UPDATE cases SET updated_at = ? WHERE case_uuid = ?", (at, case_uuid))
    store._rulesets.setdefault(new.sha256, new)
    log.info(
        "moved case %s version %s from ruleset %s to %s",
        case_uuid,
        vid,
        plan.old.sha256[:12],
        new.sha256[:12],
    )
    return plan
