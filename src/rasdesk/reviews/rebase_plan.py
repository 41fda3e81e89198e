"""Moving a draft to another ruleset, worked out before anything is stored: what carries
over, what is asked again, the figure before and after side by side, and ``ruleset
diff``'s words for what the council changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.authoring.diff import NO_CHANGES, diff
from rasdesk.domain.answers import AnswerValue, json_value
from rasdesk.domain.budget import compute_budget
from rasdesk.domain.decimals import money
from rasdesk.domain.errors import AnswersError, InputError
from rasdesk.domain.model import Ruleset
from rasdesk.domain.result import Result
from rasdesk.reviews.carry_over import CarryOver, carry_over


def figure(
    ruleset: Ruleset, questionnaire: str, answers: Mapping[str, AnswerValue], lang: str = "en"
) -> Result | None:
    """The budget these answers give, or None while an answer is missing or invalid."""
    doc = {
        "questionnaire": questionnaire,
        "answers": {q: json_value(v) for q, v in answers.items()},
    }
    try:
        return compute_budget(ruleset, doc, lang)
    except AnswersError:
        return None


def changes_for(old: Ruleset, new: Ruleset, questionnaire: str) -> list[str]:
    """``ruleset diff``'s sentences that concern this questionnaire (and the ruleset itself)."""
    others = [q for q in {*old.questionnaire_by_id, *new.questionnaire_by_id} if q != questionnaire]
    lines = [s for s in diff(old, new) if not any(s.startswith(f"{o}: ") for o in others)]
    return lines or [NO_CHANGES]


def _weekly(result: Result | None) -> str | None:
    return None if result is None else money(result.weekly)


@dataclass(frozen=True, slots=True)
class RebasePlan:
    old: Ruleset
    new: Ruleset
    questionnaire: str
    carry: CarryOver
    before: Result | None  # the draft's figure under the old ruleset (None: incomplete)
    after: Result | None  # the carried answers under the new one (None: questions to ask)
    changes: tuple[str, ...]

    @property
    def difference(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after.weekly - self.before.weekly

    def summary(self) -> list[str]:
        """The plan in plain words, figures side by side (for the command and the log)."""
        c = self.carry
        lines = [
            f"From {self.old.id} {self.old.version} to {self.new.id} {self.new.version}.",
            f"Before: {_figure_words(self.before)}    After: {_figure_words(self.after, c)}",
            f"{len(c.carried)} answer(s) carry over; {len(c.asked_again)} question(s) to ask again.",
        ]
        lines += [f"  Not carried over: {n.words}" for n in c.not_carried]
        lines += [f"  Note: {n}" for n in c.notes]
        lines.append("What the council changed:")
        lines += [f"  {s}" for s in self.changes]
        return lines

    def as_dict(self) -> dict[str, Any]:
        diff_weekly = self.difference
        return {
            "from": self.old.ref.as_dict(),
            "to": self.new.ref.as_dict(),
            "questionnaire": self.questionnaire,
            **self.carry.as_dict(),
            "before_weekly": _weekly(self.before),
            "after_weekly": _weekly(self.after),
            "difference_weekly": None if diff_weekly is None else money(diff_weekly),
            "changes": list(self.changes),
        }


def _figure_words(result: Result | None, carry: CarryOver | None = None) -> str:
    if result is not None:
        return f"£{money(result.weekly)} a week"
    if carry is not None and carry.asked_again:
        return "not yet: answer the questions asked again"
    return "not yet: some answers are missing"


def plan_rebase(
    old: Ruleset,
    new: Ruleset,
    questionnaire: str,
    answers: Mapping[str, AnswerValue],
    lang: str = "en",
) -> RebasePlan:
    """What moving ``answers`` from ``old`` to ``new`` would do (nothing is stored)."""
    old_q = old.questionnaire_by_id.get(questionnaire)
    new_q = new.questionnaire_by_id.get(questionnaire)
    if old_q is None or new_q is None:
        where = new if new_q is None else old
        raise InputError(
            f'ruleset {where.id} {where.version} has no questionnaire "{questionnaire}" '
            f"(it has: {', '.join(where.questionnaire_by_id)}); this draft cannot move to it"
        )
    carry = carry_over(old_q, new_q, answers)
    return RebasePlan(
        old,
        new,
        questionnaire,
        carry,
        figure(old, questionnaire, answers, lang),
        figure(new, questionnaire, carry.carried, lang),
        tuple(changes_for(old, new, questionnaire)),
    )
