"""Exclusive options ("None of these"): validated in the ruleset, refused by the engine
when chosen with anything else (docs/ruleset-decisions.md, "Exclusive options")."""

from __future__ import annotations

from typing import Any

import pytest

from rasdesk.domain.answers import check_answer, read_answers_document
from rasdesk.domain.errors import AnswersError, RulesetError
from rasdesk.domain.parse import parse_ruleset
from rasdesk.platform.paths import demo_dir
from tests.domain.builders import build, minimal_doc, option, questionnaire

TASKS = "$.questionnaires[0].sections[0].questions[1]"
WASH = "$.questionnaires[0].sections[0].questions[0]"


def with_none(**extra: Any) -> dict[str, Any]:
    doc = minimal_doc()
    tasks = questionnaire(doc)["sections"][0]["questions"][1]
    tasks["options"].append({**option("none", 0), "exclusive": True, **extra})
    return doc


def base_answers(tasks: list[str]) -> dict[str, Any]:
    return {"washing": "some", "tasks": tasks, "nights": 2}


def refusal(doc: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(RulesetError) as err:
        build(doc)
    return [(p.path, p.message) for p in err.value.problems]


def test_the_exclusive_option_is_read_and_named_on_its_question() -> None:
    q = build(with_none()).questionnaires[0].question_by_id["tasks"]
    assert [o.exclusive for o in q.options] == [False, False, True]
    assert q.exclusive_option == "none"


def test_exclusive_on_a_single_question_is_refused_at_its_path() -> None:
    doc = minimal_doc()
    questionnaire(doc)["sections"][0]["questions"][0]["options"][0]["exclusive"] = True
    [(path, message)] = refusal(doc)
    assert path == f"{WASH}.options[0].exclusive"
    assert '"multiple"' in message


def test_two_exclusive_options_on_one_question_are_refused() -> None:
    doc = with_none()
    questionnaire(doc)["sections"][0]["questions"][1]["options"][0]["exclusive"] = True
    [(path, message)] = refusal(doc)
    assert path == f"{TASKS}.options[2].exclusive"
    assert "only one exclusive option" in message


def test_an_exclusive_only_option_is_refused() -> None:
    doc = minimal_doc()
    tasks = questionnaire(doc)["sections"][0]["questions"][1]
    tasks["options"] = [{**option("none", 0), "exclusive": True}]
    [(path, message)] = refusal(doc)
    assert path == f"{TASKS}.options[0].exclusive"
    assert "other options" in message


def test_exclusive_must_be_true_or_false() -> None:
    [(path, message)] = refusal(with_none(exclusive="yes"))
    assert path == f"{TASKS}.options[2].exclusive"
    assert "true or false" in message


@pytest.mark.parametrize("tasks", [["none"], ["shopping", "cleaning"], []])
def test_the_exclusive_option_alone_or_left_out_is_accepted(tasks: list[str]) -> None:
    ruleset = build(with_none())
    answers = read_answers_document(
        {"questionnaire": "person", "answers": base_answers(tasks)}, ruleset
    )
    assert answers.given["tasks"] == tuple(tasks)


@pytest.mark.parametrize("tasks", [["none", "shopping"], ["cleaning", "none"]])
def test_the_exclusive_option_with_another_is_refused_naming_the_field(tasks: list[str]) -> None:
    ruleset = build(with_none())
    with pytest.raises(AnswersError) as err:
        read_answers_document({"questionnaire": "person", "answers": base_answers(tasks)}, ruleset)
    [problem] = err.value.problems
    assert problem.path == "$.answers.tasks"
    other = next(t for t in tasks if t != "none")
    assert '"none" cannot be chosen together' in problem.message and f'"{other}"' in problem.message


def test_one_answer_on_its_own_is_refused_too() -> None:
    question = build(with_none()).questionnaires[0].question_by_id["tasks"]
    with pytest.raises(AnswersError) as err:
        check_answer(question, ["shopping", "none"])
    assert err.value.problems[0].path == "$.answers.tasks"
    assert check_answer(question, ["none"]) == ("none",)


def test_the_demo_marks_none_of_these_exclusive() -> None:
    ruleset = parse_ruleset((demo_dir() / "demo.ruleset.json").read_bytes(), "demo")
    person = ruleset.questionnaire_by_id["person"]
    assert person.question_by_id["home_tasks"].exclusive_option == "none"
