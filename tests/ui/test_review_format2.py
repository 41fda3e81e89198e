"""A review of a format-2 case in the app, as an assessor does it: "Start a review" on the
case list of a finalised case under the demo's format-2 ruleset; format 2's question pages
with last time's answers (an answer object's views and evidence, *does not apply*), each
marked "From last time — check it" until Continue confirms it; the check page; "what has
changed since last time"; the format-2 budget page, and the letter, saying it too. Also a
carer's review that reads facts from the person's review (example (b), whose person's
assessment gives no amount of its own), and a format-1 case reviewed under a format-2
ruleset (its answers carried over the upgrade, as ``rasdesk case review`` does)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from rasdesk.platform import rulesets
from rasdesk.platform.paths import demo_dir
from rasdesk.printing.case_letter import letter_for_case
from rasdesk.storage import lifecycle, prefilled
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from rasdesk.ui.pages.result_v2 import ResultV2Page
from rasdesk.ui.pages.since_last_time import SinceLastTimePage
from tests.storage.test_linked_facts import CARER, EXAMPLE_B, PERSON, new_case
from tests.ui.drive import digit, enter, key, named, tab_to, type_text, visible_text

DEMO = demo_dir()
EXAMPLE = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]
MARK = "From last time — check it"
SINCE = "What has changed since your last assessment"


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[Exception]:
    """What the app would have shown in an error box (a refusal, or a page that cannot be
    built): kept for the test to look at, instead of a modal box that waits for a person."""
    shown: list[Exception] = []
    import rasdesk.ui.main_window as main_window
    import rasdesk.ui.pages.case_list as case_list

    for module in (main_window, case_list):
        monkeypatch.setattr(module, "show_error", lambda _parent, exc: shown.append(exc))
    return shown


def start_review_from_list(win: MainWindow, name: str, tab: int) -> str:
    """On the case list, by keyboard: find ``name``, its tab (0 drafts, 1 waiting to send,
    2 sent), then "Start a review"; the new case's id."""
    win.go(("cases",))
    type_text(name)
    tab_to(lambda w: isinstance(w, QTabBar))
    for _ in range(tab):
        key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Tab)  # into that list; the case is selected
    tab_to(named("Start a review"))
    enter()
    case = win.case_uuid()
    assert case is not None, "no review was started"
    assert win.session.store.case_row(case)["review_of"] is not None
    return case


def to_check(win: MainWindow, case: str) -> list[str]:
    return prefilled.to_check(win.session.store, win.session.version(case)["version_uuid"])


def question(win: MainWindow) -> QuestionV2Page:
    page = win.page
    assert isinstance(page, QuestionV2Page), f"expected format 2's question page, found {page!r}"
    return page


