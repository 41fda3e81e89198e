"""The explanation: every answer, area, adjustment and limit in words, in English and
Welsh, standard and easy read, with nothing left as a placeholder."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from typing import Any

import pytest

from rasdesk.domain.budget import check_language, compute_budget
from rasdesk.domain.errors import InputError
from rasdesk.domain.explain import money_text
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.phrases import CY, EN
from rasdesk.platform.paths import demo_dir
from tests.domain.builders import allocation, build, minimal_doc, t

DEMO = parse_ruleset((demo_dir() / "demo.ruleset.json").read_bytes(), "demo")


def demo_answers(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        (demo_dir() / "answers" / f"{name}.json").read_text("utf-8"), parse_float=D
    )
    return doc


def words(result: Any, easy: bool = False) -> str:
    return "\n".join(e.easy_read if easy else e.text for e in result.explanation)


def test_every_shown_answer_with_its_points_and_text() -> None:
    doc = demo_answers("person-example")
    result = compute_budget(DEMO, doc)
    text = words(result)
    q = DEMO.questionnaire_by_id["person"]
    for score in result.questions:
        question = q.question_by_id[score.question]
        if question.type == "single":
            option = question.option_by_id[doc["answers"][question.id]]
            assert f"“{option.text.en}”. This scores {score.points} point" in text
    for section in q.sections:
        assert f"{section.title.en}: " in text


def test_carer_reduction_is_shown_with_its_reason_and_points() -> None:
    text = words(compute_budget(DEMO, demo_answers("person-example")))
    padj = DEMO.questionnaire_by_id["person"].allocation.point_adjustments[0]
    assert padj.label.en in text and padj.explain is not None and padj.explain.en in text
    assert "from 25 to 20" in text  # personal care 25 points × 0.80


def test_money_adjustment_says_what_it_added() -> None:
    text = words(compute_budget(DEMO, demo_answers("person-example")))
    assert "This adds £45.00 a week: £256.20 becomes £301.20." in text


def test_rate_calibration_hours_and_indicative_wording() -> None:
    result = compute_budget(DEMO, demo_answers("person-example"))
    steps = {e.step: e.text for e in result.explanation}
    assert steps["rate"] == "Each point is worth £4.20 a week: 61 points × £4.20 = £256.20 a week."
    assert "120 people" in steps["calibration"] and "£36,000.00" in steps["calibration"]
    assert "5% was kept back as a contingency" in steps["calibration"]
    assert "about 12.6 hours" in steps["hours"]  # 301.20 / 24.00 = 12.55 → 12.6
    for phrase in (
        "indicative",
        "may go up or down",
        "support plan",
        "eligible needs",
        "financial assessment",
    ):
        assert phrase in steps["indicative"]
    assert result.ruleset.sha256 in steps["ruleset"]


def test_floor_ceiling_and_sign_off_in_words() -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a.update({"minimum": "25.00", "maximum": "30.00", "sign_off_above": "29.00"})
    a["flags"] = [{"id": "big", "label": t("Needs a panel."), "when_weekly_above": "29.00"}]
    r = build(doc)
    low = words(
        compute_budget(
            r, {"questionnaire": "person", "answers": {"washing": "some", "tasks": [], "nights": 0}}
        )
    )
    high = compute_budget(
        r, {"questionnaire": "person", "answers": {"washing": "all", "tasks": [], "nights": 0}}
    )
    assert "smallest weekly budget the council sets is £25.00, so £16.80 is raised to £25.00" in low
    high_text = words(high)
    assert "so £33.60 is lowered to £30.00" in high_text and "eligible needs" in high_text
    assert "a senior manager must agree it" in high_text
    assert "Please note: Needs a panel." in high_text  # the label's own full stop is not doubled


def test_rounding_is_explained_when_it_changes_the_figure() -> None:
    doc = minimal_doc()
    allocation(doc)["rate"] = "3.37"
    r = compute_budget(
        build(doc),
        {
            "questionnaire": "person",
            "answers": {"washing": "some", "tasks": ["shopping", "cleaning"], "nights": 3},
        },
    )
    step = next(e for e in r.explanation if e.step == "rounding")
    assert (
        step.text
        == "Rounded to the nearest penny (halves round up), your indicative weekly budget is £42.13."
    )
    rate = next(e for e in r.explanation if e.step == "rate")
    # 12.5 × £3.37 = £42.125: a person sees pennies, and that the figure was rounded.
    assert rate.text.endswith("= £42.13 a week (to the nearest penny).")
    assert "42.125" not in words(r) and r.as_dict()["base_amount"] == "42.125"  # JSON exact


def test_v1_wording_agrees_in_number_and_never_shows_fractions_of_a_penny() -> None:
    doc = minimal_doc()
    a = allocation(doc)
    a["method"], a["table"], a["annual_factor"] = (
        "table",
        [{"from_points": 1, "amount": "24.00"}],
        "1",
    )
    del a["rate"]
    a["illustrative_hourly_rate"] = "24.00"
    a["adjustments"] = [{"id": "third", "label": t("A third more"), "multiply": "1.3333333333"}]
    a["maximum"] = "31.50"
    r = compute_budget(
        build(doc),
        {
            "questionnaire": "person",
            "answers": {"washing": "none", "tasks": ["cleaning"], "nights": 0},
        },
    )
    text = words(r)
    assert "With 1.5 points, you are in the band that starts at 1 point" in text  # not "are"
    assert "Over a year (1 week)" in text  # not "1 weeks"
    assert "£24.00 becomes £32.00 (to the nearest penny)" in text  # 31.9999999992
    assert "so £32.00 (to the nearest penny) is lowered to £31.50" in text
    assert not re.search(r"£[\d,]+\.\d{3}", text)  # never more than pennies
    a["maximum"], a["illustrative_hourly_rate"] = "24.00", "24.00"
    a["adjustments"] = []
    r = compute_budget(
        build(doc),
        {
            "questionnaire": "person",
            "answers": {"washing": "none", "tasks": ["cleaning"], "nights": 0},
        },
    )
    assert "about 1 hour of support a week" in words(r)  # not "1 hours"


def test_welsh_explanation_uses_welsh_ruleset_text_and_phrases() -> None:
    result = compute_budget(DEMO, demo_answers("person-example"), "cy")
    text = words(result)
    q = DEMO.questionnaire_by_id["person"]
    assert q.sections[0].title.get("cy") in text
    assert "Eich cyllideb wythnosol ddangosol yw £301.20." in text
    assert "This scores" not in text and "a week" not in text
    assert f"£{money_text(result.annual)}" in text


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_no_placeholders_and_easy_read_is_short(lang: str) -> None:
    for name in ("person-example", "person-high-needs", "carer-example"):
        result = compute_budget(DEMO, demo_answers(name), lang)
        for e in result.explanation:
            assert not re.search(r"[{}]", e.text + e.easy_read), e
            assert ".." not in e.easy_read, e
    # The engine's own easy-read sentences (placeholders filled with short values).
    table = EN if lang == "en" else CY
    for key, phrase in table.items():
        if key.endswith(".easy") and key not in ("answer.easy", "padj.easy", "flag.easy"):
            filled = re.sub(r"\{[a-z]+\}", "x", phrase)
            for sentence in re.split(r"(?<=[.?!])\s+", filled):
                assert len(sentence.split()) <= 15, (key, sentence)


def test_same_keys_in_both_languages() -> None:
    assert set(EN) == set(CY)
    for key in EN:
        assert set(re.findall(r"\{(\w+)\}", EN[key])) == set(re.findall(r"\{(\w+)\}", CY[key])), key


def test_language_must_be_offered() -> None:
    check_language(DEMO, "cy")
    with pytest.raises(InputError, match="fr"):
        check_language(DEMO, "fr")
    english_only = json.loads(
        json.dumps(minimal_doc()).replace(', "cy": "Gofal"', "").replace(', "cy": "Ymolchi?"', "")
    )
    english_only["languages"] = ["en"]
    with pytest.raises(InputError, match="no text in"):
        check_language(build(english_only), "cy")


def test_money_text() -> None:
    assert money_text(D("1234.5")) == "1,234.50"
    assert money_text(D("160.6575")) == "160.6575"
    assert money_text(D("-2.5")) == "-2.50"


def test_carer_reduction_is_also_shown_in_pounds_a_week() -> None:
    with_carer = compute_budget(DEMO, demo_answers("person-example"))
    without = compute_budget(DEMO, demo_answers("person-no-carer"))
    step = next(e for e in with_carer.explanation if e.step == "point_adjustment")
    assert (
        "In all, this takes 6 points off your total: £25.20 a week less at £4.20 a point."
        in step.text
    )
    assert "That is £25.20 less each week." in step.easy_read
    # Here nothing after the rate changes the difference, so it is exactly what the carer's help cost.
    assert without.weekly - with_carer.weekly == D("25.20")
    welsh = next(
        e
        for e in compute_budget(DEMO, demo_answers("person-example"), "cy").explanation
        if e.step == "point_adjustment"
    )
    assert "£25.20 yr wythnos yn llai" in welsh.text
