"""The reasoned explanation (spec §2.1 ``explanation``): from the person's own answers to
the pound, in plain English or Welsh, each step also in easy read.

Every figure in the words comes from the ``Result``; nothing is recomputed here except
the illustrative hours (a guide, not part of the budget). Steps are memoized per
(ruleset, questionnaire, language): across thousands of people the same answer, section
score or closing paragraph recurs, and a step is a pure function of its key.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from rasdesk.domain.answers import Answers
from rasdesk.domain.engine import HIDDEN, TEXT, score_section, section_values
from rasdesk.domain.explain_steps import Words, money_text
from rasdesk.domain.model import Ruleset, Section
from rasdesk.domain.result import ExplanationStep, Result

__all__ = ["explain", "money_text"]

_MEMO_LIMIT = 200_000


Group = tuple[ExplanationStep, ...]


class _Memo:
    """Groups of steps, each a pure function of its key, for one questionnaire and language."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.groups: dict[Hashable, Group] = {}

    def get(self, key: Hashable, make: Callable[[], Group]) -> Group:
        found = self.groups.get(key)
        if found is None:
            if len(self.groups) >= _MEMO_LIMIT:
                self.groups.clear()
            found = self.groups[key] = make()
        return found

    def section(self, section: Section, values: tuple[object, ...]) -> Group:
        """The answer steps and the section step for one section."""

        def make() -> Group:
            question_scores, score = score_section(section, values)
            points = {s.question: s.points for s in question_scores}
            made = [
                self.words.answer(question, value, points[question.id])
                for question, value in zip(section.questions, values, strict=True)
                if value is not HIDDEN
                and value is not TEXT  # free text stays off the letter by default
            ]
            made.append(self.words.section(section, score.raw_points, score.capped, score.points))
            return tuple(made)

        return self.get((section.id, values), make)


_MEMOS: dict[tuple[str, str, str], _Memo] = {}


def _memo_for(ruleset: Ruleset, qid: str, lang: str) -> _Memo:
    key = (ruleset.sha256, qid, lang)
    memo = _MEMOS.get(key)
    if memo is None or memo.words.ruleset is not ruleset:
        if len(_MEMOS) > 64:
            _MEMOS.clear()
        memo = _MEMOS[key] = _Memo(Words(ruleset, ruleset.questionnaire_by_id[qid], lang))
    return memo


def _one(make: Callable[..., ExplanationStep], *args: object) -> Group:
    return (make(*args),)


def _some(*steps: ExplanationStep | None) -> Group:
    return tuple(s for s in steps if s is not None)


def explain(
    ruleset: Ruleset, answers: Answers, result: Result, lang: str = "en"
) -> list[ExplanationStep]:
    """Build the explanation steps for ``result`` in ``lang`` (``en`` or ``cy``)."""
    q = answers.questionnaire
    memo = _memo_for(ruleset, q.id, lang)
    w, get, alloc = memo.words, memo.get, q.allocation
    steps: list[ExplanationStep] = []
    extend = steps.extend
    values_by_section = result.section_values or [section_values(s, answers) for s in q.sections]
    for section, values in zip(q.sections, values_by_section, strict=True):
        extend(memo.section(section, values))
    for padj, pstep in zip(alloc.point_adjustments, result.point_adjustments, strict=True):
        if pstep.applied:
            changes = tuple((sid, b, a) for sid, (b, a) in pstep.sections.items())
            extend(
                get(
                    ("p", padj.id, changes),
                    partial(_one, w.point_adjustment, padj, changes),
                )
            )
    # Total points and how they became money.
    before, rounded, total, base = (
        result.points_before_rounding,
        result.points_rounded,
        result.total_points,
        result.base_amount,
    )
    row = result.table_row.from_points if result.table_row else None
    extend(
        get(
            ("t", before, rounded, total, base, row),
            lambda: _some(
                w.total(before, rounded),
                w.minimum_points(total, rounded) if result.minimum_points_applied else None,
                w.rate(total, base) if alloc.method == "per_point" else w.table(total, row, base),
                w.calibration() if alloc.method == "per_point" else None,
            ),
        )
    )
    for adj, astep in zip(alloc.adjustments, result.adjustments, strict=True):
        if astep.applied:
            extend(
                get(
                    ("j", adj.id, astep.before, astep.after),
                    partial(_one, w.adjustment, adj, astep.before, astep.after),
                )
            )
    # Limits, rounding, the weekly and annual figures and what they buy.
    limits, weekly, unrounded = result.before_limits, result.weekly, result.before_rounding
    floor, ceiling = result.floor_applied, result.ceiling_applied
    extend(
        get(
            ("w", limits, floor, ceiling, unrounded, weekly),
            lambda: _some(
                w.floor(limits) if floor else None,
                w.ceiling(limits) if ceiling else None,
                w.weekly(unrounded, weekly),
                w.annual(result.annual),
                w.hours(weekly),
            ),
        )
    )
    # Sign-off, flags, and the words every explanation ends with.
    flags = tuple(result.flags)
    extend(
        get(
            ("end", result.sign_off_required, flags),
            lambda: _some(
                w.sign_off() if result.sign_off_required else None,
                *(w.flag(f) for f in flags),
                w.indicative(),
                w.ruleset_step(),
            ),
        )
    )
    return steps
