"""Support plans and decisions on format-2 cases, in a real store: the plan is measured
against the council's total of the person's own amount (another funder's part shown, never
counted as council money), the ruleset's sign-off threshold read per amount, another amount
chosen only when the plan starts, a one-off amount with no weeks in a year refusing a
weekly item, and every refusal naming its field with nothing saved."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rasdesk.decision.errors import FieldError
from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.store import CaseStore, Person
from tests.demo_v2 import demo_v2_answers, worked_example_answers
from tests.storage.helpers import answered_case, new_store

DEMO = demo_dir()
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
TODAY = dt.date(2026, 12, 4)
CARE = {"kind": "Personal care", "provider": "Agency", "unit": "hours", "rate": "24.50"}
CARER = demo_v2_answers("carer-example")  # resources/demo/answers-v2
EXAMPLE_D = worked_example_answers("d-person-and-carer", 1)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = new_store(tmp_path)
    yield s
    s.close()


def finalised_v2(
    store: CaseStore,
    answers: dict[str, Any] | None = None,
    questionnaire: str = "person",
    signed: Path = DEMO / "demo-v2.ruleset.signed.json",
) -> str:
    verified = load_signed_any(signed, [DEMO / "DEMO-public-key.pem"])
    case, _ = store.new_case(
        Person("Ffion Morgan"), questionnaire, verified.ruleset, verified.signed_bytes
    )
    if answers is None:
        answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]
    for question, value in answers.items():
        store.set_answer(case, question, value)
    lifecycle.finalise(store, case)
    return case


def counts(store: CaseStore) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("versions", "plans", "audit")
    )


def result_amount(store: CaseStore, case: str, amount_id: str) -> dict[str, Any]:
    result = open_bundle(store.current_version(case)["bundle"])["result"]
    return next(a for a in result["amounts"] if a["id"] == amount_id)


def test_a_format2_plan_is_measured_against_the_council_total(store: CaseStore) -> None:
    case = finalised_v2(store)
    figures = result_amount(store, case, "budget")
    # The demo's person: £586.20 a week from the council, £235.88 from the NHS.
    assert (figures["council"], figures["funders"]["nhs"]) == ("586.20", "235.88")
    # 24 hours × £24.50 = £588.00 a week: below the total (£822.08) but above the council's.
    decisions.add_item(store, case, {**CARE, "quantity": "24", "meets": ["personal_care"]})
    decisions.set_mechanism(store, case, "Direct Payment")
    lifecycle.finalise(store, case)
    bundle = open_bundle(store.current_version(case)["bundle"])
    sec = bundle["decision"]
    assert sec["indicative"]["amount"] == "586.20" and sec["indicative"]["amount_id"] == "budget"
    assert sec["indicative"]["per_year"] == "30482.40"  # the result's own council figure a year
    assert sec["indicative"]["weeks_per_year"] == "52"
    assert {p["funder"]: p["amount"] for p in sec["indicative"]["parts"]}["nhs"] == "235.88"
    assert sec["needs_decision"] == ["above_indicative"] and sec["status"] == "waiting"
    assert sec["cost"]["comparison"]["difference"] == "93.60"  # £1.80 × 52
    assert store.case_row(case)["decision_status"] == "waiting"
    _, decision = decisions.decide(
        store,
        case,
        final="588.00",
        by="Resource allocation panel",
        reasons="Agreed for the extra hours of personal care.",
        category="needs_not_captured",
        today=TODAY,
    )
    assert (decision.period, decision.final, decision.by_role) == (
        "week",
        Decimal("588.00"),
        "panel",
    )
    done = store.current_version(case)
    assert done["state"] == "finalised"
    assert open_bundle(done["bundle"])["decision"]["status"] == "decided"
    assert store.case_row(case)["decision_status"] == "decided"


def test_the_sign_off_threshold_is_the_amounts_own(store: CaseStore) -> None:
    """The demo's budget needs sign-off above £600.00 of council money a week: a plan of
    £610.00 a week needs it, and (above the council's £586.20) a decision too."""
    case = finalised_v2(store)
    decisions.add_item(store, case, {**CARE, "quantity": "20", "rate": "30.50"})
    lifecycle.finalise(store, case)
    sec = open_bundle(store.current_version(case)["bundle"])["decision"]
    assert sec["indicative"]["sign_off_above"] == "600.00"
    assert sec["needs_decision"] == ["above_indicative", "above_sign_off"]


def test_a_plan_at_the_council_total_needs_no_decision(store: CaseStore) -> None:
    case = finalised_v2(store)
    decisions.add_item(store, case, {**CARE, "quantity": "1", "unit": "budget", "rate": "586.20"})
    lifecycle.finalise(store, case)
    sec = open_bundle(store.current_version(case)["bundle"])["decision"]
    assert sec["status"] == "agreed" and sec["cost"]["comparison"]["direction"] == "same"
    with pytest.raises(FieldError, match="reason"):  # differs from the council's £586.20
        decisions.decide(store, case, final="822.08", by="Jo Bloggs, team manager", today=TODAY)


def test_the_persons_amount_is_the_default_and_another_is_chosen_at_the_start(
    store: CaseStore,
) -> None:
    signed = EXAMPLES / "d-person-and-carer" / "person-and-carer.ruleset.signed.json"
    person = finalised_v2(store, EXAMPLE_D, signed=signed)
    council = Decimal(result_amount(store, person, "planning_amount")["council"])
    decisions.add_item(store, person, {**CARE, "quantity": "2", "period": "month"})
    _, sec = decisions.current(store, person)
    assert sec is not None and sec.indicative.amount_id == "planning_amount"
    assert sec.indicative.period.value == "year"
    assert sec.indicative.amount == council
    before = counts(store)
    with pytest.raises(FieldError, match="amount: the plan is measured against planning_amount"):
        decisions.add_item(store, person, {**CARE, "quantity": "1"}, amount="carer_allocation")
    assert counts(store) == before

    other = finalised_v2(store, EXAMPLE_D, signed=signed)
    before = counts(store)
    with pytest.raises(FieldError, match=r"amount: 'respite' is not an amount .*carer_allocation"):
        decisions.add_item(store, other, {**CARE, "quantity": "1"}, amount="respite")
    assert counts(store) == before
    # The carer allocation is a year with no conversion declared: a weekly item is refused,
    # a monthly one is costed × 12.
    with pytest.raises(FieldError, match="per: the ruleset declares no conversion"):
        decisions.add_item(store, other, {**CARE, "quantity": "1"}, amount="carer_allocation")
    assert counts(store) == before
    decisions.add_item(
        store, other, {**CARE, "quantity": "2", "period": "month"}, amount="carer_allocation"
    )
    _, sec = decisions.current(store, other)
    assert sec is not None and sec.indicative.amount_id == "carer_allocation"
    assert sec.indicative.weeks_per_year is None
    assert sec.comparison.plan_per_year == Decimal("588.00")
    lifecycle.finalise(store, other)
    frozen = open_bundle(store.current_version(other)["bundle"])["decision"]
    assert frozen["indicative"]["weeks_per_year"] is None
    # A later change to the finalised plan keeps the chosen amount.
    decisions.set_agreed_by(store, other, "Ffion Morgan")
    _, sec = decisions.current(store, other)
    assert sec is not None and sec.indicative.amount_id == "carer_allocation"


def test_a_carers_one_off_amount(store: CaseStore) -> None:
    case = finalised_v2(store, CARER, "carer")
    figures = result_amount(store, case, "budget")
    before = counts(store)
    with pytest.raises(FieldError, match="per: "):
        decisions.add_item(store, case, {**CARE, "quantity": "1"})
    assert counts(store) == before
    decisions.add_item(
        store,
        case,
        {
            "kind": "Short break",
            "provider": "Respite home",
            "quantity": "1",
            "unit": "break",
            "rate": figures["council"],
            "period": "one_off",
        },
    )
    lifecycle.finalise(store, case)
    _, decision = decisions.decide(
        store, case, final=figures["council"], by="Jo Bloggs, team manager", today=TODAY
    )
    assert decision.period == "one_off" and decision.category == "as_indicative"


def test_a_format1_case_takes_no_amount(store: CaseStore) -> None:
    case = answered_case(store)
    lifecycle.finalise(store, case)
    before = counts(store)
    with pytest.raises(FieldError, match="amount: a format-1 assessment has one amount"):
        decisions.add_item(store, case, {**CARE, "quantity": "1"}, amount="budget")
    assert counts(store) == before
    decisions.add_item(store, case, {**CARE, "quantity": "1"})
    _, sec = decisions.current(store, case)
    assert sec is not None and "amount_id" not in sec.indicative.as_dict()
