"""WCAG 2.2 contrast in both looks, from the colour table and from the pixels the screen
shows: text 4.5:1 (3:1 when large), borders and indicators 3:1 (1.4.11), chosen states
3:1 against the others, and focus a 3:1 change over at least a 2 px perimeter (2.4.13) —
on every page and in every dialog (the Finalise confirmation, "Letter saved", the PIN,
the file dialog, an error).

``A11Y_CONTRAST_REPORT=path`` writes every measurement (widget, colours, ratio) as JSON;
docs/accessibility.md quotes the lowest of each kind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

from rasdesk.ui import theme
from rasdesk.ui.colours import COMPONENT, LARGE, PAIRS, TEXT, colours, contrast
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.result import ResultPage
from tests.ui.conftest import case_named
from tests.ui.fill import fill_answers
from tests.ui.pixels import (
    border_contrast,
    box_of,
    changed_colours,
    hex_of,
    image_of,
    measure,
)

REPORT: list[dict[str, object]] = []


def record(where: str, what: str, fg: str, bg: str, ratio: float, need: float) -> None:
    REPORT.append(
        {"where": where, "what": what, "fg": fg, "bg": bg, "ratio": round(ratio, 2), "need": need}
    )


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    path = os.environ.get("A11Y_CONTRAST_REPORT")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(REPORT, out, indent=1)


@pytest.mark.parametrize("high", [False, True], ids=["standard", "high-contrast"])
def test_every_pair_in_the_colour_table_is_enough(high: bool) -> None:
    table = colours(high)
    for what, fg, bg, need in PAIRS:
        ratio = contrast(getattr(table, fg), getattr(table, bg))
        record("colour table", what, getattr(table, fg), getattr(table, bg), ratio, need)
        assert ratio >= need, f"{what}: {ratio:.2f}:1 < {need}:1"


@pytest.mark.parametrize("high", [False, True], ids=["standard", "high-contrast"])
def test_qts_own_palette_follows_the_look(high: bool) -> None:
    from rasdesk.ui.modes import Modes

    palette = theme.palette(Modes(contrast=high))
    role = palette.ColorRole
    for fg, bg in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base),
        (role.Link, role.Base),
        (role.ToolTipText, role.ToolTipBase),
    ):
        a, b = palette.color(fg).name(), palette.color(bg).name()
        ratio = contrast(a, b)
        record("Qt palette", f"{fg.name} on {bg.name}", a, b, ratio, TEXT)
        assert ratio >= TEXT, f"{fg.name} on {bg.name}: {ratio:.2f}:1"


def is_large(widget: QWidget) -> bool:
    font = widget.font()
    return font.pointSizeF() >= 18 or (font.bold() and font.pointSizeF() >= 14)


def inset(widget: QWidget) -> int:
    """How far in a control's words start: inside its border and padding."""
    if isinstance(widget, QLineEdit | QAbstractButton) and not isinstance(
        widget, QRadioButton | QCheckBox
    ):
        return 8 * (2 if widget.font().pointSizeF() >= 26 else 1)
    return 0


def text_boxes(top: QWidget) -> Iterator[tuple[str, QWidget, QRect]]:
    """Every box of words a person reads in ``top``: labels, buttons, fields (their text or
    placeholder), tabs and list rows."""
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled() or widget.width() < 4:
            continue
        if widget.window() is not top.window():
            continue
        if isinstance(widget, QLabel):
            if widget.text().strip() and widget.pixmap().isNull():
                yield widget.text()[:40], widget, widget.rect()
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            pad = inset(widget)
            yield widget.text()[:40], widget, widget.rect().adjusted(pad, pad, -pad, -pad)
        elif isinstance(widget, QLineEdit) and (widget.text() or widget.placeholderText()):
            pad = inset(widget)
            words = widget.text() or widget.placeholderText()
            yield words[:40], widget, widget.rect().adjusted(pad, pad, -pad, -pad)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield widget.tabText(index), widget, widget.tabRect(index).adjusted(6, 6, -6, -6)
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                box = widget.visualItemRect(item).adjusted(2, 2, -2, -3)
                if box.isValid():
                    yield item.text()[:40], widget.viewport(), box


def check_text(where: str, top: QWidget, image: QImage) -> list[str]:
    failures = []
    for words, widget, rect in text_boxes(top):
        found = measure(image, box_of(widget, top, rect))
        if found is None:
            continue  # nothing drawn here (e.g. scrolled out of view)
        need = LARGE if is_large(widget) else TEXT
        record(where, words, hex_of(found.foreground), hex_of(found.background), found.ratio, need)
        if found.ratio < need:
            failures.append(
                f"{where}: {words!r} {hex_of(found.foreground)} on "
                f"{hex_of(found.background)} = {found.ratio:.2f}:1 < {need}"
            )
    return failures


