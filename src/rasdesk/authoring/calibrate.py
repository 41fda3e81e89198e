"""Calibrating a per-point ruleset's £ a point from a sample of people whose support is
costed today (``rasdesk ruleset calibrate``).

The method councils use: score every completed questionnaire in the sample with the
ruleset (points only), then

- ratio:          rate = Σ current weekly cost / Σ points
- least squares:  rate = Σ (cost × points) / Σ points²   (a line through the origin)

each then × (1 − contingency). Both are kept as exact fractions; the proposed rate is
the chosen one rounded half up to a whole penny. The new ruleset (R2) is the input
document with that questionnaire's ``rate`` replaced and its ``calibration`` block
filled; it is unsigned, and its author signs it. Every person in the sample is then
computed again with the *full* engine under the new rate (adjustments, floor, ceiling,
rounding) to see who would get more, less or about the same as today.

Decisions (docs/calibration.md): a row whose answers are invalid is listed with its
spreadsheet row number and every problem, and left out of the sums, never dropped
silently; a row scoring 0 points stays in the sums (its cost counts, its points add
nothing) and is listed; a sample with no usable rows, or whose usable rows score 0
points in all, is an error; only ``per_point`` questionnaires can be calibrated.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import date
from decimal import Context, Decimal, localcontext
from fractions import Fraction

from rasdesk.authoring.sample_csv import SampleRow, SkippedRow, read_sample
from rasdesk.authoring.sample_export import looks_like_export, read_export_sample
from rasdesk.domain.answers import check_answers
from rasdesk.domain.decimals import CENT, EXACT, ZERO, money, parse_decimal, plain
from rasdesk.domain.engine import compute
from rasdesk.domain.errors import AnswersError, InputError, Problem
from rasdesk.domain.model import Questionnaire, Ruleset
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.parse import parse_ruleset

METHODS = ("ratio", "least-squares")
#: A person whose indicative amount is within this share of today's cost is "about the same".
BAND = Decimal("0.10")


@dataclass(frozen=True, slots=True)
class Person:
    """One usable row of the sample: today's cost, points, and the amount under the new rate."""

    row: int
    ref: str
    current: Decimal
    points: Decimal
    indicative: Decimal = ZERO

    @property
    def difference(self) -> Decimal:
        return self.indicative - self.current

    @property
    def share(self) -> Decimal | None:
        """The difference as a share of today's cost (None when today's cost is 0)."""
        if self.current == 0:
            return None
        with localcontext() as ctx:
            ctx.prec = 28
            return self.difference / self.current

    @property
    def outcome(self) -> str:
        """ "more", "less" or "within" (±10% of today's cost, boundary included)."""
        if self.current == 0:
            return "within" if self.indicative == 0 else "more"
        if abs(self.difference) <= self.current * BAND:
            return "within"
        return "more" if self.difference > 0 else "less"


@dataclass(frozen=True, slots=True)
class Calibration:
    """Everything the summary, the new ruleset and the report need."""

    source: str
    ruleset: Ruleset | RulesetV2
    questionnaire: str
    method: str
    contingency: Decimal
    old_rate: Decimal
    total_cost: Decimal
    total_points: Decimal
    sum_cost_points: Decimal
    sum_points_squared: Decimal
    people: tuple[Person, ...]
    excluded: tuple[SkippedRow, ...]
    on_date: date
    document: bytes = b""  # R2, the calibrated ruleset document (unsigned)
    new_ruleset: Ruleset | RulesetV2 | None = None
    #: Format 2 (calibrate_v2): the per-point part calibrated, "AMOUNT.PART", its words
    #: for the report, and the week → year factor its amount declares (None: none declared).
    part: str | None = None
    subject: str = ""
    year_factor: Decimal | None = None

    @property
    def annual_factor(self) -> Decimal | None:
        """Weeks in a year for the report's year column: format 1's ``annual_factor``, or
        the format-2 amount's declared week → year conversion (``None``: no year column)."""
        if isinstance(self.ruleset, Ruleset):
            return self.ruleset.questionnaire_by_id[self.questionnaire].allocation.annual_factor
        return self.year_factor

    # --- the two rates, exactly -------------------------------------------------------
    @property
    def ratio_exact(self) -> Fraction:
        return Fraction(self.total_cost) / Fraction(self.total_points)

    @property
    def least_squares_exact(self) -> Fraction:
        return Fraction(self.sum_cost_points) / Fraction(self.sum_points_squared)

    def after_contingency(self, value: Fraction) -> Fraction:
        return value * (1 - Fraction(self.contingency))

    @property
    def chosen_exact(self) -> Fraction:
        raw = self.ratio_exact if self.method == "ratio" else self.least_squares_exact
        return self.after_contingency(raw)

    @property
    def proposed_rate(self) -> Decimal:
        """The chosen rate after contingency, rounded half up to a whole penny."""
        return round_half_up_pence(self.chosen_exact)

    # --- the sample -------------------------------------------------------------------
    @property
    def zero_points(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.points == 0)

    @property
    def total_indicative(self) -> Decimal:
        return sum((p.indicative for p in self.people), ZERO)

    def count(self, outcome: str) -> int:
        return sum(1 for p in self.people if p.outcome == outcome)

    def biggest_losers(self, limit: int = 10) -> list[Person]:
        losers = [p for p in self.people if p.difference < 0]
        return sorted(losers, key=lambda p: (p.difference, p.row))[:limit]


def to_decimal(value: Fraction, digits: int = 28) -> tuple[Decimal, bool]:
    """``value`` as a Decimal and whether that is exact (a terminating decimal); otherwise
    it is rounded to ``digits`` significant digits."""
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    exact = den == 1  # then the quotient has at most as many digits as 200 allows here
    with localcontext(Context(prec=200 if exact else digits)):
        result = Decimal(value.numerator) / Decimal(value.denominator)
    return result, exact


