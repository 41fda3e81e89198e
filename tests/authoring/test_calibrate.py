"""Calibration of the rate per point: exact sums, both methods, listed rows, R2, the CLI.

The hand-worked sample, on ``tests.domain.builders.minimal_doc()``:
Points (washing none 0 / some 4 / all 8; tasks shopping 2 + cleaning 1.5; nights ≥ 3 → 5):

| row | ref | cost  | answers                           | points |
|-----|-----|-------|-----------------------------------|--------|
| 2   | A1  | 30    | some, shopping, 0 nights          | 6      |
| 3   | A2  | 80.00 | all, shopping+cleaning, 3 nights  | 16.5   |
| 4   | A3  | 10    | none, nothing, 1 night            | 0      |
| 5   | A4  | 45    | some, cleaning, 4 nights          | 10.5   |

Σcost = 165, Σpoints = 33 → ratio 5 exactly; × 0.95 → 4.75.
Σ(cost × points) = 180 + 1320 + 0 + 472.5 = 1972.5; Σ(points²) = 36 + 272.25 + 0 + 110.25
= 418.5 → least squares 1972.5 / 418.5 = 1315/279 (4.7132…); × 0.95 → 4.4776… → 4.48.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from rasdesk.authoring.calibrate import (
    Person,
    calibrate,
    parse_contingency,
    round_half_up_pence,
    to_decimal,
)
from rasdesk.cli import main
from rasdesk.commands import calibrate_cmds
from rasdesk.commands import ruleset as ruleset_cmds
from rasdesk.domain.errors import InputError
from rasdesk.domain.parse import parse_ruleset
from tests.domain.builders import minimal_doc

TODAY = date(2026, 2, 1)

HEADER = "ref,current_weekly_cost,washing,tasks,nights,notes\n"
GOOD = (
    "A1,30,some,shopping,0,\n"
    'A2,80.00,all,shopping|cleaning,3,"lives alone, likes the radio"\n'
    "A3,10,none,,1,\n"
    "A4,45,some,cleaning,4,\n"
)
#: Rows 6 and 7: an unknown option and an out-of-range number; a cost with a £ sign.
BAD = "B1,12,sometimes,shopping,9,\nB2,£12,some,,0,\n"


def sample(rows: str = GOOD + BAD) -> bytes:
    return (HEADER + rows).encode("utf-8")


def document() -> bytes:
    """minimal_doc() written as rasdesk writes R2 (indent 2), so R2 differs only where it must."""
    return (json.dumps(minimal_doc(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def run(rows: str = GOOD + BAD, doc: bytes | None = None, **kw: object):  # type: ignore[no-untyped-def]
    data = doc if doc is not None else document()
    kw.setdefault("today", TODAY)
    return calibrate(parse_ruleset(data), data, sample(rows), sample_source="S.csv", **kw)  # type: ignore[arg-type]


def test_ratio_is_exactly_total_cost_over_total_points() -> None:
    c = run()
    assert c.total_cost == Decimal("165") and c.total_points == Decimal("33")
    assert c.ratio_exact == Fraction(5)
    assert to_decimal(c.ratio_exact) == (Decimal("5"), True)
    assert c.proposed_rate == Decimal("5.00")
    assert str(c.proposed_rate) == "5.00"


def test_contingency_multiplies_by_one_minus_it() -> None:
    c = run(contingency=Decimal("0.05"))
    assert c.chosen_exact == Fraction(475, 100)
    assert c.proposed_rate == Decimal("4.75")


def test_least_squares_through_the_origin_exactly() -> None:
    c = run(method="least-squares", contingency=Decimal("0.05"))
    assert c.sum_cost_points == Decimal("1972.5") and c.sum_points_squared == Decimal("418.5")
    assert c.least_squares_exact == Fraction(1315, 279)
    assert c.chosen_exact == Fraction(1315, 279) * Fraction(95, 100)
    value, exact = to_decimal(c.chosen_exact)
    assert not exact and str(value).startswith("4.4775985")
    assert c.proposed_rate == Decimal("4.48")


def test_a_repeating_ratio_is_kept_exact_and_rounded_once_half_up() -> None:
    rows = GOOD.replace("A4,45,", "A4,50,")  # Σcost 170 / 33 = 5.1515…
    c = run(rows)
    assert c.ratio_exact == Fraction(170, 33)
    assert c.proposed_rate == Decimal("5.15")
    assert round_half_up_pence(Fraction(4445, 1000)) == Decimal("4.45")
    assert round_half_up_pence(Fraction(4444999, 1000000)) == Decimal("4.44")


def test_bad_rows_are_listed_with_row_numbers_and_left_out_of_the_sums() -> None:
    c = run()
    assert [(s.row, s.ref) for s in c.excluded] == [(6, "B1"), (7, "B2")]
    b1, b2 = c.excluded
    assert any("washing" in p and "sometimes" in p for p in b1.problems)
    assert any("nights" in p and "above the largest" in p for p in b1.problems)
    assert any("current_weekly_cost" in p for p in b2.problems)
    assert [p.ref for p in c.people] == ["A1", "A2", "A3", "A4"]
    assert len(c.people) + len(c.excluded) == 6


def test_zero_point_rows_stay_in_the_sums_and_are_listed() -> None:
    c = run()
    assert [p.ref for p in c.zero_points] == ["A3"]
    assert c.total_cost == Decimal("165")  # A3's £10 counts


def test_every_person_is_computed_again_under_the_new_rate() -> None:
    c = run(contingency=Decimal("0.05"))
    amounts = {p.ref: p.indicative for p in c.people}
    assert amounts == {
        "A1": Decimal("28.50"),  # 6 × 4.75
        "A2": Decimal("78.38"),  # 16.5 × 4.75 = 78.375, rounded half up
        "A3": Decimal("0.00"),
        "A4": Decimal("49.88"),  # 10.5 × 4.75 = 49.875
    }
    outcomes = {p.ref: p.outcome for p in c.people}
    # A4: 45 → 49.88 is +10.8%, more than 10% more; A3 scores 0 and gets nothing.
    assert outcomes == {"A1": "within", "A2": "within", "A3": "less", "A4": "more"}
    assert c.count("less") == 1 and c.count("within") == 2 and c.count("more") == 1
    assert [p.ref for p in c.biggest_losers()] == ["A3", "A2", "A1"]  # −10, −1.62, −1.50


def test_ten_percent_exactly_is_within() -> None:
    assert Person(2, "x", Decimal("100"), Decimal("1"), Decimal("110.00")).outcome == "within"
    assert Person(2, "x", Decimal("100"), Decimal("1"), Decimal("90.00")).outcome == "within"
    assert Person(2, "x", Decimal("100"), Decimal("1"), Decimal("110.01")).outcome == "more"
    assert Person(2, "x", Decimal("100"), Decimal("1"), Decimal("89.99")).outcome == "less"
    assert Person(2, "x", Decimal("0"), Decimal("0"), Decimal("25.00")).outcome == "more"


def test_r2_validates_and_carries_the_calibration_block() -> None:
    original = document()
    c = run(contingency=Decimal("0.05"))
    r2 = parse_ruleset(c.document)
    alloc = r2.questionnaire_by_id["person"].allocation
    assert alloc.rate == Decimal("4.75")
    assert alloc.calibration is not None
    assert alloc.calibration.sample_size == 4
    assert alloc.calibration.sample_weekly_cost == Decimal("165.00")
    assert alloc.calibration.sample_points == Decimal("33")
    assert alloc.calibration.contingency == Decimal("0.05")
    assert alloc.calibration.date == "2026-02-01"
    raw = json.loads(c.document)["questionnaires"][0]["allocation"]
    assert raw["rate"] == "4.75" and raw["calibration"]["sample_weekly_cost"] == "165.00"
    # Everything else is kept byte for byte: only the rate line changes, and the block is added.
    old_lines, new_lines = original.decode().splitlines(), c.document.decode().splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=False) if a != b]
    assert changed[0] == ('        "rate": "4.20",', '        "rate": "4.75",')
    assert c.new_ruleset is not None and c.new_ruleset.sha256 != c.ruleset.sha256


def test_csv_with_a_byte_order_mark_and_crlf_reads_the_same() -> None:
    data = document()
    bom = b"\xef\xbb\xbf" + (HEADER + GOOD).replace("\n", "\r\n").encode()
    c = calibrate(parse_ruleset(data), data, bom, sample_source="S.csv", today=TODAY)
    assert c.total_cost == Decimal("165") and not c.excluded


def test_file_problems_name_the_file_row_and_column() -> None:
    with pytest.raises(InputError) as exc:
        calibrate(
            parse_ruleset(document()),
            document(),
            b"ref,current_weekly_cost,washing,bathing\nA,1,some,x\n",
            sample_source="S.csv",
        )
    text = str(exc.value)
    assert "S.csv" in text and "row 1, column 4" in text and "bathing" in text
    with pytest.raises(InputError) as exc:
        calibrate(
            parse_ruleset(document()), document(), b"ref,washing\nA,some\n", sample_source="S.csv"
        )
    assert "S.csv" in str(exc.value) and 'no "current_weekly_cost" column' in str(exc.value)
    with pytest.raises(InputError, match=r"S\.csv: row 2 is not UTF-8"):
        calibrate(
            parse_ruleset(document()),
            document(),
            b"ref,current_weekly_cost,washing\nA,1,caf\xe9\n",
            sample_source="S.csv",
        )


def test_empty_sample_and_no_usable_rows_are_errors() -> None:
    with pytest.raises(InputError, match="empty"):
        calibrate(parse_ruleset(document()), document(), b"", sample_source="S.csv")
    with pytest.raises(InputError, match="no rows"):
        run(rows="")
    with pytest.raises(InputError, match="no usable rows") as exc:
        run(rows=BAD)
    assert [p.path for p in exc.value.problems] == ["row 2", "row 3"]
    with pytest.raises(InputError, match="0 points in all"):
        run(rows="Z1,10,none,,0,\n")


def test_a_table_questionnaire_cannot_be_calibrated() -> None:
    doc = minimal_doc()
    alloc = doc["questionnaires"][0]["allocation"]
    del alloc["rate"]
    alloc["method"] = "table"
    alloc["table"] = [{"from_points": 0, "amount": "0.00"}, {"from_points": 5, "amount": "50.00"}]
    data = json.dumps(doc).encode()
    with pytest.raises(InputError, match="only applies to per_point"):
        calibrate(parse_ruleset(data), data, sample(), sample_source="S.csv")
    with pytest.raises(InputError, match='no questionnaire "carer"'):
        run(questionnaire="carer")


def test_contingency_must_be_a_fraction_below_one() -> None:
    assert parse_contingency("0.05") == Decimal("0.05")
    for bad in ("1", "5%", "-0.1", "1.5"):
        with pytest.raises(InputError):
            parse_contingency(bad)


def test_the_demo_sample_calibrates() -> None:
    from rasdesk.platform.paths import demo_dir

    data = (demo_dir() / "demo.ruleset.json").read_bytes()
    csv = (demo_dir() / "calibration-sample.csv").read_bytes()
    c = calibrate(parse_ruleset(data), data, csv, contingency=Decimal("0.05"), today=TODAY)
    assert len(c.people) + len(c.excluded) == 120
    assert [s.row for s in c.excluded] == [42, 89]
    assert c.ratio_exact == Fraction(c.total_cost) / Fraction(c.total_points)
    assert c.proposed_rate == round_half_up_pence(c.ratio_exact * Fraction(95, 100))


# --- the command -----------------------------------------------------------------------


def wire_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Add calibrate/diff to ``rasdesk ruleset`` until cli.py wires them itself."""
    original = ruleset_cmds.register

    def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
        original(sub)
        parser = sub.choices["ruleset"]
        rsub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "calibrate" not in rsub.choices:
            calibrate_cmds.register(rsub)

    monkeypatch.setattr(ruleset_cmds, "register", register)


