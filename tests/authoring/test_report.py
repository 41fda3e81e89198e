"""The calibration report, read back as a person or a checker would (poppler-utils)."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.authoring.calibrate import Calibration, calibrate
from rasdesk.authoring.report import render_report
from rasdesk.domain.parse import parse_ruleset
from rasdesk.platform.paths import demo_dir
from tests.authoring.test_calibrate import document, sample


def _tool(*argv: str) -> str:
    return subprocess.run(argv, capture_output=True, check=True).stdout.decode("utf-8")


def _text(pdf: Path) -> str:
    return " ".join(_tool("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-").split())


def _calibration() -> Calibration:
    data = document()
    return calibrate(
        parse_ruleset(data),
        data,
        sample(),
        sample_source="S.csv",
        contingency=Decimal("0.05"),
        today=date(2026, 2, 1),
    )


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(render_report(_calibration()))
    return path


def test_the_report_names_the_proposed_rate_and_the_counts(pdf: Path) -> None:
    text = _text(pdf)
    assert "Proposed rate: £4.75 a point (today: £4.20 a point)" in text
    assert "More than 10% more than today 1 25.0%" in text
    assert "Within 10% of today (either way) 2 50.0%" in text
    assert "More than 10% less than today 1 25.0%" in text
    assert "1 of the 4 people (25.0%) would get more than 10% more" in text
    assert "Ratio: total cost ÷ total points £5.0000 a point" in text
    assert "ratio (total cost ÷ total points)" in text


def test_the_report_lists_losers_left_out_rows_and_zero_points(pdf: Path) -> None:
    text = _text(pdf)
    assert "DEMO" not in text
    assert "A3 4 0 £10.00 £0.00 −£10.00 −100.0%" in text
    assert "Rows left out (2)" in text
    assert "6 B1" in text and "7 B2" in text and "sometimes" in text
    assert "1 person scores 0 points. They are kept in the totals" in text
    assert "References: A3." in text
    assert "What their support costs today £165.00" in text


def test_page_numbers_title_language_and_embedded_fonts(pdf: Path) -> None:
    text = _tool("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    pages = [p for p in text.split("\f") if p.strip()]
    assert all(f"Page {i} of {len(pages)}" in p for i, p in enumerate(pages, 1))
    info = _tool("pdfinfo", str(pdf))
    assert "Calibration report" in info
    assert b"/Lang (en-GB)" in pdf.read_bytes()
    rows = _tool("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        cols = row.split()
        assert cols[-5] == "yes", row  # embedded
        assert not cols[0].split("+")[-1].startswith(("Helvetica", "Times", "Courier")), row


def test_the_demo_report_renders(tmp_path: Path) -> None:
    data = (demo_dir() / "demo.ruleset.json").read_bytes()
    csv = (demo_dir() / "calibration-sample.csv").read_bytes()
    c = calibrate(
        parse_ruleset(data),
        data,
        csv,
        sample_source="calibration-sample.csv",
        contingency=Decimal("0.05"),
        today=date(2026, 2, 1),
    )
    path = tmp_path / "demo.pdf"
    path.write_bytes(render_report(c))
    text = _text(path)
    assert f"Proposed rate: £{c.proposed_rate} a point" in text
    for key in ("more", "within", "less"):
        assert f" {c.count(key)} " in text
