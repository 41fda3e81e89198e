"""Shared look and number words of the calibration report (its page and its charts)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from rasdesk.domain.decimals import CENT

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
INK = colors.HexColor("#1a1a1a")
BLUE = colors.HexColor("#1d4f91")
GREY = colors.HexColor("#595959")
LIGHT = colors.HexColor("#e8e8e8")
OUTCOME_WORDS = {
    "more": "More than 10% more than today",
    "within": "Within 10% of today (either way)",
    "less": "More than 10% less than today",
}
METHOD_WORDS = {
    "ratio": "ratio (total cost ÷ total points)",
    "least-squares": "least squares through the origin",
}


def gbp(value: Decimal) -> str:
    """£1,234.56 (−£12.00 when negative): for people, not for files."""
    pence = value.quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "−" if pence < 0 else ""
    return f"{sign}£{abs(pence):,}"


def pct(part: Decimal, whole: Decimal, places: str = "0.1") -> str:
    if whole == 0:
        return "–"
    value = (part / whole * 100).quantize(Decimal(places), rounding=ROUND_HALF_UP)
    return f"{value}%"


def signed_pct(share: Decimal | None) -> str:
    if share is None:
        return "–"
    value = (share * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{'+' if value > 0 else '−' if value < 0 else ''}{abs(value)}%"


def rate_text(value: Decimal) -> str:
    """A rate with its exact digits (up to 4 decimals shown, '≈' when cut)."""
    shown = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return f"£{shown}" if shown == value else f"≈ £{shown}"
