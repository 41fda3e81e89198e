"""The reasoned explanation of a format-2 result (docs/ruleset-v2.md §4): from the person's
own answers, per amount and per part, to every figure and who pays it, in English or
Welsh, each step also in easy read.

Every figure comes from the ``ResultV2``. Money is shown to the penny; where an exact
intermediate is not a whole number of pence, the sentence says "to the nearest penny" (the
JSON keeps every digit).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal
from functools import partial
from typing import Any, cast

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, AnswersV2
from rasdesk.domain.engine import HIDDEN, TEXT
from rasdesk.domain.engine_v2 import _values
from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model import Section
from rasdesk.domain.model_v2 import Amount, QuestionnaireV2, RulesetV2, SectionV2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import (
    AmountResult,
    ResultV2,
    SectionV2Score,
    about_json,
    amount_to_json,
    part_signature,
    totals_signature,
)

About = tuple[str | None, str | None]


_MEMO_LIMIT = 200_000
Group = tuple[tuple[ExplanationStep, About], ...]


class _Memo:
    """Groups of steps, each a pure function of its key, for one questionnaire and
    language: across thousands of people the same answers and figures recur."""

    def __init__(self, words: AmountWords) -> None:
        self.words = words
        self.groups: dict[Hashable, tuple[Group, bytes]] = {}
        self.amounts: dict[Hashable, bytes] = {}

    def get(self, key: Hashable, make: Callable[[], Group], chunks: list[bytes]) -> Group:
        """The group for ``key``; its JSON (the steps with what they are about) is added
        to ``chunks``, encoded once per group."""
        found = self.groups.get(key)
        if found is None:
            if len(self.groups) >= _MEMO_LIMIT:
                self.groups.clear()
            group = make()
            data = b",".join(s.json[:-1] + about_json(*a) for s, a in group)
            found = self.groups[key] = (group, data)
        if found[1]:
            chunks.append(found[1])
        return found[0]

    def json(self, key: Hashable, amount: AmountResult) -> bytes:
        found = self.amounts.get(key)
        if found is None:
            if len(self.amounts) >= _MEMO_LIMIT:
                self.amounts.clear()
            found = self.amounts[key] = amount_to_json(amount)
        return found


_MEMOS: dict[tuple[str, str, str], _Memo] = {}


def _memo_for(ruleset: RulesetV2, q: QuestionnaireV2, lang: str) -> _Memo:
    key = (ruleset.sha256, q.id, lang)
    memo = _MEMOS.get(key)
    if memo is None or memo.words.ruleset is not ruleset:
        if len(_MEMOS) > 64:
            _MEMOS.clear()
        memo = _MEMOS[key] = _Memo(AmountWords(ruleset, q, lang))
    return memo


def explain_v2(
    ruleset: RulesetV2, answers: AnswersV2, result: ResultV2, lang: str = "en"
) -> tuple[list[ExplanationStep], list[About], list[bytes]]:
    """The steps; parallel to them, which (amount, part) each is about; and the steps'
    JSON in pieces (``ResultV2.to_json_bytes`` joins them)."""
    q = answers.questionnaire
    memo = _memo_for(ruleset, q, lang)
    w = memo.words
    out: list[tuple[ExplanationStep, About]] = []
    chunks: list[bytes] = []
    nowhere: About = (None, None)
    if answers.answered_by:
        who = answers.answered_by
        if q.kind == "carer" and who == "carer":
            who = "person"  # in a carer's own assessment, the carer is "you"
        step = w.two("answered_by", "answered_by", who=w.s(f"who_{who}"))
        out.append((step, nowhere))
        chunks.append(step.json[:-1] + about_json(None, None))
    for fact in q.facts:
        if fact.id in answers.facts:
            linked = ruleset.questionnaire_by_id[fact.questionnaire]
            step = w.fact(fact, linked, answers.facts[fact.id])
            out.append((step, nowhere))
            chunks.append(step.json[:-1] + about_json(None, None))
    scores = {s.id: s for s in result.sections}
    points = {qs.id: qs.points for qs in result.questions}
    keys = result.section_keys or [(s.section.id, _values(s, answers)) for s in q.sections]
    for section, skey in zip(q.sections, keys, strict=True):
        values = cast(tuple[object, ...], skey[1])
        score = scores[section.section.id]
        key: Hashable = ("s", *skey, score.eligible)
        out.extend(
            memo.get(
                key, partial(_section_steps, w, section, values, answers, points, score), chunks
            )
        )
    amount_json: list[bytes] = []
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        signatures = []
        for part_spec, part in zip(spec.parts, amount.parts, strict=True):
            signature = part_signature(part)
            signatures.append(signature)
            # In three groups, so that what recurs (the head, the same points, the same
            # adjustment) is made once even when the part's figure is new.
            where = (spec.id, part.id)
            key = ("ph", *where, part.applies)
            make: Callable[[], Group] = partial(
                _group, where, w.head_steps, spec, part_spec, part.applies
            )
            out.extend(memo.get(key, make, chunks))
            if part.applies:
                key = ("pb", *where, signature[1:6])
                make = partial(_group, where, w.body_steps, part_spec, part)
                out.extend(memo.get(key, make, chunks))
                key = ("pt", *where, signature[6:], len(spec.parts) > 1)
                make = partial(_group, where, w.tail_steps, spec, part_spec, part)
                out.extend(memo.get(key, make, chunks))
        totals = totals_signature(amount)
        key = ("t", spec.id, totals)
        out.extend(memo.get(key, partial(_amount_steps, w, spec, amount), chunks))
        # The amount's JSON is a pure function of the same signatures (and the language).
        amount_json.append(memo.json(("j", spec.id, tuple(signatures), totals), amount))
    result.amount_json = amount_json
    ending = memo.get(("end",), lambda: tuple((s, nowhere) for s in w.ending()), chunks)
    out.extend(ending)
    return [s for s, _ in out], [a for _, a in out], chunks


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


def _group(where: About, steps: Callable[..., Iterable[ExplanationStep]], *args: Any) -> Group:
    return tuple((step, where) for step in steps(*args))


def _amount_steps(w: AmountWords, spec: Amount, result: AmountResult) -> Group:
    """The rules, conversions and totals of an amount (after its parts)."""
    out: list[tuple[ExplanationStep, About]] = []
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
    return tuple(out)
