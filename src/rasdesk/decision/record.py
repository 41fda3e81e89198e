"""The plan and decision as one JSON section of a case bundle (``rasdesk-case/2``).

``section()`` writes what a bundle carries: the indicative amount it was measured
against, the plan with its costs, why it needs a decision, the decision (if any) and the
status. ``read_section()`` reads it back from bytes that may have come over the network,
checking every field as if typed, and recomputes the costs rather than trusting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasdesk.decision import costing
from rasdesk.decision.decide import Decision, decision_from_dict
from rasdesk.decision.errors import FieldError
from rasdesk.decision.indicative import Indicative, from_dict
from rasdesk.decision.plan import Plan, plan_from_dict
from rasdesk.domain.decimals import money

#: What a case is waiting for, as the case list says it.
STATUSES = ("agreed", "waiting", "decided")


@dataclass(frozen=True, slots=True)
class Section:
    indicative: Indicative
    plan: Plan
    decision: Decision | None

    @property
    def needs(self) -> list[str]:
        return costing.needs_decision(self.plan, self.indicative)

    @property
    def status(self) -> str:
        if self.decision is not None:
            return "decided"
        return "waiting" if self.needs else "agreed"

    @property
    def comparison(self) -> costing.Comparison:
        return costing.compare(self.plan, self.indicative)


def section(indicative: Indicative, plan: Plan, decision: Decision | None) -> dict[str, Any]:
    s = Section(indicative, plan, decision)
    return {
        "indicative": indicative.as_dict(),
        "plan": plan.as_dict(),
        "cost": {
            "totals": {p.value: money(v) for p, v in costing.totals(plan).items()},
            "comparison": s.comparison.as_dict(),
        },
        "needs_decision": s.needs,
        "decision": None if decision is None else decision.as_dict(),
        "status": s.status,
    }


def read_section(doc: Any, where: str = "decision section") -> Section:
    if not isinstance(doc, dict):
        raise FieldError(where, "is not an object")
    indicative = from_dict(doc.get("indicative"), f"{where}: indicative")
    plan = plan_from_dict(doc.get("plan"), f"{where}: plan")
    raw = doc.get("decision")
    decision = (
        None if raw is None else decision_from_dict(raw, indicative.amount, f"{where}: decision")
    )
    return Section(indicative, plan, decision)
