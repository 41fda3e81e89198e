"""The checks behind each setting, and the JSON Schema fragment that says the same thing.

Each check takes a value and the JSON path it came from, and returns every problem with it
(an empty list when it is fine). The schema fragments make up ``packaging/policy.schema.json``
(``rasdesk policy schema``); tests/packaging checks that the schema and these checks accept
and refuse the same policies, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from rasdesk.domain.errors import Problem

Check = Callable[[Any, str], list[Problem]]

LANGUAGES = ("en", "cy")
LOCK_MINUTES = (1, 240)
DRAFT_DAYS = (1, 3650)
PIN_WAIT_SECONDS = (1, 3600)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
KEY_FIELDS = ("name", "file", "pem", "keyid")
_KEYID = re.compile(r"[0-9a-f]{64}")


def text(value: Any, where: str) -> list[Problem]:
    if not isinstance(value, str):
        return [Problem(where, f"expected text in quotes, found {value!r}")]
    return []


def yes_no(value: Any, where: str) -> list[Problem]:
    if not isinstance(value, bool):
        return [Problem(where, f"expected true or false, found {value!r}")]
    return []


def minutes(value: Any, where: str) -> list[Problem]:
    low, high = LOCK_MINUTES
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem(where, f"expected a whole number of minutes, found {value!r}")]
    if not low <= value <= high:
        return [Problem(where, f"expected {low} to {high} minutes, found {value}")]
    return []


def days(value: Any, where: str) -> list[Problem]:
    low, high = DRAFT_DAYS
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem(where, f"expected a whole number of days, found {value!r}")]
    if not low <= value <= high:
        return [Problem(where, f"expected {low} to {high} days, found {value}")]
    return []


def seconds(value: Any, where: str) -> list[Problem]:
    low, high = PIN_WAIT_SECONDS
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem(where, f"expected a whole number of seconds, found {value!r}")]
    if not low <= value <= high:
        return [Problem(where, f"expected {low} to {high} seconds, found {value}")]
    return []


def languages(value: Any, where: str) -> list[Problem]:
    if (
        not isinstance(value, list)
        or not value
        or any(v not in LANGUAGES for v in value)
        or len(set(value)) != len(value)
    ):
        return [Problem(where, f'expected a non-empty list of "en" and "cy", found {value!r}')]
    return []


def server_url(value: Any, where: str) -> list[Problem]:
    if problems := text(value, where):
        return problems
    if not value:
        return []  # not set: this laptop does not sync
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname or " " in value:
        return [
            Problem(where, f"{value!r} is not a whole address such as https://ras.council.example")
        ]
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        return [
            Problem(
                where, "the server must use https:// (plain http only for 127.0.0.1 or localhost)"
            )
        ]
    if parts.query or parts.fragment:
        return [Problem(where, f"{value}: a server address has no ?query or #fragment")]
    return []


def _key(entry: Any, where: str) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(where, 'expected {"name": …, "file": …} or {"name": …, "pem": …}')]
    out = [
        Problem(f"{where}.{k}", f'unknown field "{k}" (known: {", ".join(KEY_FIELDS)})')
        for k in entry
        if k not in KEY_FIELDS
    ]
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        out.append(Problem(f"{where}.name", "give each key a name people will recognise"))
    sources = [k for k in ("file", "pem") if k in entry]
    if len(sources) != 1:
        out.append(Problem(where, 'give exactly one of "file" (a PEM file) or "pem" (its text)'))
    for k in sources:
        if not isinstance(entry[k], str) or not entry[k].strip():
            out.append(Problem(f"{where}.{k}", f"expected text, found {entry[k]!r}"))
    if "keyid" in entry and not (
        isinstance(entry["keyid"], str) and _KEYID.fullmatch(entry["keyid"])
    ):
        out.append(
            Problem(f"{where}.keyid", "expected the key id: 64 lower-case hex digits (its SHA-256)")
        )
    return out


def trusted_keys(value: Any, where: str) -> list[Problem]:
    if not isinstance(value, list):
        return [Problem(where, f"expected a list of keys, found {value!r}")]
    return [p for i, entry in enumerate(value) for p in _key(entry, f"{where}[{i}]")]


# The JSON Schema (2020-12) fragment for each check, by the check's name.
SCHEMAS: dict[str, dict[str, Any]] = {
    "text": {"type": "string"},
    "yes_no": {"type": "boolean"},
    "minutes": {"type": "integer", "minimum": LOCK_MINUTES[0], "maximum": LOCK_MINUTES[1]},
    "days": {"type": "integer", "minimum": DRAFT_DAYS[0], "maximum": DRAFT_DAYS[1]},
    "seconds": {
        "type": "integer",
        "minimum": PIN_WAIT_SECONDS[0],
        "maximum": PIN_WAIT_SECONDS[1],
    },
    "languages": {
        "type": "array",
        "items": {"enum": list(LANGUAGES)},
        "minItems": 1,
        "uniqueItems": True,
    },
    "server_url": {
        "type": "string",
        "anyOf": [
            {"const": ""},
            {"pattern": r"^https://[^\s/?#]+[^\s?#]*$"},
            {"pattern": r"^http://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(/[^\s?#]*)?$"},
        ],
    },
    "trusted_keys": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "pattern": r"\S"},
                "file": {"type": "string", "pattern": r"\S"},
                "pem": {"type": "string", "pattern": r"\S"},
                "keyid": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            },
            "required": ["name"],
            "oneOf": [{"required": ["file"]}, {"required": ["pem"]}],
            "additionalProperties": False,
        },
    },
}
