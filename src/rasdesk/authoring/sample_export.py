"""The council server's export as a calibration sample (``rasdesk ruleset calibrate
--sample EXPORT``): decided cases, each with its final personal budget as the cost.

``rasdesk-server export --format jsonl|csv`` writes one row per received version; the
sample is each case's latest decided version (a non-empty ``final``) of this
questionnaire, its ``answers`` column scored again with the ruleset being calibrated and
its ``final`` budget (a week) as the cost, so the ratio method gives Σ final ÷ Σ points.
Rows of another questionnaire or without a decision are not people of the sample; a
decided row that cannot be read is kept aside with its line and why, never dropped.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from rasdesk.authoring.sample_csv import SampleRow, SkippedRow
from rasdesk.domain.decimals import parse_decimal
from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import Questionnaire

NEEDED = ("case_uuid", "questionnaire", "final", "answers")


def looks_like_export(data: bytes) -> bool:
    """A server export (JSON lines, or CSV whose header has case_uuid and final)."""
    head = data.lstrip(b"\xef\xbb\xbf").lstrip()[:4096]
    if head.startswith(b"{"):
        return True
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").split(",")
    return "case_uuid" in first and "final" in first


def _records(data: bytes, source: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text") from None
    if text.lstrip().startswith("{"):
        out = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    row = loads_strict(line)
                except StrictJSONError as exc:
                    raise InputError(f"{source}: line {number} is not JSON ({exc})") from None
                if not isinstance(row, dict):
                    raise InputError(f"{source}: line {number} is not an export row")
                out.append((number, row))
        return out
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [(number, dict(row)) for number, row in enumerate(reader, start=2)]


def read_export_sample(
    data: bytes, q: Questionnaire, source: str
) -> tuple[list[SampleRow], list[SkippedRow]]:
    records = _records(data, source)
    if not records:
        raise InputError(f"{source} is empty: export decided cases first (rasdesk-server export)")
    missing = [c for c in NEEDED if c not in records[0][1]]
    if missing:
        raise InputError(
            f"{source}: the export has no column {', '.join(missing)}: export it again with a "
            "rasdesk-server that records decisions"
        )
    latest: dict[str, tuple[int, dict[str, Any]]] = {}
    for number, row in records:  # oldest first: a later decision replaces an earlier one
        if row.get("questionnaire") == q.id and row.get("final") not in (None, ""):
            latest[str(row["case_uuid"])] = (number, row)
    rows: list[SampleRow] = []
    skipped: list[SkippedRow] = []
    for number, row in latest.values():
        ref = str(row.get("council_ref") or row["case_uuid"])
        try:
            cost = parse_decimal(str(row["final"]))
            answers = loads_strict(str(row["answers"]))
            if not isinstance(answers, dict) or cost < 0:
                raise ValueError("the answers are not an object, or the final budget is below 0")
        except (ValueError, StrictJSONError) as exc:
            skipped.append(SkippedRow(number, ref, (f"cannot be read: {exc}",)))
            continue
        rows.append(SampleRow(number, ref, Decimal(cost), answers))
    if not rows and not skipped:
        raise InputError(
            f'{source} has no decided case of questionnaire "{q.id}": nothing to calibrate on'
        )
    return rows, skipped
