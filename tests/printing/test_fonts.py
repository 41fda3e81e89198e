"""Atkinson Hyperlegible Next for every letter, English and Welsh: an all-Welsh letter with
ŵ and ŷ in the names and the words is set wholly in it (pdffonts), and a character it truly
lacks falls back to DejaVu Sans for that character alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.printing.case_letter import letter_for_case
from rasdesk.printing.render import render
from rasdesk.storage.lifecycle import finalise
from tests.printing.pdfs import Pdf
from tests.storage.helpers import answered_case, new_store

WELSH_NAME = "Llŷr ap Dŵr-Ŵyn Ŷnys"
WELSH_NOTE = "Mae'r tŷ ger y dŵr; mae'n hoffi cŵn a'i ŵyr"


def _welsh_case(tmp_path: Path, name: str = WELSH_NAME, **person: str) -> tuple[object, str]:
    store = new_store(tmp_path)
    case = answered_case(store, name, "person-example", **person)
    store.set_note(case, "washing", WELSH_NOTE)
    store.set_note(case, "general", WELSH_NOTE)
    store.set_notes_on_letter(case, True)
    finalise(store, case)
    return store, case


@pytest.mark.parametrize("style", ["standard", "large", "easy"])
def test_an_all_welsh_letter_with_w_and_y_circumflex_is_set_only_in_atkinson_next(
    tmp_path: Path, style: str
) -> None:
    store, case = _welsh_case(tmp_path, council_ref="GŴYR-ŶW-77")
    letter, _ = letter_for_case(store, case, "cy")  # type: ignore[arg-type]
    pdf = Pdf(render(letter, style), tmp_path / f"cy-{style}.pdf")
    text = pdf.text
    for words in (WELSH_NAME, "GŴYR-ŶW-77", "tŷ ger y dŵr"):
        assert words in text
    fonts = pdf.fonts
    assert fonts, "pdffonts lists no font"
    assert {f["name"].split("+")[-1] for f in fonts} == {
        "AtkinsonHyperlegibleNext-Regular",
        "AtkinsonHyperlegibleNext-Bold",
    }
    assert all(f["emb"] == "yes" for f in fonts)
    store.close()  # type: ignore[attr-defined]


def test_a_character_atkinson_lacks_falls_back_for_that_character_alone(tmp_path: Path) -> None:
    store, case = _welsh_case(tmp_path, name="Nguyễn Ŵyn")  # ễ (U+1EC5): not in Atkinson Next
    letter, _ = letter_for_case(store, case, "cy")  # type: ignore[arg-type]
    pdf = Pdf(render(letter, "standard"), tmp_path / "omega.pdf")
    assert "Nguyễn Ŵyn" in pdf.text
    names = {f["name"].split("+")[-1] for f in pdf.fonts}
    assert "DejaVuSans" in names and "AtkinsonHyperlegibleNext-Regular" in names
    in_dejavu = {c.text for page in pdf.pages for c in page.chars if "DejaVu" in c.font}
    assert in_dejavu == {"ễ"}  # only the missing character, never the rest of the line
    store.close()  # type: ignore[attr-defined]
