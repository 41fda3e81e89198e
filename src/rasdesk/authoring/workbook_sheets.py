"""Opening a ruleset workbook and reading its sheets into rows, checking the layout.

Layout checks, each reported at its sheet/row/column: a file that is not an .xlsx
workbook, a missing required sheet, an unknown sheet, an unknown, repeated or nameless
column, a missing required column, a language column for a language the ruleset does not
declare, and formula cells (a formula's result is binary floating point and may not be
stored in the file at all, so values must be typed in).

Bounds, checked before openpyxl builds anything: a workbook may hold at most ``MAX_CELLS``
cells and unpack to at most ``MAX_UNPACKED`` bytes (a 430 KB file can hold ten million
cells), and sheets are read sparsely — only the cells the file holds — so one cell at
XFD1048576 costs one cell, not the sixteen billion empty ones before it.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from typing import Any

import openpyxl

from rasdesk.authoring.workbook_cells import Ctx, Loc, Row, is_empty
from rasdesk.authoring.workbook_layout import (
    NOTES_SHEET,
    SHEET_BY_NAME,
    SHEETS,
    Sheet,
    column_letter,
)
from rasdesk.domain.errors import InputError

_LANG_SUFFIX = re.compile(r"(.+)_([a-z]{2,3})")


#: Cells in the whole workbook: a 4,000-question ruleset needs about 150,000.
MAX_CELLS = 500_000
#: Bytes of XML the workbook unpacks to (a guard against "zip bombs").
MAX_UNPACKED = 256 * 1024 * 1024
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")


def open_workbook(data: bytes, source: str) -> Any:
    """The openpyxl workbook in ``data``; an ``InputError`` if it is not one."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(
            f"{source} is not an Excel workbook (.xlsx); save the spreadsheet as "
            '"Excel Workbook (.xlsx)" and try again'
        )
    check_size(data, source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not read
            return openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise InputError(
            f"{source} cannot be read as an Excel workbook (.xlsx): {exc.__class__.__name__}: {exc}"
        ) from None


def check_size(data: bytes, source: str) -> None:
    """Refuse a workbook that unpacks too large or holds more than ``MAX_CELLS`` cells,
    counting cells in the sheets' XML as it streams (stopping as soon as there are too many)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = zf.infolist()
            if sum(p.file_size for p in parts) > MAX_UNPACKED:
                raise InputError(
                    f"{source} unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MiB, far more "
                    "than any ruleset workbook; check that this is the right file"
                )
            cells = 0
            for part in parts:
                if _SHEET_PART.fullmatch(part.filename):
                    cells += _count_cells(zf, part, MAX_CELLS - cells)
                    if cells > MAX_CELLS:
                        raise InputError(
                            f"{source} holds more than {MAX_CELLS:,} cells, far more than any "
                            "ruleset workbook; delete the rows and columns that are not part of "
                            "the ruleset (or check that this is the right file)"
                        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(
            f"{source} cannot be read as an Excel workbook (.xlsx): {exc.__class__.__name__}: {exc}"
        ) from None


def _count_cells(zf: zipfile.ZipFile, part: zipfile.ZipInfo, allowed: int) -> int:
    """Cells in one sheet's XML, read in pieces; stops once past ``allowed``."""
    count = 0
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(1 << 20):
            text = tail + chunk
            # A tag may straddle two pieces: keep the last bytes, counted with the next piece.
            cut = max(len(text) - 64, 0)
            count += len(_CELL.findall(text, 0, cut))
            tail = text[cut:]
            if count > allowed:
                return count
    return count + len(_CELL.findall(tail))


def check_sheets(ctx: Ctx, wb: Any) -> None:
    for name in wb.sheetnames:
        if name in SHEET_BY_NAME or name == NOTES_SHEET or name.startswith("#"):
            continue
        hint = ""
        for known in SHEET_BY_NAME:
            if known.rstrip("s") == name.strip().lower().rstrip("s"):
                hint = f' (did you mean "{known}"?)'
        ctx.bad(
            Loc(name),
            f'unknown sheet "{name}"{hint}; the sheets are {", ".join(SHEET_BY_NAME)} '
            f'(a sheet named "{NOTES_SHEET}" or starting with "#" is ignored)',
        )
    for sheet in SHEETS:
        if sheet.required and sheet.name not in wb.sheetnames:
            ctx.bad(Loc(sheet.name), f'the sheet "{sheet.name}" is missing')
            ctx.broken = True


def read_rows(ctx: Ctx, wb: Any, sheet: Sheet, languages: tuple[str, ...]) -> list[Row]:
    """The non-empty data rows of ``sheet`` (none if the sheet is absent)."""
    if sheet.name not in wb.sheetnames:
        return []
    grid = _sparse_rows(wb[sheet.name])
    if not grid:
        ctx.bad(Loc(sheet.name), "the sheet is empty: row 1 must name the columns")
        return []
    headers = _headers(ctx, sheet, grid, languages)
    rows: list[Row] = []
    letters = {name: column_letter(i + 1) for i, name in headers.items()}
    for number in sorted(grid):
        if number == 1:
            continue
        values: dict[str, Any] = {}
        cells = grid[number]
        for i in sorted(cells):
            cell = cells[i]
            if is_empty(cell.value) or i not in headers:
                continue
            if cell.data_type == "f" or type(cell.value).__name__ == "ArrayFormula":
                ctx.bad(
                    Loc(sheet.name, number, headers[i], column_letter(i + 1)),
                    "formulas are not read: type the value itself (a formula's result is "
                    "not exact and may not be saved in the file)",
                )
                continue
            values[headers[i]] = cell.value
        if values:
            rows.append(Row(sheet.name, number, values, letters))
    return rows


def _sparse_rows(ws: Any) -> dict[int, dict[int, Any]]:
    """Row number → {column index from 0 → cell}, only for the cells the sheet holds.

    ``ws.iter_rows()`` would make every empty cell up to the furthest one: a single cell at
    XFD1048576 is sixteen billion of them."""
    grid: dict[int, dict[int, Any]] = {}
    for (row, column), cell in ws._cells.items():  # openpyxl's own sparse map
        grid.setdefault(row, {})[column - 1] = cell
    return grid


def _headers(
    ctx: Ctx, sheet: Sheet, grid: dict[int, dict[int, Any]], languages: tuple[str, ...]
) -> dict[int, str]:
    """Column index → column name, for the columns the layout knows."""
    out: dict[int, str] = {}
    seen: dict[str, str] = {}
    first = grid.get(1, {})
    used = {
        i
        for number, cells in grid.items()
        if number != 1
        for i, c in cells.items()
        if not is_empty(c.value)
    }
    for i in sorted(set(first) | used):
        cell = first.get(i)
        value = cell.value if cell is not None else None
        letter = column_letter(i + 1)
        loc = Loc(sheet.name, 1, str(value or "(no name)"), letter)
        if is_empty(value):
            if i in used:
                ctx.bad(loc, "this column has values but no name in row 1")
            continue
        name = str(value).strip().lower()
        if name.startswith("#"):
            continue  # a notes column
        problem = _header_problem(sheet, name, languages)
        if problem:
            ctx.bad(loc, problem)
            continue
        if name in seen:
            ctx.bad(loc, f'the column "{name}" appears twice (first in column {seen[name]})')
            continue
        seen[name] = letter
        out[i] = name
    for col in sheet.columns:
        name = f"{col.name}_en" if col.kind == "text" else col.name
        if col.required and name not in seen:
            ctx.bad(Loc(sheet.name, 1), f'the required column "{name}" is missing from row 1')
            ctx.broken = True
    return out


def _header_problem(sheet: Sheet, name: str, languages: tuple[str, ...]) -> str | None:
    col = sheet.column(name)
    if col is not None and col.kind != "text":
        return None
    m = _LANG_SUFFIX.fullmatch(name)
    if m:
        col = sheet.column(m.group(1))
        if col is not None and col.kind == "text":
            if m.group(2) in languages:
                return None
            return (
                f'the language "{m.group(2)}" is not one of the ruleset\'s languages '
                f"({', '.join(languages)}); add it to languages in the settings sheet"
            )
    allowed = []
    for c in sheet.columns:
        allowed.append(f"{c.name}_{languages[0]}" if c.kind == "text" else c.name)
    return (
        f'unknown column "{name}"; the columns of {sheet.name} are {", ".join(allowed)} '
        '(text columns once per language; a column whose name starts with "#" is ignored)'
    )
