"""The case bundle's schema (sync spec v1), checked field by field before anything is kept.

Every field has a type, and text a length and a character set; lists and objects have a
size; unknown fields are refused. What ``result`` holds is not described here: the server
recomputes it from the answers and the pinned ruleset and requires every figure to agree
(``receive.check_result``), which is a stricter check than any schema. Only the
explanation, whose wording may change between rasdesk versions, is checked by shape.

A spec is a small tree of ``Text``, ``Date``, ``Number``, ``Null``, ``OneOf``, ``ListOf``,
``Object`` and ``MapOf``; ``problems(spec, value)`` lists what does not fit, each reason
naming the field's JSON path (at most ``MAX_REASONS``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rasdesk.cld.lists import (
    FORMER_METHODS,
    FORMER_REASONS,
    METHODS_OF_ASSESSMENT,
    PRIMARY_SUPPORT_REASONS,
    YES_NO,
    YES_NO_UNKNOWN,
)
from rasdesk.domain.model_v2 import WHO
from rasdesk.server.limits import CONTROL, CONTROL_BUT_LINES, control_problem, shown

MAX_REASONS = 20
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_STAMP_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)")


@dataclass(frozen=True)
class Text:
    max: int
    pattern: re.Pattern[str] | None = None
    lines: bool = False  # tab and newlines allowed (free text)
    empty: bool = True
    what: str = "text"

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, str):
            out.append(f"{path} must be {self.what}")
        elif len(value) > self.max:
            out.append(f"{path} is {len(value)} characters long (at most {self.max})")
        elif not value and not self.empty:
            out.append(f"{path} must not be empty")
        elif self.pattern is not None and not self.pattern.fullmatch(value):
            out.append(f"{path} must be {self.what}, not {shown(value[:80])!r}")
        elif (CONTROL_BUT_LINES if self.lines else CONTROL).search(value):
            # (no lone surrogates here: limits.loads_bounded refused them already)
            out.append(f"{path} {control_problem(value, self.lines)}")


@dataclass(frozen=True)
class Date:
    """``YYYY-MM-DD`` (``stamp``: or a UTC time ``2026-01-31T09:15:00.123Z``)."""

    stamp: bool = False

    def check(self, value: Any, path: str, out: list[str]) -> None:
        what = "a time such as 2026-01-31T09:15:00.123Z" if self.stamp else "a date YYYY-MM-DD"
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError
            if self.stamp:
                if not _STAMP_RE.fullmatch(value):
                    raise ValueError
                dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            elif len(value) != 10:
                raise ValueError
            else:
                dt.date.fromisoformat(value)
        except ValueError:
            out.append(f"{path} must be {what}")


class Number:
    def check(self, value: Any, path: str, out: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            out.append(f"{path} must be a number")


class Null:
    def check(self, value: Any, path: str, out: list[str]) -> None:
        if value is not None:
            out.append(f"{path} must be null")


@dataclass(frozen=True)
class OneOf:
    options: tuple[Any, ...]
    what: str

    def check(self, value: Any, path: str, out: list[str]) -> None:
        for option in self.options:
            tried: list[str] = []
            option.check(value, path, tried)
            if not tried:
                return
        out.append(f"{path} must be {self.what}")


def maybe(spec: Any, what: str) -> OneOf:
    return OneOf((Null(), spec), f"null or {what}")


@dataclass(frozen=True)
class ListOf:
    item: Any
    max: int

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, list):
            out.append(f"{path} must be a list")
            return
        if len(value) > self.max:
            out.append(f"{path} has {len(value)} items (at most {self.max})")
            return
        for i, item in enumerate(value):
            self.item.check(item, f"{path}[{i}]", out)
            if len(out) >= MAX_REASONS:
                return


@dataclass(frozen=True)
class MapOf:
    """An object with keys of one kind and values of one kind."""

    key: Text
    value: Any
    max: int

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, dict):
            out.append(f"{path} must be an object")
            return
        if len(value) > self.max:
            out.append(f"{path} has {len(value)} entries (at most {self.max})")
            return
        for key, item in value.items():
            before = len(out)
            self.key.check(key, f"{path} key", out)
            if len(out) == before:
                self.value.check(item, f"{path}.{key}", out)
            if len(out) >= MAX_REASONS:
                return


@dataclass(frozen=True)
class Object:
    """Named fields: ``required`` ones must be there; no others are allowed."""

    required: dict[str, Any]
    optional: dict[str, Any] = field(default_factory=dict)

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, dict):
            out.append(f"{path} must be an object")
            return
        for key in value:
            if key not in self.required and key not in self.optional:
                out.append(f"{path} has an unknown field {shown(str(key)[:80])!r}")
        for key, spec in self.required.items():
            if key not in value:
                out.append(f"{path}.{key} is missing")
            else:
                spec.check(value[key], f"{path}.{key}", out)
        for key, spec in self.optional.items():
            if key in value:
                spec.check(value[key], f"{path}.{key}", out)


class Anything:
    """Any JSON value (already bounded in depth and size by ``limits.loads_bounded``)."""

    def check(self, value: Any, path: str, out: list[str]) -> None:
        return


class ResultShape:
    """An object of named parts; its explanation a list of steps. The figures themselves
    are checked by recomputation, not here."""

    def check(self, value: Any, path: str, out: list[str]) -> None:
        MapOf(IDENT, Anything(), 100).check(value, path, out)
        if isinstance(value, dict) and "explanation" in value:
            ListOf(STEP, 2_000).check(value["explanation"], f"{path}.explanation", out)


def problems(spec: Any, value: Any, path: str = "$") -> list[str]:
    out: list[str] = []
    spec.check(value, path, out)
    return out[:MAX_REASONS]


UUID = Text(36, UUID_RE, what="a lowercase UUID")
SHA256 = Text(64, SHA256_RE, what="64 lowercase hex digits")
IDENT = Text(200, _ID_RE, what="an id (letters, digits, _ . : -)")
NAME = Text(500, empty=False, what="a name")
FREE = Text(100_000, lines=True)
STAMP = Date(stamp=True)

ANSWER = OneOf((Text(10_000, lines=True), Number(), ListOf(IDENT, 200)), "text, a number or ids")
# A format-1 step, or a format-2 one naming the amount and part it is about.
STEP = Object(
    {"step": IDENT, "text": FREE, "easy_read": FREE},
    {"amount": maybe(IDENT, "an id"), "part": maybe(IDENT, "an id")},
)


class Exactly:
    """One JSON value and no other (``true`` in ``{"not_applicable": true}``)."""

    def __init__(self, value: Any, what: str) -> None:
        self.value, self.what = value, what

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if value is not self.value:
            out.append(f"{path} must be {self.what}")


_WHO = Text(20, re.compile("|".join(WHO)), what=f"one of {', '.join(WHO)}")
NOT_APPLICABLE = Object({"not_applicable": Exactly(True, "true")})
VALUE_V2 = OneOf((ANSWER, NOT_APPLICABLE), 'text, a number, ids or {"not_applicable": true}')
RECORD = Object(
    required={},
    optional={
        "agreed": VALUE_V2,
        "views": MapOf(IDENT, VALUE_V2, 10),
        "answered_by": _WHO,
        "helped_by": _WHO,
        "evidence": Text(4_000, lines=True),
    },
)


class AnswerShape:
    """An answer: a format-1 value, or (format 2, docs/ruleset-v2.md §1.4) *not
    applicable* or an answer record with views, who answered and evidence. Whether it fits
    its question is the recomputation's to say."""

    def check(self, value: Any, path: str, out: list[str]) -> None:
        if not isinstance(value, dict):
            ANSWER.check(value, path, out)
        elif "not_applicable" in value:
            NOT_APPLICABLE.check(value, path, out)
        else:
            RECORD.check(value, path, out)


