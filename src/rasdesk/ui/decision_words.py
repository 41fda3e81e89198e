"""The words the screens use for plans and decisions: where a case's decision stands,
periods, the ways a budget is managed and the reason categories. Translated here, once."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from rasdesk.domain.decimals import CENT, plain


def status_words(status: str | None) -> str:
    return {
        "planning": QCoreApplication.translate("Decision", "support plan in progress"),
        "waiting": QCoreApplication.translate("Decision", "waiting for a decision"),
        "agreed": QCoreApplication.translate("Decision", "plan agreed"),
        "decided": QCoreApplication.translate("Decision", "decided"),
    }.get(status or "", "")


def period_words(period: str) -> str:
    return {
        "week": QCoreApplication.translate("Decision", "a week"),
        "month": QCoreApplication.translate("Decision", "a month"),
        "year": QCoreApplication.translate("Decision", "a year"),
        "one_off": QCoreApplication.translate("Decision", "once"),
    }[period]


def indicative_per(indicative: Any, lang: str) -> str:
    """The period an indicative amount is said in: "a week", "a year"; a one-off amount
    "as a one-off payment", with what it covers when the ruleset says ("(for the next 12
    months)"), never "a year" (``costing.over_a_year``, docs/ruleset-v2.md §5)."""
    if not indicative.once:
        return period_words(indicative.period.value)
    per = QCoreApplication.translate("Decision", "as a one-off payment")
    covers = indicative.covers_in(lang)
    if covers is None:
        return per
    return QCoreApplication.translate("Decision", "{per} ({covers})").format(per=per, covers=covers)


def funder_words(funder: str) -> str:
    """Who pays a part another body funds, as a screen says it."""
    return {
        "nhs": QCoreApplication.translate("Decision", "the NHS"),
        "ilf": QCoreApplication.translate("Decision", "the Independent Living Fund"),
    }.get(funder, QCoreApplication.translate("Decision", "another funder"))


def council_lines(indicative: Any) -> list[str]:
    """Format 2, under the indicative figure: that it is the council's part, and each part
    another body pays, shown and never counted as council money (docs/ruleset-v2.md §5).
    Empty for format 1."""
    if indicative.amount_id is None:
        return []
    per = period_words(indicative.period.value)
    return [
        QCoreApplication.translate(
            "Decision", "This is the council's part: the plan is measured against council money."
        ),
        *(
            QCoreApplication.translate(
                "Decision",
                "Paid by {funder}, not by the council, and not counted here: {amount} {per}",
            ).format(funder=funder_words(p.funder), amount=pounds(p.amount), per=per)
            for p in indicative.other_parts
        ),
    ]


def mechanism_words(code: str) -> str:
    return {
        "direct_payment": QCoreApplication.translate("Decision", "Direct Payment"),
        "cassr_managed_personal_budget": QCoreApplication.translate(
            "Decision", "CASSR Managed Personal Budget (managed by the council)"
        ),
        "cassr_commissioned_support": QCoreApplication.translate(
            "Decision", "CASSR Commissioned Support (arranged by the council)"
        ),
        "individual_service_fund": QCoreApplication.translate(
            "Decision", "Individual Service Fund"
        ),
    }[code]


def category_words(code: str) -> str:
    return {
        "as_indicative": QCoreApplication.translate(
            "Decision", "The final budget is the indicative amount"
        ),
        "needs_not_captured": QCoreApplication.translate(
            "Decision", "Needs the questionnaire did not capture"
        ),
        "needs_overstated": QCoreApplication.translate("Decision", "Needs met in other ways"),
        "local_costs": QCoreApplication.translate("Decision", "What support costs locally"),
        "carer_circumstances": QCoreApplication.translate(
            "Decision", "A carer's circumstances changed"
        ),
        "health_funding": QCoreApplication.translate("Decision", "Health funding shares the cost"),
        "risk": QCoreApplication.translate("Decision", "Risk to the person or others"),
        "other": QCoreApplication.translate("Decision", "Another reason"),
    }[code]


def direction_words(direction: str) -> str:
    return {
        "same": QCoreApplication.translate("Decision", "the same as the indicative amount"),
        "above": QCoreApplication.translate("Decision", "above the indicative amount"),
        "below": QCoreApplication.translate("Decision", "below the indicative amount"),
    }[direction]


def pounds(value: Decimal) -> str:
    """£1,234.56: money to the penny as people read it (exact values stay in the store)."""
    return f"£{value.quantize(CENT, rounding=ROUND_HALF_UP):,}"


def percent_words(percent: Decimal | None) -> str:
    """How far a plan is from the indicative amount, as a per cent without trailing zeros
    ("20", "12.5"), said as the CLI and the decision letter say it (``plain``)."""
    return plain(abs(percent)) if percent is not None else "0"
