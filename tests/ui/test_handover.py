"""Defect 2: "Hand to the person" cannot be escaped without the PIN. The walk presses every
control (and the mode bar's Alt keys, digits, Enter, Escape) on every page reachable while
handed over, and proves the person never reaches another case, the budget page, a
finalise or print action, the print, folder or file dialogs, or an amendment (nor do
those open when asked for directly); and that a wrong PIN in Take back says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QWidget

from rasdesk.storage.demo import DEMO_PIN
from rasdesk.storage.queries import list_cases
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pin_dialog import TakeBackDialog
from tests.ui.conftest import case_named
from tests.ui.drive import visible_text

ALLOWED = ("question", "check", "lock")


def close_dialogs_soon(opened: list[str]) -> QTimer:
    """Every modal dialog that opens is noted and closed (Take back: Cancel)."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        opened.append(type(dialog).__name__)
        dialog.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(close)
    timer.start()
    return timer


@pytest.fixture
def no_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    tried: list[str] = []
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(
            QFileDialog, name, lambda *a, _n=name, **k: tried.append(_n) or ("", "")
        )
    monkeypatch.setattr(QFileDialog, "exec", lambda *a, **k: tried.append("exec") or 0)
    from rasdesk.ui.amend import AmendDialog
    from rasdesk.ui.folder_dialog import FolderDialog
    from rasdesk.ui.print_dialog import PrintDialog

    for dialog in (PrintDialog, FolderDialog, AmendDialog):  # the app's own: none may open
        monkeypatch.setattr(
            dialog, "exec", lambda *a, _d=dialog, **k: tried.append(_d.__name__) or 0
        )
    yield tried


def controls(win: MainWindow, bar: bool) -> list[QWidget]:
    """Every visible control a person could press: buttons, links and the like (those of
    the mode bar, the same on every page, only when ``bar``)."""
    found: list[QWidget] = []
    for widget in win.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if not bar and win.mode_bar.isAncestorOf(widget):
            continue
        if isinstance(widget, QAbstractButton) or (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, QLineEdit)
            and widget.objectName() == "link"
        ):
            found.append(widget)
    return found


def press(widget: QWidget) -> None:
    if isinstance(widget, QAbstractButton):
        widget.click()
    else:
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Return)


def keys(win: MainWindow) -> None:
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
        QTest.keyClick(win, key)
    for letter in "ACEHKLOT":  # every Alt key the mode bar has ever had
        QTest.keyClick(win, Qt.Key(ord(letter)), Qt.KeyboardModifier.AltModifier)


def test_handed_over_no_way_out_but_the_pin(
    qtbot, window: MainWindow, no_file_dialogs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "John Evans")
    others = [c for c in list_cases(win.session.store) if c.case_uuid != case]
    secrets = [c.person_name for c in others] + [c.council_ref for c in others if c.council_ref]
    win.open_case(case)
    first = win.page
    assert isinstance(first, QuestionPage)
    win.go(("question", case, first.step.question.id, False))
    win.act("handed")
    assert win.modes().handed and win.handed_case == case
    opened: list[str] = []
    timer = close_dialogs_soon(opened)
    seen: set[tuple[object, ...]] = set()
    todo = [win.route]
    pressed = 0
    while todo:
        route = todo.pop()
        if route in seen:
            continue
        seen.add(route)
        win.go(route)
        bar = len(seen) == 1 or route[0] == "check"  # the bar: on the first page and the last
        count = len(controls(win, bar))
        for index in range(count):
            win.go(route)
            here = controls(win, bar)
            if index >= len(here):
                break
            press(here[index])
            pressed += 1
            qtbot.wait(1)
            if win.route[0] == "lock":
                assert win.page is not None and not any(s in visible_text(win) for s in secrets)
                win.locked_route, locked = None, win.locked_route
                win.route = locked or route  # back to the person's page without the PIN
                continue
            assert win.route[0] in ALLOWED, f"{here[index]!r} led to {win.route}"
            assert win.case_uuid() == case and win.modes().handed
            shown = visible_text(win)
            leaked = [s for s in secrets if s in shown]
            assert not leaked, f"{leaked} on screen after pressing {here[index]!r}"
            if win.route not in seen:
                todo.append(win.route)
        if bar:
            keys(win)
            assert win.route[0] in ALLOWED and win.case_uuid() == case
    # Even asked directly (a stray shortcut, a queued click): no print dialog, no folder
    # or file dialog, no amendment while the person holds the laptop.
    from rasdesk.ui import letter_print
    from rasdesk.ui.amend import amend_case
    from rasdesk.ui.letter_options import LetterChoice

    alys = case_named(win, "Alys Pritchard")  # finalised: amendable, printable
    before = win.session.version(alys)["version_uuid"]
    for case_id in (case, alys):
        win.choose_print(case_id)
        amend_case(win, case_id)
        letter_print.carry_out(
            win,
            case_id,
            LetterChoice("standard", "en", True, "save", "pdf", tmp_path, "letter.pdf"),
            lambda _v: opened.append("letter made"),
        )
        qtbot.wait(100)
    assert win.session.version(alys)["version_uuid"] == before  # nothing amended
    assert not list(tmp_path.iterdir())  # no letter saved
    assert not win.session.case(alys)["notes_on_letter"]  # no consent recorded
    timer.stop()
    assert no_file_dialogs == []
    assert set(opened) <= {"TakeBackDialog"}, opened
    kinds = {r[0] for r in seen}
    assert kinds == {"question", "check"}, kinds  # the walk reached the check page too
    assert len(seen) > 10 and pressed > 50
    assert win.session.is_draft(case)  # nothing finalised


def test_back_on_the_first_question_stays_with_the_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "Mary Lewis")  # just started: on the first question
    win.open_case(case)
    win.act("handed")
    page = win.page
    assert isinstance(page, QuestionPage) and page.step.number == 1
    assert not page.back.isVisible()
    page._back()  # even if reached some other way
    assert win.route[0] == "question" and win.case_uuid() == case


def test_a_finalised_case_cannot_be_handed_over(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "Alys Pritchard")
    win.open_case(case)
    assert win.route[0] == "result"
    assert not win.mode_bar.buttons["handed"].isVisible()
    win.act("handed")
    assert not win.modes().handed and win.handed_case is None


def test_a_wrong_pin_in_take_back_says_so_and_the_right_one_takes_it_back(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "John Evans")
    win.open_case(case)
    win.act("handed")
    said: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TakeBackDialog)
        dialog.entry.pin.setText("9999")
        dialog.ok.click()
        said.append(dialog.entry.message.text() if dialog.isVisible() else "closed")
        dialog.entry.pin.setText(DEMO_PIN)
        dialog.ok.click()

    QTimer.singleShot(50, answer)
    win.act("handed")
    assert said and "not right" in said[0]
    assert not win.modes().handed and win.handed_case is None
    assert win.mode_bar.buttons["cases"].isVisible()
