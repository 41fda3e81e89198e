"""A carer's format-2 assessment in the app that reads a fact from the linked person's
case (example (b)): the check page asks who answered and shows the fact with the version
of the person's case it comes from; the budget page and the letter show the fact used;
finalised, the figures stay when the person's case changes; what is missing in the
person's case is said on the check page, stops the budget, and is never a traceback; the
assessor's record is not shown while the laptop is with the person."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.printing.case_letter_v2 import letter_v2_for_case
from rasdesk.storage import lifecycle
from rasdesk.storage.answered_by import answered_by
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.result_v2 import ResultV2Page
from tests.storage.test_linked_facts import CARER, PERSON, new_case

FACT = "hours of care you give each week"


def _check(win: MainWindow, case: str) -> CheckAnswersV2Page:
    win.go(("check", case))
    page = win.page
    assert isinstance(page, CheckAnswersV2Page)
    return page


def _explained(page: ResultV2Page) -> str:
    return " ".join(text for _lang, text in page.spoken())


def test_a_carer_case_with_facts_from_the_linked_case_in_the_app(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win: MainWindow = window
    store = win.session.store
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)

    page = _check(win, carer)
    assert page.summary is None
    assert page.facts is not None and page.answered_by is not None
    assert page.facts.lines == [f"{FACT}: 55 hours a week"]
    assert "Alys Pritchard's case, version 1, a draft" in page.facts.source
    assert win.session.form(carer).facts == {"cared_for_hours": 55}  # what conditions read
    combo = page.answered_by.combo
    assert combo is not None and combo.currentData() is None
    combo.setCurrentIndex(combo.findData("carer"))
    assert answered_by(store, win.session.version(carer)["version_uuid"]) == "carer"

    win.go(("result", carer))
    budget = win.page
    assert isinstance(budget, ResultV2Page)
    assert budget.figures[("carer_budget", "total")] == "350.00"
    said = _explained(budget)
    assert f"{FACT}: 55" in said and "The person you care for" in said
    assert budget.linked is not None and "a draft" in budget.linked.text()

    ruleset = store.any_ruleset(win.session.version(carer)["ruleset_sha256"])
    assert isinstance(ruleset, RulesetV2)
    letter = letter_v2_for_case(store, ruleset, carer, "en").all_text()
    assert f"{FACT}: 55" in letter and "£350.00" in letter

    # Finalised (the person's case first), then the person's case changes: the carer's
    # finalised figures, page and letter stay what they were.
    lifecycle.finalise(store, person)
    lifecycle.finalise(store, carer)
    lifecycle.amend(store, person, "hours were wrong", {"care_hours": 20})
    lifecycle.finalise(store, person)
    bundle = open_bundle(win.session.version(carer)["bundle"])
    assert bundle["linked_version"]["number"] == 1 and bundle["answered_by"] == "carer"
    win.go(("result", carer))
    final = win.page
    assert isinstance(final, ResultV2Page)
    assert final.figures[("carer_budget", "total")] == "350.00"
    assert f"{FACT}: 55" in _explained(final)
    assert final.linked is not None
    assert final.linked.text() == "Read from Alys Pritchard's case, version 1 (finalised)."
    assert f"{FACT}: 55" in letter_v2_for_case(store, ruleset, carer, "en").all_text()
    page = _check(win, carer)
    assert page.read_only and page.answered_by is not None and page.answered_by.combo is None
    assert page.facts is not None and page.facts.lines == [f"{FACT}: 55 hours a week"]
    win.set_modes(win.modes().with_language("cy"))  # the same page in Welsh
    page = _check(win, carer)
    assert page.facts is not None
    assert page.facts.source == "Wedi'u darllen o achos Alys Pritchard, fersiwn 1 (wedi'i gwblhau)."


def test_what_is_missing_in_the_persons_case_is_said_and_stops_the_budget(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win: MainWindow = window
    store = win.session.store
    alone = new_case(store, "Gwen Price", "carer", CARER)
    page = _check(win, alone)
    assert page.summary is not None
    [first, *_rest] = page.summary.links
    assert "not linked to one" in page.facts.problems[0]  # type: ignore[union-attr]
    first.setFocus()
    page._continue()  # Continue to the budget: refused, the problem said
    assert win.page is page

    person = new_case(store, "Alys Pritchard", "person", {"lives_with": "yes"})
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    page = _check(win, carer)
    assert page.facts is not None
    assert page.facts.problems == [
        'Answer "How many hours a week of care does the person get from their carer?" '
        "in Alys Pritchard's case first."
    ]
    assert page.summary is not None
    # Finalising anyway (from the budget route) is refused in words: a dialog, no traceback.
    shown: list[str] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text() + " " + box.informativeText() + " " + box.detailedText())
            box.accept()

    QTimer.singleShot(0, close_dialog)
    win.go(("result", carer))
    assert shown and "linked.answers.care_hours" in " ".join(shown), shown
    assert "The cared-for person's case is needed first" in shown[0]
    assert "Traceback" not in " ".join(shown)


def test_the_record_is_not_shown_while_the_person_holds_the_laptop(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win: MainWindow = window
    store = win.session.store
    person = new_case(store, "Alys Pritchard", "person", PERSON)
    carer = new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)
    handed = win.modes().toggled("handed")
    noop: Any = lambda *_a: None  # noqa: E731
    page = CheckAnswersV2Page(win.session, carer, handed, noop, noop, noop)
    qtbot.addWidget(page)
    assert page.facts is None and page.answered_by is None
    words = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Who answered this assessment" not in words and FACT not in words
