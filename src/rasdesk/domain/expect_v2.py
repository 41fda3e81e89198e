"""Checking a format-2 result against what a worked example expects (``expected.jsonl``:
``{"questionnaire", "answers", "expect": {PATH: VALUE}}``).

A PATH is dotted: its first name is an amount id (or ``sections``, ``questions``,
``facts``); inside lists of objects, a name picks the object with that ``id`` (``also``
entries are picked by their period, e.g. ``budget.also.year.total``). Values compare as
the result's JSON holds them: money and points as exact decimal strings.
"""

from __future__ import annotations

from typing import Any

from rasdesk.domain.errors import Problem

_MISSING = object()


def lookup(result: dict[str, Any], path: str) -> Any:
    """The value at ``path`` in a result's JSON object, or a marker when there is none."""
    names = path.split(".")
    first = names[0]
    node: Any
    if first in ("sections", "questions", "facts"):
        node = result.get(first)
    else:
        node = next((a for a in result.get("amounts", []) if a.get("id") == first), _MISSING)
    for name in names[1:]:
        if node is _MISSING:
            return _MISSING
        if isinstance(node, list):
            node = next(
                (
                    x
                    for x in node
                    if x.get("id") == name or (x.get("period") or {}).get("per") == name
                ),
                _MISSING,
            )
        elif isinstance(node, dict):
            node = node.get(name, _MISSING)
        else:
            return _MISSING
    return node


def differences(result: dict[str, Any], expect: Any) -> list[Problem]:
    """Every expected value the result does not have, at its path."""
    if not isinstance(expect, dict):
        return [Problem("$.expect", "expected an object of PATH: VALUE")]
    out: list[Problem] = []
    for path, wanted in expect.items():
        got = lookup(result, path)
        if got is _MISSING:
            out.append(Problem(f"$.expect.{path}", "the result has nothing at this path"))
        elif got != wanted:
            out.append(Problem(f"$.expect.{path}", f"expected {wanted!r}, computed {got!r}"))
    return out
