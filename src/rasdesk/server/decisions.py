"""Support plans and decisions on the server: checking the ``decision`` section of a
``rasdesk-case/2`` bundle (docs/sync-v2.md)."""

from __future__ import annotations

from typing import Any

from rasdesk.decision.record import read_section
from rasdesk.domain.errors import InputError


def section_problems(doc: dict[str, Any]) -> list[str]:
    """Why the bundle's plan-and-decision section cannot be accepted (empty: it can)."""
    if "decision" not in doc:
        return ['"decision" is missing: a rasdesk-case/2 bundle carries the support plan']
    try:
        read_section(doc["decision"], '"decision"')
    except InputError as exc:
        return [str(exc)]
    return []
