"""What is read aloud on the app's pages, in the ruleset's own words and the case's
language: a question with its answers (``question_parts``), and a budget's explanation,
step by step (``explanation_parts``). Spoken by the app (Qt's text-to-speech, or espeak-ng
through ``audio.espeak_command``) or into a file (``audio.speak_to_wav``)."""

from __future__ import annotations

from collections.abc import Sequence

from rasdesk.domain.model import Question
from rasdesk.domain.result import ExplanationStep


def question_parts(question: Question, lang: str, easy: bool = False) -> list[str]:
    """The question, then each answer to choose from (easy-read words where asked and
    written), as separate passages."""

    def words(text: object, easy_text: object) -> str:
        chosen = easy_text if easy and easy_text is not None else text
        return chosen.get(lang)  # type: ignore[attr-defined,no-any-return]

    parts = [words(question.text, question.easy_read)]
    parts += [words(o.text, o.easy_read) for o in question.options]
    if question.type == "number" and question.unit is not None:
        parts.append(question.unit.get(lang))
    return [p for p in parts if p]


def explanation_parts(steps: Sequence[ExplanationStep], easy: bool = False) -> list[str]:
    """The explanation of a budget, one step a passage, in the order shown."""
    return [s.easy_read if easy else s.text for s in steps if (s.easy_read if easy else s.text)]
