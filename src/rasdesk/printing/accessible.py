"""The accessible copy of a letter: a tagged PDF/UA-1 made with typst (the ``typst`` package
on PyPI, which compiles in-process: nothing is downloaded at run time).

It is set from the same ``Document`` as the printed letter (``compose.py``), so the words
cannot differ. typst writes the structure tree in the order of the source, which is the
order on the page: headings are H1–H3, the answers are tables with header cells (TH, column
scope), the person's details a list of labels and values, every picture a Figure with its
text alternative, and each section carries its language (``/Lang`` cy-GB or en-GB) so a
screen reader switches voice. The title is shown as the window title; fonts are embedded
(Atkinson Hyperlegible Next, DejaVu Sans glyph by glyph for what it lacks); the page
numbers and the repeated DRAFT banner are artifacts, and the draft warning is also real text
at the top of the first page. typst refuses to write a PDF/UA-1 file that breaks a rule it
can check (no title, a picture without alternative text…): that refusal is raised.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform.paths import resources_dir
from rasdesk.printing import fonts
from rasdesk.printing.blocks import Block, Callout, Document, Entry, Heading, Keep, Para, Table
from rasdesk.printing.easy import picture_file
from rasdesk.printing.styles import STYLES, LetterStyle

REGION = "gb"
# Bold as a weight, not strong(): typst drops the /Lang of a paragraph that opens with Strong.
BOLD = '#text(weight: "bold")'


def _s(text: str) -> str:
    """A typst string literal (content is never parsed as markup)."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{body}"'


def _t(text: str) -> str:
    return f"#{_s(text)}"


def _lang(lang: str, body: str) -> str:
    return f'#text(lang: "{lang}", region: "{REGION}")[\n{body}\n]'


def _counter_text(pattern: str) -> str:
    """ "Page {page} of {pages}" as typst content with the page counters."""
    parts = re.split(r"(\{page\}|\{pages\})", pattern)
    out = []
    for part in parts:
        if part == "{page}":
            out.append("#counter(page).display()")
        elif part == "{pages}":
            out.append("#counter(page).final().first()")
        elif part:
            out.append(_t(part))
    return "".join(out)


def _preamble(doc: Document, spec: LetterStyle) -> str:
    family = ", ".join(_s(f) for f in fonts.FAMILY_NAMES)
    draft_lines = "#linebreak()".join(_t(p.text) for p in doc.draft)
    banner = (
        "header: context { if counter(page).get().first() > 1 { "
        f'block(stroke: 2pt, inset: 6pt, width: 100%, text(weight: "bold", size: {spec.body + 2}pt)[{draft_lines}]) '
        "} },"
        if doc.draft
        else ""
    )
    top = 20 + (8 + 7 * len(doc.draft) if doc.draft else 0)
    return f"""#set document(title: {_s(doc.title)}, author: {_s(doc.author)})
#set text(lang: "{doc.lang}", region: "{REGION}", font: ({family}), size: {spec.body}pt)
#set par(justify: false, leading: {spec.leading - spec.body}pt, spacing: {spec.body * 0.6}pt)
#set page(paper: "a4", margin: (left: 20mm, right: 20mm, top: {top}mm, bottom: 26mm),
  {banner}
  footer: context text(size: {spec.body}pt)[{_counter_text(doc.page)}])
#set heading(numbering: none)
#show heading: set text(weight: "bold")
#show heading.where(level: 1): set text(size: {spec.title}pt)
#show heading.where(level: 2): set text(size: {spec.heading}pt)
#show heading.where(level: 3): set text(size: {spec.body + 3}pt)
#show heading: set block(above: 1.1em, below: 0.6em)
#set terms(separator: h(1em), hanging-indent: 0pt, spacing: {spec.body * 0.5}pt)
"""


def source(doc: Document) -> str:
    """The typst source of the accessible copy."""
    spec = STYLES[doc.style]
    out = [_preamble(doc, spec)]
    if doc.draft:  # real text, read first; on later pages the banner is an artifact
        lines = "\n\n".join(_lang(p.lang, f"#par[{BOLD}[{_t(p.text)}]]") for p in doc.draft)
        out.append(
            f"#block(stroke: 2pt, inset: 8pt, width: 100%, "
            f"text(size: {spec.body + 2}pt)[\n{lines}\n])"
        )
    for section in doc.sections:
        body = "\n\n".join(_block(b, spec) for b in section.blocks)
        out.append(_lang(section.lang, body))
    return "\n\n".join(out) + "\n"


