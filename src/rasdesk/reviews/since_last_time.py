"""What changed since last time: the answers, the points per area and the money, and
whether a change came from the person's answers or from the council's new rules.

The two are separated by working out last time's answers under the new ruleset:
``from_rules`` = (last answers, new rules) − (last answers, old rules) and
``from_answers`` = (new answers, new rules) − (last answers, new rules). They add up to the
whole change. When last time's answers cannot be worked out under the new rules (a new
question must be answered), the split is unknown and says so.

Format 1 and format 2 alike, and from format 1 to format 2. The money compared is a
``Figure``: format 1's weekly amount, a format-2 first amount's total in its own period.
Two figures are subtracted only in one period: a format-2 amount is read in last time's
period when the ruleset gives it there too (the amount's "also" figures, from the
ruleset's declared conversions); otherwise no difference is claimed.

A stored case's figures are computed from the store's answers documents (``Document``):
a format-2 carer's facts are last time's as its bundle froze them (also under the new
rules) and now's as the linked case gives them. When the linked case cannot give them, the
figure is not worked out and the comparison keeps the ``LinkedCaseError`` saying why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.domain.answers import AnswerValue
from rasdesk.domain.decimals import money, plain
from rasdesk.domain.errors import LinkedCaseError
from rasdesk.domain.model import Section
from rasdesk.domain.model_v2 import QuestionnaireV2
from rasdesk.domain.result import Result
from rasdesk.domain.result_v2 import ResultV2
from rasdesk.reviews.carry_over import AnyQuestionnaire, carry_over
from rasdesk.reviews.rebase_plan import (
    AnyResult,
    AnyRuleset,
    Document,
    changes_for,
    period,
    worked_out,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """An amount of money and the period it is for (week, month, year, one_off)."""

    amount: Decimal
    per: str

    def as_dict(self) -> dict[str, str]:
        return {"amount": money(self.amount), "period": self.per}


def in_period(result: AnyResult, per: str) -> Decimal | None:
    """The result's headline amount for ``per``, if the result gives it for that period."""
    if isinstance(result, Result):
        return {"week": result.weekly, "year": result.annual}.get(per)
    if not result.amounts:  # a questionnaire that gives no amount of its own
        return None
    first = result.amounts[0]
    if first.period.per.value == per:
        return first.total
    return next((x.total for x in first.also if x.period.per.value == per), None)


def _figure(result: AnyResult | None, per: str) -> Figure | None:
    """The result in ``per`` if it can be given there, else in its own period."""
    if result is None:
        return None
    amount = in_period(result, per)
    if amount is not None:
        return Figure(amount, per)
    own = period(result)
    found = in_period(result, own)
    assert found is not None
    return Figure(found, own)


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """One answer that changed: the answer that counts (``counted``), before and now."""

    question: str
    before: AnswerValue | dict[str, bool] | None  # None: not answered (or asked) last time
    now: AnswerValue | dict[str, bool] | None  # format 2's {"not_applicable": true} too
    points_before: Decimal | None
    points_now: Decimal | None


@dataclass(frozen=True, slots=True)
class AreaChange:
    section: str
    before: Decimal | None  # None: the area did not exist then (or does not now)
    now: Decimal | None


@dataclass(frozen=True, slots=True)
class SinceLastTime:
    old: AnyRuleset
    new: AnyRuleset
    questionnaire: str
    last: AnyResult  # last time: last answers, old rules
    last_under_new_rules: AnyResult | None
    now: AnyResult | None  # None while this draft's answers are incomplete
    answers: tuple[AnswerChange, ...]
    areas: tuple[AreaChange, ...]
    rule_changes: tuple[str, ...]
    # Why a figure is not worked out, when the linked case cannot give a carer's facts.
    last_under_new_rules_why: LinkedCaseError | None = None
    now_why: LinkedCaseError | None = None

    @property
    def has_amount(self) -> bool:
        """The questionnaire gives an amount: a format-2 one may give none of its own
        (example (b)'s person's assessment, whose answers a carer's reads)."""
        return not isinstance(self.last, ResultV2) or bool(self.last.amounts)

    @property
    def last_figure(self) -> Figure:
        found = _figure(self.last, period(self.last))
        assert found is not None
        return found

    @property
    def last_new_rules_figure(self) -> Figure | None:
        if not self.has_amount:
            return None
        return _figure(self.last_under_new_rules, self.last_figure.per)

    @property
    def now_figure(self) -> Figure | None:
        if not self.has_amount or (isinstance(self.now, ResultV2) and not self.now.amounts):
            return None
        return _figure(self.now, self.last_figure.per)

    @property
    def comparable(self) -> bool:
        """Now can be set against last time: both figures are for one period."""
        now = self.now_figure
        return now is not None and now.per == self.last_figure.per

    @property
    def from_rules(self) -> Decimal | None:
        mid = self.last_new_rules_figure
        if mid is None or mid.per != self.last_figure.per:
            return None
        return mid.amount - self.last_figure.amount

    @property
    def from_answers(self) -> Decimal | None:
        mid, now = self.last_new_rules_figure, self.now_figure
        if mid is None or now is None or mid.per != now.per:
            return None
        return now.amount - mid.amount

    @property
    def total(self) -> Decimal | None:
        now = self.now_figure
        if now is None or now.per != self.last_figure.per:
            return None
        return now.amount - self.last_figure.amount

    def as_dict(self) -> dict[str, Any]:
        def m(value: Decimal | None) -> str | None:
            return None if value is None else money(value)

        def p(value: Decimal | None) -> str | None:
            return None if value is None else plain(value)

        def weekly(result: AnyResult | None) -> str | None:
            return m(None if result is None else in_period(result, "week"))

        def f(found: Figure | None) -> dict[str, str] | None:
            return None if found is None else found.as_dict()

        return {
            "from": self.old.ref.as_dict(),
            "to": self.new.ref.as_dict(),
            # Each figure with its period (format 2's may be a year's); weekly_* where the
            # result gives a week's amount (always for format 1).
            "last_time": f(self.last_figure) if self.has_amount else None,
            "last_answers_new_rules": f(self.last_new_rules_figure),
            "now": f(self.now_figure),
            "weekly_last_time": weekly(self.last),
            "weekly_last_answers_new_rules": weekly(self.last_under_new_rules),
            "weekly_now": weekly(self.now),
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
            "last_answers_new_rules_why": _why(self.last_under_new_rules_why),
            "now_why": _why(self.now_why),
        }


