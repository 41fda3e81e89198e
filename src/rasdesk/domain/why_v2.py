"""Why a format-2 part does not apply, in the ruleset's own words (docs/ruleset-v2.md §5,
"a part that does not apply"): "It applies only when the answer to “Do you get nursing
care paid by the NHS?” is “Yes”.", in the case's language, standard and easy read.

Only the plain shapes of a ``when`` are said: one answer (or a fact from the linked case)
is an option, is one of options, includes an option (a multiple question), or a number
answer is compared with a value (with the question's unit); ``not`` of one of those (not
of "one of options"); ``all``/``any`` of at most three of those, joined with "and"/"or".
Anything else gives ``None`` and nothing more is said: never a wrong or half reason.
Words only; no figure and nothing the engine records is changed.
"""

from __future__ import annotations

from rasdesk.domain.conditions import All, AnyOf, Compare, Condition, In, Is, Not
from rasdesk.domain.model import Question
from rasdesk.domain.model_v2 import QuestionnaireV2, RulesetV2
from rasdesk.domain.phrases_v2 import PHRASES_V2
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.units import with_unit

#: At most this many answer tests are joined into one sentence.
MOST = 3
_OPS = {">=": "ge", ">": "gt", "<=": "le", "<": "lt", "==": "eq"}


class WhyWords:
    """The reason a part's ``when`` gives, in one language."""

    def __init__(self, ruleset: RulesetV2, questionnaire: QuestionnaireV2, lang: str) -> None:
        self.ruleset = ruleset
        self.q = questionnaire
        self.lang = lang
        self.p = PHRASES_V2[lang]

    def reason(self, when: Condition | None) -> tuple[str, str] | None:
        """("It applies only when …", its easy read), or ``None`` when not said plainly."""
        if when is None:
            return None
        said = [self._joined(when, easy) for easy in (False, True)]
        if said[0] is None or said[1] is None:
            return None
        return (
            self.p["why"].format(condition=said[0]),
            self.p["why.easy"].format(condition=said[1]),
        )

    def with_reason(self, step: ExplanationStep, when: Condition | None) -> ExplanationStep:
        """The "does not apply" line with its reason after it (the same step if none)."""
        why = self.reason(when)
        if why is None:
            return step
        return ExplanationStep(step.step, f"{step.text} {why[0]}", f"{step.easy_read} {why[1]}")

    def _joined(self, when: Condition, easy: bool) -> str | None:
        if isinstance(when, All | AnyOf):
            tests = when.parts
            join = self.p["why_and" if isinstance(when, All) else "why_or"]
        else:
            tests, join = (when,), ""
        if len(tests) > MOST:
            return None
        said = [self._test(t, easy) for t in tests]
        if any(s is None for s in said):
            return None
        return self.p["why_the"] + join.join(s for s in said if s is not None)

    def _test(self, test: Condition, easy: bool) -> str | None:
        negated = isinstance(test, Not)
        inner = test.part if isinstance(test, Not) else test
        if not isinstance(inner, Is | In | Compare):
            return None
        found = self._question(inner.question)
        if found is None:
            return None
        question, linked = found
        many = question.type == "multiple"
        subject = self.p[("why_answers" if many else "why_answer") + ("_fact" if linked else "")]
        shown = self._text(question, easy)
        no = "_not" if negated else ""
        if isinstance(inner, Compare):
            if question.type != "number":
                return None
            # "1 hour a week", never "1 hours" (domain/units.py: English singulars)
            value = with_unit(inner.value, question.unit, self.lang)
            words = self.p[f"why_{_OPS[inner.op]}{no}"].format(value=value)
        elif question.type not in ("single", "multiple"):
            return None
        elif isinstance(inner, Is) or len(inner.options) == 1:
            option = inner.option if isinstance(inner, Is) else next(iter(inner.options))
            if option not in question.option_by_id:
                return None
            key = ("why_has" if many else "why_is") + no
            words = self.p[key].format(option=self._option(question, option))
        else:
            if negated or any(o not in question.option_by_id for o in inner.options):
                return None
            ordered = [o.id for o in question.options if o.id in inner.options]
            quoted = [self._option(question, o) for o in ordered]
            options = self.p["why_list_or"].format(first=", ".join(quoted[:-1]), last=quoted[-1])
            words = self.p["why_has_any" if many else "why_in"].format(options=options)
        return f"{subject.format(question=shown)} {words}"

    def _question(self, qid: str) -> tuple[Question, bool] | None:
        """The question a test reads, and whether it is a fact from the linked case."""
        own = self.q.question_by_id.get(qid)
        if own is not None:
            return own, False
        for fact in self.q.facts:
            if fact.id == qid:
                linked = self.ruleset.questionnaire_by_id.get(fact.questionnaire)
                question = linked.question_by_id.get(fact.question) if linked else None
                return (question, True) if question is not None else None
        return None

    def _text(self, question: Question, easy: bool) -> str:
        if easy and question.easy_read is not None and question.easy_read.has(self.lang):
            return question.easy_read.get(self.lang)
        return question.text.get(self.lang)

    def _option(self, question: Question, option: str) -> str:
        return "“" + question.option_by_id[option].text.get(self.lang) + "”"
