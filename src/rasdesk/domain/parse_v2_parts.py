"""Reading one part of a format-2 amount (docs/ruleset-v2.md §1.7): its funder, period,
method and the method's fields, every problem at its JSON path."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.domain.conditions import Condition
from rasdesk.domain.decimals import ZERO
from rasdesk.domain.model_v2 import (
    FUNDERS,
    METHODS,
    PENNY_HALF_UP,
    BandRow,
    Item,
    Overlap,
    Part,
    PeriodSpec,
    Quantity,
    Rate,
)
from rasdesk.domain.parse_allocation import (
    _read_adjustments,
    _read_calibration,
    _read_point_adjustments,
    _read_rounding,
    _read_table,
)
from rasdesk.domain.parse_conditions import QuestionIndex, read_condition
from rasdesk.domain.periods import Period
from rasdesk.domain.reader import Reader

_COMMON = (
    "funder_name",
    "earmarked",
    "explain",
    "period",
    "when",
    "adjustments",
    "minimum",
    "maximum",
    "rounding",
)
_POINTS = ("sections", "overlaps", "point_adjustments", "points_rounding", "minimum_points")
_METHOD_FIELDS = {
    "per_point": ("rate", *_POINTS, "calibration"),
    "table": ("table", *_POINTS),
    "costed": ("items", "overlaps"),
    "fixed": ("amount",),
    "banded": ("bands",),
}
_METHOD_REQUIRED = {
    "per_point": "rate",
    "table": "table",
    "costed": "items",
    "fixed": "amount",
    "banded": "bands",
}


@dataclass(frozen=True, slots=True)
class Scope:
    """What a part may refer to: questions (and facts), sections, rates."""

    index: QuestionIndex
    section_ids: list[str]
    rates: dict[str, Rate]
    rate_ids: frozenset[str] = frozenset()  # as written, valid or not (no knock-on problems)


def read_period(r: Reader, value: Any, path: str) -> PeriodSpec | None:
    if isinstance(value, str):
        if value == Period.ONE_OFF.value:
            r.add(
                path, 'a one-off period needs what it covers: {"per": "one_off", "covers": {...}}'
            )
            return None
        try:
            return PeriodSpec(Period.parse(value))
        except ValueError as exc:
            r.add(path, str(exc))
            return None
    raw = r.obj(value, path, ("per",), ("covers",))
    if raw is None or "per" not in raw:
        return None
    try:
        per = Period.parse(raw["per"]) if isinstance(raw["per"], str) else None
    except ValueError as exc:
        r.add(f"{path}.per", str(exc))
        return None
    if per is None:
        r.add(f"{path}.per", "expected a period word (week, month, year, one_off)")
        return None
    covers = r.text(raw["covers"], f"{path}.covers") if "covers" in raw else None
    if per is Period.ONE_OFF and "covers" not in raw:
        r.add(path, 'a one-off period needs "covers" (what the payment is for)')
        return None
    return PeriodSpec(per, covers)


def when(
    r: Reader, raw: dict[str, Any], path: str, index: QuestionIndex
) -> tuple[bool, Condition | None]:
    if "when" not in raw:
        return True, None
    cond = read_condition(r, raw["when"], f"{path}.when", index)
    return cond is not None, cond


def read_part(
    r: Reader, value: Any, path: str, scope: Scope, default: PeriodSpec | None
) -> Part | None:
    if not isinstance(value, dict):
        r.obj(value, path, (), ())
        return None
    method = value.get("method")
    if method not in METHODS:
        r.add(f"{path}.method", f"expected one of {', '.join(METHODS)}, found {method!r}")
        return None
    raw = r.obj(
        value, path, ("id", "label", "funder", "method"), (*_COMMON, *_METHOD_FIELDS[method])
    )
    assert raw is not None
    before = len(r.problems)
    pid = r.ident(raw.get("id"), f"{path}.id")
    label = r.text(raw.get("label"), f"{path}.label")
    funder = raw.get("funder")
    if funder not in FUNDERS:
        r.add(f"{path}.funder", f"expected one of {', '.join(FUNDERS)}, found {funder!r}")
    funder_name = (
        r.text(raw["funder_name"], f"{path}.funder_name") if "funder_name" in raw else None
    )
    if funder == "other" and "funder_name" not in raw:
        r.add(path, 'a part funded by "other" needs "funder_name" (who pays it)')
    earmarked = r.text(raw["earmarked"], f"{path}.earmarked") if "earmarked" in raw else None
    explain = r.text(raw["explain"], f"{path}.explain") if "explain" in raw else None
    period = read_period(r, raw["period"], f"{path}.period") if "period" in raw else default
    _, cond = when(r, raw, path, scope.index)
    need = _METHOD_REQUIRED[method]
    if need not in raw:
        r.add(path, f'a {method} part needs "{need}"')
    adjustments = _read_adjustments(
        r, raw.get("adjustments", []), f"{path}.adjustments", scope.index
    )

    def dec(key: str) -> Decimal | None:
        return r.decimal(raw[key], f"{path}.{key}", minimum=ZERO) if key in raw else None

    minimum, maximum = dec("minimum"), dec("maximum")
    if minimum is not None and maximum is not None and minimum > maximum:
        r.add(f"{path}.maximum", f"maximum ({maximum}) is below minimum ({minimum})")
    rounding = (
        _read_rounding(r, raw["rounding"], f"{path}.rounding", money=True)
        if "rounding" in raw
        else PENNY_HALF_UP
    )
    fields: dict[str, Any] = {}
    if method in ("per_point", "table"):
        fields = _points_fields(r, raw, path, scope, method)
    elif method == "costed":
        items = _read_items(r, raw.get("items", []), f"{path}.items", scope)
        fields = {"items": items}
        # An overlap names the items as declared: an item with a problem of its own (an
        # unknown rate) is still one of the part's, so the overlap says nothing more.
        given = raw.get("items")
        raw_items: list[Any] = given if isinstance(given, list) else []
        declared = [
            x["id"] for x in raw_items if isinstance(x, dict) and isinstance(x.get("id"), str)
        ]
        fields["overlaps"] = _read_overlaps(
            r, raw.get("overlaps", []), f"{path}.overlaps", declared
        )
    elif method == "fixed":
        fields = {"amount": dec("amount")}
    else:
        fields = {"bands": _read_bands(r, raw.get("bands", []), f"{path}.bands", scope.index)}
    if len(r.problems) > before or not pid or not label or period is None or rounding is None:
        return None
    return Part(
        id=pid,
        label=label,
        funder=str(funder),
        funder_name=funder_name,
        earmarked=earmarked,
        explain=explain,
        period=period,
        when=cond,
        method=method,
        adjustments=adjustments,
        minimum=minimum,
        maximum=maximum,
        rounding=rounding,
        **fields,
    )


def _points_fields(
    r: Reader, raw: dict[str, Any], path: str, scope: Scope, method: str
) -> dict[str, Any]:
    sections = tuple(scope.section_ids)
    if "sections" in raw:
        listed = r.items(raw["sections"], f"{path}.sections", non_empty=True)
        for j, sid in enumerate(listed):
            if sid not in scope.section_ids:
                r.add(f"{path}.sections[{j}]", f'unknown section "{sid}"')
        sections = tuple(s for s in listed if isinstance(s, str))
    out: dict[str, Any] = {
        "sections": sections,
        "overlaps": _read_overlaps(r, raw.get("overlaps", []), f"{path}.overlaps", list(sections)),
        "point_adjustments": _read_point_adjustments(
            r,
            raw.get("point_adjustments", []),
            f"{path}.point_adjustments",
            scope.index,
            list(sections),
        ),
        "points_rounding": (
            _read_rounding(r, raw["points_rounding"], f"{path}.points_rounding", money=False)
            if "points_rounding" in raw
            else None
        ),
        "minimum_points": (
            r.decimal(raw["minimum_points"], f"{path}.minimum_points", minimum=ZERO)
            if "minimum_points" in raw
            else None
        ),
    }
    if method == "per_point":
        out["rate"] = (
            r.decimal(raw["rate"], f"{path}.rate", minimum=ZERO) if "rate" in raw else None
        )
        if "calibration" in raw:
            out["calibration"] = _read_calibration(r, raw["calibration"], f"{path}.calibration")
    elif "table" in raw:
        out["table"] = _read_table(r, raw["table"], f"{path}.table")
    return out


def _read_overlaps(r: Reader, value: Any, path: str, known: list[str]) -> tuple[Overlap, ...]:
    out: list[Overlap] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "label", "between", "smaller_counts"), ("explain",))
        if raw is None:
            continue
        oid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((oid, f"{where}.id"))
        label = r.text(raw.get("label"), f"{where}.label")
        explain = r.text(raw["explain"], f"{where}.explain") if "explain" in raw else None
        between = r.items(raw.get("between"), f"{where}.between")
        ok = len(between) >= 2
        if not ok:
            r.add(f"{where}.between", "an overlap is between two or more")
        for j, x in enumerate(between):
            if x not in known:
                r.add(
                    f"{where}.between[{j}]", f"{x!r} is not one of this part's ({', '.join(known)})"
                )
                ok = False
        if len(set(map(str, between))) != len(between):
            r.add(f"{where}.between", "the same id is listed twice")
            ok = False
        share = (
            r.decimal(raw["smaller_counts"], f"{where}.smaller_counts", minimum=ZERO)
            if "smaller_counts" in raw
            else None
        )
        if share is not None and share > 1:
            r.add(f"{where}.smaller_counts", f"a share is 0 to 1 (0.5 is half), found {share}")
            ok = False
        if ok and oid and label and share is not None:
            out.append(Overlap(oid, label, explain, tuple(between), share))
    r.unique(ids, "overlap")
    return tuple(out)


def _read_items(r: Reader, value: Any, path: str, scope: Scope) -> tuple[Item, ...]:
    out: list[Item] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path, non_empty=True)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "label", "quantity", "rate"), ("when",))
        if raw is None:
            continue
        before = len(r.problems)
        iid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((iid, f"{where}.id"))
        label = r.text(raw.get("label"), f"{where}.label")
        quantity = _read_quantity(r, raw.get("quantity"), f"{where}.quantity", scope.index)
        rates = _read_item_rates(r, raw.get("rate"), f"{where}.rate", scope)
        _, cond = when(r, raw, where, scope.index)
        if len(r.problems) == before and iid and label and quantity and rates:
            out.append(Item(iid, label, quantity, rates, cond))
    r.unique(ids, "item")
    return tuple(out)


def _read_item_rates(
    r: Reader, value: Any, path: str, scope: Scope
) -> tuple[tuple[Condition | None, str], ...]:
    def rate_id(x: Any, where: str) -> str | None:
        if not isinstance(x, str) or x not in scope.rate_ids:
            known = ", ".join(sorted(scope.rate_ids)) or "none declared"
            r.add(where, f'{x!r} is not a rate of this ruleset ("rates": {known})')
            return None
        return x

    if isinstance(value, str) or not isinstance(value, list):
        rid = rate_id(value, path)
        return ((None, rid),) if rid else ()
    out: list[tuple[Condition | None, str]] = []
    for j, entry in enumerate(r.items(value, path, non_empty=True)):
        where = f"{path}[{j}]"
        raw = r.obj(entry, where, ("rate",), ("when",))
        if raw is None:
            continue
        ok, cond = when(r, raw, where, scope.index)
        rid = rate_id(raw.get("rate"), f"{where}.rate")
        if ok and rid:
            out.append((cond, rid))
    if value and isinstance(value[-1], dict) and "when" in value[-1]:
        r.add(path, 'the last rate in the list needs no "when", so some rate always applies')
        return ()
    return tuple(out)


def _read_quantity(r: Reader, value: Any, path: str, index: QuestionIndex) -> Quantity | None:
    raw = r.obj(value, path, (), ("answer", "options", "value", "times"))
    if raw is None:
        return None
    before = len(r.problems)
    times = r.decimal(raw["times"], f"{path}.times", minimum=ZERO) if "times" in raw else None
    if ("answer" in raw) == ("value" in raw):
        r.add(path, 'a quantity needs exactly one of "answer" (a question) or "value" (a number)')
        return None
    if "value" in raw:
        if "options" in raw:
            r.add(f"{path}.options", '"options" go with "answer", not with "value"')
        v = r.decimal(raw["value"], f"{path}.value", minimum=ZERO)
        return (
            Quantity(None, None, v, times) if v is not None and len(r.problems) == before else None
        )
    qid = raw["answer"]
    if not isinstance(qid, str) or qid not in index:
        r.add(f"{path}.answer", f'unknown question "{qid}"')
        return None
    qtype, option_ids = index[qid]
    options: dict[str, Decimal] | None = None
    if "options" in raw:
        if qtype != "single":
            r.add(
                f"{path}.options",
                f'"options" need a single question; "{qid}" is a {qtype} question',
            )
            return None
        got = r.obj(raw["options"], f"{path}.options", (), tuple(sorted(option_ids)))
        options = {}
        for oid, amount in (got or {}).items():
            q = r.decimal(amount, f"{path}.options.{oid}", minimum=ZERO)
            if q is not None:
                options[oid] = q
    elif qtype != "number":
        r.add(
            path,
            f'"{qid}" is a {qtype} question: a quantity reads a number, or a single question with "options"',
        )
    if len(r.problems) > before:
        return None
    return Quantity(qid, options, None, times)


def _read_bands(r: Reader, value: Any, path: str, index: QuestionIndex) -> tuple[BandRow, ...]:
    out: list[BandRow] = []
    for i, item in enumerate(r.items(value, path, non_empty=True)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("amount",), ("when", "label"))
        if raw is None:
            continue
        ok, cond = when(r, raw, where, index)
        amount = r.decimal(raw.get("amount"), f"{where}.amount", minimum=ZERO)
        label = r.text(raw["label"], f"{where}.label") if "label" in raw else None
        if ok and amount is not None and ("label" not in raw or label):
            out.append(BandRow(cond, amount, label))
    return tuple(out)
