"""What changed since last time: the answers, the points per area and the money, and
whether a change came from the person's answers or from the council's new rules.

The two are separated by working out last time's answers under the new ruleset:
``from_rules`` = (last answers, new rules) − (last answers, old rules) and
``from_answers`` = (new answers, new rules) − (last answers, new rules). They add up to the
whole change. When last time's answers cannot be worked out under the new rules (a new
question must be answered), the split is unknown and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.domain.answers import AnswerValue
from rasdesk.domain.decimals import money, plain
from rasdesk.domain.model import Ruleset
from rasdesk.domain.result import Result
from rasdesk.reviews.carry_over import carry_over
from rasdesk.reviews.rebase_plan import changes_for, figure


@dataclass(frozen=True, slots=True)
class AnswerChange:
    question: str
    before: AnswerValue | None  # None: not answered (or not asked) last time
    now: AnswerValue | None
    points_before: Decimal | None
    points_now: Decimal | None


@dataclass(frozen=True, slots=True)
class AreaChange:
    section: str
    before: Decimal | None  # None: the area did not exist then (or does not now)
    now: Decimal | None


@dataclass(frozen=True, slots=True)
class SinceLastTime:
    old: Ruleset
    new: Ruleset
    questionnaire: str
    last: Result  # last time: last answers, old rules
    last_under_new_rules: Result | None
    now: Result | None  # None while this draft's answers are incomplete
    answers: tuple[AnswerChange, ...]
    areas: tuple[AreaChange, ...]
    rule_changes: tuple[str, ...]

    @property
    def from_rules(self) -> Decimal | None:
        if self.last_under_new_rules is None:
            return None
        return self.last_under_new_rules.weekly - self.last.weekly

    @property
    def from_answers(self) -> Decimal | None:
        if self.now is None or self.last_under_new_rules is None:
            return None
        return self.now.weekly - self.last_under_new_rules.weekly

    @property
    def total(self) -> Decimal | None:
        return None if self.now is None else self.now.weekly - self.last.weekly

    def as_dict(self) -> dict[str, Any]:
        def m(value: Decimal | None) -> str | None:
            return None if value is None else money(value)

        def p(value: Decimal | None) -> str | None:
            return None if value is None else plain(value)

        return {
            "from": self.old.ref.as_dict(),
            "to": self.new.ref.as_dict(),
            "weekly_last_time": money(self.last.weekly),
            "weekly_last_answers_new_rules": m(
                None if self.last_under_new_rules is None else self.last_under_new_rules.weekly
            ),
            "weekly_now": m(None if self.now is None else self.now.weekly),
            "change_from_rules": m(self.from_rules),
            "change_from_answers": m(self.from_answers),
            "change_total": m(self.total),
            "answers": [
                {
                    "question": a.question,
                    "before": _json(a.before),
                    "now": _json(a.now),
                    "points_before": p(a.points_before),
                    "points_now": p(a.points_now),
                }
                for a in self.answers
            ],
            "areas": [
                {"section": a.section, "before": p(a.before), "now": p(a.now)} for a in self.areas
            ],
            "rule_changes": list(self.rule_changes),
        }


def _json(value: AnswerValue | None) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return plain(value) if isinstance(value, Decimal) else value


def _v1(result: object) -> Result | None:
    """A format-1 figure (reviews compare format-1 cases: the store holds only those)."""
    assert result is None or isinstance(result, Result)
    return result


def _points(result: Result | None) -> dict[str, Decimal]:
    return {} if result is None else {s.question: s.points for s in result.questions}


def _areas(result: Result | None) -> dict[str, Decimal]:
    return {} if result is None else {s.id: s.points for s in result.sections}


def compare(
    old: Ruleset,
    last_answers: Mapping[str, AnswerValue],
    new: Ruleset,
    answers_now: Mapping[str, AnswerValue],
    questionnaire: str,
    lang: str = "en",
) -> SinceLastTime:
    """Last time (``last_answers`` under ``old``) against now (``answers_now`` under ``new``)."""
    last = _v1(figure(old, questionnaire, last_answers, lang))
    if last is None:
        raise ValueError("last time's answers do not give a figure under last time's rules")
    old_q, new_q = old.questionnaire_by_id[questionnaire], new.questionnaire_by_id[questionnaire]
    carried = carry_over(old_q, new_q, last_answers).carried
    last_new = _v1(figure(new, questionnaire, carried, lang))
    now = _v1(figure(new, questionnaire, answers_now, lang))
    before_pts, now_pts = _points(last), _points(now)
    order = [q.id for q in new_q.questions()] + [
        q.id for q in old_q.questions() if q.id not in new_q.question_by_id
    ]
    answer_changes = tuple(
        AnswerChange(
            qid,
            last_answers.get(qid),
            answers_now.get(qid),
            before_pts.get(qid),
            now_pts.get(qid) if now is not None else None,
        )
        for qid in order
        if last_answers.get(qid) != answers_now.get(qid)
        and (new_q.question_by_id.get(qid) or old_q.question_by_id[qid]).type != "text"
    )
    areas_before, areas_now = _areas(last), _areas(now)
    sections = [s.id for s in new_q.sections] + [
        s.id for s in old_q.sections if s.id not in {x.id for x in new_q.sections}
    ]
    area_changes = tuple(
        AreaChange(sid, areas_before.get(sid), areas_now.get(sid) if now is not None else None)
        for sid in sections
    )
    rules = tuple(changes_for(old, new, questionnaire)) if old.sha256 != new.sha256 else ()
    return SinceLastTime(
        old, new, questionnaire, last, last_new, now, answer_changes, area_changes, rules
    )
