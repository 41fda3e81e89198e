"""The server's recomputation of a format-2 case (``rasdesk-ruleset/2``, docs/ruleset-v2.md).

The answers document is rebuilt from the bundle (``answers``, and ``answered_by`` and
``linked`` when the case carries them), computed with the format-2 engine in the person's
language, and compared with the bundle's ``result`` on every field but the explanation
(whose wording a later rasdesk may improve without changing a figure). Exact text is
compared with exact text, so a difference of a penny is a difference.

A disagreement is told field by field, with amounts and parts named by their ids
(``amounts.budget.parts.nursing.amount: the bundle says 60.00, the server 50.00``), so
whoever reads the flag sees which part of which amount, and whose money it is.
"""

from __future__ import annotations

from typing import Any

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.bundle import canonical
from rasdesk.domain.errors import RasdeskError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model_v2 import RulesetV2

#: Fields of a bundle that belong to its format-2 answers document (§1.4–1.5).
DOCUMENT_FIELDS = ("answered_by", "linked")
#: At most this many differences are named in one flag.
MAX_NAMED = 8


def answers_document(bundle: dict[str, Any]) -> dict[str, Any]:
    """The answers document the laptop computed from, rebuilt from the bundle."""
    doc = {"questionnaire": bundle["questionnaire"], "answers": bundle["answers"]}
    doc.update({k: bundle[k] for k in DOCUMENT_FIELDS if bundle.get(k) is not None})
    return doc


def recompute_v2(ruleset: RulesetV2, bundle: dict[str, Any], language: str) -> str | None:
    """None if the server's format-2 result agrees with the bundle's; else what differs."""
    try:
        mine = compute_budget_v2(
            ruleset, answers_document(bundle), language, f"version {bundle['version_uuid']}"
        )
    except RasdeskError as exc:
        return f"the answers cannot be computed: {exc}"
    ours: dict[str, Any] = loads_strict(
        canonical({k: v for k, v in mine.as_dict().items() if k != "explanation"})
    )
    theirs = bundle["result"]
    if not isinstance(theirs, dict):
        return "the bundle's result is not an object"
    wanted = {k: v for k, v in theirs.items() if k != "explanation"}
    if canonical(ours) == canonical(wanted):
        return None
    found: list[str] = []
    differences(wanted, ours, "", found)
    if not found:  # canonical forms differ only in how a number is written
        found.append("the result is written differently from the server's")
    named = "; ".join(found[:MAX_NAMED]) + ("; and more" if len(found) > MAX_NAMED else "")
    return f"the bundle's result differs from the server's recomputation: {named}"


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return value
    text = canonical(value).decode("utf-8")
    return text if len(text) <= 80 else text[:77] + "..."


def _by_id(items: list[Any]) -> dict[str, Any] | None:
    """A list of objects keyed by their ``id`` (or an ``also`` list by period), if it is one."""
    keyed: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, dict):
            return None
        key = item.get("id")
        if key is None and isinstance(item.get("period"), dict):
            key = item["period"].get("per")
        if not isinstance(key, str) or key in keyed:
            return None
        keyed[key] = item
    return keyed


def differences(theirs: Any, ours: Any, path: str, out: list[str]) -> None:
    """Append ``PATH: the bundle says X, the server Y`` for each leaf that differs; lists of
    objects with ids (amounts, parts, items, sections) are matched by id, not position."""
    if len(out) > MAX_NAMED or canonical(theirs) == canonical(ours):
        return
    if isinstance(theirs, list) and isinstance(ours, list):
        a, b = _by_id(theirs), _by_id(ours)
        if a is not None and b is not None:
            theirs, ours = a, b
    if isinstance(theirs, dict) and isinstance(ours, dict):
        for key in sorted(set(theirs) | set(ours)):
            where = f"{path}.{key}" if path else str(key)
            if key not in ours:
                out.append(f"{where}: the bundle has it, the server's result does not")
            elif key not in theirs:
                out.append(f"{where}: missing from the bundle (the server: {_shown(ours[key])})")
            else:
                differences(theirs[key], ours[key], where, out)
        return
    out.append(f"{path or 'result'}: the bundle says {_shown(theirs)}, the server {_shown(ours)}")
