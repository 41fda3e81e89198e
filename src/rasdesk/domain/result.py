"""The computed budget (spec §2.1) with everything a person needs to follow it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rasdesk.domain.decimals import money, plain
from rasdesk.domain.model import RulesetRef, TableRow

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_BOOL = {True: "true", False: "false"}


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
    json: bytes = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Section scores are memoized (engine.py), so their JSON is made once.
        b = _BOOL
        object.__setattr__(
            self,
            "json",
            f'{{"id":"{self.id}","raw_points":"{plain(self.raw_points)}","capped":{b[self.capped]},"points":"{plain(self.points)}"}}'.encode(),
        )


@lru_cache(maxsize=64)
def _head(ref: RulesetRef, questionnaire: str) -> bytes:
    return f'{{"ruleset":{_encode(ref.as_dict())},"questionnaire":"{questionnaire}","sections":['.encode()


@dataclass(slots=True)
class PointAdjustmentStep:
    id: str
    applied: bool
    sections: dict[str, tuple[Decimal, Decimal]]  # section → (before, after)


def point_adjustments_json(steps: list[PointAdjustmentStep]) -> str:
    """The point adjustment steps as JSON (without the brackets), written directly; both
    formats' results hold them in this shape."""
    b = _BOOL
    return ",".join(
        f'{{"id":"{p.id}","applied":{b[p.applied]},"sections":{{'
        + ",".join(
            f'"{sid}":{{"before":"{plain(x)}","after":"{plain(y)}"}}'
            for sid, (x, y) in p.sections.items()
        )
        + "}}"
        for p in steps
    )


@dataclass(slots=True)
class AdjustmentStep:
    id: str
    applied: bool
    before: Decimal
    after: Decimal


class ExplanationStep:
    """One step of the reasoned explanation. Its JSON is encoded once, when it is made:
    steps are memoized and reused across many results (see explain.py)."""

    __slots__ = ("easy_read", "json", "step", "text")

    def __init__(self, step: str, text: str, easy_read: str) -> None:
        self.step = step
        self.text = text
        self.easy_read = easy_read
        self.json = _encode(self.as_dict()).encode("utf-8")

    def as_dict(self) -> dict[str, str]:
        return {"step": self.step, "text": self.text, "easy_read": self.easy_read}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ExplanationStep) and self.json == other.json

    def __hash__(self) -> int:
        return hash(self.json)

    def __repr__(self) -> str:
        return f"ExplanationStep({self.step!r}, {self.text!r}, {self.easy_read!r})"


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
    #: Per section, the values it was scored from (engine.section_values): lets the
    #: explanation reuse its memo. Not part of the result's JSON.
    section_values: list[tuple[object, ...]] = field(default_factory=list, repr=False)

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

    def to_json(self) -> str:
        """``as_dict()`` as compact JSON (equal to ``json.dumps(as_dict())``)."""
        return self.to_json_bytes().decode("utf-8")

    def to_json_bytes(self) -> bytes:
        """``as_dict()`` as compact UTF-8 JSON, written directly: the fast path of
        ``rasdesk compute --answers X.jsonl``. Ids are ``[a-z0-9_]`` and numbers plain
        decimals, so only the ruleset reference and the words need escaping, and the words
        and section scores were encoded once, when they were made (they are memoized).
        A test checks it equals ``json.dumps(as_dict())`` on random results."""
        b = _BOOL
        padjs = point_adjustments_json(self.point_adjustments)
        adjs = ",".join(
            f'{{"id":"{a.id}","applied":{b[a.applied]},"before":"{money(a.before)}","after":"{money(a.after)}"}}'
            for a in self.adjustments
        )
        flags = ",".join(f'"{f}"' for f in self.flags)
        middle = (
            f'],"point_adjustments":[{padjs}],'
            f'"total_points":"{plain(self.total_points)}","minimum_points_applied":{b[self.minimum_points_applied]},'
            f'"base_amount":"{money(self.base_amount)}","adjustments":[{adjs}],'
            f'"floor_applied":{b[self.floor_applied]},"ceiling_applied":{b[self.ceiling_applied]},'
            f'"weekly":"{money(self.weekly)}","annual":"{money(self.annual)}",'
            f'"sign_off_required":{b[self.sign_off_required]},"flags":[{flags}],"explanation":['
        )
        return b"".join(
            (
                _head(self.ruleset, self.questionnaire),
                b",".join([s.json for s in self.sections]),
                middle.encode(),
                b",".join([e.json for e in self.explanation]),
                b"]}",
            )
        )
