"""Exact decimal arithmetic for points and money: parsing, rounding and formatting.

No binary floating point anywhere. Ruleset numbers are integers or plain decimal strings
("4.20"); every intermediate is exact (the context has far more digits than any budget
needs, and ``Inexact`` is trapped for arithmetic so a lost digit would be an error, not
a silent change). Rounding happens only where the spec says, with the mode it names.
"""

from __future__ import annotations

import re
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Context,
    Decimal,
    Inexact,
)
from typing import Any, TypeVar

T = TypeVar("T")

#: Arithmetic context of the engine: 60 significant digits, inexact results trapped.
EXACT = Context(prec=60, traps=[Inexact])

ROUNDING_MODES: dict[str, str] = {
    "half_up": ROUND_HALF_UP,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
    "half_even": ROUND_HALF_EVEN,
}

_PLAIN = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
MAX_DIGITS = 24  # far beyond any budget; keeps hostile files from slowing the engine

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")


def parse_decimal(value: Any) -> Decimal:
    """A ruleset number: a JSON integer or a plain decimal string. Raises ``ValueError``.

    A JSON number with a fraction (``2.5``) is refused on purpose: other tools parse it
    as binary floating point, so the spec asks for a string (``"2.5"``).
    """
    if isinstance(value, bool):
        raise ValueError("expected a number, found true/false")
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        if not _PLAIN.fullmatch(value):
            raise ValueError(
                f'"{value}" is not a plain decimal (write it like "4.20": digits, '
                "one optional point, no £ sign, commas or exponent)"
            )
        result = Decimal(value)
    elif isinstance(value, Decimal):
        raise ValueError(f'write {value} as a string ("{value}") so every tool reads it exactly')
    else:
        raise ValueError(f"expected a number or a decimal string, found {type_name(value)}")
    if len(result.as_tuple().digits) > MAX_DIGITS:
        raise ValueError(f"{value} has more than {MAX_DIGITS} digits")
    return result


def type_name(value: Any) -> str:
    """A JSON-ish name for a parsed value, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


#: Context for the rounding steps only: rounding is where digits are meant to go.
ROUNDING = Context(prec=60)


_POWER_OF_TEN: dict[Decimal, bool] = {}
_MEMO_LIMIT = 65536


def _power_of_ten(step: Decimal) -> bool:
    # Remembered in dicts here and below, not lru_cache: a Decimal keeps its hash, so a
    # dict look-up is several times cheaper than lru_cache's (which wraps the argument).
    found = _POWER_OF_TEN.get(step)
    if found is None:
        if len(_POWER_OF_TEN) >= _MEMO_LIMIT:
            _POWER_OF_TEN.clear()
        found = _POWER_OF_TEN[step] = step.as_tuple().digits == (1,)
    return found


def round_to(value: Decimal, step: Decimal, mode: str) -> Decimal:
    """Round ``value`` to a whole multiple of ``step`` (e.g. 0.01, 0.05, 1) with ``mode``."""
    rounding = ROUNDING_MODES[mode]
    if _power_of_ten(step):  # 0.01, 0.1, 1, 10: one quantize
        return value.quantize(step, rounding=rounding, context=ROUNDING)
    units = ROUNDING.divide(value, step).quantize(ONE, rounding=rounding, context=ROUNDING)
    return ROUNDING.multiply(units, step)


_PLAIN_TEXT: dict[Decimal, str] = {}
_MONEY_TEXT: dict[Decimal, str] = {}


def plain(value: Decimal) -> str:
    """Points as a plain decimal string without trailing zeros: 9.600 → "9.6", 12 → "12".

    Remembered per value (equal values give equal text, trailing zeros being dropped)."""
    text = _PLAIN_TEXT.get(value)
    if text is None:
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        if len(_PLAIN_TEXT) >= _MEMO_LIMIT:
            _PLAIN_TEXT.clear()
        _PLAIN_TEXT[value] = text
    return text


def money(value: Decimal) -> str:
    """Money as a plain string with at least two decimals: 189 → "189.00", 160.6500 → "160.65".

    Intermediate amounts keep any further exact digits (160.6575 stays "160.6575").
    """
    text = _MONEY_TEXT.get(value)
    if text is None:
        whole, _, frac = plain(value).partition(".")
        text = f"{whole}.{frac.ljust(2, '0')}"
        if len(_MONEY_TEXT) >= _MEMO_LIMIT:
            _MONEY_TEXT.clear()
        _MONEY_TEXT[value] = text
    return text
