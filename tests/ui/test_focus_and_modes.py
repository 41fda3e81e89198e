"""Focus a low-vision or keyboard user can follow, and the looks: Tab follows the order on
screen, focus starts where the eye starts and is always scrolled into view, the scroll area
is no Tab stop; the mode buttons show and say whether they are on, no two Alt keys clash,
the look chosen on the case list is kept when a case opens, and Welsh mode tells assistive
technology the words are Welsh."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from rasdesk.ui import accessible
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.new_case import NewCasePage
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from tests.ui.conftest import case_named
from tests.ui.drive import enter, focus, key
from tests.ui.fill import fill_answers
from tests.ui.test_access_and_setup import routes


def place(win: MainWindow, widget: QWidget) -> tuple[int, QRect]:
    """Where ``widget`` is drawn: band 0 the bar at the top, 1 the page (in the page's own
    coordinates, whatever the scrolling), 2 anything else below."""
    assert win.page is not None
    content = win.page.scroll.widget()
    if content.isAncestorOf(widget):
        return 1, QRect(widget.mapTo(content, QPoint(0, 0)), widget.size())
    top_left = widget.mapTo(win, QPoint(0, 0))
    band = 0 if win.mode_bar.isAncestorOf(widget) else 2
    return band, QRect(top_left, widget.size())


def reads_before(a: tuple[int, QRect], b: tuple[int, QRect]) -> bool:
    """Whether a reader meets ``a`` before ``b``: a higher band, a line above, or the same
    line further left."""
    if a[0] != b[0]:
        return a[0] < b[0]
    ra, rb = a[1], b[1]
    if rb.top() >= ra.bottom() - 4:
        return True
    same_line = rb.top() < ra.bottom() and ra.top() < rb.bottom()
    return same_line and rb.left() >= ra.right() - 4


def tab_cycle(win: MainWindow) -> list[QWidget]:
    """Tab from the page's first stop round to it again."""
    key(Qt.Key.Key_Tab)
    start, seen = focus(), []
    for _ in range(80):
        seen.append(focus())
        key(Qt.Key.Key_Tab)
        if focus() is start:
            return seen
    raise AssertionError(f"Tab never came back to {start!r}")


