"""A part another body funds (the NHS) whose ``when`` does not hold does not apply
(docs/ruleset-v2.md §5): the letter, read back from the real PDF with pdftotext, lists no
"Paid by the NHS: £0.00" and adds no "+ £0.00" for it; it says once, in one line, that the
part does not apply, and why (the question and the answer it needs). Where it applies, its
own line is kept. ``rasdesk compute --json``
(the auditor's record) still carries every part and funder, unchanged."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rasdesk.cli import main
from tests.printing.pdfs import norm

DEMO = Path(__file__).resolve().parents[2] / "resources/demo"
EXAMPLE = DEMO / "answers-v2" / "person-example.json"
OFF = "NHS-funded nursing care: this part does not apply to you, so it is £0.00."


def answers(tmp_path: Path, nursing: str) -> Path:
    doc = json.loads(EXAMPLE.read_text())
    doc["answers"]["nursing"] = nursing
    path = tmp_path / f"nursing-{nursing}.json"
    path.write_text(json.dumps(doc))
    return path


def compute(path: Path, *extra: str) -> int:
    return main(
        [
            "compute",
            "--ruleset", str(DEMO / "demo-v2.ruleset.signed.json"),
            "--trust", str(DEMO / "DEMO-public-key.pem"),
            "--answers", str(path),
            "--date", "2026-05-01",
            *extra,
        ]
    )  # fmt: skip


def letter(tmp_path: Path, nursing: str, *extra: str) -> str:
    out = tmp_path / f"letter-{nursing}-{len(list(tmp_path.glob('*.pdf')))}.pdf"
    code = compute(
        answers(tmp_path, nursing), "--person", "Alex Example", "--letter", str(out), *extra
    )
    assert code == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True)
    return norm(text.stdout)


def test_an_nhs_part_that_does_not_apply_has_no_funder_line(tmp_path: Path) -> None:
    text = letter(tmp_path, "no")
    assert "Paid by the NHS" not in text
    assert "This money is not the council's" not in text
    assert "paid by the NHS" not in text  # nor its heading: who would have paid
    assert "Your indicative budget: £586.20 a week." in text  # no "£586.20 + £0.00 ="
    assert "+ £0.00 = £586.20" not in text
    assert "Paid by the council: £301.20 + £285.00 = £586.20 a week." in text
    assert text.count(OFF) == 1  # said once, in one line


def test_an_nhs_part_that_applies_keeps_its_own_line(tmp_path: Path) -> None:
    text = letter(tmp_path, "yes")
    assert "NHS-funded nursing care, paid by the NHS: £235.88 a week" in text
    assert "Paid by the NHS: £235.88 a week." in text
    assert "This money is not the council's: it is shown separately." in text
    assert "Your indicative budget in all: £586.20 + £235.88 = £822.08 a week." in text
    assert OFF not in text


def test_in_welsh_and_easy_read_too(tmp_path: Path) -> None:
    text = letter(tmp_path, "no", "--language", "cy")
    assert "Yn cael ei dalu gan y GIG" not in text and "+ £0.00 = £586.20" not in text
    assert "Eich cyllideb ddangosol: £586.20 yr wythnos." in text
    easy = letter(tmp_path, "no", "--style", "easy")
    assert "NHS" not in easy.replace("NHS-funded nursing care: this part is not for you", "")


def test_compute_json_keeps_every_part_and_funder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert compute(answers(tmp_path, "no"), "--json") == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    amount = result["amounts"][0]
    assert amount["funders"] == {"council": "586.20", "nhs": "0.00"}
    nursing = next(p for p in amount["parts"] if p["funder"] == "nhs")
    assert nursing["applies"] is False and nursing["amount"] == "0.00"
    said = [s["text"] for s in result["explanation"]]
    assert "Paid by the NHS: £0.00 a week." in said  # the engine's record, as it was


WHY = (
    "It applies only when the answer to “Does a registered nurse need to be involved in "
    "your care?” is “Yes”."
)
WHY_CY = (
    "Dim ond pan fydd yr ateb i “Oes angen i nyrs gofrestredig fod yn rhan o'ch gofal?” "
    "yn “Oes” y mae'r rhan hon yn berthnasol."
)


def test_the_line_says_why_in_the_rulesets_own_words(tmp_path: Path) -> None:
    text = letter(tmp_path, "no")
    assert text.count(f"{OFF} {WHY}") == 1  # why, from the question and option
    welsh = letter(tmp_path, "no", "--language", "cy")
    assert welsh.count(WHY_CY) == 1
    assert WHY not in letter(tmp_path, "yes")
