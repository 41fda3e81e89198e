"""The computed result of a format-2 questionnaire (docs/ruleset-v2.md §3): per amount, per
part, every figure with its period and funder, and the steps that led to it.

Money and points stay exact ``Decimal``; ``as_dict`` writes them as plain decimal strings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rasdesk.domain.decimals import money, plain
from rasdesk.domain.model import RulesetRef
from rasdesk.domain.model_v2 import PeriodSpec
from rasdesk.domain.result import AdjustmentStep, ExplanationStep, PointAdjustmentStep
from rasdesk.domain.result_json_v2 import amount_json, fact_value, facts_json, result_bytes

RESULT_FORMAT = "rasdesk-result/2"
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@lru_cache(maxsize=1024)
def about_json(amount: str | None, part: str | None) -> bytes:
    """``,"amount":…,"part":…}``: the end of a step's JSON in a result."""
    return ("," + _encode({"amount": amount, "part": part})[1:]).encode("utf-8")


@dataclass(frozen=True, slots=True)
class QuestionV2Score:
    id: str
    section: str
    kind: str  # answer | not_applicable | unanswered | text
    points: Decimal
    views_differ: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "section": self.section,
            "kind": self.kind,
            "points": plain(self.points),
            "views_differ": self.views_differ,
        }


@lru_cache(maxsize=65536)
def question_score(
    qid: str, section: str, kind: str, points: Decimal, differ: bool
) -> tuple[QuestionV2Score, bytes]:
    """A question's score and its JSON, made once for each distinct score."""
    score = QuestionV2Score(qid, section, kind, points, differ)
    return score, _encode(score.as_dict()).encode("utf-8")


@dataclass(frozen=True, slots=True)
class SectionV2Score:
    id: str
    raw_points: Decimal
    capped: bool
    points: Decimal  # after cap and weight; 0 when not eligible
    eligible: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "raw_points": plain(self.raw_points),
            "capped": self.capped,
            "points": plain(self.points),
            "eligible": self.eligible,
        }


@lru_cache(maxsize=65536)
def section_score(
    sid: str, raw: Decimal, capped: bool, points: Decimal, eligible: bool
) -> tuple[SectionV2Score, bytes]:
    score = SectionV2Score(sid, raw, capped, points, eligible)
    return score, _encode(score.as_dict()).encode("utf-8")


@dataclass(frozen=True, slots=True)
class OverlapStep:
    id: str
    applied: bool
    before: dict[str, Decimal]
    after: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class PointsOutcome:
    sections: dict[str, Decimal]  # the part's sections after eligibility
    overlaps: list[OverlapStep]
    point_adjustments: list[PointAdjustmentStep]
    before_rounding: Decimal
    rounded: Decimal
    total: Decimal
    minimum_points_applied: bool
    table_row: Decimal | None  # the row's from_points (table), None below the first row


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    id: str
    applies: bool
    quantity: Decimal
    unit: str
    rate: str
    unit_cost: Decimal
    cost: Decimal  # before overlaps


@dataclass(slots=True)
class PartResult:
    id: str
    label: str
    funder: str
    earmarked: str | None
    method: str
    period: PeriodSpec
    applies: bool
    points: PointsOutcome | None
    items: list[ItemOutcome]
    overlaps: list[OverlapStep]  # costed parts
    band: int | None  # banded: the index of the band used
    base_amount: Decimal
    adjustments: list[AdjustmentStep]
    before_limits: Decimal
    floor_applied: bool
    ceiling_applied: bool
    before_rounding: Decimal
    rounded: Decimal
    amount: Decimal = Decimal(0)  # after the amount's rules
    in_amount_period: Decimal = Decimal(0)
    replaced_by: str | None = None


@dataclass(frozen=True, slots=True)
class RuleStep:
    id: str
    kind: str
    applied: bool
    parts: dict[str, tuple[Decimal, Decimal]]


