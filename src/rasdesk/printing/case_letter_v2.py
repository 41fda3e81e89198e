"""The letter of a stored format-2 case: the same ``Letter`` content model ``rasdesk compute
--letter`` fills (``letter_v2``), from the latest finalised version's frozen bundle or the
current draft (marked DRAFT). A finalised version's letter is worked out again from its
frozen answers and pinned ruleset and must give the amounts it was finalised with."""

from __future__ import annotations

from typing import Any

from rasdesk.domain.bundle import answers_document, open_bundle
from rasdesk.domain.errors import StorageError
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.printing.letter import Letter
from rasdesk.printing.letter_v2 import build_letter_v2
from rasdesk.storage.linked_facts import case_document
from rasdesk.storage.store import CaseStore


def letter_v2_for_case(
    store: CaseStore, ruleset: RulesetV2, case_uuid: str, language: str
) -> Letter:
    case = store.case_row(case_uuid)
    version = store.current_version(case_uuid)
    source = f"case {case_uuid[:8]}"
    frozen: dict[str, Any] | None = None
    if version["bundle"] is not None:
        bundle = open_bundle(version["bundle"], source)
        doc = answers_document(bundle)  # with the linked answers frozen at finalising
        notes, person, frozen = bundle["notes"], bundle["person"], bundle["result"]
    else:
        doc, _linked = case_document(store, case_uuid)  # who answered, a carer's facts
        notes = store.notes(version["version_uuid"])
        person = {
            "name": case["person_name"],
            "date_of_birth": case["date_of_birth"],
            "council_ref": case["council_ref"],
        }
    letter = build_letter_v2(
        ruleset,
        doc,
        lang=language,
        draft=frozen is None,
        person=person,
        assessor=version["assessor"],
        started_at=version["started_at"],
        finalised_at=version["finalised_at"],
        notes=notes,
        notes_on_letter=bool(case["notes_on_letter"]),
    )
    if frozen is not None:
        from rasdesk.domain.budget_v2 import compute_budget_v2

        again = compute_budget_v2(ruleset, doc, language, source).as_dict()["amounts"]
        if [_totals(a) for a in again] != [_totals(a) for a in frozen["amounts"]]:
            raise StorageError(
                f"{source}: recomputing with its ruleset gives other amounts than it was "
                "finalised with; no letter was made"
            )
    return letter


def _totals(amount: dict[str, Any]) -> tuple[Any, ...]:
    return (amount["id"], amount["council"], amount["total"], amount["funders"])
