"""The decision letter for a case in the store: its latest version must carry a decision.
``decision_document`` composes it in "en", "cy" or "cy+en" (Welsh first, then English)."""

from __future__ import annotations

from rasdesk.decision.record import Section
from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.printing.blocks import Document
from rasdesk.printing.case_letter import LANGUAGES, letter_for_case
from rasdesk.printing.decision_letter import compose_decision, compose_decision_bilingual
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


def decision_document(
    store: CaseStore, case_uuid: str, language: str | None = None, style: str | None = None
) -> tuple[Document, Section]:
    """The composed decision letter in ``language`` ("en", "cy", or "cy+en": every section
    in Welsh, then in English) and ``style`` (default: from the recorded needs)."""
    if language not in (None, *LANGUAGES):
        raise InputError(f'letters are written in "en", "cy" or "cy+en", not {language!r}')
    if language == "cy+en":
        first, sec, chosen = letter_for_decision(store, case_uuid, "cy")
        second, _sec, _style = letter_for_decision(store, case_uuid, "en")
        return compose_decision_bilingual(first, second, sec, style or chosen), sec
    letter, sec, chosen = letter_for_decision(store, case_uuid, language)
    return compose_decision(letter, sec, style or chosen), sec
