"""The window's size: it opens inside the screen's available area (1366×768 laptops lose
a panel to the desktop), at the size it last had, and is remembered in
``window.json`` in the user's config folder (a size only: no personal data)."""

from __future__ import annotations

import contextlib
import json

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from rasdesk.platform import paths
from rasdesk.platform.files import write_atomic

WANTED = QSize(1100, 800)  # a comfortable size where the screen has room for it
SMALLEST = QSize(640, 480)


def _saved() -> tuple[QSize | None, bool]:
    try:
        data = json.loads((paths.config_dir() / "window.json").read_text("utf-8"))
        size = QSize(int(data["width"]), int(data["height"]))
        return (size if size.isValid() else None), bool(data.get("maximised", False))
    except (OSError, ValueError, KeyError, TypeError):
        return None, False


def available() -> QRect:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def place(window: QWidget, area: QRect | None = None) -> None:
    """Size and centre ``window`` inside the available screen ``area``. A first start on a
    screen smaller than ``WANTED`` (a 1366×768 laptop) opens maximised, so the window
    manager fits the frame too. The offscreen test platform has no real screen: there the
    window keeps ``WANTED`` unless an ``area`` is given."""
    if area is None:
        if QGuiApplication.platformName() == "offscreen":
            window.resize(WANTED)
            return
        area = available()
    size, maximised = _saved()
    if size is None and (area.width() < WANTED.width() or area.height() < WANTED.height()):
        maximised = True
    frame = QSize(0, 40) if area.height() < 1000 else QSize(0, 0)  # a title bar, roughly
    size = (size or WANTED).boundedTo(area.size() - frame).expandedTo(SMALLEST)
    size = size.boundedTo(area.size())
    window.resize(size)
    window.move(
        area.left() + max(0, (area.width() - size.width()) // 2),
        area.top() + max(0, (area.height() - size.height() - frame.height()) // 2),
    )
    if maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember(window: QWidget) -> None:
    size = window.normalGeometry().size() if window.isMaximized() else window.size()
    data = {"width": size.width(), "height": size.height(), "maximised": window.isMaximized()}
    with contextlib.suppress(OSError):  # losing the size is not worth a message
        write_atomic(paths.config_dir() / "window.json", (json.dumps(data) + "\n").encode())
