"""How an answer reads back to a person: the chosen options' words, a number with its
unit, or the text given — in the case's language, easy read when asked."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from rasdesk.domain.answers import AnswerValue
from rasdesk.domain.decimals import plain
from rasdesk.domain.model import Question
from rasdesk.domain.text import Text


def shown_text(plain: Text, easy_version: Text | None, language: str, easy: bool) -> str:
    """A ruleset text as the person sees it: its easy-read version in easy read (when the
    ruleset has one), in the chosen language."""
    return (easy_version if easy and easy_version else plain).get(language)


def answer_words(question: Question, value: AnswerValue | None, language: str, easy: bool) -> str:
    if value is None:
        return QCoreApplication.translate("Answers", "Not answered")
    if question.type in ("single", "multiple"):
        chosen = value if isinstance(value, tuple) else (value,)
        if not chosen:
            return QCoreApplication.translate("Answers", "None of these")
        words = []
        for option_id in chosen:
            option = question.option_by_id[str(option_id)]
            words.append(shown_text(option.text, option.easy_read, language, easy))
        return "; ".join(words)
    if isinstance(value, Decimal):
        unit = question.unit.get(language) if question.unit else ""
        return f"{plain(value)} {unit}".strip()
    return str(value)


def points_words(points: Decimal | None) -> str:
    if points is None:
        return ""
    return QCoreApplication.translate("Answers", "{points} points").format(points=plain(points))


def money(amount: object) -> str:
    """An amount as people read it: 15,662.40 (a Decimal, or its exact string)."""
    return f"{Decimal(str(amount)):,}"
