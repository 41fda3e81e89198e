"""The reasoned explanation of a format-2 result (docs/ruleset-v2.md §4): from the person's
own answers, per amount and per part, to every figure and who pays it, in English or
Welsh, each step also in easy read.

Every figure comes from the ``ResultV2``. Money is shown to the penny; where an exact
intermediate is not a whole number of pence, the sentence says "to the nearest penny" (the
JSON keeps every digit).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any, cast

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, AnswersV2
from rasdesk.domain.engine import HIDDEN, TEXT
from rasdesk.domain.engine_v2 import _values
from rasdesk.domain.explain_keys_v2 import (
    body_key,
    points_changes_key,
    points_money_key,
    tail_key,
    totals_signature,
)
from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model import Section
from rasdesk.domain.model_v2 import Amount, QuestionnaireV2, RulesetV2, SectionV2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import (
    AmountResult,
    QuestionV2Score,
    ResultV2,
    SectionV2Score,
    about_json,
)

About = tuple[str | None, str | None]


_MEMO_LIMIT = 200_000
#: Per amount kept in amount_memo_v2: at most this many sets of words (one per language)
#: beside its figures.
_WORDS_LIMIT = 256
Group = tuple[tuple[ExplanationStep, About], ...]
#: A group as kept: its steps, what each is about, and its JSON (b"" when it has no step).
Kept = tuple[tuple[ExplanationStep, ...], tuple[About, ...], bytes]


class _Memo:
    """Groups of steps, each a pure function of its key, for one questionnaire and
    language: across thousands of people the same answers and figures recur."""

    def __init__(self, words: AmountWords) -> None:
        self.words = words
        self.groups: dict[Hashable, Kept] = {}

    def make(self, key: Hashable, make: Callable[[], Group]) -> Kept:
        """Make the group for ``key`` (not found) and keep it, its JSON encoded once."""
        if len(self.groups) >= _MEMO_LIMIT:
            self.groups.clear()
        found = self.groups[key] = _keep(make())
        return found


def _keep(group: Group) -> Kept:
    """A group as kept, its JSON (the steps with what they are about) encoded once."""
    data = b",".join(s.json[:-1] + about_json(*a) for s, a in group)
    return tuple(s for s, _ in group), tuple(a for _, a in group), data


_MEMOS: dict[tuple[str, str, str], _Memo] = {}


def memo_for(ruleset: RulesetV2, q: QuestionnaireV2, lang: str) -> _Memo:
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
            kept.extend(_amount_groups(memo, spec, amount))
            continue
        changes = [points_changes_key(p) for p in amount.parts if p.points is not None]
        kept += amount_words(memo, spec, entry, changes, given(amount), lang)
    kept.append(end_group(memo))
    steps = [s for k in kept for s in k[0]]
    abouts = [a for k in kept for a in k[1]]
    return steps, abouts, [k[2] for k in kept if k[2]]


def given(amount: AmountResult) -> Callable[[], AmountResult]:
    """``amount``, when ``amount_kept`` asks for it."""
    return lambda: amount


def head_groups(memo: _Memo, ruleset: RulesetV2, answers: AnswersV2) -> list[Kept]:
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
    memo: _Memo,
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
            found = words[lang] = _keep(
                _section_steps(memo.words, section, values, answers, points, score)
            )
        out.append(found)  # type: ignore[arg-type]
    return out


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where a points part's overlaps and point adjustments go among an amount's kept
    words: they differ from person to person, so they are found per person."""

    points_index: int  # which of the amount's points parts (its ``changes``)
    part_index: int  # which of the amount's parts
    where: About


#: An amount's words for the figures of one memo entry, in one language: the groups that are
#: the same for everyone with those figures (joined where they follow each other), and a
#: slot for each points part's overlaps and point adjustments.
Segments = tuple["Kept | _Slot", ...]


