"""Letters for a format-2 result (printing/letter_v2.py through the one content model):
the demo format-2 ruleset's parts, funders, periods, costed items, the council's contact
and closing words, read back from the real PDF with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from rasdesk.cli import main
from rasdesk.printing.words import WORDS
from tests.printing.pdfs import norm

DEMO = Path(__file__).resolve().parents[2] / "resources/demo"


def letter(tmp_path: Path, answers: str, *extra: str) -> str:
    out = tmp_path / "letter.pdf"
    code = main(
        [
            "compute",
            "--ruleset", str(DEMO / "demo-v2.ruleset.signed.json"),
            "--trust", str(DEMO / "DEMO-public-key.pem"),
            "--answers", str(DEMO / "answers" / answers),
            "--date", "2026-05-01",
            "--person", "Alex Example",
            "--letter", str(out),
            *extra,
        ]
    )  # fmt: skip
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    return norm(
        subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
    )


def test_person_letter_shows_parts_funders_periods_and_costed_items(tmp_path: Path) -> None:
    text = letter(tmp_path, "../answers-v2/person-example.json")
    assert "Your indicative budget: £822.08 a week" in text
    assert "Night support, paid by the council: £285.00 a week" in text
    assert "NHS-funded nursing care, paid by the NHS: £235.88 a week" in text
    assert "Paid by the council: £301.20 + £285.00 = £586.20 a week." in text
    assert "This money is not the council's: it is shown separately." in text
    assert "Sleep-in nights: 3 nights a week × £95.00 a night = £285.00." in text
    assert text.count("phone 01632 960999") == 1  # the council's contact, once, under questions
    assert WORDS["en"]["next_3"] in text  # charges do apply to this person's support


def test_carer_one_off_letter_in_welsh_easy_read_has_the_councils_closing_words(
    tmp_path: Path,
) -> None:
    text = letter(tmp_path, "carer-example.json", "--language", "cy", "--style", "easy")
    # Easy read: "£250", not "£250.00" (printing/easy.whole_pounds)
    assert "Eich cyllideb gofalwr: £250 fel taliad untro (am y 12 mis nesaf)" in text
    assert "seibiannau a phethau sy'n eich helpu i barhau i ofalu" in text
    assert WORDS["cy"]["next.easy_4"] not in text  # carers are not charged here
    assert "nid oes asesiad ariannol" in text


def test_letter_is_refused_for_format_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "compute",
            "--ruleset", str(DEMO / "demo.ruleset.signed.json"),
            "--trust", str(DEMO / "DEMO-public-key.pem"),
            "--answers", str(DEMO / "answers" / "person-example.json"),
            "--letter", str(tmp_path / "x.pdf"),
        ]
    )  # fmt: skip
    assert code == 2 and "rasdesk print CASE_ID" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
