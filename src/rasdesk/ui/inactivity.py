"""The inactivity lock's clock: any key, click, wheel or touch anywhere in the app starts
it again; after the policy's minutes (default 5) without input, ``on_idle`` runs (the
window saves and locks).

Input is watched on the app's windows (each top-level window, as it gets the focus), not
by an app-wide filter. Every key, click, wheel and touch reaches a window before the widget
under it, so nothing is missed; and the filter sees a few events a page instead of
thousands. A Python filter for the whole app would also be handed Qt's private objects
(its gesture manager, a label's text control). PySide6 wraps none of them, so the first
such hand-over makes shiboken create every class it knows, with 180 enums (25–40 ms):
before this, that came before the first paint (benchmarks/start.py; issue 20)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent, QWindow

# Checked by class, not by ``event.type()``: making an enum of each type cost more than the
# rest of the filter (benchmarks/ui.py).
_INPUT = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


class InactivityLock(QObject):
    def __init__(self, minutes: int, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(on_idle)
        self.stopped = False
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._watch)  # the window, and any dialog, as shown
        self._watch(QGuiApplication.focusWindow())
        self.timer.start()

    def _watch(self, focused: QWindow | None) -> None:
        """Watch every top-level window there is (a window that already has this filter
        keeps one: Qt installs a filter once)."""
        if self.stopped:
            return
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def stop(self) -> None:
        if self.stopped:  # closing after too many PINs stops it once already
            return
        self.stopped = True
        self.timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
            for window in QGuiApplication.topLevelWindows():
                window.removeEventFilter(self)

    def set_interval_ms(self, ms: int) -> None:
        """For tests and the benchmark: a shorter clock."""
        self.timer.setInterval(ms)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, _INPUT) and not self.stopped:
            self.timer.start()
        return False
