"""The calibration report: a PDF a council's RAS team (and the public) can read before a
new £-per-point rate goes live.

Page 1 gives the proposed rate, how it was derived, and the totals; then who would get
more, less or about the same as today (counts, shares, a bar chart); then every person's
current cost against the indicative amount under the new rate, ordered by points (the
picture councils use to show who gains and who loses); then the biggest losers, the rows
left out and why, and the method. Fonts are embedded (``rasdesk.printing.fonts``); the
charts carry their meaning in words, markers and line styles, not colour alone.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from rasdesk.authoring.calibrate import Calibration, Person, to_decimal
from rasdesk.authoring.report_charts import outcome_chart, people_chart
from rasdesk.authoring.report_style import (
    GREY,
    INK,
    MARGIN,
    METHOD_WORDS,
    OUTCOME_WORDS,
    WIDTH,
    gbp,
    pct,
    rate_text,
    signed_pct,
)
from rasdesk.domain.decimals import plain
from rasdesk.printing import fonts
from rasdesk.printing.pages import Decorate, numbered_canvas


class _Styles:
    def __init__(self, regular: str, bold: str) -> None:
        self.regular, self.bold_font = regular, bold
        self.body = ParagraphStyle(
            "body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=5, textColor=INK
        )
        self.small = ParagraphStyle("small", parent=self.body, fontSize=9, leading=12)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=9.5, leading=12, spaceAfter=0)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=bold)
        self.title = ParagraphStyle(
            "title", parent=self.body, fontName=bold, fontSize=19, leading=24, spaceAfter=4
        )
        self.rate = ParagraphStyle(
            "rate", parent=self.body, fontName=bold, fontSize=15, leading=20, spaceBefore=6
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=self.body,
            fontName=bold,
            fontSize=13.5,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _table(st: _Styles, rows: list[list[Any]], widths: list[float], numeric_from: int) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # A table's own font defaults to Helvetica, which would be named, unembedded.
                ("FONTNAME", (0, 0), (-1, -1), st.regular),
                ("FONTNAME", (0, 0), (-1, 0), st.bold_font),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, GREY),
                ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _key_figures(c: Calibration, st: _Styles) -> Table:
    ratio, _ = to_decimal(c.ratio_exact)
    lsq, _ = to_decimal(c.least_squares_exact)
    chosen, _ = to_decimal(c.chosen_exact)
    cont = plain(c.contingency * 100)
    rows: list[list[Any]] = [
        ["Figure", "Value"],
        ["People in the sample used (rows left out)", f"{len(c.people)} ({len(c.excluded)})"],
        ["Total current weekly cost of their support", gbp(c.total_cost)],
        ["Total points (as the ruleset scores them)", plain(c.total_points)],
        ["Ratio: total cost ÷ total points", rate_text(ratio) + " a point"],
        ["Least squares: sum of (cost × points) ÷ sum of (points²)", rate_text(lsq) + " a point"],
        ["Method used", METHOD_WORDS[c.method]],
        ["Contingency kept back", f"{cont}% (rate × {plain(1 - c.contingency)})"],
        ["Rate after contingency", rate_text(chosen) + " a point"],
        ["Proposed rate (rounded half up to the penny)", f"{gbp(c.proposed_rate)} a point"],
        [
            "Rate in the ruleset today",
            f"{gbp(c.old_rate)} a point (change {signed_pct((c.proposed_rate - c.old_rate) / c.old_rate) if c.old_rate else '–'})",
        ],
    ]
    return _table(st, rows, [WIDTH * 0.58, WIDTH * 0.42], 1)


def _outcomes(c: Calibration, st: _Styles) -> Table:
    n = Decimal(len(c.people))
    rows: list[list[Any]] = [["Under the proposed rate, compared with today", "People", "Share"]]
    for key in ("more", "within", "less"):
        count = c.count(key)
        rows.append([OUTCOME_WORDS[key], str(count), pct(Decimal(count), n)])
    rows.append(["All people used", str(len(c.people)), "100%"])
    table = _table(st, rows, [WIDTH * 0.62, WIDTH * 0.19, WIDTH * 0.19], 1)
    table.setStyle(TableStyle([("FONTNAME", (0, -1), (-1, -1), st.bold_font)]))
    return table


def _totals(c: Calibration, st: _Styles) -> Table:
    current, indicative = c.total_cost, c.total_indicative
    factor = c.annual_factor
    change = signed_pct((indicative - current) / current) if current else "–"
    lines: list[tuple[str, Decimal]] = [
        ("What their support costs today", current),
        ("Indicative amounts at the proposed rate", indicative),
        (f"Difference ({change})", indicative - current),
    ]
    if factor is None:  # format 2 without a declared week → year conversion
        rows: list[list[Any]] = [["Totals for the people used", "A week"]]
        rows += [[label, gbp(value)] for label, value in lines]
        return _table(st, rows, [WIDTH * 0.7, WIDTH * 0.3], 1)
    rows = [["Totals for the people used", "A week", "A year"]]
    rows += [[label, gbp(value), gbp(value * factor)] for label, value in lines]
    return _table(st, rows, [WIDTH * 0.52, WIDTH * 0.24, WIDTH * 0.24], 1)


def _person_rows(people: list[Person]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Ref", "Row", "Points", "Today", "Indicative", "Difference", "Change"]
    ]
    for p in people:
        rows.append(
            [
                p.ref,
                str(p.row),
                plain(p.points),
                gbp(p.current),
                gbp(p.indicative),
                gbp(p.difference),
                signed_pct(p.share),
            ]
        )
    return rows


def _footer(st: _Styles, footer: str) -> Decorate:
    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.setFillColor(INK)
        canvas.setFont(st.regular, 9)
        canvas.drawString(MARGIN, MARGIN * 0.55, footer)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN * 0.55, f"Page {page} of {total}")

    return decorate


def _story(c: Calibration, st: _Styles) -> list[Flowable]:
    r = c.ruleset
    q = r.questionnaire_by_id[c.questionnaire]
    n = len(c.people)
    story: list[Flowable] = []
    add = story.append
    add(_p(r.council, st.bold))
    subject = c.subject or f"“{q.title.en}”"
    add(_p(f"Calibration report: the rate per point for {subject}", st.title))
    part = f", part “{c.part}”" if c.part else ""
    add(
        _p(
            f"Ruleset {r.id} version {r.version}, questionnaire “{q.id}”{part}. Sample: "
            f"{c.source}, {n} people used. Prepared on {c.on_date.isoformat()}.",
            st.small,
        )
    )
    add(
        _p(
            f"Proposed rate: {gbp(c.proposed_rate)} a point (today: {gbp(c.old_rate)} a point)",
            st.rate,
        )
    )
    add(
        _p(
            f"This is a proposal for the council's RAS team to check. It is not in force: the new "
            f"ruleset must be reviewed, given a new version number and signed first. The rate comes "
            f"from the {METHOD_WORDS[c.method]} of what the support of the {n} people costs today, "
            f"less a {plain(c.contingency * 100)}% contingency, rounded half up to the penny.",
            st.body,
        )
    )
    add(_p("How the rate was worked out", st.heading))
    add(_key_figures(c, st))
    add(
        _p(
            "“≈” marks a figure shown to 4 decimal places whose exact value has more; the "
            "calculation itself uses the exact value.",
            st.small,
        )
    )
    add(_p("Totals against the sample's budget", st.heading))
    add(_totals(c, st))
    add(
        _p(
            "The indicative total is not simply today's total less the contingency: the "
            "ruleset's adjustments (for example for help at night), its floor and ceiling, and "
            "the rounding of the rate to the penny all move it.",
            st.small,
        )
    )
    add(PageBreak())
    add(_p("Who would get more and who would get less", st.heading))
    more, within, less = (c.count(k) for k in ("more", "within", "less"))
    whole = Decimal(n)
    add(
        _p(
            f"Each person's indicative amount is worked out with the whole ruleset at the "
            f"proposed rate (including its adjustments, floor, ceiling and rounding) and compared "
            f"with what their support costs today. {more} of the {n} people "
            f"({pct(Decimal(more), whole)}) would get more than 10% more; {less} "
            f"({pct(Decimal(less), whole)}) would get more than 10% less; {within} "
            f"({pct(Decimal(within), whole)}) would get within 10% of today's cost.",
            st.body,
        )
    )
    if c.part:
        add(
            _p(
                f"The ruleset is in format 2, so the figure compared is the amount of the part "
                f"calibrated ({c.part}): its points at the proposed rate with the part's own "
                f"adjustments, floor, ceiling and rounding, and the amount's rules. The sample's "
                f"costs are what that part pays for today; the ruleset's other parts are not in "
                f"these figures.",
                st.body,
            )
        )
    add(KeepTogether([_outcomes(c, st), Spacer(1, 6), outcome_chart(c, st.regular)]))
    add(_p("Each person: today's cost and the indicative amount", st.heading))
    add(people_chart(c, st.regular))
    add(
        _p(
            "How to read this chart: each circle is one person's support as it costs today; the "
            "line is what the ruleset would give them at the proposed rate. Where a circle is above "
            "the line, that person would get less than today; below the line, more. People further "
            "right have more points. The line is not smooth because the ruleset's adjustments (such "
            "as an addition for help at night) move some people's amounts. Circles far from the "
            "line are the people to look at closely before the rate goes live.",
            st.body,
        )
    )
    add(PageBreak())
    losers = c.biggest_losers(10)
    add(_p(f"The biggest losers ({len(losers)} shown)", st.heading))
    if losers:
        add(
            _p(
                "The people whose indicative amount is furthest below what their support costs "
                "today, largest loss in pounds first. An indicative amount is a starting point: "
                "the final budget must be enough to meet the person's eligible needs.",
                st.body,
            )
        )
        widths = [0.18, 0.08, 0.1, 0.16, 0.16, 0.17, 0.15]
        add(_table(st, _person_rows(losers), [WIDTH * w for w in widths], 1))
    else:
        add(_p("No one in the sample would get less than today.", st.body))
    story.extend(_excluded(c, st))
    add(_method(c, st))
    return story


def _excluded(c: Calibration, st: _Styles) -> list[Flowable]:
    parts: list[Flowable] = [_p(f"Rows left out ({len(c.excluded)})", st.heading)]
    if not c.excluded:
        parts.append(_p("Every row of the sample could be scored.", st.body))
    else:
        parts.append(
            _p(
                "These rows have answers the ruleset cannot score, so they are not in any total "
                "above. Correct them in the sample and run the calibration again. Row numbers are "
                "as a spreadsheet shows them (the header is row 1).",
                st.body,
            )
        )
        rows: list[list[Any]] = [["Row", "Ref", "Why it was left out"]]
        for s in c.excluded:
            rows.append([str(s.row), s.ref or "–", _p("; ".join(s.problems), st.cell)])
        parts.append(_table(st, rows, [WIDTH * 0.08, WIDTH * 0.17, WIDTH * 0.75], 99))
    zero = c.zero_points
    if zero:
        parts.append(Spacer(1, 6))
        who = "1 person scores" if len(zero) == 1 else f"{len(zero)} people score"
        parts.append(
            _p(
                f"{who} 0 points. They are kept in the totals: their cost counts, their points "
                f"add nothing. References: {', '.join(p.ref for p in zero)}.",
                st.body,
            )
        )
    return [KeepTogether(parts[:3]), *parts[3:]]


def _method(c: Calibration, st: _Styles) -> Flowable:
    text = [
        "Points: each person's answers are scored with the ruleset exactly as an assessment "
        "would score them (section caps, weights, point adjustments, rounding and minimum "
        "points), before any money is worked out.",
        "Ratio: the rate is the total current weekly cost of everyone used divided by their "
        "total points. Least squares: the rate r that makes the sum of (cost − r × points)² "
        "smallest, which is the sum of (cost × points) ÷ the sum of (points²). Both are worked out exactly; only the "
        "proposed rate is rounded, half up to the penny.",
        "Contingency: the chosen rate is multiplied by (1 − contingency), keeping part of the "
        "budget back for needs the questionnaire does not capture.",
        "More, less, within: within means the indicative amount is no more than 10% above or "
        "below today's cost (10% exactly counts as within).",
    ]
    return KeepTogether([_p("The method", st.heading), *[_p(t, st.body) for t in text]])


def render_report(c: Calibration) -> bytes:
    """The report's PDF bytes."""
    probe = _story_text(c)
    regular, bold = fonts.pick(probe)
    st = _Styles(regular, bold)
    buffer = io.BytesIO()
    title = f"Calibration report – {c.ruleset.council} – {c.ruleset.id} {c.ruleset.version}"
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=c.ruleset.council,
        subject="Calibration of the rate per point from a sample",
        lang="en-GB",
        initialFontName=regular,
    )
    frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = f"Calibration report – {c.ruleset.id} {c.ruleset.version} – proposal, not in force"
    doc.build(_story(c, st), canvasmaker=numbered_canvas(_footer(st, footer)))
    return buffer.getvalue()


def _story_text(c: Calibration) -> str:
    """Every character the report may set, to choose a font that has them all."""
    r = c.ruleset
    words = [r.council, r.id, r.version, c.source, *OUTCOME_WORDS.values()]
    words += [q.title.en for q in r.questionnaires] + [c.subject, c.part or ""]
    words += [p.ref for p in c.people] + [s.ref for s in c.excluded]
    words += [m for s in c.excluded for m in s.problems]
    return "".join(words) + "£−–≈“”×÷²"
