"""A format-2 carer's assessment that reads facts from the linked person's case, in a real
store (example (b): the carer's budget reads "cared_for_hours" from the person's case):
computed and finalised with the facts, the linked answers frozen into the bundle with the
version they came from, the finalised figures unchanged when the linked case changes
later, who answered the whole assessment kept per version, and each refusal naming the
field and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.bundle import answers_document, open_bundle
from rasdesk.domain.errors import CaseStateError, InputError, LinkedCaseError
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage import lifecycle, linked_facts
from rasdesk.storage.answered_by import answered_by, set_answered_by
from rasdesk.storage.store import CaseStore, Person
from tests.storage.helpers import answered_case, new_store

EXAMPLE_B = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "examples"
    / "b-carer-one-off"
    / "carer-one-off.ruleset.signed.json"
)
PERSON = {"care_hours": 55, "lives_with": "yes"}
CARER = {"sleep": "most", "health": "some", "work": {"not_applicable": True}}


def _example_b() -> Any:
    return load_signed_any(EXAMPLE_B, [demo_dir() / "DEMO-public-key.pem"])


def new_case(
    store: CaseStore,
    name: str,
    questionnaire: str,
    answers: dict[str, Any],
    linked: str | None = None,
) -> str:
    verified = _example_b()
    case_uuid, _ = store.new_case(
        Person(name), questionnaire, verified.ruleset, verified.signed_bytes, linked_case=linked
    )
    for question, value in answers.items():
        store.set_answer(case_uuid, question, value)
    return case_uuid


@pytest.fixture
def store(tmp_path: Path) -> Any:
    opened = new_store(tmp_path)
    yield opened
    opened.close()


def _amount(result: dict[str, Any]) -> dict[str, Any]:
    [amount] = result["amounts"]
    return amount


def test_a_carer_case_computes_with_the_linked_draft_then_its_finalised_version(
    store: CaseStore,
) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    # The person's case is a draft: its answers are read as they stand.
    linked = linked_facts.read_linked(store, carer)
    assert linked is not None and (linked.state, linked.number) == ("draft", 1)
    result = lifecycle.compute_case(store, carer).as_dict()
    assert result["facts"] == {"cared_for_hours": "55"}
    assert _amount(result)["total"] == "350.00"
    steps = " ".join(s["text"] for s in result["explanation"])
    assert "hours of care you give each week" in steps and "55" in steps
    # Once the person's case is finalised, that version is read, even after an amendment
    # starts a draft that says otherwise.
    lifecycle.finalise(store, person)
    first = store.current_version(person)["version_uuid"]
    lifecycle.amend(store, person, "hours were wrong", {"care_hours": 20})
    linked = linked_facts.read_linked(store, carer)
    assert linked is not None
    assert (linked.version_uuid, linked.number, linked.state) == (first, 1, "finalised")
    assert _amount(lifecycle.compute_case(store, carer).as_dict())["total"] == "350.00"


def test_finalising_freezes_the_linked_answers_and_who_answered(store: CaseStore) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    lifecycle.finalise(store, person)
    person_v1 = store.current_version(person)["version_uuid"]
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    set_answered_by(store, carer, "carer")
    lifecycle.finalise(store, carer)
    version = store.current_version(carer)
    bundle = open_bundle(version["bundle"])
    assert bundle["answered_by"] == "carer"
    assert bundle["linked"] == {"questionnaire": "person", "answers": PERSON}
    assert bundle["linked_version"] == {
        "case_uuid": person,
        "version_uuid": person_v1,
        "number": 1,
        "state": "finalised",
    }
    assert bundle["linked_case_uuid"] == person
    assert bundle["result"]["facts"] == {"cared_for_hours": "55"}
    assert bundle["result"]["answered_by"] == "carer"
    assert _amount(bundle["result"])["total"] == "350.00"
    # The store's audit trail says which version the facts were read from, and what.
    read = store.db.execute(
        "SELECT old, new FROM audit WHERE version_uuid = ? AND event = 'facts read'",
        (version["version_uuid"],),
    ).fetchall()
    assert read == [(person_v1, '{"cared_for_hours":"55"}')]

    # The person's case changes later (an amendment, finalised): the carer's finalised
    # version still computes, from its bundle, to what it was finalised with.
    lifecycle.amend(store, person, "hours were wrong", {"care_hours": 20})
    lifecycle.finalise(store, person)
    ruleset = store.any_ruleset(version["ruleset_sha256"])
    assert isinstance(ruleset, RulesetV2)
    again = compute_budget_v2(ruleset, answers_document(bundle), "en").as_dict()
    assert _amount(again)["total"] == "350.00" and again["facts"] == {"cared_for_hours": "55"}
    assert linked_facts.fact_values(store, carer) == {"cared_for_hours": 55}
    # An amendment of the carer's case reads the person's new finalised version, and keeps
    # who answered.
    lifecycle.amend(store, carer, "the person's hours changed")
    assert answered_by(store, store.current_version(carer)["version_uuid"]) == "carer"
    redone = lifecycle.compute_case(store, carer).as_dict()
    assert redone["facts"] == {"cared_for_hours": "20"}
    assert _amount(redone)["total"] == "250.00"


def test_who_answered_is_checked_and_only_changes_on_a_draft(store: CaseStore) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    assert answered_by(store, store.current_version(person)["version_uuid"]) is None
    set_answered_by(store, person, "person_helped")
    set_answered_by(store, person, "person_helped")  # the same word again: nothing added
    doc, linked = linked_facts.case_document(store, person)
    assert doc["answered_by"] == "person_helped" and linked is None
    assert lifecycle.compute_case(store, person).as_dict()["answered_by"] == "person_helped"
    with pytest.raises(InputError, match="answered_by: expected one of person, "):
        set_answered_by(store, person, "neighbour")
    set_answered_by(store, person, None)
    assert "answered_by" not in linked_facts.case_document(store, person)[0]
    events = store.db.execute(
        "SELECT old, new FROM audit WHERE case_uuid = ? AND event = 'answered by' ORDER BY id",
        (person,),
    ).fetchall()
    assert events == [(None, "person_helped"), ("person_helped", None)]
    lifecycle.finalise(store, person)
    with pytest.raises(CaseStateError):
        set_answered_by(store, person, "assessor")
    # A format-1 case's answers have no such field.
    format1 = answered_case(store, "Siân Jones")
    with pytest.raises(InputError, match="ruleset format 2 only"):
        set_answered_by(store, format1, "person")


def _refused(store: CaseStore, carer: str) -> LinkedCaseError:
    with pytest.raises(LinkedCaseError) as caught:
        lifecycle.compute_case(store, carer)
    with pytest.raises(LinkedCaseError):
        lifecycle.finalise(store, carer)
    assert store.current_version(carer)["state"] == "draft"  # nothing was finalised
    return caught.value


def test_a_carer_case_with_no_linked_case_is_refused(store: CaseStore) -> None:
    carer = new_case(store, "Rhys Pritchard", "carer", CARER)
    error = _refused(store, carer)
    assert [p.path for p in error.problems] == ["linked_case_uuid"]
    assert "it is not linked to one" in str(error)
    assert "New carer's assessment" in str(error)
    assert linked_facts.fact_values(store, carer) == {}  # the flow goes on without them


def test_a_linked_case_of_another_questionnaire_is_refused(store: CaseStore) -> None:
    other = new_case(store, "Gwen Price", "carer", CARER)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=other)
    error = _refused(store, carer)
    [problem] = error.problems
    assert problem.path == "linked.questionnaire"
    assert 'the fact "cared_for_hours"' in problem.message
    assert 'Gwen Price\'s case is a "carer" assessment' in problem.message


def test_a_linked_case_that_has_not_answered_the_fact_is_refused(store: CaseStore) -> None:
    person = new_case(store, "Alys Pritchard", "person", {"lives_with": "yes"})
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    error = _refused(store, carer)
    [problem] = error.problems
    assert problem.path == "linked.answers.care_hours"
    assert "in Alys Pritchard's case first" in problem.message
    assert "How many hours a week of care" in problem.message
    assert "Alys Pritchard's case (version 1, draft)" in str(error)
    store.set_answer(person, "care_hours", 30)
    assert _amount(lifecycle.compute_case(store, carer).as_dict())["total"] == "250.00"


def test_a_format1_case_is_computed_as_before(store: CaseStore) -> None:
    case = answered_case(store, "Siân Jones")
    doc, linked = linked_facts.case_document(store, case)
    assert set(doc) == {"questionnaire", "answers"} and linked is None
    lifecycle.finalise(store, case)
    bundle = open_bundle(store.current_version(case)["bundle"])
    assert not {"answered_by", "linked", "linked_version"} & set(bundle)


def test_a_linked_case_purged_after_the_council_received_it_is_refused(store: CaseStore) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    lifecycle.finalise(store, person)
    version = store.current_version(person)["version_uuid"]
    for step in ("queued", "sending"):
        lifecycle.transition(store, version, step)
    lifecycle.record_receipt(store, version, "R-1", "2026-01-01T00:00:00Z")
    assert lifecycle.purge(store, "2026-06-01T00:00:00Z") == 1
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    error = _refused(store, carer)
    assert [p.path for p in error.problems] == ["linked.versions"]
    assert "removed after the council received them" in str(error)
