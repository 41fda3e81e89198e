"""The case bundle (sync spec ``application/vnd.rasdesk.case+json``) and its canonical JSON.

Canonical JSON: UTF-8, keys sorted, no insignificant white space — what
``json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` writes.
It is written here by a small writer of our own so that a Decimal number answer (2.5)
stays an exact JSON number and never passes through binary floating point. The bundle's
``sha256`` is the hex SHA-256 of the canonical bytes of the bundle without that field.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from rasdesk.domain.decimals import plain
from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict

FORMAT = "rasdesk-case/1"
#: A bundle that also carries a support plan and perhaps a decision (docs/sync-v2.md).
FORMAT_V2 = "rasdesk-case/2"
FORMATS = (FORMAT, FORMAT_V2)
#: Fields of a format-2 bundle that belong to its answers document (docs/ruleset-v2.md
#: §1.4–1.5): who answered the whole questionnaire, and the linked case's answers.
DOCUMENT_FIELDS = ("answered_by", "linked")
MEDIA_TYPE = "application/vnd.rasdesk.case+json"
_string = json.JSONEncoder(ensure_ascii=False).encode


def _write(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("JSON has no infinite or NaN numbers")
        out.append(plain(value))
    elif isinstance(value, dict):
        out.append("{")
        for i, key in enumerate(sorted(value)):
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys are text, found {key!r}")
            if i:
                out.append(",")
            out.append(_string(key))
            out.append(":")
            _write(value[key], out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out)
        out.append("]")
    else:
        raise TypeError(
            f"{type(value).__name__} has no place in canonical JSON (floats are refused)"
        )


def canonical(value: Any) -> bytes:
    out: list[str] = []
    _write(value, out)
    return "".join(out).encode("utf-8")


def digest(bundle: dict[str, Any]) -> str:
    body = {k: v for k, v in bundle.items() if k != "sha256"}
    return hashlib.sha256(canonical(body)).hexdigest()


def seal(bundle: dict[str, Any]) -> tuple[bytes, str]:
    """The bundle's canonical bytes with its ``sha256`` filled in, and that sha256."""
    sealed = {k: v for k, v in bundle.items() if k != "sha256"}
    sealed["sha256"] = digest(sealed)
    return canonical(sealed), sealed["sha256"]


def open_bundle(data: bytes, source: str = "the case bundle") -> dict[str, Any]:
    """Parse a bundle and check its sha256 (anyone can do the same with any JSON library)."""
    try:
        doc = loads_strict(data)
    except StrictJSONError as exc:
        raise InputError(f"{source} is not valid JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") not in FORMATS:
        raise InputError(f'{source} is not a case bundle (format "{FORMAT}" or "{FORMAT_V2}")')
    if doc.get("sha256") != digest(doc):
        raise InputError(f"{source} has been changed: its sha256 does not match its content")
    bundle: dict[str, Any] = doc
    return bundle


def answers_document(bundle: dict[str, Any]) -> dict[str, Any]:
    """The answers document a finalised version was computed from, rebuilt from its bundle
    (the server's recomputation rebuilds it the same way: server/recompute_v2.py)."""
    doc = {"questionnaire": bundle["questionnaire"], "answers": bundle["answers"]}
    doc.update({k: bundle[k] for k in DOCUMENT_FIELDS if bundle.get(k) is not None})
    return doc
