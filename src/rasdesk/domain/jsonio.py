"""Strict JSON in, canonical JSON out.

Reading: numbers with a fraction become ``Decimal`` (never ``float``), duplicate keys and
the non-standard constants NaN/Infinity are refused, so one file has one meaning for every
tool that reads it. Writing: the canonical form of the sync spec (UTF-8, keys sorted, no
insignificant white space).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


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


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates, parse_float=Decimal, parse_constant=_no_constants
)


def loads_strict(data: bytes | str) -> Any:
    """Parse one JSON document strictly. Raises ``StrictJSONError`` with a readable reason."""
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
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise StrictJSONError(f"{exc.msg} at line {exc.lineno}, column {exc.colno}") from None


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
