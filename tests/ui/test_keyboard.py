"""Defect 9, keyboard: Enter on a focused bar button presses it; Enter pressed again and
again from the check page never finalises (the confirmation defaults to "Not yet")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.lock import LockPage
from rasdesk.ui.pages.result import ResultPage
from tests.ui.conftest import case_named
from tests.ui.drive import enter, named, tab_to


def test_enter_on_a_focused_bar_button_presses_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.mode_bar.buttons["lock"].setFocus()
    enter()
    assert isinstance(window.page, LockPage)


def test_four_enters_from_the_check_page_do_not_finalise(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "Rhys Pritchard")  # a carer's draft, one answer short
    answers = win.session.questionnaire(case)
    missing = [q for q in answers.questions() if q.id not in win.session.answers(case)]
    for question in missing:
        win.session.store.set_answer(case, question.id, question.options[0].id)
    win.go(("check", case))
    assert isinstance(win.page, CheckAnswersPage)
    dialogs: list[str] = []

    def enter_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            focused = dialog.focusWidget()
            assert isinstance(focused, QPushButton)
            dialogs.append(focused.text())
            QTest.keyClick(focused, Qt.Key.Key_Return)

    timer = QTimer()
    timer.timeout.connect(enter_in_dialog)
    timer.start(50)
    tab_to(named("Continue to the budget"))
    enter()
    assert isinstance(win.page, ResultPage)
    finalise = tab_to(named("Finalise"))
    for _ in range(3):
        finalise.setFocus()  # offscreen, a closed dialog does not give the focus back
        QTest.keyClick(finalise, Qt.Key.Key_Return)
        qtbot.wait(120)
    timer.stop()
    assert win.session.is_draft(case), "four presses of Enter finalised the case"
    assert dialogs and set(dialogs) == {"Not yet"}


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_looks_and_each_look_answer_enter_as_well_as_space(
    qtbot, window: MainWindow, key: Qt.Key
) -> None:  # type: ignore[no-untyped-def]
    """Looks opens its panel, and a look in it turns on, with Enter (either Enter key) as
    with Space."""
    bar = window.mode_bar
    looks = bar.buttons["looks"]
    looks.setFocus()
    press(looks, key)
    qtbot.waitUntil(bar.panel.isVisible, timeout=2000)
    large = bar.buttons["large"]
    assert QApplication.focusWidget() is large
    press(large, key)
    assert window.modes().large, f"{QKeySequence(key).toString()} did not turn large print on"
    assert not window.mode_bar.panel.isVisible()
    looks = window.mode_bar.buttons["looks"]
    looks.setFocus()
    press(looks, key)
    qtbot.waitUntil(window.mode_bar.panel.isVisible, timeout=2000)
    contrast = window.mode_bar.buttons["contrast"]
    contrast.setFocus()
    press(contrast, key)
    assert window.modes().contrast and window.modes().large


def press(widget: QWidget, key: Qt.Key) -> None:
    """A key pressed and let go on ``widget``, as the keyboard does (Space acts on release)."""
    QTest.keyPress(widget, key)
    QTest.keyRelease(widget, key)
    QApplication.processEvents()
