"""The ruleset model: a validated, immutable picture of one council's RAS (spec §1.1).

Objects here are only ever built by ``rasdesk.domain.parse`` from a document that passed
validation, so the engine can trust every invariant (ids resolve, bands ascend, exactly
one of multiply/add, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rasdesk.domain.conditions import Condition
from rasdesk.domain.text import Text

FORMAT = "rasdesk-ruleset/1"
PAYLOAD_TYPE = "application/vnd.rasdesk.ruleset+json"


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: Text
    easy_read: Text | None
    points: Decimal
    #: Multiple questions only: this option ("None of these") cannot be chosen with any
    #: other; a question has at most one (docs/ruleset-decisions.md).
    exclusive: bool = False


@dataclass(frozen=True, slots=True)
class Band:
    start: Decimal  # "from" in the file
    points: Decimal


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: str  # single | multiple | number | text
    required: bool
    text: Text
    easy_read: Text | None
    help: Text | None
    picture: str | None
    show_if: Condition | None
    options: tuple[Option, ...] = ()
    scoring: str = "sum"  # multiple only: sum | max
    unit: Text | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    bands: tuple[Band, ...] = ()
    section_id: str = ""
    option_by_id: dict[str, Option] = field(default_factory=dict, compare=False)
    #: The id of the option marked ``exclusive``, if any (derived from ``options``).
    exclusive_option: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    easy_read: Text | None
    weight: Decimal
    max_points: Decimal | None
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class PointAdjustment:
    id: str
    label: Text
    explain: Text | None
    when: Condition | None
    sections: tuple[str, ...]  # resolved: never empty
    multiply: Decimal


@dataclass(frozen=True, slots=True)
class Adjustment:
    id: str
    label: Text
    explain: Text | None
    when: Condition | None
    multiply: Decimal | None
    add: Decimal | None


@dataclass(frozen=True, slots=True)
class TableRow:
    from_points: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Rounding:
    to: Decimal
    mode: str


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    label: Text
    points_above: Decimal | None
    weekly_above: Decimal | None


@dataclass(frozen=True, slots=True)
class Calibration:
    sample_size: int | None
    sample_weekly_cost: Decimal | None
    sample_points: Decimal | None
    contingency: Decimal | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Allocation:
    period: str
    method: str  # per_point | table
    rate: Decimal | None
    table: tuple[TableRow, ...]
    point_adjustments: tuple[PointAdjustment, ...]
    points_rounding: Rounding | None
    minimum_points: Decimal | None
    adjustments: tuple[Adjustment, ...]
    minimum: Decimal | None
    maximum: Decimal | None
    rounding: Rounding
    annual_factor: Decimal
    sign_off_above: Decimal | None
    flags: tuple[Flag, ...]
    illustrative_hourly_rate: Decimal | None
    calibration: Calibration | None


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    kind: str  # person | carer
    title: Text
    sections: tuple[Section, ...]
    allocation: Allocation
    question_by_id: dict[str, Question] = field(default_factory=dict, compare=False)
    #: Questions in an order where every question comes after those its show_if reads.
    visibility_order: tuple[Question, ...] = field(default=(), compare=False)
    #: Memo of pure functions of this questionnaire (section scores, explanation steps);
    #: bounded by its users. Never part of the ruleset's meaning.
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    required_questions: tuple[Question, ...] = field(default=(), compare=False, repr=False)
    #: Questions with no show_if, and those with one in visibility order (answers.py).
    always_shown: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    conditional_questions: tuple[Question, ...] = field(default=(), compare=False, repr=False)

    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]


@dataclass(frozen=True, slots=True)
class RulesetRef:
    """What every computed budget records so it can be recomputed from the same bytes."""

    id: str
    version: str
    sha256: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Ruleset:
    id: str
    version: str
    council: str
    title: Text
    effective_from: str
    effective_to: str | None
    currency: str
    languages: tuple[str, ...]
    questionnaires: tuple[Questionnaire, ...]
    sha256: str  # of the exact document bytes
    questionnaire_by_id: dict[str, Questionnaire] = field(default_factory=dict, compare=False)

    @property
    def ref(self) -> RulesetRef:
        return RulesetRef(self.id, self.version, self.sha256)
