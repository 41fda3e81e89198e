"""A number with the unit a ruleset gives it, as people say it: "1 night a week",
"3 nights a week", "1 noson yr wythnos".

A ruleset writes a question's unit once, for many ("nights a week", "hours a week"). In
English a count of exactly one takes the singular of the unit's first word ("1 night a
week", never "1 nights a week"). Welsh puts a noun after a number in the singular whatever
the number ("3 noson yr wythnos"), so Welsh units are written in the singular and stay as
they are. Used by the screens, the explanation and the letters alike, so all three say the
same."""

from __future__ import annotations

from decimal import Decimal

from rasdesk.domain.decimals import plain
from rasdesk.domain.text import Text

#: English plurals that no rule below turns back into their singular.
IRREGULAR = {"people": "person", "children": "child", "feet": "foot", "teeth": "tooth"}


def singular(word: str) -> str:
    """The English singular of a plural noun ("nights" → "night", "journeys" →
    "journey", "activities" → "activity", "lunches" → "lunch"); other words as they are."""
    lower = word.lower()
    if lower in IRREGULAR:
        found = IRREGULAR[lower]
        return found.capitalize() if word[:1].isupper() else found
    if len(lower) > 4 and lower.endswith("ies"):
        return word[:-3] + ("Y" if word.isupper() else "y")
    if lower.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def unit_words(unit: str, value: Decimal | int, language: str) -> str:
    """``unit`` as it reads after ``value`` in ``language``."""
    if language != "en" or value != 1 or not unit:
        return unit
    first, space, rest = unit.partition(" ")
    return singular(first) + space + rest


def with_unit(
    value: Decimal | int, unit: Text | None, language: str, number: str | None = None
) -> str:
    """``value`` (shown as ``number``, default its plain digits) and its unit, if any."""
    shown = plain(Decimal(value)) if number is None else number
    if unit is None:
        return shown
    # A unit with no words in this language is shown in English: English rules then.
    words = unit_words(unit.get(language), value, language if unit.has(language) else "en")
    return f"{shown} {words}" if words else shown
