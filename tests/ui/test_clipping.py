"""Nothing clipped in large print (issue 12, points 3 and 9; issue 13, point 7): a focused
button keeps room for its words (its thicker focus border used to eat 8 px of them:
"Print the letter", "Take back"), and every case-list tab, the fourth one in Welsh
("Angen sylw") above all, is shown at the size it needs whichever tab is chosen and has the
keyboard, at 1024 px and at 1366 px."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
)

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.case_list import CaseListPage
from tests.ui.conftest import case_named


def needed_when_focused(button: QPushButton) -> tuple[int, int]:
    """The size the style asks for this button's words in its present (focused) state."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    words = button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, button.text())
    size = button.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, words, button)
    return size.width(), size.height()


def clipped_when_focused(window: MainWindow) -> list[str]:
    found = []
    for button in window.findChildren(QPushButton):
        if not button.isVisible() or not button.text() or button.window() is not window:
            continue
        button.setFocus()
        QApplication.processEvents()
        assert button.hasFocus()
        width, height = needed_when_focused(button)
        if width > button.width() or height > button.height():
            found.append(
                f"{button.text()!r} needs {width}×{height}, shown {button.width()}×{button.height()}"
            )
    return found


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_focused_button_keeps_room_for_its_words(window: MainWindow, language: str) -> None:
    window.set_modes(replace(window.modes(), large=True, language=language))
    assert clipped_when_focused(window) == []
    alys = case_named(window, "Alys Pritchard")
    window.go(("result", alys))
    window.set_modes(replace(window.modes(), large=True, language=language))
    assert clipped_when_focused(window) == []


@pytest.mark.parametrize("width", [1024, 1366])
def test_every_case_tab_is_shown_at_the_size_it_needs_in_welsh(
    window: MainWindow, width: int
) -> None:
    window.resize(width, 700)
    window.set_modes(replace(window.modes(), large=True, language="cy"))
    page = window.page
    assert isinstance(page, CaseListPage)
    bar = page.tabs.tabBar()
    assert bar.tabText(3).replace("\n", " ").startswith("Angen sylw")
    for index in range(bar.count()):
        bar.setCurrentIndex(index)
        bar.setFocus()  # bold and the focus border: the widest a tab gets
        QApplication.processEvents()
        # Qt's own measure of this tab as it is now, against the room it was given.
        needed = QTabBar.tabSizeHint(bar, index)
        shown = bar.tabRect(index)
        name = repr(bar.tabText(index))
        assert needed.width() <= shown.width(), (
            f"{name} needs {needed.width()}, shown {shown.width()}"
        )
        assert needed.height() <= shown.height(), f"{name} is cut off at the bottom"
        assert shown.right() < bar.width(), f"{name} runs past the tab bar ({bar.width()} px)"
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        assert not arrows, f"the tabs do not fit: scroll arrows shown with {name} chosen"
