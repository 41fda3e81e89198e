"""A format-2 carer's figures wherever the store computes them, not only when the case is
computed or finalised: moving the draft to another ruleset (the plan's figures before and
after, and the move's audit), and a review's "since last time" (last time's facts as its
bundle froze them, now's from the linked case). Each goes through the one answers-document
builder (``linked_facts.case_document``); when the linked case cannot give the facts, the
figure is not worked out and the reason is kept in words, never a bare "unknown".

Example (b): the carer's one-off budget is £250 for 6 points plus £100 for caring 50 hours a
week or more ("cared_for_hours", read from the person's "care_hours"). Next year's ruleset
pays £120 for the long hours instead."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rasdesk.domain.errors import LinkedCaseError
from rasdesk.domain.parse_v2 import parse_any
from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.paths import demo_dir
from rasdesk.printing.since_words import WORDS, easy_sentences, sentences
from rasdesk.reviews.rebase_plan import headline
from rasdesk.storage import lifecycle, prefilled, rebase, review
from rasdesk.storage.store import CaseStore
from tests.storage.helpers import new_store
from tests.storage.test_linked_facts import CARER, EXAMPLE_B, PERSON, new_case

#: A question next year's ruleset may add: asked only of a carer giving 50 hours or more.
BREAKS = {
    "id": "breaks",
    "type": "single",
    "text": {"en": "Do you get a break from caring each week?"},
    "show_if": {"answer": "cared_for_hours", ">=": 50},
    "options": [
        {"id": "yes", "text": {"en": "Yes"}, "points": 0},
        {"id": "no", "text": {"en": "No"}, "points": 0},
    ],
}


def next_year(no_work_na: bool = False, breaks: bool = False) -> tuple[Any, bytes]:
    """Example (b) version 2027.1, paying £120 for the long hours, signed with the DEMO key
    (``no_work_na``: "work" has no "not applicable" answer any more; ``breaks``: a new
    question, asked when the person's case gives 50 hours or more)."""
    doc = json.loads((EXAMPLE_B.parent / "carer-one-off.ruleset.json").read_text("utf-8"))
    doc["version"] = "2027.1"
    carer = next(q for q in doc["questionnaires"] if q["id"] == "carer")
    long_hours = next(p for p in carer["amounts"][0]["parts"] if p["id"] == "long_hours")
    long_hours["bands"][0]["amount"] = "120.00"
    if no_work_na:
        del carer["sections"][0]["questions"][2]["not_applicable"]
    if breaks:
        carer["sections"][0]["questions"].append(BREAKS)
    payload = json.dumps(doc, indent=1).encode("utf-8")
    key = load_private_key((demo_dir() / "DEMO-ONLY-signing-key.pem").read_bytes())
    return parse_any(payload, "next year"), sign_envelope(payload, key)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    opened = new_store(tmp_path)
    yield opened
    opened.close()


def _total(result: Any) -> str:
    return str(headline(result))


def test_moving_a_carers_draft_works_out_both_figures_with_the_linked_facts(
    store: CaseStore,
) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    new, signed = next_year()
    plan = rebase.plan_for_case(store, carer, new)
    assert plan.carry.carried == {**CARER}  # "not applicable" too
    assert plan.before is not None and plan.after is not None
    assert (_total(plan.before), _total(plan.after)) == ("350.00", "370.00")
    assert plan.before.as_dict()["facts"] == {"cared_for_hours": "55"}
    assert (plan.before_why, plan.after_why) == (None, None)
    assert plan.as_dict()["before_weekly"] == "350.00"  # the headline, in its own period
    assert "Before: £350.00 one-off    After: £370.00 one-off" in plan.summary()[1]

    rebase.rebase_draft(store, carer, new, signed)
    [reason] = store.db.execute(
        "SELECT reason FROM audit WHERE case_uuid = ? AND event = ?", (carer, rebase.MOVED)
    ).fetchone()
    assert json.loads(reason)["before_weekly"] == "350.00"
    assert json.loads(reason)["after_weekly"] == "370.00"
    # Computing the moved draft gives what the plan said.
    assert _total(lifecycle.compute_case(store, carer)) == "370.00"


def test_a_not_applicable_answer_the_new_question_does_not_take_is_asked_again(
    store: CaseStore,
) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    new, _signed = next_year(no_work_na=True)
    plan = rebase.plan_for_case(store, carer, new)
    [lost] = plan.carry.not_carried
    assert (lost.question, lost.reason) == ("work", "answer no longer fits")
    assert lost.words == (
        'work ("Does caring affect your work or learning?"): '
        'this question has no "not applicable" answer.'
    )
    assert plan.carry.asked_again == ("work",) and plan.after is None and plan.after_why is None


def test_a_new_question_the_linked_facts_show_is_asked_again(store: CaseStore) -> None:
    """Which questions the new ruleset shows reads the facts too: 55 hours shows "breaks"."""
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    new, signed = next_year(breaks=True)
    plan = rebase.plan_for_case(store, carer, new)
    assert plan.carry.asked_again == ("breaks",)
    assert plan.after is None and plan.after_why is None
    assert "not yet: answer the questions asked again" in plan.summary()[1]
    rebase.rebase_draft(store, carer, new, signed)
    store.set_answer(carer, "breaks", "no")
    assert _total(lifecycle.compute_case(store, carer)) == "370.00"
    # Fewer hours: the question is not shown, so not asked.
    few = new_case(store, "Alys Pritchard", "person", {"care_hours": 20, "lives_with": "no"})
    other = new_case(store, "Rhys Pritchard", "carer", CARER, linked=few)
    assert rebase.plan_for_case(store, other, new).carry.asked_again == ()


def test_moving_says_why_when_the_linked_case_cannot_give_the_facts(store: CaseStore) -> None:
    person = new_case(store, "Alys Pritchard", "person", {"lives_with": "yes"})
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    new, signed = next_year()
    plan = rebase.plan_for_case(store, carer, new)
    assert plan.before is None and plan.after is None
    for why in (plan.before_why, plan.after_why):
        assert isinstance(why, LinkedCaseError)
        assert [p.path for p in why.problems] == ["linked.answers.care_hours"]
    said = plan.as_dict()
    assert "Alys Pritchard" in said["before_why"] and "care_hours" in said["after_why"]
    assert "not yet: case" in plan.summary()[1] and "Alys Pritchard" in plan.summary()[1]
    # The move itself still happens (the answers carry over); the audit says no figure.
    rebase.rebase_draft(store, carer, new, signed)
    assert store.current_version(carer)["ruleset_sha256"] == new.sha256


def test_a_carers_review_asks_the_new_question_the_persons_review_shows(
    store: CaseStore,
) -> None:
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    lifecycle.finalise(store, person)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    lifecycle.finalise(store, carer)
    new, signed = next_year(breaks=True)
    [carer_review] = review.start_review(store, person, new, signed).carers
    assert carer_review.plan.carry.asked_again == ("breaks",)
    asked = store.db.execute(
        "SELECT question FROM audit WHERE case_uuid = ? AND event = 'to ask'",
        (carer_review.case_uuid,),
    ).fetchall()
    assert asked == [("breaks",)]


def reviewed(store: CaseStore) -> tuple[str, str, str]:
    """The person and the carer finalised, then the person's review (with the carer's) under
    next year's ruleset: the new person case, the new carer case, and the old carer case."""
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    lifecycle.finalise(store, person)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    lifecycle.finalise(store, carer)
    new, signed = next_year()
    started = review.start_review(store, person, new, signed)
    [carer_review] = started.carers
    # The carer's review plan: last time's frozen facts, then the person's review's.
    plan = carer_review.plan
    assert plan.before is not None and plan.after is not None
    assert (_total(plan.before), _total(plan.after)) == ("350.00", "370.00")
    return started.case_uuid, carer_review.case_uuid, carer


def test_a_carers_review_compares_last_times_frozen_facts_with_the_linked_case_now(
    store: CaseStore,
) -> None:
    person_review, carer_review, _old = reviewed(store)
    linked = store.case_row(carer_review)["linked_case_uuid"]
    assert linked == person_review
    since = review.since_last_time(store, carer_review)
    assert since.last_figure.as_dict() == {"amount": "350.00", "period": "one_off"}
    assert since.now_figure is not None and since.now_figure.amount == 370
    assert (since.from_rules, since.from_answers) == (20, 0)
    # The person's hours change in their review: now reads them; last time stays frozen.
    store.set_answer(person_review, "care_hours", 20)
    since = review.since_last_time(store, carer_review)
    assert since.last_figure.amount == 350
    assert since.now_figure is not None and since.now_figure.amount == 250
    assert (since.from_rules, since.from_answers) == (20, -120)
    assert since.as_dict()["now_why"] is None


def test_a_carers_review_says_why_when_the_linked_case_cannot_give_the_facts_now(
    store: CaseStore,
) -> None:
    person_review, carer_review, _old = reviewed(store)
    store.set_answer(person_review, "care_hours", None)
    since = review.since_last_time(store, carer_review)
    assert since.now is None and isinstance(since.now_why, LinkedCaseError)
    assert [p.path for p in since.now_why.problems] == ["linked.answers.care_hours"]
    assert "Alys Pritchard" in since.as_dict()["now_why"]
    said = sentences(since)
    assert said[0] == WORDS["en"]["money_linked"].format(last="350.00", per="as one payment")
    assert "It needs answers from the person you care for first." in easy_sentences(since)
    assert sentences(since, "cy")[0].endswith(WORDS["cy"]["money_linked"].split(". ")[-1])


def test_a_finalised_carers_review_compares_with_its_own_frozen_facts(
    store: CaseStore,
) -> None:
    person_review, carer_review, _old = reviewed(store)
    prefilled.confirm(store, carer_review, None)  # the answers from last time, checked
    lifecycle.finalise(store, carer_review)  # reads the person's review draft: 55 hours
    store.set_answer(person_review, "care_hours", 20)
    since = review.since_last_time(store, carer_review)
    assert since.now_figure is not None and since.now_figure.amount == 370  # as finalised