def test_a_format2_review_from_the_case_list_to_the_budget(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, errors: list[Exception]
) -> None:
    win = window
    rulesets.install(DEMO / "demo-v2.ruleset.signed.json")
    verified = win.session.current_ruleset()
    assert verified is not None
    store = win.session.store
    old, _ = store.new_case(
        Person(name="Gwen Adolygiad", date_of_birth="1950-02-03"),
        "person",
        verified.ruleset,
        verified.signed_bytes,
    )
    for qid, value in EXAMPLE.items():
        store.set_answer(old, qid, value)
    store.set_answer(old, "washing", {"agreed": "lots", "evidence": "OT report, March"})
    lifecycle.finalise(store, old)

    case = start_review_from_list(win, "Gwen Adolygiad", tab=1)  # waiting to send
    assert errors == []
    assert win.session.is_format2(case)
    waiting = to_check(win, case)
    assert sorted(waiting) == sorted(EXAMPLE)  # every answer from last time
    # Straight to the check page: each answer from last time carries the mark there too;
    # Change, then Continue, confirms that one and comes back.
    win.go(("check", case))
    check = win.page
    assert isinstance(check, CheckAnswersV2Page)
    assert visible_text(check).count(MARK) >= len(waiting)
    check.change_links["safety"].setFocus()
    enter()  # the Change link, by keyboard
    assert question(win).step.question.id == "safety" and MARK in visible_text(win.page)
    enter()
    assert isinstance(win.page, CheckAnswersV2Page) and "safety" not in to_check(win, case)
    waiting = to_check(win, case)
    win.open_case(case)  # opens on the first answer still to check
    seen = []
    while isinstance(win.page, QuestionV2Page):
        page = question(win)
        qid = page.step.question.id
        seen.append(qid)
        assert (MARK in visible_text(page)) == (qid in waiting), qid  # "safety": checked
        assert (qid in to_check(win, case)) == (qid in waiting)  # unchecked until Continue
        if qid == "washing":  # the answer object: its evidence is last time's
            assert page.saved_value() == "lots"
            assert page.record_fields is not None
            assert page.record_fields.evidence_text() == "OT report, March"
        if qid == "getting_out":
            assert page.saved_value() == "lots"
            digit(2)  # the person needs less help getting out now
        enter()
        assert qid not in to_check(win, case)
    assert [q for q in seen if q in waiting] == waiting and to_check(win, case) == []
    assert "safety" in seen

    check = win.page
    assert isinstance(check, CheckAnswersV2Page)
    words = visible_text(check)
    assert MARK not in words and SINCE in words
    assert "Evidence: OT report, March" in words
    check.continue_button.click()

    since = win.page
    assert isinstance(since, SinceLastTimePage)
    lines = [line.text() for line in since.lines]
    assert any(
        line.startswith("How much help do you need to get out") and "Last time:" in line
        for line in lines
    ), lines
    assert "The council's rules have not changed since last time." in lines
    since.continue_button.click()

    budget = win.page
    assert isinstance(budget, ResultV2Page)
    assert budget.since is not None and SINCE in visible_text(budget)
    letter, _style = letter_for_case(store, case, "en")
    assert letter.changes == lines  # the letter says what the page says
    assert errors == []


def test_a_carers_review_with_views_not_applicable_and_linked_facts(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, errors: list[Exception]
) -> None:
    win = window
    rulesets.install(EXAMPLE_B)
    store = win.session.store
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    sleep = {"agreed": "most", "views": {"carer": "most", "assessor": "sometimes"}}
    carer_answers = {**CARER, "sleep": {**sleep, "evidence": "sleep diary"}}
    carer = new_case(store, "Rhys Pritchard", "carer", carer_answers, linked=person)
    lifecycle.finalise(store, person)
    lifecycle.finalise(store, carer)

    # The person's review (example (b)'s person's assessment gives no amount of its own).
    person_review = start_review_from_list(win, "Alys Pritchard", tab=1)
    while isinstance(win.page, QuestionV2Page):
        enter()
    check = win.page
    assert isinstance(check, CheckAnswersV2Page), errors
    assert SINCE in visible_text(check)
    assert "The council's rules have not changed since last time." in visible_text(check)
    assert to_check(win, person_review) == []

    # The carer's review, started with it and linked to it.
    carer_review = store.db.execute(
        "SELECT case_uuid FROM cases WHERE review_of = ?", (carer,)
    ).fetchone()[0]
    assert store.case_row(carer_review)["linked_case_uuid"] == person_review
    win.open_case(carer_review)
    page = question(win)
    assert page.step.question.id == "sleep" and MARK in visible_text(page)
    assert page.record_fields is not None
    boxes = page.record_fields.view_boxes
    assert {v: b.currentText() for v, b in boxes.items()} == {  # type: ignore[attr-defined]
        "carer": "Most nights",
        "assessor": "Some nights",
    }
    assert page.record_fields.evidence_text() == "sleep diary"
    enter()
    assert question(win).step.question.id == "health"
    enter()
    page = question(win)
    assert page.step.question.id == "work" and MARK in visible_text(page)
    assert page.not_applicable is not None and page.not_applicable.isChecked()
    assert not page.answer.isEnabled()
    page.not_applicable.setChecked(False)  # they are in work now: caring affects it
    page.answer.pick(1)  # "Yes"
    assert "work" not in to_check(win, carer_review)  # another answer: looked at
    enter()
    assert to_check(win, carer_review) == []

    check = win.page
    assert isinstance(check, CheckAnswersV2Page), errors
    assert check.facts is not None and check.facts.lines == [
        "hours of care you give each week: 55 hours a week"
    ]
    check.continue_button.click()
    since = win.page
    assert isinstance(since, SinceLastTimePage), errors
    lines = [line.text() for line in since.lines]
    said = (
        "Does caring affect your work or learning? Last time: “I am not in work or learning” "
        "(no points). Now: “Yes” (3 points)."
    )
    assert said in lines, lines
    # Only the evidence or a view changing is not a change in the answer that counts.
    assert not any("sleeping" in line for line in lines), lines
    since.continue_button.click()
    budget = win.page
    assert isinstance(budget, ResultV2Page), errors
    assert budget.figures[("carer_budget", "total")] == "350.00"
    assert budget.since is not None and said in visible_text(budget)
    assert said in letter_for_case(store, carer_review, "en")[0].changes
    assert errors == []


