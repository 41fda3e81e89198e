"""Writing a ruleset document out as a ruleset workbook (the reverse of ``workbook_read``).

Decimal strings ("4.20", "0.80") are written as *text* cells, so Excel cannot turn them
into binary floating point or drop a trailing zero; JSON integers are written as number
cells. Conditions are written in their readable form. Building the written workbook gives
back the same document (see docs/ruleset-workbook.md for the few shapes it normalises).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import IllegalCharacterError

from rasdesk.authoring.conditions_text import condition_text
from rasdesk.authoring.workbook_layout import (
    ADJUSTMENTS,
    ALLOCATION,
    ALLOCATION_KEYS,
    BANDS,
    FLAGS,
    NOTES_SHEET,
    OPTIONS,
    POINT_ADJUSTMENTS,
    QUESTIONNAIRES,
    QUESTIONS,
    SECTIONS,
    SETTINGS,
    SETTINGS_KEYS,
    SHEETS,
    TABLE,
    Sheet,
    header_names,
)
from rasdesk.domain.errors import InputError


def _notes(sheets: Iterable[Sheet], v2: bool) -> tuple[str, ...]:
    head = _NOTES[: _NOTES.index("")]
    tail = _NOTES[_NOTES.index("") + 1 :]
    tail = tail[tail.index("") :]
    listed = tuple(f"{s.name}: {s.about}" for s in sheets)
    if v2:
        listed = (
            "Format 2 (docs/ruleset-v2.md): each sheet is one list of the ruleset; its first "
            "columns name the entry it belongs to (questionnaire, amount, part, …).",
            *listed,
        )
    return (*head, "", *listed, *tail)


_NOTES = (
    "This workbook is a rasdesk ruleset (a council's Resource Allocation System).",
    "Build it with:  rasdesk ruleset build THIS.xlsx -o my.ruleset.json",
    "then check and sign it:  rasdesk ruleset check my.ruleset.json ; rasdesk ruleset sign …",
    "The full layout is in docs/ruleset-workbook.md. In short:",
    "",
    *(f"{s.name}: {s.about}" for s in SHEETS),
    "",
    "Text columns come once per language: text_en, text_cy, … (empty = no text in that language).",
    "Rows are in ruleset order. Decimals are text cells (0.80 stays 0.80); type exact values, no formulas.",
    "Conditions (show_if, when) read like:  washing in (some, all) and not answered notes",
    "  forms: q = option · q in (a, b) · q >= 3 (also >, <, <=, ==) · answered q · not … · … and … · … or … · ( … )",
    "A column whose name starts with # and a sheet whose name starts with # are ignored.",
)


_WRAP = Alignment(wrap_text=True, vertical="top")  # made once: a style is hashed on each use


def export_document(doc: dict[str, Any]) -> bytes:
    """The .xlsx bytes of a *valid* ruleset document of either format (check it with
    parse_ruleset or parse_ruleset_v2 first)."""
    from rasdesk.authoring.workbook_v2 import SHEETS_V2, export_rows_v2

    languages: tuple[str, ...] = tuple(doc["languages"])
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    v2 = doc.get("format") == "rasdesk-ruleset/2"
    rows = export_rows_v2(doc) if v2 else _rows(doc, languages)
    sheets = SHEETS_V2 if v2 else SHEETS
    for sheet in sheets:
        _sheet(wb, sheet, languages, rows[sheet.name])
    notes = wb.create_sheet(NOTES_SHEET)
    for line in _notes(sheets, v2):
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sheet(wb: Any, sheet: Sheet, languages: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    ws = wb.create_sheet(sheet.name)
    headers = header_names(sheet, languages)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    # The row number is counted here: ws.max_row looks at every cell, so asking it for each
    # row made writing quadratic (4,000 questions took 35 s).
    for number, values in enumerate(rows, start=2):
        line = [values.get(h) for h in headers]
        for col, value in enumerate(line, start=1):
            if value is None:
                continue
            try:
                cell = ws.cell(row=number, column=col, value=value)
            except IllegalCharacterError:
                raise InputError(
                    f"{sheet.name} row {number}, column {headers[col - 1]}: the text has a "
                    "control character a spreadsheet cannot hold"
                ) from None
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even when the text starts with "="
                cell.number_format = "@"
                if len(value) > 40:
                    cell.alignment = _WRAP
    for col, name in enumerate(headers, start=1):
        letter = ws.cell(row=1, column=col).column_letter
        wide = any(name.startswith(f"{c.name}_") for c in sheet.columns if c.kind == "text")
        ws.column_dimensions[letter].width = 50 if wide else max(12, len(name) + 2)


def _texts(prefix: str, value: Any) -> dict[str, Any]:
    return {f"{prefix}_{lang}": words for lang, words in (value or {}).items()}


def _rows(doc: dict[str, Any], languages: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {s.name: [] for s in SHEETS}
    settings = out[SETTINGS.name]
    for key in SETTINGS_KEYS:
        if key == "languages":
            settings.append({"key": key, "value": ", ".join(doc[key])})
        elif key in doc:
            settings.append({"key": key, "value": doc[key]})
        if key == "council":
            for lang, words in doc["title"].items():
                settings.append({"key": f"title_{lang}", "value": words})
    for q in doc["questionnaires"]:
        qid = q["id"]
        out[QUESTIONNAIRES.name].append(
            {"id": qid, "kind": q["kind"], **_texts("title", q["title"])}
        )
        for s in q["sections"]:
            out[SECTIONS.name].append(_row(qid, s, SECTIONS))
            for question in s["questions"]:
                out[QUESTIONS.name].append({**_row(qid, question, QUESTIONS), "section": s["id"]})
                for o in question.get("options", []):
                    out[OPTIONS.name].append({**_row(qid, o, OPTIONS), "question": question["id"]})
                for b in question.get("bands", []):
                    out[BANDS.name].append({**_row(qid, b, BANDS), "question": question["id"]})
        alloc = q["allocation"]
        out[ALLOCATION.name].extend(
            {"questionnaire": qid, "key": k, "value": v} for k, v in _allocation_keys(alloc)
        )
        for sheet in (TABLE, POINT_ADJUSTMENTS, ADJUSTMENTS, FLAGS):
            items: Iterable[dict[str, Any]] = alloc.get(sheet.name, [])
            out[sheet.name].extend(_row(qid, item, sheet) for item in items)
    return out


def _row(qid: str, obj: dict[str, Any], sheet: Sheet) -> dict[str, Any]:
    row: dict[str, Any] = {"questionnaire": qid}
    for col in sheet.columns:
        if col.name not in obj:
            continue
        value = obj[col.name]
        if col.kind == "text":
            row.update(_texts(col.name, value))
        elif col.kind == "cond":
            row[col.name] = condition_text(value)
        elif col.kind == "ids":
            row[col.name] = ", ".join(value)
        else:
            row[col.name] = value
    return row


def _allocation_keys(alloc: dict[str, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, kind in ALLOCATION_KEYS.items():
        if kind == "none":
            if alloc.get(key) == []:
                out.append((key, "none"))
            continue
        for nested in ("points_rounding", "rounding", "calibration"):
            if key.startswith(f"{nested}_"):
                head, tail = nested, key[len(nested) + 1 :]
                break
        else:
            head, tail = key, ""
        if tail:
            if tail in alloc.get(head, {}):
                out.append((key, alloc[head][tail]))
        elif key in alloc:
            out.append((key, alloc[key]))
    return out
