"""Read the English explanation as a person would and check that it adds up to the figure.

Walks the steps in order keeping a running value, taking every number from the *words*
(money is read to the penny, as people see it; a figure rounded there says so):
answer points sum to each section; point adjustments multiply the section points they
name; sections sum to the total; total × rate is the base; each adjustment's "£before
becomes £after" continues the chain; floor, ceiling and rounding lead to the weekly
figure; weekly × weeks is the annual figure. Any gap raises AssertionError.
"""

from __future__ import annotations

import re
from decimal import Decimal as D

from rasdesk.domain.decimals import CENT, round_to
from rasdesk.domain.model import Questionnaire
from rasdesk.domain.result import Result

N = r"(-?[\d,]*\d(?:\.\d+)?)"


PENNY = r"(?: \(to the nearest penny\))"


def to_the_penny(exact: D, shown: D, text: str) -> None:
    """``shown`` is ``exact`` to the penny, and the words say so when that rounded it."""
    assert shown == exact.quantize(CENT, rounding="ROUND_HALF_UP"), (exact, shown, text)
    if shown != exact:
        assert "(to the nearest penny)" in text, text


def num(text: str) -> D:
    return D(text.replace(",", ""))


def last_points(text: str) -> D:
    found = re.findall(N + r" points?\b", text)
    assert found, f"no points in: {text}"
    return num(found[-1])


def check(q: Questionnaire, result: Result) -> None:
    steps = [(e.step, e.text) for e in result.explanation]
    alloc = q.allocation
    section_ids = iter([s.id for s in q.sections])
    answer_sum = D(0)
    section_points: dict[str, D] = {}
    titles = {s.title.en: s.id for s in q.sections}
    running: D | None = None
    total: D | None = None
    weekly_seen = False
    for step, text in steps:
        if step == "answer":
            answer_sum += last_points(text)
        elif step == "section":
            sid = next(section_ids)
            m = re.search(r"add up to " + N + r" points?", text) or re.search(
                r": " + N + r" points? ×", text
            )
            raw = num(m.group(1)) if m else last_points(text)
            assert raw == answer_sum, f"answers add to {answer_sum}, section says {raw}: {text}"
            section_points[sid] = last_points(text)
            answer_sum = D(0)
        elif step == "point_adjustment":
            factor = num(re.search(r"multiplied by " + N, text).group(1))  # type: ignore[union-attr]
            changes = [
                (sid, m.group(1), m.group(2))
                for title, sid in titles.items()
                if (m := re.search(re.escape(title) + " from " + N + " to " + N, text))
            ]
            assert changes, text
            m = re.search(
                r"(?:takes|adds) "
                + N
                + r" points? (?:off|to) your total: £"
                + N
                + r" a week (?:less|more) at £"
                + N,
                text,
            )
            if m:  # the points' worth in money, at the rate
                to_the_penny(num(m.group(1)) * num(m.group(3)), num(m.group(2)), text)
                assert num(m.group(1)) == abs(sum(num(b) - num(a) for _, b, a in changes)), text
            for sid, before, after in changes:
                assert num(before) == section_points[sid], text
                assert num(before) * factor == num(after), text
                section_points[sid] = num(after)
        elif step == "total":
            m = re.search(r"add up to " + N + r"(?: points?)?(?:, rounded)?", text)
            assert m and num(m.group(1)) == sum(section_points.values(), D(0)), (
                text,
                section_points,
            )
            total = last_points(text)
        elif step == "minimum_points":
            total = num(re.search("uses " + N + " points? instead", text).group(1))  # type: ignore[union-attr]
        elif step == "rate":
            pts, rate, base = re.search(N + r" points? × £" + N + r" = £" + N, text).groups()  # type: ignore[union-attr]
            assert total is not None and num(pts) == total, text
            to_the_penny(num(pts) * num(rate), num(base), text)
            assert num(re.search(r"worth £" + N, text).group(1)) == num(rate), text  # type: ignore[union-attr]
            running = num(base)
        elif step == "table":
            running = num(re.findall(r"£" + N, text)[-1])
        elif step == "adjustment":
            m = re.search(r"£" + N + r" becomes £" + N, text)
            if m:
                assert running is not None and num(m.group(1)) == running, (running, text)
                diff = num(re.search(r"(?:adds|takes away) £" + N, text).group(1))  # type: ignore[union-attr]
                assert abs(num(m.group(2)) - running) == diff, text
                running = num(m.group(2))
            else:
                assert "does not change" in text
        elif step in ("floor", "ceiling"):
            m = re.search(r"so £" + N + PENNY + r"? is (?:raised|lowered) to £" + N, text)
            assert m and running is not None and num(m.group(1)) == running, (running, text)
            running = num(m.group(2))
        elif step == "rounding":
            assert running is not None
            m = re.search(r"^£" + N + PENNY + r"? is rounded", text)
            weekly = num(re.findall(r"£" + N, text)[-1])
            if m:  # the amount read is to the penny: the council's step can differ by one step
                assert num(m.group(1)) == running, (running, text)
                step_ = alloc.rounding.to
                near = round_to(running, step_, alloc.rounding.mode)
                assert abs(near - weekly) <= step_, (weekly, near, text)
            elif text.startswith("Rounded to the nearest penny"):
                assert abs(weekly - running) <= CENT, (weekly, running, text)
            else:
                assert weekly == running, (weekly, running, text)
            running = weekly
            assert weekly == result.weekly, (weekly, result.weekly, text)
            weekly_seen = True
        elif step == "annual":
            weeks, annual = re.search(r"\(" + N + r" weeks?\) that is £" + N, text).groups()  # type: ignore[union-attr]
            assert (
                round_to(result.weekly * num(weeks), CENT, "half_up")
                == num(annual)
                == result.annual
            )
    assert weekly_seen, "the explanation never states the weekly figure"
