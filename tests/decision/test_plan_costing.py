"""The decision room: plan items, exact costing, comparison, needs-decision, decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from rasdesk.decision import costing
from rasdesk.decision.decide import make_decision
from rasdesk.decision.errors import FieldError
from rasdesk.decision.indicative import Indicative, from_format1
from rasdesk.decision.mechanisms import find_mechanism
from rasdesk.decision.plan import Plan, add_item, make_item, mechanism_field, remove_item
from rasdesk.decision.record import read_section, section
from rasdesk.domain.bundle import canonical
from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.periods import Period

IND = from_format1({"weekly": "301.20", "annual": "15705.47"}, Decimal("52.143"), Decimal("400"))


def item(i: int, qty: str, rate: str, per: str = "week", **kw: object) -> object:
    return make_item(
        i,
        kind="Personal care",
        provider="Agency",
        quantity=qty,
        unit="hours",
        rate=rate,
        period=per,
        **kw,
    )


def plan(*items: object) -> Plan:
    p = Plan()
    for it in items:
        p = add_item(p, it)  # type: ignore[arg-type]
    return p


def test_costs_are_exact_per_period_and_a_year() -> None:
    p = plan(
        item(1, "7.5", "24.50"),  # 183.75 a week
        item(2, "2", "60.13", "month"),  # 120.26 a month
        item(3, "1", "450.00", "one_off"),
    )
    assert costing.totals(p) == {
        Period.WEEK: Decimal("183.75"),
        Period.MONTH: Decimal("120.26"),
        Period.ONE_OFF: Decimal("450.00"),
    }
    # 183.75 × 52.143 + 120.26 × 12 + 450, worked by hand: 9581.27625 + 1443.12 + 450
    assert costing.per_year(p, IND) == Decimal("11474.39625")
    cmp = costing.compare(p, IND)
    assert cmp.indicative_per_year == Decimal("301.20") * Decimal("52.143")
    assert cmp.direction == "below"
    assert cmp.difference == Decimal("11474.39625") - Decimal("15705.4716")
    assert cmp.percent == Decimal("-26.9")
    assert costing.needs_decision(p, IND) == []


def test_a_plan_costing_the_indicative_a_week_is_the_same() -> None:
    p = plan(item(1, "1", "301.20"))
    cmp = costing.compare(p, IND)
    assert (cmp.direction, cmp.difference, cmp.percent) == ("same", 0, Decimal("0.0"))


def test_above_indicative_and_above_sign_off_need_a_decision() -> None:
    above = plan(item(1, "10", "30.13"))  # 301.30 a week: 10p above
    assert costing.compare(above, IND).direction == "above"
    assert costing.needs_decision(above, IND) == ["above_indicative"]
    way_above = plan(item(1, "20", "25"))  # 500 a week, over the 400 threshold
    assert costing.needs_decision(way_above, IND) == ["above_indicative", "above_sign_off"]
    low = Indicative(
        Decimal("450"), Period.WEEK, Decimal("23464.35"), Decimal("52.143"), Decimal("400")
    )
    # below the indicative amount but above the sign-off threshold
    assert costing.needs_decision(plan(item(1, "1", "420")), low) == ["above_sign_off"]


@pytest.mark.parametrize(
    ("field", "kw", "words"),
    [
        ("quantity", {"qty": "-3"}, "below zero"),
        ("quantity", {"qty": "0"}, "more than 0"),
        ("quantity", {"qty": "100000"}, "more than 10000"),
        ("quantity", {"qty": "1e3"}, "not a number"),
        ("rate", {"rate": "-24.50"}, "below zero"),
        ("rate", {"rate": "999999"}, "more than 100000"),
        ("rate", {"rate": "24.505"}, "decimal places"),
        ("rate", {"rate": "NaN"}, "not a number"),
        ("per", {"per": "fortnight"}, "not a period"),
        ("meets", {"meets": ["Bad Area"]}, "not a need area"),
    ],
)
def test_bad_items_are_refused_naming_the_field(
    field: str, kw: dict[str, object], words: str
) -> None:
    args = {"qty": "1", "rate": "10", "per": "week"} | kw
    meets = args.pop("meets", ())
    with pytest.raises(FieldError) as caught:
        item(1, str(args["qty"]), str(args["rate"]), str(args["per"]), meets=meets)
    assert caught.value.field == field and words in str(caught.value)
    assert str(caught.value).startswith(f"{field}: ")


def test_empty_or_huge_text_is_refused() -> None:
    with pytest.raises(FieldError, match=r"^kind: is empty"):
        make_item(1, kind=" ", provider="A", quantity="1", unit="h", rate="1")
    with pytest.raises(FieldError, match=r"^provider: is 201 characters"):
        make_item(1, kind="K", provider="x" * 201, quantity="1", unit="h", rate="1")


def test_remove_and_unknown_item() -> None:
    p = plan(item(1, "1", "1"), item(2, "1", "2"))
    assert [i.id for i in remove_item(p, 1).items] == [2]
    with pytest.raises(FieldError, match=r"no item 7 .its items: 1, 2"):
        remove_item(p, 7)


def test_mechanisms_are_the_national_words() -> None:
    assert mechanism_field("Direct Payment").code == "direct_payment"
    assert mechanism_field("cassr managed personal budget").cld == "CASSR Managed Personal Budget"
    assert mechanism_field("CASSR Commissioned Support").words == "CASSR Commissioned Support"
    isf = find_mechanism("individual-service-fund")
    assert isf is not None and isf.cld == "CASSR Managed Personal Budget"
    with pytest.raises(FieldError, match=r'^mechanism: .*"Direct Payment"'):
        mechanism_field("cash in hand")


def test_decision_needs_reasons_when_final_differs() -> None:
    today = dt.date(2026, 12, 4)
    with pytest.raises(FieldError, match=r"^reason: the final budget .£350.00. differs"):
        make_decision(
            indicative=Decimal("301.20"), period="week", final="350", by="Panel", today=today
        )
    with pytest.raises(FieldError, match=r"^category: say why"):
        make_decision(
            indicative=Decimal("301.20"),
            period="week",
            final="350",
            by="Panel",
            reasons="x",
            today=today,
        )
    same = make_decision(
        indicative=Decimal("301.20"), period="week", final="301.20", by="Jo, manager", today=today
    )
    assert (same.category, same.by_role, same.decided_on) == (
        "as_indicative",
        "manager",
        "2026-12-04",
    )
    d = make_decision(
        indicative=Decimal("301.20"),
        period="week",
        final="350.00",
        by="Resource allocation panel",
        reasons="Two carers are needed for every transfer.",
        category="needs_not_captured",
        decided_on="2026-12-01",
        today=today,
    )
    assert d.by_role == "panel" and d.final == Decimal("350.00")
    with pytest.raises(FieldError, match=r"^final: .* below zero"):
        make_decision(indicative=Decimal(1), period="week", final="-1", by="P", today=today)
    with pytest.raises(FieldError, match=r"^date: .*future"):
        make_decision(
            indicative=Decimal(1),
            period="week",
            final="1",
            by="P",
            decided_on="2027-01-01",
            today=today,
        )
    with pytest.raises(FieldError, match=r"^category: 'vibes'"):
        make_decision(
            indicative=Decimal(1),
            period="week",
            final="2",
            by="P",
            reasons="r",
            category="vibes",
            today=today,
        )


def test_section_round_trips_through_canonical_json() -> None:
    p = plan(item(1, "10", "31.00", meets=["personal_care"]), item(2, "1", "250", "one_off"))
    p = Plan(p.items, mechanism_field("Direct Payment"), "Siân Jones and Sam Patel")
    d = make_decision(
        indicative=IND.amount,
        period="week",
        final="320.00",
        by="Resource allocation panel",
        reasons="Agreed above the RAS for night support.",
        category="needs_not_captured",
        today=dt.date(2026, 12, 4),
    )
    doc = section(IND, p, None)
    assert doc["status"] == "waiting" and doc["needs_decision"] == ["above_indicative"]
    assert doc["cost"]["totals"] == {"week": "310.00", "one_off": "250.00"}
    back = read_section(loads_strict(canonical(section(IND, p, d))))
    assert back.plan == p and back.decision == d and back.status == "decided"
    assert back.indicative == IND


def test_a_format_2_amount_through_the_adapter() -> None:
    """Ruleset format 2: the indicative amount is the council's total in its own period; its
    parts keep their funders (the NHS's shown, not counted); the weeks in a year come from
    the ruleset's declared conversion."""
    import json

    from rasdesk.decision.indicative import from_format2
    from rasdesk.domain.budget_v2 import compute_budget_v2
    from rasdesk.domain.jsonio import loads_strict
    from rasdesk.domain.parse_v2 import parse_ruleset_v2
    from rasdesk.platform.paths import demo_dir

    demo = demo_dir()
    ruleset = parse_ruleset_v2((demo / "demo-v2.ruleset.json").read_bytes())
    doc = json.loads((demo / "answers-v2" / "person-example.json").read_text("utf-8"))
    result = loads_strict(canonical(compute_budget_v2(ruleset, doc).as_dict()))
    spec = ruleset.questionnaire_by_id[result["questionnaire"]].amounts[0]
    amount = result["amounts"][0]
    ind = from_format2(amount, spec.conversions, spec.sign_off_above)
    assert ind.amount == Decimal(amount["council"]) and ind.period.value == amount["period"]["per"]
    assert ind.amount < Decimal(amount["total"]) and ind.amount_id == amount["id"]
    assert {p.funder for p in ind.parts} == {p["funder"] for p in amount["parts"] if p["applies"]}
    assert sum((p.amount for p in ind.council_parts), Decimal(0)) == ind.amount
    assert [p.funder for p in ind.other_parts] == ["nhs"]
    p = plan(item(1, "1", str(ind.amount), ind.period.value))
    assert costing.compare(p, ind).direction == "same"
    with pytest.raises(InputError, match="no conversion between a week and a year"):
        from_format2(amount, (), None)


def test_a_one_off_amount_is_said_once_with_what_it_covers() -> None:
    """A carer's one-off amount with no weeks in a year (docs/ruleset-v2.md §5): items
    may be costed a month, a year or once, never a week; a plan of one-off items against
    it is not said over a year (``over_a_year``), a month's item brings the year back;
    what the amount covers travels with it through the bundle, by language."""
    from rasdesk.decision.indicative import from_dict, from_format2

    amount = {
        "id": "budget",
        "period": {"per": "one_off", "covers": "for the next 12 months"},
        "council": "250.00",
        "parts": [{"id": "carer", "in_amount_period": "250.00", "funder": "council"}],
    }
    covers = {"en": "for the next 12 months", "cy": "am y 12 mis nesaf"}
    ind = from_format2(amount, (), None, covers)
    assert ind.once and ind.weeks_per_year is None and ind.per_year == Decimal("250.00")
    assert ind.periods == (Period.MONTH, Period.YEAR, Period.ONE_OFF)
    assert ind.covers_in("cy") == "am y 12 mis nesaf" and ind.covers_in("fr") == covers["en"]
    once = plan(item(1, "1", "300", "one_off"))
    assert not costing.over_a_year(once, ind) and not costing.over_a_year(Plan(), ind)
    assert costing.over_a_year(
        plan(item(1, "1", "300", "one_off"), item(2, "1", "10", "month")), ind
    )
    assert costing.over_a_year(once, IND)  # a weekly amount: always over a year
    assert IND.periods == tuple(Period) and not IND.once and IND.covers_in("en") is None
    back = from_dict(loads_strict(canonical(ind.as_dict())))
    assert back == ind and ind.as_dict()["covers"] == covers
    assert "covers" not in from_format2(amount, (), None).as_dict()  # none given: none kept
    with pytest.raises(InputError, match="covers must map languages"):
        from_dict({**ind.as_dict(), "covers": ["for the next 12 months"]})
