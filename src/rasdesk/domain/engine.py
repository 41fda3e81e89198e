"""The exact Decimal engine: the 11 steps of spec §2, in order, nothing else.

Decisions where the spec is silent are written in docs/ruleset-decisions.md; the ones that
touch arithmetic are marked here with "(decision)".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, localcontext

from rasdesk.domain.answers import Answers
from rasdesk.domain.decimals import CENT, EXACT, ZERO, round_to
from rasdesk.domain.model import Adjustment, PointAdjustment, Question, Ruleset, Section, TableRow
from rasdesk.domain.result import (
    AdjustmentStep,
    PointAdjustmentStep,
    QuestionScore,
    Result,
    SectionScore,
)

#: In a section's values: the question was not shown (step 1).
HIDDEN = type("Hidden", (), {"__repr__": lambda self: "HIDDEN"})()
#: In a section's values: a text answer was given (it scores 0; its words do not matter here).
TEXT = type("Text", (), {"__repr__": lambda self: "TEXT"})()
MEMO_LIMIT = 100_000


def question_points(question: Question, value: object) -> Decimal:
    """Step 2 for one shown question's value; None (unanswered) → 0."""
    if value is None:
        return ZERO
    qtype = question.type
    if qtype == "single":
        return question.option_by_id[value].points  # type: ignore[index]
    if qtype == "multiple":
        chosen = [question.option_by_id[o].points for o in value]  # type: ignore[attr-defined]
        if not chosen:
            return ZERO
        return max(chosen) if question.scoring == "max" else sum(chosen, ZERO)
    if qtype == "number":
        points = ZERO
        for band in question.bands:  # ascending: the last band with from <= value wins
            if band.start <= value:  # type: ignore[operator]
                points = band.points
            else:
                break
        return points
    return ZERO


def section_values(section: Section, answers: Answers) -> tuple[object, ...]:
    """Everything steps 2–3 read for one section: per question, its answer as given (a
    list keeps its order), None if shown but unanswered, HIDDEN if not shown, TEXT for a
    text answer. A section's score is a pure function of these values."""
    given, visible, shown = answers.given, answers.visible, answers.shown
    out: list[object] = []
    for q in section.questions:
        qid = q.id
        if qid in visible:
            out.append(TEXT if q.type == "text" else given[qid])
        else:
            out.append(None if qid in shown else HIDDEN)
    return tuple(out)


def score_section(
    section: Section, values: tuple[object, ...]
) -> tuple[tuple[QuestionScore, ...], SectionScore]:
    """Steps 2–3 for one section: each shown question's points; raw sum; cap; weight."""
    scores: list[QuestionScore] = []
    raw = ZERO
    for question, value in zip(section.questions, values, strict=True):
        if value is HIDDEN:
            continue
        points = ZERO if value is TEXT else question_points(question, value)
        scores.append(QuestionScore(question.id, section.id, points, value is not None))
        raw += points
    capped = section.max_points is not None and raw > section.max_points
    points = (
        section.max_points if capped and section.max_points is not None else raw
    ) * section.weight
    return tuple(scores), SectionScore(section.id, raw, capped, points)


def apply_point_adjustments(
    adjustments: Iterable[PointAdjustment],
    current: dict[str, Decimal],
    visible: Mapping[str, object],
) -> list[PointAdjustmentStep]:
    """Step 4: each point adjustment whose ``when`` holds multiplies its sections' points
    (in ``current``, in place), each on the points left by the ones before."""
    steps: list[PointAdjustmentStep] = []
    for padj in adjustments:
        applied = padj.when is None or padj.when.holds(visible)
        changed: dict[str, tuple[Decimal, Decimal]] = {}
        if applied:
            for sid in padj.sections:
                before = current[sid]
                current[sid] = before * padj.multiply
                changed[sid] = (before, current[sid])
        steps.append(PointAdjustmentStep(padj.id, applied, changed))
    return steps


def apply_adjustments(
    adjustments: Iterable[Adjustment],
    amount: Decimal,
    visible: Mapping[str, object],
    on: bool = True,
) -> tuple[Decimal, list[AdjustmentStep]]:
    """Step 7: each money adjustment whose ``when`` holds (all off when ``on`` is false)
    multiplies or adds, in order; the amount after them and each one's before and after."""
    steps: list[AdjustmentStep] = []
    for adj in adjustments:
        applied = on and (adj.when is None or adj.when.holds(visible))
        before = amount
        if applied:
            amount = amount * adj.multiply if adj.multiply is not None else amount + adj.add  # type: ignore[operator]
        steps.append(AdjustmentStep(adj.id, applied, before, amount))
    return amount, steps


