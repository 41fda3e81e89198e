"""Where the assessor is in a questionnaire: which questions are shown now, in what order,
and what comes next. Plain Python (no Qt), so the rules are tested without a screen.

Skip logic is the engine's own (``visible_values``): a question is shown when its
``show_if`` holds for the answers given so far, so the path changes live as answers change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from rasdesk.domain.answers import AnswerValue, visible_values
from rasdesk.domain.engine import question_points
from rasdesk.domain.model import Question, Questionnaire, Section


@dataclass(frozen=True, slots=True)
class Step:
    question: Question
    section: Section
    number: int  # 1-based, among the questions shown now
    total: int


def shown_questions(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> list[tuple[Section, Question]]:
    """The questions shown for these answers, in questionnaire order."""
    _, shown = visible_values(questionnaire, answers)
    return [(s, q) for s in questionnaire.sections for q in s.questions if q.id in shown]


def step_for(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue], question_id: str
) -> Step | None:
    path = shown_questions(questionnaire, answers)
    for number, (section, question) in enumerate(path, 1):
        if question.id == question_id:
            return Step(question, section, number, len(path))
    return None


def first_step(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> Step:
    path = shown_questions(questionnaire, answers)
    section, question = path[0]
    return Step(question, section, 1, len(path))


def next_step(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue], question_id: str
) -> Step | None:
    """The question after ``question_id`` on the current path (None: the end)."""
    return _neighbour(questionnaire, answers, question_id, +1)


def previous_step(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue], question_id: str
) -> Step | None:
    return _neighbour(questionnaire, answers, question_id, -1)


def _neighbour(
    questionnaire: Questionnaire,
    answers: Mapping[str, AnswerValue],
    question_id: str,
    delta: int,
) -> Step | None:
    path = shown_questions(questionnaire, answers)
    order = [q.id for s in questionnaire.sections for q in s.questions]
    ids = [q.id for _, q in path]
    if question_id in ids:
        index = ids.index(question_id) + delta
    else:  # the question was just hidden: continue from where it stood
        position = order.index(question_id)
        later = [i for i, qid in enumerate(ids) if order.index(qid) > position]
        index = (
            (later[0] if later else len(ids))
            if delta > 0
            else (later[0] - 1 if later else len(ids) - 1)
        )
    if 0 <= index < len(path):
        section, question = path[index]
        return Step(question, section, index + 1, len(path))
    return None


def first_unanswered(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> Step | None:
    """Where to resume a draft: the first shown question with no answer."""
    path = shown_questions(questionnaire, answers)
    for number, (section, question) in enumerate(path, 1):
        if question.id not in answers:
            return Step(question, section, number, len(path))
    return None


def missing_required(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> list[tuple[Section, Question]]:
    """Shown, required questions with no answer: the check page's error summary."""
    return [
        (s, q)
        for s, q in shown_questions(questionnaire, answers)
        if q.required and q.id not in answers
    ]


def points_for(question: Question, value: AnswerValue | None) -> Decimal | None:
    """The points an answer scores on its own (None for no answer or a text question)."""
    if value is None or question.type == "text":
        return None
    return question_points(question, value)
