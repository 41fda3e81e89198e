"""Slow work (finalise, print, sync) through one helper: it runs on a worker thread with
only plain objects, a busy indicator shows after a moment, and the result or the error
comes back on the GUI thread. The window never freezes. (Anki's ``CollectionOp``.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rasdesk.ui.errors import show_error


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            value = self.fn()
        except BaseException as exc:  # handed to the GUI thread's error presenter
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(value)


_running: set[_Job] = set()  # keep jobs (and their signals) alive until they report


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``fn`` on a worker thread with no dialog (background sync); the callbacks run
    on the GUI thread."""
    job = _Job(fn)
    _running.add(job)

    def done(value: object) -> None:
        _running.discard(job)
        on_done(value)

    def failed(exc: object) -> None:
        _running.discard(job)
        assert isinstance(exc, BaseException)
        on_error(exc)

    job.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)


def run_slow(
    parent: QWidget,
    label: str,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn`` off the GUI thread; call ``on_done(value)`` or show the error."""
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAccessibleName(label)
    progress.reset()
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(progress.show)
    timer.start(300)  # only for work that is actually slow

    def finish() -> None:
        timer.stop()
        progress.close()
        progress.deleteLater()

    def done(value: object) -> None:
        finish()
        on_done(value)

    def failed(exc: BaseException) -> None:
        finish()
        (on_error or (lambda e: show_error(parent, e)))(exc)

    run_in_background(fn, done, failed)
