"""Strict JSON in, canonical JSON out.

Reading: numbers with a fraction become ``Decimal`` (never ``float``), duplicate keys and
the non-standard constants NaN/Infinity are refused, so one file has one meaning for every
tool that reads it. Every document is bounded before anything else looks at it: its size
(``MAX_BYTES``), how deeply it nests (``MAX_DEPTH``), how long a number may be
(``MAX_NUMBER_CHARS``) and how far its exponent may reach (``MAX_EXPONENT``), and a lone
UTF-16 surrogate (``"\\ud800"``, text no file or database can hold) is refused. A hostile
file is one clear ``StrictJSONError``, never a ``RecursionError``, a frozen process or a
``ValueError`` from deep inside Python.

Writing: the canonical form of the sync spec (UTF-8, keys sorted, no insignificant white
space).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

#: The largest document read (also bounded, usually more tightly, by the file readers).
MAX_BYTES = 64 * 1024 * 1024
#: Objects and lists inside each other; a ruleset needs about 30.
MAX_DEPTH = 100
#: Characters in one number (sign, digits, point, exponent); far beyond any budget.
MAX_NUMBER_CHARS = 100
#: The largest power of ten a number may have (``1E+999999999`` would hang arithmetic).
MAX_EXPONENT = 100

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class StrictJSONError(ValueError):
    """The bytes are not one unambiguous JSON document."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise StrictJSONError(f'the key "{key}" appears twice in one object')
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise StrictJSONError(f"{name} is not a number JSON allows")


def _too_long(text: str) -> StrictJSONError:
    return StrictJSONError(
        f"the number {text[:20]}… has {len(text)} characters; at most {MAX_NUMBER_CHARS} are allowed"
    )


def _int(text: str) -> int:
    # Checked before int(): Python refuses more than 4,300 digits with a bare ValueError.
    if len(text) > MAX_NUMBER_CHARS:
        raise _too_long(text)
    return int(text)


def _decimal(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_CHARS:
        raise _too_long(text)
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the scanner only passes JSON numbers
        raise StrictJSONError(f"{text} is not a number") from None
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or max(abs(exponent), abs(value.adjusted())) > MAX_EXPONENT:
        raise StrictJSONError(
            f"the number {text} is out of range (its power of ten is beyond ±{MAX_EXPONENT})"
        )
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_float=_decimal,
    parse_int=_int,
    parse_constant=_no_constants,
)


def _check_tree(doc: Any, surrogates: bool) -> None:
    """Refuse nesting beyond ``MAX_DEPTH`` and (when ``surrogates``) lone surrogates.
    Iterative, so checking a deep tree cannot itself overflow the stack."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            items: Any = node.values()
            if surrogates:
                for key in node:
                    _no_surrogate(key)
        elif isinstance(node, list):
            items = node
        else:
            if surrogates and isinstance(node, str):
                _no_surrogate(node)
            continue
        if depth > MAX_DEPTH:
            raise _too_deep()
        stack.extend((child, depth + 1) for child in items)


def _too_deep() -> StrictJSONError:
    return StrictJSONError(f"objects and lists are nested more than {MAX_DEPTH} deep")


def _no_surrogate(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise StrictJSONError(
            f"the text {text[: exc.start]!r}… holds a lone UTF-16 surrogate "
            f"(\\u{ord(text[exc.start]):04x}), which is not a character"
        ) from None


def loads_strict(data: bytes | str) -> Any:
    """Parse one JSON document strictly. Raises ``StrictJSONError`` with a readable reason."""
    if len(data) > MAX_BYTES:
        raise StrictJSONError(
            f"it is {len(data):,} bytes long; a document may be at most {MAX_BYTES:,} bytes"
        )
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StrictJSONError(f"it is not UTF-8 text (byte {exc.start})") from None
    else:
        text = data
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        doc = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise StrictJSONError(f"{exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:  # nested far deeper than MAX_DEPTH: Python's own stack ran out
        raise _too_deep() from None
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    # At most as deep as it has brackets: most documents need no walk at all.
    if surrogates or text.count("[") + text.count("{") > MAX_DEPTH:
        _check_tree(doc, surrogates)
    return doc


class _DecimalEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            # Decimals only reach JSON as plain strings; the engine formats them first.
            return format(o, "f")
        return super().default(o)


def canonical_bytes(obj: Any) -> bytes:
    """The canonical JSON bytes of ``obj`` (sync spec: sorted keys, compact, UTF-8)."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=_DecimalEncoder
    ).encode("utf-8")
