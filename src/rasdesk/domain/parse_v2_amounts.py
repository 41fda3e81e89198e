"""Reading a format-2 amount (docs/ruleset-v2.md §1.6, §1.8): its period, parts, combined
rules, declared conversions, flags and the council's own words."""

from __future__ import annotations

from typing import Any

from rasdesk.domain.decimals import ZERO
from rasdesk.domain.model_v2 import (
    PENNY_HALF_UP,
    Amount,
    Conversion,
    FlagV2,
    Part,
    PeriodSpec,
    Rule,
)
from rasdesk.domain.parse_allocation import _read_rounding
from rasdesk.domain.parse_v2_parts import Scope, read_part, read_period, when
from rasdesk.domain.periods import Period
from rasdesk.domain.reader import Reader

_OPTIONAL = (
    "rules",
    "conversions",
    "show_also",
    "sign_off_above",
    "flags",
    "illustrative_hours",
    "notice",
    "closing",
)
_CONVERTIBLE = ("week", "month", "year")


def read_amount(r: Reader, value: Any, path: str, scope: Scope) -> Amount | None:
    raw = r.obj(value, path, ("id", "label", "for", "period", "parts"), _OPTIONAL)
    if raw is None:
        return None
    before = len(r.problems)
    aid = r.ident(raw.get("id"), f"{path}.id")
    label = r.text(raw.get("label"), f"{path}.label")
    for_whom = raw.get("for")
    if for_whom not in ("person", "carer"):
        r.add(f"{path}.for", f'expected "person" or "carer", found {for_whom!r}')
    period = read_period(r, raw.get("period"), f"{path}.period") if "period" in raw else None
    items = r.items(raw.get("parts"), f"{path}.parts", non_empty=True)
    parts = [read_part(r, p, f"{path}.parts[{i}]", scope, period) for i, p in enumerate(items)]
    r.unique(
        [
            (p.get("id") if isinstance(p, dict) else None, f"{path}.parts[{i}].id")
            for i, p in enumerate(items)
        ],
        "part",
    )
    clean = [p for p in parts if p is not None]
    # Ids as written (a part with a problem is still named: no knock-on problems).
    part_ids = [p["id"] for p in items if isinstance(p, dict) and isinstance(p.get("id"), str)]
    conversions = _read_conversions(r, raw.get("conversions", []), f"{path}.conversions")
    show_also: list[Period] = []
    for i, word in enumerate(r.items(raw.get("show_also", []), f"{path}.show_also")):
        if word not in _CONVERTIBLE:
            r.add(f"{path}.show_also[{i}]", f"expected week, month or year, found {word!r}")
        else:
            show_also.append(Period(word))
    rules = _read_rules(r, raw.get("rules", []), f"{path}.rules", scope, part_ids)
    flags = _read_flags(r, raw.get("flags", []), f"{path}.flags", clean)
    sign_off = (
        r.decimal(raw["sign_off_above"], f"{path}.sign_off_above", minimum=ZERO)
        if "sign_off_above" in raw
        else None
    )
    hourly = None
    if "illustrative_hours" in raw:
        h = r.obj(raw["illustrative_hours"], f"{path}.illustrative_hours", ("hourly_rate",), ())
        if h is not None and "hourly_rate" in h:
            hourly = r.decimal(
                h["hourly_rate"], f"{path}.illustrative_hours.hourly_rate", positive=True
            )
    notice = r.text(raw["notice"], f"{path}.notice") if "notice" in raw else None
    closing = r.text(raw["closing"], f"{path}.closing") if "closing" in raw else None
    if period is not None:
        _check_periods(r, path, period, parts, items, conversions, show_also)
    if len(r.problems) > before or not aid or not label or period is None or None in parts:
        return None
    return Amount(
        id=aid,
        label=label,
        for_whom=str(for_whom),
        period=period,
        parts=tuple(clean),
        rules=rules,
        conversions=conversions,
        show_also=tuple(show_also),
        sign_off_above=sign_off,
        flags=flags,
        hourly_rate=hourly,
        notice=notice,
        closing=closing,
    )


def _check_periods(
    r: Reader,
    path: str,
    period: PeriodSpec,
    parts: list[Part | None],
    items: list[Any],
    conversions: tuple[Conversion, ...],
    show_also: list[Period],
) -> None:
    pairs = {(c.source, c.target) for c in conversions}
    for i, part in enumerate(parts):
        if part is None or part.period.per == period.per:
            continue
        if (part.period.per, period.per) not in pairs:
            r.add(
                f"{path}.parts[{i}].period",
                f"the part is a {part.period.per.value} figure but the amount is a {period.per.value} "
                f'one: declare a conversion {{"from": "{part.period.per.value}", "to": "{period.per.value}", ...}}'
                + (
                    " (one-off payments are never converted)"
                    if Period.ONE_OFF in (part.period.per, period.per)
                    else ""
                ),
            )
    for i, per in enumerate(show_also):
        if per != period.per and (period.per, per) not in pairs:
            r.add(
                f"{path}.show_also[{i}]",
                f'no conversion from "{period.per.value}" to "{per.value}" is declared',
            )