ANSWERS = MapOf(IDENT, AnswerShape(), 2_000)
# The linked case's answers a carer's assessment read its facts from (§1.5).
LINKED = Object({"questionnaire": IDENT, "answers": ANSWERS}, {"answered_by": _WHO})


def _listed(values: tuple[str, ...], what: str) -> Text:
    return Text(100, re.compile("|".join(re.escape(v) for v in values)), what=what)


# The details a council's national return needs (rasdesk.cld), held to the national lists
# (and the spellings rasdesk wrote before they were checked, which older laptops still send).
DETAILS = Object(
    required={},
    optional={
        "nhs_number": Text(10, re.compile(r"[0-9]{10}"), what="10 digits"),
        "primary_support_reason": _listed(
            PRIMARY_SUPPORT_REASONS + tuple(FORMER_REASONS), "a Primary Support Reason"
        ),
        "method_of_assessment": _listed(
            METHODS_OF_ASSESSMENT + FORMER_METHODS, "a Method of Assessment"
        ),
        "eligible_needs_identified": _listed(YES_NO, '"Yes" or "No"'),
        "has_unpaid_carer": _listed(YES_NO_UNKNOWN, '"Yes", "No" or "Unknown"'),
    },
)
NEED = Object(
    {
        "need": IDENT,
        "snomed": maybe(Text(18, re.compile(r"[0-9]{6,18}"), what="a SNOMED CT id"), "a code"),
        "term": Text(200, empty=False),
    }
)

