"""From the questionnaire to the decision letter, by keyboard only: a person's assessment
answered and finalised, then a support plan with three items (above the indicative
amount), the case waiting for a decision in the case list, the decision recorded with
reasons, and the decision letter saved through the app's own print dialog (Tab and Enter
in it too) and read back with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTabBar

import rasdesk.ui.print_dialog as print_dialog
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.decision import DecisionPage
from rasdesk.ui.pages.plan import PlanPage
from rasdesk.ui.pages.plan_summary import PlanSummaryPage
from rasdesk.ui.pages.result import ResultPage
from rasdesk.ui.print_dialog import PrintDialog
from tests.ui.drive import enter, key, named, tab_to, type_text, visible_text
from tests.ui.test_walk import answer, finalise_by_keyboard

ITEMS = (
    ("Personal care", "Helping Hands agency", "10", "hours", "24.50"),
    ("Day service", "Bryn day centre", "2", "days", "40.00"),
    ("Sitting service", "Crossroads carers", "3", "hours", "19.00"),
)
REASONS = "Two carers are needed for every transfer, which the questionnaire does not ask about."


def settle_focus(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """After a progress dialog closes, the window system gives the window back its focus
    (offscreen there is no window manager to do it): the page's first focus then has it."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)


def tab() -> None:
    key(Qt.Key.Key_Tab)


def save_through_the_dialog(qtbot, win: MainWindow) -> list[str]:  # type: ignore[no-untyped-def]
    """Tab to "Print the decision letter", Enter; in the print dialog Tab to Save, Enter;
    the message that says where the letter went, closed. What was seen, in order: the
    dialog's title, the file name it offered, and the message."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PrintDialog):
            seen.extend([dialog.windowTitle(), dialog.name.text()])
            tab_to(named("Save"))
            enter()
        elif isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            dialog.accept()  # offscreen nothing in a message box has the focus to press
            return
        QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    tab_to(named("Print the decision letter"))
    enter()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=60_000)
    return seen


def test_questionnaire_to_decision_letter_by_keyboard(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(print_dialog, "_last_folder", tmp_path)
    win = window
    tab_to(named("New assessment"))
    enter()
    type_text("Gwen Morgan")
    enter()
    case = win.case_uuid()
    assert case is not None
    for qid, digits, text in (
        ("eating_drinking", (2,), None),
        ("washing", (3,), None),
        ("toilet", (2,), None),
        ("dressing", (3,), None),
        ("moving", (2,), None),
        ("falls", (2,), None),
        ("home_tasks", (1, 2), None),
        ("relationships", (2,), None),
        ("activities", (1,), None),
        ("getting_out", (3,), None),
        ("safety", (2,), None),
        ("night_help", (), "3"),
        ("carer_support", (3,), None),
        ("carer_willing", (1,), None),
    ):
        answer(win, qid, *digits, text=text)
    assert isinstance(win.page, CheckAnswersPage)
    tab_to(named("Continue to the budget"))
    enter()
    assert isinstance(win.page, ResultPage) and win.page.weekly.text() == "£301.20 a week"
    finalise_by_keyboard(qtbot, win, case)
    settle_focus(qtbot, win)
    tab_to(named("Support plan"))
    enter()
    for number, (kind, provider, quantity, unit, rate) in enumerate(ITEMS):
        assert isinstance(win.page, PlanPage)
        # The list is as tall as its rows ("No items yet." or the items so far), not a
        # tall blank box: it grows by a row per item.
        rows = max(number, 1)
        row_height = win.page.items.row_height(0)
        assert rows * row_height <= win.page.items.height() <= rows * row_height + 12
        assert QApplication.focusWidget() is win.page.fields["kind"]
        for text in (kind, provider, quantity, unit):
            type_text(text)
            tab()
        type_text(rate)
        enter()  # adds the item; the page opens again on "Kind of support"
    assert isinstance(win.page, PlanPage) and win.page.items.count() == 3
    # 245.00 + 80.00 + 57.00 = £382.00 a week against £301.20: above the indicative amount
    assert "£382.00 a week" in win.page.totals.text() and "above" in win.page.totals.text()
    tab_to(named("How the budget is managed"))
    key(Qt.Key.Key_Down)  # Direct Payment
    tab_to(named("Finalise the plan"))
    enter()
    assert isinstance(win.page, PlanSummaryPage)
    assert "waiting for a decision" in win.page.status.text()
    assert win.session.store.case_row(case)["decision_status"] == "waiting"

    tab_to(named("Cases"))  # the mode bar's button (a toggle bar: Space presses it)
    key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: win.route[0] == "cases", timeout=5_000)
    tab_to(lambda w: isinstance(w, QTabBar))
    key(Qt.Key.Key_Right)  # "Waiting to send": the plan is finalised, not yet sent
    line = next(t for t in visible_text(win).splitlines() if "Gwen Morgan" in t)
    assert "waiting for a decision" in line
    tab()  # into that list: the newest change, Gwen's, is selected
    enter()
    assert isinstance(win.page, PlanSummaryPage)

    tab_to(named("Record the decision"))
    enter()
    assert isinstance(win.page, DecisionPage)
    type_text("350.00")
    tab()
    type_text("Resource allocation panel")
    tab_to(named("Record the decision"))
    enter()  # no reasons: refused, the reason box named, nothing saved
    assert isinstance(win.page, DecisionPage) and "reason:" in win.page.error.text()
    assert win.session.store.case_row(case)["decision_status"] == "waiting"
    tab_to(named("Reason category"))
    key(Qt.Key.Key_Down)  # needs the questionnaire did not capture
    tab_to(named("Reasons, in words the person will read"))
    type_text(REASONS)
    tab_to(named("Record the decision"))
    enter()
    assert isinstance(win.page, PlanSummaryPage)
    assert "£350.00 a week" in win.page.final.text()
    assert win.session.store.case_row(case)["decision_status"] == "decided"

    settle_focus(qtbot, win)
    seen = save_through_the_dialog(qtbot, win)
    ref = case[:8]  # no council reference was recorded: the case's short id
    number = win.session.version(case)["number"]  # the version that carries the decision
    target = tmp_path / f"decision-letter-{ref}-v{number}.pdf"
    assert seen == [
        "Print or save the decision letter",
        target.name,
        f"The letter is saved as {target}.",
    ]
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for words in (
        "Your personal budget is £350.00 a week",
        "£301.20 a week",
        "£382.00 a week",
        "Two carers are needed for every transfer",
        "Direct Payment",
        "If you disagree with the decision",
    ):
        assert words in text, words
