"""Format 2's mechanics one by one (docs/ruleset-v2.md §2) and every refusal of answers
(§1.4): each test fails if its mechanic breaks."""

from __future__ import annotations

import copy
import json
from decimal import Decimal as D
from typing import Any

import pytest

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.errors import AnswersError
from tests.demo_v2 import worked_example_answers
from tests.domain.builders_v2 import amount, build_v2, example, part

C_ANSWERS = {
    "living": "alone",
    "area": "urban",
    "nursing": "no",
    "pc_hours": D("17.6"),
    "hh_hours": 4,
    "social_hours": 6,
    "nights": "some",
}
B_LINKED = {"questionnaire": "person", "answers": {"care_hours": 55, "lives_with": "yes"}}
A_ANSWERS = {
    "washing": "all",
    "dressing": "some",
    "meals": "prompt",
    "special_diet": "no",
    "activities": ["shopping"],
    "eligible_personal_care": "yes",
}


def run(doc: dict[str, Any], answers: dict[str, Any], qid: str = "person", **extra: Any) -> Any:
    return compute_budget_v2(build_v2(doc), {"questionnaire": qid, "answers": answers, **extra})


def words(result: Any) -> str:
    return "\n".join(e.text for e in result.explanation)


def test_number_answers_are_used_exactly_not_banded() -> None:
    result = run(example("c"), C_ANSWERS)
    item = result.amounts[0].part("home_care").items[0]
    assert (item.quantity, item.unit_cost, item.cost) == (D("17.6"), D("22.40"), D("394.24"))
    assert "Personal care: 17.6 hours a week × £22.40 an hour = £394.24." in words(result)


def test_item_costs_are_rounded_to_the_penny_and_said_so() -> None:
    result = run(
        example("c"),
        {
            **C_ANSWERS,
            "area": "rural",
            "pc_hours": D("2.25"),
            "hh_hours": 0,
            "social_hours": 0,
            "nights": "none",
        },
    )
    assert result.amounts[0].part("home_care").items[0].cost == D("54.23")
    assert "2.25 hours a week × £24.10 an hour = £54.23 (to the nearest penny)." in words(result)


def test_one_hour_and_one_night_are_singular() -> None:
    result = run(example("c"), {**C_ANSWERS, "pc_hours": 1, "nights": "none"})
    assert "1 hour a week × £22.40 an hour" in words(result)
    assert "1 hours a week ×" not in words(result)


def test_floor_rule_raises_a_part_that_applies() -> None:
    doc = copy.deepcopy(example("c"))
    amount(doc)["rules"].append(
        {
            "id": "min_home",
            "kind": "floor",
            "label": {"en": "Least support at home"},
            "part": "home_care",
            "limit": "600.00",
        }
    )
    result = run(doc, C_ANSWERS)
    a = result.amounts[0]
    assert a.part("home_care").rounded == D("536.24") and a.part("home_care").amount == D("600.00")
    assert a.rules[-1].parts == {"home_care": (D("536.24"), D("600.00"))}
    assert a.total == D("885.00")
    assert "“Support at home” is raised from £536.24 to £600.00 a week." in words(result)


def test_cap_rule_only_when_its_condition_holds() -> None:
    result = run(example("c"), {**C_ANSWERS, "pc_hours": 40})  # alone: no family cap
    assert result.amounts[0].part("home_care").amount == D("1038.00")
    assert not result.amounts[0].rules[1].applied


def test_replace_rule_not_holding_zeroes_the_replacing_part() -> None:
    result = run(example("c"), C_ANSWERS)
    step = result.amounts[0].rules[0]
    assert not step.applied and step.parts == {"care_home": (D("850.00"), D("0"))}
    assert "Living in a care home. In a care home" in words(result)


def test_other_funders_are_never_added_to_the_council_figure() -> None:
    result = run(example("c"), {**C_ANSWERS, "living": "care_home", "nursing": "yes"})
    a = result.amounts[0]
    assert a.funders == {"council": D("850.00"), "nhs": D("235.88")}
    assert (a.council, a.total) == (D("850.00"), D("1085.88"))
    text = words(result)
    assert "Paid by the NHS: £235.88 a week." in text and "This money is not the council's" in text
    assert "in all: £850.00 + £235.88 = £1,085.88 a week." in text


