"""How every letter is set, read back from the PDF: "Page N of M", the DRAFT banner, the
smallest text in each style, embedded fonts, the title and language, black text, nothing
off the page or overlapping, and pictures beside the words in easy read."""

from __future__ import annotations

from typing import Any

import pytest

from rasdesk.printing.words import WORDS
from tests.printing.conftest import LANGS, SAMPLES, STYLES, Library
from tests.printing.expect import shown_answers
from tests.printing.pdfs import BASE14, is_black

ALL = [
    pytest.param(n, s, lang, id=f"{n}-{s}-{lang}")
    for n in SAMPLES
    for s in STYLES
    for lang in LANGS
]
MM = 72 / 25.4
SMALLEST = {"standard": 14.0, "large": 18.0, "easy": 16.0}  # points, from the issue
BANNER = {
    ("en", False): "DRAFT — not a decision",
    ("en", True): "DRAFT. This is not the final answer yet.",
    ("cy", False): "DRAFFT — nid penderfyniad",
    ("cy", True): "DRAFFT. Nid dyma'r ateb terfynol eto.",
}
PAGE = {"en": "Page {n} of {m}", "cy": "Tudalen {n} o {m}"}


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_page_n_of_m_on_every_page(library: Library, name: str, style: str, lang: str) -> None:
    pdf = library.pdf(name, style, lang)
    total = int(pdf.info["Pages"])
    assert total == len(pdf.pages) == len(pdf.pages_text) >= 2
    for n, text in enumerate(pdf.pages_text, 1):
        label = PAGE[lang].format(n=n, m=total)
        assert label in text, f"page {n} has no {label!r}"
        others = [PAGE[lang].format(n=k, m=total) for k in range(1, total + 1) if k != n]
        assert not any(o in text for o in others)
        found = pdf.find_line(label)
        assert found is not None and found[0].number == n
        page, box = found
        assert box.top > page.height * 0.9, "the page number is not at the foot of the page"


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_draft_banner_on_every_page_of_a_draft_only(
    library: Library, name: str, style: str, lang: str
) -> None:
    sample = library.samples[name]
    pdf = library.pdf(name, style, lang)
    banner = BANNER[(lang, style == "easy")]
    if not sample.draft:
        for text in pdf.pages_text:
            assert "DRAFT" not in text and "DRAFFT" not in text and banner not in text
        assert WORDS[lang]["status.finalised"].split("{")[0] in pdf.pages_text[0]
        return
    assert WORDS[lang]["status.draft"] in pdf.pages_text[0]
    for n, text in enumerate(pdf.pages_text, 1):
        assert text.count(banner) == 1, f"page {n}: no DRAFT banner"
    for page in pdf.pages:
        # At the head of the page, in a box, and in bold: seen before anything else.
        chars = [c for c in page.chars if c.top < page.height * 0.12]
        assert "".join(c.text for c in chars).replace(" ", "") == banner.replace(" ", "")
        assert all("Bold" in c.font for c in chars)
        assert any(
            g["object_type"] == "rect"
            and g["x0"] <= min(c.x0 for c in chars)
            and g["x1"] >= max(c.x1 for c in chars)
            and g["top"] <= min(c.top for c in chars)
            and g["bottom"] >= max(c.bottom for c in chars)
            for g in page.graphics
        ), f"page {page.number}: the banner is not boxed"


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_no_text_smaller_than_the_style_allows(
    library: Library, name: str, style: str, lang: str
) -> None:
    pdf = library.pdf(name, style, lang)
    for page in pdf.pages:
        assert page.chars
        smallest = min(page.chars, key=lambda c: c.size)
        assert smallest.size >= SMALLEST[style] - 0.01, (
            f"page {page.number}: {smallest.text!r} is {smallest.size} pt"
        )


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_every_font_embedded_and_no_base14(
    library: Library, name: str, style: str, lang: str
) -> None:
    pdf = library.pdf(name, style, lang)
    assert pdf.fonts, "pdffonts lists no font"
    for font in pdf.fonts:
        assert font["emb"] == "yes", f"{font['name']} is not embedded"
        assert not any(base in font["name"] for base in BASE14), font["name"]
    used = {c.font.split("+")[-1] for page in pdf.pages for c in page.chars}
    listed = {f["name"].split("+")[-1] for f in pdf.fonts}
    assert used <= listed


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_title_and_language(library: Library, name: str, style: str, lang: str) -> None:
    pdf = library.pdf(name, style, lang)
    person = {
        "person-example": "Siân Jones",
        "person-high-needs": "Dafydd Prys",
        "person-no-carer": "Eirlys Thomas",
        "carer-example": "Huw Jones",
    }[name]
    assert pdf.lang == {"en": "en-GB", "cy": "cy-GB"}[lang]
    title = pdf.metadata["Title"]
    assert person in title and person in pdf.info["Title"]
    assert ("cyllideb" in title.lower()) == (lang == "cy")
    assert ("budget" in title.lower()) == (lang == "en")


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_black_on_white(library: Library, name: str, style: str, lang: str) -> None:
    """Every character is black; lines and boxes are black. Only easy read's pictures
    have pale tints, and no words are set on them."""
    pdf = library.pdf(name, style, lang)
    for page in pdf.pages:
        for c in page.chars:
            assert is_black(c.colour), f"page {page.number}: {c.text!r} is {c.colour}"
        if style == "easy":
            continue
        for g in page.graphics:
            assert is_black(g["stroke"]) or g["stroke"] is None, g
            assert g["fill"] is None or is_black(g["fill"]), g