def _block(block: Block, spec: LetterStyle) -> str:
    if isinstance(block, Heading):
        return f"#heading(level: {block.level})[{_t(block.text)}]"
    if isinstance(block, Para):
        if block.role in ("council", "strong"):
            return f"#par[{BOLD}[{_t(block.text)}]]"
        if block.role == "summary":
            return f'#par[#text(size: {spec.summary}pt, weight: "bold")[{_t(block.text)}]]'
        return f"#par[{_t(block.text)}]"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Callout):
        inner = "\n\n".join(_block(p, spec) for p in block.lines)
        return f"#block(stroke: 2pt, inset: 8pt, width: 100%, breakable: false)[\n{inner}\n]"
    if isinstance(block, Entry):
        return _entry(block, spec)
    if isinstance(block, Keep):
        inner = "\n\n".join(_block(b, spec) for b in block.blocks)
        return f"#block(breakable: false, width: 100%)[\n{inner}\n]"
    raise TypeError(f"no accessible form for {type(block).__name__}")


def _table(table: Table) -> str:
    if table.columns is None:  # labels and values: a list of terms (Lbl / LBody)
        items = ", ".join(
            f'terms.item(text(weight: "bold", {_s(k)}), {_s(v)})' for k, v in table.rows
        )
        return f"#terms({items})"
    widths = ", ".join(f"{w}mm" if w else "1fr" for w in table.widths_mm) or "auto"
    header = ", ".join(f'text(weight: "bold", {_s(c)})' for c in table.columns)
    cells = ", ".join(_s(c) for row in table.rows for c in row)
    return (
        f"#table(columns: ({widths},), stroke: (x, y) => if y == 0 {{ (bottom: 1.5pt) }} "
        f"else {{ (bottom: 0.5pt) }}, inset: (x: 3pt, y: 5pt),\n"
        f"  table.header({header}),\n  {cells})"
    )


def _picture_path(name: str | None) -> str:
    found = picture_file(name)
    return f"/pictures/{found.stem if found is not None else 'default'}.svg"


def _entry(entry: Entry, spec: LetterStyle) -> str:
    words = [f"#par[{BOLD}[{_t(entry.question)}]]"]
    words += [f"#par[{_t(line)}]" for line in entry.answer_lines]
    words.append(f"#par[{_t(entry.points)}]")
    if entry.note:
        words.append(f"#par[{_t(entry.note)}]")
    text = "\n\n".join(words)
    if entry.picture is None:
        return f"#block(breakable: false, width: 100%)[\n{text}\n]"
    size = spec.picture_mm or 30
    image = (
        f"image({_s(_picture_path(entry.picture.name))}, width: {size}mm, "
        f"alt: {_s(entry.picture.alt)})"
    )
    return (
        f"#block(breakable: false, width: 100%)[#grid(columns: ({size + 6}mm, 1fr), "
        f"{image}, [\n{text}\n])]"
    )


@lru_cache(maxsize=1)
def _compiler() -> Any:
    try:
        import typst
    except ImportError as exc:  # a broken install: the wheel requires it
        raise RasdeskError(
            "the accessible copy needs the typst package: reinstall rasdesk"
        ) from exc
    dirs = [str(d) for d in fonts.font_dirs() if d.is_dir()]
    return typst.Compiler(root=str(resources_dir()), font_paths=dirs, ignore_system_fonts=True)


def render_accessible(doc: Document) -> bytes:
    """The tagged PDF/UA-1 bytes of a composed letter."""
    try:
        data = _compiler().compile(input=source(doc).encode("utf-8"), pdf_standards="ua-1")
    except RuntimeError as exc:  # typst.TypstError: a rule of PDF/UA-1 it could not meet
        raise RasdeskError(f"the accessible copy could not be made: {exc}") from exc
    assert isinstance(data, bytes)
    return data