def test_part_money_adjustments_limits_and_rounding() -> None:
    doc = copy.deepcopy(example("c"))
    p = part(doc)
    p["adjustments"] = [{"id": "travel", "label": {"en": "Travel time"}, "multiply": "1.1"}]
    p["rounding"] = {"to": "1", "mode": "up"}
    p["maximum"] = "560.00"
    result = run(doc, C_ANSWERS)
    home = result.amounts[0].part("home_care")
    assert home.adjustments[0].after == D("589.864")
    assert home.ceiling_applied and home.rounded == D("560.00")
    text = words(result)
    assert "This adds £53.62: £536.24 becomes £589.86 (to the nearest penny)." in text
    assert "£589.864" not in text  # never a fraction of a penny in words


def test_declared_conversion_with_its_own_rounding() -> None:
    doc = copy.deepcopy(example("d"))
    amount(doc)["conversions"][0]["rounding"] = {"to": "0.01", "mode": "down"}
    result = run(
        doc,
        {
            "personal_care": "all",
            "meals": "some",
            "out": "some",
            "night_help": "sometimes",
            "has_carer": "no",
            "ilf": "no",
        },
    )
    week = next(x for x in result.amounts[0].also if x.period.per.value == "week")
    assert week.total == D("420.19")  # 21850 / 52 = 420.1923… down
    assert "£21,850.00 ÷ 52 (to the nearest penny)" in words(result) or "÷ 52" in words(result)


def test_part_in_another_period_is_converted_to_the_amount_period() -> None:
    doc = copy.deepcopy(example("c"))
    part(doc, 2)["period"] = "year"
    part(doc, 2)["amount"] = "44200.00"
    amount(doc)["conversions"].append({"from": "year", "to": "week", "divide": "52"})
    result = run(doc, {**C_ANSWERS, "living": "care_home"})
    home = result.amounts[0].part("care_home")
    assert (home.amount, home.in_amount_period) == (D("44200.00"), D("850.00"))
    assert "Care home placement: £44,200.00 a year ÷ 52 = £850.00 a week." in words(result)


def test_ineligible_need_area_counts_zero_and_is_said() -> None:
    result = run(example("a"), {**A_ANSWERS, "eligible_personal_care": "no"})
    s = result.sections[0]
    assert (s.raw_points, s.points, s.eligible) == (D(11), D(0), False)
    assert "these needs were not found eligible, so their 11 points do not count" in words(result)


def test_not_applicable_is_its_own_kind_and_fails_value_tests() -> None:
    doc = copy.deepcopy(example("a"))
    part(doc)["adjustments"] = [
        {
            "id": "diet",
            "label": {"en": "Special diet"},
            "when": {"answer": "special_diet", "is": "no"},
            "add": "10.00",
        }
    ]
    na = run(doc, {**A_ANSWERS, "special_diet": {"not_applicable": True}})
    no = run(doc, A_ANSWERS)
    assert [q.kind for q in na.questions if q.id == "special_diet"] == ["not_applicable"]
    assert not na.amounts[0].parts[0].adjustments[0].applied
    assert no.amounts[0].parts[0].adjustments[0].applied
    assert "I am fed by tube: this does not apply, so it is not counted." in words(na)


def test_agreed_answer_scores_and_views_are_explained() -> None:
    answers = {
        **A_ANSWERS,
        "washing": {"views": {"person": "some", "assessor": "all"}, "agreed": "some"},
    }
    result = run(example("a"), answers)
    assert [q.points for q in result.questions if q.id == "washing"] == [D(4)]
    assert [q.views_differ for q in result.questions if q.id == "washing"] == [True]
    assert "you said “I need some help”; the assessor said “Someone has to do it for me”" in words(
        result
    )


def test_facts_are_read_from_the_linked_case() -> None:
    result = run(
        example("b"), {"sleep": "most", "health": "some", "work": "no"}, "carer", linked=B_LINKED
    )
    assert result.facts == {"cared_for_hours": D(55)}
    assert "hours of care you give each week: 55." in words(result)
    assert result.amounts[0].part("long_hours").amount == D("100.00")


def test_several_amounts_from_one_questionnaire() -> None:
    result = run(
        example("d"),
        worked_example_answers("d-person-and-carer", 1),
    )
    assert [(a.id, a.for_whom, a.total) for a in result.amounts] == [
        ("planning_amount", "person", D("21850.00")),
        ("carer_allocation", "carer", D("600.00")),
    ]
    assert {e[0] for e in result.step_about if e[0]} == {"planning_amount", "carer_allocation"}


