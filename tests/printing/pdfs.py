"""Reading a letter back the way a person or a checker would: its text (``pdftotext``),
its fonts (``pdffonts``), its metadata, and the size, colour and place of every character
(pdfplumber). Nothing here uses rasdesk's own idea of what the letter says."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdftypes import resolve1

BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def norm(text: str) -> str:
    """Whitespace collapsed: pdftotext breaks lines wherever the letter wrapped them."""
    return " ".join(text.split())


def squeeze(text: str) -> str:
    """No whitespace at all: a long unbroken word (the sha256) may be split over lines."""
    return "".join(text.split())


@dataclass(frozen=True, slots=True)
class Box:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    font: str = ""
    colour: Any = None


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    chars: list[Box] = field(default_factory=list)
    words: list[Box] = field(default_factory=list)
    graphics: list[dict[str, Any]] = field(default_factory=list)


class Pdf:
    """One generated letter, written to ``path`` and read back."""

    def __init__(self, data: bytes, path: Path) -> None:
        assert data.startswith(b"%PDF-"), "not a PDF"
        path.write_bytes(data)
        self.data, self.path = data, path

    # --- pdftotext --------------------------------------------------------------------
    @cached_property
    def raw_pages(self) -> list[str]:
        """Each page's text in the order it is drawn (``-raw``): a table cell's words stay
        together, where ``-layout`` interleaves the columns line by line."""
        out = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(self.path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        pages = out.split("\f")
        if pages and not pages[-1].strip():
            pages.pop()
        return pages

    @cached_property
    def pages_text(self) -> list[str]:
        return [norm(p) for p in self.raw_pages]

    @cached_property
    def text(self) -> str:
        return " ".join(self.pages_text)

    # --- pdffonts / pdfinfo -----------------------------------------------------------
    @cached_property
    def fonts(self) -> list[dict[str, str]]:
        out = subprocess.run(
            ["pdffonts", str(self.path)], capture_output=True, check=True, text=True
        ).stdout.splitlines()
        assert out[0].split()[:4] == ["name", "type", "encoding", "emb"], out[0]
        rows = []
        for line in out[2:]:
            cols = line.split()
            # name type… encoding emb sub uni object-number generation
            rows.append({"name": cols[0], "emb": cols[-5], "sub": cols[-4], "uni": cols[-3]})
        return rows

    @cached_property
    def info(self) -> dict[str, str]:
        out = subprocess.run(
            ["pdfinfo", "-enc", "UTF-8", str(self.path)],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        return {
            k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())
        }

    # --- pdfplumber -------------------------------------------------------------------
    @cached_property
    def _plumbed(self) -> tuple[dict[str, Any], str | None, list[Page]]:
        with pdfplumber.open(self.path) as pdf:
            metadata = dict(pdf.metadata)
            lang = resolve1(pdf.doc.catalog.get("Lang"))
            if isinstance(lang, bytes):
                lang = lang.decode("ascii")
            pages = []
            for i, p in enumerate(pdf.pages, 1):
                page = Page(i, float(p.width), float(p.height))
                page.chars = [
                    Box(
                        c["text"],
                        c["x0"],
                        c["x1"],
                        c["top"],
                        c["bottom"],
                        c["size"],
                        c["fontname"],
                        c["non_stroking_color"],
                    )
                    for c in p.chars
                ]
                page.words = [
                    Box(w["text"], w["x0"], w["x1"], w["top"], w["bottom"])
                    for w in p.extract_words(keep_blank_chars=False, use_text_flow=True)
                ]
                page.graphics = [
                    {k: g.get(k) for k in ("x0", "x1", "top", "bottom", "object_type")}
                    | {
                        "stroke": g.get("stroking_color"),
                        "fill": g.get("non_stroking_color") if g.get("fill") else None,
                    }
                    for g in (*p.rects, *p.lines, *p.curves)
                ]
                pages.append(page)
        return metadata, lang, pages

    @property
    def metadata(self) -> dict[str, Any]:
        return self._plumbed[0]

    @property
    def lang(self) -> str | None:
        return self._plumbed[1]

    @property
    def pages(self) -> list[Page]:
        return self._plumbed[2]

    def find_line(self, phrase: str) -> tuple[Page, Box] | None:
        """Where the first words of ``phrase`` are set on one line (page and their box)."""
        wanted = phrase.split()[:3]
        for page in self.pages:
            words = sorted(page.words, key=lambda w: (round(w.top), w.x0))
            for i in range(len(words) - len(wanted) + 1):
                run = words[i : i + len(wanted)]
                if [w.text for w in run] == wanted and all(
                    abs(w.top - run[0].top) < 1 for w in run
                ):
                    return page, Box(
                        phrase, run[0].x0, run[-1].x1, run[0].top, max(w.bottom for w in run)
                    )
        return None


PLACEHOLDER = re.compile(r"[{}]")


def is_black(colour: Any) -> bool:
    """pdfplumber gives grey as (g,) or g, RGB as (r, g, b), CMYK as (c, m, y, k)."""
    if isinstance(colour, int | float):
        return colour == 0
    values = tuple(colour or ())
    if len(values) in (1, 3):
        return all(v == 0 for v in values)
    if len(values) == 4:
        return values[:3] == (0, 0, 0) and values[3] == 1
    return False
