"""Read a format-2 English explanation as a person would and check that its money adds
up: every item (quantity × rate), every points × rate, every conversion, each funder's
sum of parts, each amount's total of funders, each figure in another period — and that
each figure read equals the result's own. Any gap raises AssertionError."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from rasdesk.domain.result_v2 import ResultV2

N = r"(-?[\d,]*\d(?:\.\d+)?)"
PENNY = " (to the nearest penny)"


def num(text: str) -> D:
    return D(text.replace(",", ""))


def pounds(text: str) -> list[D]:
    return [num(x) for x in re.findall("£" + N, text)]


def near(exact: D, shown: D, text: str) -> None:
    """``shown`` is ``exact`` to the penny; the words say so when it was rounded (or say
    the council's own rounding, e.g. "rounded to the nearest pound, always rounded down")."""
    if exact != shown and "rounded to the nearest" in text:
        assert (shown - exact).copy_abs() < D("1"), f"{exact} vs {shown}: {text}"
        return
    rounded = exact.quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert shown == rounded or (shown - exact).copy_abs() < D("0.01"), f"{exact} vs {shown}: {text}"
    if rounded != exact and shown == rounded:
        assert PENNY in text, f"rounded without saying so: {text}"


def check(result: ResultV2) -> None:
    seen_totals = set()
    for step, (aid, pid) in zip(result.explanation, result.step_about, strict=True):
        text, kind = step.text, step.step
        if aid is None:
            continue
        amount = result.amount(aid)
        if kind == "item":
            m = re.search(N + r" \w+ .*× £" + N + r" .*= £" + N, text)
            if m:
                near(num(m.group(1)) * num(m.group(2)), num(m.group(3)), text)
        elif kind == "items_sum":
            *costs, total = pounds(text)
            assert sum(costs, D(0)) == total == amount.part(pid).base_amount, text  # type: ignore[arg-type]
        elif kind == "rate":
            m = re.search(N + r" points? × £" + N + r" = £" + N, text)
            assert m, text
            near(num(m.group(1)) * num(m.group(2)), num(m.group(3)), text)
        elif kind == "part_amount":
            assert pounds(text)[-1] == amount.part(pid).rounded, text  # type: ignore[arg-type]
        elif kind == "rule" and pid in {p.id for p in amount.parts}:
            values = pounds(text)
            if " from £" in text:  # cap or floor: the part's figure before and after
                before, after = values[-2:]
                recorded = [r.parts.get(pid) for r in amount.rules]  # type: ignore[arg-type]
                assert (before, after) in recorded, text
        elif kind == "conversion":
            m = re.search(r"£" + N + r" .* ([×÷]) " + N + r" = £" + N, text)
            assert m, text
            x, f, y = num(m.group(1)), num(m.group(3)), num(m.group(4))
            near(x * f if m.group(2) == "×" else x / f, y, text)
            assert y == amount.part(pid).in_amount_period, text  # type: ignore[arg-type]
        elif kind == "funder_total" and "£" in text:
            *parts, total = pounds(text)
            assert sum(parts or [total], D(0)) == total, text
            assert total in amount.funders.values(), text
        elif kind == "amount_total":
            *funders, total = pounds(text)
            assert total == amount.total, text
            if funders:
                assert sum(funders, D(0)) == total, text
                assert sorted(funders) == sorted(amount.funders.values()), text
            seen_totals.add(aid)
        elif kind == "also" and "worked out as" in text:
            total, from_total = pounds(text)[:2]
            assert from_total == amount.total, text
            assert total in [x.total for x in amount.also], text
    assert seen_totals == {a.id for a in result.amounts}, "every amount states its total"
    # Parts add up to the total (the numbers the person reads on the letter).
    for amount in result.amounts:
        assert sum((p.in_amount_period for p in amount.parts), D(0)) == amount.total
        assert amount.council == amount.funders.get("council", D(0))
