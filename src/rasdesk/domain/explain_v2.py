"""The reasoned explanation of a format-2 result (docs/ruleset-v2.md §4): from the person's
own answers, per amount and per part, to every figure and who pays it, in English or
Welsh, each step also in easy read.

Its groups of steps are memoized (``explain_memo_v2``); an amount's words are made by
``explain_amount_v2``. Every figure comes from the ``ResultV2``. Money is shown to the penny; where an exact
intermediate is not a whole number of pence, the sentence says "to the nearest penny" (the
JSON keeps every digit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import cast

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, AnswersV2
from rasdesk.domain.engine import HIDDEN, TEXT
from rasdesk.domain.engine_v2 import _values
from rasdesk.domain.explain_amount_v2 import amount_groups, amount_words
from rasdesk.domain.explain_keys_v2 import points_changes_key
from rasdesk.domain.explain_memo_v2 import About, Group, Kept, Memo, keep_group, memo_for
from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model import Section
from rasdesk.domain.model_v2 import RulesetV2, SectionV2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import (
    AmountResult,
    QuestionV2Score,
    ResultV2,
    SectionV2Score,
    about_json,
)


def explain_v2(
    ruleset: RulesetV2, answers: AnswersV2, result: ResultV2, lang: str = "en"
) -> tuple[list[ExplanationStep], list[About], list[bytes]]:
    """The steps; parallel to them, which (amount, part) each is about; and the steps'
    JSON in pieces (``ResultV2.to_json_bytes`` joins them)."""
    q = answers.questionnaire
    memo = memo_for(ruleset, q, lang)
    kept = head_groups(memo, ruleset, answers)
    keys = result.section_keys or [(s.section.id, _values(s, answers)) for s in q.sections]
    kept_by = result.section_words or [{} for _ in q.sections]  # per section, per language
    kept += section_groups(
        memo, answers, keys, result.sections, kept_by, lambda: result.questions, lang
    )
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        entry = amount.memo
        if entry is None:
            kept.extend(amount_groups(memo, spec, amount))
            continue
        changes = [points_changes_key(p) for p in amount.parts if p.points is not None]
        kept += amount_words(memo, spec, entry, changes, given(amount), lang)
    kept.append(end_group(memo))
    steps = [s for k in kept for s in k[0]]
    abouts = [a for k in kept for a in k[1]]
    return steps, abouts, [k[2] for k in kept if k[2]]


def given(amount: AmountResult) -> Callable[[], AmountResult]:
    """``amount``, when ``amount_words`` asks for it."""
    return lambda: amount


def head_groups(memo: Memo, ruleset: RulesetV2, answers: AnswersV2) -> list[Kept]:
    """Who answered, and the facts read from the linked case."""
    q = answers.questionnaire
    w = memo.words
    kept: list[Kept] = []
    nowhere: About = (None, None)
    if answers.answered_by:
        who = answers.answered_by
        if q.kind == "carer" and who == "carer":
            who = "person"  # in a carer's own assessment, the carer is "you"
        step = w.two("answered_by", "answered_by", who=w.s(f"who_{who}"))
        kept.append(((step,), (nowhere,), step.json[:-1] + about_json(None, None)))
    for fact in q.facts:
        if fact.id in answers.facts:
            linked = ruleset.questionnaire_by_id[fact.questionnaire]
            step = w.fact(fact, linked, answers.facts[fact.id])
            kept.append(((step,), (nowhere,), step.json[:-1] + about_json(None, None)))
    return kept


def section_groups(
    memo: Memo,
    answers: AnswersV2,
    keys: Sequence[tuple[object, ...]],
    scores: Iterable[SectionV2Score],
    kept_by: Iterable[dict[str, object]],
    questions: Callable[[], Iterable[QuestionV2Score]],
    lang: str,
) -> list[Kept]:
    """Each section's words. They are a pure function of the section's key (its values,
    the marks of not-applicable answers and views, eligibility): kept beside its memoized
    score (``kept_by``, per language)."""
    out: list[Kept] = []
    points: dict[str, Decimal] | None = None
    sections = answers.questionnaire.sections
    for section, skey, score, words in zip(sections, keys, scores, kept_by, strict=True):
        found = words.get(lang)
        if found is None:
            if points is None:
                points = {qs.id: qs.points for qs in questions()}
            values = cast(tuple[object, ...], skey[1])
            found = words[lang] = keep_group(
                _section_steps(memo.words, section, values, answers, points, score)
            )
        out.append(found)  # type: ignore[arg-type]
    return out


def end_group(memo: Memo) -> Kept:
    """The closing words."""
    found = memo.groups.get(("end",))
    if found is None:
        nowhere: About = (None, None)
        found = memo.make(("end",), lambda: tuple((s, nowhere) for s in memo.words.ending()))
    return found


def _section_steps(
    w: AmountWords,
    section: SectionV2,
    values: tuple[object, ...],
    answers: AnswersV2,
    points: dict[str, Decimal],
    score: SectionV2Score,
) -> Group:
    out: list[tuple[ExplanationStep, About]] = []
    nowhere: About = (None, None)

    def add(step: ExplanationStep | None) -> None:
        if step is not None:
            out.append((step, nowhere))

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
    base = section.section
    add(w.section(base, score.raw_points, score.capped, _weighted(base, score)))
    if section.eligible_if is not None:
        add(w.eligibility(base, score.eligible, _weighted(base, score)))
    return tuple(out)


def _weighted(section: Section, score: SectionV2Score) -> Decimal:
    """A section's points after cap and weight, eligible or not (for the words)."""
    raw = (
        section.max_points if score.capped and section.max_points is not None else score.raw_points
    )
    return raw * section.weight
