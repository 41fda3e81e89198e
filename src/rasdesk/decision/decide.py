"""The decision: who set the final personal budget, when, how much, and why.

The final budget may differ from both the indicative amount and the plan's cost; when it
differs from the indicative amount the person must be told why (Savva v Kensington and
Chelsea, 2010): reasons in plain words and a reason category (for the RAS team's
variance report) are then required. The final budget is stated for the indicative
amount's period (a week, for a format-1 ruleset).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.decision.errors import FieldError
from rasdesk.decision.plan import number_field, text_field
from rasdesk.domain.decimals import money

MAX_REASONS = 4000
MAX_FINAL = Decimal(1000000)
ROLES = ("manager", "panel")

#: Why a final budget differs from the indicative amount (what the variance report counts).
REASON_CATEGORIES: dict[str, str] = {
    "as_indicative": "The final budget is the indicative amount",
    "needs_not_captured": "Needs the questionnaire did not capture",
    "needs_overstated": "Needs met in other ways than the questionnaire assumed",
    "local_costs": "What support costs locally",
    "carer_circumstances": "A carer's circumstances changed",
    "health_funding": "Health funding shares the cost",
    "risk": "Risk to the person or others",
    "other": "Another reason (see the reasons)",
}


@dataclass(frozen=True, slots=True)
class Decision:
    by_role: str  # manager or panel
    by: str  # who: "Resource allocation panel", "Jo Bloggs, team manager"
    decided_on: str  # the date, YYYY-MM-DD
    final: Decimal  # the final personal budget, for the indicative amount's period
    period: str
    reasons: str
    category: str
    source: str = "assessor"  # recorded on the laptop ("assessor") or at the council ("council")

    def as_dict(self) -> dict[str, Any]:
        return {
            "by_role": self.by_role,
            "by": self.by,
            "decided_on": self.decided_on,
            "final": money(self.final),
            "period": self.period,
            "reasons": self.reasons,
            "category": self.category,
            "source": self.source,
        }


def role_of(by: str) -> str:
    return "panel" if "panel" in by.casefold() else "manager"


def make_decision(
    *,
    indicative: Decimal,
    period: str,
    final: Any,
    by: Any,
    reasons: Any = None,
    category: Any = None,
    role: Any = None,
    decided_on: Any = None,
    source: str = "assessor",
    today: dt.date | None = None,
) -> Decision:
    """A checked decision; every refusal names its field."""
    amount = number_field("final", final, limit=MAX_FINAL, places=2, zero_ok=True)
    who = text_field("by", by)
    chosen_role = role if role is not None else role_of(who)
    if chosen_role not in ROLES:
        raise FieldError("role", f"{chosen_role!r}: a decision is made by a manager or a panel")
    day = today or dt.datetime.now(dt.UTC).date()
    if decided_on is None or decided_on == "":
        on = day
    else:
        try:
            on = dt.date.fromisoformat(str(decided_on))
        except ValueError:
            raise FieldError("date", f"{decided_on!r} is not a date written YYYY-MM-DD") from None
        if on > day + dt.timedelta(days=1):
            raise FieldError("date", f"{on} is in the future: a decision is recorded once made")
    text = reasons.strip() if isinstance(reasons, str) else ""
    if len(text) > MAX_REASONS:
        raise FieldError("reason", f"is {len(text)} characters long: keep it to {MAX_REASONS}")
    if any((ord(c) < 32 and c not in "\n\t") or ord(c) == 127 for c in text):
        raise FieldError("reason", "holds control characters: type plain text")
    differs = amount != indicative
    if differs and not text:
        raise FieldError(
            "reason",
            f"the final budget (£{money(amount)}) differs from the indicative amount "
            f"(£{money(indicative)}): give the reasons, in words the person will read",
        )
    cat = category if category not in (None, "") else ("as_indicative" if not differs else None)
    if cat is None:
        raise FieldError(
            "category",
            "say why the final budget differs, as one of: " + ", ".join(REASON_CATEGORIES),
        )
    if cat not in REASON_CATEGORIES:
        raise FieldError(
            "category",
            f"{cat!r} is not a reason category (use one of: {', '.join(REASON_CATEGORIES)})",
        )
    if differs and cat == "as_indicative":
        raise FieldError(
            "category", "as_indicative is only for a final budget equal to the indicative amount"
        )
    if source not in ("assessor", "council"):
        raise FieldError("source", f"{source!r}: a decision comes from the assessor or the council")
    return Decision(chosen_role, who, on.isoformat(), amount, period, text, cat, source)


def decision_from_dict(doc: Any, indicative: Decimal, where: str = "decision") -> Decision:
    """A decision read back from a bundle, checked again."""
    if not isinstance(doc, dict):
        raise FieldError(where, "is not a decision")
    return make_decision(
        indicative=indicative,
        period=str(doc.get("period", "week")),
        final=doc.get("final"),
        by=doc.get("by"),
        reasons=doc.get("reasons"),
        category=doc.get("category"),
        role=doc.get("by_role"),
        decided_on=doc.get("decided_on"),
        source=str(doc.get("source", "assessor")),
        today=dt.date.max - dt.timedelta(days=2),  # a stored decision's date was checked when made
    )