BUNDLE = Object(
    required={
        "format": Text(20, re.compile(r"rasdesk-case/[12]"), what='"rasdesk-case/1" or "/2"'),
        "case_uuid": UUID,
        "version_uuid": UUID,
        "supersedes": maybe(UUID, "a lowercase UUID"),
        "questionnaire": IDENT,
        "person": Object(
            required={"name": NAME},
            optional={
                "date_of_birth": maybe(Date(), "a date YYYY-MM-DD"),
                "council_ref": maybe(Text(200), "text"),
                "format_needs": ListOf(IDENT, 20),
                "language": Text(35, _LANGUAGE_RE, what="a language code such as en or cy"),
                "communication_needs": ListOf(NEED, 20),
                "details": DETAILS,
            },
        ),
        "answers": ANSWERS,
        "ruleset": Object({"id": Text(200, empty=False), "version": Text(100), "sha256": SHA256}),
        "result": ResultShape(),
        "assessor": Object(
            required={"name": NAME}, optional={"device_id": maybe(UUID, "a lowercase UUID")}
        ),
        "sha256": SHA256,
    },
    optional={
        "amendment_reason": maybe(Text(10_000, lines=True), "text"),
        "linked_case_uuid": maybe(UUID, "a lowercase UUID"),
        # A review's bundle only (docs/sync-v2.md): the case and version it reviews.
        "review_of": Object({"case_uuid": UUID, "version_uuid": UUID}),
        "notes": MapOf(IDENT, FREE, 2_000),
        "started_at": maybe(STAMP, "a UTC time"),
        "finalised_at": maybe(STAMP, "a UTC time"),
        # A format-2 case's answers document (server/recompute_v2.py): who answered, and
        # the linked case's answers its facts were read from.
        "answered_by": maybe(_WHO, "who answered"),
        "linked": maybe(LINKED, "the linked case's answers"),
        # Which version of the linked case they are (its latest finalised, else its draft).
        "linked_version": Object(
            {
                "case_uuid": UUID,
                "version_uuid": UUID,
                "number": Number(),
                "state": Text(20, re.compile("[a-z]+"), what="a version state"),
            }
        ),
        # rasdesk-case/2: the support plan and decision, checked by server/decisions.py.
        "decision": Anything(),
        "audit": ListOf(
            Object(
                required={"at": STAMP, "event": Text(100, empty=False)},
                optional={
                    key: maybe(Text(100_000, lines=True), "text")
                    for key in ("question", "old", "new", "reason")
                },
            ),
            100_000,
        ),
    },
)
