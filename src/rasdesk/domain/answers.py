"""A person's answers (spec §1.3): checked against the questionnaire, then made visible.

Shapes: single → option id; multiple → list of option ids (may be empty; an option marked
``exclusive`` only on its own); number → JSON number; text → string. Every problem is reported at once (unknown question or option, a
number outside min/max, a wrong shape, a required shown question left unanswered) and
nothing is computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.domain.decimals import type_name
from rasdesk.domain.errors import AnswersError, Problem
from rasdesk.domain.model import Question, Questionnaire, Ruleset

AnswerValue = str | tuple[str, ...] | Decimal


@dataclass(frozen=True, slots=True)
class Answers:
    """Answers as given (kept even when hidden) and the visible ones the engine scores."""

    questionnaire: Questionnaire
    given: Mapping[str, AnswerValue]
    #: Values of shown, answered questions, in the form conditions read them.
    visible: Mapping[str, object]
    shown: frozenset[str]


def read_answers_document(doc: Any, ruleset: Ruleset, source: str = "the answers") -> Answers:
    """Check ``{"questionnaire": ..., "answers": {...}}`` against ``ruleset``."""
    if not isinstance(doc, dict):
        raise AnswersError(
            f'{source}: expected an object with "questionnaire" and "answers", found {type_name(doc)}'
        )
    problems: list[Problem] = [
        Problem(f"$.{k}", f'unknown field "{k}" (allowed: answers, questionnaire)')
        for k in doc
        if k not in ("questionnaire", "answers")
    ]
    qid = doc.get("questionnaire")
    questionnaire = ruleset.questionnaire_by_id.get(qid) if isinstance(qid, str) else None
    if questionnaire is None:
        known = ", ".join(ruleset.questionnaire_by_id)
        problems.append(
            Problem("$.questionnaire", f"unknown questionnaire {qid!r} (this ruleset has: {known})")
        )
    given = doc.get("answers")
    if not isinstance(given, dict):
        problems.append(
            Problem("$.answers", f"expected an object of answers, found {type_name(given)}")
        )
    if problems or questionnaire is None or not isinstance(given, dict):
        raise AnswersError(f"{source} cannot be used", problems)
    return check_answers(questionnaire, given, source)


def check_answers(
    questionnaire: Questionnaire, given: Mapping[str, Any], source: str = "the answers"
) -> Answers:
    problems: list[Problem] = []
    typed: dict[str, AnswerValue] = {}
    by_id = questionnaire.question_by_id
    for qid, value in given.items():
        question = by_id.get(qid)
        if question is not None and _plainly_valid(question, value):
            cls = value.__class__
            typed[qid] = value if cls is str else tuple(value) if cls is list else Decimal(value)
            continue
        if question is None:
            problems.append(
                Problem(
                    f"$.answers.{qid}",
                    f'there is no question "{qid}" in questionnaire "{questionnaire.id}"',
                )
            )
            continue
        checked = _check_one(question, value, f"$.answers.{qid}", problems)
        if checked is not None:
            typed[qid] = checked
    visible, shown = visible_values(questionnaire, typed)
    # Missing answers are named alongside any other problem; a question whose given answer
    # was bad is already reported, and visibility here is judged on the good answers only.
    for question in questionnaire.required_questions:
        if question.id in shown and question.id not in given:
            problems.append(
                Problem(
                    f"$.answers.{question.id}",
                    f'the question "{question.id}" is required and was shown, but has no answer',
                )
            )
    if problems:
        raise AnswersError(f"{source} cannot be used: nothing was computed", problems)
    return Answers(questionnaire, typed, visible, shown)


def visible_values(
    questionnaire: Questionnaire, typed: Mapping[str, AnswerValue]
) -> tuple[dict[str, object], frozenset[str]]:
    """Step 1: which questions are shown, and the answers conditions may read.

    Questions without ``show_if`` are always shown. The others are decided in an order
    where every question they read has been decided already (no cycles: validation)."""
    always = questionnaire.always_shown
    visible: dict[str, object] = {
        qid: frozenset(value) if value.__class__ is tuple else value
        for qid, value in typed.items()
        if qid in always
    }
    if not questionnaire.conditional_questions:
        return visible, always
    shown = set(always)
    for question in questionnaire.conditional_questions:
        if question.show_if.holds(visible):  # type: ignore[union-attr]
            qid = question.id
            shown.add(qid)
            if qid in typed:
                value = typed[qid]
                visible[qid] = frozenset(value) if value.__class__ is tuple else value
    return visible, frozenset(shown)


def json_value(value: AnswerValue) -> Any:
    """An answer as JSON holds it: a multiple answer's tuple becomes a list."""
    return list(value) if isinstance(value, tuple) else value


