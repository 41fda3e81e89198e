"""A review by keyboard only: last year's demo case under next year's demo ruleset (a new
rate), every answer from last time confirmed with Enter (one changed), the check page, the
"what changed since last time" page, and the letter saved and read back (pdftotext). Also
the move of an old draft to the new ruleset, and the stale marks on the case list."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTabBar

from rasdesk.platform import rulesets
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.move_ruleset import MoveRulesetPage
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from rasdesk.ui.pages.since_last_time import SinceLastTimePage
from rasdesk.ui.print_dialog import PrintDialog
from tests.reviews import helpers as h
from tests.ui.drive import digit, enter, focus, key, named, tab_to, type_text, visible_text


def install_next_year(tmp_path: Path) -> str:
    ruleset, signed = h.signed(h.next_year(h.rate_only))
    path = tmp_path / "demo-2027.ruleset.signed.json"
    path.write_bytes(signed)
    rulesets.install(path)  # the DEMO key is trusted in the demo profile
    return ruleset.sha256


def save_in_print_dialog(target: Path) -> None:
    """When the print dialog opens, save the letter as ``target`` by keyboard: the file name
    typed into its box, then Save (the dialog's folder set to the test's own)."""

    def type_name() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrintDialog):
            QTimer.singleShot(100, type_name)
            return
        dialog.folder = target.parent
        dialog.name.setFocus()
        key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(target.name)
        dialog.save_button.setFocus()
        enter()

    QTimer.singleShot(100, type_name)


def test_a_review_by_keyboard(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window
    install_next_year(tmp_path)
    win.go(("cases",))
    type_text("Gareth")  # last year's case, sent to the council
    tab_to(lambda w: isinstance(w, QTabBar))
    key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Right)  # "Sent"
    key(Qt.Key.Key_Tab)  # into that list; Gareth is selected
    tab_to(named("Start a review"))
    enter()

    case = win.case_uuid()
    assert case is not None
    row = win.session.store.case_row(case)
    assert row["person_name"] == "Gareth Hughes" and row["review_of"] is not None
    vid = win.session.version(case)["version_uuid"]
    from rasdesk.storage import prefilled

    waiting = prefilled.to_check(win.session.store, vid)
    assert len(waiting) == 13  # every answer from last time, to check
    seen = []
    while isinstance(win.page, QuestionPage):
        qid = win.page.step.question.id
        seen.append(qid)
        assert "From last time — check it" in visible_text(win.page), qid
        if qid == "getting_out":
            digit(4)  # the person needs more help getting out now
        enter()
    assert seen == list(waiting)
    assert prefilled.to_check(win.session.store, vid) == []

    assert isinstance(win.page, CheckAnswersPage)
    words = visible_text(win.page)
    assert "From last time — check it" not in words
    assert "What has changed since your last assessment" in words
    tab_to(named("Continue to the budget"))
    enter()

    assert isinstance(win.page, SinceLastTimePage)
    words = visible_text(win.page)
    for sentence in (
        "What has changed since your last assessment",
        "The council's rules changed since last time (version 2026.1 to 2027.1).",
        "Of this, ",
        " comes from the council's new rates and rules, and ",
        "How much help do you need to get out and use places and services",
    ):
        assert sentence in words, sentence
    assert focus().accessibleName() == "Continue to the budget"

    target = tmp_path / "review-letter.pdf"
    tab_to(named("Print the letter"))
    save_in_print_dialog(target)
    saved: list[str] = []

    def ok_when_saved() -> None:  # "The letter is saved as …" opens its own loop: Enter
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            saved.append(box.text())
            enter()
        else:
            QTimer.singleShot(200, ok_when_saved)

    QTimer.singleShot(600, ok_when_saved)
    enter()
    qtbot.waitUntil(
        lambda: bool(saved) and QApplication.activeModalWidget() is None, timeout=30_000
    )
    assert saved == [f"The letter is saved as {target}."] and target.exists()
    # Offscreen there is no window manager to give the window back its focus: do its job.
    win.activateWindow()
    win.page.continue_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for line in win.page.lines:  # every sentence on the page is in the letter
        assert " ".join(line.text().split()) in text, line.text()
    assert "DRAFT" in text

    tab_to(named("Continue to the budget"))
    enter()
    assert isinstance(win.page, ResultPage)
    assert "What has changed since your last assessment" in visible_text(win.page)


def test_an_old_draft_moves_to_the_new_ruleset_by_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    sha = install_next_year(tmp_path)
    win.go(("cases",))
    assert "Uses an older ruleset: open it to move it to the new one." in visible_text(win.page)
    type_text("John Evans")  # a draft half done, on last year's ruleset
    tab_to(lambda w: isinstance(w, QTabBar))
    key(Qt.Key.Key_Tab)  # into the drafts list; John is selected
    enter()
    assert isinstance(win.page, MoveRulesetPage)
    words = visible_text(win.page)
    assert "A newer ruleset is installed: move this draft to it?" in words
    assert "person: The rate changed: £4.20 → £4.50 a point, +7.1%." in words
    assert "Before: not worked out yet" in words and "6 answers carry over." in words
    case = win.case_uuid()
    assert focus().accessibleName() == "Move it to the new ruleset"
    enter()
    assert win.session.version(case)["ruleset_sha256"] == sha
    assert isinstance(win.page, QuestionPage)  # on with the first question not answered yet
    assert win.page.step.question.id == "home_tasks"
