"""Where the assessor is in a questionnaire: which questions are shown now, in what order,
and what comes next. Plain Python (no Qt), so the rules are tested without a screen.

Skip logic is the engine's own (``visible_values``): a question is shown when its
``show_if`` holds for the answers given so far, so the path changes live as answers change.
The flow walks a ``Form``: ``FormV1`` here for a format-1 questionnaire, ``FormV2`` in
``flow_v2`` for format 2 (where the value that counts is the agreed answer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from rasdesk.domain.answers import AnswerValue, visible_values
from rasdesk.domain.engine import question_points
from rasdesk.domain.model import Question, Questionnaire, Section


class Form(Protocol):
    """A questionnaire as the flow walks it, whatever its format."""

    def order(self) -> list[tuple[Section, Question]]:
        """Every question with its section, in questionnaire order."""
        ...

    def shown(self, answers: Mapping[str, Any]) -> frozenset[str]:
        """The ids of the questions shown for these (stored) answers."""
        ...

    def answered(self, answers: Mapping[str, Any], question_id: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class FormV1:
    questionnaire: Questionnaire

    def order(self) -> list[tuple[Section, Question]]:
        return [(s, q) for s in self.questionnaire.sections for q in s.questions]

    def shown(self, answers: Mapping[str, Any]) -> frozenset[str]:
        return visible_values(self.questionnaire, answers)[1]

    def answered(self, answers: Mapping[str, Any], question_id: str) -> bool:
        return question_id in answers


@dataclass(frozen=True, slots=True)
class Step:
    question: Question
    section: Section
    number: int  # 1-based, among the questions shown now
    total: int


def shown_questions(form: Form, answers: Mapping[str, Any]) -> list[tuple[Section, Question]]:
    """The questions shown for these answers, in questionnaire order."""
    shown = form.shown(answers)
    return [(s, q) for s, q in form.order() if q.id in shown]


def step_for(form: Form, answers: Mapping[str, Any], question_id: str) -> Step | None:
    path = shown_questions(form, answers)
    for number, (section, question) in enumerate(path, 1):
        if question.id == question_id:
            return Step(question, section, number, len(path))
    return None


def first_step(form: Form, answers: Mapping[str, Any]) -> Step:
    path = shown_questions(form, answers)
    section, question = path[0]
    return Step(question, section, 1, len(path))


def next_step(form: Form, answers: Mapping[str, Any], question_id: str) -> Step | None:
    """The question after ``question_id`` on the current path (None: the end)."""
    return _neighbour(form, answers, question_id, +1)


def previous_step(form: Form, answers: Mapping[str, Any], question_id: str) -> Step | None:
    return _neighbour(form, answers, question_id, -1)


def _neighbour(
    form: Form,
    answers: Mapping[str, Any],
    question_id: str,
    delta: int,
) -> Step | None:
    path = shown_questions(form, answers)
    order = [q.id for _s, q in form.order()]
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


def first_unanswered(form: Form, answers: Mapping[str, Any]) -> Step | None:
    """Where to resume a draft: the first shown question with no answer."""
    path = shown_questions(form, answers)
    for number, (section, question) in enumerate(path, 1):
        if not form.answered(answers, question.id):
            return Step(question, section, number, len(path))
    return None


def missing_required(form: Form, answers: Mapping[str, Any]) -> list[tuple[Section, Question]]:
    """Shown, required questions with no answer: the check page's error summary."""
    return [
        (s, q)
        for s, q in shown_questions(form, answers)
        if q.required and not form.answered(answers, q.id)
    ]


def points_for(question: Question, value: AnswerValue | None) -> Decimal | None:
    """The points an answer scores on its own (None for no answer or a text question)."""
    if value is None or question.type == "text":
        return None
    return question_points(question, value)
