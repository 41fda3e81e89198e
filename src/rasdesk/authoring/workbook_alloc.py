"""Building each questionnaire's ``allocation`` from the workbook's allocation sheets.

``allocation`` holds key/value rows per questionnaire (``rounding_to`` and
``rounding_mode`` fill ``rounding``, ``calibration_*`` fill ``calibration``); ``table``,
``point_adjustments``, ``adjustments`` and ``flags`` hold one row per entry, in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rasdesk.authoring.workbook_cells import Loc, Row
from rasdesk.authoring.workbook_layout import (
    ADJUSTMENTS,
    ALLOCATION,
    ALLOCATION_KEYS,
    ALLOCATION_ORDER,
    CALIBRATION_FIELDS,
    FLAGS,
    NESTED,
    POINT_ADJUSTMENTS,
    TABLE,
    Sheet,
)

if TYPE_CHECKING:
    from rasdesk.authoring.workbook_read import Book

_LISTS = ("point_adjustments", "adjustments", "flags")


def read_allocations(book: Book) -> None:
    ctx = book.ctx
    found: dict[str, dict[str, Any]] = {qid: {} for qid in book.questionnaires}
    none_rows: dict[tuple[str, str], Row] = {}
    seen: dict[tuple[str, str], int] = {}
    for qid, (_, qpath) in book.questionnaires.items():
        ctx.locs[f"{qpath}.allocation"] = Loc(ALLOCATION.name, note=f'questionnaire "{qid}"')
    for row in book.rows(ALLOCATION):
        got = book.questionnaire(row)
        key = book.need(row, "key", "str")
        if got is None or key is None:
            continue
        qid, _, qpath = got
        key = key.lower()
        if key not in ALLOCATION_KEYS:
            ctx.bad(
                row.loc("key"),
                f'unknown allocation key "{key}"; the keys are {", ".join(ALLOCATION_KEYS)}',
            )
            continue
        if (qid, key) in seen:
            ctx.bad(
                row.loc("key"),
                f'"{key}" is set twice for questionnaire "{qid}" (first in row {seen[(qid, key)]})',
            )
            continue
        seen[(qid, key)] = row.number
        if "value" not in row.values:
            ctx.bad(row.loc("value"), f'"{key}" needs a value')
            continue
        apath = f"{qpath}.allocation"
        value = ctx.value(row, "value", ALLOCATION_KEYS[key], _json_path(apath, key))
        if value is None:
            continue
        _place(found[qid], key, value)
        for nested in (*NESTED, "calibration"):
            if key.startswith(f"{nested}_"):
                ctx.locs.setdefault(f"{apath}.{nested}", row.loc("value"))
        if key in _LISTS:
            none_rows[(qid, key)] = row
    _table(book, found)
    _entries(book, found, POINT_ADJUSTMENTS, _point_adjustment)
    _entries(book, found, ADJUSTMENTS, _adjustment)
    _entries(book, found, FLAGS, _flag)
    for (qid, key), row in none_rows.items():
        if found[qid][key]:
            ctx.bad(
                row.loc("value"),
                f'"none" says questionnaire "{qid}" has no {key}, but the {key} sheet has rows for it',
            )
    for qid, (q, _) in book.questionnaires.items():
        alloc = found[qid]
        q["allocation"] = {k: alloc[k] for k in ALLOCATION_ORDER if k in alloc}


def _json_path(apath: str, key: str) -> str:
    for nested in NESTED:
        if key.startswith(f"{nested}_"):
            return f"{apath}.{nested}.{key[len(nested) + 1 :]}"
    if key.startswith("calibration_"):
        return f"{apath}.calibration.{key[12:]}"
    return f"{apath}.{key}"


def _place(alloc: dict[str, Any], key: str, value: Any) -> None:
    for nested, fields in NESTED.items():
        if key.startswith(f"{nested}_") and key[len(nested) + 1 :] in fields:
            alloc.setdefault(nested, {})[key[len(nested) + 1 :]] = value
            return
    if key.startswith("calibration_") and key[12:] in CALIBRATION_FIELDS:
        cal = alloc.setdefault("calibration", {})
        cal[key[12:]] = value
        alloc["calibration"] = {f: cal[f] for f in CALIBRATION_FIELDS if f in cal}
        return
    alloc[key] = value


def _table(book: Book, found: dict[str, dict[str, Any]]) -> None:
    for row in book.rows(TABLE):
        got = book.questionnaire(row)
        if got is None:
            continue
        qid, _, qpath = got
        rows = found[qid].setdefault("table", [])
        path = f"{qpath}.allocation.table[{len(rows)}]"
        obj: dict[str, Any] = {}
        _put(obj, "from_points", book.need(row, "from_points", "dec", f"{path}.from_points"))
        _put(obj, "amount", book.need(row, "amount", "money", f"{path}.amount"))
        book.ctx.locs[path] = row.loc()
        rows.append(obj)


def _entries(book: Book, found: dict[str, dict[str, Any]], sheet: Sheet, read: Any) -> None:
    for row in book.rows(sheet):
        got = book.questionnaire(row)
        if got is None:
            continue
        qid, _, qpath = got
        items = found[qid].setdefault(sheet.name, [])
        path = f"{qpath}.allocation.{sheet.name}[{len(items)}]"
        obj: dict[str, Any] = {}
        _put(obj, "id", book.need(row, "id", "id", f"{path}.id"))
        _put(obj, "label", book.text(row, "label", f"{path}.label", required=True))
        read(book, row, path, obj)
        book.ctx.locs[path] = row.loc()
        items.append(obj)


def _point_adjustment(book: Book, row: Row, path: str, obj: dict[str, Any]) -> None:
    _put(obj, "explain", book.text(row, "explain", f"{path}.explain"))
    _put(obj, "when", book.ctx.value(row, "when", "cond", f"{path}.when"))
    _put(obj, "sections", book.ctx.value(row, "sections", "ids", f"{path}.sections"))
    _put(obj, "multiply", book.need(row, "multiply", "dec", f"{path}.multiply"))


def _adjustment(book: Book, row: Row, path: str, obj: dict[str, Any]) -> None:
    _put(obj, "explain", book.text(row, "explain", f"{path}.explain"))
    _put(obj, "when", book.ctx.value(row, "when", "cond", f"{path}.when"))
    _put(obj, "multiply", book.ctx.value(row, "multiply", "dec", f"{path}.multiply"))
    _put(obj, "add", book.ctx.value(row, "add", "money", f"{path}.add"))
    if "multiply" not in row.values and "add" not in row.values:
        book.ctx.bad(row.loc("multiply"), "an adjustment needs a multiply or an add (one of them)")
    elif "multiply" in row.values and "add" in row.values:
        book.ctx.bad(row.loc("add"), "an adjustment has a multiply or an add, not both")


def _flag(book: Book, row: Row, path: str, obj: dict[str, Any]) -> None:
    for col, kind in (("when_points_above", "dec"), ("when_weekly_above", "money")):
        _put(obj, col, book.ctx.value(row, col, kind, f"{path}.{col}"))
    if ("when_points_above" in row.values) == ("when_weekly_above" in row.values):
        book.ctx.bad(
            row.loc("when_points_above"),
            "a flag needs exactly one of when_points_above or when_weekly_above",
        )


def _put(obj: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        obj[key] = value
