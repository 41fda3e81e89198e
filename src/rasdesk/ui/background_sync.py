"""Sending in the background: whenever the laptop is enrolled, a run of the sync client
every minute (and soon after start-up) on a worker thread with its own store connection,
and a status line in words. Nothing here decides what to send: ``rasdesk.sync`` does.
Revoked laptops stop and say so; the demo never sends."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from rasdesk.ui.session import Session
from rasdesk.ui.work import run_in_background

FIRST_RUN_MS = 5_000
EVERY_MS = 60_000


class BackgroundSync(QObject):
    def __init__(self, session: Session, show: Callable[[str], None]) -> None:
        super().__init__()
        self.session, self.show = session, show
        self.running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self.first = QTimer(self)  # a child timer: it dies with the window
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.run_now)
        if not session.demo:
            self.first.start(FIRST_RUN_MS)
            self.timer.start(EVERY_MS)
        self.refresh()

    def stop(self) -> None:
        """No more runs (the window is closing); a run under way finishes on its own
        connection."""
        self.first.stop()
        self.timer.stop()

    def words(self) -> str:
        if self.session.demo:
            return self.tr("DEMO: fictional people; nothing is sent")
        from rasdesk.sync import sync_status

        status = sync_status(self.session.store)
        if not status.enrolled:
            return self.tr("Sending: not set up on this laptop (rasdesk enrol)")
        if status.revoked:
            return self.tr(
                "Sending stopped: the council has withdrawn this laptop's access. Ask your IT team."
            )
        if self.running:
            return self.tr("Sending…")
        parts = []
        if status.quarantined:
            parts.append(self.tr("{count} need attention").format(count=len(status.quarantined)))
        waiting = status.waiting - len(status.quarantined)
        if waiting:
            parts.append(self.tr("{count} waiting to send").format(count=waiting))
        if not parts:
            parts.append(self.tr("All sent"))
        return " · ".join(parts)

    def refresh(self) -> None:
        try:
            self.show(self.words())
        except Exception:
            self.show(self.tr("Sending: status unknown"))

    def run_now(self) -> None:
        from rasdesk.sync import run_sync, sync_status

        if self.running or self.session.demo:
            return
        status = sync_status(self.session.store)
        if not status.enrolled or status.revoked:
            self.refresh()
            return
        self.running = True
        self.refresh()

        def work() -> object:
            store = self.session.open_worker_store()
            try:
                return run_sync(store)
            finally:
                store.close()

        def finished(_result: object) -> None:
            self.running = False
            if self.timer.isActive():  # not after the window closed
                self.refresh()

        run_in_background(work, finished, finished)
