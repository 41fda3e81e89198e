"""The inactivity lock's clock: any key, click, wheel or touch anywhere in the app starts
it again; after the policy's minutes (default 5) without input, ``on_idle`` runs (the
window saves and locks)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

# Checked by class, not by ``event.type()``: the filter sees thousands of events a page,
# and making an enum of each type cost more than the rest of the filter (benchmarks/ui.py).
_INPUT = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


class InactivityLock(QObject):
    def __init__(self, minutes: int, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(on_idle)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def set_interval_ms(self, ms: int) -> None:
        """For tests and the benchmark: a shorter clock."""
        self.timer.setInterval(ms)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, _INPUT):
            self.timer.start()
        return False
