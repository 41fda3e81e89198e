"""Reading a calibration sample (``rasdesk ruleset calibrate --sample S.csv``): a header
``ref,current_weekly_cost`` plus a column per question id; options as ids, a multiple
answer as ``a|b``, numbers as plain decimals. Header problems stop the run (a typo in a
question id must not silently drop answers); a row with bad cells is kept aside with its
spreadsheet row number and every problem, never dropped silently."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.domain.errors import InputError, Problem
from rasdesk.domain.model import Questionnaire

REF, COST = "ref", "current_weekly_cost"
#: Digits each side of the point: a weekly cost or an answer never needs more, and a
#: 38-digit amount would overflow the exact arithmetic of the calibration.
MAX_DIGITS = 12
_NUMBER = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}(\.[0-9]{{1,{MAX_DIGITS}}})?")


@dataclass(frozen=True, slots=True)
class SampleRow:
    """One CSV row read into an answers mapping (not yet checked against the questions)."""

    row: int  # as a spreadsheet numbers it: the header is row 1
    ref: str
    cost: Decimal
    answers: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row left out of the sums, and every reason why."""

    row: int
    ref: str
    problems: tuple[str, ...]


def read_sample(
    data: bytes, q: Questionnaire, source: str
) -> tuple[list[SampleRow], list[SkippedRow]]:
    """Rows of ``ref,current_weekly_cost,<question id>…`` (UTF-8, with or without BOM).

    A broken file (encoding, header) raises ``InputError`` naming the file, row and
    column; a row with a bad cell is returned in the second list with its reasons."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{source}: row {line} is not UTF-8 text (save the sheet as 'CSV UTF-8')"
        ) from None
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    except csv.Error as exc:
        raise InputError(f"{source}: not a readable CSV file ({exc})") from None
    if not records:
        raise InputError(f"{source} is empty: it needs a header row and one row per person")
    header = [h.strip() for h in records[0]]
    _check_header(header, q, source)
    rows: list[SampleRow] = []
    skipped: list[SkippedRow] = []
    first_seen: dict[str, int] = {}
    for number, cells in enumerate(records[1:], start=2):
        problems: list[str] = []
        if len(cells) != len(header):
            problems.append(f"has {len(cells)} cells where the header has {len(header)}")
            cells = (cells + [""] * len(header))[: len(header)]
        values = dict(zip(header, (c.strip() for c in cells), strict=True))
        ref = values[REF]
        if not ref:
            problems.append(f"column {REF}: empty (every person needs a reference)")
        elif ref in first_seen:
            problems.append(f"column {REF}: {ref!r} is also on row {first_seen[ref]}")
        else:
            first_seen[ref] = number
        cost = _cost(values[COST], problems)
        answers: dict[str, Any] = {}
        for qid, cell in values.items():
            if qid not in (REF, COST):
                _cell(q, qid, cell, answers, problems)
        if problems or cost is None:
            skipped.append(SkippedRow(number, ref, tuple(problems)))
        else:
            rows.append(SampleRow(number, ref, cost, answers))
    if not rows and not skipped:
        raise InputError(f"{source} has a header but no rows: there is no one to calibrate on")
    return rows, skipped


def _check_header(header: list[str], q: Questionnaire, source: str) -> None:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, name in enumerate(header):
        where = f"row 1, column {i + 1}"
        if name in seen:
            problems.append(Problem(where, f"the column {name!r} appears twice"))
        elif name not in (REF, COST) and name not in q.question_by_id:
            problems.append(Problem(where, f'{name!r} is not a question of questionnaire "{q.id}"'))
        seen.add(name)
    for name in (REF, COST):
        if name not in seen:
            problems.append(Problem("row 1", f'there is no "{name}" column'))
    for question in q.required_questions:
        if question.show_if is None and question.id not in seen:
            problems.append(
                Problem("row 1", f'the required question "{question.id}" has no column')
            )
    if problems:
        raise InputError(f"{source}: the header row cannot be used", problems)


def _cost(cell: str, problems: list[str]) -> Decimal | None:
    if not _NUMBER.fullmatch(cell):
        problems.append(
            f"column {COST}: {cell[:40]!r} is not an amount (write it like 312.50: no £ sign or "
            f"commas, at most {MAX_DIGITS} digits each side of the point)"
        )
        return None
    value = Decimal(cell)
    if value < 0:
        problems.append(f"column {COST}: {cell} is below 0")
        return None
    return value


def _cell(q: Questionnaire, qid: str, cell: str, out: dict[str, Any], problems: list[str]) -> None:
    """One answer cell. Empty means "no answer", except for a multiple-choice question,
    where it means "none of these" (an empty list)."""
    question = q.question_by_id[qid]
    if question.type == "multiple":
        out[qid] = [o.strip() for o in cell.split("|")] if cell else []
    elif not cell:
        return
    elif question.type == "number":
        if _NUMBER.fullmatch(cell):
            out[qid] = int(cell) if "." not in cell else Decimal(cell)
        else:
            problems.append(
                f"column {qid}: {cell[:40]!r} is not a number (at most {MAX_DIGITS} digits "
                "each side of the point)"
            )
    else:
        out[qid] = cell
