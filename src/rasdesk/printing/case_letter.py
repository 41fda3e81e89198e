"""A letter for a case in the store: the latest finalised version (its frozen bundle), or
the current draft, marked DRAFT on every page; in one language, or two (``cy+en``: every
section in Welsh, then in English)."""

from __future__ import annotations

import json
from typing import Any

from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import InputError
from rasdesk.domain.model import Ruleset
from rasdesk.printing.blocks import Document
from rasdesk.printing.compose import compose, compose_bilingual
from rasdesk.printing.letter import Letter, build_letter
from rasdesk.printing.styles import default_style
from rasdesk.storage.store import CaseStore

LANGUAGES = ("en", "cy", "cy+en")


def letter_for_case(
    store: CaseStore, case_uuid: str, lang: str | None = None
) -> tuple[Letter, str]:
    """The case's letter and the style its recorded communication needs call for."""
    case = store.case_row(case_uuid)
    version = store.current_version(case_uuid)
    needs: list[str] = json.loads(case["format_needs"])
    language = lang or case["language"]
    if language not in ("en", "cy"):
        raise InputError(f'letters are written in "en" or "cy", not {language!r}')
    found = store.any_ruleset(version["ruleset_sha256"])
    if not isinstance(found, Ruleset):  # format 2: its own content, the same Letter model
        from rasdesk.printing.case_letter_v2 import letter_v2_for_case

        letter = letter_v2_for_case(store, found, case_uuid, language)
        if case["review_of"] is not None:  # a review: what changed since last time
            add_changes(store, case_uuid, letter)
        return letter, default_style(needs)
    ruleset = found
    if version["bundle"] is not None:
        bundle: dict[str, Any] = open_bundle(version["bundle"], f"case {case_uuid[:8]}")
        answers, notes, frozen = bundle["answers"], bundle["notes"], bundle["result"]
        person = bundle["person"]
    else:
        answers = store.answers_json(version["version_uuid"])
        notes, frozen = store.notes(version["version_uuid"]), None
        person = {
            "name": case["person_name"],
            "date_of_birth": case["date_of_birth"],
            "council_ref": case["council_ref"],
        }
    letter = build_letter(
        ruleset,
        case["questionnaire"],
        answers,
        notes,
        lang=language,
        draft=version["bundle"] is None,
        person=person,
        assessor=version["assessor"],
        started_at=version["started_at"],
        finalised_at=version["finalised_at"],
        frozen_result=frozen,
        notes_on_letter=bool(case["notes_on_letter"]),
    )
    if case["review_of"] is not None:
        add_changes(store, case_uuid, letter)
    return letter, default_style(needs)


def add_changes(store: CaseStore, case_uuid: str, letter: Letter) -> None:
    """A review's letter says what changed since last time, in its own language."""
    from rasdesk.printing import since_words
    from rasdesk.storage.review import since_last_time

    try:
        since = since_last_time(store, case_uuid, letter.lang)
    except InputError:  # last time's case was purged since: nothing left to compare with
        return
    letter.changes_title = since_words.WORDS[letter.lang]["title"]
    letter.changes = since_words.sentences(since, letter.lang)
    letter.changes_easy = since_words.easy_sentences(since, letter.lang)


def document_for_case(
    store: CaseStore, case_uuid: str, language: str | None = None, style: str | None = None
) -> tuple[Document, Letter]:
    """The composed letter in ``language`` ("en", "cy", or "cy+en" for a bilingual letter,
    Welsh first) and ``style`` (default: from the recorded needs), with the letter in its
    first language (for the figures and the draft state)."""
    if language not in (None, *LANGUAGES):
        raise InputError(f'letters are written in "en", "cy" or "cy+en", not {language!r}')
    if language == "cy+en":
        first, chosen = letter_for_case(store, case_uuid, "cy")
        second, _ = letter_for_case(store, case_uuid, "en")
        return compose_bilingual(first, second, style or chosen), first
    letter, chosen = letter_for_case(store, case_uuid, language)
    return compose(letter, style or chosen), letter
