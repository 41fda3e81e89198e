"""Support plans and decisions in the case store: each step a new case version.

A plan starts from a finalised version: the first change makes a new draft version that
``supersedes`` it (its answers and notes carried over, like an amendment), holding the
plan in ``plans`` until it is finalised; the plan goes into the frozen bundle
(``rasdesk-case/2``, its ``decision`` section) and the case is then ``waiting`` for a
decision or ``agreed``. A decision is another new version, made and finalised in one
transaction. A finalised version is never changed (the schema's triggers refuse it).
Every value is checked by the decision room before anything is written.

Either ruleset format: a format-1 case's plan is measured against its weekly amount; a
format-2 case's against the council's total of one of its amounts — the assessor's
choice when the plan starts (``amount``), otherwise the first amount for whom the
questionnaire is (``for``: a person's questionnaire, the person's planning amount, not a
carer allocation beside it), otherwise the first (docs/ruleset-v2.md §5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from rasdesk.decision import plan as plans
from rasdesk.decision.decide import Decision, make_decision
from rasdesk.decision.errors import FieldError
from rasdesk.decision.indicative import Indicative, from_format1, from_format2
from rasdesk.decision.plan import Plan, PlanItem
from rasdesk.decision.record import Section, read_section, section
from rasdesk.domain.bundle import canonical, open_bundle
from rasdesk.domain.errors import CaseStateError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model import Section as SectionV1
from rasdesk.domain.model_v2 import Amount, QuestionnaireV2
from rasdesk.storage import lifecycle
from rasdesk.storage.store import CaseStore, now

PLAN_REASON = "support plan"
DECISION_REASON = "decision on the support plan"


def _checked_latest(store: CaseStore, case_uuid: str, on_version: int | None) -> dict[str, Any]:
    version = store.current_version(case_uuid)
    if on_version is not None and on_version != version["number"]:
        raise FieldError(
            "version",
            f"case {case_uuid[:8]} version {on_version} is not its latest version "
            f"(version {version['number']} is): plan on the latest, after reading it again",
        )
    return version


def _frozen_section(version: dict[str, Any]) -> Section | None:
    bundle = open_bundle(version["bundle"], f"case version {version['number']}")
    raw = bundle.get("decision")
    return None if raw is None else read_section(raw)


def planned_amount(questionnaire: QuestionnaireV2, chosen: str | None = None) -> Amount:
    """The format-2 amount a plan is measured against: ``chosen`` (an amount id) when
    given, else the first amount for whom the questionnaire is, else the first."""
    amounts = questionnaire.amounts
    if chosen is not None:
        for a in amounts:
            if a.id == chosen:
                return a
        known = ", ".join(a.id for a in amounts)
        raise FieldError("amount", f"{chosen!r} is not an amount of this assessment ({known})")
    for a in amounts:
        if a.for_whom == questionnaire.kind:
            return a
    if not amounts:
        raise FieldError("amount", "this assessment gives no amount to plan against")
    return amounts[0]


def indicative_of(
    store: CaseStore, case_uuid: str, version: dict[str, Any], amount: str | None = None
) -> Indicative:
    """The indicative amount of a finalised version: its frozen result, with the pinned
    ruleset's weeks per year and sign-off threshold (format 2: the council's total of
    the amount ``planned_amount`` picks, its parts with their funders)."""
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    questionnaire = ruleset.questionnaire_by_id[store.case_row(case_uuid)["questionnaire"]]
    result = open_bundle(version["bundle"], f"case version {version['number']}")["result"]
    if isinstance(questionnaire, QuestionnaireV2):
        spec = planned_amount(questionnaire, amount)
        figures = next(a for a in result["amounts"] if a["id"] == spec.id)
        covers = spec.period.covers
        return from_format2(
            figures,
            spec.conversions,
            spec.sign_off_above,
            None if covers is None else covers.as_dict(),
        )
    if amount is not None:
        raise FieldError(
            "amount", "a format-1 assessment has one amount, its weekly budget: leave it out"
        )
    allocation = questionnaire.allocation
    return from_format1(result, allocation.annual_factor, allocation.sign_off_above)


def need_area_sections(
    store: CaseStore, case_uuid: str, version: dict[str, Any]
) -> tuple[SectionV1, ...]:
    """The need areas (sections) a plan item may say it meets, either format."""
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    questionnaire = ruleset.questionnaire_by_id[store.case_row(case_uuid)["questionnaire"]]
    if isinstance(questionnaire, QuestionnaireV2):
        return tuple(s.section for s in questionnaire.sections)
    return tuple(questionnaire.sections)


def need_areas(store: CaseStore, case_uuid: str, version: dict[str, Any]) -> tuple[str, ...]:
    """The need areas (section ids) a plan item may say it meets, either format."""
    return tuple(s.id for s in need_area_sections(store, case_uuid, version))


def amounts_to_plan(
    store: CaseStore, case_uuid: str, version: dict[str, Any]
) -> list[tuple[str, str]]:
    """Format 2: (id, label in the case's language) of each amount a plan may be measured
    against, the default (``planned_amount``) first; empty for format 1."""
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    case = store.case_row(case_uuid)
    questionnaire = ruleset.questionnaire_by_id[case["questionnaire"]]
    if not isinstance(questionnaire, QuestionnaireV2) or not questionnaire.amounts:
        return []
    first = planned_amount(questionnaire)
    ordered = [first, *(a for a in questionnaire.amounts if a.id != first.id)]
    return [(a.id, a.label.get(case["language"])) for a in ordered]


def current(store: CaseStore, case_uuid: str) -> tuple[dict[str, Any], Section | None]:
    """The latest version and its plan section (a draft's working plan, or the frozen one)."""
    version = store.current_version(case_uuid)
    if version["state"] == "draft":
        row = store.db.execute(
            "SELECT section FROM plans WHERE version_uuid = ?", (version["version_uuid"],)
        ).fetchone()
        return version, None if row is None else read_section(loads_strict(row[0]))
    return version, _frozen_section(version)


def _write(store: CaseStore, version_uuid: str, sec: Section) -> None:
    text = canonical(section(sec.indicative, sec.plan, sec.decision)).decode()
    store.db.execute(
        "INSERT INTO plans (version_uuid, section, at) VALUES (?, ?, ?)"
        " ON CONFLICT (version_uuid) DO UPDATE SET section = excluded.section, at = excluded.at",
        (version_uuid, text, now()),
    )


def _change(
    store: CaseStore,
    case_uuid: str,
    on_version: int | None,
    event: str,
    detail: str,
    change: Callable[[Section], Section],
    amount: str | None = None,
) -> Section:
    """Apply ``change(section) -> section`` to the case's working plan, in one transaction,
    making the plan's draft version first when the latest version is finalised."""
    version = _checked_latest(store, case_uuid, on_version)
    with store.transaction():
        if version["state"] == "draft":
            _, sec = current(store, case_uuid)
            if sec is None:
                raise CaseStateError(
                    f"case {case_uuid[:8]} version {version['number']} is a draft assessment: "
                    "finalise it first (rasdesk case finalise), then make the plan"
                )
            vid = version["version_uuid"]
        else:
            before = _frozen_section(version)
            indicative = _measured_against(store, case_uuid, version, before, amount)
            start = before.plan if before is not None else Plan()
            vid = lifecycle.amend(store, case_uuid, PLAN_REASON)
            sec = Section(indicative, start, None)
        sec = change(sec)
        _write(store, vid, sec)
        store.db.execute(
            "UPDATE cases SET decision_status = 'planning', updated_at = ? WHERE case_uuid = ?",
            (now(), case_uuid),
        )
        store.audit(case_uuid, vid, event, new=detail)
    return sec


def _measured_against(
    store: CaseStore,
    case_uuid: str,
    version: dict[str, Any],
    frozen: Section | None,
    amount: str | None,
) -> Indicative:
    """What a plan on ``version`` is measured against: a plan measured once stays measured
    against the same amount (``frozen``, the last frozen plan); a new one against
    ``amount``'s indicative figure (format 2), or the budget's."""
    return (
        frozen.indicative
        if frozen is not None
        else indicative_of(store, case_uuid, version, amount)
    )


def add_item(
    store: CaseStore,
    case_uuid: str,
    fields: dict[str, Any],
    on_version: int | None = None,
    amount: str | None = None,
) -> PlanItem:
    """Add one item (fields as typed: kind, provider, quantity, unit, rate, period, meets).
    ``amount``: a format-2 amount id to measure the plan against, given when it starts."""
    version = _checked_latest(store, case_uuid, on_version)
    areas = need_areas(store, case_uuid, version)
    _, now_sec = current(store, case_uuid)
    next_id = now_sec.plan.next_id() if now_sec is not None else 1
    item = plans.make_item(next_id, areas=areas, **fields)  # checked before any write
    if now_sec is not None and version["state"] == "draft":
        indicative = now_sec.indicative
    elif version["state"] == "draft":
        indicative = None  # a draft assessment: _change refuses it
    else:
        indicative = _measured_against(store, case_uuid, version, _frozen_section(version), amount)
    if indicative is not None:
        if amount is not None and indicative.amount_id != amount:
            raise FieldError(
                "amount",
                f"the plan is measured against {indicative.amount_id or 'the weekly amount'} "
                "already: an amount is chosen when the plan starts",
            )
        indicative.yearly(Decimal(0), item.period)  # refuses a week with no weeks in a year
    added: list[PlanItem] = []

    def change(sec: Section) -> Section:
        new = plans.make_item(sec.plan.next_id(), areas=areas, **fields)
        added.append(new)
        return Section(sec.indicative, plans.add_item(sec.plan, new), None)

    _change(
        store,
        case_uuid,
        on_version,
        "plan item added",
        canonical(item.as_dict()).decode(),
        change,
        amount,
    )
    return added[0]


def remove_item(
    store: CaseStore, case_uuid: str, item_id: int, on_version: int | None = None
) -> None:
    _, sec = current(store, case_uuid)
    if sec is None:
        raise FieldError("item", f"case {case_uuid[:8]} has no support plan yet")
    plans.remove_item(sec.plan, item_id)  # refuses an unknown item before any write
    _change(
        store,
        case_uuid,
        on_version,
        "plan item removed",
        str(item_id),
        lambda s: Section(s.indicative, plans.remove_item(s.plan, item_id), None),
    )


def set_mechanism(
    store: CaseStore, case_uuid: str, text: str, on_version: int | None = None
) -> str:
    mechanism = plans.mechanism_field(text)
    _change(
        store,
        case_uuid,
        on_version,
        "plan managed as",
        mechanism.code,
        lambda s: Section(s.indicative, Plan(s.plan.items, mechanism, s.plan.agreed_by), None),
    )
    return mechanism.words


def set_agreed_by(
    store: CaseStore, case_uuid: str, who: str, on_version: int | None = None
) -> None:
    text = plans.text_field("agreed_by", who)
    _change(
        store,
        case_uuid,
        on_version,
        "plan agreed by",
        text,
        lambda s: Section(s.indicative, Plan(s.plan.items, s.plan.mechanism, text), None),
    )


def decide(
    store: CaseStore,
    case_uuid: str,
    *,
    on_version: int | None = None,
    source: str = "assessor",
    today: dt.date | None = None,
    **fields: Any,
) -> tuple[str, Decision]:
    """Record the decision on the latest, finalised plan: a new version, finalised at once.
    ``fields``: final, by, reasons, category, role, decided_on. Returns (version, decision)."""
    version = _checked_latest(store, case_uuid, on_version)
    if version["state"] == "draft":
        raise CaseStateError(
            f"case {case_uuid[:8]} version {version['number']} is a draft: a decision is made on a "
            "finalised plan (finalise it first: rasdesk case finalise)"
        )
    sec = _frozen_section(version)
    if sec is None or not sec.plan.items:
        raise CaseStateError(
            f"case {case_uuid[:8]} has no support plan to decide on: make one first (rasdesk case plan)"
        )
    decision = make_decision(
        indicative=sec.indicative.amount,
        period=sec.indicative.period.value,
        source=source,
        today=today,
        **fields,
    )
    with store.transaction():
        vid = lifecycle.amend(store, case_uuid, DECISION_REASON)
        _write(store, vid, Section(sec.indicative, sec.plan, decision))
        store.audit(
            case_uuid,
            vid,
            "decision",
            new=canonical(decision.as_dict()).decode(),
            reason=decision.reasons or None,
        )
        lifecycle.finalise(store, case_uuid)
    return vid, decision
