"""The printed letter: a ``Document`` (``compose.py``) set as a PDF with reportlab: fonts
embedded, title and language set, "Page 2 of 4" on every page, and "DRAFT — not a
decision" on every page of a letter that is not finalised. How it looks is decided here;
what it says, in ``compose.py``."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as Table_

from rasdesk.platform.paths import resources_dir
from rasdesk.printing import fonts
from rasdesk.printing.blocks import Callout, Document, Entry, Heading, Keep, Para, Table
from rasdesk.printing.compose import compose
from rasdesk.printing.easy import picture_file
from rasdesk.printing.letter import Letter
from rasdesk.printing.pages import Decorate, numbered_canvas
from rasdesk.printing.styles import STYLES, LetterStyle

MARGIN = 20 * mm
LANG_TAGS = {"en": "en-GB", "cy": "cy-GB"}


class _Styles:
    def __init__(self, spec: LetterStyle, regular: str, bold: str) -> None:
        base = ParagraphStyle(
            "body",
            fontName=regular,
            fontSize=spec.body,
            leading=spec.leading,
            alignment=TA_LEFT,
            spaceAfter=spec.body * 0.5,
            splitLongWords=1,
            bulletFontName=regular,
        )
        self.body = base
        self.bold = ParagraphStyle("bold", parent=base, fontName=bold)
        self.heading = ParagraphStyle(
            "heading",
            parent=base,
            fontName=bold,
            fontSize=spec.heading,
            keepWithNext=1,
            leading=spec.heading * 1.3,
            spaceBefore=spec.heading * 0.8,
            spaceAfter=spec.heading * 0.4,
        )
        # Area titles: bigger than the questions under them, so the two are told apart.
        self.area = ParagraphStyle(
            "area",
            parent=base,
            fontName=bold,
            fontSize=spec.body + 3,
            leading=(spec.body + 3) * 1.3,
            spaceBefore=spec.body * 0.6,
            keepWithNext=1,
        )
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=spec.title,
            leading=spec.title * 1.25,
            spaceAfter=spec.title * 0.4,
        )
        self.summary = ParagraphStyle(
            "summary", parent=base, fontName=bold, fontSize=spec.summary, leading=spec.summary * 1.3
        )
        self.regular, self.bold_font = regular, bold


def _grid(st: _Styles, commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style in the letter's font: a table's own cell font defaults to Helvetica,
    which would then be named, unembedded, in the PDF."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), st.regular), *commands])


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph in Atkinson, any character it lacks in DejaVu (glyph by glyph)."""
    return Paragraph(fonts.markup(text, bold=style.fontName.endswith("-Bold")), style)


@lru_cache(maxsize=64)
def _picture(name: str | None, size: float, font: str) -> Flowable | None:
    try:
        from svglib.svglib import svg2rlg
    except ImportError:  # pictures are a courtesy; the words carry the meaning
        return None
    path = picture_file(name) or resources_dir() / "pictures" / "default.svg"
    if not path.is_file():
        return None
    drawing = svg2rlg(str(path))
    if drawing is None or not drawing.width:
        return None
    scale = size / max(drawing.width, drawing.height)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    # The pictures have no text, but the renderer would otherwise name its default font
    # (an unembedded Helvetica) in the PDF.
    drawing.initialFontName = font
    return drawing


def _decorate(doc: Document, spec: LetterStyle, st: _Styles) -> Decorate:
    """The page number on every page, and the DRAFT banner on every page of a draft."""

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        width, height = A4
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(st.regular, spec.body)
        canvas.drawString(MARGIN, MARGIN * 0.7, doc.page.format(page=page, pages=total))
        if doc.draft:  # one line a language
            canvas.setFont(st.bold_font, spec.body + 2)
            canvas.setLineWidth(2)
            line_h = (spec.body + 2) * 1.3
            box_h = (spec.body + 2) * 0.5 + line_h * len(doc.draft)
            top = height - MARGIN * 0.55 - box_h
            canvas.rect(MARGIN, top, width - 2 * MARGIN, box_h, stroke=1, fill=0)
            for i, para in enumerate(doc.draft):
                base = top + box_h - (spec.body + 2) * 0.25 - line_h * (i + 1) + line_h * 0.3
                canvas.drawString(MARGIN + 4 * mm, base, para.text)

    return decorate


def render(letter: Letter, style: str) -> bytes:
    """The PDF bytes of ``letter`` in ``style`` (standard, large or easy)."""
    return render_document(compose(letter, style))


