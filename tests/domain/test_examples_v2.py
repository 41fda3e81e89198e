"""The four example rulesets of resources/examples/: ``rasdesk compute`` reproduces every
line of each ``expected.jsonl`` to the penny, the signed file is the signed JSON file,
and every example has its README with worked examples."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.cli import main
from rasdesk.domain.expect_v2 import differences
from rasdesk.domain.signing import read_envelope

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "resources/examples").iterdir() if p.is_dir())
DEMO_KEY = ROOT / "resources/demo/DEMO-public-key.pem"


def _files(folder: Path) -> tuple[Path, Path, Path]:
    (plain,) = folder.glob("*.ruleset.json")
    signed = plain.with_name(plain.name.replace(".ruleset.json", ".ruleset.signed.json"))
    return plain, signed, folder / "expected.jsonl"


def test_there_are_four_examples() -> None:
    assert [p.name[0] for p in EXAMPLES] == ["a", "b", "c", "d"]


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_compute_reproduces_every_expected_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, signed, expected = _files(folder)
    assert read_envelope(signed.read_bytes(), str(signed)).payload == plain.read_bytes()
    code = main(
        [
            "compute",
            "--ruleset", str(signed),
            "--trust", str(DEMO_KEY),
            "--answers", str(expected),
            "--date", "2026-05-01",
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [json.loads(x) for x in expected.read_text("utf-8").splitlines() if x.strip()]
    results = [json.loads(x) for x in out.splitlines()]
    assert len(results) == len(lines) >= 3
    for line, result in zip(lines, results, strict=True):
        assert line["expect"], "each line expects something"
        assert differences(result, line["expect"]) == []
        for amount in result["amounts"]:  # every rounded figure is to the penny
            for key in ("council", "total"):
                assert len(amount[key].split(".")[1]) == 2


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_readme_has_worked_examples(folder: Path) -> None:
    readme = (folder / "README.md").read_text("utf-8")
    lines = [json.loads(x) for x in (folder / "expected.jsonl").read_text("utf-8").splitlines()]
    assert "## Worked examples" in readme
    for line in lines:  # every expected total appears in the README's hand working
        for path, value in line["expect"].items():
            if path.endswith(".total") and ".points." not in path and value != "0.00":
                shown = f"£{Decimal(value):,.2f}"
                assert shown in readme, f"{folder.name}: {path} = {value} not worked in README"


def test_a_wrong_expectation_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain, signed, expected = _files(EXAMPLES[0])
    line = json.loads(expected.read_text("utf-8").splitlines()[0])
    line["expect"] = {"budget.total": "999.99", "budget.nothing": "1"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(line) + "\n", "utf-8")
    code = main(
        [
            "compute",
            "--ruleset",
            str(signed),
            "--trust",
            str(DEMO_KEY),
            "--answers",
            str(bad),
            "--date",
            "2026-05-01",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "$.expect.budget.total: expected '999.99', computed '150.00'" in err
    assert "$.expect.budget.nothing: the result has nothing at this path" in err
