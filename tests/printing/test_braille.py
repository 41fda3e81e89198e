"""Braille through liblouis: UEB grade 2 for English, Welsh grade 2 for Welsh, as a
braille-ready file (40 cells a line, 25 lines a page), and a clear message without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.domain.errors import RasdeskError
from rasdesk.printing.braille import CELLS, LINES, braille_document, translate
from rasdesk.printing.case_letter import document_for_case
from tests.printing.conftest import Library


def test_english_is_contracted_in_ueb_grade_2_and_welsh_in_welsh_grade_2() -> None:
    en = translate(["Your indicative budget is £301.20 a week."], "en")[0]
    assert en.startswith(",YR 9DICATIVE")  # "your", "in": UEB grade 2 contractions
    assert "@L#CJA4BJ" in en  # £301.20
    cy = translate(["Eich cyllideb ddangosol yw £301.20 yr wythnos."], "cy")[0]
    assert cy != translate(["Eich cyllideb ddangosol yw £301.20 yr wythnos."], "en")[0]
    assert "CYLLIDEB" in cy and "WY?NOS" in cy  # Welsh grade 2: "th" is one cell


@pytest.mark.parametrize("lang", ["en", "cy", "cy+en"])
def test_a_letter_as_a_braille_ready_file(library: Library, lang: str) -> None:
    doc, _ = document_for_case(library.store, library.samples["person-example"].case_uuid, lang)
    data = braille_document(doc)
    text = data.decode("ascii")
    pages = text.split("\f")
    assert all(len(page.split("\r\n")) <= LINES + 1 for page in pages)
    assert all(len(line) <= CELLS for page in pages for line in page.split("\r\n"))
    if lang != "cy":
        assert ",YR 9DICATIVE P]SONAL BUDGET" in text  # the English title
    if lang != "en":
        assert ",EI* CYLLIDEB B]SONOL DDANGOSOL" in text  # the Welsh title
    if lang == "cy+en":
        assert text.index(",EI* CYLLIDEB") < text.index(",YR 9DICATIVE")  # Welsh first


def test_a_clear_message_without_liblouis(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RasdeskError, match="apt-get install liblouis-bin"):
        translate(["Hello"], "en")
