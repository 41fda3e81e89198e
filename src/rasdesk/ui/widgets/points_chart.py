"""Points by section as a horizontal bar chart, drawn with QPainter (QtCharts is not in
PySide6-Essentials). Every bar carries its number in text, so nothing relies on colour or
length alone, and the screen reader gets the same figures as a sentence."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from rasdesk.domain.decimals import plain


class PointsChart(QWidget):
    def __init__(self, bars: list[tuple[str, Decimal]], title: str, contrast: bool = False) -> None:
        super().__init__()
        self.bars, self.contrast = bars, contrast
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(f"{name}: {plain(points)}" for name, points in bars)
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._height())

    def _row_height(self) -> int:
        return int(QFontMetrics(self.font()).height() * 2.8)

    def _height(self) -> int:
        return self._row_height() * max(1, len(self.bars)) + 8

    def sizeHint(self) -> QSize:
        return QSize(600, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Each section: its name on one line, its bar and points on the next."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = QColor("#ffffff" if self.contrast else "#0b0c0c")
        bar = QColor("#ffff00" if self.contrast else "#1d70b8")
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width = self.width()
        number_w = metrics.horizontalAdvance("0000") + 12
        top = max((p for _, p in self.bars), default=Decimal(0)) or Decimal(1)
        row_h = self._row_height()
        for index, (name, points) in enumerate(self.bars):
            y = index * row_h + 4
            painter.setPen(fg)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft, text)
            span = max(0, width - number_w)
            length = int(span * (points / top)) if points > 0 else 0
            bar_y = y + line * 1.15
            painter.fillRect(QRectF(0, bar_y, length, line * 1.1), bar)
            painter.drawText(
                QRectF(length + 6, bar_y, number_w, line * 1.1),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                plain(points),
            )
        painter.end()
