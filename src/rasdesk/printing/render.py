"""Setting a ``Letter`` in one style as a PDF with reportlab: fonts embedded, title and
language set, "Page 2 of 4" on every page, and "DRAFT — not a decision" on every page of
a letter that is not finalised."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

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
    Table,
    TableStyle,
)

from rasdesk.platform.paths import resources_dir
from rasdesk.printing import fonts
from rasdesk.printing.letter import Letter
from rasdesk.printing.pages import Decorate, numbered_canvas
from rasdesk.printing.styles import STYLES, LetterStyle
from rasdesk.printing.words import WORDS, long_date

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
    return Paragraph(escape(text), style)


def _sentences(text: str) -> list[str]:
    """Easy read: one idea per line."""
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


@lru_cache(maxsize=64)
def _picture(name: str | None, size: float, font: str) -> Flowable | None:
    try:
        from svglib.svglib import svg2rlg
    except ImportError:  # pictures are a courtesy; the words carry the meaning
        return None
    folder = resources_dir() / "pictures"
    path = folder / f"{name}.svg" if name else None
    if path is None or not path.is_file():
        path = folder / "default.svg"
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


def _decorate(letter: Letter, spec: LetterStyle, st: _Styles) -> Decorate:
    """The page number on every page, and the DRAFT banner on every page of a draft."""
    w = WORDS[letter.lang]
    easy = spec.name == "easy"

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        width, height = A4
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(st.regular, spec.body)
        canvas.drawString(
            MARGIN, MARGIN * 0.6, w["page.easy" if easy else "page"].format(page=page, pages=total)
        )
        if letter.draft:
            canvas.setFont(st.bold_font, spec.body + 2)
            canvas.setLineWidth(2)
            box_h = (spec.body + 2) * 1.8
            top = height - MARGIN * 0.55 - box_h
            canvas.rect(MARGIN, top, width - 2 * MARGIN, box_h, stroke=1, fill=0)
            canvas.drawString(
                MARGIN + 4 * mm, top + box_h * 0.32, w["draft.easy" if easy else "draft"]
            )

    return decorate


def render(letter: Letter, style: str) -> bytes:
    """The PDF bytes of ``letter`` in ``style`` (standard, large or easy)."""
    spec = STYLES[style]
    regular, bold = fonts.pick(letter.all_text() + "".join(WORDS[letter.lang].values()))
    st = _Styles(spec, regular, bold)
    w = WORDS[letter.lang]
    easy = style == "easy"
    story: list[Flowable] = []
    add = story.append

    title = w["title.easy"] if easy else w["title.carer" if letter.kind == "carer" else "title"]
    add(_p(letter.council, st.bold))
    add(_p(title, st.title))
    _details(letter, st, w, add)
    _summary(letter, spec, st, w, add)
    _told_us(letter, spec, st, w, add)
    add(CondPageBreak(spec.heading * 4))
    add(_p(w["how.easy" if easy else "how"], st.heading))
    for step in letter.how:
        for line in _sentences(step.easy_read) if easy else [step.text]:
            add(_p(line, st.body))
    for key in ("next", "questions"):
        add(CondPageBreak(spec.heading * 4))
        add(_p(w[f"{key}.easy" if easy else key], st.heading))
        numbers = (1, 2, 3, 4) if easy else (1, 2, 3)
        for n in numbers:
            add(_p(w[f"{key}.easy_{n}" if easy else f"{key}_{n}"], st.body))
    add(CondPageBreak(spec.heading * 4))
    # The fingerprint must be whole on one page: it is what lets the figure be checked.
    check = [_p(w["reproduce"], st.heading)]
    if easy:
        check.append(_p(w["reproduce.easy"], st.body))
    check.append(_p(w["reproduce_1"].format(council=letter.council, **letter.ruleset), st.body))
    add(KeepTogether(check))

    buffer = io.BytesIO()
    top = MARGIN + ((spec.body + 2) * 2.2 if letter.draft else 0)
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=MARGIN + spec.body,
        title=f"{title} — {letter.person.get('name', '')}",
        author=letter.council,
        subject=title,
        creator="rasdesk",
        lang=LANG_TAGS[letter.lang],
        initialFontName=regular,  # else an unembedded Helvetica is referenced
        initialFontSize=spec.body,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=numbered_canvas(_decorate(letter, spec, st)))
    return buffer.getvalue()


def _details(letter: Letter, st: _Styles, w: dict[str, str], add: Any) -> None:
    person = letter.person
    status = (
        w["status.finalised"].format(date=long_date(letter.finalised_at, letter.lang))
        if not letter.draft
        else w["status.draft"]
    )
    rows = [
        (w["for"], person.get("name") or ""),
        (w["date_of_birth"], long_date(person.get("date_of_birth"), letter.lang)),
        (w["council_ref"], person.get("council_ref") or "—"),
        (w["assessment_date"], long_date(letter.started_at, letter.lang)),
        (w["assessor"], letter.assessor),
        (w["status"], status),
    ]
    table = Table(
        [[_p(k, st.bold), _p(v, st.body)] for k, v in rows],
        colWidths=[75 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        _grid(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ],
        )
    )
    add(table)
    add(Spacer(1, st.body.fontSize))


def _summary(letter: Letter, spec: LetterStyle, st: _Styles, w: dict[str, str], add: Any) -> None:
    if spec.name == "easy":
        lines = [
            w["summary.easy"].format(weekly=letter.weekly_text),
            w["summary_year.easy"].format(annual=letter.annual_text),
        ]
    else:
        lines = [w["summary"].format(weekly=letter.weekly_text, annual=letter.annual_text)]
    rows: list[list[Flowable]] = [[_p(line, st.summary)] for line in lines]
    # Sign-off and flags belong beside the figure, not pages later.
    for step in letter.how:
        if step.step in ("sign_off", "flag"):
            rows.append([_p(step.easy_read if spec.name == "easy" else step.text, st.bold)])
    box = Table(rows, hAlign="LEFT")
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
    add(box)


def _answers_table(area: Any, st: _Styles, w: dict[str, str]) -> Table:
    header = [
        _p(w["col_question"], st.bold),
        _p(w["col_answer"], st.bold),
        _p(w["col_points"], st.bold),
    ]
    rows: list[list[Flowable]] = [header]
    for line in area.lines:
        answer = line.answer + (f" — {w['your_words']}: “{line.note}”" if line.note else "")
        rows.append([_p(line.question, st.body), _p(answer, st.body), _p(line.points, st.body)])
    table = Table(rows, colWidths=[78 * mm, 60 * mm, None], hAlign="LEFT", repeatRows=1)
    table.setStyle(
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
    return table


def _told_us(letter: Letter, spec: LetterStyle, st: _Styles, w: dict[str, str], add: Any) -> None:
    easy = spec.name == "easy"
    add(_p(w["told_us.easy" if easy else "told_us"], st.heading))
    add(_p(w["told_us_intro.easy" if easy else "told_us_intro"], st.body))
    for area in letter.areas:
        title = _p(area.title_easy if easy else area.title, st.area)
        summary = _p(area.summary.easy_read if easy else area.summary.text, st.body)
        if not spec.stacked:
            add(KeepTogether([title, _answers_table(area, st, w)]))
            add(summary)
            continue
        # One group per answer, kept on one page; the area's title stays with its first.
        # (KeepTogether must never nest: an inner one always forces a page break.)
        for i, line in enumerate(area.lines):
            answer_lines = (line.answer_easy if easy else line.answer).split("\n")
            words: list[Flowable] = [_p(line.question_easy if easy else line.question, st.bold)]
            words += [_p(text, st.body) for text in answer_lines]
            words.append(_p(line.points, st.body))
            if line.note:
                words.append(_p(f"{w['your_words']}: “{line.note}”", st.body))
            picture = _picture(line.picture, spec.picture_mm * mm, st.regular) if easy else None
            group: list[Flowable] = [title] if i == 0 else []
            if picture is not None:
                row = Table(
                    [[picture, words]],
                    colWidths=[spec.picture_mm * mm + 6 * mm, None],
                    hAlign="LEFT",
                )
                row.setStyle(
                    _grid(
                        st,
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ],
                    )
                )
                group.append(row)
            else:
                group.extend(words)
            group.append(Spacer(1, spec.body * 0.4))
            add(KeepTogether(group))
        if not area.lines:
            add(title)
        add(summary)
    if letter.general_note:
        add(_p(w["your_words"], st.area))
        add(_p(f"“{letter.general_note}”", st.body))
