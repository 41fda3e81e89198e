"""The letter as a renderer-neutral document: sections of blocks (headings, paragraphs,
tables, answers with their pictures), each marked with its language.

One document feeds every renderer: the printed letter (reportlab, ``render.py``), the
accessible tagged PDF (typst, ``accessible.py``), the audio (``audio.py``) and the braille
file (``braille.py``). A renderer decides how a block looks, never what it says, so the
words cannot differ between them. ``Document.words()`` is every word, in reading order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    lang: str
    role: str = "body"  # body | strong | summary | council


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    lang: str
    level: int  # 1 the letter's title, 2 a section, 3 an area of life


@dataclass(frozen=True, slots=True)
class Table:
    """A grid of words. ``columns`` are the header cells (None: a table of label/value
    rows, ``rows[i][0]`` the label)."""

    columns: tuple[str, ...] | None
    rows: tuple[tuple[str, ...], ...]
    lang: str
    widths_mm: tuple[float | None, ...] = ()


@dataclass(frozen=True, slots=True)
class Picture:
    name: str | None  # resources/pictures/NAME.svg (None: the default picture)
    alt: str  # its text alternative, in the passage's language


@dataclass(frozen=True, slots=True)
class Entry:
    """One answer, one under another (large print, easy read): the question, the answer's
    lines, the points, the person's own words if agreed, and a picture for easy read."""

    question: str
    answer_lines: tuple[str, ...]
    points: str
    note: str | None
    picture: Picture | None
    lang: str


@dataclass(frozen=True, slots=True)
class Callout:
    """Lines in a box (the budget, with its sign-off and flags)."""

    lines: tuple[Para, ...]


@dataclass(frozen=True, slots=True)
class Keep:
    """Blocks kept on one page (a heading with its table; the fingerprint)."""

    blocks: tuple[Block, ...]


Block = Para | Heading | Table | Entry | Callout | Keep


@dataclass(slots=True)
class Section:
    key: str  # head, details, summary, changes, told_us, how, next, questions, reproduce
    lang: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    title: str  # the PDF's title
    lang: str  # the document's language (the first, for a bilingual letter)
    author: str
    style: str  # standard | large | easy
    draft: tuple[Para, ...]  # the banner on every page of a draft (empty: finalised)
    page: str  # "Page {page} of {pages}"
    sections: list[Section] = field(default_factory=list)

    @property
    def draft_text(self) -> str:
        """The draft banner as one line ("" when finalised)."""
        return " / ".join(p.text for p in self.draft)

    def languages(self) -> list[str]:
        """The letter's languages, in order ("cy", "en" for a bilingual letter)."""
        return list(dict.fromkeys(section.lang for section in self.sections))

    def blocks(self) -> Iterator[Block]:
        """Every block in reading order, ``Keep`` opened up."""
        for section in self.sections:
            yield from _flat(section.blocks)

    def words(self) -> list[str]:
        """Every passage of text in reading order (what a screen reader or braille gets)."""
        out: list[str] = []
        for block in self.blocks():
            out += passages(block)
        return out


def _flat(blocks: list[Block] | tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, Keep):
            yield from _flat(block.blocks)
        else:
            yield block


def passages(block: Block) -> list[str]:
    """The texts of one block, in reading order."""
    if isinstance(block, Para | Heading):
        return [block.text]
    if isinstance(block, Table):
        return [*(block.columns or ()), *(cell for row in block.rows for cell in row)]
    if isinstance(block, Entry):
        note = [block.note] if block.note else []
        return [block.question, *block.answer_lines, block.points, *note]
    if isinstance(block, Callout):
        return [line.text for line in block.lines]
    return [text for inner in block.blocks for text in passages(inner)]