def counted(value: Any) -> Any:
    """The answer that counts, of an answer as stored: format 2's agreed answer (or its views
    where they agree; ``{"not_applicable": true}`` as it is). Views, who answered and the
    evidence recorded beside it are the assessor's record, not a change in the answer."""
    if isinstance(value, dict) and value != {"not_applicable": True}:
        views = list((value.get("views") or {}).values())
        agreed = value.get("agreed")
        if agreed is None and views and all(v == views[0] for v in views):
            agreed = views[0]
        value = agreed
    return tuple(value) if isinstance(value, list) else value


def _why(error: LinkedCaseError | None) -> str | None:
    return None if error is None else str(error)


def _json(value: AnswerValue | dict[str, bool] | None) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return plain(value) if isinstance(value, Decimal) else value


def _points(result: AnyResult | None) -> dict[str, Decimal]:
    if result is None:
        return {}
    if isinstance(result, ResultV2):  # "does not apply" is not counted: never "0 points"
        return {s.id: s.points for s in result.questions if s.kind != "not_applicable"}
    return {s.question: s.points for s in result.questions}


def _areas(result: AnyResult | None) -> dict[str, Decimal]:
    return {} if result is None else {s.id: s.points for s in result.sections}


def sections_of(questionnaire: AnyQuestionnaire) -> list[Section]:
    """A questionnaire's sections, in order (format 2 wraps each in its eligibility)."""
    if isinstance(questionnaire, QuestionnaireV2):
        return [s.section for s in questionnaire.sections]
    return list(questionnaire.sections)


def section_ids(questionnaire: AnyQuestionnaire) -> list[str]:
    return [s.id for s in sections_of(questionnaire)]


def compare(
    old: AnyRuleset,
    last_answers: Mapping[str, AnswerValue],
    new: AnyRuleset,
    answers_now: Mapping[str, AnswerValue],
    questionnaire: str,
    lang: str = "en",
    *,
    last_document: Document | None = None,
    now_document: Document | None = None,
) -> SinceLastTime:
    """Last time (``last_answers`` under ``old``) against now (``answers_now`` under ``new``),
    a stored case's documents built by ``last_document`` (last time's, under either ruleset)
    and ``now_document``."""
    last, why = worked_out(old, questionnaire, last_answers, lang, last_document)
    if why is not None:
        raise why
    if last is None:
        raise ValueError("last time's answers do not give a figure under last time's rules")
    old_q, new_q = old.questionnaire_by_id[questionnaire], new.questionnaire_by_id[questionnaire]
    carried = carry_over(old_q, new_q, last_answers).carried
    last_new, last_new_why = worked_out(new, questionnaire, carried, lang, last_document)
    now, now_why = worked_out(new, questionnaire, answers_now, lang, now_document)
    before_pts, now_pts = _points(last), _points(now)
    order = [q.id for q in new_q.questions()] + [
        q.id for q in old_q.questions() if q.id not in new_q.question_by_id
    ]
    was = {qid: counted(v) for qid, v in last_answers.items()}
    is_now = {qid: counted(v) for qid, v in answers_now.items()}
    answer_changes = tuple(
        AnswerChange(
            qid,
            was.get(qid),
            is_now.get(qid),
            before_pts.get(qid),
            now_pts.get(qid) if now is not None else None,
        )
        for qid in order
        if was.get(qid) != is_now.get(qid)
        and (new_q.question_by_id.get(qid) or old_q.question_by_id[qid]).type != "text"
    )
    areas_before, areas_now = _areas(last), _areas(now)
    new_ids = section_ids(new_q)
    sections = new_ids + [sid for sid in section_ids(old_q) if sid not in new_ids]
    area_changes = tuple(
        AreaChange(sid, areas_before.get(sid), areas_now.get(sid) if now is not None else None)
        for sid in sections
    )
    rules = tuple(changes_for(old, new, questionnaire)) if old.sha256 != new.sha256 else ()
    return SinceLastTime(
        old,
        new,
        questionnaire,
        last,
        last_new,
        now,
        answer_changes,
        area_changes,
        rules,
        last_new_why,
        now_why,
    )