def check_components(where: str, top: QWidget, image: QImage) -> list[str]:
    """Borders of answers, cards, fields and lists against what they stand on; radio and
    checkbox indicators (and their dot or tick when chosen) against their inside."""
    failures = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top.window():
            continue
        box = box_of(widget, top)
        if not box.intersects(image.rect()) or not image.rect().contains(box):
            continue
        if (isinstance(widget, QFrame) and widget.objectName() in ("choice", "card")) or (
            isinstance(widget, QLineEdit | QListWidget)
        ):
            ring, outside, ratio = border_contrast(image, box)
            what = f"{type(widget).__name__} {widget.objectName()} border"
        elif isinstance(widget, QRadioButton | QCheckBox) and not widget.text():
            found = measure(image, box)
            if found is None:
                continue
            ring, outside, ratio = found.foreground, found.background, found.ratio
            state = "chosen" if widget.isChecked() else "not chosen"
            what = f"{type(widget).__name__} indicator, {state}"
        else:
            continue
        record(where, what, hex_of(ring), hex_of(outside), ratio, COMPONENT)
        if ratio < COMPONENT:
            failures.append(f"{where}: {what} {hex_of(ring)} on {hex_of(outside)} {ratio:.2f}:1")
    return failures


def pages(win: MainWindow) -> list[tuple[str, tuple[object, ...]]]:
    john, alys = case_named(win, "John Evans"), case_named(win, "Alys Pritchard")
    return [
        ("case list", ("cases",)),
        ("new case", ("new", "person", None)),
        ("question (one answer chosen)", ("question", john, "washing", False)),
        ("question (ticks)", ("question", john, "home_tasks", False)),
        ("question (a number)", ("question", john, "night_help", False)),
        ("check answers", ("check", john)),
        ("budget (draft)", ("result", john)),
        ("budget (final)", ("result", alys)),
        ("locked", ("lock",)),
    ]


def set_look(win: MainWindow, high: bool, large: bool = False) -> None:
    for case in (None, *[c for c in win.session.case_modes]):
        modes = win.session.app_modes if case is None else win.session.modes_for(case)
        win.session.set_modes(case, replace(modes, contrast=high, large=large))


@pytest.mark.parametrize("high", [False, True], ids=["standard", "high-contrast"])
def test_every_page_as_rendered(qtbot, window: MainWindow, high: bool) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    fill_answers(window, john)
    for case in (john, case_named(window, "Alys Pritchard")):
        window.session.modes_for(case)
    set_look(window, high)
    failures: list[str] = []
    look = "high contrast" if high else "standard"
    for name, route in pages(window):
        window.go(route)
        qtbot.wait(30)
        image = image_of(window)
        failures += check_text(f"{look}, {name}", window, image)
        failures += check_components(f"{look}, {name}", window, image)
    assert not failures, "\n".join(failures)


