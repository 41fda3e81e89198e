"""The frame every page shares: a vertical stack of word-wrapped text in a scroll area that
only ever scrolls up and down, so large print reflows instead of clipping; and small
builders for headings, paragraphs and buttons with accessible names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class Page(QWidget):
    """A page: ``body`` is the column to fill. ``leave()`` runs before the page goes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(32, 24, 32, 24)
        self.body.setSpacing(14)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll)

    def leave(self) -> None:
        """Save anything still being typed. Pages with input override this."""

    def first_focus(self) -> QWidget | None:
        """The widget that takes the keyboard when the page opens."""
        return None

    def finish(self) -> None:
        self.body.addStretch(1)


def label(text: str, role: str = "", *, parent: QWidget | None = None) -> QLabel:
    """Word-wrapped text; ``role`` is h1, h2, big, hint, caption or warning (style sheet)."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        widget.setObjectName(role)
    widget.setAccessibleName(text)
    return widget


def link(text: str, on_click: Callable[[], None], description: str = "") -> QWidget:
    """A text link that wraps (large print): Tab reaches it, Enter follows it."""
    from rasdesk.ui.widgets.wrapping import LinkLabel

    return LinkLabel(text, on_click, description)


def button(
    text: str,
    on_click: Callable[[], None],
    *,
    primary: bool = False,
    description: str = "",
) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName("primary" if primary else "")
    widget.setAccessibleName(text.replace("&", ""))  # the mnemonic's marker is not read out
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setAutoDefault(True)  # Enter presses the focused button, as Space does
    widget.clicked.connect(lambda _checked=False: on_click())
    return widget


def row(*widgets: QWidget, stretch_end: bool = True) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch_end:
        layout.addStretch(1)
    return holder