def _read_conversions(r: Reader, value: Any, path: str) -> tuple[Conversion, ...]:
    out: list[Conversion] = []
    seen: set[tuple[str, str]] = set()
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("from", "to"), ("multiply", "divide", "rounding"))
        if raw is None:
            continue
        src, dst = raw.get("from"), raw.get("to")
        ok = True
        for key, word in (("from", src), ("to", dst)):
            if word not in _CONVERTIBLE:
                extra = " (one-off payments are never converted)" if word == "one_off" else ""
                r.add(f"{where}.{key}", f"expected week, month or year, found {word!r}{extra}")
                ok = False
        if ok and src == dst:
            r.add(where, "a conversion goes between two different periods")
            ok = False
        if ok and (src, dst) in seen:
            r.add(where, f"a second conversion from {src} to {dst}")
            ok = False
        if ("multiply" in raw) == ("divide" in raw):
            r.add(where, 'a conversion needs exactly one of "multiply" or "divide"')
            continue
        key = "multiply" if "multiply" in raw else "divide"
        factor = r.decimal(raw[key], f"{where}.{key}", positive=True)
        rounding = (
            _read_rounding(r, raw["rounding"], f"{where}.rounding", money=True)
            if "rounding" in raw
            else PENNY_HALF_UP
        )
        if ok and factor is not None and rounding is not None:
            seen.add((str(src), str(dst)))
            out.append(
                Conversion(
                    Period(str(src)),
                    Period(str(dst)),
                    factor if key == "multiply" else None,
                    factor if key == "divide" else None,
                    rounding,
                )
            )
    return tuple(out)


def _read_rules(
    r: Reader, value: Any, path: str, scope: Scope, part_ids: list[str]
) -> tuple[Rule, ...]:
    out: list[Rule] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        kind = item.get("kind") if isinstance(item, dict) else None
        extra = ("replaces",) if kind == "replace" else ("limit",)
        raw = r.obj(item, where, ("id", "kind", "label", "part", *extra), ("explain", "when"))
        if raw is None:
            continue
        before = len(r.problems)
        rid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((rid, f"{where}.id"))
        if kind not in ("cap", "floor", "replace"):
            r.add(f"{where}.kind", f'expected "cap", "floor" or "replace", found {kind!r}')
        label = r.text(raw.get("label"), f"{where}.label")
        explain = r.text(raw["explain"], f"{where}.explain") if "explain" in raw else None
        _, cond = when(r, raw, where, scope.index)
        part = raw.get("part")
        if part not in part_ids:
            r.add(f"{where}.part", f"{part!r} is not a part of this amount ({', '.join(part_ids)})")
        limit = None
        replaces: list[str] = []
        if kind == "replace":
            replaces = r.items(raw.get("replaces"), f"{where}.replaces", non_empty=True)
            for j, pid in enumerate(replaces):
                if pid not in part_ids or pid == part:
                    why = (
                        "the part cannot replace itself"
                        if pid == part
                        else "not a part of this amount"
                    )
                    r.add(f"{where}.replaces[{j}]", f"{pid!r}: {why}")
        elif "limit" in raw:
            limit = r.decimal(raw["limit"], f"{where}.limit", minimum=ZERO)
            if limit is not None and limit % PENNY_HALF_UP.to:
                r.add(f"{where}.limit", f"a limit is whole pence, found {limit}")
        if len(r.problems) == before and rid and label:
            out.append(
                Rule(rid, str(kind), label, explain, cond, str(part), limit, tuple(replaces))
            )
    r.unique(ids, "rule")
    return tuple(out)


def _read_flags(r: Reader, value: Any, path: str, parts: list[Part]) -> tuple[FlagV2, ...]:
    out: list[FlagV2] = []
    ids: list[tuple[str | None, str]] = []
    points_parts = {p.id for p in parts if p.uses_points}
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(
            item, where, ("id", "label"), ("part", "when_points_above", "when_amount_above")
        )
        if raw is None:
            continue
        fid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((fid, f"{where}.id"))
        label = r.text(raw.get("label"), f"{where}.label")
        has_p, has_a = "when_points_above" in raw, "when_amount_above" in raw
        if has_p == has_a:
            r.add(where, 'a flag needs exactly one of "when_points_above" or "when_amount_above"')
            continue
        part = raw.get("part")
        if has_p and part not in points_parts:
            r.add(
                f"{where}.part",
                f'"when_points_above" needs "part": a points part ({", ".join(sorted(points_parts)) or "none"})',
            )
            continue
        if has_a and "part" in raw:
            r.add(f"{where}.part", '"when_amount_above" reads the council total: no "part"')
            continue
        key = "when_points_above" if has_p else "when_amount_above"
        limit = r.decimal(raw[key], f"{where}.{key}", minimum=ZERO)
        if fid and label and limit is not None:
            out.append(
                FlagV2(
                    fid,
                    label,
                    part if has_p else None,
                    limit if has_p else None,
                    None if has_p else limit,
                )
            )
    r.unique(ids, "flag")
    return tuple(out)
