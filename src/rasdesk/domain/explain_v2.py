"""The reasoned explanation of a format-2 result (docs/ruleset-v2.md §4): from the person's
own answers, per amount and per part, to every figure and who pays it, in English or
Welsh, each step also in easy read.

Every figure comes from the ``ResultV2``. Money is shown to the penny; where an exact
intermediate is not a whole number of pence, the sentence says "to the nearest penny" (the
JSON keeps every digit).
"""

from __future__ import annotations

from decimal import Decimal

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, AnswersV2
from rasdesk.domain.engine import HIDDEN, TEXT
from rasdesk.domain.engine_v2 import _values
from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model import Section
from rasdesk.domain.model_v2 import Amount, RulesetV2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import AmountResult, ResultV2, SectionV2Score

About = tuple[str | None, str | None]


def explain_v2(
    ruleset: RulesetV2, answers: AnswersV2, result: ResultV2, lang: str = "en"
) -> tuple[list[ExplanationStep], list[About]]:
    """The steps and, parallel to them, which (amount, part) each is about."""
    q = answers.questionnaire
    w = AmountWords(ruleset, q, lang)
    steps: list[ExplanationStep] = []
    about: list[About] = []

    def add(step: ExplanationStep | None, where: About = (None, None)) -> None:
        if step is not None:
            steps.append(step)
            about.append(where)

    if answers.answered_by:
        who = answers.answered_by
        if q.kind == "carer" and who == "carer":
            who = "person"  # in a carer's own assessment, the carer is "you"
        add(w.two("answered_by", "answered_by", who=w.s(f"who_{who}")))
    for fact in q.facts:
        if fact.id in answers.facts:
            linked = ruleset.questionnaire_by_id[fact.questionnaire]
            add(w.fact(fact, linked, answers.facts[fact.id]))
    scores = {s.id: s for s in result.sections}
    for section in q.sections:
        values = _values(section, answers)
        points = {qs.id: qs.points for qs in result.questions}
        for question, value in zip(section.section.questions, values, strict=True):
            if value is HIDDEN or value is TEXT:
                continue
            given = answers.given.get(question.id)
            record = answers.records.get(question.id)
            if given is NOT_APPLICABLE:
                add(w.not_applicable(question))
            elif given is not None and w.views_differ(record, given):
                add(w.agreed(question, given, points[question.id]))
            else:
                add(w.answer(question, value, points[question.id]))
            add(w.views(question, record, given))
        score = scores[section.section.id]
        base = section.section
        add(w.section(base, score.raw_points, score.capped, _weighted(base, score)))
        if section.eligible_if is not None:
            add(w.eligibility(base, score.eligible, _weighted(base, score)))
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        for step, where in _amount_steps(w, spec, amount):
            add(step, where)
    for step in w.ending(q.amounts[-1] if q.amounts else None):
        add(step)
    return steps, about


def _weighted(section: Section, score: SectionV2Score) -> Decimal:
    """A section's points after cap and weight, eligible or not (for the words)."""
    raw = (
        section.max_points if score.capped and section.max_points is not None else score.raw_points
    )
    return raw * section.weight


def _amount_steps(
    w: AmountWords, spec: Amount, result: AmountResult
) -> list[tuple[ExplanationStep, About]]:
    out: list[tuple[ExplanationStep, About]] = []
    for part_spec, part in zip(spec.parts, result.parts, strict=True):
        for step in w.part_steps(spec, part_spec, part):
            out.append((step, (spec.id, part.id)))
    for rule, rstep in zip(spec.rules, result.rules, strict=True):
        made = w.rule(spec, rule, rstep)
        if made is not None:
            out.append((made, (spec.id, rule.part)))
    for part_spec, part in zip(spec.parts, result.parts, strict=True):
        made = w.conversion(spec, part_spec, part)
        if made is not None:
            out.append((made, (spec.id, part.id)))
    for step in w.totals(spec, result):
        out.append((step, (spec.id, None)))
    return out