def table_row(table: Iterable[TableRow], total: Decimal) -> TableRow | None:
    """Step 6 (table): the row with the greatest ``from_points`` ≤ total; None below the first."""
    row = None
    for candidate in table:  # rows rise (validation)
        if candidate.from_points <= total:
            row = candidate
        else:
            break
    return row


def compute(ruleset: Ruleset, answers: Answers) -> Result:
    """Compute the indicative weekly budget. ``answers`` must come from ``check_answers``."""
    questionnaire = answers.questionnaire
    allocation = questionnaire.allocation
    visible = answers.visible
    with localcontext(EXACT):
        # Steps 1–3: visibility (done in answers), question points, section points.
        memo: dict[object, tuple[tuple[QuestionScore, ...], SectionScore]] = questionnaire.memo  # type: ignore[assignment]
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        scores: list[QuestionScore] = []
        sections: list[SectionScore] = []
        keys: list[tuple[object, ...]] = []
        current: dict[str, Decimal] = {}
        for section in questionnaire.sections:
            values = section_values(section, answers)
            key = (section.id, values)
            found = memo.get(key)
            if found is None:
                found = memo[key] = score_section(section, values)
            question_scores, section_score = found
            scores.extend(question_scores)
            sections.append(section_score)
            keys.append(values)
            current[section.id] = section_score.points
        # Step 4: point adjustments, in order, each on the points left by the ones before.
        point_steps = apply_point_adjustments(allocation.point_adjustments, current, visible)
        # Step 5: total, rounding of points, minimum points (only when above 0).
        total = sum(current.values(), ZERO)
        before_rounding = total
        if allocation.points_rounding is not None:
            total = round_to(total, allocation.points_rounding.to, allocation.points_rounding.mode)
        rounded = total
        minimum_points_applied = False
        if allocation.minimum_points is not None and ZERO < total < allocation.minimum_points:
            total = allocation.minimum_points
            minimum_points_applied = True
        # Step 6: base amount.
        row = None
        if allocation.method == "per_point":
            base = total * allocation.rate  # type: ignore[operator]
        else:
            row = table_row(allocation.table, total)
            base = row.amount if row is not None else ZERO
        # Step 7: money adjustments, in order.
        amount, adj_steps = apply_adjustments(allocation.adjustments, base, visible)
        # Step 8: floor and ceiling. (decision) With no "minimum" the floor is 0.00: a
        # negative "add" can never make a budget negative.
        before_limits = amount
        floor = allocation.minimum if allocation.minimum is not None else ZERO
        floor_applied = amount < floor
        if floor_applied:
            amount = floor
        ceiling_applied = allocation.maximum is not None and amount > allocation.maximum
        if ceiling_applied:
            amount = allocation.maximum  # type: ignore[assignment]
        # Step 9: round the weekly amount once. Step 10: annual.
        before_round = amount
        weekly = round_to(amount, allocation.rounding.to, allocation.rounding.mode)
        weekly = weekly.quantize(CENT)  # exact: rounding.to is a whole number of pence
        annual = round_to(weekly * allocation.annual_factor, CENT, "half_up").quantize(CENT)
        # Step 11: sign-off and flags (they never change the amount).
        sign_off = allocation.sign_off_above is not None and weekly > allocation.sign_off_above
        flags = [
            f.id
            for f in allocation.flags
            if (f.points_above is not None and total > f.points_above)
            or (f.weekly_above is not None and weekly > f.weekly_above)
        ]
    return Result(
        ruleset=ruleset.ref,
        questionnaire=questionnaire.id,
        questions=scores,
        sections=sections,
        point_adjustments=point_steps,
        points_before_rounding=before_rounding,
        points_rounded=rounded,
        total_points=total,
        minimum_points_applied=minimum_points_applied,
        table_row=row,
        base_amount=base,
        adjustments=adj_steps,
        before_limits=before_limits,
        floor_applied=floor_applied,
        ceiling_applied=ceiling_applied,
        before_rounding=before_round,
        weekly=weekly,
        annual=annual,
        sign_off_required=sign_off,
        flags=flags,
        section_values=keys,
    )