@dataclass(frozen=True, slots=True)
class AlsoIn:
    period: PeriodSpec
    council: Decimal
    total: Decimal


@dataclass(slots=True)
class AmountResult:
    id: str
    for_whom: str
    label: str
    period: PeriodSpec
    parts: list[PartResult]
    rules: list[RuleStep]
    funders: dict[str, Decimal]
    council: Decimal
    total: Decimal
    also: list[AlsoIn]
    sign_off_required: bool
    flags: list[str]
    hours: Decimal | None
    #: The memo entry its figures came from (amount_memo_v2): its JSON in pieces and its
    #: explanation's words, kept for everyone with the same figures. Not in the JSON.
    memo: Any = field(default=None, repr=False, compare=False)

    def part(self, pid: str) -> PartResult:
        return next(p for p in self.parts if p.id == pid)


@dataclass(slots=True)
class ResultV2:
    ruleset: RulesetRef
    questionnaire: str
    answered_by: str | None
    questions: list[QuestionV2Score]
    sections: list[SectionV2Score]
    facts: dict[str, object]
    amounts: list[AmountResult]
    explanation: list[ExplanationStep] = field(default_factory=list)
    #: Which amount and part each explanation step is about (parallel to ``explanation``).
    step_about: list[tuple[str | None, str | None]] = field(default_factory=list)
    #: The JSON of each question and section score, when the engine had it already.
    question_json: list[bytes] = field(default_factory=list, repr=False)
    section_json: list[bytes] = field(default_factory=list, repr=False)
    #: Each amount's JSON, when explain_v2 had it already (memoized by its figures).
    amount_json: list[bytes] = field(default_factory=list, repr=False)
    #: The explanation's JSON in pieces, made with it (explain_v2); joined by ``to_json_bytes``.
    explanation_json: list[bytes] = field(default_factory=list, repr=False)
    #: Per section, the key its score was memoized by (the explanation reuses it).
    section_keys: list[tuple[object, ...]] = field(default_factory=list, repr=False)
    #: Per section, where the explanation keeps its words for the same key (per language).
    section_words: list[dict[str, object]] = field(default_factory=list, repr=False)

    def amount(self, aid: str) -> AmountResult:
        return next(a for a in self.amounts if a.id == aid)

    def as_dict(self) -> dict[str, Any]:
        about = self.step_about or [(None, None)] * len(self.explanation)
        return {
            **self._head(),
            "explanation": [
                {**e.as_dict(), "amount": a, "part": p}
                for e, (a, p) in zip(self.explanation, about, strict=True)
            ],
        }

    def _head(self) -> dict[str, Any]:
        return {
            "format": RESULT_FORMAT,
            "ruleset": self.ruleset.as_dict(),
            "questionnaire": self.questionnaire,
            "answered_by": self.answered_by,
            "questions": [q.as_dict() for q in self.questions],
            "sections": [s.as_dict() for s in self.sections],
            "facts": {k: fact_value(v) for k, v in self.facts.items()},
            "amounts": [_amount(a) for a in self.amounts],
        }

    def to_json(self) -> str:
        """``as_dict()`` as compact JSON (equal to ``json.dumps(as_dict())``)."""
        return self.to_json_bytes().decode("utf-8")

    def to_json_bytes(self) -> bytes:
        """Compact UTF-8 JSON equal to ``json.dumps(as_dict())``: the parts that recur across
        people (question and section scores, explanation steps) are spliced in from the
        bytes encoded once when they were made."""
        about = self.step_about or [(None, None)] * len(self.explanation)
        questions = self.question_json or [_encode(q.as_dict()).encode() for q in self.questions]
        sections = self.section_json or [_encode(s.as_dict()).encode() for s in self.sections]
        start = start_json(self.ruleset, self.questionnaire, self.answered_by)
        amounts = self.amount_json or [amount_to_json(a) for a in self.amounts]
        steps = (
            b",".join(self.explanation_json)
            if self.explanation_json
            else b",".join(
                e.json[:-1] + about_json(a, p)
                for e, (a, p) in zip(self.explanation, about, strict=True)
            )
        )
        return result_bytes(start, questions, sections, facts_json(self.facts), amounts, steps)


