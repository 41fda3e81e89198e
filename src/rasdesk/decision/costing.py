"""What a support plan costs, and how that compares with the indicative amount.

Exact Decimal throughout: each item costs quantity × rate for its own period; the plan
has a total per period (a week, a month, a year, one-off) and a total over a year, which
is what it is compared with (see indicative.py for why a year). The comparison says
same, above or below, by how much a year and a period, and by what percentage.
``over_a_year`` says when "a year" is left unsaid (a one-off amount with a one-off plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from rasdesk.decision.indicative import Indicative
from rasdesk.decision.plan import Plan
from rasdesk.domain.decimals import money, plain
from rasdesk.domain.periods import Period

PERCENT = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The plan (or a final budget) against the indicative amount, over a year."""

    plan_per_year: Decimal
    indicative_per_year: Decimal
    difference: Decimal  # plan − indicative, a year (negative: below)
    percent: Decimal | None  # of the indicative, to 0.1 %; None when it is 0

    @property
    def direction(self) -> str:
        """``same``, ``above`` or ``below``."""
        if self.difference == 0:
            return "same"
        return "above" if self.difference > 0 else "below"

    def as_dict(self) -> dict[str, Any]:
        return {
            "plan_per_year": money(self.plan_per_year),
            "indicative_per_year": money(self.indicative_per_year),
            "difference": money(self.difference),
            "percent": None if self.percent is None else plain(self.percent),
            "direction": self.direction,
        }


def totals(plan: Plan) -> dict[Period, Decimal]:
    """The plan's cost for each period that has items (in Period order)."""
    out: dict[Period, Decimal] = {}
    for period in Period:
        items = [i.cost for i in plan.items if i.period is period]
        if items:
            out[period] = sum(items, Decimal(0))
    return out


def per_year(plan: Plan, indicative: Indicative) -> Decimal:
    return sum(
        (indicative.yearly(amount, period) for period, amount in totals(plan).items()),
        Decimal(0),
    )


def over_a_year(plan: Plan, indicative: Indicative) -> bool:
    """Whether the plan and the comparison are said over a year too (the words every
    screen, the CLI and the decision letter follow): always, except against a one-off
    amount when every item is one-off too — its year's worth is then the same figure, and
    "over a year" would make a one-off payment sound yearly; such an amount is said once,
    with what it covers (``Indicative.covers_in``)."""
    return not (indicative.once and all(i.period is Period.ONE_OFF for i in plan.items))


def percent_of(difference: Decimal, base: Decimal) -> Decimal | None:
    if base == 0:
        return None
    return (difference * 100 / base).quantize(PERCENT, rounding=ROUND_HALF_UP)


def compare(plan: Plan, indicative: Indicative) -> Comparison:
    cost = per_year(plan, indicative)
    base = indicative.exact_per_year
    difference = cost - base
    return Comparison(cost, base, difference, percent_of(difference, base))


def needs_decision(plan: Plan, indicative: Indicative) -> list[str]:
    """Why the plan needs a manager or a panel (empty: the assessor may agree it).

    Above the indicative amount over a year, or (with a sign-off threshold in the
    ruleset, stated per the indicative period) a plan whose yearly cost is above that
    threshold over a year.
    """
    cost = per_year(plan, indicative)
    why = []
    if cost > indicative.exact_per_year:
        why.append("above_indicative")
    limit = indicative.sign_off_above
    if limit is not None and cost > indicative.yearly(limit, indicative.period):
        why.append("above_sign_off")
    return why
