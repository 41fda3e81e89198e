"""One amount of a format-2 result, remembered by exactly what it reads (the fast path of
``rasdesk compute --answers X.jsonl``).

After its parts' section points, an amount's figures are a pure function of: for each
points part, the sum of its section points after overlaps and point adjustments (before
rounding); whether each of its conditions holds — each part's ``when``, adjustments, point
adjustments, items' ``when`` and rates, bands, and the amount's rules; and the answers
(and facts) its items' quantities read. That is the key. Once per key, the amount is
computed by ``engine_v2._amount`` itself (the reference) and kept: every part's money
figures, the rules, funders, conversions, flags and hours, with their JSON encoded once
(``result_json_v2``) and a place for the explanation's words (``explain_amount_v2``).
Anyone else with the same key gets new result objects made from it (``amount_result``),
with their own section points, overlaps and point adjustments (computed as the reference
computes them), or, on the ``.jsonl`` path (``line_v2``), no objects at all: its JSON and
words are written from the entry (``find``).

Values are compared as ``Decimal`` values (17.60 is 17.6), as everywhere the results are
written: every figure is written by value (``plain``, ``money``). The memo is per amount
of a ruleset object and holds at most ``MEMO_LIMIT`` keys (then it starts again), and at
most ``WORDS_LIMIT`` sets of words in all (then it keeps no more until it starts again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rasdesk.domain.conditions import Condition
from rasdesk.domain.identity_memo import by_identity
from rasdesk.domain.model_v2 import Amount, Part
from rasdesk.domain.parts_v2 import Context, PointsStage, points_stage
from rasdesk.domain.result_json_v2 import amount_tail, part_rest, part_state
from rasdesk.domain.result_v2 import AmountResult, PartResult, PointsOutcome

MEMO_LIMIT = 10_000
#: How many sets of explanation words an amount's memo may keep in all (each a few KB).
WORDS_LIMIT = 20_000


@dataclass(slots=True)
class _Plan:
    """Per amount: what its key reads, and its memo."""

    conditions: tuple[Condition, ...]  # every condition it reads, in a fixed order
    reads: tuple[str, ...]  # the questions and facts its quantities read
    points: tuple[Part, ...]  # its points parts
    heads: tuple[tuple[Any, ...], ...]  # per part, PartResult's first fields (in English)
    memo: dict[tuple[object, ...], Entry] = field(default_factory=dict)
    room: list[int] = field(default_factory=lambda: [WORDS_LIMIT])


@dataclass(slots=True)
class PartKept:
    """A part's figures after its points stage (the same for everyone with the key)."""

    applies: bool
    points_after: tuple[Decimal, Decimal, bool, Decimal | None] | None  # rounded, total, min, row
    fields: tuple[Any, ...]  # PartResult's fields from ``items`` to ``replaced_by``


@dataclass(slots=True)
class Entry:
    """One amount's figures for one key, its JSON in pieces and its explanation's words."""

    parts: tuple[PartKept, ...]
    rules: tuple[Any, ...]
    funders: tuple[tuple[str, Decimal], ...]
    council: Decimal
    total: Decimal
    also: tuple[Any, ...]
    sign_off_required: bool
    flags: tuple[str, ...]
    hours: Decimal | None
    #: Per part: its state (``"applies":…,"points":``) and the rest after its points head.
    part_json: tuple[tuple[str, str], ...]
    tail_json: bytes
    #: The explanation's words for these figures, per language (explain_amount_v2).
    words: dict[object, object] = field(default_factory=dict)
    #: How many more sets of words the amount's memo may keep (one counter for all its
    #: entries; explain_amount_v2 takes from it).
    room: list[int] = field(default_factory=lambda: [0])


_PLANS: dict[int, tuple[object, _Plan]] = {}


def _plan(amount: Amount) -> _Plan:
    ids: list[str] = []
    conditions: list[Condition] = []

    def reads(c: Condition | None) -> None:
        if c is not None:
            conditions.append(c)

    for p in amount.parts:
        reads(p.when)
        for adj in p.adjustments:
            reads(adj.when)
        for padj in p.point_adjustments:
            reads(padj.when)
        for item in p.items:
            reads(item.when)
            for cond, _ in item.rates:
                reads(cond)
            if item.quantity.answer is not None:
                ids.append(item.quantity.answer)
        for band in p.bands:
            reads(band.when)
    for rule in amount.rules:
        reads(rule.when)
    points = tuple(p for p in amount.parts if p.uses_points)
    heads = tuple(
        (p.id, p.label.en, p.funder, p.earmarked.en if p.earmarked else None, p.method, p.period)
        for p in amount.parts
    )
    return _Plan(tuple(conditions), tuple(dict.fromkeys(ids)), points, heads)