def amount_words(
    memo: _Memo,
    spec: Amount,
    entry: Any,
    changes: Sequence[tuple[object, ...]],
    amount: Callable[[], AmountResult],
    lang: str,
) -> list[Kept]:
    """The words of an amount from its memo (amount_memo_v2), as groups. Its words are a
    pure function of its figures there, but for its points parts' overlaps and point
    adjustments (``changes``, per points part, which differ from person to person): the
    rest is kept beside its figures per language, and those groups found by ``changes``.
    ``amount()`` gives the result objects when words must be made."""
    made: AmountResult | None = None
    words_kept = entry.words
    segments: Segments | None = words_kept.get(lang)
    if segments is None:
        made = amount()
        segments = _segments(_amount_groups(memo, spec, made, slots=True))
        room = entry.room
        if len(words_kept) < _WORDS_LIMIT and room[0] > 0:
            words_kept[lang] = segments
            room[0] -= 1
    out: list[Kept] = []
    groups = memo.groups
    for segment in segments:
        if segment.__class__ is not _Slot:
            out.append(segment)  # type: ignore[arg-type]
            continue
        slot = segment
        key = ("pc", *slot.where, changes[slot.points_index])
        found = groups.get(key)
        if found is None:
            if made is None:
                made = amount()
            make = partial(
                _group,
                slot.where,
                memo.words.points_changes,
                spec.parts[slot.part_index],
                made.parts[slot.part_index],
            )
            found = memo.make(key, make)
        out.append(found)
    return out


def _segments(groups: list[Kept | _Slot]) -> Segments:
    """Groups that follow each other joined, slots left between them."""
    out: list[Kept | _Slot] = []
    run: list[Kept] = []
    for g in groups:
        if isinstance(g, _Slot):
            if run:
                out.append(_join(run))
                run = []
            out.append(g)
        else:
            run.append(g)
    if run:
        out.append(_join(run))
    return tuple(out)


def end_group(memo: _Memo) -> Kept:
    """The closing words."""
    found = memo.groups.get(("end",))
    if found is None:
        nowhere: About = (None, None)
        found = memo.make(("end",), lambda: tuple((s, nowhere) for s in memo.words.ending()))
    return found


def _amount_groups(
    memo: _Memo, spec: Amount, amount: AmountResult, *, slots: bool = False
) -> list[Any]:
    """The groups of one amount's steps: per part its head, body and tail, then the rules,
    conversions and totals; each memoized by what it reads. With ``slots``, a ``_Slot``
    stands where each points part's overlaps and point adjustments go."""
    w, groups = memo.words, memo.groups
    kept: list[Kept | _Slot] = []
    add = kept.append
    several = len(spec.parts) > 1
    points_index = -1
    for part_index, (part_spec, part) in enumerate(zip(spec.parts, amount.parts, strict=True)):
        points_index += part.points is not None
        # In three groups, so that what recurs (the head, the same points, the same
        # adjustment) is made once even when the part's figure is new.
        where = (spec.id, part.id)
        key: Hashable = ("ph", *where, part.applies)
        found = groups.get(key)
        if found is None:
            found = memo.make(
                key, partial(_group, where, w.head_steps, spec, part_spec, part.applies)
            )
        add(found)
        if part.applies:
            if part.points is not None:
                # A points part's body in two groups: its overlaps and point adjustments
                # (which differ from person to person), then its total and money.
                if slots:
                    add(_Slot(points_index, part_index, where))
                else:
                    key = ("pc", *where, points_changes_key(part))
                    found = groups.get(key)
                    if found is None:
                        make = partial(_group, where, w.points_changes, part_spec, part)
                        found = memo.make(key, make)
                    add(found)
                key = ("pm", *where, points_money_key(part))
                found = groups.get(key)
                if found is None:
                    make = partial(_group, where, w.points_money, part_spec, part)
                    found = memo.make(key, make)
                add(found)
            else:
                key = ("pb", *where, body_key(part))
                found = groups.get(key)
                if found is None:
                    found = memo.make(key, partial(_group, where, w.body_steps, part_spec, part))
                add(found)
            key = ("pt", *where, tail_key(part), several)
            found = groups.get(key)
            if found is None:
                make = partial(_group, where, w.tail_steps, spec, part_spec, part)
                found = memo.make(key, make)
            add(found)
    key = ("t", spec.id, totals_signature(amount))
    found = groups.get(key)
    if found is None:
        found = memo.make(key, partial(_amount_steps, w, spec, amount))
    add(found)
    return kept


def _join(kept: Sequence[Kept]) -> Kept:
    """Several groups as one."""
    return (
        tuple(s for k in kept for s in k[0]),
        tuple(a for k in kept for a in k[1]),
        b",".join(k[2] for k in kept if k[2]),
    )


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
