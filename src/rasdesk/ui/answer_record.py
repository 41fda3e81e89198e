"""A format-2 answer as the app keeps it (docs/ruleset-v2.md §1.4), one stored JSON value
per question: a plain value; ``{"not_applicable": true}``; or an answer object with the
agreed answer (the one that scores), the person's / assessor's / carer's views, who
answered and who helped, and the evidence seen.

Plain Python (no Qt): the question and check pages change one piece at a time and save
``stored()``, which is always the smallest shape that says everything recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, Value

NA_JSON = {"not_applicable": True}


def typed(value: Any) -> Value | None:
    """A stored JSON value as conditions and points read it (None: no value)."""
    if value is None:
        return None
    if isinstance(value, dict):
        return NOT_APPLICABLE if value == NA_JSON else None
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    return str(value)


@dataclass(frozen=True, slots=True)
class Recorded:
    agreed: Any = None  # a JSON value, NA_JSON, or None (no agreed answer recorded)
    views: dict[str, Any] = field(default_factory=dict)  # view → JSON value
    answered_by: str | None = None
    helped_by: str | None = None
    evidence: str | None = None

    @classmethod
    def read(cls, stored: Any) -> Recorded:
        if isinstance(stored, tuple):
            return cls(list(stored))
        if not isinstance(stored, dict) or stored == NA_JSON:
            return cls(stored)
        return cls(
            stored.get("agreed"),
            dict(stored.get("views") or {}),
            stored.get("answered_by"),
            stored.get("helped_by"),
            stored.get("evidence") or None,
        )

    @property
    def not_applicable(self) -> bool:
        return self.agreed == NA_JSON

    def changed(self, **what: Any) -> Recorded:
        return replace(self, **what)

    def with_view(self, view: str, value: Any) -> Recorded:
        views = {k: v for k, v in self.views.items() if k != view}
        if value is not None:
            views[view] = value
        return replace(self, views=views)

    def views_differ(self) -> bool:
        """Views that differ with no agreed answer: the answers cannot be used yet."""
        return self.agreed is None and len({repr(typed(v)) for v in self.views.values()}) > 1

    def value(self) -> Value | None:
        """The value that counts: the agreed answer, or the views when they all agree."""
        if self.agreed is not None:
            return typed(self.agreed)
        if self.views and not self.views_differ():
            return typed(next(iter(self.views.values())))
        return None

    def stored(self) -> Any:
        """What to save: the plain value when nothing else is recorded (None: nothing)."""
        extra = {
            k: v
            for k, v in (
                ("views", self.views),
                ("answered_by", self.answered_by),
                ("helped_by", self.helped_by),
                ("evidence", self.evidence),
            )
            if v
        }
        if not extra:
            return self.agreed
        return ({"agreed": self.agreed} if self.agreed is not None else {}) | extra
