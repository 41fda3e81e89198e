"""One call from a format-2 ruleset and an answers document to a fully explained result."""

from __future__ import annotations

from typing import Any

from rasdesk.domain.answers_v2 import read_answers_v2
from rasdesk.domain.engine_v2 import compute_v2
from rasdesk.domain.explain_v2 import explain_v2
from rasdesk.domain.model_v2 import QuestionnaireV2, RulesetV2
from rasdesk.domain.result_v2 import ResultV2


def compute_budget_v2(
    ruleset: RulesetV2, doc: Any, lang: str = "en", source: str = "the answers"
) -> ResultV2:
    """Check ``doc``, compute every amount, and explain it in ``lang`` (``en`` or ``cy``);
    labels in the result are in ``lang`` too."""
    answers = read_answers_v2(doc, ruleset, source)
    result = compute_v2(ruleset, answers)
    if lang != "en":  # the engine writes the English labels already
        _labels(answers.questionnaire, result, lang)
    steps, about, pieces = explain_v2(ruleset, answers, result, lang)
    result.explanation, result.step_about, result.explanation_json = steps, about, pieces
    return result


def _labels(q: QuestionnaireV2, result: ResultV2, lang: str) -> None:
    """The labels of every amount and part in ``lang``."""
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        amount.label = spec.label.get(lang)
        for part_spec, part in zip(spec.parts, amount.parts, strict=True):
            part.label = part_spec.label.get(lang)
            part.earmarked = part_spec.earmarked.get(lang) if part_spec.earmarked else None