def render_document(doc: Document) -> bytes:
    """The printed PDF of a composed letter."""
    spec = STYLES[doc.style]
    letter_fonts = fonts.letter_fonts()
    # Page furniture is drawn straight on the canvas (no paragraph, so no glyph fallback):
    # only the letter's own words, which Atkinson has.
    if fonts.missing(doc.draft_text + doc.page):
        raise ValueError("page words outside Atkinson Hyperlegible Next")
    st = _Styles(spec, letter_fonts.regular, letter_fonts.bold)
    story: list[Flowable] = []
    for section in doc.sections:
        for block in section.blocks:
            story += _flowables(block, spec, st)

    buffer = io.BytesIO()
    top = MARGIN + ((spec.body + 2) * (0.9 + 1.3 * len(doc.draft)) if doc.draft else 0)
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=MARGIN + spec.body,
        title=doc.title,
        author=doc.author,
        subject=doc.title,
        creator="rasdesk",
        lang=LANG_TAGS[doc.lang],
        initialFontName=st.regular,  # else an unembedded Helvetica is referenced
        initialFontSize=spec.body,
    )
    frame = Frame(
        template.leftMargin, template.bottomMargin, template.width, template.height, id="body"
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(story, canvasmaker=numbered_canvas(_decorate(doc, spec, st)))
    return buffer.getvalue()


def _flowables(block: object, spec: LetterStyle, st: _Styles) -> list[Flowable]:
    if isinstance(block, Heading):
        if block.level == 1:
            return [_p(block.text, st.title)]
        if block.level == 2:
            return [CondPageBreak(spec.heading * 4), _p(block.text, st.heading)]
        return [_p(block.text, st.area)]
    if isinstance(block, Para):
        style = {"council": st.bold, "strong": st.bold, "summary": st.summary}.get(
            block.role, st.body
        )
        return [_p(block.text, style)]
    if isinstance(block, Table):
        return _table(block, st)
    if isinstance(block, Callout):  # the figure in its box is never split across pages
        return [KeepTogether([_callout(block, st)])]
    if isinstance(block, Entry):
        return _entry(block, spec, st)
    if isinstance(block, Keep):
        # KeepTogether must never nest: an inner one always forces a page break.
        inner: list[Flowable] = []
        for b in block.blocks:
            for f in _flowables(b, spec, st):
                if isinstance(f, KeepTogether):
                    inner += f._content  # unwrapped: the outer Keep holds it together
                elif not isinstance(f, CondPageBreak):
                    inner.append(f)
        return [KeepTogether(inner)]
    raise TypeError(f"no way to print {type(block).__name__}")


def _table(table: Table, st: _Styles) -> list[Flowable]:
    widths = [w * mm if w else None for w in table.widths_mm] or None
    if table.columns is None:  # label / value rows
        grid = Table_(
            [[_p(k, st.bold), _p(v, st.body)] for k, v in table.rows],
            colWidths=widths,
            hAlign="LEFT",
        )
        grid.setStyle(
            _grid(st, [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        return [grid, Spacer(1, st.body.fontSize)]
    rows: list[list[Flowable]] = [[_p(c, st.bold) for c in table.columns]]
    rows += [[_p(c, st.body) for c in row] for row in table.rows]
    grid = Table_(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    grid.setStyle(
        _grid(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.5, "black"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, "black"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),  # columns must not read as one line
            ],
        )
    )
    return [grid]


def _callout(callout: Callout, st: _Styles) -> Flowable:
    rows = [
        [_p(line.text, st.summary if line.role == "summary" else st.bold)] for line in callout.lines
    ]
    box = Table_(rows, hAlign="LEFT")
    box.setStyle(
        _grid(
            st,
            [
                ("BOX", (0, 0), (-1, -1), 2, "black"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ],
        )
    )
    return box


def _entry(entry: Entry, spec: LetterStyle, st: _Styles) -> list[Flowable]:
    words: list[Flowable] = [_p(entry.question, st.bold)]
    words += [_p(text, st.body) for text in entry.answer_lines]
    words.append(_p(entry.points, st.body))
    if entry.note:
        words.append(_p(entry.note, st.body))
    picture = (
        _picture(entry.picture.name, spec.picture_mm * mm, st.regular) if entry.picture else None
    )
    if picture is None:
        return [*words, Spacer(1, spec.body * 0.4)]
    row = Table_([[picture, words]], colWidths=[spec.picture_mm * mm + 6 * mm, None], hAlign="LEFT")
    row.setStyle(
        _grid(st, [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [row, Spacer(1, spec.body * 0.4)]