def test_tab_follows_the_order_on_screen_on_every_page(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for route in routes(window):
        window.go(route)
        qtbot.wait(20)
        stops = tab_cycle(window)
        assert not any(isinstance(w, QScrollArea) for w in stops), f"{route[0]}: scroll area"
        places = [place(window, w) for w in stops]
        breaks = [
            i for i in range(len(stops)) if not reads_before(places[i - 1], places[i])
        ]  # i - 1 wraps round: the last stop before the first
        names = [w.accessibleName() for w in stops]
        assert len(breaks) == 1, f"{route[0]}: Tab jumps back at {[names[i] for i in breaks]}"
        first = stops[breaks[0]]
        if window.mode_bar.isVisible():
            assert window.mode_bar.isAncestorOf(first), f"{route[0]}: Tab wraps to {first!r}"


def visible_in_page(win: MainWindow, widget: QWidget) -> bool:
    """All of ``widget`` is in view, or (taller than the view) its top is at the top."""
    assert win.page is not None
    viewport = win.page.scroll.viewport()
    box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    if box.height() > viewport.height():
        return 0 <= box.top() <= 24
    return viewport.rect().contains(box)


def test_the_budget_page_starts_at_its_heading_not_at_finalise(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    fill_answers(window, john)
    window.go(("result", john))
    page = window.page
    assert isinstance(page, ResultPage) and not page.final  # Finalise is on the page
    qtbot.wait(20)
    assert focus() is page.heading
    assert visible_in_page(window, focus())
    enter()  # Enter on the heading does nothing: nothing is finalised unseen
    assert isinstance(window.page, ResultPage)


def test_the_check_page_starts_at_its_heading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    fill_answers(window, john)
    window.go(("check", john))
    page = window.page
    assert isinstance(page, CheckAnswersPage) and page.summary is None
    qtbot.wait(20)
    assert focus() is page.findChild(QLabel, "h1")  # not Continue, at the foot of the list
    assert visible_in_page(window, focus())
    assert page.scroll.verticalScrollBar().value() == 0  # the first answers are in view


def test_focus_is_scrolled_into_view_in_large_print(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    window.go(("question", john, "washing", False))
    window.set_modes(replace(window.modes(), large=True))
    page = window.page
    assert isinstance(page, QuestionPage)
    qtbot.waitUntil(lambda: visible_in_page(window, focus()), timeout=2000)
    for _ in range(len(page.answer.buttons) + 2):  # type: ignore[union-attr]
        key(Qt.Key.Key_Tab)
        qtbot.wait(10)
        if page.scroll.widget().isAncestorOf(focus()):
            assert visible_in_page(window, focus()), f"{focus().accessibleName()} off screen"


def test_after_a_new_case_error_tab_goes_on_to_the_form(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.go(("new", "person", None))
    page = window.page
    assert isinstance(page, NewCasePage)
    enter()  # no name: the error summary appears and takes the focus
    assert page.summary is not None and focus() is page.summary.links[0]
    assert "full name" in accessible.said[-1]
    key(Qt.Key.Key_Tab)
    assert focus() is page.name, f"Tab went to {focus()!r}"


def mnemonics(win: MainWindow) -> dict[str, str]:
    texts = [
        b.text() for b in win.findChildren(QAbstractButton) if b.isVisible() and "&" in b.text()
    ]
    return {t: QKeySequence.mnemonic(t).toString() for t in texts}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_no_two_alt_keys_clash_in_a_case_handed_over_or_not(
    qtbot, window: MainWindow, language: str
) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    window.go(("question", john, "washing", False))
    if language == "cy":
        window.act("language")
    for handed in (False, True):
        if handed:
            window.set_modes(window.modes().toggled("handed"))
        keys = mnemonics(window)
        assert len(set(keys.values())) == len(keys), keys


def test_mode_buttons_show_and_say_whether_they_are_on(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    button = window.mode_bar.buttons["contrast"]
    assert not button.isChecked() and button.accessibleName() == "High contrast: off"
    window.act("contrast")
    button = window.mode_bar.buttons["contrast"]
    assert button.isChecked() and button.text().startswith("✓")
    assert button.accessibleName() == "High contrast: on"
    assert accessible.said[-1] == "High contrast: on"
    off = window.mode_bar.buttons["large"].grab().toImage().pixelColor(8, 8)
    on = button.grab().toImage().pixelColor(8, 8)
    assert on != off, "a mode that is on looks the same as one that is off"


def test_high_contrast_and_welsh_from_the_case_list_are_kept_in_a_case(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.act("contrast")
    window.act("language")
    window.open_case(case_named(window, "John Evans"))
    assert isinstance(window.page, QuestionPage)
    assert window.modes().contrast and window.modes().language == "cy"


def test_welsh_mode_sets_the_accessibility_locale(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert QLocale().language() == QLocale.Language.English
    language_button = window.mode_bar.buttons["language"]
    assert language_button.locale().language() == QLocale.Language.Welsh  # "Cymraeg"
    window.act("language")
    assert QLocale().language() == QLocale.Language.Welsh
    assert window.page is not None and window.page.locale().language() == QLocale.Language.Welsh
    language_button = window.mode_bar.buttons["language"]
    assert language_button.locale().language() == QLocale.Language.English  # "English"
    QApplication.processEvents()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_case_tab_is_whole_at_200_percent(qtbot, window: MainWindow, language: str) -> None:  # type: ignore[no-untyped-def]
    window.set_modes(replace(window.modes(), large=True, language=language))
    qtbot.wait(20)
    bar = window.page.tabs.tabBar()  # type: ignore[union-attr]
    for index in range(bar.count()):
        assert bar.tabRect(index).right() < bar.width(), f"{bar.tabText(index)!r} is cut off"


def test_a_sha256_does_not_widen_the_budget_page_at_200_percent(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    alys = case_named(window, "Alys Pritchard")
    window.go(("result", alys))
    window.set_modes(replace(window.modes(), large=True))
    qtbot.wait(20)
    page = window.page
    assert page is not None
    content, viewport = page.scroll.widget(), page.scroll.viewport()
    assert content.width() <= viewport.width(), (
        f"the budget page is {content.width()} px wide in a {viewport.width()} px view"
    )
