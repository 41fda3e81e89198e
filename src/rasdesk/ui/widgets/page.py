"""The frame every page shares: a vertical stack of word-wrapped text in a scroll area that
only ever scrolls up and down, so large print reflows instead of clipping; and small
builders for headings, paragraphs and buttons with accessible names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rasdesk.ui.accessible import announce, give_role


class Page(QWidget):
    """A page: ``body`` is the column to fill. ``leave()`` runs before the page goes.

    For screen readers and low vision, every page gets for free: the scroll area is no Tab
    stop of its own; whatever takes the keyboard is scrolled into view; ``arrival()`` (the
    first heading unless a page says otherwise) is announced when the page opens; and
    ``say(words)`` announces a status or an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys still scroll
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(32, 24, 32, 24)
        self.body.setSpacing(14)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def leave(self) -> None:
        """Save anything still being typed. Pages with input override this."""

    def first_focus(self) -> QWidget | None:
        """The widget that takes the keyboard when the page opens."""
        return None

    def arrival(self) -> str:
        """What a screen reader says as the page opens: its heading, unless overridden."""
        heading = self.findChild(QLabel, "h1")
        return heading.accessibleName() if heading is not None else ""

    def say(self, words: str, *, assertive: bool = False) -> None:
        """Announce ``words`` (a status such as "Saved", or an error) to assistive tech."""
        announce(self, words, assertive=assertive)

    def finish(self) -> None:
        self.body.addStretch(1)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Focus is always on screen: scroll to whatever takes the keyboard."""
        try:
            inside = new is not None and self.scroll.widget().isAncestorOf(new)
        except RuntimeError:  # this page is being deleted
            return
        if inside and new is not None:
            margin = 24
            self.scroll.ensureWidgetVisible(new, margin, margin)


def label(text: str, role: str = "", *, parent: QWidget | None = None) -> QLabel:
    """Word-wrapped text; ``role`` is h1, h2, big, hint, caption or warning (style sheet).
    h1 and h2 are headings to a screen reader too (``heading()``)."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        widget.setObjectName(role)
    widget.setAccessibleName(text)
    if role in ("h1", "h2"):
        give_role(widget, "heading")
    return widget


def heading(text: str, level: int = 1, *, name: str = "") -> QLabel:
    """A page's heading (level 1) or a section's (level 2): big bold text that a screen
    reader calls a heading and reads as ``name`` when given (e.g. with the £ figure)."""
    widget = label(text, "h1" if level == 1 else "h2")
    if name:
        widget.setAccessibleName(name)
    return widget


def link(text: str, on_click: Callable[[], None], description: str = "", name: str = "") -> QWidget:
    """A text link that wraps (large print): one Tab stop, Enter follows it; a screen
    reader hears a link called ``name`` (default: ``text``)."""
    from rasdesk.ui.widgets.wrapping import LinkLabel

    return LinkLabel(text, on_click, description, name)


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
