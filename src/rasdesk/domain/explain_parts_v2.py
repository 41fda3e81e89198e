"""The explanation of each part of a format-2 amount: how its figure was reached (points ×
rate, table row, hours × a named rate, a fixed amount, a band), its adjustments, limits and
rounding; then the amount's rules, conversions, totals and the closing words."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rasdesk.domain.decimals import plain
from rasdesk.domain.explain_words_v2 import BaseWords
from rasdesk.domain.model_v2 import Amount, Part
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import OverlapStep, PartResult


class PartWords(BaseWords):
    def part_steps(self, amount: Amount, spec: Part, part: PartResult) -> Iterator[ExplanationStep]:
        """Every step of one part, in order (head, how its figure was reached, the rest)."""
        yield from self.head_steps(amount, spec, part.applies)
        if part.applies:
            yield from self.body_steps(spec, part)
            yield from self.tail_steps(amount, spec, part)

    def head_steps(self, amount: Amount, spec: Part, applies: bool) -> Iterator[ExplanationStep]:
        """What the part is, who funds it, its period; or that it does not apply."""
        label = self.t(spec.label)
        per = self.per(spec.period)
        funder = self.funder(spec)
        head = self.two(
            "part", "part", amount=self.t(amount.label), label=label, funder=funder, per=per
        )
        extra = " ".join(
            x
            for x in (
                self.s("earmarked", what=self.t(spec.earmarked)) if spec.earmarked else "",
                self.t(spec.explain),
            )
            if x
        )
        if extra:
            head = ExplanationStep(head.step, f"{head.text} {extra}", head.easy_read)
        if (
            len(amount.parts) > 1
            or extra
            or spec.funder != "council"
            or spec.period != amount.period
        ):
            yield head
        if not applies:
            yield self.two("part", "part_off", label=label)

    def body_steps(self, spec: Part, part: PartResult) -> Iterator[ExplanationStep]:
        """How the part's figure was reached, by its method."""
        label, per = self.t(spec.label), self.per(spec.period)
        if part.points is not None:
            yield from self._points(spec, part, label, per)
        elif spec.method == "costed":
            yield from self._items(spec, part, label, per)
        elif spec.method == "fixed":
            yield self.two("base", "fixed", label=label, amount=self.m(part.base_amount), per=per)
        elif part.band is None:
            yield self.two("base", "band_none", "band.easy", label=label, amount="0.00")
        else:
            band = spec.bands[part.band]
            key = "band" if band.label else "band_plain"
            yield self.two(
                "base",
                key,
                "band.easy",
                label=label,
                band=self.t(band.label),
                amount=self.m(part.base_amount),
                per=per,
            )

    def tail_steps(self, amount: Amount, spec: Part, part: PartResult) -> Iterator[ExplanationStep]:
        """The part's money adjustments, floor, ceiling and rounding to its figure."""
        label, per = self.t(spec.label), self.per(spec.period)
        for adj, step in zip(spec.adjustments, part.adjustments, strict=True):
            if step.applied:
                yield self._adjustment(adj.label, adj.explain, step.before, step.after)
        if part.floor_applied:
            key = "floor" if spec.minimum else "floor_zero"
            limit = spec.minimum or Decimal("0")
            yield self.two(
                "floor",
                key,
                "limit.easy",
                label=label,
                limit=self.m(limit),
                before=self.m(part.before_limits),
            )
        if part.ceiling_applied:
            assert spec.maximum is not None
            yield self.two(
                "ceiling",
                "ceiling",
                "limit.easy",
                label=label,
                limit=self.m(spec.maximum),
                before=self.m(part.before_limits),
            )
        if part.before_rounding != part.rounded:
            r = spec.rounding
            step_word = self.step_word(r)
            yield self.two(
                "part_amount",
                "part_rounded",
                "part_amount.easy",
                label=label,
                before=self.m(part.before_rounding),
                step=step_word,
                mode=self.p[f"mode_{r.mode}"],
                amount=self.m(part.rounded),
                per=per,
            )
        elif len(amount.parts) > 1 or spec.period != amount.period:
            yield self.two(
                "part_amount", "part_amount", label=label, amount=self.m(part.rounded), per=per
            )

    def _points(
        self, spec: Part, part: PartResult, label: str, per: str
    ) -> Iterator[ExplanationStep]:
        yield from self.points_changes(spec, part)
        yield from self.points_money(spec, part)

    def points_changes(self, spec: Part, part: PartResult) -> Iterator[ExplanationStep]:
        """A points part's overlaps and point adjustments that applied (the first steps of
        its body): they read only those steps."""
        points = part.points
        assert points is not None
        titles = {s.section.id: s.section.title.get(self.lang) for s in self.q2.sections}
        for o, ostep in zip(spec.overlaps, points.overlaps, strict=True):
            if ostep.applied:
                yield self._overlap(
                    "overlap_points", o.label, o.explain, o.smaller_counts, ostep, titles, False
                )
        for padj, pstep in zip(spec.point_adjustments, points.point_adjustments, strict=True):
            if pstep.applied and pstep.sections:
                items = [
                    {"what": titles[sid], "before": plain(b), "after": plain(a)}
                    for sid, (b, a) in pstep.sections.items()
                ]
                yield self.two(
                    "point_adjustment",
                    "padj",
                    label=self.t(padj.label),
                    explain=self.t(padj.explain),
                    factor=plain(padj.multiply),
                    changes="; ".join(self.s("change_item", **i) for i in items),
                    # Easy read: a short sentence for each area (at most 15 words each).
                    changes_easy=" ".join(self.s("change_item.easy", **i) for i in items),
                )

    def points_money(self, spec: Part, part: PartResult) -> Iterator[ExplanationStep]:
        """The rest of a points part's body: its total points and how they became money."""
        points = part.points
        assert points is not None
        label, per = self.t(spec.label), self.per(spec.period)
        if points.rounded != points.before_rounding and spec.points_rounding is not None:
            pr = spec.points_rounding
            yield self.two(
                "total",
                "points_rounded",
                "total.easy",
                label=label,
                before=plain(points.before_rounding),
                step=self.step_word(pr, money_step=False),
                mode=self.p[f"mode_{pr.mode}"],
                points=self.pts(points.rounded),
            )
        else:
            yield self.two("total", "total", label=label, points=self.pts(points.rounded))
        if points.minimum_points_applied:
            yield self.two(
                "minimum_points",
                "minimum_points",
                "total.easy",
                label=label,
                points=self.pts(points.total),
                before=self.pts(points.rounded),
            )
        if spec.method == "per_point":
            assert spec.rate is not None
            base, pen = self.money(part.base_amount)
            yield self.two(
                "rate",
                "rate",
                label=label,
                rate=self.m(spec.rate),
                per=per,
                points=self.pts(points.total),
                base=base,
                penny=pen,
            )
        elif points.table_row is None:
            start = self.pts(spec.table[0].from_points)
            yield self.two(
                "table",
                "table_none",
                "table.easy",
                label=label,
                points=self.pts(points.total),
                start=start,
                amount="0.00",
            )
        else:
            yield self.two(
                "table",
                "table",
                label=label,
                points=self.pts(points.total),
                start=self.pts(points.table_row),
                amount=self.m(part.base_amount),
                per=per,
            )

    def _items(
        self, spec: Part, part: PartResult, label: str, per: str
    ) -> Iterator[ExplanationStep]:
        costs: list[str] = []
        by_id = {i.id: i for i in spec.items}
        for item in part.items:
            words = self.t(by_id[item.id].label)
            if not item.applies:
                yield self.two("item", "item_off", label=words)
                continue
            cost = self.m(item.cost)
            pen = self.p2["penny"] if item.quantity * item.unit_cost != item.cost else ""
            yield self.two(
                "item",
                "item",
                label=words,
                quantity=plain(item.quantity),
                units=self.units(item.unit, item.quantity),
                per=per,
                rate=self.m(item.unit_cost),
                a_unit=self.p2[f"a_{item.unit}"],
                cost=cost,
                penny=pen,
            )
        item_titles = {i.id: self.t(i.label) for i in spec.items}
        for o, ostep in zip(spec.overlaps, part.overlaps, strict=True):
            if ostep.applied:
                yield self._overlap(
                    "overlap_money", o.label, o.explain, o.smaller_counts, ostep, item_titles, True
                )
        final = dict((i.id, i.cost) for i in part.items)
        for ostep in part.overlaps:
            final.update(ostep.after)
        costs = [f"£{self.m(final[i.id])}" for i in part.items if i.applies]
        if len(costs) > 1:
            yield self.two(
                "items_sum",
                "items_sum",
                label=label,
                costs=" + ".join(costs),
                sum=self.m(part.base_amount),
                per=per,
            )

    def _overlap(
        self,
        key: str,
        label: object,
        explain: object,
        share: Decimal,
        step: OverlapStep,
        titles: dict[str, str],
        money: bool,
    ) -> ExplanationStep:
        largest = next(
            k
            for k in step.before
            if step.after[k] == step.before[k]
            and all(step.before[k] >= v for v in step.before.values())
        )
        fmt = (lambda v: f"£{self.m(v)}") if money else plain
        changes = "; ".join(
            self.s(
                "change_item", what=titles[k], before=fmt(step.before[k]), after=fmt(step.after[k])
            )
            for k in step.before
            if step.after[k] != step.before[k]
        )
        return self.two(
            "overlap",
            key,
            "overlap.easy",
            label=self.t(label),  # type: ignore[arg-type]
            explain=self.t(explain),  # type: ignore[arg-type]
            largest=titles[largest],
            share=plain(share),
            changes=changes,
        )

    def _adjustment(
        self, label: object, explain: object, before: Decimal, after: Decimal
    ) -> ExplanationStep:
        diff = after - before
        key = "adj_add" if diff > 0 else "adj_sub" if diff < 0 else "adj_same"
        shown, pen = self.money(after)
        return self.two(
            "adjustment",
            key,
            label=self.t(label),  # type: ignore[arg-type]
            explain=self.t(explain),  # type: ignore[arg-type]
            diff=self.m(abs(diff)),
            before=self.m(before),
            after=shown,
            penny=pen,
        )