def round_half_up_pence(value: Fraction) -> Decimal:
    """Half up to 0.01, on the exact value (no intermediate rounding)."""
    pence = math.floor(abs(value) * 100 + Fraction(1, 2))
    sign = -1 if value < 0 else 1
    return (Decimal(sign * pence) / 100).quantize(CENT)


def parse_contingency(text: str) -> Decimal:
    try:
        value = parse_decimal(text)
    except ValueError as exc:
        raise InputError(f"--contingency: {exc}") from None
    if not ZERO <= value < 1:
        raise InputError(
            f"--contingency is a fraction from 0 up to (not including) 1: 0.05 keeps back 5%; found {text}"
        )
    return value


def per_point_questionnaire(ruleset: Ruleset, qid: str, source: str) -> Questionnaire:
    questionnaire = ruleset.questionnaire_by_id.get(qid)
    if questionnaire is None:
        known = ", ".join(ruleset.questionnaire_by_id)
        raise InputError(f'{source} has no questionnaire "{qid}" (it has: {known})')
    if questionnaire.allocation.method != "per_point" or questionnaire.allocation.rate is None:
        raise InputError(
            f'questionnaire "{qid}" costs points with a table, not a rate per point: calibration '
            "derives a £-per-point rate, so it only applies to per_point questionnaires"
        )
    return questionnaire


def calibrate(
    ruleset: Ruleset,
    document: bytes,
    sample: bytes,
    *,
    sample_source: str = "the sample",
    questionnaire: str = "person",
    contingency: Decimal = ZERO,
    method: str = "ratio",
    today: date | None = None,
) -> Calibration:
    """Score the sample, derive the rates, write R2 and compare each person's amounts.

    ``document`` is the exact ruleset document ``ruleset`` was parsed from."""
    if method not in METHODS:
        raise InputError(f"unknown method {method!r} (use {' or '.join(METHODS)})")
    if not ZERO <= contingency < 1:
        raise InputError(f"a contingency is a fraction below 1 (0.05 is 5%), found {contingency}")
    q = per_point_questionnaire(ruleset, questionnaire, "the ruleset")
    if looks_like_export(sample):  # decided cases from the council server, final as cost
        rows, skipped = read_export_sample(sample, q, sample_source)
    else:
        rows, skipped = read_sample(sample, q, sample_source)
    people: list[tuple[SampleRow, Person]] = []
    excluded = list(skipped)
    for row in rows:
        try:
            answers = check_answers(q, row.answers, f"{sample_source} row {row.row}")
        except AnswersError as exc:
            excluded.append(SkippedRow(row.row, row.ref, tuple(_column(p) for p in exc.problems)))
            continue
        points = compute(ruleset, answers).total_points
        people.append((row, Person(row.row, row.ref, row.cost, points)))
    excluded.sort(key=lambda s: s.row)
    if not people:
        raise InputError(
            f"{sample_source}: no usable rows, so no rate can be derived",
            [Problem(f"row {s.row}", "; ".join(s.problems)) for s in excluded],
        )
    with localcontext(EXACT):
        total_cost = sum((p.current for _, p in people), ZERO)
        total_points = sum((p.points for _, p in people), ZERO)
        sum_cp = sum((p.current * p.points for _, p in people), ZERO)
        sum_pp = sum((p.points * p.points for _, p in people), ZERO)
    if total_points <= 0 or sum_pp == 0:
        raise InputError(
            f"{sample_source}: the usable rows score {plain(total_points)} points in all, "
            "so no rate per point can be derived"
        )
    assert q.allocation.rate is not None
    result = Calibration(
        source=sample_source,
        ruleset=ruleset,
        questionnaire=q.id,
        method=method,
        contingency=contingency,
        old_rate=q.allocation.rate,
        total_cost=total_cost,
        total_points=total_points,
        sum_cost_points=sum_cp,
        sum_points_squared=sum_pp,
        people=tuple(p for _, p in people),
        excluded=tuple(excluded),
        on_date=today or date.today(),
    )
    if result.proposed_rate <= 0:
        raise InputError(
            f"the {method} rate after contingency rounds to £{money(result.proposed_rate)} a point; "
            "a rate must be more than 0"
        )
    new_doc = calibrated_document(document, result)
    new_ruleset = parse_ruleset(new_doc, "the calibrated ruleset")
    new_q = new_ruleset.questionnaire_by_id[q.id]
    compared = tuple(
        Person(
            p.row,
            p.ref,
            p.current,
            p.points,
            compute(new_ruleset, check_answers(new_q, row.answers)).weekly,
        )
        for row, p in people
    )
    return replace(result, document=new_doc, new_ruleset=new_ruleset, people=compared)


def _column(problem: Problem) -> str:
    """``$.answers.tasks[1]: …`` → ``column tasks: …`` (the CSV's own words)."""
    path = problem.path.removeprefix("$.answers.")
    return f"column {path.split('[')[0]}: {problem.message}"


def calibrated_document(document: bytes, c: Calibration) -> bytes:
    """The input document with the new rate and calibration block; everything else kept
    in its order (a document written with indent=2 comes back byte for byte)."""
    doc = json.loads(document.decode("utf-8"), object_pairs_hook=dict)
    for q in doc["questionnaires"]:
        if q.get("id") == c.questionnaire:
            allocation = q["allocation"]
            allocation["rate"] = money(c.proposed_rate)
            allocation["calibration"] = {
                "sample_size": len(c.people),
                "sample_weekly_cost": money(c.total_cost),
                "sample_points": plain(c.total_points),
                "contingency": plain(c.contingency),
                "date": c.on_date.isoformat(),
            }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
