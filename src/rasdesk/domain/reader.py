"""A tolerant reader for validating JSON documents: it collects *every* problem with its
JSON path instead of stopping at the first, so a council's RAS team can fix a ruleset in
one go.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from rasdesk.domain.decimals import parse_decimal, type_name
from rasdesk.domain.errors import Problem
from rasdesk.domain.text import Text

ID_PATTERN = re.compile(r"[a-z0-9_]+")
LANG_PATTERN = re.compile(r"[a-z]{2,3}")
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Reader:
    """Collects problems. Each ``take_*`` returns the value or ``None`` after noting why."""

    def __init__(self, languages: tuple[str, ...] = ("en",)) -> None:
        self.problems: list[Problem] = []
        self.languages = languages

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    # --- shapes -------------------------------------------------------------------
    def obj(
        self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Any] | None:
        """An object with the given fields; unknown fields are problems (a typo must not
        be silently ignored in a document that decides people's budgets)."""
        if not isinstance(value, dict):
            self.add(path, f"expected an object, found {type_name(value)}")
            return None
        for key in required:
            if key not in value:
                self.add(path, f'the field "{key}" is missing')
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                self.add(
                    f"{path}.{key}",
                    f'unknown field "{key}" (allowed: {", ".join(sorted(allowed))})',
                )
        return value

    def items(self, value: Any, path: str, *, non_empty: bool = False) -> list[Any]:
        if not isinstance(value, list):
            self.add(path, f"expected a list, found {type_name(value)}")
            return []
        if non_empty and not value:
            self.add(path, "the list is empty; it needs at least one entry")
        return value

    # --- scalars ------------------------------------------------------------------
    def ident(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            shown = value if isinstance(value, str) else type_name(value)
            self.add(path, f'"{shown}" is not a valid id (use lower-case letters, digits and _)')
            return None
        return value

    def string(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, f"expected non-empty text, found {type_name(value)}")
            return None
        return value

    def boolean(self, value: Any, path: str) -> bool | None:
        if not isinstance(value, bool):
            self.add(path, f"expected true or false, found {type_name(value)}")
            return None
        return value

    def date(self, value: Any, path: str) -> str | None:
        # Only YYYY-MM-DD: Python 3.11 also reads "2026-W14-3" (same length), and the
        # in-force checks compare these strings, which needs the one fixed form.
        if isinstance(value, str) and DATE_PATTERN.fullmatch(value):
            try:
                dt.date.fromisoformat(value)
                return value
            except ValueError:
                pass
        self.add(path, f"expected a date written YYYY-MM-DD, found {value!r}")
        return None

    def decimal(
        self,
        value: Any,
        path: str,
        *,
        minimum: Decimal | None = None,
        positive: bool = False,
    ) -> Decimal | None:
        try:
            result = parse_decimal(value)
        except ValueError as exc:
            self.add(path, str(exc))
            return None
        if positive and result <= 0:
            self.add(path, f"must be more than 0, found {value}")
            return None
        if minimum is not None and result < minimum:
            self.add(path, f"must be {minimum} or more, found {value}")
            return None
        return result

    def text(self, value: Any, path: str) -> Text | None:
        """A text map: ``en`` required; each language one the ruleset declares."""
        if not isinstance(value, dict):
            self.add(path, f'expected a text map like {{"en": "..."}}, found {type_name(value)}')
            return None
        ok = True
        if not isinstance(value.get("en"), str) or not value["en"].strip():
            self.add(path, 'the English text ("en") is missing or empty')
            ok = False
        for lang, words in value.items():
            if lang not in self.languages:
                self.add(
                    f"{path}.{lang}",
                    f'language "{lang}" is not in the ruleset\'s "languages" '
                    f"({', '.join(self.languages)})",
                )
                ok = False
            elif not isinstance(words, str):
                self.add(f"{path}.{lang}", f"expected text, found {type_name(words)}")
                ok = False
        return Text(value) if ok else None

    def unique(self, ids: list[tuple[str | None, str]], what: str) -> None:
        """Report each id used more than once, at the path of the repeat."""
        seen: dict[str, str] = {}
        for ident, path in ids:
            if not isinstance(ident, str):  # not an id (reported elsewhere); may be unhashable
                continue
            if ident in seen:
                self.add(path, f'the {what} id "{ident}" is used twice (first at {seen[ident]})')
            else:
                seen[ident] = path