@lru_cache(maxsize=256)
def start_json(ref: RulesetRef, questionnaire: str, answered_by: str | None) -> bytes:
    """The head of a result's JSON, up to its questions (the same for many people)."""
    head = {
        "format": RESULT_FORMAT,
        "ruleset": ref.as_dict(),
        "questionnaire": questionnaire,
        "answered_by": answered_by,
    }
    return _encode(head)[:-1].encode("utf-8")


def amount_to_json(a: AmountResult) -> bytes:
    """One amount of the result as compact UTF-8 JSON (``json.dumps(_amount(a))``)."""
    return amount_json(a)


def _overlap(o: OverlapStep, as_money: bool = False) -> dict[str, Any]:
    """Overlaps of points (points parts) or of money (costed parts)."""
    fmt = money if as_money else plain
    return {
        "id": o.id,
        "applied": o.applied,
        "before": {k: fmt(v) for k, v in o.before.items()},
        "after": {k: fmt(v) for k, v in o.after.items()},
    }


def _points(p: PointsOutcome | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "sections": {k: plain(v) for k, v in p.sections.items()},
        "overlaps": [_overlap(o) for o in p.overlaps],
        "point_adjustments": [
            {
                "id": s.id,
                "applied": s.applied,
                "sections": {
                    sid: {"before": plain(b), "after": plain(a)}
                    for sid, (b, a) in s.sections.items()
                },
            }
            for s in p.point_adjustments
        ],
        "total": plain(p.total),
        "minimum_points_applied": p.minimum_points_applied,
        "table_row": plain(p.table_row) if p.table_row is not None else None,
    }


def _part(p: PartResult) -> dict[str, Any]:
    return {
        "id": p.id,
        "label": p.label,
        "funder": p.funder,
        "earmarked": p.earmarked,
        "method": p.method,
        "period": p.period.as_dict(),
        "applies": p.applies,
        "replaced_by": p.replaced_by,
        "points": _points(p.points),
        "items": [
            {
                "id": i.id,
                "applies": i.applies,
                "quantity": plain(i.quantity),
                "unit": i.unit,
                "rate": i.rate,
                "unit_cost": money(i.unit_cost),
                "cost": money(i.cost),
            }
            for i in p.items
        ],
        "overlaps": [_overlap(o, as_money=True) for o in p.overlaps],
        "band": p.band,
        "base_amount": money(p.base_amount),
        "adjustments": [
            {"id": a.id, "applied": a.applied, "before": money(a.before), "after": money(a.after)}
            for a in p.adjustments
        ],
        "floor_applied": p.floor_applied,
        "ceiling_applied": p.ceiling_applied,
        "before_rounding": money(p.before_rounding),
        "rounded": money(p.rounded),
        "amount": money(p.amount),
        "in_amount_period": money(p.in_amount_period),
    }


def _amount(a: AmountResult) -> dict[str, Any]:
    return {
        "id": a.id,
        "for": a.for_whom,
        "label": a.label,
        "period": a.period.as_dict(),
        "parts": [_part(p) for p in a.parts],
        "rules": [
            {
                "id": r.id,
                "kind": r.kind,
                "applied": r.applied,
                "parts": {
                    k: {"before": money(b), "after": money(x)} for k, (b, x) in r.parts.items()
                },
            }
            for r in a.rules
        ],
        "funders": {k: money(v) for k, v in a.funders.items()},
        "council": money(a.council),
        "total": money(a.total),
        "also": [
            {"period": x.period.as_dict(), "council": money(x.council), "total": money(x.total)}
            for x in a.also
        ],
        "sign_off_required": a.sign_off_required,
        "flags": list(a.flags),
        "hours": plain(a.hours) if a.hours is not None else None,
    }