def test_a_format1_case_reviewed_under_a_format2_ruleset(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, errors: list[Exception]
) -> None:
    """Last year's format-1 case (the demo's Gareth, sent) reviewed after the council moved
    to format 2: the answers carry over the upgrade, each to check on format 2's pages; the
    new required question is asked; what changed names both rulesets' versions."""
    win = window
    rulesets.install(DEMO / "demo-v2.ruleset.signed.json")
    case = start_review_from_list(win, "Gareth", tab=2)  # sent
    assert errors == []
    assert win.session.is_format2(case)
    waiting = to_check(win, case)
    assert "getting_out" in waiting and "nursing" not in waiting
    seen: list[str] = []
    while isinstance(win.page, QuestionV2Page):
        page = question(win)
        qid = page.step.question.id
        seen.append(qid)
        assert (MARK in visible_text(page)) == (qid in waiting), qid
        if qid == "nursing":  # format 2's new question: asked, nothing from last time
            assert page.saved_value() is None
            digit(2)  # "No"
        enter()
    assert "nursing" in seen and to_check(win, case) == []
    check = win.page
    assert isinstance(check, CheckAnswersV2Page), errors
    assert check.summary is None, visible_text(check)
    check.continue_button.click()
    since = win.page
    assert isinstance(since, SinceLastTimePage), errors
    lines: list[Any] = [line.text() for line in since.lines]
    assert lines[0].startswith("Last time your indicative budget was £"), lines
    assert "The council's rules changed since last time (version 2026.1 to 2026.2)." in lines
    since.continue_button.click()
    assert isinstance(win.page, ResultV2Page), errors
    assert errors == []


def test_a_review_whose_last_time_was_purged_still_opens(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, errors: list[Exception]
) -> None:
    """Last year's case, sent and received, is purged from the laptop (retention) while its
    review is a draft: the check page, "what changed" and the budget page still open and
    say why nothing can be compared (they once stopped on an error box)."""
    win = window
    rulesets.install(DEMO / "demo-v2.ruleset.signed.json")
    case = start_review_from_list(win, "Gareth", tab=2)  # sent, with the council's receipt
    store = win.session.store
    assert lifecycle.purge(store, "9999-12-31") >= 1
    gone = "Last time's assessment is no longer kept on this laptop"
    win.go(("check", case))
    check = win.page
    assert isinstance(check, CheckAnswersV2Page), errors
    assert gone in visible_text(check)
    win.go(("changes", case))
    assert isinstance(win.page, SinceLastTimePage), errors
    assert gone in visible_text(win.page)
    store.set_answer(case, "nursing", "no")  # format 2's new question: the budget then shows
    win.go(("result", case))
    assert isinstance(win.page, ResultV2Page), errors
    assert gone in visible_text(win.page)
    assert errors == []
