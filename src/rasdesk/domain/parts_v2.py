"""Step 5 of format 2 (docs/ruleset-v2.md §2): one part's figure in its own period — by
points (format 1 steps 4–6 on the part's sections), costed items, a fixed amount or a
band — then its money adjustments, floor and ceiling, and one rounding."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rasdesk.domain.answers_v2 import AnswersV2
from rasdesk.domain.decimals import CENT, ZERO, round_to
from rasdesk.domain.engine import apply_adjustments, apply_point_adjustments, table_row
from rasdesk.domain.model import TableRow
from rasdesk.domain.model_v2 import Item, Overlap, Part, RulesetV2
from rasdesk.domain.result import PointAdjustmentStep
from rasdesk.domain.result_v2 import ItemOutcome, OverlapStep, PartResult, PointsOutcome


@dataclass(frozen=True, slots=True)
class Context:
    ruleset: RulesetV2
    answers: AnswersV2
    section_points: dict[str, Decimal]  # after cap, weight and eligibility


def apply_overlaps(
    values: dict[str, Decimal], overlaps: tuple[Overlap, ...], *, money: bool = False
) -> list[OverlapStep]:
    """Needs counted once: of each overlap's members the largest (the first on a tie)
    counts in full and the others are multiplied by ``smaller_counts`` (money: rounded
    half up to the penny, as every item figure is). In place."""
    steps: list[OverlapStep] = []
    for o in overlaps:
        before = {k: values[k] for k in o.between}
        largest = max(o.between, key=lambda k: (before[k], -o.between.index(k)))
        after = dict(before)
        for k in o.between:
            if k != largest:
                share = before[k] * o.smaller_counts
                after[k] = round_to(share, CENT, "half_up") if money else share
        values.update(after)
        steps.append(OverlapStep(o.id, after != before, before, after))
    return steps


PointsStage = tuple[dict[str, Decimal], list[OverlapStep], list[PointAdjustmentStep], Decimal]


def points_stage(part: Part, ctx: Context) -> PointsStage:
    """The part's section points after its overlaps and point adjustments, and their sum
    (before the points are rounded): what differs from person to person."""
    current = {sid: ctx.section_points[sid] for sid in part.sections}
    overlaps = apply_overlaps(current, part.overlaps) if part.overlaps else []
    padj_steps = apply_point_adjustments(part.point_adjustments, current, ctx.answers.visible)
    return current, overlaps, padj_steps, sum(current.values(), ZERO)


def _points(part: Part, ctx: Context) -> tuple[PointsOutcome, Decimal]:
    current, overlaps, padj_steps, before_rounding = points_stage(part, ctx)
    total = before_rounding
    if part.points_rounding is not None:
        total = round_to(total, part.points_rounding.to, part.points_rounding.mode)
    rounded = total
    minimum_applied = False
    if part.minimum_points is not None and ZERO < total < part.minimum_points:
        total = part.minimum_points
        minimum_applied = True
    row: TableRow | None = None
    if part.method == "per_point":
        base = total * part.rate  # type: ignore[operator]
    else:
        row = table_row(part.table, total)
        base = row.amount if row is not None else ZERO
    outcome = PointsOutcome(
        sections=current,
        overlaps=overlaps,
        point_adjustments=padj_steps,
        before_rounding=before_rounding,
        rounded=rounded,
        total=total,
        minimum_points_applied=minimum_applied,
        table_row=row.from_points if row is not None else None,
    )
    return outcome, base


def quantity(item: Item, ctx: Context) -> Decimal:
    """How many units: a number answer used exactly, an option's quantity, or a constant;
    × ``times``. Unanswered, hidden or not applicable → 0."""
    spec = item.quantity
    if spec.value is not None:
        value = spec.value
    else:
        given = ctx.answers.visible.get(spec.answer)  # type: ignore[arg-type]
        if spec.options is not None:
            value = spec.options.get(given, ZERO) if isinstance(given, str) else ZERO
        else:
            value = given if isinstance(given, Decimal) else ZERO
    return value * spec.times if spec.times is not None else value


def _items(part: Part, ctx: Context) -> tuple[list[ItemOutcome], list[OverlapStep], Decimal]:
    visible = ctx.answers.visible
    outcomes: list[ItemOutcome] = []
    costs: dict[str, Decimal] = {}
    for item in part.items:
        applies = item.when is None or item.when.holds(visible)
        rate_id = next(rid for cond, rid in item.rates if cond is None or cond.holds(visible))
        rate = ctx.ruleset.rates[rate_id]
        qty = quantity(item, ctx) if applies else ZERO
        cost = round_to(qty * rate.amount, CENT, "half_up")  # (decision) items in whole pence
        outcomes.append(ItemOutcome(item.id, applies, qty, rate.unit, rate_id, rate.amount, cost))
        costs[item.id] = cost
    overlaps = apply_overlaps(costs, part.overlaps, money=True)
    return outcomes, overlaps, sum(costs.values(), ZERO)


def compute_part(part: Part, ctx: Context) -> PartResult:
    visible = ctx.answers.visible
    applies = part.when is None or part.when.holds(visible)
    points: PointsOutcome | None = None
    items: list[ItemOutcome] = []
    overlaps: list[OverlapStep] = []
    band: int | None = None
    base = ZERO
    if part.uses_points:
        points, base = _points(part, ctx)
    elif part.method == "costed":
        items, overlaps, base = _items(part, ctx)
    elif part.method == "fixed":
        base = part.amount  # type: ignore[assignment]
    else:
        for i, row in enumerate(part.bands):
            if row.when is None or row.when.holds(visible):
                band, base = i, row.amount
                break
    if not applies:
        base = ZERO
    amount = base
    amount, adjustments = apply_adjustments(part.adjustments, amount, visible, applies)
    before_limits = amount
    floor = part.minimum if (part.minimum is not None and applies) else ZERO
    floor_applied = amount < floor
    if floor_applied:
        amount = floor
    ceiling_applied = part.maximum is not None and amount > part.maximum
    if ceiling_applied:
        amount = part.maximum  # type: ignore[assignment]
    before_rounding = amount
    rounded = round_to(amount, part.rounding.to, part.rounding.mode).quantize(CENT)
    return PartResult(
        id=part.id,
        label=part.label.en,
        funder=part.funder,
        earmarked=part.earmarked.en if part.earmarked else None,
        method=part.method,
        period=part.period,
        applies=applies,
        points=points,
        items=items,
        overlaps=overlaps,
        band=band,
        base_amount=base,
        adjustments=adjustments,
        before_limits=before_limits,
        floor_applied=floor_applied,
        ceiling_applied=ceiling_applied,
        before_rounding=before_rounding,
        rounded=rounded,
        amount=rounded,  # the amount's rules may change it (engine_v2)
    )
