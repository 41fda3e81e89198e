"""Tabs whose size does not change with their state. The current tab is bold and, with the
keyboard on it, has a thicker border; Qt lays the tabs out once and does not lay them out
again when the focus moves, so at 200 % the last tab ("Angen sylw" in Welsh) ran past the
bar and was cut off. Here every tab is measured as if it were the current one (bold), and
the style sheet keeps the focused tab's outer size (a thicker border, less padding)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTabBar, QTabWidget


class SteadyTabBar(QTabBar):
    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        if index == self.currentIndex():
            return size  # Qt measured it bold already
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        text, flag = self.tabText(index), Qt.TextFlag.TextShowMnemonic
        extra = (
            QFontMetrics(bold_font).size(flag, text).width()
            - QFontMetrics(self.font()).size(flag, text).width()
        )
        return QSize(size.width() + max(0, extra), size.height())


def steady_tabs() -> QTabWidget:
    """A QTabWidget with a SteadyTabBar."""
    tabs = QTabWidget()
    tabs.setTabBar(SteadyTabBar(tabs))
    return tabs
