"""Issue 14 item 14: a workbook is read within bounds — one far-away cell costs one cell,
too many cells are refused before openpyxl builds them — and writing a workbook is linear
(it no longer asks the sheet for its last row once per row)."""

from __future__ import annotations

import cProfile
import io
import pstats
import tracemalloc
import zipfile

import openpyxl
import pytest

from rasdesk.authoring import workbook_sheets
from rasdesk.authoring.workbook import build_ruleset, export_ruleset
from rasdesk.domain.errors import InputError
from rasdesk.platform.paths import demo_dir
from tests.fuzz.hostile import workbook_cells

DEMO_DOC = (demo_dir() / "demo.ruleset.json").read_bytes()


def test_one_cell_at_xfd1048576_costs_one_cell() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(export_ruleset(DEMO_DOC)))
    wb["questions"]["XFD1048576"] = "far away"
    out = io.BytesIO()
    wb.save(out)
    assert len(out.getvalue()) < 40_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as exc:
            build_ruleset(out.getvalue(), "far.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "questions!XFD1" in str(exc.value) and "values but no name in row 1" in str(exc.value)
    assert peak < 200 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"  # was past 8 GB


def test_too_many_cells_refused_before_reading() -> None:
    data = workbook_cells(workbook_sheets.MAX_CELLS + 10_000)
    assert len(data) < 600_000  # small on disk (like the 430 KB one of the issue), huge in memory
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="holds more than 500,000 cells"):
            build_ruleset(data, "cells.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_zip_bomb_refused() -> None:
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh,
    ):
        for _ in range(workbook_sheets.MAX_UNPACKED // (1 << 20) + 1):
            fh.write(b" " * (1 << 20))
    with pytest.raises(InputError, match="unpacks to more than 256 MiB"):
        build_ruleset(buf.getvalue(), "bomb.xlsx")


def test_export_asks_for_the_last_row_once_per_sheet_not_per_row() -> None:
    profile = cProfile.Profile()
    profile.enable()
    export_ruleset(DEMO_DOC)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    calls = sum(v[1] for k, v in stats.items() if k[2] == "max_row")
    rows = sum(len(ws["A"]) for ws in openpyxl.load_workbook(io.BytesIO(export_ruleset(DEMO_DOC))))
    assert calls < rows / 4, (calls, rows)  # per row, it made the export quadratic
