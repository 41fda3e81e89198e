"""Amounts side by side as horizontal bars (the indicative budget and the plan's cost over
a year): each bar carries its amount in words, so nothing relies on colour or length, and
the screen reader gets the same figures as a sentence."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from rasdesk.ui.decision_words import pounds


class AmountsChart(QWidget):
    def __init__(self, bars: list[tuple[str, Decimal]], title: str, contrast: bool = False) -> None:
        super().__init__()
        self.bars, self.contrast = bars, contrast
        self.setAccessibleName(title)
        self.setAccessibleDescription("; ".join(f"{name}: {pounds(v)}" for name, v in bars))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._height())

    def _height(self) -> int:
        return int(QFontMetrics(self.font()).height() * 2.8) * max(1, len(self.bars)) + 8

    def sizeHint(self) -> QSize:
        return QSize(600, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        fg = QColor("#ffffff" if self.contrast else "#0b0c0c")
        bar = QColor("#ffff00" if self.contrast else "#1d70b8")
        metrics = QFontMetrics(self.font())
        line, width = metrics.height(), self.width()
        text_w = metrics.horizontalAdvance("£000,000.00") + 12
        top = max((v for _, v in self.bars), default=Decimal(0)) or Decimal(1)
        row_h = int(line * 2.8)
        for index, (name, value) in enumerate(self.bars):
            y = index * row_h + 4
            painter.setPen(fg)
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft, name)
            length = int(max(0, width - text_w) * (value / top)) if value > 0 else 0
            bar_y = y + line * 1.15
            painter.fillRect(QRectF(0, bar_y, length, line * 1.1), bar)
            painter.drawText(
                QRectF(length + 6, bar_y, text_w, line * 1.1),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                pounds(value),
            )
        painter.end()
