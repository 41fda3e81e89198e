"""Letters through a case's life and through ``rasdesk print``: a draft then the same case
finalised, the person's agreement to their notes given and taken back, the default style
from the recorded format needs. Fonts: test_fonts.py."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from rasdesk.platform.paths import demo_dir
from rasdesk.printing.case_letter import letter_for_case
from rasdesk.printing.render import render
from rasdesk.storage.lifecycle import finalise
from rasdesk.storage.store import CaseStore
from tests.cli.helpers import run
from tests.printing.pdfs import Pdf
from tests.storage.helpers import answered_case, new_store

DEMO = demo_dir()
SIGNED, KEY = DEMO / "demo.ruleset.signed.json", DEMO / "DEMO-public-key.pem"


def letter_pdf(
    store: CaseStore, case: str, style: str, folder: Path, lang: str | None = None
) -> Pdf:
    letter, _ = letter_for_case(store, case, lang)
    n = len(list(folder.glob("*.pdf")))
    return Pdf(render(letter, style), folder / f"letter-{n}.pdf")


def test_a_draft_then_the_same_case_finalised(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    case = answered_case(store, "Gwen Morgan", "person-high-needs")
    for style in ("standard", "large", "easy"):
        draft = letter_pdf(store, case, style, tmp_path)
        assert all("DRAFT" in page for page in draft.pages_text)
        assert "Draft: the figure may still change" in draft.pages_text[0]
    finalise(store, case)
    for style in ("standard", "large", "easy"):
        final = letter_pdf(store, case, style, tmp_path)
        assert not any("DRAFT" in page for page in final.pages_text)
        assert "Assessment completed on " in final.pages_text[0]
        # Sign-off stands beside the figure, so "completed" is not read as "agreed".
        sign_off = (
            "A senior manager must agree this budget."
            if style == "easy"
            else "a senior manager must agree it"
        )
        assert sign_off in " ".join(final.pages_text[0].split())
        assert "£620.40" in final.pages_text[0]
    store.close()


def test_notes_follow_the_person_s_agreement(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    case = answered_case(store, "Gwen Morgan", "person-example")
    store.set_note(case, "moving", "Wobbly on the third stair, wants a rail")
    store.set_note(case, "general", "Speak to my daughter Ffion first")
    notes = ("Wobbly on the third stair, wants a rail", "Speak to my daughter Ffion first")

    def shown(lang: str = "en") -> list[bool]:
        return [
            all(n in letter_pdf(store, case, style, tmp_path, lang).text for n in notes)
            for style in ("standard", "large", "easy")
        ]

    assert shown() == [False] * 3  # recorded, but no agreement yet
    store.set_notes_on_letter(case, True)
    assert shown() == [True] * 3
    assert shown("cy") == [True] * 3  # the person's own words, as they said them
    store.set_notes_on_letter(case, False)  # agreement taken back
    assert shown() == [False] * 3
    store.set_notes_on_letter(case, True)
    finalise(store, case)
    assert shown() == [True] * 3  # a finalised letter keeps the notes it froze
    store.set_notes_on_letter(case, False)
    assert shown() == [False] * 3
    store.close()


# --- rasdesk print ----------------------------------------------------------------------
def new_case(capsys: pytest.CaptureFixture[str], *extra: str | Path) -> str:
    code, out, err = run(
        capsys,
        "case",
        "new",
        "--name",
        "Rhys Bowen",
        "--answers",
        DEMO / "answers" / "person-example.json",
        *extra,
    )
    assert code == 0, err
    return out.strip()


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize(
    ("needs", "style", "smallest", "intro"),
    [
        (None, "standard", 14, "These are the answers you gave"),
        ("large_print", "large", 18, "These are the answers you gave"),
        ("easy_read", "easy", 16, "These are your answers."),
        ("large_print,easy_read", "easy", 16, "These are your answers."),
    ],
)
def test_print_uses_the_style_the_format_needs_call_for(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    needs: str | None,
    style: str,
    smallest: float,
    intro: str,
) -> None:
    case = new_case(capsys, "--finalise", *(["--format-needs", needs] if needs else []))
    out_file = tmp_path / "letter.pdf"
    code, out, err = run(capsys, "print", case[:8], "-o", out_file)
    assert code == 0, err
    assert f"Letter for case {case[:8]} ({style}, en)" in out and "£301.20 a week" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600  # personal data: the user's only
    pdf = Pdf(out_file.read_bytes(), tmp_path / "copy.pdf")
    assert intro in pdf.text and "£301.20" in pdf.pages_text[0]
    assert min(c.size for p in pdf.pages for c in p.chars) >= smallest - 0.01
    has_pictures = any(g["object_type"] == "curve" for p in pdf.pages for g in p.graphics)
    assert has_pictures == (style == "easy")


@pytest.mark.usefixtures("installed")
def test_print_style_and_language_options_and_no_clobbering(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = new_case(capsys, "--format-needs", "easy_read", "--language", "cy")
    out_file = tmp_path / "llythyr.pdf"
    code, out, _ = run(capsys, "print", case, "--style", "large", "-o", out_file)
    assert code == 0 and f"DRAFT letter for case {case[:8]} (large, cy)" in out
    pdf = Pdf(out_file.read_bytes(), tmp_path / "copy.pdf")
    assert pdf.lang == "cy-GB" and "DRAFFT — nid penderfyniad" in pdf.pages_text[-1]
    assert min(c.size for p in pdf.pages for c in p.chars) >= 18 - 0.01
    before = out_file.read_bytes()
    code, _, err = run(capsys, "print", case, "--language", "en", "-o", out_file)
    assert code == 2 and "already exists" in err and out_file.read_bytes() == before
    code, out, _ = run(capsys, "print", case, "--language", "en", "-o", out_file, "--force")
    assert code == 0 and "(easy, en)" in out
    pdf = Pdf(out_file.read_bytes(), tmp_path / "copy2.pdf")
    assert pdf.lang == "en-GB" and "DRAFT. This is not the final answer yet." in pdf.text


@pytest.mark.usefixtures("installed")
def test_print_refuses_a_draft_with_answers_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "case", "new", "--name", "Half Done")
    case = out.strip()
    assert run(capsys, "case", "answer", case, "washing", "all")[0] == 0
    code, _, err = run(capsys, "print", case, "-o", tmp_path / "x.pdf")
    assert code == 2 and "has no answer" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.usefixtures("installed")
def test_print_a_bilingual_accessible_copy_audio_and_braille(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``--language cy+en``: every section in Welsh, then English; ``--accessible`` writes
    the tagged copy, ``--audio`` and ``--braille`` the same words to listen to or feel."""
    case = new_case(capsys, "--finalise", "--language", "cy")
    letter, tagged = tmp_path / "llythyr.pdf", tmp_path / "hygyrch.pdf"
    wav, brf = tmp_path / "letter.wav", tmp_path / "letter.brf"
    code, out, err = run(
        capsys, "print", case, "--language", "cy+en", "-o", letter, "--audio", wav, "--braille", brf
    )
    assert code == 0, err
    assert "(standard, cy+en)" in out and all(str(p) in out for p in (letter, wav, brf))
    text = Pdf(letter.read_bytes(), tmp_path / "copy.pdf").text
    welsh, english = text.index("Beth ddywedoch chi wrthym"), text.index("What you told us")
    assert welsh < english < text.index("Sut y cafodd eich cyllideb ei chyfrifo")
    assert wav.read_bytes()[:4] == b"RIFF" and brf.read_bytes().isascii()
    code, out, err = run(capsys, "print", case, "--language", "cy+en", "--accessible", "-o", tagged)
    assert code == 0 and "accessible copy" in out, err
    pdf = Pdf(tagged.read_bytes(), tmp_path / "copy2.pdf")
    assert pdf.lang == "cy-GB" and "What you told us" in pdf.text
    code, _, err = run(capsys, "print", case, "--accessible")
    assert code == 2 and "--accessible needs -o" in err
    code, _, err = run(capsys, "print", case)
    assert code == 2 and "say where to write the letter" in err
