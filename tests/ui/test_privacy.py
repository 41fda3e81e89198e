"""Privacy at the table: the lock hides every trace of the case (and of other people),
comes after the inactivity time, and gives the same page back with the PIN; handing the
laptop to the person hides the assessor's help and notes and the way to other cases."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from rasdesk.storage.demo import DEMO_PIN
from rasdesk.storage.queries import list_cases
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.lock import LockPage
from rasdesk.ui.pages.question import QuestionPage
from tests.ui.conftest import case_named
from tests.ui.drive import digit, enter, type_text, visible_text


def open_john(win: MainWindow) -> str:
    case = case_named(win, "John Evans")
    win.open_case(case)
    assert isinstance(win.page, QuestionPage)
    return case


def test_the_lock_hides_all_case_data_and_unlocks_to_the_same_page(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = open_john(win)
    before = win.route
    question = win.page.step.question  # type: ignore[union-attr]
    secrets = [c.person_name for c in list_cases(win.session.store)]
    secrets += ["WX-109876", question.text.en, question.options[0].text.en, "1939"]
    assert "John Evans" not in visible_text(win)  # the name is never in the window anyway
    assert question.text.en in visible_text(win)  # but the question is, before the lock

    win.inactivity.set_interval_ms(50)
    qtbot.waitUntil(lambda: isinstance(win.page, LockPage), timeout=5_000)
    shown = visible_text(win)
    for secret in secrets:
        assert secret not in shown, f"{secret!r} is on screen while locked"
    assert not win.mode_bar.isVisible()

    win.inactivity.set_interval_ms(600_000)
    type_text("0000")
    enter()
    assert isinstance(win.page, LockPage), "a wrong PIN unlocked the app"
    type_text(DEMO_PIN)
    enter()
    assert win.route == before and win.case_uuid() == case


def test_typing_and_clicking_hold_the_lock_off(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The clock starts again on every key and click anywhere in the window (the app-wide
    filter is installed once the event loop runs, not while the first page is built)."""
    win = window
    case = open_john(win)
    page = win.page
    assert isinstance(page, QuestionPage) and page.notes is not None
    page.notes.setFocus()
    win.inactivity.set_interval_ms(1_000)
    for n in range(25):  # 2.5 s of use: over twice the clock, never locked
        qtbot.wait(100)
        if n % 5 == 4:
            QTest.mouseClick(page.notes, Qt.MouseButton.LeftButton)
        else:
            type_text("a")
        assert not isinstance(win.page, LockPage), f"locked while in use ({n * 100} ms)"
    assert win.case_uuid() == case
    qtbot.waitUntil(lambda: isinstance(win.page, LockPage), timeout=5_000)  # then left alone
    win.inactivity.set_interval_ms(600_000)


def test_typing_in_a_dialog_holds_the_lock_off(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A dialog is a window of its own: its keys count too (each top-level window is
    watched as it gets the focus)."""
    win = window
    open_john(win)
    dialog = QDialog(win)
    box = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(box)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=5_000)
    win.inactivity.set_interval_ms(1_000)
    for n in range(25):
        qtbot.wait(100)
        type_text("a")
        assert not isinstance(win.page, LockPage), f"locked while typing ({n * 100} ms)"
    assert box.text() == "a" * 25
    dialog.close()
    win.inactivity.set_interval_ms(600_000)


def test_typing_is_saved_before_the_lock(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = open_john(win)
    page = win.page
    assert isinstance(page, QuestionPage) and page.notes is not None
    page.notes.setFocus()
    type_text("I manage most days")  # no pause: the lock must save it
    win.lock()
    assert win.session.notes(case)[page.step.question.id] == "I manage most days"


def test_hand_to_the_person_hides_help_notes_and_other_cases(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    open_john(win)
    page = win.page
    assert isinstance(page, QuestionPage)
    # John reads in large print: the assessor's help is folded behind its own button.
    assert win.modes().large
    assert page.notes is not None and "Help for the assessor" in visible_text(win)
    win.act("large")  # in standard print it is shown as it is
    assert "For the assessor" in visible_text(win)
    win.act("handed")
    page = win.page
    assert isinstance(page, QuestionPage)
    assert page.notes is None
    assert "For the assessor" not in visible_text(win)
    win.act("large")
    assert "Help for the assessor" not in visible_text(win)  # nor folded
    assert not win.mode_bar.buttons["cases"].isVisible()
    digit(2)  # the person can still answer
    enter()
    # Taking it back needs the PIN (tests/ui/test_handover.py: a wrong one says so).
    QTimer.singleShot(50, lambda: take_back_with("9999"))
    win.act("handed")
    assert win.modes().handed
    QTimer.singleShot(50, lambda: take_back_with(DEMO_PIN))
    win.act("handed")
    assert not win.modes().handed and win.mode_bar.buttons["cases"].isVisible()


def take_back_with(pin: str) -> None:
    from PySide6.QtWidgets import QApplication

    from rasdesk.ui.pin_dialog import TakeBackDialog

    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, TakeBackDialog)
    dialog.entry.pin.setText(pin)
    dialog.ok.click()
    if dialog.isVisible():
        dialog.reject()


def test_number_keys_pick_and_enter_continues(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = open_john(win)
    page = win.page
    assert isinstance(page, QuestionPage)
    qid = page.step.question.id
    digit(3)
    chosen = page.step.question.options[2].id
    assert win.session.answers(case)[qid] in (chosen, (chosen,))  # saved at once
    enter()
    assert isinstance(win.page, QuestionPage) and win.page.step.question.id != qid
