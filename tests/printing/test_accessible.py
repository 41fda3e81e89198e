"""The accessible copy (tagged PDF/UA-1, typst) of every letter kind: the demo's four sample
cases × standard, large print, easy read × English, Welsh, bilingual. Its structure tree is
read back (tests/printing/tagged.py): headings, tables with header cells, a text
alternative for every picture, the language on every passage, the reading order equal to
the order on the page, no untagged text; and its words are exactly the printed letter's."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pdfua
import pytest

from rasdesk.printing.accessible import render_accessible
from rasdesk.printing.blocks import Document, Entry, Heading, Table
from rasdesk.printing.case_letter import document_for_case
from rasdesk.printing.render import render_document
from tests.printing.conftest import SAMPLES, STYLES, Library
from tests.printing.pdfs import Pdf
from tests.printing.tagged import Tagged

LANGS = ("en", "cy", "cy+en")
TAGS = {"en": "en-GB", "cy": "cy-GB"}
KINDS = [(n, s, lang) for n in SAMPLES for s in STYLES for lang in LANGS]
_cache: dict[tuple[str, str, str], tuple[Document, Tagged, Pdf]] = {}


def copy(library: Library, name: str, style: str, lang: str) -> tuple[Document, Tagged, Pdf]:
    key = (name, style, lang)
    if key not in _cache:
        doc, _ = document_for_case(library.store, library.samples[name].case_uuid, lang, style)
        path = library.folder / f"{name}-{style}-{lang}-accessible.pdf"
        data = render_accessible(doc)
        _cache[key] = (doc, Tagged(Pdf(data, path).path), Pdf(data, path))
    return _cache[key]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("name", "style", "lang"), KINDS)
def test_title_language_tagging_and_embedded_fonts(
    library: Library, name: str, style: str, lang: str
) -> None:
    doc, tagged, pdf = copy(library, name, style, lang)
    assert tagged.marked and tagged.display_title
    assert tagged.lang == TAGS[lang.split("+")[0]]
    assert tagged.title == doc.title and library.samples[name].case_uuid  # title set
    assert "pdfuaid:part" in tagged.xmp and re.search(r"pdfuaid:part[^0-9]*1", tagged.xmp)
    assert pdf.fonts and all(f["emb"] == "yes" for f in pdf.fonts)
    assert {f["name"].split("+")[-1] for f in pdf.fonts} <= {
        "AtkinsonHyperlegibleNext-Regular",
        "AtkinsonHyperlegibleNext-Bold",
    }
    assert not tagged.untagged, f"text outside the structure tree: {''.join(tagged.untagged)[:80]}"
    # pdfua (PyPI): the machine-checkable subset of PDF/UA-1 that it implements, no JVM.
    report = pdfua.validate(str(pdf.path))
    assert not report.findings, [f.rule_id for f in report.findings]


@pytest.mark.parametrize(("name", "style", "lang"), KINDS)
def test_headings_tables_and_pictures(library: Library, name: str, style: str, lang: str) -> None:
    doc, tagged, _ = copy(library, name, style, lang)
    blocks = list(doc.blocks())
    for level in (1, 2, 3):
        want = [squeeze(b.text) for b in blocks if isinstance(b, Heading) and b.level == level]
        got = [squeeze(tagged.text(n)) for n in tagged.nodes(f"H{level}")]
        assert got == want and want, f"H{level}"
    tables = [b for b in blocks if isinstance(b, Table) and b.columns]
    found = tagged.nodes("Table")
    assert len(found) == len(tables)
    for table, node in zip(tables, found, strict=True):
        heads = [n for n in node.walk() if n.type == "TH"]
        assert [squeeze(tagged.text(h)) for h in heads] == [squeeze(c) for c in table.columns or ()]
        assert all(h.scope == "Column" for h in heads)
        assert len([n for n in node.walk() if n.type == "TD"]) == 3 * len(table.rows)
    # The details: a list of labels and values, one item each.
    assert len(tagged.nodes("LI")) == 6 * len(doc.languages())
    pictures = [b.picture for b in blocks if isinstance(b, Entry) and b.picture]
    figures = tagged.nodes("Figure")
    assert [f.alt for f in figures] == [p.alt for p in pictures]
    assert all(f.alt for f in figures)
    assert bool(pictures) == (style == "easy")


@pytest.mark.parametrize(("name", "style", "lang"), KINDS)
def test_every_passage_in_its_language_in_the_printed_order(
    library: Library, name: str, style: str, lang: str
) -> None:
    doc, tagged, _ = copy(library, name, style, lang)
    want: list[tuple[str, str]] = [(TAGS[p.lang], p.text) for p in doc.draft]
    for section in doc.sections:
        want += [(TAGS[section.lang], text) for text in _passages(section.blocks)]
    got = tagged.reading()
    # Joined per language run: the words and their languages, in reading order.
    assert _runs(got) == _runs(want)
    assert tagged.order_breaks() == []


def _passages(blocks: list) -> list[str]:  # type: ignore[type-arg]
    from rasdesk.printing.blocks import passages

    return [text for block in blocks for text in passages(block)]


def _runs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for lang, text in pairs:
        if out and out[-1][0] == lang:
            out[-1] = (lang, out[-1][1] + squeeze(text))
        else:
            out.append((lang, squeeze(text)))
    return out


def _words(pdf: Path, doc: Document) -> Counter[str]:
    """The words of a PDF as pdftotext reads them, without the page furniture (the page
    numbers and the draft banner, which the printed letter repeats on every page)."""
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    footer = re.escape(doc.page).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+")
    text = re.sub(footer, " ", text)
    for para in doc.draft:
        text = text.replace(para.text, " ")
    # A line may break after a hyphen ("demo-" / "council"): joined again.
    tokens = re.sub(r"-\s+", "-", text).split()
    merged: list[str] = []  # a long fingerprint may be broken over two lines
    for token in tokens:
        if (
            merged
            and re.fullmatch(r"[0-9a-f]{6,}\.?", token)
            and re.fullmatch(r"[0-9a-f]{6,}", merged[-1])
        ):
            merged[-1] += token
        else:
            merged.append(token)
    return Counter(merged)


@pytest.mark.parametrize(("name", "style", "lang"), KINDS)
def test_the_printed_and_accessible_copies_have_the_same_words(
    library: Library, name: str, style: str, lang: str
) -> None:
    doc, _, accessible = copy(library, name, style, lang)
    printed = Pdf(render_document(doc), library.folder / f"{name}-{style}-{lang}-printed.pdf")
    a, b = _words(printed.path, doc), _words(accessible.path, doc)
    assert a == b, f"only printed: {a - b}; only accessible: {b - a}"
    assert sum(a.values()) > 150
