"""Shared wording helpers of format 2's explanation: money to the penny, periods, funders,
units with singular and plural, and the steps about answers, views, facts and eligibility."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from rasdesk.domain.answers_v2 import Record, Value
from rasdesk.domain.decimals import CENT, ONE, plain
from rasdesk.domain.explain_steps import AnswerWords, money_text, points_text
from rasdesk.domain.model import Question, Rounding, Section
from rasdesk.domain.model_v2 import Fact, Part, PeriodSpec, QuestionnaireV2, RulesetV2
from rasdesk.domain.phrases_v2 import PHRASES_V2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.text import Text


def penny(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def tidy(sentence: str) -> str:
    """Drop the double space an absent optional ``explain`` leaves behind."""
    return " ".join(sentence.split())


class BaseWords(AnswerWords):
    """Format 2's words in one language (format 1's answer and section words included)."""

    def __init__(self, ruleset: RulesetV2, questionnaire: QuestionnaireV2, lang: str) -> None:
        super().__init__(lang)
        self.ruleset = ruleset
        self.q2 = questionnaire
        self.p2 = PHRASES_V2[lang]
        self._steps: dict[tuple[object, ...], ExplanationStep] = {}

    def s(self, key: str, **values: object) -> str:
        return tidy(self.p2[key].format(**values))

    def two(
        self, kind: str, key: str, easy: str | None = None, **values: object
    ) -> ExplanationStep:
        """A step in standard words and easy read; the same sentence is made once (steps
        recur across people and encode their JSON when made)."""
        memo_key = (kind, key, easy, *values.items())
        found = self._steps.get(memo_key)
        if found is None:
            if len(self._steps) > 100_000:
                self._steps.clear()
            found = self._steps[memo_key] = ExplanationStep(
                kind, self.s(key, **values), self.s(easy or f"{key}.easy", **values)
            )
        return found

    def t(self, text: Text | None) -> str:
        return text.get(self.lang) if text is not None else ""

    def money(self, value: Decimal) -> tuple[str, str]:
        """(£ figure to the penny, " (to the nearest penny)" when that rounded it, else "")."""
        shown = penny(value)
        return money_text(shown), (self.p2["penny"] if shown != value else "")

    def rounded_words(self, rounding: Rounding) -> str:
        """How a figure was rounded, said after it: "(to the nearest penny)" for the usual
        rounding, else the step and the mode."""
        if rounding.to == CENT and rounding.mode == "half_up":
            return self.p2["penny"]
        words = self.s(
            "rounded_other", step=self.step_word(rounding), mode=self.p[f"mode_{rounding.mode}"]
        )
        return " " + words

    def m(self, value: Decimal) -> str:
        return self.money(value)[0]

    def per(self, period: PeriodSpec) -> str:
        words = self.p2[f"per_{period.per.value}"]
        if period.covers is not None:
            return self.s("per_covers", per=words, covers=self.t(period.covers))
        return words

    def funder(self, part: Part) -> str:
        if part.funder == "other" or (part.funder_name is not None and part.funder != "council"):
            return self.s("funder_other", name=self.t(part.funder_name))
        return self.p2[f"funder_{part.funder}"]

    def units(self, unit: str, quantity: Decimal) -> str:
        return self.p2[("unit_" if quantity == ONE else "units_") + unit]

    # --- steps about answers ----------------------------------------------------------
    def fact(self, fact: Fact, linked: QuestionnaireV2, value: object) -> ExplanationStep:
        question = linked.question_by_id[fact.question]
        if isinstance(value, Decimal):
            shown = plain(value)
        elif isinstance(value, str) and question.type == "single":
            shown = question.option_by_id[value].text.get(self.lang)
        elif isinstance(value, frozenset):
            shown = ", ".join(o.text.get(self.lang) for o in question.options if o.id in value)
        else:
            shown = str(value)
        return self.two(
            "fact",
            "fact",
            questionnaire=linked.title.get(self.lang),
            label=self.t(fact.label),
            value=shown,
        )

    def not_applicable(self, question: Question) -> ExplanationStep:
        extra = self.q2.extra[question.id]
        return self.two(
            "answer",
            "not_applicable",
            question=question.text.get(self.lang),
            words=self.t(extra.not_applicable),
        )

    def value_words(self, question: Question, value: Value) -> str:
        if isinstance(value, tuple):
            return ", ".join(question.option_by_id[o].text.get(self.lang) for o in value)
        if isinstance(value, Decimal):
            return plain(value)
        if isinstance(value, str) and question.type == "single":
            return question.option_by_id[value].text.get(self.lang)
        if isinstance(value, str):
            return value
        extra = self.q2.extra.get(question.id)
        return self.t(extra.not_applicable if extra else None)

    def agreed(self, question: Question, value: Value, points: Decimal) -> ExplanationStep:
        return self.two(
            "answer",
            "answer_agreed",
            question=question.text.get(self.lang),
            answer=self.value_words(question, value),
            points=self.pts(points),
        )

    def views_differ(self, record: Record | None, agreed: Value | None) -> bool:
        return bool(
            record and agreed is not None and any(v != agreed for v in record.views.values())
        )

    def views(
        self, question: Question, record: Record | None, agreed: Value | None
    ) -> ExplanationStep | None:
        if record is None or agreed is None or not self.views_differ(record, agreed):
            return None
        items = "; ".join(
            self.s("view_item", who=self.p2[f"view_{view}"], answer=self.value_words(question, v))
            for view, v in record.views.items()
        )
        return self.two(
            "views",
            "views",
            question=question.text.get(self.lang),
            views=items,
            agreed=self.value_words(question, agreed),
        )

    def eligibility(self, section: Section, eligible: bool, points: Decimal) -> ExplanationStep:
        key = "eligible" if eligible else "not_eligible"
        return self.two(
            "eligibility", key, section=section.title.get(self.lang), points=self.pts(points)
        )

    def points_words(self, value: Decimal) -> str:
        return points_text(value)