@pytest.mark.parametrize(("name", "style", "lang"), ALL)
def test_nothing_near_the_edges_or_overlapping(
    library: Library, name: str, style: str, lang: str
) -> None:
    """A printer cannot print the outer few millimetres; words must not collide."""
    pdf = library.pdf(name, style, lang)
    edge = 10 * MM
    for page in pdf.pages:
        boxes = [(c.text, c.x0, c.x1, c.top, c.bottom) for c in page.chars] + [
            (g["object_type"], g["x0"], g["x1"], g["top"], g["bottom"]) for g in page.graphics
        ]
        for what, x0, x1, top, bottom in boxes:
            where = f"page {page.number}: {what!r} at x {x0:.0f}-{x1:.0f}, y {top:.0f}-{bottom:.0f}"
            assert edge <= x0 and x1 <= page.width - edge, where
            assert edge <= top and bottom <= page.height - edge, where
        words = sorted(page.words, key=lambda w: w.top)
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if b.top >= a.bottom - 0.5:
                    break
                overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
                assert overlap_x <= 0.5, f"page {page.number}: {a.text!r} overlaps {b.text!r}"


@pytest.mark.parametrize(("name", "lang"), [(n, lang) for n in SAMPLES for lang in LANGS])
def test_easy_read_has_a_picture_beside_each_question(
    library: Library, demo_doc: dict[str, Any], name: str, lang: str
) -> None:
    sample = library.samples[name]
    pdf = library.pdf(name, "easy", lang)
    pictures = 0
    for shown in shown_answers(demo_doc, sample.questionnaire, sample.answers, lang, easy=True):
        found = pdf.find_line(shown.question)
        assert found is not None, shown.question
        page, words = found
        beside = [
            g
            for g in page.graphics
            if g["x1"] <= words.x0
            and g["x0"] >= 15 * MM
            and g["bottom"] > words.top - 6
            and g["top"] < words.top + 28 * MM
        ]
        assert beside, f"no picture beside {shown.question!r} (page {page.number})"
        width = max(g["x1"] for g in beside) - min(g["x0"] for g in beside)
        assert 12 * MM < width <= 30 * MM, f"picture beside {shown.question!r} is {width:.0f} pt"
        pictures += 1
    assert pictures == len(sample.answers)
    for style in ("standard", "large"):
        other = library.pdf(name, style, lang)
        assert not any(g["object_type"] == "curve" for p in other.pages for g in p.graphics)
