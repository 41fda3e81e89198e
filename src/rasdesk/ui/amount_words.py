"""How the case list says a format-2 case's figures: each amount in its own period ("£1,234.56
a year", "£250.00 one-off"), the council's figure first and each other funder's apart
("£586.20 a week from the council + £235.88 a week from the NHS"), never added together."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from rasdesk.storage.amount_figures import AmountFigure
from rasdesk.ui.words import money


def figure(amount: Decimal, per: str) -> str:
    words = {
        "week": QCoreApplication.translate("AmountWords", "£{amount} a week"),
        "month": QCoreApplication.translate("AmountWords", "£{amount} a month"),
        "year": QCoreApplication.translate("AmountWords", "£{amount} a year"),
        "one_off": QCoreApplication.translate("AmountWords", "£{amount} one-off"),
    }[per]
    return words.format(amount=money(amount))


def funder_words(funder: str) -> str:
    return {
        "nhs": QCoreApplication.translate("AmountWords", "from the NHS"),
        "ilf": QCoreApplication.translate("AmountWords", "from the Independent Living Fund"),
    }.get(funder, QCoreApplication.translate("AmountWords", "from another funder"))


def amounts_line(amounts: list[AmountFigure]) -> str:
    """One case's figures for its line in the case list."""
    said = []
    for amount in amounts:
        words = figure(amount.council, amount.per)
        if any(value for funder, value in amount.funders.items() if funder != "council"):
            words = QCoreApplication.translate("AmountWords", "{figure} from the council").format(
                figure=words
            )
        for funder, value in amount.funders.items():
            if funder != "council" and value:
                words += " + " + QCoreApplication.translate(
                    "AmountWords", "{figure} {funder}"
                ).format(figure=figure(value, amount.per), funder=funder_words(funder))
        if len(amounts) > 1:
            words = QCoreApplication.translate("AmountWords", "{label}: {figures}").format(
                label=amount.label, figures=words
            )
        said.append(words)
    return "; ".join(said)
