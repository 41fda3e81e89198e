"""The calibration report's two charts (reportlab graphics): who would get more, less or
about the same as today, and each person's current cost against the indicative amount,
ordered by points. Meaning is carried by words, markers and line styles, not colour alone.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker

from rasdesk.authoring.calibrate import Calibration
from rasdesk.authoring.report_style import BLUE, GREY, INK, LIGHT, OUTCOME_WORDS, WIDTH, pct


def outcome_chart(c: Calibration, font: str) -> Drawing:
    """Three labelled bars; each bar's words and number carry the meaning, not its colour."""
    keys = ("more", "within", "less")
    counts = [c.count(k) for k in keys]
    n = Decimal(len(c.people))
    d = Drawing(WIDTH, 118)
    d.initialFontName = font
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 175, 12, WIDTH - 245, 100
    chart.data = [counts[::-1]]
    chart.categoryAxis.categoryNames = [OUTCOME_WORDS[k] for k in keys][::-1]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(counts), 1) * 1.05
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = None
    chart.barSpacing = 4
    d.add(chart)
    step = chart.height / 3
    scale = chart.width / float(chart.valueAxis.valueMax)
    for i, count in enumerate(counts[::-1]):
        y = chart.y + step * i + step / 2 - 3.5
        x = chart.x + count * scale + 5
        d.add(
            String(
                x,
                y,
                f"{count} ({pct(Decimal(count), n)})",
                fontName=font,
                fontSize=10,
                fillColor=INK,
            )
        )
    return d


def people_chart(c: Calibration, font: str) -> Drawing:
    """Current cost (hollow circles, no line) and the indicative amount (a solid line)
    for each person, left to right from fewest points to most."""
    people = sorted(c.people, key=lambda p: (p.points, p.current, p.row))
    current = [(i + 1, float(p.current)) for i, p in enumerate(people)]
    indicative = [(i + 1, float(p.indicative)) for i, p in enumerate(people)]
    height = 290
    d = Drawing(WIDTH, height)
    d.initialFontName = font
    lp = LinePlot()
    lp.x, lp.y, lp.width, lp.height = 48, 60, WIDTH - 60, height - 100
    lp.data = [current, indicative]
    lp.lines[0].lineStyle = "line"  # markers only: today's costs are scattered
    lp.lines[0].strokeColor = GREY
    lp.lines[0].symbol = makeMarker(
        "Circle", size=4.5, fillColor=GREY, strokeColor=INK, strokeWidth=0.8
    )
    lp.lines[1].lineStyle = "joinedLine"
    lp.lines[1].strokeColor = BLUE
    lp.lines[1].strokeWidth = 1.8
    top = max([y for _, y in current + indicative] + [1.0])
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = 0, len(people) + 1
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax = 0, top * 1.08
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 8.5
    lp.yValueAxis.labelTextFormat = lambda v: f"£{v:,.0f}"
    lp.xValueAxis.labelTextFormat = lambda v: f"{v:.0f}"
    lp.yValueAxis.visibleGrid = True
    lp.yValueAxis.gridStrokeColor = LIGHT
    d.add(lp)
    d.add(String(lp.x - 40, lp.y + lp.height + 10, "£ a week", fontName=font, fontSize=9))
    d.add(
        String(
            lp.x + lp.width / 2,
            lp.y - 26,
            "Each person in the sample, ordered by points: 1 = fewest points, on the left",
            fontName=font,
            fontSize=9,
            textAnchor="middle",
        )
    )
    # The key, drawn with the same marker and line as the chart.
    ky = 12
    d.add(
        makeMarker(
            "Circle", size=6, fillColor=GREY, strokeColor=INK, strokeWidth=0.9, x=lp.x + 6, y=ky + 3
        )
    )
    d.add(
        String(
            lp.x + 16,
            ky,
            "What their support costs today (one circle a person)",
            fontName=font,
            fontSize=9,
        )
    )
    kx = lp.x + WIDTH * 0.5
    d.add(Line(kx, ky + 3, kx + 22, ky + 3, strokeColor=BLUE, strokeWidth=1.8))
    d.add(String(kx + 28, ky, "Indicative amount at the proposed rate", fontName=font, fontSize=9))
    return d
