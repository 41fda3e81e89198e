"""Points by section as a horizontal bar chart, drawn with QPainter (QtCharts is not in
PySide6-Essentials). Every bar carries its number in text, so nothing relies on colour or
length alone, and the screen reader gets the same figures as a sentence.

A bar shows a section's points after every point adjustment, so the bars add up to the
total the page states. Where an adjustment took points away (a carer's daily help), the
part taken away is drawn as a dashed, empty box after the bar and the number says so:
"24 (was 30)"."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from rasdesk.domain.decimals import plain


def number_words(points: Decimal, was: Decimal | None) -> str:
    """A bar's number: "24", or "24 (was 30)" when an adjustment changed it."""
    if was is None or was == points:
        return plain(points)
    return QCoreApplication.translate("PointsChart", "{points} (was {before})").format(
        points=plain(points), before=plain(was)
    )


class PointsChart(QWidget):
    def __init__(
        self,
        bars: list[tuple[str, Decimal]],
        title: str,
        contrast: bool = False,
        was: list[Decimal | None] | None = None,
    ) -> None:
        super().__init__()
        self.bars, self.contrast = bars, contrast
        self.was: list[Decimal | None] = was if was is not None else [None] * len(bars)
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(
                f"{name}: {number_words(points, before)}"
                for (name, points), before in zip(bars, self.was, strict=True)
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._height())

    def total(self) -> Decimal:
        """What the bars add up to."""
        return sum((points for _, points in self.bars), Decimal(0))

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
        numbers = [number_words(p, w) for (_, p), w in zip(self.bars, self.was, strict=True)]
        number_w = max(
            [metrics.horizontalAdvance("0000"), *map(metrics.horizontalAdvance, numbers)]
        )
        number_w += 12
        tops = [max(p, w or p) for (_, p), w in zip(self.bars, self.was, strict=True)]
        top = max(tops, default=Decimal(0)) or Decimal(1)
        row_h = self._row_height()
        span = max(0, width - number_w)
        for index, ((name, points), was) in enumerate(zip(self.bars, self.was, strict=True)):
            y = index * row_h + 4
            painter.setPen(fg)
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft, text)
            length = int(span * (points / top)) if points > 0 else 0
            bar_y = y + line * 1.15
            painter.fillRect(QRectF(0, bar_y, length, line * 1.1), bar)
            end = length
            if was is not None and was > points:  # what an adjustment took away
                taken = int(span * (was / top)) - length
                pen = QPen(fg)
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawRect(QRectF(length + 1, bar_y + 1, max(0, taken - 2), line * 1.1 - 2))
                painter.setPen(fg)
                end = length + taken
            painter.drawText(
                QRectF(end + 6, bar_y, max(0, width - end - 6), line * 1.1),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                numbers[index],
            )
        painter.end()
