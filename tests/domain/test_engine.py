"""Each of the 11 computation steps of spec §2, on small rulesets worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from rasdesk.domain.budget import compute_budget
from rasdesk.domain.result import Result
from tests.domain.builders import allocation, build, minimal_doc, option, questionnaire, t


def run(doc: dict[str, Any], answers: dict[str, Any], qid: str = "person") -> Result:
    return compute_budget(build(doc), {"questionnaire": qid, "answers": answers})


BASE = {"washing": "some", "tasks": ["shopping", "cleaning"], "nights": 3}  # 4 + 3.5 + 5 = 12.5


def test_base_case_by_hand() -> None:
    r = run(minimal_doc(), BASE)
    assert [s.points for s in r.sections] == [D("7.5"), D(5)]
    assert r.total_points == D("12.5")
    assert r.base_amount == D("52.50")  # 12.5 × 4.20
    assert r.weekly == D("52.50") and r.annual == D("2730.00")
    out = r.as_dict()
    assert out["weekly"] == "52.50" and out["annual"] == "2730.00" and out["total_points"] == "12.5"


# Step 1: visibility ---------------------------------------------------------------------
def test_hidden_question_scores_nothing_and_is_unanswered_in_conditions() -> None:
    doc = minimal_doc()
    q = questionnaire(doc)
    q["sections"][1]["questions"][0]["show_if"] = {"answer": "washing", "in": ["some", "all"]}
    allocation(doc)["adjustments"] = [
        {
            "id": "nights_extra",
            "label": t("Nights"),
            "when": {"answer": "nights", ">=": 1},
            "add": "10.00",
        },
        {
            "id": "no_nights",
            "label": t("No nights"),
            "when": {"not": {"answered": "nights"}},
            "add": "1.00",
        },
    ]
    shown = run(doc, {**BASE, "washing": "all"})
    hidden = run(doc, {**BASE, "washing": "none"})  # nights answered, but not shown
    assert shown.total_points == D("16.5") and shown.adjustments[0].applied
    assert hidden.total_points == D("3.5")  # 0 + 3.5; the night points are ignored
    assert not hidden.adjustments[0].applied and hidden.adjustments[1].applied
    assert "nights" not in {s.question for s in hidden.questions}


def test_show_if_chain_hides_transitively() -> None:
    doc = minimal_doc()
    qs = questionnaire(doc)["sections"][0]["questions"]
    qs[1]["show_if"] = {"answer": "washing", "is": "all"}  # tasks only if washing == all
    questionnaire(doc)["sections"][1]["questions"][0]["show_if"] = {"answered": "tasks"}
    r = run(doc, {"washing": "some", "tasks": ["shopping"], "nights": 5})
    assert r.total_points == D(4)  # tasks hidden → nights hidden too


# Step 2: question points ----------------------------------------------------------------
def test_multiple_scoring_max_and_empty() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][0]["questions"][1]["scoring"] = "max"
    assert run(doc, BASE).total_points == D(4 + 2 + 5)
    assert run(doc, {**BASE, "tasks": []}).total_points == D(4 + 0 + 5)


@pytest.mark.parametrize(("nights", "points"), [(0, 0), (2, 0), (D("2.99"), 0), (3, 5), (7, 5)])
def test_number_band_with_greatest_from_not_above_value(nights: Any, points: int) -> None:
    r = run(minimal_doc(), {**BASE, "nights": nights})
    assert r.sections[1].raw_points == D(points)


def test_number_below_every_band_scores_zero() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][1]["questions"][0]["bands"] = [{"from": 2, "points": 9}]
    assert run(doc, {**BASE, "nights": 1}).sections[1].raw_points == 0
    assert run(doc, {**BASE, "nights": 2}).sections[1].raw_points == 9


def test_optional_unanswered_scores_zero() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][0]["questions"][0]["required"] = False
    r = run(doc, {"tasks": [], "nights": 0})
    assert r.total_points == 0
    assert [(s.question, s.answered) for s in r.questions][:1] == [("washing", False)]


# Step 3: section points (cap, then weight) ----------------------------------------------
def test_section_cap_then_weight() -> None:
    doc = minimal_doc()
    section = questionnaire(doc)["sections"][0]
    section["max_points"] = 6
    section["weight"] = "1.5"
    r = run(doc, {**BASE, "washing": "all"})  # raw 8 + 3.5 = 11.5 → cap 6 → × 1.5 = 9
    s = r.sections[0]
    assert (s.raw_points, s.capped, s.points) == (D("11.5"), True, D(9))
    assert r.as_dict()["sections"][0] == {
        "id": "care",
        "raw_points": "11.5",
        "capped": True,
        "points": "9",
    }


def test_cap_not_applied_at_exactly_the_cap() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][0]["max_points"] = "7.5"
    assert run(doc, BASE).sections[0].capped is False


# Step 4: point adjustments --------------------------------------------------------------
def test_point_adjustments_in_order_on_named_sections() -> None:
    doc = minimal_doc()
    allocation(doc)["point_adjustments"] = [
        {
            "id": "carer",
            "label": t("Carer"),
            "when": {"answer": "washing", "is": "some"},
            "sections": ["care"],
            "multiply": "0.80",
        },
        {"id": "all_half", "label": t("Half"), "multiply": "0.5"},
        {
            "id": "never",
            "label": t("Never"),
            "when": {"answer": "washing", "is": "all"},
            "multiply": "0",
        },
    ]
    r = run(doc, BASE)
    carer, half, never = r.point_adjustments
    assert carer.applied and carer.sections == {"care": (D("7.5"), D("6.000"))}
    assert half.sections == {"care": (D("6.000"), D("3.0000")), "safety": (D(5), D("2.5"))}
    assert not never.applied and never.sections == {}
    assert r.total_points == D("5.5")
    assert r.as_dict()["point_adjustments"][0] == {
        "id": "carer",
        "applied": True,
        "sections": {"care": {"before": "7.5", "after": "6"}},
    }


# Step 5: total, points rounding, minimum points -----------------------------------------
def test_points_rounding_then_minimum_points() -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a["points_rounding"] = {"to": "1", "mode": "half_up"}
    a["minimum_points"] = 5
    r = run(doc, {"washing": "none", "tasks": ["cleaning"], "nights": 0})  # 1.5 → 2 → min 5
    assert (r.points_before_rounding, r.points_rounded, r.total_points) == (D("1.5"), D(2), D(5))
    assert r.minimum_points_applied and r.base_amount == D("21.00")


def test_minimum_points_not_applied_to_zero() -> None:
    doc = minimal_doc()
    allocation(doc)["minimum_points"] = 5
    r = run(doc, {"washing": "none", "tasks": [], "nights": 0})
    assert r.total_points == 0 and not r.minimum_points_applied and r.weekly == 0


@pytest.mark.parametrize(
    ("mode", "expected"), [("half_up", "13"), ("down", "12"), ("up", "13"), ("half_even", "12")]
)
def test_points_rounding_modes(mode: str, expected: str) -> None:
    doc = minimal_doc()
    allocation(doc)["points_rounding"] = {"to": "1", "mode": mode}
    r = run(doc, BASE)  # 12.5 points: a true half
    assert r.points_before_rounding == D("12.5")
    assert r.as_dict()["total_points"] == expected
    assert r.base_amount == D(expected) * D("4.20")


# Step 6: base amount --------------------------------------------------------------------
def table_doc() -> dict[str, Any]:
    doc = minimal_doc()
    a = allocation(doc)
    del a["rate"]
    a["method"] = "table"
    a["table"] = [
        {"from_points": 2, "amount": "10.00"},
        {"from_points": 10, "amount": "55.00"},
        {"from_points": 25, "amount": "140.00"},
    ]
    return doc


@pytest.mark.parametrize(
    ("answers", "amount", "row"),
    [
        ({"washing": "none", "tasks": ["cleaning"], "nights": 0}, "0", None),  # 1.5 < 2
        ({"washing": "none", "tasks": ["shopping"], "nights": 0}, "10.00", 2),  # exactly 2
        (BASE, "55.00", 10),  # 12.5
        ({"washing": "all", "tasks": ["shopping", "cleaning"], "nights": 7}, "55.00", 10),  # 16.5
    ],
)
def test_table_row_with_greatest_from_points(
    answers: dict[str, Any], amount: str, row: int | None
) -> None:
    r = run(table_doc(), answers)
    assert r.base_amount == D(amount)
    assert (r.table_row.from_points if r.table_row else None) == row


# Step 7: money adjustments --------------------------------------------------------------
def test_adjustments_in_order_multiply_and_add() -> None:
    doc = minimal_doc()
    allocation(doc)["adjustments"] = [
        {"id": "carer", "label": t("Carer"), "explain": t("Because..."), "multiply": "0.85"},
        {"id": "extra", "label": t("Extra"), "add": "-2.50"},
        {
            "id": "skipped",
            "label": t("Skipped"),
            "when": {"answer": "washing", "is": "all"},
            "add": "100",
        },
    ]
    r = run(doc, BASE)
    carer, extra, skipped = r.adjustments
    assert (carer.before, carer.after) == (D("52.50"), D("44.6250"))
    assert (extra.before, extra.after) == (D("44.6250"), D("42.1250"))
    assert not skipped.applied and skipped.before == skipped.after == D("42.1250")
    assert r.weekly == D("42.13")  # rounded once, at the end (half_up)
    assert r.as_dict()["adjustments"][0] == {
        "id": "carer",
        "applied": True,
        "before": "52.50",
        "after": "44.625",
    }


# Step 8: floor and ceiling --------------------------------------------------------------
def test_floor_and_ceiling() -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a["minimum"], a["maximum"] = "25.00", "50.00"
    low = run(doc, {"washing": "some", "tasks": [], "nights": 0})  # 16.80
    high = run(doc, BASE)  # 52.50
    assert low.floor_applied and not low.ceiling_applied and low.weekly == D("25.00")
    assert high.ceiling_applied and not high.floor_applied and high.weekly == D("50.00")
    assert high.before_limits == D("52.50")


def test_negative_amount_floored_at_zero_without_minimum() -> None:
    doc = minimal_doc()
    allocation(doc)["adjustments"] = [{"id": "cut", "label": t("Cut"), "add": "-100.00"}]
    r = run(doc, BASE)
    assert r.weekly == D("0.00") and r.floor_applied and r.annual == D("0.00")


# Step 9: rounding, once ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("mode", "to", "expected"),
    [
        ("half_up", "0.01", "42.13"),
        ("down", "0.01", "42.12"),
        ("up", "0.01", "42.13"),
        ("half_even", "0.01", "42.12"),
        ("half_up", "1", "42.00"),
        ("up", "1", "43.00"),
        ("half_up", "0.05", "42.15"),
        ("down", "0.05", "42.10"),
    ],
)
def test_rounding_modes(mode: str, to: str, expected: str) -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a["rate"] = "3.37"  # 12.5 × 3.37 = 42.125: a true half penny
    a["rounding"] = {"to": to, "mode": mode}
    r = run(doc, BASE)
    assert r.before_rounding == D("42.125")
    assert r.as_dict()["weekly"] == expected


# Step 10: annual ------------------------------------------------------------------------
def test_annual_is_rounded_weekly_times_factor() -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a["rate"] = "3.37"
    a["annual_factor"] = "52.1429"
    r = run(doc, BASE)  # weekly 42.13 × 52.1429 = 2196.780377 → 2196.78
    assert r.weekly == D("42.13") and r.as_dict()["annual"] == "2196.78"


# Step 11: sign-off and flags -------------------------------------------------------------
def test_sign_off_and_flags_never_change_the_amount() -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a["sign_off_above"] = "52.49"
    a["flags"] = [
        {"id": "high_points", "label": t("High"), "when_points_above": 12},
        {"id": "exactly", "label": t("Exactly"), "when_points_above": "12.5"},
        {"id": "high_money", "label": t("Money"), "when_weekly_above": "50.00"},
    ]
    r = run(doc, BASE)
    assert r.sign_off_required and r.flags == ["high_points", "high_money"]
    assert r.weekly == run(minimal_doc(), BASE).weekly
    a["sign_off_above"] = "52.50"  # "above": equal is not above
    assert not run(doc, BASE).sign_off_required


def test_carer_questionnaire_and_section_ids_in_result() -> None:
    doc = minimal_doc()
    carer = {
        "id": "carer",
        "kind": "carer",
        "title": t("Carer"),
        "sections": [
            {
                "id": "impact",
                "title": t("Impact"),
                "questions": [
                    {
                        "id": "sleep",
                        "type": "single",
                        "text": t("Sleep?"),
                        "options": [option("fine", 0), option("poor", 6)],
                    }
                ],
            }
        ],
        "allocation": {
            "period": "week",
            "method": "table",
            "table": [{"from_points": 0, "amount": "0.00"}, {"from_points": 5, "amount": "20.00"}],
            "rounding": {"to": "0.01", "mode": "half_up"},
            "annual_factor": "52",
        },
    }
    doc["questionnaires"].append(carer)
    r = run(doc, {"sleep": "poor"}, "carer")
    assert r.questionnaire == "carer" and r.weekly == D("20.00") and r.annual == D("1040.00")
    assert r.as_dict()["ruleset"]["sha256"] == build(doc).sha256