def plan_of(amount: Amount) -> _Plan:
    """What the amount's key reads, and its memo (made once per amount object)."""
    found = _PLANS.get(id(amount))
    if found is not None and found[0] is amount:
        return found[1]
    return by_identity(_PLANS, amount, lambda: _plan(amount))


#: What ``find`` gives: the amount's plan, its entry for these answers (``None`` when not
#: kept yet), its points parts' stages (``parts_v2.points_stage``) and its key.
Found = tuple[_Plan, Entry | None, list[PointsStage], tuple[object, ...]]


def find(amount: Amount, ctx: Context) -> Found:
    """The amount's entry for these answers, if it is kept, and what finding it read."""
    plan = plan_of(amount)
    visible = ctx.answers.visible
    get = visible.get
    stages = [points_stage(p, ctx) for p in plan.points]
    key = (
        tuple([c.holds(visible) for c in plan.conditions]),
        tuple(map(get, plan.reads)),  # (never None: an answer or fact is a value)
        tuple([s[3] for s in stages]),
    )
    return plan, plan.memo.get(key), stages, key


def keep(plan: _Plan, key: tuple[object, ...], result: AmountResult) -> Entry:
    """Keep an amount computed by the engine under its key (``result.memo`` is set)."""
    memo = plan.memo
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
        plan.room = [WORDS_LIMIT]  # a new counter: the old entries are gone
    entry = memo[key] = _keep(result)
    entry.room = plan.room
    result.memo = entry
    return entry


def amount_result(
    amount: Amount, ctx: Context, compute: Callable[[Amount, Context], AmountResult]
) -> AmountResult:
    """The amount for these answers: from the memo, or by ``compute`` (then kept)."""
    plan, entry, stages, key = find(amount, ctx)
    if entry is None:
        result = compute(amount, ctx)
        keep(plan, key, result)
        return result
    return from_entry(amount, plan, entry, stages)


def from_entry(
    amount: Amount, plan: _Plan, entry: Entry, stages: list[PointsStage]
) -> AmountResult:
    """New result objects for one person from a kept entry and the person's stages."""
    parts: list[PartResult] = []
    add = parts.append
    stage_at = iter(stages)
    for head, kept in zip(plan.heads, entry.parts, strict=True):
        after = kept.points_after
        if after is None:
            points = None
        else:
            current, overlaps, padj_steps, before = next(stage_at)
            points = PointsOutcome(current, overlaps, padj_steps, before, *after)
        (items, overlaps, band, base, adjustments, before_limits, floor, ceiling, before_rounding,
         rounded, final, in_period, replaced_by) = kept.fields  # fmt: skip
        add(
            PartResult(  # type: ignore[call-arg]
                *head,
                kept.applies,
                points,
                list(items),
                list(overlaps),
                band,
                base,
                list(adjustments),
                before_limits,
                floor,
                ceiling,
                before_rounding,
                rounded,
                final,
                in_period,
                replaced_by,
            )
        )
    return AmountResult(
        id=amount.id,
        for_whom=amount.for_whom,
        label=amount.label.en,
        period=amount.period,
        parts=parts,
        rules=list(entry.rules),
        funders=dict(entry.funders),
        council=entry.council,
        total=entry.total,
        also=list(entry.also),
        sign_off_required=entry.sign_off_required,
        flags=list(entry.flags),
        hours=entry.hours,
        memo=entry,
    )


def _keep(a: AmountResult) -> Entry:
    parts = []
    for p in a.parts:
        pts = p.points
        after = (
            None
            if pts is None
            else (pts.rounded, pts.total, pts.minimum_points_applied, pts.table_row)
        )
        fields = (
            tuple(p.items),
            tuple(p.overlaps),
            p.band,
            p.base_amount,
            tuple(p.adjustments),
            p.before_limits,
            p.floor_applied,
            p.ceiling_applied,
            p.before_rounding,
            p.rounded,
            p.amount,
            p.in_amount_period,
            p.replaced_by,
        )
        parts.append(PartKept(p.applies, after, fields))
    return Entry(
        parts=tuple(parts),
        rules=tuple(a.rules),
        funders=tuple(a.funders.items()),
        council=a.council,
        total=a.total,
        also=tuple(a.also),
        sign_off_required=a.sign_off_required,
        flags=tuple(a.flags),
        hours=a.hours,
        part_json=tuple((part_state(p), part_rest(p)) for p in a.parts),
        tail_json=amount_tail(a).encode(),
    )
