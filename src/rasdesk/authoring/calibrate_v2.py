"""Calibrating one per-point part of a format-2 ruleset (``rasdesk ruleset calibrate
--part AMOUNT.PART``).

Format 2's amounts are made of parts; a ``per_point`` part has its own rate. The method is
format 1's (``calibrate``): score each sample row with the format-2 engine, take the named
part's points, then ratio (Σ cost ÷ Σ points) or least squares through the origin
(Σ cost×points ÷ Σ points²), × (1 − contingency), rounded half up to the penny. The new
document is the input with that part's ``rate`` replaced and its ``calibration`` block
filled; everything else is kept in its order. Rows whose answers fail are listed, never
dropped silently; a sample with no usable rows or no points is an error.

Every person used is then computed again with the calibrated document: the part's amount
(its adjustments, floor, ceiling, rounding and the amount's rules) beside what their support
costs today, for the report (``report.render_report`` of ``PartCalibration.report``, the
same report as format 1's). The sample's costs are weekly (``current_weekly_cost``), so
only a part whose period is a week can be calibrated: a yearly or one-off part is refused
in words rather than given a weekly rate. The council server's export (format 1's other
kind of sample) is refused too: its final budgets are whole amounts, not one part's cost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import cast

from rasdesk.authoring.calibrate import METHODS, Calibration, Person, round_half_up_pence
from rasdesk.authoring.sample_csv import SkippedRow, read_sample
from rasdesk.authoring.sample_export import looks_like_export
from rasdesk.domain.answers_v2 import read_answers_v2
from rasdesk.domain.decimals import EXACT, ZERO, money, plain
from rasdesk.domain.engine_v2 import compute_v2
from rasdesk.domain.errors import AnswersError, InputError, Problem
from rasdesk.domain.model import Questionnaire
from rasdesk.domain.model_v2 import Amount, Part, QuestionnaireV2, RulesetV2
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.periods import Period


@dataclass(frozen=True, slots=True)
class _SampleQuestions:
    """What ``read_sample`` reads of a questionnaire, for a format-2 one."""

    id: str
    question_by_id: dict[str, object]
    required_questions: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class PartCalibration:
    questionnaire: str
    amount: str
    part: str
    method: str
    contingency: Decimal
    old_rate: Decimal
    proposed_rate: Decimal
    used: int
    total_cost: Decimal
    total_points: Decimal
    excluded: tuple[SkippedRow, ...]
    document: bytes
    #: The calibration report's figures (``report.render_report``), each person compared.
    report: Calibration


def find_part(q: QuestionnaireV2, name: str) -> tuple[str, Part]:
    """``AMOUNT.PART`` (or a part id unique in the questionnaire) → (amount id, part)."""
    found = [(a.id, p) for a in q.amounts for p in a.parts if name in (p.id, f"{a.id}.{p.id}")]
    known = ", ".join(f"{a.id}.{p.id}" for a in q.amounts for p in a.parts)
    if len(found) != 1:
        why = "names more than one part" if found else "is not a part"
        raise InputError(f'--part "{name}" {why} of questionnaire "{q.id}" (it has: {known})')
    aid, part = found[0]
    if part.method != "per_point" or part.rate is None:
        raise InputError(
            f'part "{aid}.{part.id}" is costed by {part.method}, not a rate per point: '
            "only per_point parts can be calibrated"
        )
    return aid, part


def calibrate_part(
    ruleset: RulesetV2,
    document: bytes,
    sample: bytes,
    *,
    part: str,
    sample_source: str = "the sample",
    questionnaire: str = "person",
    contingency: Decimal = ZERO,
    method: str = "ratio",
    today: date | None = None,
) -> PartCalibration:
    if method not in METHODS:
        raise InputError(f"unknown method {method!r} (use {' or '.join(METHODS)})")
    q = ruleset.questionnaire_by_id.get(questionnaire)
    if q is None:
        known = ", ".join(ruleset.questionnaire_by_id)
        raise InputError(f'the ruleset has no questionnaire "{questionnaire}" (it has: {known})')
    aid, target = find_part(q, part)
    amount = next(a for a in q.amounts if a.id == aid)
    if target.period.per != Period.WEEK:
        raise InputError(
            f'part "{aid}.{target.id}" is stated {_per_words(target.period.per)}, but the '
            "sample's costs are weekly (current_weekly_cost): only a weekly per_point part can "
            "be calibrated from it"
        )
    if looks_like_export(sample):
        raise InputError(
            f"{sample_source} is the council server's export: its final budgets are whole "
            f'amounts, not what part "{aid}.{target.id}" pays for, so they cannot calibrate one '
            "part's rate. Use a sample CSV (ref,current_weekly_cost and a column per question) "
            "with each person's weekly cost of that part"
        )
    questions = q.questions()
    shape = _SampleQuestions(
        q.id, {x.id: x for x in questions}, tuple(x for x in questions if x.required)
    )
    rows, skipped = read_sample(sample, cast(Questionnaire, shape), sample_source)
    excluded = list(skipped)
    used: list[tuple[Decimal, Decimal]] = []
    kept: list[tuple[dict[str, object], Person]] = []
    for row in rows:
        try:
            answers = read_answers_v2(
                {"questionnaire": q.id, "answers": row.answers},
                ruleset,
                f"{sample_source} row {row.row}",
            )
        except AnswersError as exc:
            reasons = tuple(f"{p.path}: {p.message}" for p in exc.problems)
            excluded.append(SkippedRow(row.row, row.ref, reasons))
            continue
        outcome = compute_v2(ruleset, answers).amount(aid).part(target.id).points
        points = outcome.total if outcome is not None else ZERO
        used.append((row.cost, points))
        kept.append((row.answers, Person(row.row, row.ref, row.cost, points)))
    excluded.sort(key=lambda s: s.row)
    if not used:
        raise InputError(
            f"{sample_source}: no usable rows, so no rate can be derived",
            [Problem(f"row {s.row}", "; ".join(s.problems)) for s in excluded],
        )
    with localcontext(EXACT):
        total_cost = sum((c for c, _ in used), ZERO)
        total_points = sum((p for _, p in used), ZERO)
        sum_cp = sum((c * p for c, p in used), ZERO)
        sum_pp = sum((p * p for _, p in used), ZERO)
    if total_points <= 0 or sum_pp == 0:
        raise InputError(
            f"{sample_source}: the usable rows score {plain(total_points)} points in all "
            f'for part "{aid}.{target.id}", so no rate per point can be derived'
        )
    raw = (
        Fraction(total_cost) / Fraction(total_points)
        if method == "ratio"
        else Fraction(sum_cp) / Fraction(sum_pp)
    )
    rate = round_half_up_pence(raw * (1 - Fraction(contingency)))
    if rate <= 0:
        raise InputError(
            f"the {method} rate rounds to £{money(rate)} a point; it must be more than 0"
        )
    on = (today or date.today()).isoformat()
    doc = json.loads(document.decode("utf-8"), object_pairs_hook=dict)
    for qd in doc["questionnaires"]:
        for ad in qd["amounts"] if qd.get("id") == q.id else ():
            for pd in ad["parts"] if ad.get("id") == aid else ():
                if pd.get("id") == target.id:
                    pd["rate"] = money(rate)
                    pd["calibration"] = {
                        "sample_size": len(used),
                        "sample_weekly_cost": money(total_cost),
                        "sample_points": plain(total_points),
                        "contingency": plain(contingency),
                        "date": on,
                    }
    new_doc = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    assert target.rate is not None
    new_ruleset = parse_ruleset_v2(new_doc, "the calibrated ruleset")
    # The answers are read again against the calibrated ruleset: compute_v2 works on the
    # questionnaire the answers were checked against.
    compared = tuple(
        Person(
            p.row,
            p.ref,
            p.current,
            p.points,
            compute_v2(
                new_ruleset, read_answers_v2({"questionnaire": q.id, "answers": given}, new_ruleset)
            )
            .amount(aid)
            .part(target.id)
            .amount,
        )
        for given, p in kept
    )
    report = Calibration(
        source=sample_source,
        ruleset=ruleset,
        questionnaire=q.id,
        method=method,
        contingency=contingency,
        old_rate=target.rate,
        total_cost=total_cost,
        total_points=total_points,
        sum_cost_points=sum_cp,
        sum_points_squared=sum_pp,
        people=compared,
        excluded=tuple(excluded),
        on_date=date.fromisoformat(on),
        document=new_doc,
        new_ruleset=new_ruleset,
        part=f"{aid}.{target.id}",
        subject=f"“{target.label.en}” of “{amount.label.en}”",
        year_factor=_year_factor(amount),
    )
    return PartCalibration(
        q.id,
        aid,
        target.id,
        method,
        contingency,
        target.rate,
        rate,
        len(used),
        total_cost,
        total_points,
        tuple(excluded),
        new_doc,
        report,
    )


def _per_words(per: Period) -> str:
    return "as a one-off payment" if per == Period.ONE_OFF else f"a {per.value}"


def _year_factor(amount: Amount) -> Decimal | None:
    """The amount's declared week → year multiplier (the report's year column), if any."""
    c = amount.conversion(Period.WEEK, Period.YEAR)
    return c.multiply if c is not None else None
