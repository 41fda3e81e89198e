"""The ruleset model of format 2 (docs/ruleset-v2.md): amounts made of named parts, each
with its own method, period and funder, combined rules, facts from a linked case and
question views.

Built only by ``parse_v2`` from a document that passed validation. Sections and questions
are format 1's objects (``model.Section``/``model.Question``) with format 2's additions
beside them (``SectionV2``/``QuestionExtra``), so both formats score questions the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rasdesk.domain.conditions import Condition
from rasdesk.domain.model import (
    Adjustment,
    Calibration,
    PointAdjustment,
    Question,
    Rounding,
    RulesetRef,
    Section,
    TableRow,
)
from rasdesk.domain.periods import Period
from rasdesk.domain.text import Text

FORMAT_V2 = "rasdesk-ruleset/2"
FUNDERS = ("council", "nhs", "ilf", "other")
METHODS = ("per_point", "table", "costed", "fixed", "banded")
UNITS = ("hour", "night", "day", "week", "visit", "session", "item")
VIEWS = ("person", "assessor", "carer")
WHO = ("person", "person_helped", "carer", "assessor", "representative")
PENNY_HALF_UP = Rounding(Decimal("0.01"), "half_up")


@dataclass(frozen=True, slots=True)
class PeriodSpec:
    """A period and, optionally, what it covers ("for the next 12 months")."""

    per: Period
    covers: Text | None = None

    def as_dict(self, lang: str = "en") -> dict[str, str | None]:
        return {"per": self.per.value, "covers": self.covers.get(lang) if self.covers else None}


@dataclass(frozen=True, slots=True)
class Conversion:
    source: Period
    target: Period
    multiply: Decimal | None
    divide: Decimal | None
    rounding: Rounding


@dataclass(frozen=True, slots=True)
class Rate:
    id: str
    label: Text
    amount: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    label: Text
    questionnaire: str
    question: str


@dataclass(frozen=True, slots=True)
class QuestionExtra:
    """Format 2's additions to a question: not applicable, view wording, option pictures
    (``exclusive`` options are format 1's ``Option.exclusive``)."""

    not_applicable: Text | None = None
    views: dict[str, tuple[Text, Text | None]] = field(default_factory=dict)
    pictures: dict[str, str] = field(default_factory=dict)  # option id → picture


@dataclass(frozen=True, slots=True)
class SectionV2:
    section: Section
    eligible_if: Condition | None
    #: Per question, its id and whether it is a text question (what scoring reads first).
    plan: tuple[tuple[str, bool], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.plan:
            plan = tuple((q.id, q.type == "text") for q in self.section.questions)
            object.__setattr__(self, "plan", plan)


@dataclass(frozen=True, slots=True)
class Quantity:
    answer: str | None  # a number question or fact, or a single question with options
    options: dict[str, Decimal] | None
    value: Decimal | None
    times: Decimal | None


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    label: Text
    quantity: Quantity
    rates: tuple[tuple[Condition | None, str], ...]  # first whose condition holds
    when: Condition | None


@dataclass(frozen=True, slots=True)
class Overlap:
    id: str
    label: Text
    explain: Text | None
    between: tuple[str, ...]
    smaller_counts: Decimal


@dataclass(frozen=True, slots=True)
class BandRow:
    when: Condition | None
    amount: Decimal
    label: Text | None


@dataclass(frozen=True, slots=True)
class Part:
    id: str
    label: Text
    funder: str
    funder_name: Text | None
    earmarked: Text | None
    explain: Text | None
    period: PeriodSpec
    when: Condition | None
    method: str
    adjustments: tuple[Adjustment, ...]
    minimum: Decimal | None
    maximum: Decimal | None
    rounding: Rounding
    # per_point / table
    rate: Decimal | None = None
    table: tuple[TableRow, ...] = ()
    sections: tuple[str, ...] = ()
    overlaps: tuple[Overlap, ...] = ()
    point_adjustments: tuple[PointAdjustment, ...] = ()
    points_rounding: Rounding | None = None
    minimum_points: Decimal | None = None
    calibration: Calibration | None = None
    # costed / fixed / banded
    items: tuple[Item, ...] = ()
    amount: Decimal | None = None
    bands: tuple[BandRow, ...] = ()

    @property
    def uses_points(self) -> bool:
        return self.method in ("per_point", "table")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str  # cap | floor | replace
    label: Text
    explain: Text | None
    when: Condition | None
    part: str
    limit: Decimal | None
    replaces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FlagV2:
    id: str
    label: Text
    part: str | None
    points_above: Decimal | None
    amount_above: Decimal | None


@dataclass(frozen=True, slots=True)
class Amount:
    id: str
    label: Text
    for_whom: str  # person | carer
    period: PeriodSpec
    parts: tuple[Part, ...]
    rules: tuple[Rule, ...]
    conversions: tuple[Conversion, ...]
    show_also: tuple[Period, ...]
    sign_off_above: Decimal | None
    flags: tuple[FlagV2, ...]
    hourly_rate: Decimal | None
    notice: Text | None
    closing: Text | None

    def conversion(self, source: Period, target: Period) -> Conversion | None:
        for c in self.conversions:
            if c.source == source and c.target == target:
                return c
        return None


@dataclass(frozen=True, slots=True)
class QuestionnaireV2:
    id: str
    kind: str
    title: Text
    views: tuple[str, ...]
    facts: tuple[Fact, ...]
    sections: tuple[SectionV2, ...]
    amounts: tuple[Amount, ...]
    question_by_id: dict[str, Question] = field(default_factory=dict, compare=False)
    extra: dict[str, QuestionExtra] = field(default_factory=dict, compare=False)
    #: Questions with a show_if, in an order where each follows those it reads.
    conditional_questions: tuple[Question, ...] = field(default=(), compare=False)
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    #: Made once at parse, for speed: required questions; questions without show_if.
    required_questions: tuple[Question, ...] = field(default=(), compare=False, repr=False)
    always_shown: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.section.questions]


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str | None
    email: str | None
    web: str | None
    address: Text | None
    hours: Text | None


@dataclass(frozen=True, slots=True)
class RulesetV2:
    id: str
    version: str
    council: str
    title: Text
    effective_from: str
    effective_to: str | None
    currency: str
    languages: tuple[str, ...]
    contact: Contact | None
    rates: dict[str, Rate]
    questionnaires: tuple[QuestionnaireV2, ...]
    sha256: str
    questionnaire_by_id: dict[str, QuestionnaireV2] = field(default_factory=dict, compare=False)

    @property
    def ref(self) -> RulesetRef:
        return RulesetRef(self.id, self.version, self.sha256)