@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch) -> None:
    wire_commands(monkeypatch)


def cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    r = tmp_path / "R.json"
    r.write_bytes(document())
    s = tmp_path / "S.csv"
    s.write_bytes(sample(GOOD + BAD))
    return r, s


def test_calibrate_writes_r2_and_report(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r, s = files
    r2, pdf = tmp_path / "R2.json", tmp_path / "report.pdf"
    args = (
        "ruleset",
        "calibrate",
        r,
        "--sample",
        s,
        "--contingency",
        "0.05",
        "-o",
        r2,
        "--report",
        pdf,
    )
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    assert "ratio (cost ÷ points): £5.0000 a point" in out
    assert "proposed rate: £4.75 a point" in out
    assert "more than 10% less: 1 (25.0%)" in out
    assert "row 6 (B1): column washing" in out and "row 7 (B2)" in out
    assert "scoring 0 points (kept: cost counts, points add nothing): A3" in out
    assert parse_ruleset(r2.read_bytes()).questionnaire_by_id["person"].allocation.rate is not None
    assert json.loads(r2.read_bytes())["questionnaires"][0]["allocation"]["rate"] == "4.75"
    assert pdf.read_bytes().startswith(b"%PDF-")
    # Outputs are not overwritten without --force, and nothing is computed first.
    code, _, err = cli(capsys, *args)
    assert code == 2 and "already exists" in err
    code, _, err = cli(capsys, *args, "--force")
    assert code == 0, err


def test_least_squares_method(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    r, s = files
    code, out, _ = cli(
        capsys, "ruleset", "calibrate", r, "--sample", s, "--method", "least-squares"
    )
    assert code == 0
    assert "least squares through the origin: ≈ £4.7133 a point" in out
    assert "proposed rate: £4.71 a point" in out


def test_bad_input_is_exit_2(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r, _ = files
    bad = tmp_path / "bad.csv"
    bad.write_bytes(sample(BAD))
    code, _, err = cli(capsys, "ruleset", "calibrate", r, "--sample", bad)
    assert code == 2 and "no usable rows" in err and "row 2" in err
    code, _, err = cli(capsys, "ruleset", "calibrate", r, "--sample", tmp_path / "none.csv")
    assert code == 2 and "none.csv" in err
    code, _, err = cli(
        capsys, "ruleset", "calibrate", r, "--sample", files[1], "--contingency", "5%"
    )
    assert code == 2 and "--contingency" in err