def check_answer(question: Question, value: Any) -> AnswerValue:
    """One answer, checked on its own (autosave): raises ``AnswersError`` naming the problem."""
    problems: list[Problem] = []
    checked = _check_one(question, value, f"$.answers.{question.id}", problems)
    if problems or checked is None:
        raise AnswersError(f'that is not an answer to "{question.id}"', problems)
    return checked


def _plainly_valid(question: Question, value: Any) -> bool:
    """The common, valid shapes, checked quickly; anything else goes through
    ``_check_one``, which names the problem."""
    qtype = question.type
    cls = value.__class__
    if qtype == "single":
        return cls is str and value in question.option_by_id
    if qtype == "number":
        if cls is not int:
            return False
        low, high = question.minimum, question.maximum
        return (low is None or value >= low) and (high is None or value <= high)
    if qtype == "multiple":
        options = question.option_by_id
        return (
            cls is list
            and len(set(value)) == len(value)
            and all(v.__class__ is str and v in options for v in value)
            and (len(value) < 2 or question.exclusive_option not in value)
        )
    return False


def _check_one(
    question: Question, value: Any, path: str, problems: list[Problem]
) -> AnswerValue | None:
    qtype = question.type
    if qtype == "single":
        if not isinstance(value, str):
            problems.append(
                Problem(path, f"expected one option id (text), found {type_name(value)}")
            )
        elif value not in question.option_by_id:
            problems.append(
                Problem(
                    path,
                    f'"{value}" is not an option of "{question.id}" (options: {", ".join(question.option_by_id)})',
                )
            )
        else:
            return value
    elif qtype == "multiple":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(
                Problem(path, f"expected a list of option ids, found {type_name(value)}")
            )
            return None
        ok = True
        for i, opt in enumerate(value):
            if opt not in question.option_by_id:
                problems.append(
                    Problem(
                        f"{path}[{i}]",
                        f'"{opt}" is not an option of "{question.id}" (options: {", ".join(question.option_by_id)})',
                    )
                )
                ok = False
            elif opt in value[:i]:
                problems.append(Problem(f"{path}[{i}]", f'"{opt}" is chosen twice'))
                ok = False
        alone = question.exclusive_option
        if ok and alone in value and len(value) > 1:
            others = ", ".join(f'"{v}"' for v in value if v != alone)
            problems.append(
                Problem(
                    path,
                    f'"{alone}" cannot be chosen together with other answers of '
                    f'"{question.id}" (also chosen: {others}); choose "{alone}" on its own '
                    "or leave it out",
                )
            )
            ok = False
        return tuple(value) if ok else None
    elif qtype == "number":
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            problems.append(Problem(path, f"expected a number, found {type_name(value)}"))
            return None
        number = Decimal(value)
        if not number.is_finite():
            problems.append(Problem(path, "expected a finite number"))
        elif question.minimum is not None and number < question.minimum:
            problems.append(
                Problem(path, f"{value} is below the smallest allowed answer, {question.minimum}")
            )
        elif question.maximum is not None and number > question.maximum:
            problems.append(
                Problem(path, f"{value} is above the largest allowed answer, {question.maximum}")
            )
        else:
            return number
    else:
        if not isinstance(value, str):
            problems.append(Problem(path, f"expected text, found {type_name(value)}"))
        else:
            return value
    return None
