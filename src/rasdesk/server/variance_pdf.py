"""The variance report as a PDF (``rasdesk-server report variance -o REPORT.pdf``), in the
calibration report's style (its styles, tables and page footer are reused): per ruleset
version and questionnaire, the key figures, a chart of how far final budgets sit from
the indicative ones, the picture by need area (with a chart) and by reason, and the
cases furthest out. Charts carry their meaning in words and numbers, not colour alone.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
)

from rasdesk.authoring.report import _footer, _p, _Styles, _table  # the same look
from rasdesk.authoring.report_style import BLUE, INK, MARGIN, WIDTH, gbp
from rasdesk.decision.decide import REASON_CATEGORIES
from rasdesk.printing import fonts
from rasdesk.printing.pages import numbered_canvas

BANDS = (
    ("More than 30% below", None, Decimal(-30)),
    ("10% to 30% below", Decimal(-30), Decimal(-10)),
    ("Within 10% either way", Decimal(-10), Decimal(10)),
    ("10% to 30% above", Decimal(10), Decimal(30)),
    ("More than 30% above", Decimal(30), None),
)


def band_counts(percents: list[Decimal]) -> list[int]:
    """Cases per band; the ±10% band includes both ends, the outer ones their far end."""
    counts = [0] * len(BANDS)
    for p in percents:
        if p < -30:
            counts[0] += 1
        elif p < -10:
            counts[1] += 1
        elif p <= 10:
            counts[2] += 1
        elif p <= 30:
            counts[3] += 1
        else:
            counts[4] += 1
    return counts


def bar_chart(labels: list[str], values: list[float], texts: list[str], font: str) -> Drawing:
    height = 22 * len(labels) + 16
    d = Drawing(WIDTH, height)
    d.initialFontName = font
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 150, 8, WIDTH - 300, height - 12
    chart.data = [values[::-1]]
    chart.categoryAxis.categoryNames = labels[::-1]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    low, high = min([0.0, *values]), max([0.0, *values])
    chart.valueAxis.valueMin = low * 1.05 if low < 0 else 0
    chart.valueAxis.valueMax = high * 1.05 if high > 0 else 1
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barSpacing = 3
    d.add(chart)
    step = chart.height / len(labels)
    for i, text in enumerate(texts[::-1]):
        d.add(
            String(
                chart.x + chart.width + 8,
                chart.y + step * i + step / 2 - 3.5,
                text,
                fontName=font,
                fontSize=9.5,
                fillColor=INK,
            )
        )
    return d


def _figures(s: dict[str, Any], st: _Styles) -> Flowable:
    if "median_percent" not in s:
        return _p("No case here has a percentage (every indicative amount was £0).", st.body)
    rows = [
        ["Decided cases", str(s["cases"])],
        ["Median variance (final against indicative)", f"{s['median_percent']}%"],
        [
            "Middle half of cases",
            f"{s['lower_quartile_percent']}% to {s['upper_quartile_percent']}%",
        ],
        ["Least and most", f"{s['least_percent']}% and {s['most_percent']}%"],
        [
            "Within ±10% of the indicative amount",
            f"{s['within_10_percent']} ({s['share_within_10_percent']}%)",
        ],
        ["Final above / below the indicative amount", f"{s['above']} / {s['below']}"],
        [
            f"Total indicative, total final ({PERIOD_WORDS.get(s.get('period', 'week'), 'a week')})",
            f"{gbp(Decimal(s['total_indicative']))}, {gbp(Decimal(s['total_final']))}",
        ],
    ]
    return _table(st, [["Figure", "Value"], *rows], [WIDTH * 0.62, WIDTH * 0.38], 1)


def _group(g: dict[str, Any], percents: list[Decimal], st: _Styles) -> list[Flowable]:
    out: list[Flowable] = [
        _p(
            f"Ruleset {g['ruleset_id']} version {g['ruleset_version']}, questionnaire “{g['questionnaire']}”"
            + (
                ""
                if g["period"] == "week"
                else f", amounts {PERIOD_WORDS.get(g['period'], g['period'])}"
            )
            + (f", amount “{g['amount']}” (the council's part)" if g.get("amount") else ""),
            st.heading,
        ),
        _figures(g, st),
        _p("How far final budgets sit from the indicative amounts", st.heading),
    ]
    counts = band_counts(percents)
    n = max(len(percents), 1)
    out.append(
        bar_chart(
            [b[0] for b in BANDS],
            [float(c) for c in counts],
            [f"{c} ({Decimal(c * 100) / n:.1f}%)" for c in counts],
            st.regular,
        )
    )
    areas = g["by_need_area"]
    if areas:
        rows = [
            [
                a,
                str(s["cases"]),
                f"{s.get('median_percent', '–')}%",
                f"{s.get('share_within_10_percent', '–')}%",
            ]
            for a, s in areas.items()
        ]
        with_pct = [(a, s) for a, s in areas.items() if "median_percent" in s]
        out += [
            _p("By need area (the areas the plan's items meet): share within ±10%", st.heading),
            bar_chart(
                [a for a, _ in with_pct],
                [float(s["share_within_10_percent"]) for _, s in with_pct],
                [
                    f"{s['share_within_10_percent']}% (median {s['median_percent']}%)"
                    for _, s in with_pct
                ],
                st.regular,
            ),
            _table(
                st,
                [["Need area", "Cases", "Median", "Within ±10%"], *rows],
                [WIDTH * 0.4, WIDTH * 0.15, WIDTH * 0.2, WIDTH * 0.25],
                1,
            ),
        ]
    cats = g["by_reason_category"]
    rows = [
        [REASON_CATEGORIES.get(k, k), str(s["cases"]), f"{s.get('median_percent', '–')}%"]
        for k, s in cats.items()
    ]
    out += [
        _p("By reason", st.heading),
        _table(
            st, [["Reason", "Cases", "Median"], *rows], [WIDTH * 0.6, WIDTH * 0.15, WIDTH * 0.25], 1
        ),
    ]
    far = [
        [
            f.get("council_ref") or f["case_uuid"][:8],
            gbp(Decimal(f["indicative"])),
            gbp(Decimal(f["final"])),
            f"{f['variance_percent']}%",
            _p(REASON_CATEGORIES.get(f["reason_category"], f["reason_category"]), st.cell),
        ]
        for f in g["furthest"]
    ]
    out.append(
        KeepTogether(
            [
                _p("The cases furthest from their indicative amount", st.heading),
                _table(
                    st,
                    [["Case", "Indicative", "Final", "Variance", "Reason"], *far],
                    [WIDTH * 0.16, WIDTH * 0.15, WIDTH * 0.15, WIDTH * 0.13, WIDTH * 0.41],
                    1,
                ),
            ]
        )
    )
    return out


#: How a group's period is said in its heading (a week, format 1's, is not said).
PERIOD_WORDS = {"month": "a month", "year": "a year", "one_off": "paid once"}


def render_variance(
    doc: dict[str, Any], percents: dict[tuple[str, ...], list[Decimal]], council: str
) -> bytes:
    regular, bold = fonts.pick("£−–±“”" + council)
    st = _Styles(regular, bold)
    story: list[Flowable] = [
        _p(council, st.bold),
        _p("Variance report: final personal budgets against the indicative amounts", st.title),
        _p(
            f"{doc['cases']} decided cases (each case's latest decision)"
            + (f", received from {doc['since']}" if doc["since"] else "")
            + (f", ruleset {doc['ruleset']}" if doc["ruleset"] else "")
            + ". Variance is the final budget less the indicative amount, as a percentage of the "
            "indicative amount; the middle half runs from the lower to the upper quartile.",
            st.body,
        ),
    ]
    for i, g in enumerate(doc["groups"]):
        if i:
            story.append(PageBreak())
        key = (
            g["ruleset_id"],
            g["ruleset_version"],
            g["questionnaire"],
            g["period"],
            g.get("amount") or "",
        )
        story += _group(g, percents.get(key, []), st)
    if not doc["groups"]:
        story.append(_p("No decided cases match.", st.body))
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Variance report – {council}",
        author=council,
        lang="en-GB",
        initialFontName=regular,
    )
    template.addPageTemplates(
        [
            PageTemplate(
                id="page", frames=[Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN, id="body")]
            )
        ]
    )
    template.build(
        story,
        canvasmaker=numbered_canvas(_footer(st, "Variance report – for the RAS team's review")),
    )
    return buffer.getvalue()
