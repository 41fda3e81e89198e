""" "Hand to the person": while the laptop is with the person, the only pages are the
questions (and the check page) of their own draft case, the lock and the closed store.
No case list, no other person, no budget page (so no finalising, no printing, no file
dialogs). Every route change passes ``allowed``, whatever button or key asked for it; the
pages also leave such controls out, so nothing on screen leads nowhere."""

from __future__ import annotations

from typing import Any

Route = tuple[Any, ...]

#: Pages the person may see while holding the laptop (with the handed case as route[1]).
CASE_PAGES = frozenset({"question", "check"})
#: Pages with no case data at all, reached only by the assessor's own actions.
NEUTRAL_PAGES = frozenset({"lock", "closed"})


def allowed(route: Route, handed_case: str | None) -> bool:
    """Whether ``route`` may be shown while the laptop is handed over (always, if not)."""
    if handed_case is None:
        return True
    kind = route[0]
    if kind in NEUTRAL_PAGES:
        return True
    return kind in CASE_PAGES and len(route) > 1 and route[1] == handed_case


def can_hand_over(route: Route, draft: bool) -> bool:
    """The laptop can be handed over from the questions or the check page of a draft."""
    return route[0] in CASE_PAGES and draft
