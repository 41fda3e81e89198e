"""The computed budget (spec §2.1) with everything a person needs to follow it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rasdesk.domain.decimals import money, plain
from rasdesk.domain.model import RulesetRef, TableRow


@dataclass(frozen=True, slots=True)
class QuestionScore:
    question: str
    section: str
    points: Decimal
    answered: bool


@dataclass(frozen=True, slots=True)
class SectionScore:
    id: str
    raw_points: Decimal
    capped: bool
    points: Decimal  # after the cap and the weight, before point adjustments


@dataclass(frozen=True, slots=True)
class PointAdjustmentStep:
    id: str
    applied: bool
    sections: dict[str, tuple[Decimal, Decimal]]  # section → (before, after)


@dataclass(frozen=True, slots=True)
class AdjustmentStep:
    id: str
    applied: bool
    before: Decimal
    after: Decimal


@dataclass(frozen=True, slots=True)
class ExplanationStep:
    step: str
    text: str
    easy_read: str

    def as_dict(self) -> dict[str, str]:
        return {"step": self.step, "text": self.text, "easy_read": self.easy_read}


@dataclass(slots=True)
class Result:
    ruleset: RulesetRef
    questionnaire: str
    questions: list[QuestionScore]
    sections: list[SectionScore]
    point_adjustments: list[PointAdjustmentStep]
    points_before_rounding: Decimal
    points_rounded: Decimal
    total_points: Decimal
    minimum_points_applied: bool
    table_row: TableRow | None
    base_amount: Decimal
    adjustments: list[AdjustmentStep]
    before_limits: Decimal
    floor_applied: bool
    ceiling_applied: bool
    before_rounding: Decimal
    weekly: Decimal
    annual: Decimal
    sign_off_required: bool
    flags: list[str]
    explanation: list[ExplanationStep] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of spec §2.1: money and points as plain decimal strings."""
        return {
            "ruleset": self.ruleset.as_dict(),
            "questionnaire": self.questionnaire,
            "sections": [
                {
                    "id": s.id,
                    "raw_points": plain(s.raw_points),
                    "capped": s.capped,
                    "points": plain(s.points),
                }
                for s in self.sections
            ],
            "point_adjustments": [
                {
                    "id": p.id,
                    "applied": p.applied,
                    "sections": {
                        sid: {"before": plain(b), "after": plain(a)}
                        for sid, (b, a) in p.sections.items()
                    },
                }
                for p in self.point_adjustments
            ],
            "total_points": plain(self.total_points),
            "minimum_points_applied": self.minimum_points_applied,
            "base_amount": money(self.base_amount),
            "adjustments": [
                {
                    "id": a.id,
                    "applied": a.applied,
                    "before": money(a.before),
                    "after": money(a.after),
                }
                for a in self.adjustments
            ],
            "floor_applied": self.floor_applied,
            "ceiling_applied": self.ceiling_applied,
            "weekly": money(self.weekly),
            "annual": money(self.annual),
            "sign_off_required": self.sign_off_required,
            "flags": list(self.flags),
            "explanation": [e.as_dict() for e in self.explanation],
        }
