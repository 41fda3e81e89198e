"""The frame every page shares: a vertical stack of word-wrapped text in a scroll area that
only ever scrolls up and down, so large print reflows instead of clipping; and small
builders for headings, paragraphs and buttons with accessible names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rasdesk.ui.accessible import announce, give_role
from rasdesk.ui.widgets.flow_layout import FlowLayout


class Page(QWidget):
    """A page: ``body`` is the column to fill. ``leave()`` runs before the page goes.

    For screen readers and low vision, every page gets for free: the scroll area is no Tab
    stop of its own; whatever takes the keyboard is scrolled into view; ``arrival()`` (the
    first heading unless a page says otherwise) is announced when the page opens; and
    ``say(words)`` announces a status or an error."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys still scroll
        inner = _Column()
        self.body = QVBoxLayout(inner)
        # The column's height is what its words need at the width it has (heightForWidth),
        # never the height they would need squeezed to the narrowest width (a page at 200 %
        # then scrolled on for thousands of pixels of blank space after its last control).
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # Compact (a question page in large print): the question, its answers and
        # Continue must fit 1280×720 at 200 %, so the margins give way, not the words.
        self.body.setContentsMargins(*((16, 6, 16, 6) if compact else (32, 24, 32, 24)))
        self.body.setSpacing(8 if compact else 14)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll)
        # Back / Continue stay on screen below the scrolling part, whatever the print size.
        self.footer_bar = QWidget()
        self.footer_bar.setObjectName("footer")
        # Compact: the footer's controls wrap onto a second line rather than widen the
        # window past a 1024 px screen.
        self.footer: QBoxLayout | FlowLayout = (
            FlowLayout(self.footer_bar) if compact else QHBoxLayout(self.footer_bar)
        )
        self.footer.setContentsMargins(*((16, 4, 16, 4) if compact else (32, 8, 32, 12)))
        self.footer.setSpacing(12)
        self.footer_bar.hide()
        outer.addWidget(self.footer_bar)
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

    def say(self, words: str, *, assertive: bool = False, shown: bool = True) -> None:
        """Announce ``words`` (a status such as "Saved", or an error) to assistive tech;
        ``shown`` False for words already on screen (the heading, as the page opens)."""
        announce(self, words, assertive=assertive, shown=shown)

    def finish(self) -> None:
        self.body.addStretch(1)

    def put_in_footer(self, *widgets: QWidget) -> None:
        """Keep ``widgets`` (Back, Continue) below the scrolling part, always in view."""
        for widget in widgets:
            self.footer.addWidget(widget)
        if isinstance(self.footer, QBoxLayout):
            self.footer.addStretch(1)
        self.footer_bar.show()

    def show_summary(self, summary: QWidget, links: list[QWidget]) -> None:
        """Put an error summary under the heading, Tab through it then on into the form,
        focus its first link, scroll to it and announce it."""
        self.body.insertWidget(1, summary)
        self.order_tabs()
        if links:
            links[0].setFocus()
        self.scroll.ensureWidgetVisible(summary)
        self.say(summary.accessibleName() + ": " + summary.accessibleDescription(), assertive=True)

    def tab_stops(self) -> list[QWidget]:
        """The page's Tab stops in reading order: down the column, left to right in a row,
        row by row in a grid (the order the eye reads, whatever order they were made in)."""
        return list(_stops_in(self.body))

    def order_tabs(self, after: QWidget | None = None) -> None:
        """Make Tab follow ``tab_stops()``, starting after ``after`` (the bar above the
        page); run again when the page adds controls (e.g. an error summary)."""
        if after is not None:
            self._after = after
        previous = getattr(self, "_after", None)
        stops = self.tab_stops()
        first = self.first_focus()
        if first is not None and first not in stops:
            stops.insert(0, first)  # e.g. the heading: where the eye starts, Tab goes on
        for widget in stops:
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Focus is always on screen: scroll to whatever takes the keyboard."""
        try:
            inside = new is not None and self.scroll.widget().isAncestorOf(new)
        except RuntimeError:  # this page is being deleted
            return
        if inside and new is not None:
            self.show_focus(new)

    def show_focus(self, widget: QWidget | None = None) -> None:
        """Scroll so that ``widget`` (default: the focus) and its answer row are in view."""
        widget = widget or self.focusWidget()
        if widget is None:
            return
        parent = widget.parentWidget()
        if parent is not None and parent.objectName() == "choice":
            widget = parent  # the whole answer, not only its radio button
        # The viewport's height (no horizontal bar, no margins), asked without handing Qt's
        # own viewport to Python: its first hand-over costs PySide6 every widget class it
        # knows, with their enums (10 ms), and this runs before the first paint.
        room = self.scroll.contentsRect().height()
        if widget.height() + 2 * 24 <= room:
            # The whole widget (ensureWidgetVisible shows only a text box's cursor line).
            top = widget.mapTo(self.scroll.widget(), QPoint(0, 0)).y()
            bar = self.scroll.verticalScrollBar()
            if top - 24 < bar.value():
                bar.setValue(top - 24)
            elif top + widget.height() + 24 > bar.value() + room:
                bar.setValue(top + widget.height() + 24 - room)
        else:  # taller than the view (a notes box at 200 %): show its top, then its start
            top = widget.mapTo(self.scroll.widget(), QPoint(0, 0)).y()
            self.scroll.verticalScrollBar().setValue(max(0, top - 8))

    def start_heading(self) -> QWidget | None:
        """The page's heading as the first focus: where the eye starts, not a Tab stop."""
        heading = self.findChild(QLabel, "h1")
        if heading is not None:
            heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        return heading


class _Column(QWidget):
    """A page's scrolled column: as narrow as its widest control allows; as tall as its
    words need at its width (the scroll area asks heightForWidth), no taller."""

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        width = layout.minimumSize().width() if layout is not None else 0
        return QSize(width, 0)


def label(text: str, role: str = "", *, parent: QWidget | None = None) -> QLabel:
    """Word-wrapped text; ``role`` is h1, h2, big, hint, caption or warning (style sheet).
    h1 and h2 are headings to a screen reader too (``heading()``)."""
    widget = QLabel(breakable(text), parent)
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


LONG_WORD = re.compile(r"\S{25,}")


def breakable(text: str) -> str:
    """``text`` with a zero-width space every 16 characters of any word longer than 24 (a
    SHA-256, a long reference), so that at 200 % it wraps instead of widening the page past
    the window. Only the shown text: the accessible name keeps the words as they are."""
    return LONG_WORD.sub(
        lambda m: "\u200b".join(m.group(0)[i : i + 16] for i in range(0, len(m.group(0)), 16)),
        text,
    )


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


def _stops_in(layout: QLayout) -> Iterator[QWidget]:
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        places = {id(item): layout.getItemPosition(i)[:2] for i, item in enumerate(items)}
        items.sort(key=lambda item: places[id(item)])
    for item in items:
        widget, inner = item.widget(), item.layout()
        if inner is not None:
            yield from _stops_in(inner)
        elif widget is not None:
            yield from _stops_of(widget)


def _stops_of(widget: QWidget) -> Iterator[QWidget]:
    if isinstance(widget, QTabWidget):
        yield widget  # its tab bar, then the list shown: Qt keeps that order inside it
    elif widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
        yield widget
    elif widget.layout() is not None:
        yield from _stops_in(widget.layout())
