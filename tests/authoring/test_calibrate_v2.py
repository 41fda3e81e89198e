"""Calibration of a format-2 per-point part (``rasdesk ruleset calibrate --part``).

The hand-worked sample on resources/demo/demo-v2.ruleset.json, part budget.personal_budget
(rate 4.20; washing/dressing none 0 / some 5 / lots 10, every other answer scoring 0):

| row | ref | cost | answers               | points |
|-----|-----|------|-----------------------|--------|
| 2   | B1  | 40   | washing some          | 5      |
| 3   | B2  | 110  | washing+dressing lots | 20     |
| 4   | B3  | 25   | nothing               | 0      |
| 5   | B4  | 65   | washing+dressing some | 10     |
| 6   | B5  | abc  | (bad cost: left out)  | —      |

Σcost = 240, Σpoints = 35 → ratio 240/35 = 6.857… → 6.86.
Σ(cost × points) = 200 + 2200 + 0 + 650 = 3050; Σpoints² = 25 + 400 + 0 + 100 = 525
→ least squares 3050/525 = 5.8095… → 5.81; with 5% contingency 5.519… → 5.52.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.authoring.calibrate_v2 import calibrate_part
from rasdesk.cli import main
from rasdesk.domain.errors import InputError
from rasdesk.domain.parse_v2 import parse_ruleset_v2

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "demo-v2.ruleset.json"
DEMO_V1 = ROOT / "resources" / "demo" / "demo.ruleset.json"
HEAD = (
    "ref,current_weekly_cost,eating_drinking,washing,toilet,dressing,moving,falls,home_tasks,"
    "relationships,activities,getting_out,safety,night_help,nursing,carer_support,carer_willing"
)
REST = "none,none,,none,none,none,none,0,no,none,yes"
SAMPLE = (
    "\n".join(
        [
            HEAD,
            f"B1,40,none,some,none,none,{REST}",
            f"B2,110,none,lots,none,lots,{REST}",
            f"B3,25,none,none,none,none,{REST}",
            f"B4,65,none,some,none,some,{REST}",
            f"B5,abc,none,some,none,some,{REST}",
        ]
    ).encode()
    + b"\n"
)


def _run(**kw: object):  # type: ignore[no-untyped-def]
    data = DEMO.read_bytes()
    return calibrate_part(
        parse_ruleset_v2(data),
        data,
        SAMPLE,
        part="budget.personal_budget",
        today=date(2025, 1, 2),
        **kw,  # type: ignore[arg-type]
    )


def test_ratio_and_least_squares_match_the_hand_worked_sample() -> None:
    c = _run()
    assert (c.used, c.total_cost, c.total_points) == (4, Decimal(240), Decimal(35))
    assert c.old_rate == Decimal("4.20") and c.proposed_rate == Decimal("6.86")
    assert [s.ref for s in c.excluded] == ["B5"]
    assert _run(method="least-squares").proposed_rate == Decimal("5.81")
    assert _run(method="least-squares", contingency=Decimal("0.05")).proposed_rate == Decimal(
        "5.52"
    )


def test_new_document_changes_only_that_parts_rate_and_calibration() -> None:
    c = _run()
    old = json.loads(DEMO.read_bytes())
    new = json.loads(c.document)
    part = new["questionnaires"][0]["amounts"][0]["parts"][0]
    assert part["rate"] == "6.86"
    assert part["calibration"] == {
        "sample_size": 4,
        "sample_weekly_cost": "240.00",
        "sample_points": "35",
        "contingency": "0",
        "date": "2025-01-02",
    }
    old_part = old["questionnaires"][0]["amounts"][0]["parts"][0]
    part["rate"], part["calibration"] = old_part["rate"], old_part["calibration"]
    assert new == old
    again = parse_ruleset_v2(c.document)  # the calibrated document is a valid format-2 ruleset
    assert again.questionnaire_by_id["person"].amounts[0].parts[0].rate == Decimal("6.86")


def test_only_a_per_point_part_can_be_calibrated() -> None:
    with pytest.raises(InputError, match="costed by costed"):
        _run_part("budget.night_support")
    with pytest.raises(InputError, match="is not a part"):
        _run_part("budget.nope")


def _run_part(name: str) -> None:
    data = DEMO.read_bytes()
    calibrate_part(parse_ruleset_v2(data), data, SAMPLE, part=name)


def test_cli_format_2_needs_part_and_writes_the_document(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sample = tmp_path / "s.csv"
    sample.write_bytes(SAMPLE)
    out = tmp_path / "r2.json"
    base = ["ruleset", "calibrate", str(DEMO), "--sample", str(sample)]
    assert main(base) == 2
    assert "--part AMOUNT.PART" in capsys.readouterr().err
    assert main([*base, "--part", "budget.personal_budget", "-o", str(out)]) == 0
    assert "proposed rate: £6.86 a point" in capsys.readouterr().out
    assert (
        json.loads(out.read_bytes())["questionnaires"][0]["amounts"][0]["parts"][0]["rate"]
        == "6.86"
    )


def test_cli_format_1_refuses_part(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sample = ROOT / "resources" / "demo" / "calibration-sample.csv"
    assert main(["ruleset", "calibrate", str(DEMO_V1), "--sample", str(sample), "--part", "x"]) == 2
    assert "format 1" in capsys.readouterr().err


def test_each_person_is_compared_at_the_proposed_rate_by_the_hand_worked_sample() -> None:
    """At £6.86 a point (the part's floor is £25.00): B1 5 × 6.86 = £34.30 against £40
    (−14.3%: less); B2 20 × 6.86 = £137.20 against £110 (+24.7%: more); B3 0 points → the
    floor £25.00 against £25 (within); B4 10 × 6.86 = £68.60 against £65 (+5.5%: within)."""
    report = _run().report
    got = [(p.ref, p.points, p.indicative, p.outcome) for p in report.people]
    assert got == [
        ("B1", Decimal(5), Decimal("34.30"), "less"),
        ("B2", Decimal(20), Decimal("137.20"), "more"),
        ("B3", Decimal(0), Decimal("25.00"), "within"),
        ("B4", Decimal(10), Decimal("68.60"), "within"),
    ]
    assert report.proposed_rate == Decimal("6.86") and report.old_rate == Decimal("4.20")
    assert report.part == "budget.personal_budget"
    assert report.annual_factor == Decimal(52)  # the amount's declared week → year
    assert [s.ref for s in report.excluded] == ["B5"]


def test_a_part_not_stated_a_week_is_refused() -> None:
    doc = json.loads(DEMO.read_bytes())
    amount = doc["questionnaires"][0]["amounts"][0]
    amount["parts"][0]["period"] = "year"
    amount["conversions"].append({"from": "year", "to": "week", "divide": "52"})
    data = json.dumps(doc).encode()
    with pytest.raises(InputError, match="stated a year, but the sample's costs are weekly"):
        calibrate_part(parse_ruleset_v2(data), data, SAMPLE, part="budget.personal_budget")


def test_cli_format_2_report_pdf_read_back(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    sample = tmp_path / "s.csv"
    sample.write_bytes(SAMPLE)
    pdf = tmp_path / "report.pdf"
    args = ["ruleset", "calibrate", str(DEMO), "--sample", str(sample)]
    assert main([*args, "--part", "budget.personal_budget", "--report", str(pdf)]) == 0
    assert f"Wrote the report {pdf}" in capsys.readouterr().out
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        )
        .stdout.decode("utf-8")
        .split()
    )
    assert "Calibration report: the rate per point for “Personal budget” of" in text
    assert "part “budget.personal_budget”" in text
    assert "Proposed rate: £6.86 a point (today: £4.20 a point)" in text
    assert "More than 10% more than today 1 25.0%" in text
    assert "Within 10% of today (either way) 2 50.0%" in text
    assert "More than 10% less than today 1 25.0%" in text
    assert "B1 2 5 £40.00 £34.30 −£5.70 −14.3%" in text  # the one loser, by hand
    assert "What their support costs today £240.00 £12,480.00" in text  # × 52, declared
    assert "Indicative amounts at the proposed rate £265.10" in text
    assert "the figure compared is the amount of the part calibrated" in text
    assert "Rows left out (1)" in text
    # the report already exists: refused before any work, in words
    assert main([*args, "--part", "budget.personal_budget", "--report", str(pdf)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_the_servers_export_is_refused_as_a_sample_for_one_part() -> None:
    export = b"case_uuid,questionnaire,final,answers\n1,person,250.00,{}\n"
    data = DEMO.read_bytes()
    with pytest.raises(InputError, match="the council server's export: its final budgets"):
        calibrate_part(parse_ruleset_v2(data), data, export, part="budget.personal_budget")
    with pytest.raises(InputError, match="server's export"):
        calibrate_part(
            parse_ruleset_v2(data), data, b'{"case_uuid": "x"}\n', part="budget.personal_budget"
        )
