"""Budget periods: what span of time an amount of money is for.

Real councils' budgets are not all weekly: carers' budgets are often one-off payments for
the next 12 months, learning-disability budgets are stated a year, some schemes work per
month. An amount always travels with its period so that nothing is divided by 52 behind
the person's back. Conversions between periods are never implied here: a ruleset declares
them (format 2), and a support plan states each item's own period.
"""

from __future__ import annotations

from enum import StrEnum


class Period(StrEnum):
    """The span an amount covers. ``ONE_OFF`` is a single payment (with what it covers)."""

    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    ONE_OFF = "one_off"

    @classmethod
    def parse(cls, text: str) -> Period:
        """The period named ``text`` exactly (``week``, ``month``, ``year``, ``one_off``).

        Raises ``ValueError`` naming the allowed words for anything else.
        """
        for period in cls:
            if period.value == text:
                return period
        allowed = ", ".join(p.value for p in cls)
        raise ValueError(f"{text!r} is not a period: use one of {allowed}")


PERIOD_WORDS = tuple(p.value for p in Period)
