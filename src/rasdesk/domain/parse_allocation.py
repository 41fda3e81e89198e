"""Reading a questionnaire's ``allocation``: points → money and the named adjustments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rasdesk.domain.conditions import Condition
from rasdesk.domain.decimals import CENT, ZERO
from rasdesk.domain.model import (
    Adjustment,
    Allocation,
    Calibration,
    Flag,
    PointAdjustment,
    Rounding,
    TableRow,
)
from rasdesk.domain.parse_conditions import QuestionIndex, read_condition
from rasdesk.domain.reader import Reader
from rasdesk.domain.text import Text

_REQUIRED = ("period", "method", "rounding", "annual_factor")
_OPTIONAL = (
    "rate",
    "table",
    "point_adjustments",
    "points_rounding",
    "minimum_points",
    "adjustments",
    "minimum",
    "maximum",
    "sign_off_above",
    "flags",
    "illustrative_hourly_rate",
    "calibration",
)


def read_allocation(
    r: Reader, value: Any, path: str, index: QuestionIndex, section_ids: list[str]
) -> Allocation | None:
    raw = r.obj(value, path, _REQUIRED, _OPTIONAL)
    if raw is None:
        return None
    before = len(r.problems)
    period = raw.get("period")
    if period != "week":
        r.add(f"{path}.period", f'only "week" is supported, found {period!r}')
    method = raw.get("method")
    rate: Decimal | None = None
    table: tuple[TableRow, ...] = ()
    if method == "per_point":
        if "rate" not in raw:
            r.add(path, 'the per_point method needs a "rate" (money per point)')
        else:
            rate = r.decimal(raw["rate"], f"{path}.rate", minimum=ZERO)
        if "table" in raw:
            r.add(f"{path}.table", 'a per_point allocation must not have a "table"')
    elif method == "table":
        if "table" not in raw:
            r.add(path, 'the table method needs a "table" of rows')
        else:
            table = _read_table(r, raw["table"], f"{path}.table")
        if "rate" in raw:
            r.add(f"{path}.rate", 'a table allocation must not have a "rate"')
    else:
        r.add(f"{path}.method", f'expected "per_point" or "table", found {method!r}')
    points_adj = _read_point_adjustments(
        r, raw.get("point_adjustments", []), f"{path}.point_adjustments", index, section_ids
    )
    points_rounding = (
        _read_rounding(r, raw["points_rounding"], f"{path}.points_rounding", money=False)
        if "points_rounding" in raw
        else None
    )

    def opt_dec(key: str) -> Decimal | None:
        return r.decimal(raw[key], f"{path}.{key}", minimum=ZERO) if key in raw else None

    minimum_points = opt_dec("minimum_points")
    adjustments = _read_adjustments(r, raw.get("adjustments", []), f"{path}.adjustments", index)
    minimum, maximum = opt_dec("minimum"), opt_dec("maximum")
    if minimum is not None and maximum is not None and minimum > maximum:
        r.add(f"{path}.maximum", f"maximum ({maximum}) is below minimum ({minimum})")
    rounding = _read_rounding(r, raw.get("rounding"), f"{path}.rounding", money=True)
    annual = (
        r.decimal(raw.get("annual_factor"), f"{path}.annual_factor", positive=True)
        if "annual_factor" in raw
        else None
    )
    sign_off = opt_dec("sign_off_above")
    flags = _read_flags(r, raw.get("flags", []), f"{path}.flags")
    hourly = (
        r.decimal(
            raw["illustrative_hourly_rate"], f"{path}.illustrative_hourly_rate", positive=True
        )
        if "illustrative_hourly_rate" in raw
        else None
    )
    calibration = (
        _read_calibration(r, raw["calibration"], f"{path}.calibration")
        if "calibration" in raw
        else None
    )
    if len(r.problems) > before or rounding is None or annual is None:
        return None
    return Allocation(
        period="week",
        method=str(method),
        rate=rate,
        table=table,
        point_adjustments=points_adj,
        points_rounding=points_rounding,
        minimum_points=minimum_points,
        adjustments=adjustments,
        minimum=minimum,
        maximum=maximum,
        rounding=rounding,
        annual_factor=annual,
        sign_off_above=sign_off,
        flags=flags,
        illustrative_hourly_rate=hourly,
        calibration=calibration,
    )


def _read_table(r: Reader, value: Any, path: str) -> tuple[TableRow, ...]:
    rows: list[TableRow] = []
    for i, item in enumerate(r.items(value, path, non_empty=True)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("from_points", "amount"), ())
        if raw is None or "from_points" not in raw or "amount" not in raw:
            continue
        start = r.decimal(raw["from_points"], f"{where}.from_points", minimum=ZERO)
        amount = r.decimal(raw["amount"], f"{where}.amount", minimum=ZERO)
        if start is None or amount is None:
            continue
        if rows and start <= rows[-1].from_points:
            r.add(
                f"{where}.from_points",
                f"rows must go up: {start} does not come after {rows[-1].from_points}",
            )
            continue
        rows.append(TableRow(start, amount))
    return tuple(rows)


def _read_rounding(r: Reader, value: Any, path: str, *, money: bool) -> Rounding | None:
    raw = r.obj(value, path, ("to", "mode"), ())
    if raw is None or "to" not in raw or "mode" not in raw:
        return None
    to = r.decimal(raw["to"], f"{path}.to", positive=True)
    if to is not None and money and to % CENT != 0:
        r.add(
            f"{path}.to",
            f"money is rounded to whole pence or more (e.g. 0.01, 0.05, 1), found {to}",
        )
        to = None
    mode = raw["mode"]
    if mode not in ("half_up", "down", "up", "half_even"):
        r.add(f"{path}.mode", f'expected "half_up", "down", "up" or "half_even", found {mode!r}')
        return None
    return Rounding(to, mode) if to is not None else None


def _read_when(
    r: Reader, raw: dict[str, Any], path: str, index: QuestionIndex
) -> tuple[bool, Condition | None]:
    if "when" not in raw:
        return True, None
    cond = read_condition(r, raw["when"], f"{path}.when", index)
    return cond is not None, cond


def _read_named(
    r: Reader,
    raw: dict[str, Any],
    where: str,
    index: QuestionIndex,
    ids: list[tuple[str | None, str]],
) -> tuple[str | None, Text | None, Text | None, bool, Condition | None]:
    """What every adjustment has: id, label, optional explain and optional ``when``."""
    aid = r.ident(raw.get("id"), f"{where}.id")
    ids.append((aid, f"{where}.id"))
    label = r.text(raw.get("label"), f"{where}.label")
    explain = r.text(raw["explain"], f"{where}.explain") if "explain" in raw else None
    ok, when = _read_when(r, raw, where, index)
    return aid, label, explain, ok, when


def _read_point_adjustments(
    r: Reader, value: Any, path: str, index: QuestionIndex, section_ids: list[str]
) -> tuple[PointAdjustment, ...]:
    out: list[PointAdjustment] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "label", "multiply"), ("explain", "when", "sections"))
        if raw is None:
            continue
        aid, label, explain, ok, when = _read_named(r, raw, where, index, ids)
        sections = tuple(section_ids)
        if "sections" in raw:
            listed = r.items(raw["sections"], f"{where}.sections", non_empty=True)
            for j, sid in enumerate(listed):
                if sid not in section_ids:
                    r.add(f"{where}.sections[{j}]", f'unknown section "{sid}"')
                    ok = False
            sections = tuple(listed)
        factor = (
            r.decimal(raw["multiply"], f"{where}.multiply", minimum=ZERO)
            if "multiply" in raw
            else None
        )
        if ok and aid and label and factor is not None and sections:
            out.append(PointAdjustment(aid, label, explain, when, sections, factor))
    r.unique(ids, "point adjustment")
    return tuple(out)


def _read_adjustments(
    r: Reader, value: Any, path: str, index: QuestionIndex
) -> tuple[Adjustment, ...]:
    out: list[Adjustment] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "label"), ("explain", "when", "multiply", "add"))
        if raw is None:
            continue
        aid, label, explain, ok, when = _read_named(r, raw, where, index, ids)
        has_mul, has_add = "multiply" in raw, "add" in raw
        if has_mul == has_add:
            r.add(
                where,
                'an adjustment needs exactly one of "multiply" or "add" '
                f"(found {'both' if has_mul else 'neither'})",
            )
            continue
        factor = r.decimal(raw["multiply"], f"{where}.multiply", minimum=ZERO) if has_mul else None
        add = r.decimal(raw["add"], f"{where}.add") if has_add else None
        if ok and aid and label and (factor is not None or add is not None):
            out.append(Adjustment(aid, label, explain, when, factor, add))
    r.unique(ids, "adjustment")
    return tuple(out)


def _read_flags(r: Reader, value: Any, path: str) -> tuple[Flag, ...]:
    out: list[Flag] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "label"), ("when_points_above", "when_weekly_above"))
        if raw is None:
            continue
        fid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((fid, f"{where}.id"))
        label = r.text(raw.get("label"), f"{where}.label")
        has_p, has_w = "when_points_above" in raw, "when_weekly_above" in raw
        if has_p == has_w:
            r.add(where, 'a flag needs exactly one of "when_points_above" or "when_weekly_above"')
            continue
        key = "when_points_above" if has_p else "when_weekly_above"
        limit = r.decimal(raw[key], f"{where}.{key}", minimum=ZERO)
        if fid and label and limit is not None:
            out.append(Flag(fid, label, limit if has_p else None, None if has_p else limit))
    r.unique(ids, "flag")
    return tuple(out)


def _read_calibration(r: Reader, value: Any, path: str) -> Calibration | None:
    keys = ("sample_size", "sample_weekly_cost", "sample_points", "contingency", "date")
    raw = r.obj(value, path, (), keys)
    if raw is None:
        return None
    size = raw.get("sample_size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 1):
        r.add(
            f"{path}.sample_size", f"expected a whole number of people (1 or more), found {size!r}"
        )
        size = None

    def dec(key: str) -> Decimal | None:
        return r.decimal(raw[key], f"{path}.{key}", minimum=ZERO) if key in raw else None

    contingency = dec("contingency")
    if contingency is not None and contingency >= 1:
        r.add(
            f"{path}.contingency",
            f"a contingency is a fraction below 1 (0.05 is 5%), found {contingency}",
        )
    date = r.date(raw["date"], f"{path}.date") if "date" in raw else None
    return Calibration(size, dec("sample_weekly_cost"), dec("sample_points"), contingency, date)
