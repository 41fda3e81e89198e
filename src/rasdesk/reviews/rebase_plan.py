"""Moving a draft to another ruleset, worked out before anything is stored: what carries
over, what is asked again, the figure before and after side by side, and ``ruleset
diff``'s words for what the council changed.

Format 1 and format 2 alike, and from format 1 to format 2. A format-2 figure is its first
amount's total, in that amount's own period ("£2,600.00 a year"); ``ruleset diff`` reads
format 1 only, so between formats the changes are said question by question in its words.

A stored case's figures are computed from the answers document the store builds
(``storage/linked_facts.case_document``: who answered, and a carer's facts read from the
linked person's case), passed in as a ``Document``. When the linked case cannot give the
facts, the figure is not worked out and the plan keeps the ``LinkedCaseError`` saying why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rasdesk.authoring.diff import NO_CHANGES, _question, diff
from rasdesk.domain.answers import AnswerValue, json_value
from rasdesk.domain.budget import compute_budget
from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.decimals import money
from rasdesk.domain.errors import AnswersError, InputError, LinkedCaseError
from rasdesk.domain.model import Ruleset
from rasdesk.domain.model_v2 import FORMAT_V2, RulesetV2
from rasdesk.domain.result import Result
from rasdesk.domain.result_v2 import ResultV2
from rasdesk.reviews.carry_over import AnyQuestionnaire, CarryOver, carry_over

AnyRuleset = Ruleset | RulesetV2
AnyResult = Result | ResultV2
FORMAT_V1 = "rasdesk-ruleset/1"


#: Builds the answers document a figure is computed from, for a ruleset and answers (a
#: stored case's: ``storage/linked_facts.case_document``); raises ``LinkedCaseError`` when a
#: carer's facts cannot be read from the linked case.
Document = Callable[[AnyRuleset, Mapping[str, AnswerValue]], dict[str, Any]]


def worked_out(
    ruleset: AnyRuleset,
    questionnaire: str,
    answers: Mapping[str, AnswerValue],
    lang: str = "en",
    document: Document | None = None,
) -> tuple[AnyResult | None, LinkedCaseError | None]:
    """The budget these answers give, or None while an answer is missing or invalid; with
    the ``LinkedCaseError`` when the linked case cannot give the facts it reads."""
    try:
        doc = (
            {
                "questionnaire": questionnaire,
                "answers": {q: json_value(v) for q, v in answers.items()},
            }
            if document is None
            else document(ruleset, answers)
        )
    except LinkedCaseError as exc:
        return None, exc
    try:
        if isinstance(ruleset, RulesetV2):
            return compute_budget_v2(ruleset, doc, lang), None
        return compute_budget(ruleset, doc, lang), None
    except AnswersError:
        return None, None


def figure(
    ruleset: AnyRuleset,
    questionnaire: str,
    answers: Mapping[str, AnswerValue],
    lang: str = "en",
    document: Document | None = None,
) -> AnyResult | None:
    """The budget these answers give, or None while it cannot be worked out."""
    return worked_out(ruleset, questionnaire, answers, lang, document)[0]


def has_amount(result: AnyResult) -> bool:
    """The result gives an amount: a format-2 questionnaire may give none of its own
    (example (b)'s person's assessment, whose answers a carer's reads)."""
    return not isinstance(result, ResultV2) or bool(result.amounts)


def headline(result: AnyResult) -> Decimal:
    """The figure people compare: the weekly amount, or a format-2 first amount's total."""
    return result.amounts[0].total if isinstance(result, ResultV2) else result.weekly


def period(result: AnyResult) -> str:
    return result.amounts[0].period.per.value if isinstance(result, ResultV2) else "week"


def changes_for(old: AnyRuleset, new: AnyRuleset, questionnaire: str) -> list[str]:
    """``ruleset diff``'s sentences that concern this questionnaire (and the ruleset itself)."""
    if isinstance(old, Ruleset) and isinstance(new, Ruleset):
        others = [q for q in {*old.questionnaire_by_id, *new.questionnaire_by_id} if q != questionnaire]  # fmt: skip
        lines = [s for s in diff(old, new) if not any(s.startswith(f"{o}: ") for o in others)]
        return lines or [NO_CHANGES]
    return _questions_changes(old, new, questionnaire)


def _questions_changes(old: AnyRuleset, new: AnyRuleset, questionnaire: str) -> list[str]:
    """Between formats (or within format 2): the format, the version, and each question's
    changes in ``ruleset diff``'s words; the money rules are format 2's own."""
    out: list[str] = []
    fa = FORMAT_V2 if isinstance(old, RulesetV2) else FORMAT_V1
    fb = FORMAT_V2 if isinstance(new, RulesetV2) else FORMAT_V1
    if fa != fb:
        out.append(f"The format changed from {fa} to {fb}: the money is worked out by its parts.")
    if old.version != new.version:
        out.append(f"The version changed from {old.version} to {new.version}.")
    qa: AnyQuestionnaire = old.questionnaire_by_id[questionnaire]
    qb: AnyQuestionnaire = new.questionnaire_by_id[questionnaire]
    for qid, q in qa.question_by_id.items():
        if qid not in qb.question_by_id:
            out.append(f"{questionnaire}: Question {qid} ({q.text.en}) was removed.")
        else:
            out += [f"{questionnaire}: Question {qid}: {s}" for s in _question(q, qb.question_by_id[qid])]  # fmt: skip
    for qid, q in qb.question_by_id.items():
        if qid not in qa.question_by_id:
            out.append(f"{questionnaire}: Question {qid} ({q.text.en}) was added to section {q.section_id}.")  # fmt: skip
    return out or [NO_CHANGES]


def _weekly(result: AnyResult | None) -> str | None:
    return None if result is None or not has_amount(result) else money(headline(result))


@dataclass(frozen=True, slots=True)
class RebasePlan:
    old: AnyRuleset
    new: AnyRuleset
    questionnaire: str
    carry: CarryOver
    before: AnyResult | None  # the draft's figure under the old ruleset (None: incomplete)
    after: AnyResult | None  # the carried answers under the new one (None: questions to ask)
    changes: tuple[str, ...]
    before_why: LinkedCaseError | None = None  # why before is None, when the linked case is
    after_why: LinkedCaseError | None = None

    @property
    def difference(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        if not (has_amount(self.before) and has_amount(self.after)):
            return None
        if period(self.before) != period(self.after):
            return None  # a week and a year are not subtracted
        return headline(self.after) - headline(self.before)

    def summary(self) -> list[str]:
        """The plan in plain words, figures side by side (for the command and the log)."""
        c = self.carry
        lines = [
            f"From {self.old.id} {self.old.version} to {self.new.id} {self.new.version}.",
            f"Before: {_figure_words(self.before, why=self.before_why)}    "
            f"After: {_figure_words(self.after, c, self.after_why)}",
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
            # Why a figure is not worked out, when the linked case cannot give the facts.
            "before_why": None if self.before_why is None else str(self.before_why),
            "after_why": None if self.after_why is None else str(self.after_why),
            "changes": list(self.changes),
        }


def _figure_words(
    result: AnyResult | None, carry: CarryOver | None = None, why: LinkedCaseError | None = None
) -> str:
    if result is not None and not has_amount(result):
        return "no amount of its own"
    if result is not None:
        per = period(result)
        return f"£{money(headline(result))} " + ("one-off" if per == "one_off" else f"a {per}")
    if why is not None:
        return f"not yet: {why.message}"
    if carry is not None and carry.asked_again:
        return "not yet: answer the questions asked again"
    return "not yet: some answers are missing"


def plan_rebase(
    old: AnyRuleset,
    new: AnyRuleset,
    questionnaire: str,
    answers: Mapping[str, AnswerValue],
    lang: str = "en",
    document: Document | None = None,
    before_document: Document | None = None,
    facts: Mapping[str, object] | None = None,
) -> RebasePlan:
    """What moving ``answers`` from ``old`` to ``new`` would do (nothing is stored).
    ``document`` builds a stored case's answers documents (``before_document`` the one the
    figure before is computed from, when it differs: a review's last time, frozen);
    ``facts``: a carer's, from the linked case under ``new`` (which questions it shows)."""
    old_q = old.questionnaire_by_id.get(questionnaire)
    new_q = new.questionnaire_by_id.get(questionnaire)
    if old_q is None or new_q is None:
        where = new if new_q is None else old
        raise InputError(
            f'ruleset {where.id} {where.version} has no questionnaire "{questionnaire}" '
            f"(it has: {', '.join(where.questionnaire_by_id)}); this draft cannot move to it"
        )
    carry = carry_over(old_q, new_q, answers, facts)
    before = before_document if before_document is not None else document
    before_result, before_why = worked_out(old, questionnaire, answers, lang, before)
    after_result, after_why = worked_out(new, questionnaire, carry.carried, lang, document)
    return RebasePlan(
        old,
        new,
        questionnaire,
        carry,
        before_result,
        after_result,
        tuple(changes_for(old, new, questionnaire)),
        before_why,
        after_why,
    )