def open_and_measure(qtbot, opener: Callable[[], object], where: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open a real dialog, measure it once it is up, close it."""
    failures: list[str] = []
    seen: list[QWidget] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        seen.append(dialog)
        QApplication.processEvents()
        image = image_of(dialog)
        failures.extend(check_text(where, dialog, image))
        # the dialog's own background against the text drawn on it
        found = measure(image, dialog.rect())
        if found is not None:
            record(
                where,
                "dialog background",
                hex_of(found.foreground),
                hex_of(found.background),
                found.ratio,
                TEXT,
            )
        dialog.close()

    QTimer.singleShot(100, look)
    opener()
    assert seen, f"{where}: no dialog opened"
    return failures


@pytest.mark.parametrize("high", [False, True], ids=["standard", "high-contrast"])
def test_every_dialog_as_rendered(qtbot, window: MainWindow, high: bool) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    fill_answers(window, john)
    window.open_case(john)
    set_look(window, high)
    window.go(("result", john))
    page = window.page
    assert isinstance(page, ResultPage)
    look = "high contrast" if high else "standard"
    failures = open_and_measure(qtbot, page._confirm, f"{look}, Finalise confirmation")
    failures += open_and_measure(
        qtbot,
        lambda: QMessageBox.information(window, "Letter saved", "The letter is saved as x.pdf."),
        f"{look}, Letter saved",
    )
    window.set_modes(window.modes().toggled("handed"))
    failures += open_and_measure(qtbot, window.take_back, f"{look}, PIN dialog")
    failures += open_and_measure(qtbot, lambda: window.choose_print(john), f"{look}, file dialog")
    from rasdesk.ui.errors import show_error

    failures += open_and_measure(
        qtbot, lambda: show_error(window, OSError(2, "No such file", "x.json")), f"{look}, error"
    )
    assert not failures, "\n".join(failures)


def focus_change(window: MainWindow, widget: QWidget) -> tuple[float, int, int]:
    """(the strongest common change, pixels changed by >= 3:1, a 2 px perimeter's pixels)
    when ``widget`` takes the keyboard; the box includes its answer row if it has one."""
    shown = widget.parentWidget() if widget.parentWidget().objectName() == "choice" else widget
    window.setFocus()
    QApplication.processEvents()
    before = image_of(window)
    widget.setFocus()
    QApplication.processEvents()
    after = image_of(window)
    box = box_of(shown, window).adjusted(-4, -4, 4, 4)
    pairs = changed_colours(before, after, box)
    strong = sum(n for (a, b), n in pairs.items() if contrast(a, b) >= COMPONENT)
    best = max((contrast(a, b) for (a, b) in pairs), default=1.0)
    return best, strong, 4 * (shown.width() + shown.height())


@pytest.mark.parametrize("high", [False, True], ids=["standard", "high-contrast"])
def test_focus_is_a_strong_enough_change(qtbot, window: MainWindow, high: bool) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    window.session.modes_for(john)
    set_look(window, high)
    look = "high contrast" if high else "standard"
    failures = []
    for name, route, pick in (
        ("a button", ("cases",), lambda p: p.open_button),
        ("the search box", ("cases",), lambda p: p.search),
        ("the case list", ("cases",), lambda p: p.lists["drafts"]),
        ("the tabs", ("cases",), lambda p: p.tabs.tabBar()),
        ("an answer", ("question", john, "washing", False), lambda p: p.answer.buttons[0]),
        ("a Change link", ("check", john), lambda p: next(iter(p.change_links.values()))),
    ):
        window.go(route)
        qtbot.wait(30)
        widget = pick(window.page)
        best, strong, perimeter = focus_change(window, widget)
        record(f"{look}, focus", name, "", "", best, COMPONENT)
        if strong < perimeter * 0.8:
            failures.append(
                f"{look}: focus on {name} changes {strong} px by >= 3:1; a 2 px ring is {perimeter}"
            )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("high", [False, True], ids=["standard", "high-contrast"])
def test_chosen_states_stand_out(qtbot, window: MainWindow, high: bool) -> None:  # type: ignore[no-untyped-def]
    """The chosen case in a (focused) list against the others; the current tab against the
    others; a mode that is on against one that is off."""
    set_look(window, high)
    window.go(("cases",))
    page = window.page
    lists = page.lists  # type: ignore[union-attr]
    lists["drafts"].setFocus()
    lists["drafts"].setCurrentRow(1)
    qtbot.wait(30)
    image = image_of(window)
    widget = lists["drafts"]
    chosen = measure(
        image, box_of(widget.viewport(), window, widget.visualItemRect(widget.item(1)))
    )
    other = measure(image, box_of(widget.viewport(), window, widget.visualItemRect(widget.item(0))))
    assert chosen is not None and other is not None
    pairs = [("chosen case against the others", chosen.background, other.background)]
    bar = page.tabs.tabBar()  # type: ignore[union-attr]
    current = measure(image, box_of(bar, window, bar.tabRect(bar.currentIndex())))
    another = measure(image, box_of(bar, window, bar.tabRect(1 if bar.currentIndex() == 0 else 0)))
    assert current is not None and another is not None
    pairs.append(("current tab against the others", current.background, another.background))
    # The focus shows on a primary button too (its own colours hid it: 'Continue to the
    # budget' has the focus as the check page opens).
    primary = page.findChild(QPushButton, "primary")
    assert primary is not None
    primary.setFocus()
    qtbot.wait(30)
    focused = measure(image_of(window), box_of(primary, window).adjusted(8, 8, -8, -8))
    lists["drafts"].setFocus()
    qtbot.wait(30)
    unfocused = measure(image_of(window), box_of(primary, window).adjusted(8, 8, -8, -8))
    assert focused is not None and unfocused is not None
    pairs.append(
        ("a primary button, focused against not", focused.background, unfocused.background)
    )
    window.act("large")
    # The looks live in the panel under "Looks": open it and read its own pixels.
    window.mode_bar.open_looks()
    panel = window.mode_bar.panel
    qtbot.waitUntil(panel.isVisible)
    on_button, off_button = window.mode_bar.buttons["large"], window.mode_bar.buttons["easy"]
    window.mode_bar.buttons["language"].setFocus()  # on and off, neither of them focused
    qtbot.wait(30)
    image = image_of(panel)
    on = measure(image, box_of(on_button, panel).adjusted(8, 8, -8, -8))
    off = measure(image, box_of(off_button, panel).adjusted(8, 8, -8, -8))
    on_button.setFocus()  # the focus shows on a mode that is on too (it hid there)
    qtbot.wait(30)
    on_focused = measure(image_of(panel), box_of(on_button, panel).adjusted(8, 8, -8, -8))
    panel.hide()
    assert on is not None and off is not None and on_focused is not None
    pairs.append(("a mode that is on against one that is off", on.background, off.background))
    pairs.append(("a mode that is on, focused against not", on_focused.background, on.background))
    look = "high contrast" if high else "standard"
    failures = []
    for what, a, b in pairs:
        ratio = contrast(a, b)
        record(f"{look}, states", what, hex_of(a), hex_of(b), ratio, COMPONENT)
        if ratio < COMPONENT:
            failures.append(f"{look}: {what}: {hex_of(a)} vs {hex_of(b)} = {ratio:.2f}:1")
    assert not failures, "\n".join(failures)
