"""What a screen reader is given, read through Qt's own accessibility interfaces (the same
ones its AT-SPI / UI Automation bridges read): headings, links named for what they change,
a named group of answers with "1 of 4" positions, arrival and error announcements, the
invalid mark on a field. scripts/stage-a11y.sh checks the same over real AT-SPI and Orca."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from rasdesk.ui import accessible
from rasdesk.ui.accessible import role_of
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.lock import LockPage
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from tests.ui.conftest import case_named
from tests.ui.drive import enter, focus, key, type_text
from tests.ui.test_access_and_setup import routes


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_every_page_has_a_heading_a_screen_reader_knows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for route in routes(window):
        window.go(route)
        assert window.page is not None
        headings = [
            w
            for w in window.page.findChildren(QLabel)
            if w.isVisible() and role_of(w) == QAccessible.Role.Heading
        ]
        assert headings, f"{route[0]}: no heading role on the page"
        assert name_of(headings[0]).strip(), route


def test_arrival_at_a_question_says_the_question_and_names_the_answers(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    window.go(("question", john, "washing", False))
    page = window.page
    assert isinstance(page, QuestionPage)
    question = page.heading.text()
    assert accessible.said[-1] == question  # announced as the page opens
    # Orca 43 speaks the announcer's showing: it stays shown though the status line is not,
    # and takes no room (the question is not shown twice).
    announcer = window.findChild(QLabel, accessible.ANNOUNCER)
    assert announcer is not None and announcer.isVisible() and announcer.text() == question
    assert role_of(announcer) == QAccessible.Role.Notification
    assert not window.statusBar().isVisible() and announcer.height() == 0
    group = page.answer
    assert role_of(group) == QAccessible.Role.Grouping
    assert name_of(group) == question
    first = focus()
    description = QAccessible.queryAccessibleInterface(first).text(QAccessible.Text.Description)
    total = len(page.step.question.options)
    position = page.answer.buttons.index(first) + 1  # type: ignore[union-attr, arg-type]
    assert description.startswith(f"{position} of {total}."), description


def test_arrival_at_the_budget_says_the_figure(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    alys = case_named(window, "Alys Pritchard")
    window.go(("result", alys))
    page = window.page
    assert isinstance(page, ResultPage)
    weekly = page.weekly.text()  # "£… a week"
    assert weekly.startswith("£")
    assert weekly in accessible.said[-1]
    heading = page.findChild(QLabel, "h1")
    assert weekly in name_of(heading)


def test_change_links_are_one_tab_stop_each_named_for_their_question(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    window.go(("check", john))
    page = window.page
    assert isinstance(page, CheckAnswersPage)
    links = list(page.change_links.values())
    names = [name_of(w) for w in links]
    assert len(set(names)) == len(names), "two Change links sound the same"
    assert all(n.startswith("Change: ") and len(n) > len("Change: ") for n in names)
    assert all(role_of(w) == QAccessible.Role.Link for w in links)
    links[0].setFocus()
    key(Qt.Key.Key_Tab)
    assert focus() is links[1], f"the second Tab went to {focus()!r}, not the next link"
    enter()
    assert isinstance(window.page, QuestionPage)


def test_a_wrong_pin_is_announced_and_marks_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.lock()
    page = window.page
    assert isinstance(page, LockPage)
    type_text("0000")
    enter()
    assert "PIN is not right" in accessible.said[-1]
    field = focus()
    assert isinstance(field, QLineEdit)
    assert field.property("invalid") is True
    description = QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Description)
    assert description.startswith("Invalid entry: That PIN is not right")


def test_a_mistyped_number_is_announced_and_marks_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    window.go(("question", john, "night_help", False))
    field = focus()
    assert isinstance(field, QLineEdit)
    field.clear()
    type_text("lots")
    assert accessible.said[-1] == "Enter a number, like 3"
    assert field.property("invalid") is True
    key(Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
    field.setText("3")
    assert field.property("invalid") is False
    description = QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Description)
    assert "Invalid" not in description
