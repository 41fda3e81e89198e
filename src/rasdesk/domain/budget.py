"""One call from a ruleset and an answers document to a fully explained budget."""

from __future__ import annotations

from typing import Any

from rasdesk.domain.answers import read_answers_document
from rasdesk.domain.engine import compute
from rasdesk.domain.errors import InputError
from rasdesk.domain.explain import explain
from rasdesk.domain.model import Ruleset
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.phrases import LANGUAGES
from rasdesk.domain.result import Result


def check_language(ruleset: Ruleset | RulesetV2, lang: str) -> None:
    if lang not in LANGUAGES:
        raise InputError(
            f'rasdesk explains budgets in {" and ".join(LANGUAGES)}; "{lang}" is not one of them'
        )
    if lang not in ruleset.languages:
        raise InputError(
            f'the ruleset "{ruleset.id}" has no text in "{lang}" (it has: {", ".join(ruleset.languages)})'
        )


def compute_budget(
    ruleset: Ruleset, doc: Any, lang: str = "en", source: str = "the answers"
) -> Result:
    """Check ``doc`` (``{"questionnaire", "answers"}``), compute, and explain in ``lang``."""
    answers = read_answers_document(doc, ruleset, source)
    result = compute(ruleset, answers)
    result.explanation = explain(ruleset, answers, result, lang)
    return result