def test_result_json_keeps_exact_strings() -> None:
    doc = copy.deepcopy(example("c"))
    part(doc)["adjustments"] = [{"id": "x", "label": {"en": "X"}, "multiply": "1.0001"}]
    out = json.loads(run(doc, C_ANSWERS).to_json())
    home = out["amounts"][0]["parts"][0]
    assert home["adjustments"][0]["after"] == "536.293624"  # exact intermediate
    assert home["rounded"] == "536.29" and out["format"] == "rasdesk-result/2"
    assert out["amounts"][0]["period"] == {"per": "week", "covers": None}


def test_welsh_and_easy_read_have_no_gaps() -> None:
    doc = copy.deepcopy(example("c"))
    doc["languages"] = ["en", "cy"]
    result = compute_budget_v2(
        build_v2(doc), {"questionnaire": "person", "answers": C_ANSWERS}, "cy"
    )
    text = " ".join(e.text + " " + e.easy_read for e in result.explanation)
    assert "{" not in text and "yr awr" in text and "yr wythnos" in text
    assert all(e.easy_read for e in result.explanation)


BAD_ANSWERS = [
    (
        {"washing": {"views": {"person": "some", "assessor": "all"}}},
        "$.answers.washing",
        "differ; record the agreed answer",
    ),
    ({"dressing": {"not_applicable": True}}, "$.answers.dressing", 'no "not applicable" answer'),
    (
        {"washing": {"views": {"carer": "some"}, "agreed": "some"}},
        "$.answers.washing.views.carer",
        "not a view of this questionnaire",
    ),
    ({"activities": ["shopping", "none"]}, "$.answers.activities", "cannot be chosen together"),
    (
        {"washing": {"agreed": "all", "evidence": "x" * 4001}},
        "$.answers.washing.evidence",
        "at most 4000",
    ),
    (
        {"washing": {"agreed": "all", "answered_by": "neighbour"}},
        "$.answers.washing.answered_by",
        "expected one of person",
    ),
    ({"washing": {"agreed": "all", "colour": "red"}}, "$.answers.washing.colour", "unknown field"),
    ({"washing": {"evidence": "seen"}}, "$.answers.washing", "is required and was shown"),
]


@pytest.mark.parametrize(
    ("change", "path", "words_"), BAD_ANSWERS, ids=[b[1] + b[2][:12] for b in BAD_ANSWERS]
)
def test_answers_refused_with_path(change: dict[str, Any], path: str, words_: str) -> None:
    with pytest.raises(AnswersError) as caught:
        run(example("a"), {**A_ANSWERS, **change})
    assert any(p.path == path and words_ in p.message for p in caught.value.problems), (
        caught.value.problems
    )


def test_linked_case_is_required_and_checked() -> None:
    ruleset = build_v2(example("b"))
    carer = {"sleep": "most", "health": "some", "work": "no"}
    with pytest.raises(AnswersError) as caught:
        compute_budget_v2(ruleset, {"questionnaire": "carer", "answers": carer})
    assert caught.value.problems[0].path == "$.linked"
    bad_link = {"questionnaire": "person", "answers": {"care_hours": 200, "lives_with": "yes"}}
    with pytest.raises(AnswersError) as caught:
        compute_budget_v2(ruleset, {"questionnaire": "carer", "answers": carer, "linked": bad_link})
    assert caught.value.problems[0].path == "$.linked.answers.care_hours"


def test_answers_read_against_another_ruleset_are_refused() -> None:
    """compute_v2 takes the questionnaire from the answers: it must be the ruleset's own
    object, not the same-named questionnaire of another ruleset (or another copy)."""
    from rasdesk.domain.answers_v2 import read_answers_v2
    from rasdesk.domain.engine_v2 import compute_v2
    from rasdesk.domain.errors import InputError

    ours, theirs = build_v2(example("a")), build_v2(example("a"))
    doc = {"questionnaire": "person", "answers": A_ANSWERS}
    assert compute_v2(ours, read_answers_v2(doc, ours)).amounts  # its own: computed
    with pytest.raises(InputError) as refused:
        compute_v2(ours, read_answers_v2(doc, theirs))
    assert refused.value.problems[0].path == "$.questionnaire"
    assert "'person'" in str(refused.value) and "not one of ruleset" in str(refused.value)
