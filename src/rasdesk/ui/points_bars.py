"""The budget page's chart data: each section's points after every point adjustment (so
the bars add up to the total the page states), with the points it had before any
adjustment changed it, and a bar for whatever the total adds after the sections (points
rounded, or raised to the least number of points)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from rasdesk.domain.model import Questionnaire
from rasdesk.ui.words import shown_text


def section_bars(
    budget: dict[str, Any], questionnaire: Questionnaire, language: str, easy: bool
) -> tuple[list[tuple[str, Decimal]], list[Decimal | None]]:
    """``(bars, was)`` for PointsChart from ``budget`` (as ``rasdesk compute --json``)."""
    points = {s["id"]: Decimal(s["points"]) for s in budget["sections"]}
    before = dict(points)
    for step in budget["point_adjustments"]:  # in order: each on the points left before
        if step["applied"]:
            for sid, change in step["sections"].items():
                points[sid] = Decimal(change["after"])
    bars: list[tuple[str, Decimal]] = []
    was: list[Decimal | None] = []
    for section in questionnaire.sections:
        if section.id not in points:
            continue
        bars.append(
            (shown_text(section.title, section.easy_read, language, easy), points[section.id])
        )
        was.append(before[section.id] if before[section.id] != points[section.id] else None)
    rest = Decimal(budget["total_points"]) - sum(points.values(), Decimal(0))
    if rest:
        if budget.get("minimum_points_applied"):
            name = QCoreApplication.translate(
                "PointsBars", "Added to reach the least number of points"
            )
        else:
            name = QCoreApplication.translate("PointsBars", "Rounding of the points")
        bars.append((name, rest))
        was.append(None)
    return bars, was
