"""What the letter says, before any style is applied: built from a case version (its
frozen bundle once finalised) and the ruleset it was computed with.

The explanation is recomputed in the letter's language from the pinned ruleset and the
answers, and must give exactly the figures that were frozen: a letter can never show a
figure other than the decision's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rasdesk.domain.budget import compute_budget
from rasdesk.domain.errors import RasdeskError
from rasdesk.domain.explain_steps import money_text, points_text
from rasdesk.domain.model import Question, Ruleset
from rasdesk.domain.phrases import PHRASES
from rasdesk.domain.result import ExplanationStep, Result
from rasdesk.domain.units import with_unit


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    question_easy: str
    answer: str
    answer_easy: str
    points: str  # already words: "5 points" / "5 pwynt"
    picture: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Area:
    title: str
    title_easy: str
    lines: tuple[AnswerLine, ...]
    summary: ExplanationStep  # the engine's words for the area's points


@dataclass(frozen=True, slots=True)
class AmountLines:
    """One amount of a format-2 result, as the letter's summary states it."""

    title: str  # "Your planning amount: £21,850.00 a year (April 2026 to March 2027)"
    parts: tuple[str, ...]  # "Personal budget, paid by the council: £21,850.00 a year"
    totals: tuple[ExplanationStep, ...]  # the explanation's own funder, total, period steps
    parts_easy: tuple[str, ...] = ()  # easy read: "Personal budget: £21,850 a year. Paid by …"


@dataclass(slots=True)
class Letter:
    lang: str
    draft: bool
    kind: str  # person | carer
    council: str
    person: dict[str, Any]
    assessor: str
    started_at: str
    finalised_at: str | None
    general_note: str | None
    weekly: Decimal
    annual: Decimal
    areas: list[Area] = field(default_factory=list)
    how: list[ExplanationStep] = field(default_factory=list)
    ruleset: dict[str, str] = field(default_factory=dict)
    #: For a review: "what has changed since your last assessment" (printing/since_words.py).
    changes_title: str = ""
    changes: list[str] = field(default_factory=list)
    changes_easy: list[str] = field(default_factory=list)  # short sentences, for easy read
    #: Format 2: each amount with its parts, funders and periods (printing/letter_v2.py);
    #: when given, the summary states these instead of ``weekly``/``annual``.
    amounts: list[AmountLines] = field(default_factory=list)
    #: Format 2: whether the standard "charges come from a financial assessment" line
    #: belongs on this letter (a council whose support is not charged says otherwise).
    charges_line: bool = True

    @property
    def weekly_text(self) -> str:
        return money_text(self.weekly)

    @property
    def annual_text(self) -> str:
        return money_text(self.annual)

    def all_text(self) -> str:
        """Every word on the letter (for choosing a font that has every character)."""
        parts = [self.council, self.assessor, self.general_note or ""]
        # Every detail of the person that the letter prints (name, reference, date of birth).
        parts += [str(v) for v in self.person.values() if isinstance(v, str)]
        for area in self.areas:
            parts += [area.title, area.title_easy, area.summary.text, area.summary.easy_read]
            for line in area.lines:
                parts += [
                    line.question,
                    line.question_easy,
                    line.answer,
                    line.answer_easy,
                    line.note or "",
                ]
        parts += [s.text + s.easy_read for s in self.how]
        parts += [self.changes_title, *self.changes, *self.changes_easy]
        for amount in self.amounts:
            parts += [amount.title, *amount.parts]
            parts += [s.text + s.easy_read for s in amount.totals]
        return "".join(parts)


def _answer_words(
    question: Question, value: Any, lang: str, unit_sep: str = " "
) -> tuple[str, str]:
    if question.type == "single":
        option = question.option_by_id[value]
        return option.text.get(lang), (option.easy_read or option.text).get(lang)
    if question.type == "multiple":
        chosen = [question.option_by_id[o] for o in value]
        if not chosen:
            return "—", "—"
        # Easy read: one chosen option a line (the renderer splits on "\n").
        return (
            ", ".join(o.text.get(lang) for o in chosen),
            "\n".join((o.easy_read or o.text).get(lang) for o in chosen),
        )
    if question.type == "number":
        number = points_text(Decimal(value))
        text = with_unit(Decimal(value), question.unit, lang, number).replace(" ", unit_sep, 1)
        return text, text
    return str(value), str(value)


def build_letter(
    ruleset: Ruleset,
    questionnaire_id: str,
    answers: dict[str, Any],
    notes: dict[str, str],
    *,
    lang: str,
    draft: bool,
    person: dict[str, Any],
    assessor: str,
    started_at: str,
    finalised_at: str | None,
    frozen_result: dict[str, Any] | None,
    notes_on_letter: bool,
) -> Letter:
    result: Result = compute_budget(
        ruleset, {"questionnaire": questionnaire_id, "answers": answers}, lang
    )
    if frozen_result is not None and (
        result.as_dict()["weekly"] != frozen_result["weekly"]
        or result.as_dict()["annual"] != frozen_result["annual"]
    ):
        raise RasdeskError(
            "the budget worked out again from the pinned ruleset differs from the finalised one; "
            "the letter was not made. Report this to your IT team."
        )
    q = ruleset.questionnaire_by_id[questionnaire_id]
    scores = {s.question: s for s in result.questions}
    section_steps = [s for s in result.explanation if s.step == "section"]
    letter = Letter(
        lang=lang,
        draft=draft,
        kind=q.kind,
        council=ruleset.council,
        person=person,
        assessor=assessor,
        started_at=started_at,
        finalised_at=finalised_at,
        general_note=notes.get("general") if notes_on_letter else None,
        weekly=result.weekly,
        annual=result.annual,
        ruleset=result.ruleset.as_dict(),
    )
    for section, summary in zip(q.sections, section_steps, strict=True):
        lines = []
        for question in section.questions:
            score = scores.get(question.id)
            if score is None or question.type == "text":
                continue  # not shown; free text is not part of the figure
            value = answers.get(question.id)
            answer, answer_easy = (
                _answer_words(question, value, lang) if score.answered else ("—", "—")
            )
            lines.append(
                AnswerLine(
                    question=question.text.get(lang),
                    question_easy=(question.easy_read or question.text).get(lang),
                    answer=answer,
                    answer_easy=answer_easy,
                    points=points_words(score.points, lang),
                    picture=question.picture,
                    note=notes.get(question.id) if notes_on_letter else None,
                )
            )
        letter.areas.append(
            Area(
                section.title.get(lang),
                (section.easy_read or section.title).get(lang),
                tuple(lines),
                summary,
            )
        )
    letter.how = [s for s in result.explanation if s.step not in ("answer", "section", "ruleset")]
    return letter


def points_words(points: Decimal, lang: str) -> str:
    """ "5 points", "1 point", "5 pwynt": the engine's own phrases."""
    return PHRASES[lang]["point" if points == 1 else "points"].format(n=points_text(points))
