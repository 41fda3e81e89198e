"""Controls whose words wrap: Qt's radio buttons, checkboxes and push buttons never wrap
their text, so at 200 % a long answer or question would be cut off. Here the button keeps
only its indicator and a word-wrapped label beside it says the words; clicking either
chooses it, and the whole row shows focus and choice (a thick border, bold, in words for
the screen reader: the button's accessible name is the full text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QFrame, QHBoxLayout, QLabel, QWidget

from rasdesk.ui.accessible import give_role


class _ClickLabel(QLabel):
    def __init__(self, text: str, target: QAbstractButton) -> None:
        super().__init__(text)
        self.target = target
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.target.setFocus()
        self.target.click()
        event.accept()


class ChoiceRow(QFrame):
    """One answer: ``button`` (a QRadioButton or QCheckBox with no text) and its words."""

    def __init__(
        self,
        button: QAbstractButton,
        text: str,
        picture: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("choice")
        self.button = button
        button.setAccessibleName(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(*((10, 0, 10, 0) if compact else (10, 6, 10, 6)))
        layout.setSpacing(12)
        layout.addWidget(button)
        if picture is not None:  # easy read: a picture beside every answer
            layout.addWidget(picture)
        self.words = _ClickLabel(text, button)
        layout.addWidget(self.words, 1)
        button.installEventFilter(self)
        button.toggled.connect(lambda _on: self._restyle())
        self._restyle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._restyle()
        return False

    def _restyle(self) -> None:
        self.setProperty("focused", self.button.hasFocus())
        self.setProperty("chosen", self.button.isChecked())
        for widget in (self, self.words):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class LinkLabel(QLabel):
    """A link that wraps: one Tab stop (the label itself, never a second stop for the link
    inside it), Enter, Space or a click follows it, and a screen reader hears a link named
    ``name`` (e.g. "Change: how much help do you need to wash?") even when it shows
    only "Change"."""

    def __init__(
        self, text: str, on_click: Callable[[], None], description: str = "", name: str = ""
    ) -> None:
        super().__init__(text)
        self.setObjectName("link")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        give_role(self, "link", name or text)
        if description:
            self.setAccessibleDescription(description)
        self.on_click = on_click

    def activate(self) -> None:
        self.on_click()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        event.accept()
        self.activate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate()
            return
        super().keyPressEvent(event)
