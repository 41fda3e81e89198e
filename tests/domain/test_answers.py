"""Answers documents (spec §1.3) checked against ``build(minimal_doc())``: shapes, ids,
ranges, required-and-shown, visibility, and every problem named at once."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from rasdesk.domain.answers import Answers, read_answers_document
from rasdesk.domain.errors import AnswersError, Problem
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model import Ruleset
from tests.domain.builders import build, minimal_doc, questionnaire

# minimal_doc: washing (single: none/some/all), tasks (multiple: shopping/cleaning),
# nights (number 0..7), notes (text, optional by default).
GOOD: dict[str, Any] = {"washing": "some", "tasks": ["shopping"], "nights": 3}
RULESET = build(minimal_doc())


def with_show_if(**show_ifs: dict[str, Any]) -> Ruleset:
    """The minimal ruleset with ``show_if`` set on the named questions (and notes required
    when it gets one, so that hiding it matters)."""
    doc = minimal_doc()
    for section in questionnaire(doc)["sections"]:
        for q in section["questions"]:
            if q["id"] in show_ifs:
                q["show_if"] = show_ifs[q["id"]]
                if q["type"] == "text":
                    q["required"] = True
    return build(doc)


# nights only when washing is "all"; notes (required) only when nights is answered.
HIDING = with_show_if(nights={"answer": "washing", "is": "all"}, notes={"answered": "nights"})


def read(answers: Any, ruleset: Ruleset = RULESET) -> Answers:
    return read_answers_document({"questionnaire": "person", "answers": answers}, ruleset)


def problems(doc: Any, ruleset: Ruleset = RULESET) -> list[Problem]:
    with pytest.raises(AnswersError) as info:
        read_answers_document(doc, ruleset)
    assert info.value.problems
    return info.value.problems


def answer_problems(answers: Any, ruleset: Ruleset = RULESET) -> list[Problem]:
    return problems({"questionnaire": "person", "answers": answers}, ruleset)


def assert_one(found: list[Problem], path: str, word: str) -> None:
    hits = [p for p in found if p.path == path and word.lower() in p.message.lower()]
    assert hits, f"no problem at {path} mentioning {word!r}; got:\n" + "\n".join(map(str, found))


# --- valid answers ---------------------------------------------------------------------------
def test_good_answers_are_typed_and_visible() -> None:
    a = read({**GOOD, "notes": "Lives alone"})
    assert a.questionnaire.id == "person"
    assert a.given == {
        "washing": "some",
        "tasks": ("shopping",),
        "nights": D(3),
        "notes": "Lives alone",
    }
    assert a.visible["tasks"] == frozenset({"shopping"})
    assert isinstance(a.given["nights"], D)
    assert a.shown == {"washing", "tasks", "nights", "notes"}


def test_an_empty_list_is_a_valid_answer_to_a_required_multiple() -> None:
    a = read({**GOOD, "tasks": []})
    assert a.given["tasks"] == ()
    assert a.visible["tasks"] == frozenset()


def test_text_questions_are_optional_by_default() -> None:
    a = read(GOOD)
    assert "notes" in a.shown and "notes" not in a.given


@pytest.mark.parametrize("value", [0, 7, D("0.0"), D("6.5"), D("7.00")])
def test_number_boundaries_and_values_inside_are_accepted(value: Any) -> None:
    assert read({**GOOD, "nights": value}).given["nights"] == D(value)


def test_a_decimal_number_from_strict_json_is_accepted_exactly() -> None:
    doc = loads_strict(
        b'{"questionnaire": "person", "answers": {"washing": "none", "tasks": [], "nights": 2.5}}'
    )
    a = read_answers_document(doc, RULESET)
    assert a.given["nights"] == D("2.5") and isinstance(a.given["nights"], D)
    assert a.visible["nights"] == D("2.5")


# --- the document's shape ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("doc", "path", "word"),
    [
        pytest.param(
            {"questionnaire": "carer", "answers": GOOD},
            "$.questionnaire",
            "unknown questionnaire",
            id="unknown-questionnaire",
        ),
        pytest.param(
            {"questionnaire": ["person"], "answers": GOOD},
            "$.questionnaire",
            "unknown questionnaire",
            id="questionnaire-not-a-string",
        ),
        pytest.param(
            {"answers": GOOD},
            "$.questionnaire",
            "unknown questionnaire",
            id="questionnaire-missing",
        ),
        pytest.param(
            {"questionnaire": "person", "answers": GOOD, "date": "2026-05-01"},
            "$.date",
            "unknown field",
            id="unknown-top-field",
        ),
        pytest.param(
            {"questionnaire": "person", "answer": GOOD},
            "$.answer",
            "unknown field",
            id="typo-answer",
        ),
        pytest.param(
            {"questionnaire": "person", "answers": [GOOD]},
            "$.answers",
            "object of answers",
            id="answers-a-list",
        ),
        pytest.param(
            {"questionnaire": "person", "answers": "washing=some"},
            "$.answers",
            "object of answers",
            id="answers-a-string",
        ),
        pytest.param(
            {"questionnaire": "person", "answers": None},
            "$.answers",
            "object of answers",
            id="answers-null",
        ),
        pytest.param(
            {"questionnaire": "person"}, "$.answers", "object of answers", id="answers-missing"
        ),
    ],
)
def test_document_shape_problems(doc: dict[str, Any], path: str, word: str) -> None:
    assert_one(problems(doc), path, word)


def test_unknown_questionnaire_names_the_known_ones() -> None:
    found = problems({"questionnaire": "carer", "answers": GOOD})
    assert "person" in found[0].message


def test_shape_problems_are_reported_together() -> None:
    found = problems({"questionnaire": "carer", "answers": [], "extra": 1})
    assert {p.path for p in found} == {"$.questionnaire", "$.answers", "$.extra"}


@pytest.mark.parametrize("doc", [[], "person", None, 3])
def test_a_document_that_is_not_an_object_is_refused(doc: Any) -> None:
    with pytest.raises(AnswersError) as info:
        read_answers_document(doc, RULESET, "case-17.json")
    assert "case-17.json" in str(info.value) and "expected an object" in str(info.value)


# --- one bad answer, one exact path ------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "path", "word"),
    [
        pytest.param(
            {"bathing": "some"}, "$.answers.bathing", 'no question "bathing"', id="unknown-question"
        ),
        pytest.param(
            {"washing": ["some"]}, "$.answers.washing", "one option id", id="single-given-list"
        ),
        pytest.param(
            {"washing": 4}, "$.answers.washing", "one option id", id="single-given-number"
        ),
        pytest.param(
            {"washing": "lots"},
            "$.answers.washing",
            '"lots" is not an option',
            id="single-unknown-option",
        ),
        pytest.param(
            {"washing": "Some"}, "$.answers.washing", "not an option", id="single-wrong-case"
        ),
        pytest.param(
            {"washing": "shopping"},
            "$.answers.washing",
            "not an option",
            id="single-option-of-other-question",
        ),
        pytest.param(
            {"tasks": "shopping"},
            "$.answers.tasks",
            "list of option ids",
            id="multiple-given-string",
        ),
        pytest.param(
            {"tasks": ["shopping", 2]},
            "$.answers.tasks",
            "list of option ids",
            id="multiple-given-number-in-list",
        ),
        pytest.param(
            {"tasks": ["shopping", "ironing"]},
            "$.answers.tasks[1]",
            '"ironing" is not an option',
            id="multiple-unknown-option",
        ),
        pytest.param(
            {"tasks": ["shopping", "cleaning", "shopping"]},
            "$.answers.tasks[2]",
            "chosen twice",
            id="multiple-same-option-twice",
        ),
        pytest.param(
            {"nights": "3"}, "$.answers.nights", "expected a number", id="number-given-string"
        ),
        pytest.param(
            {"nights": True}, "$.answers.nights", "expected a number", id="number-given-bool"
        ),
        pytest.param(
            {"nights": None}, "$.answers.nights", "expected a number", id="number-given-null"
        ),
        pytest.param(
            {"nights": -1}, "$.answers.nights", "below the smallest", id="number-below-min"
        ),
        pytest.param(
            {"nights": D("-0.5")},
            "$.answers.nights",
            "below the smallest",
            id="number-just-below-min",
        ),
        pytest.param({"nights": 8}, "$.answers.nights", "above the largest", id="number-above-max"),
        pytest.param(
            {"nights": D("7.01")},
            "$.answers.nights",
            "above the largest",
            id="number-just-above-max",
        ),
        pytest.param({"notes": 3}, "$.answers.notes", "expected text", id="text-given-number"),
        pytest.param({"notes": ["a"]}, "$.answers.notes", "expected text", id="text-given-list"),
    ],
)
def test_one_bad_answer_is_reported_at_its_path(
    change: dict[str, Any], path: str, word: str
) -> None:
    assert_one(answer_problems({**GOOD, **change}), path, word)


@pytest.mark.parametrize("missing", ["washing", "tasks", "nights"])
def test_a_required_shown_question_without_an_answer_is_named(missing: str) -> None:
    answers = {k: v for k, v in GOOD.items() if k != missing}
    found = answer_problems(answers)
    assert [p.path for p in found] == [f"$.answers.{missing}"]
    assert f'"{missing}" is required' in found[0].message


def test_a_text_question_marked_required_must_be_answered() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][1]["questions"][1]["required"] = True
    assert_one(answer_problems(GOOD, build(doc)), "$.answers.notes", "required")


def test_a_single_marked_optional_may_be_left_out() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][0]["questions"][0]["required"] = False
    a = read({"tasks": [], "nights": 0}, build(doc))
    assert "washing" not in a.given and "washing" in a.shown


# --- visibility -----------------------------------------------------------------------------
def test_a_required_question_hidden_by_show_if_may_be_missing() -> None:
    a = read({"washing": "some", "tasks": []}, HIDING)
    assert "nights" not in a.shown and "nights" not in a.given
    # ...but once shown, it is required again
    assert_one(
        answer_problems({"washing": "all", "tasks": []}, HIDING), "$.answers.nights", "required"
    )


def test_an_answer_to_a_hidden_question_is_kept_but_not_visible() -> None:
    a = read({"washing": "some", "tasks": [], "nights": 5}, HIDING)
    assert a.given["nights"] == D(5)
    assert "nights" not in a.visible and "nights" not in a.shown
    # a condition reading the hidden answer is false: notes ("answered nights") stays hidden,
    # so the required notes need no answer
    notes = a.questionnaire.question_by_id["notes"]
    assert notes.show_if is not None and not notes.show_if.holds(a.visible)
    assert "notes" not in a.shown


def test_the_same_answers_with_the_question_shown_make_the_condition_true() -> None:
    a = read({"washing": "all", "tasks": [], "nights": 5, "notes": "x"}, HIDING)
    assert a.visible["nights"] == D(5)
    assert {"nights", "notes"} <= a.shown
    assert_one(
        answer_problems({"washing": "all", "tasks": [], "nights": 5}, HIDING),
        "$.answers.notes",
        "required",
    )


def test_show_if_may_read_a_later_question() -> None:
    ruleset = with_show_if(washing={"answer": "nights", ">=": 3})
    a = read({"tasks": [], "nights": 1}, ruleset)
    assert "washing" not in a.shown
    assert_one(
        answer_problems({"tasks": [], "nights": 3}, ruleset), "$.answers.washing", "required"
    )


def test_a_bad_answer_counts_as_unanswered_for_visibility() -> None:
    # nights is given an unknown type of value: only that is reported, and notes (shown only
    # when nights is answered) is not claimed to be missing
    ruleset = with_show_if(notes={"answered": "nights"})
    found = answer_problems({"washing": "some", "tasks": [], "nights": "3"}, ruleset)
    assert [p.path for p in found] == ["$.answers.nights"]


# --- every problem at once ----------------------------------------------------------------------
def test_every_bad_answer_is_reported_at_once() -> None:
    found = answer_problems(
        {
            "washing": "lots",
            "tasks": "shopping",
            "nights": 99,
            "notes": 1,
            "bathing": "some",
        }
    )
    paths = [p.path for p in found]
    assert sorted(paths) == sorted(
        [
            "$.answers.washing",
            "$.answers.tasks",
            "$.answers.nights",
            "$.answers.notes",
            "$.answers.bathing",
        ]
    )


def test_missing_required_answers_are_named_alongside_bad_ones() -> None:
    found = answer_problems({"washing": "lots", "tasks": ["ironing", "ironing"]})
    paths = {p.path for p in found}
    assert {"$.answers.washing", "$.answers.tasks[0]", "$.answers.nights"} <= paths
    assert_one(found, "$.answers.nights", "required")
    # a question with a bad answer is reported for that, not also as missing
    assert not [p for p in found if p.path == "$.answers.washing" and "required" in p.message]
