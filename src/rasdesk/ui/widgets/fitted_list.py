"""A list as tall as its rows: no tall blank box under one line, and what follows it on
the page starts higher on a 768-pixel screen. Its words wrap (nothing hidden off to the
right, no sideways scroll bar eating the row); past ``most`` rows it scrolls inside. The
height is worked out again whenever the width changes, since wrapped rows grow taller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QWidget


class FittedList(QListWidget):
    def __init__(self, most: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.most = most
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model().rowsInserted.connect(self.fit)
        self.model().rowsRemoved.connect(self.fit)

    def fit(self) -> None:
        self.doItemsLayout()  # the rows laid out at this width (wrapped rows are taller)
        shown = min(self.count(), self.most)
        rows = sum(self.row_height(i) for i in range(shown))
        self.setFixedHeight(rows + 2 * self.frameWidth())

    def row_height(self, row: int) -> int:
        return max(self.visualItemRect(self.item(row)).height(), self.sizeHintForRow(row), 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
