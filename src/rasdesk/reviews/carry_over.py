"""Which answers still hold under another questionnaire, and which must be asked again.

An answer carries over when its question still exists (by id, in whatever section it now
sits), has the same type and, for a number, the same unit, and the answer is still a valid
answer there: every chosen option still exists, a number is inside the new range. Anything
else is listed with its reason in plain words, never silently dropped, and so is every
required question the new questionnaire now asks that has no answer. The option's points
may differ: that is the council's scoring, not the meaning of the answer. A format-2
answer that is not a plain value (*not applicable*, or an answer with views, who answered
and evidence) carries over when the new question takes it as it is (``check_answer_v2``).

Format 1 and format 2 questionnaires both hold format 1's ``Question`` objects, so one rule
serves both, and a move from format 1 to format 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from rasdesk.domain.answers import AnswerValue, visible_values
from rasdesk.domain.answers_v2 import _visible as visible_v2
from rasdesk.domain.answers_v2 import check_answer_v2
from rasdesk.domain.decimals import plain
from rasdesk.domain.errors import AnswersError
from rasdesk.domain.model import Question, Questionnaire
from rasdesk.domain.model_v2 import QuestionnaireV2

AnyQuestionnaire = Questionnaire | QuestionnaireV2

#: Why an answer did not carry over (``NotCarried.reason``).
QUESTION_REMOVED = "question removed"
TYPE_CHANGED = "type changed"
UNIT_CHANGED = "unit changed"
OPTION_REMOVED = "option removed"
OUT_OF_RANGE = "number outside the new range"
NEW_REQUIRED = "new required question"
NOW_REQUIRED = "now required"
NO_LONGER_FITS = "answer no longer fits"


@dataclass(frozen=True, slots=True)
class NotCarried:
    """One answer that could not move, or one new question to ask: why, in words."""

    question: str
    reason: str  # one of the constants above
    words: str
    old: AnswerValue | None = None

    @property
    def asked_again(self) -> bool:
        """The new questionnaire asks this question (a removed one cannot be asked)."""
        return self.reason != QUESTION_REMOVED


@dataclass(frozen=True, slots=True)
class CarryOver:
    carried: dict[str, AnswerValue]
    not_carried: tuple[NotCarried, ...]
    #: Carried answers whose question moved section or was reworded: worth a look.
    notes: tuple[str, ...] = ()

    @property
    def asked_again(self) -> tuple[str, ...]:
        return tuple(n.question for n in self.not_carried if n.asked_again)

    def as_dict(self) -> dict[str, object]:
        return {
            "carried": sorted(self.carried),
            "not_carried": [
                {"question": n.question, "reason": n.reason, "words": n.words}
                for n in self.not_carried
            ],
            "asked_again": list(self.asked_again),
            "notes": list(self.notes),
        }


def _quoted(question: Question) -> str:
    return f'{question.id} ("{question.text.en}")'


def _why_not(
    old: Question, new: Question, value: AnswerValue, questionnaire: AnyQuestionnaire
) -> tuple[str, str] | None:
    """(reason, words) when ``value`` (an answer to ``old``) is no answer to ``new``."""
    name = _quoted(new)
    if old.type != new.type:
        return TYPE_CHANGED, f"{name}: the question is now a {new.type} question, not {old.type}."
    if new.type == "number" and old.unit != new.unit:
        was = old.unit.en if old.unit else "no unit"
        now = new.unit.en if new.unit else "no unit"
        return UNIT_CHANGED, f"{name}: the unit changed from {was} to {now}."
    stored: object = value  # the store also holds format 2's answer objects (JSON objects)
    if isinstance(stored, dict):  # format 2's not applicable, or an answer with views
        return _record_why(new, stored, questionnaire, name)
    if new.type in ("single", "multiple"):
        chosen = (value,) if isinstance(value, str) else value
        gone = [str(o) for o in chosen if o not in new.option_by_id]  # type: ignore[union-attr]
        if gone:
            words = ", ".join(
                f'"{old.option_by_id[o].text.en}" ({o})' if o in old.option_by_id else o
                for o in gone
            )
            return OPTION_REMOVED, f"{name}: the answer {words} is no longer an option."
    if new.type == "number":
        assert isinstance(value, Decimal | int)
        number = Decimal(value)
        low, high = new.minimum, new.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            allowed = f"{plain(low) if low is not None else 'any'} to {plain(high) if high is not None else 'any'}"
            return (
                OUT_OF_RANGE,
                f"{name}: the answer {plain(number)} is outside the new range ({allowed}).",
            )
    return None


def _record_why(
    new: Question, value: dict[str, object], questionnaire: AnyQuestionnaire, name: str
) -> tuple[str, str] | None:
    """A format-2 answer object carries over when the new question takes it as it is."""
    if not isinstance(questionnaire, QuestionnaireV2):
        return NO_LONGER_FITS, f"{name}: format 1 has no place for this answer ({value})."
    try:
        check_answer_v2(questionnaire, new, value)
    except AnswersError as exc:
        said = "; ".join(p.message for p in exc.problems) or exc.message
        return NO_LONGER_FITS, f"{name}: {said}."
    return None


def shown_and_required(
    q: AnyQuestionnaire,
    answers: Mapping[str, AnswerValue],
    facts: Mapping[str, object] | None = None,
) -> tuple[frozenset[str], list[Question]]:
    """The questions these answers (and a carer's facts from the linked case) show, and the
    questionnaire's required questions."""
    if isinstance(q, QuestionnaireV2):
        return visible_v2(q, answers, facts or {})[1], [x for x in q.questions() if x.required]
    return visible_values(q, answers)[1], list(q.required_questions)


def carry_over(
    old: AnyQuestionnaire,
    new: AnyQuestionnaire,
    answers: Mapping[str, AnswerValue],
    facts: Mapping[str, object] | None = None,
) -> CarryOver:
    """Move ``answers`` (valid for ``old``) to ``new``: what carries, what is asked again
    (a question the ``facts`` from the linked case show, too: format 2's carers)."""
    carried: dict[str, AnswerValue] = {}
    lost: list[NotCarried] = []
    notes: list[str] = []
    for qid, value in answers.items():
        before, after = old.question_by_id.get(qid), new.question_by_id.get(qid)
        if after is None:
            shown = _quoted(before) if before is not None else qid
            lost.append(
                NotCarried(qid, QUESTION_REMOVED, f"{shown}: the question was removed.", value)
            )
            continue
        if before is None:  # not asked by the old questionnaire: nothing is known about it
            continue
        why = _why_not(before, after, value, new)
        if why is not None:
            lost.append(NotCarried(qid, why[0], why[1], value))
            continue
        carried[qid] = value
        if before.section_id != after.section_id:
            notes.append(
                f"{_quoted(after)} moved from section {before.section_id} to {after.section_id}."
            )
        if before.text != after.text:
            notes.append(f'{qid}: the question now reads "{after.text.en}"; check the answer.')
    visible, required = shown_and_required(new, carried, facts)
    asked = {n.question for n in lost}
    for question in required:
        qid = question.id
        if qid not in visible or qid in carried or qid in asked:
            continue
        before = old.question_by_id.get(qid)
        if before is None:
            lost.append(
                NotCarried(
                    qid, NEW_REQUIRED, f"{_quoted(question)}: a new question that must be answered."
                )
            )
        elif not before.required:
            lost.append(
                NotCarried(
                    qid, NOW_REQUIRED, f"{_quoted(question)}: this question must now be answered."
                )
            )
    return CarryOver(carried, tuple(lost), tuple(notes))
