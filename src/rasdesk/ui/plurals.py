"""Counted words on screen with Qt's plural forms: ``%n point(s)`` reads "1 point",
"3 points" in English and "1 pwynt", "3 pwynt" in Welsh (a noun after a number stays
singular), each language choosing among its own forms (translations/rasdesk_en.ts holds
the English ones, rasdesk_cy.ts the Welsh five).

Qt counts in whole numbers and writes them where ``%n`` stands. Points can have a part
(9.6 points), so a caller translates with ``form_number(value)`` and puts the exact figure
in with ``exact()``:

    n = form_number(points)
    text = exact(QCoreApplication.translate("Answers", "%n point(s)", None, n), n, "9.6")

The call stays literal, so lupdate sees the words (docs/translation.md)."""

from __future__ import annotations

import re
from decimal import Decimal

#: A whole number in the "many"/"other" form of both English and Welsh (Qt's Welsh forms:
#: 0, 1, 2–5, 6, other), which is the form CLDR gives a number with a part.
OTHER = 7


def form_number(value: Decimal | int) -> int:
    """The whole number whose plural form ``value`` takes: itself when whole, else OTHER."""
    number = Decimal(value)
    if number == number.to_integral_value() and abs(number) < 2**31:
        return int(number)
    return OTHER


def exact(text: str, n: int, shown: str) -> str:
    """``text`` as Qt translated it with ``n`` written for ``%n``, with ``shown`` (the exact
    figure, e.g. "9.6" or "8,140") in its place."""
    if shown == str(n):
        return text
    pattern = rf"(?<![\d.,]){n}(?![\d.,])"
    return re.sub(pattern, lambda _m: shown, text, count=1)
