"""What changed since last time, for format-2 answers in a real store (example (b)): a
*does not apply* answer said in the ruleset's own words and never as "0 points"; an answer
object whose agreed answer is the same (only a view or the evidence changed) is not a
change; and a questionnaire that gives no amount of its own (example (b)'s person's
assessment, read by the carer's) is compared without money, never an IndexError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasdesk.printing.since_words import easy_sentences, sentences
from rasdesk.storage import review
from rasdesk.storage.store import CaseStore
from tests.storage.helpers import new_store
from tests.storage.test_linked_facts_elsewhere import reviewed


@pytest.fixture
def store(tmp_path: Path) -> Any:
    opened = new_store(tmp_path)
    yield opened
    opened.close()


def test_not_applicable_then_an_answer_is_said_in_the_rulesets_words(store: CaseStore) -> None:
    _person, carer_review, _old = reviewed(store)  # "work" did not apply last time
    store.set_answer(carer_review, "work", "yes")
    since = review.since_last_time(store, carer_review)
    [change] = since.answers
    assert (change.question, change.before, change.now) == ("work", {"not_applicable": True}, "yes")
    assert change.points_before is None  # not counted: never "0 points" of need
    said = sentences(since, "en")
    assert (
        "Does caring affect your work or learning? Last time: “I am not in work or learning” "
        "(no points). Now: “Yes” (3 points)."
    ) in said
    assert any("Does caring affect your work or learning?" in s for s in sentences(since, "cy"))
    store.set_answer(carer_review, "work", {"not_applicable": True})  # back as it was
    assert review.since_last_time(store, carer_review).answers == ()


def test_only_the_evidence_or_a_view_changing_is_not_a_change(store: CaseStore) -> None:
    _person, carer_review, _old = reviewed(store)
    store.set_answer(
        carer_review,
        "sleep",
        {"agreed": "most", "views": {"carer": "most"}, "evidence": "sleep diary"},
    )
    since = review.since_last_time(store, carer_review)
    assert since.answers == ()
    assert "Your answers are the same as last time." in sentences(since, "en")


def test_a_questionnaire_with_no_amount_is_compared_without_money(store: CaseStore) -> None:
    person_review, _carer, _old = reviewed(store)
    store.set_answer(person_review, "care_hours", 20)
    since = review.since_last_time(store, person_review)
    assert not since.has_amount
    assert since.now_figure is None and since.total is None
    said = sentences(since, "en")
    assert not any("£" in line for line in said), said
    assert any(line.startswith("How many hours a week of care") for line in said), said
    assert not any("£" in line for line in easy_sentences(since, "en"))
    assert since.as_dict()["last_time"] is None


def test_moving_or_reviewing_a_questionnaire_with_no_amount(store: CaseStore) -> None:
    """Example (b)'s person's draft moved to next year's ruleset (the plan's words and the
    move's audit), and the person's review started: no amount is claimed, none crashes."""
    import json

    from rasdesk.storage import lifecycle, rebase
    from tests.storage.test_linked_facts import PERSON, new_case
    from tests.storage.test_linked_facts_elsewhere import next_year

    person = new_case(store, "Alys Pritchard", "person", PERSON)
    new, signed = next_year()
    plan = rebase.plan_for_case(store, person, new)
    assert "Before: no amount of its own    After: no amount of its own" in plan.summary()
    assert plan.difference is None and plan.as_dict()["before_weekly"] is None
    rebase.rebase_draft(store, person, new, signed)
    [reason] = store.db.execute(
        "SELECT reason FROM audit WHERE case_uuid = ? AND event = ?", (person, rebase.MOVED)
    ).fetchone()
    assert json.loads(reason)["after_weekly"] is None
    lifecycle.finalise(store, person)
    started = review.start_review(store, person, new, signed)
    assert "Before: no amount of its own" in started.plan.summary()[1]


@pytest.mark.parametrize("style", ["standard", "large", "easy"])
def test_a_format2_reviews_letter_says_what_changed_in_every_style(
    store: CaseStore, style: str
) -> None:
    """The letter of a format-2 review (printed from the app's "what changed" page or its
    budget page) has the section, in English and Welsh, in each style."""
    from rasdesk.printing.case_letter import document_for_case
    from rasdesk.printing.since_words import WORDS

    _person, carer_review, _old = reviewed(store)
    store.set_answer(carer_review, "work", "yes")
    document, letter = document_for_case(store, carer_review, "cy+en", style)
    words = " ".join(document.words())
    for lang in ("cy", "en"):
        assert WORDS[lang]["title"] in words
    assert letter.changes and letter.changes_easy
