"""One amount of a format-2 result as compact UTF-8 JSON, written directly (the fast path of
``rasdesk compute --answers X.jsonl``).

It writes exactly what ``json.dumps(result_v2._amount(a), ensure_ascii=False,
separators=(",", ":"))`` writes, field for field and in the same order, without building
the dictionaries first: ids are ``[a-z0-9_]`` and figures plain decimals, so only labels
and periods need escaping, and those are encoded once each (they recur in every result).
A property test holds it to the dictionaries on random rulesets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rasdesk.domain.decimals import money, plain
from rasdesk.domain.identity_memo import by_identity
from rasdesk.domain.result import point_adjustments_json

if TYPE_CHECKING:
    from rasdesk.domain.model_v2 import Amount, PeriodSpec
    from rasdesk.domain.result import PointAdjustmentStep
    from rasdesk.domain.result_v2 import AmountResult, OverlapStep, PartResult, PointsOutcome

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_B = {True: "true", False: "false"}


@lru_cache(maxsize=4096)
def _s(text: str | None) -> str:
    """A JSON string (or ``null``), encoded once per distinct text."""
    return "null" if text is None else _encode(text)


_PERIODS: dict[int, tuple[object, str]] = {}


def _period(period: PeriodSpec) -> str:
    # By identity (a PeriodSpec's own hash reads its Text): periods are the ruleset's own.
    found = _PERIODS.get(id(period))
    if found is not None and found[0] is period:
        return found[1]
    return by_identity(_PERIODS, period, lambda: _encode(period.as_dict()))


def _overlaps(steps: list[OverlapStep], as_money: bool) -> str:
    if not steps:
        return ""
    fmt = money if as_money else plain
    return ",".join(
        f'{{"id":"{o.id}","applied":{_B[o.applied]},"before":{{'
        + ",".join(f'"{k}":"{fmt(v)}"' for k, v in o.before.items())
        + '},"after":{'
        + ",".join(f'"{k}":"{fmt(v)}"' for k, v in o.after.items())
        + "}}"
        for o in steps
    )


_SECTION: dict[tuple[str, object], str] = {}


def _section(sid: str, points: object) -> str:
    """``"sid":"points"``, made once per section and value (bounded)."""
    if len(_SECTION) >= 65536:
        _SECTION.clear()
    made = _SECTION[(sid, points)] = f'"{sid}":"{plain(points)}"'  # type: ignore[arg-type]
    return made


def points_head(p: PointsOutcome | None) -> str:
    """A part's ``"points"`` value up to its total (what differs from person to person):
    ``{"sections":…,"overlaps":[…],"point_adjustments":[…],``; ``null`` without points."""
    if p is None:
        return "null"
    return points_head_of(p.sections, p.overlaps, p.point_adjustments)


def points_head_of(
    sections: dict[str, Decimal],
    overlaps: list[OverlapStep],
    point_adjustments: list[PointAdjustmentStep],
) -> str:
    """``points_head`` from a points part's stage (``parts_v2.points_stage``)."""
    get = _SECTION.get
    points = ",".join([get((k, v)) or _section(k, v) for k, v in sections.items()])
    padjs = point_adjustments_json(point_adjustments) if point_adjustments else ""
    return (
        f'{{"sections":{{{points}}},"overlaps":[{_overlaps(overlaps, False)}],'
        f'"point_adjustments":[{padjs}],'
    )


def part_head(p: PartResult) -> str:
    """A part's JSON up to ``"applies"``: its id, words, funder, method and period."""
    return _part_head(p.id, p.label, p.funder, p.earmarked, p.method, p.period)


def _part_head(
    pid: str, label: str, funder: str, earmarked: str | None, method: str, period: PeriodSpec
) -> str:
    return (
        f'{{"id":"{pid}","label":{_s(label)},"funder":"{funder}",'
        f'"earmarked":{_s(earmarked)},"method":"{method}","period":{_period(period)},'
    )


def part_state(p: PartResult) -> str:
    """``"applies":…,"replaced_by":…,"points":``."""
    return f'"applies":{_B[p.applies]},"replaced_by":{_s(p.replaced_by)},"points":'


def part_rest(p: PartResult) -> str:
    """A part's JSON after its ``points_head``: the points' total (if it has points), then
    its items, overlaps, band, adjustments, limits and figures, to the closing brace."""
    pts = p.points
    if pts is None:
        head = ""
    else:
        row = "null" if pts.table_row is None else f'"{plain(pts.table_row)}"'
        head = (
            f'"total":"{plain(pts.total)}",'
            f'"minimum_points_applied":{_B[pts.minimum_points_applied]},"table_row":{row}}}'
        )
    items = (
        ",".join(
            f'{{"id":"{i.id}","applies":{_B[i.applies]},"quantity":"{plain(i.quantity)}",'
            f'"unit":"{i.unit}","rate":"{i.rate}","unit_cost":"{money(i.unit_cost)}",'
            f'"cost":"{money(i.cost)}"}}'
            for i in p.items
        )
        if p.items
        else ""
    )
    adjustments = ",".join(
        f'{{"id":"{a.id}","applied":{_B[a.applied]},"before":"{money(a.before)}",'
        f'"after":"{money(a.after)}"}}'
        for a in p.adjustments
    )
    band = "null" if p.band is None else str(p.band)
    return (
        f'{head},"items":[{items}],'
        f'"overlaps":[{_overlaps(p.overlaps, True)}],"band":{band},'
        f'"base_amount":"{money(p.base_amount)}","adjustments":[{adjustments}],'
        f'"floor_applied":{_B[p.floor_applied]},"ceiling_applied":{_B[p.ceiling_applied]},'
        f'"before_rounding":"{money(p.before_rounding)}","rounded":"{money(p.rounded)}",'
        f'"amount":"{money(p.amount)}","in_amount_period":"{money(p.in_amount_period)}"}}'
    )


def _part(p: PartResult) -> str:
    return part_head(p) + part_state(p) + points_head(p.points) + part_rest(p)


def amount_head(a: AmountResult) -> str:
    """An amount's JSON up to its parts: ``{"id":…,"for":…,"label":…,"period":…,"parts":[``."""
    return _amount_head(a.id, a.for_whom, a.label, a.period)


def _amount_head(aid: str, for_whom: str, label: str, period: PeriodSpec) -> str:
    return (
        f'{{"id":"{aid}","for":"{for_whom}","label":{_s(label)},'
        f'"period":{_period(period)},"parts":['
    )


_HEADS: dict[int, tuple[object, dict[str, tuple[str, tuple[str, ...]]]]] = {}


def heads_of(amount: Amount, lang: str) -> tuple[str, tuple[str, ...]]:
    """An amount's head and its parts' heads, in ``lang``, from the ruleset (as
    ``amount_head`` and ``part_head`` write them for its result): made once each."""
    per_lang = by_identity(_HEADS, amount, dict)
    found = per_lang.get(lang)
    if found is None:
        head = _amount_head(amount.id, amount.for_whom, amount.label.get(lang), amount.period)
        parts = tuple(
            _part_head(
                p.id,
                p.label.get(lang),
                p.funder,
                p.earmarked.get(lang) if p.earmarked else None,
                p.method,
                p.period,
            )
            for p in amount.parts
        )
        found = per_lang[lang] = (head, parts)
    return found


def amount_tail(a: AmountResult) -> str:
    """An amount's JSON after its parts: ``],"rules":…`` to the closing brace."""
    rules = (
        ",".join(
            f'{{"id":"{r.id}","kind":"{r.kind}","applied":{_B[r.applied]},"parts":{{'
            + ",".join(
                f'"{k}":{{"before":"{money(b)}","after":"{money(x)}"}}'
                for k, (b, x) in r.parts.items()
            )
            + "}}"
            for r in a.rules
        )
        if a.rules
        else ""
    )
    funders = ",".join(f'"{k}":"{money(v)}"' for k, v in a.funders.items())
    also = ",".join(
        f'{{"period":{_period(x.period)},"council":"{money(x.council)}",'
        f'"total":"{money(x.total)}"}}'
        for x in a.also
    )
    flags = ",".join(f'"{f}"' for f in a.flags) if a.flags else ""
    hours = "null" if a.hours is None else f'"{plain(a.hours)}"'
    return (
        f'],"rules":[{rules}],'
        f'"funders":{{{funders}}},"council":"{money(a.council)}","total":"{money(a.total)}",'
        f'"also":[{also}],"sign_off_required":{_B[a.sign_off_required]},"flags":[{flags}],'
        f'"hours":{hours}}}'
    )


def amount_json(a: AmountResult) -> bytes:
    """``json.dumps(_amount(a))`` (compact, UTF-8), written directly. An amount from the
    memo (``a.memo``) brings its parts' states and rests and its tail encoded already."""
    memo = a.memo
    if memo is None:
        parts = ",".join(_part(p) for p in a.parts)
        return (amount_head(a) + parts + amount_tail(a)).encode()
    parts = ",".join(
        part_head(p) + state + points_head(p.points) + rest
        for p, (state, rest) in zip(a.parts, memo.part_json, strict=True)
    )
    tail: bytes = memo.tail_json
    return (amount_head(a) + parts).encode() + tail


def fact_value(value: object) -> Any:
    """A fact as the result's JSON holds it."""
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, frozenset):
        return sorted(value)
    return value if isinstance(value, str) else None


def facts_json(facts: Mapping[str, object]) -> bytes:
    """The result's ``"facts"`` object."""
    if not facts:
        return b"{}"
    return _encode({k: fact_value(v) for k, v in facts.items()}).encode("utf-8")


def result_bytes(
    start: bytes,
    questions: Iterable[bytes],
    sections: Iterable[bytes],
    facts: bytes,
    amounts: Iterable[bytes],
    steps: bytes,
) -> bytes:
    """A whole result's JSON from its pieces (``start_json`` to the questions, then each
    question's, section's and amount's JSON, the facts and the steps)."""
    return b"".join(
        (
            start,
            b',"questions":[',
            b",".join(questions),
            b'],"sections":[',
            b",".join(sections),
            b'],"facts":',
            facts,
            b',"amounts":[',
            b",".join(amounts),
            b'],"explanation":[',
            steps,
            b"]}",
        )
    )
