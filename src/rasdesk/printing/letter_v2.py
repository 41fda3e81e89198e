"""What the letter says for a format-2 result: the same ``Letter`` content model as format
1 (areas, answers, the explanation), with each amount's parts, funders and periods in its
summary, the council's own closing words and its contact details. A part that does not
apply is said once and is not among the funders' lines (``domain/shown_v2.py``).

Built from a checked answers document and the ruleset; the figures are the engine's, and
the words of the totals are the explanation's own steps (one set of words everywhere).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.explain_words_v2 import BaseWords
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.shown_v2 import shown_v2
from rasdesk.printing.letter import AmountLines, AnswerLine, Area, Letter, points_words
from rasdesk.printing.letter import _answer_words as answer_words
from rasdesk.printing.words import WORDS

_TOTAL_STEPS = ("funder_total", "amount_total", "also", "hours")


def build_letter_v2(
    ruleset: RulesetV2,
    doc: dict[str, Any],
    *,
    lang: str,
    draft: bool,
    person: dict[str, Any],
    assessor: str,
    started_at: str,
    finalised_at: str | None = None,
    notes: dict[str, str] | None = None,
    notes_on_letter: bool = False,
) -> Letter:
    """The letter; the person's notes (``general`` and per question) go on it only with
    ``notes_on_letter``, the consent recorded with the case (as format 1's)."""
    said = (notes or {}) if notes_on_letter else {}
    # As people read it: a part that does not apply is not among the funders' lines.
    result = shown_v2(compute_budget_v2(ruleset, doc, lang), ruleset, lang)
    q = ruleset.questionnaire_by_id[result.questionnaire]
    words = BaseWords(ruleset, q, lang)
    first = result.amounts[0] if result.amounts else None
    also_year = (
        next((a.total for a in first.also if a.period.per.value == "year"), None) if first else None
    )
    letter = Letter(
        lang=lang,
        draft=draft,
        kind=q.kind,
        council=ruleset.council,
        person=person,
        assessor=assessor,
        started_at=started_at,
        finalised_at=finalised_at,
        general_note=said.get("general"),
        weekly=first.total if first else Decimal(0),
        annual=also_year if also_year is not None else (first.total if first else Decimal(0)),
        ruleset=result.ruleset.as_dict(),
        charges_line=all(a.closing is None for a in q.amounts),
    )
    scores = {s.id: s for s in result.questions}
    section_steps = [s for s in result.explanation if s.step == "section"]
    given = doc.get("answers", {})
    for section, summary in zip(q.sections, section_steps, strict=True):
        lines = []
        for question in section.section.questions:
            score = scores.get(question.id)
            if score is None or question.type == "text":
                continue
            if score.kind == "not_applicable":
                extra = q.extra[question.id]
                answer = easy = words.t(extra.not_applicable)
            elif score.kind == "answer":
                value = result_value(given.get(question.id))
                answer, easy = answer_words(question, value, lang)
            else:
                answer = easy = "—"
            lines.append(
                AnswerLine(
                    question=question.text.get(lang),
                    question_easy=(question.easy_read or question.text).get(lang),
                    answer=answer,
                    answer_easy=easy,
                    # Not applicable is its own kind of answer, never "0 points" of need.
                    points=WORDS[lang]["not_counted"]
                    if score.kind == "not_applicable"
                    else points_words(score.points, lang),
                    picture=question.picture or chosen_picture(q, question, given),
                    note=said.get(question.id),
                )
            )
        base = section.section
        letter.areas.append(
            Area(
                base.title.get(lang),
                (base.easy_read or base.title).get(lang),
                tuple(lines),
                summary,
            )
        )
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        per = words.per(spec.period)
        paid = [
            (p, r) for p, r in zip(spec.parts, amount.parts, strict=True) if r.applies and r.amount
        ]
        parts = tuple(
            f"{words.t(p.label)}, {words.funder(p)}: £{words.m(r.in_amount_period)} {per}"
            + (f" ({words.s('earmarked', what=words.t(p.earmarked))})" if p.earmarked else "")
            for p, r in paid
        )
        # Easy read: the same facts in short sentences (at most 15 words each).
        parts_easy = tuple(
            f"{words.t(p.label)}: £{words.m(r.in_amount_period)} {per}. "
            + _sentence(words.funder(p))
            + (
                " " + _sentence(words.s("earmarked", what=words.t(p.earmarked)))
                if p.earmarked
                else ""
            )
            for p, r in paid
        )
        totals = tuple(
            step
            for step, (aid, _) in zip(result.explanation, result.step_about, strict=True)
            if aid == spec.id and step.step in _TOTAL_STEPS
        )
        title = f"{words.t(spec.label)}: £{words.m(amount.total)} {per}"
        letter.amounts.append(AmountLines(title, parts, totals, parts_easy))
    letter.how = [s for s in result.explanation if s.step not in ("answer", "section", "ruleset")]
    return letter


def _sentence(words: str) -> str:
    """A phrase as a sentence of its own: capital first, full stop last."""
    words = words.strip()
    return words[:1].upper() + words[1:] + ("" if words.endswith(".") else ".")


def chosen_picture(q: Any, question: Any, given: dict[str, Any]) -> str | None:
    """Easy read: a question with no picture of its own shows the picture the ruleset
    gives the option chosen (a single-choice answer), as the app shows it beside it."""
    if question.type != "single":
        return None
    extra = q.extra.get(question.id)
    value = result_value(given.get(question.id))
    return extra.pictures.get(value) if extra is not None and isinstance(value, str) else None


def result_value(given: Any) -> Any:
    """The agreed value of an answer as given (plain, or an object with ``agreed``/views)."""
    if isinstance(given, dict):
        if "agreed" in given:
            return given["agreed"]
        views = given.get("views") or {}
        return next(iter(views.values()), None)
    return given
