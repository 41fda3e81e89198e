"""Driving the app by keyboard only, as a person without a mouse would: every key goes to
the widget that has the keyboard focus, and Tab is the only way to move it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _window() -> QWindow:
    """Keys go in through the window, as the window system delivers them, so Alt shortcuts
    work and the key reaches whatever has the focus."""
    focus()
    window = QGuiApplication.focusWindow()
    assert window is not None, "no window has the focus"
    return window


def key(k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(_window(), k, mods)


def type_text(text: str) -> None:
    for char in text:
        QTest.keyClick(_window(), char)


def digit(n: int) -> None:
    key(Qt.Key(Qt.Key.Key_0 + n))


def enter() -> None:
    key(Qt.Key.Key_Return)


def tab_to(wanted: Callable[[QWidget], bool], limit: int = 120) -> QWidget:
    """Press Tab until the focused widget is the one wanted (fails after ``limit`` tabs)."""
    for _ in range(limit):
        widget = focus()
        if wanted(widget):
            return widget
        key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the widget wanted (last: {focus()!r})")


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda w: w.accessibleName() == name


def visible_text(root: QWidget) -> str:
    """Every word a person could see or a screen reader could read in ``root``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QPlainTextEdit

    parts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        parts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QListWidget):
            parts += [widget.item(i).text() for i in range(widget.count())]
    return "\n".join(p for p in parts if p)
