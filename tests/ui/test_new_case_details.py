"""The new-case page records the national return's details by keyboard alone, and refuses
an NHS number with a wrong check digit, naming the field."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.new_case import NewCasePage
from tests.ui.conftest import case_named
from tests.ui.drive import focus, key


def tab_to(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``widget`` has the keyboard (as a keyboard user would)."""
    for _ in range(60):
        if focus() is widget:
            return
        key(Qt.Key.Key_Tab)
        qtbot.wait(5)
    raise AssertionError(f"Tab never reached {widget.accessibleName()}")


def test_details_recorded_by_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.go(("new", "person", None))
    page = window.page
    assert isinstance(page, NewCasePage)
    fields = page.case_details
    page.name.setFocus()
    qtbot.keyClicks(focus(), "Nia Keyboard")
    tab_to(qtbot, fields.nhs)
    qtbot.keyClicks(focus(), "943 476 5919")
    tab_to(qtbot, fields.reason)
    for _ in range(8):  # the 8th: "Mental Health Support"
        key(Qt.Key.Key_Down)
    tab_to(qtbot, fields.method)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Down)  # Service user only
    tab_to(qtbot, fields.eligible)
    key(Qt.Key.Key_Down)  # Yes
    tab_to(qtbot, fields.carer)
    for _ in range(3):
        key(Qt.Key.Key_Down)  # Unknown
    tab_to(qtbot, fields.nhs)
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isinstance(window.page, NewCasePage), timeout=5000)
    row = window.session.store.db.execute(
        "SELECT details FROM cases WHERE case_uuid = ?", (case_named(window, "Nia Keyboard"),)
    ).fetchone()
    assert json.loads(row[0]) == {
        "nhs_number": "9434765919",
        "primary_support_reason": "Mental Health Support",
        "method_of_assessment": "Service user only",
        "eligible_needs_identified": "Yes",
        "has_unpaid_carer": "Unknown",
    }


def test_a_wrong_nhs_number_is_refused_naming_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.go(("new", "person", None))
    page = window.page
    assert isinstance(page, NewCasePage)
    page.name.setFocus()
    qtbot.keyClicks(focus(), "Wyn Wrongdigit")
    tab_to(qtbot, page.case_details.nhs)
    qtbot.keyClicks(focus(), "943 476 5918")
    key(Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.page is page and page.summary is not None
    assert "NHS number" in page.summary.accessibleDescription()
    assert focus() is page.summary.links[0]
    key(Qt.Key.Key_Return)  # follow the link to the field
    QApplication.processEvents()
    assert focus() is page.case_details.nhs
    count = window.session.store.db.execute(
        "SELECT count(*) FROM cases WHERE person_name = 'Wyn Wrongdigit'"
    ).fetchone()[0]
    assert count == 0
