"""Bounds on what the server reads, checked before any costly work.

JSON from a device is parsed with every number's literal bounded *before* it becomes a
``Decimal`` or ``int`` (``1E+999999999`` would take seconds and a gigabyte to write out;
a 5,000-digit integer makes Python's ``int`` raise), the nesting bounded, and every text
checked to be real Unicode (no lone surrogates such as ``"\\ud800"``, which no database
can store). Text shown to people is checked for control characters on the way in and
neutralised on the way out (``shown``), so a name cannot retitle or clear a terminal.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from typing import Any

from rasdesk.domain.jsonio import StrictJSONError, _no_constants, _no_duplicates

#: At most this many characters in one number of a request (digits, sign, point, exponent).
MAX_NUMBER_CHARS = 40
#: The exponent of a number is at most this in size (``1E+40``): plenty for any answer.
MAX_EXPONENT = 40
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE]([-+]?[0-9]+))?")
#: Control characters (C0, DEL, C1), and the Unicode ones that reorder or hide text.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
CONTROL_BUT_LINES = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class TooBig(StrictJSONError):
    """A number, a nesting or a text past the server's bounds."""


def _number(literal: str) -> str:
    if len(literal) > MAX_NUMBER_CHARS:
        raise TooBig(
            f"a number has {len(literal)} characters (at most {MAX_NUMBER_CHARS}): {literal[:20]}…"
        )
    found = _NUMBER.fullmatch(literal)
    if found and found.group(1) and abs(int(found.group(1))) > MAX_EXPONENT:
        raise TooBig(f"the number {literal} is out of range (exponent at most {MAX_EXPONENT})")
    return literal


def _int(literal: str) -> int:
    return int(_number(literal))


def _decimal(literal: str) -> Decimal:
    return Decimal(_number(literal))


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_float=_decimal,
    parse_int=_int,
    parse_constant=_no_constants,
)


def loads_bounded(data: bytes, max_depth: int) -> Any:
    """Parse JSON as ``loads_strict`` does, with numbers, nesting and text bounded.
    Raises ``StrictJSONError`` (``TooBig`` past a bound) with a readable reason."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJSONError(f"it is not UTF-8 text (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        doc = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise StrictJSONError(f"{exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise TooBig(f"it is nested more than {max_depth} levels deep") from None
    if isinstance(doc, dict | list):
        _walk(doc, max_depth)
    # UTF-8 cannot carry a surrogate: only a \\uD800-\\uDFFF escape can (a pair is one
    # character once decoded), so the texts are searched only when there is such an escape.
    if _ESCAPED_SURROGATE.search(text):
        _surrogates(doc)
    return doc


def _walk(doc: Any, max_depth: int) -> None:
    """The nesting of every object and list, without recursion."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > max_depth:
            raise TooBig(f"it is nested more than {max_depth} levels deep")
        for item in value.values() if isinstance(value, dict) else value:
            if isinstance(item, dict | list):
                stack.append((item, depth + 1))


def _surrogates(doc: Any) -> None:
    """Refuse a lone surrogate anywhere, naming its JSON path."""
    stack: list[tuple[Any, str]] = [(doc, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise StrictJSONError(
                    f"{path} holds a lone surrogate (\\ud800-\\udfff): not Unicode"
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    raise StrictJSONError(
                        f"a key in {path} holds a lone surrogate (\\ud800-\\udfff)"
                    )
                stack.append((item, f"{path}.{key}"))
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(value))


def control_problem(value: str, lines: bool = False) -> str | None:
    """Why ``value`` cannot be a name or a line of text, or None. ``lines`` allows tab and
    newlines (free text such as notes)."""
    if _SURROGATE.search(value):
        return "is not Unicode text (it holds a lone surrogate)"
    found = (CONTROL_BUT_LINES if lines else CONTROL).search(value)
    if found:
        return f"holds the control character U+{ord(found.group()):04X}"
    return None


def shown(value: object) -> str:
    """``value`` made safe for a terminal or a log: control, format and unprintable
    characters become visible escapes (``\\x1b``, ``\\u202e``)."""
    text = str(value)
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable():
            out.append(char)
        elif char == " " or unicodedata.category(char) == "Zs":
            out.append(" ")
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)
