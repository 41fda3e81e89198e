"""The decision letter for a case in the store: its latest version must carry a decision."""

from __future__ import annotations

from rasdesk.decision.record import Section
from rasdesk.domain.errors import CaseStateError
from rasdesk.printing.case_letter import letter_for_case
from rasdesk.printing.letter import Letter
from rasdesk.storage import decisions
from rasdesk.storage.store import CaseStore


def letter_for_decision(
    store: CaseStore, case_uuid: str, lang: str | None = None
) -> tuple[Letter, Section, str]:
    """(the assessment letter's content, the plan and decision, the default style)."""
    version, sec = decisions.current(store, case_uuid)
    if version["bundle"] is None or sec is None or sec.decision is None:
        raise CaseStateError(
            f"case {case_uuid[:8]} has no decision yet: a decision letter needs one "
            "(rasdesk case decide)"
        )
    letter, style = letter_for_case(store, case_uuid, lang)
    return letter, sec, style
