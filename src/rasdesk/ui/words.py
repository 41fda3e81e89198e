"""How an answer reads back to a person: the chosen options' words, a number with its
unit, or the text given — in the case's language, easy read when asked."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from rasdesk.domain.answers import AnswerValue
from rasdesk.domain.decimals import plain
from rasdesk.domain.model import Question
from rasdesk.domain.text import Text
from rasdesk.domain.units import with_unit
from rasdesk.ui.plurals import exact, form_number


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
        # Easy read: each chosen answer is a sentence of its own, one a line ("I need help
        # with shopping." never runs on into the next one after a comma).
        return ("\n" if easy else "; ").join(words)
    if question.type == "number" and isinstance(value, Decimal | int):
        return with_unit(value, question.unit, language)  # a whole number is stored as int
    return str(value)


def points_words(points: Decimal | None) -> str:
    """ "1 point", "3 points", "9.6 points" ("1 pwynt", "3 pwynt" in Welsh)."""
    if points is None:
        return ""
    n = form_number(points)
    return exact(QCoreApplication.translate("Answers", "%n point(s)", None, n), n, plain(points))


def money(amount: object) -> str:
    """An amount as people read it: 15,662.40 (a Decimal, or its exact string)."""
    return f"{Decimal(str(amount)):,}"
