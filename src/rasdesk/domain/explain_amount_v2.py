"""An amount's words in format 2's explanation (docs/ruleset-v2.md §4): per part its head,
body and tail, then the rules, conversions and totals, each group memoized by what it
reads; for an amount from its memo (amount_memo_v2), its words kept beside its figures per
language, with a slot for each points part's overlaps and point adjustments (which differ
from person to person)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from rasdesk.domain.explain_keys_v2 import (
    body_key,
    points_changes_key,
    points_money_key,
    tail_key,
    totals_signature,
)
from rasdesk.domain.explain_memo_v2 import About, Group, Kept, Memo, group, join
from rasdesk.domain.explain_totals_v2 import AmountWords
from rasdesk.domain.model_v2 import Amount
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import AmountResult

#: Per amount kept in amount_memo_v2: at most this many sets of words (one per language)
#: beside its figures.
_WORDS_LIMIT = 256


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
    memo: Memo,
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
        segments = _segments(amount_groups(memo, spec, made, slots=True))
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
                group,
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
                out.append(join(run))
                run = []
            out.append(g)
        else:
            run.append(g)
    if run:
        out.append(join(run))
    return tuple(out)


def amount_groups(
    memo: Memo, spec: Amount, amount: AmountResult, *, slots: bool = False
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
                key, partial(group, where, w.head_steps, spec, part_spec, part.applies)
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
                        make = partial(group, where, w.points_changes, part_spec, part)
                        found = memo.make(key, make)
                    add(found)
                key = ("pm", *where, points_money_key(part))
                found = groups.get(key)
                if found is None:
                    make = partial(group, where, w.points_money, part_spec, part)
                    found = memo.make(key, make)
                add(found)
            else:
                key = ("pb", *where, body_key(part))
                found = groups.get(key)
                if found is None:
                    found = memo.make(key, partial(group, where, w.body_steps, part_spec, part))
                add(found)
            key = ("pt", *where, tail_key(part), several)
            found = groups.get(key)
            if found is None:
                make = partial(group, where, w.tail_steps, spec, part_spec, part)
                found = memo.make(key, make)
            add(found)
    key = ("t", spec.id, totals_signature(amount))
    found = groups.get(key)
    if found is None:
        found = memo.make(key, partial(_amount_steps, w, spec, amount))
    add(found)
    return kept


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
