"""What each group of format 2's explanation reads from a result, as one hashable value.

``explain_v2`` and ``explain_amount_v2`` memoize each group of steps by its key: the
group's words are a pure function of it (and of the ruleset, questionnaire and language).
A key holds exactly the figures and flags the group's words read — no fewer, or a
memoized sentence would be wrong, and no more, or people with the same figures would not
share it (the section points of a points part, for example, are in the words only through
its overlaps and adjustments).
"""

from __future__ import annotations

from rasdesk.domain.result import PointAdjustmentStep
from rasdesk.domain.result_v2 import AmountResult, OverlapStep, PartResult


def _overlap(o: OverlapStep) -> object:
    return (tuple(o.before.items()), tuple(o.after.items())) if o.applied else None


def body_key(p: PartResult) -> tuple[object, ...]:
    """What ``PartWords.body_steps`` reads: how the part's figure was reached."""
    pts = p.points
    if pts is not None:
        return (
            tuple(_overlap(o) for o in pts.overlaps),
            tuple(tuple(s.sections.items()) if s.applied else None for s in pts.point_adjustments),
            pts.before_rounding,
            pts.rounded,
            pts.total,
            pts.minimum_points_applied,
            pts.table_row,
            p.base_amount,
        )
    if p.items:
        return (
            tuple((i.applies, i.quantity, i.rate, i.cost) for i in p.items),
            tuple(_overlap(o) for o in p.overlaps),
            p.base_amount,
        )
    return (p.band, p.base_amount)


def points_changes_key(p: PartResult) -> tuple[object, ...]:
    """What ``PartWords.points_changes`` reads: a points part's overlaps and point
    adjustments that applied, with their figures before and after."""
    pts = p.points
    assert pts is not None
    return changes_key(pts.overlaps, pts.point_adjustments)


def changes_key(
    overlaps: list[OverlapStep], point_adjustments: list[PointAdjustmentStep]
) -> tuple[object, ...]:
    """``points_changes_key`` from a points part's steps (``parts_v2.points_stage``)."""
    return (
        tuple([_overlap(o) for o in overlaps]) if overlaps else (),
        tuple([tuple(s.sections.items()) if s.applied else None for s in point_adjustments]),
    )


def points_money_key(p: PartResult) -> tuple[object, ...]:
    """What ``PartWords.points_money`` reads: a points part's total and its money."""
    pts = p.points
    assert pts is not None
    return (
        pts.before_rounding,
        pts.rounded,
        pts.total,
        pts.minimum_points_applied,
        pts.table_row,
        p.base_amount,
    )


def tail_key(p: PartResult) -> tuple[object, ...]:
    """What ``PartWords.tail_steps`` reads: adjustments, limits and rounding."""
    return (
        tuple((x.applied, x.before, x.after) for x in p.adjustments),
        p.before_limits,
        p.floor_applied,
        p.ceiling_applied,
        p.before_rounding,
        p.rounded,
    )


def totals_signature(a: AmountResult) -> tuple[object, ...]:
    """What the rules, conversions and totals steps of an amount say, as one value."""
    return (
        tuple((p.amount, p.in_amount_period, p.replaced_by) for p in a.parts),
        tuple((r.applied, tuple(r.parts.items())) for r in a.rules),
        tuple(a.funders.items()),
        a.total,
        tuple((x.period.per, x.council, x.total) for x in a.also),
        a.sign_off_required,
        tuple(a.flags),
        a.hours,
    )
