"""``rasdesk-server report variance`` on 1,000 generated decided cases (scripts/
generate_decided_cases.py): every figure checked against an independent calculation from
the export (``statistics`` on exact fractions), and the PDF read back with pdftotext.
Also the export's plan-and-decision columns."""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from rasdesk.server.decisions import EXPORT_COLUMNS
from rasdesk.server.export import COLUMNS
from tests.support_server import export_rows, server_cli

ROOT = Path(__file__).resolve().parents[2]
N = 1000


def generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "gen", ROOT / "scripts" / "generate_decided_cases.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('variance') / 'council.db'}"
    generator().generate(url, N, seed=7)
    return url


def pct(share: Fraction) -> str:
    return str(
        (Decimal(share.numerator) / Decimal(share.denominator) * 100).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )
    )


def test_figures_agree_with_an_independent_calculation(council: str, tmp_path: Path) -> None:
    rows = export_rows(council)
    assert len(rows) == 3 * N and set(EXPORT_COLUMNS) <= set(COLUMNS) <= set(rows[0])
    latest: dict[str, dict[str, Any]] = {}
    for r in rows:  # oldest first: the last decided version of each case wins
        if r["final"] is not None:
            latest[r["case_uuid"]] = r
    assert len(latest) == N
    shares = sorted(Fraction(r["final"]) / Fraction(r["indicative"]) - 1 for r in latest.values())
    for r in latest.values():
        assert Decimal(r["variance"]) == Decimal(r["final"]) - Decimal(r["indicative"])
    done = server_cli("report", "variance", "--database", council, "--json")
    doc = json.loads(done.stdout)
    [g] = doc["groups"]
    q1, q2, q3 = statistics.quantiles(shares, n=4, method="inclusive")
    assert g["cases"] == N and doc["cases"] == N
    assert g["median_percent"] == pct(statistics.median(shares)) == pct(q2)
    assert (g["lower_quartile_percent"], g["upper_quartile_percent"]) == (pct(q1), pct(q3))
    assert (g["least_percent"], g["most_percent"]) == (pct(shares[0]), pct(shares[-1]))
    within = sum(1 for s in shares if abs(s) <= Fraction(1, 10))
    assert g["within_10_percent"] == within and g["share_within_10_percent"] == pct(
        Fraction(within, N)
    )
    assert (g["above"], g["below"]) == (sum(s > 0 for s in shares), sum(s < 0 for s in shares))
    assert Decimal(g["total_final"]) == sum(Decimal(r["final"]) for r in latest.values())
    furthest = sorted(
        latest.values(),
        key=lambda r: (-abs(Fraction(r["final"]) / Fraction(r["indicative"]) - 1), r["case_uuid"]),
    )
    assert [f["case_uuid"] for f in g["furthest"]] == [r["case_uuid"] for r in furthest[:10]]
    by_area: dict[str, list[Fraction]] = defaultdict(list)
    for r in latest.values():
        for area in r["need_areas"]:
            by_area[area].append(Fraction(r["final"]) / Fraction(r["indicative"]) - 1)
    assert set(g["by_need_area"]) == set(by_area)
    for area, values in by_area.items():
        mine = g["by_need_area"][area]
        assert mine["cases"] == len(values) and mine["median_percent"] == pct(
            statistics.median(values)
        )
    categories = defaultdict(int)
    for r in latest.values():
        categories[r["reason_category"]] += 1
    assert {k: v["cases"] for k, v in g["by_reason_category"].items()} == categories

    pdf = tmp_path / "variance.pdf"
    server_cli("report", "variance", "--database", council, "-o", pdf)
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert (
        f"{g['median_percent']}%" in text and f"{within} ({g['share_within_10_percent']}%)" in text
    )
    assert g["furthest"][0]["council_ref"] in text and "By need area" in text


def test_filters_and_bad_input(council: str, tmp_path: Path) -> None:
    none = json.loads(
        server_cli(
            "report", "variance", "--database", council, "--json", "--ruleset", "other"
        ).stdout
    )
    assert none["cases"] == 0 and none["groups"] == []
    later = json.loads(
        server_cli(
            "report", "variance", "--database", council, "--json", "--since", "2999-01-01"
        ).stdout
    )
    assert later["cases"] == 0
    same = json.loads(
        server_cli(
            "report",
            "variance",
            "--database",
            council,
            "--json",
            "--ruleset",
            "demo-council-ras@2026.1",
        ).stdout
    )
    assert same["cases"] == N
    done = server_cli("report", "variance", "--database", council, check=False)
    assert done.returncode == 2 and "-o REPORT.pdf, or --json" in done.stderr
    done = server_cli(
        "report", "variance", "--database", council, "--json", "--since", "yesterday", check=False
    )
    assert done.returncode == 2 and "--since" in done.stderr
