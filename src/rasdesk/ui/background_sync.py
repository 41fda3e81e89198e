"""Sending in the background: whenever the laptop is enrolled, a run of the sync client
every minute (and soon after start-up) on a worker thread with its own store connection,
and "Send now" when the assessor asks. Nothing here decides what to send:
``rasdesk.sync`` does. Revoked laptops stop and say so; the demo never sends.

Where sending stands is said in words on the status line (including "Cannot reach the
council since 14:05 — …"), and each change is passed to the window (``changed``): as a
run starts and ends, so the case list and a case's receipt are never stale, with the
news to announce ("Sent to the council: 2", "Cannot reach the council") when there is
some."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from rasdesk.ui.session import Session
from rasdesk.ui.work import run_in_background

FIRST_RUN_MS = 5_000
EVERY_MS = 60_000


class BackgroundSync(QObject):
    def __init__(
        self,
        session: Session,
        show: Callable[[str], None],
        changed: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.session, self.show = session, show
        self.changed = changed or (lambda _news: None)
        self.running = False
        self.again = False  # "Send now" during a run: one more run, at once, after it
        self.asked = False  # this run was asked for ("Send now"): say how it went
        self.problem = ""  # why the last run asked for could not start or finish
        self.offline_said = False  # "Cannot reach the council" is said once, not each minute
        self.stopped = False
        self.typed = ("", "")  # the Sending page's address and code, while it is rebuilt
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)
        self.first = QTimer(self)  # a child timer: it dies with the window
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.run_now)
        if not session.demo:
            self.first.start(FIRST_RUN_MS)
            self.timer.start(EVERY_MS)
        # No refresh here: the window shows the status once a page with a status line
        # opens (not the PIN page), so the store need not be open yet (ui/app.py).

    def stop(self) -> None:
        """No more runs (the window is closing); a run under way finishes on its own
        connection."""
        self.stopped = True
        self.first.stop()
        self.timer.stop()

    def words(self) -> str:
        if self.session.demo:
            return self.tr("DEMO: fictional people; nothing is sent")
        from rasdesk.sync import sync_status
        from rasdesk.ui.sending_words import cannot_reach

        status = sync_status(self.session.store)
        if not status.enrolled:
            return self.tr(
                "Sending: not set up on this laptop yet (Cases, then Sending to the council)"
            )
        if status.revoked:
            return self.tr(
                "Sending stopped: the council has withdrawn this laptop's access. Ask your IT team."
            )
        if self.running:
            return self.tr("Sending…")
        parts = [self.problem] if self.problem else []
        if status.offline_since:
            parts.append(cannot_reach(status.offline_since))
        if status.quarantined:
            parts.append(self.tr("%n need(s) attention", None, len(status.quarantined)))
        waiting = status.waiting - len(status.quarantined)
        if waiting:
            parts.append(self.tr("%n waiting to send", None, waiting))
        if not parts:
            parts.append(self.tr("All sent"))
        return " · ".join(parts)

    def refresh(self) -> None:
        try:
            self.show(self.words())
        except Exception:
            self.show(self.tr("Sending: status unknown"))

    def can_send(self) -> bool:
        """Enrolled, not revoked, not the demo: "Send now" can do something."""
        from rasdesk.sync import sync_status

        if self.session.demo:
            return False
        status = sync_status(self.session.store)
        return status.enrolled and not status.revoked

    def send_now(self) -> None:
        """The assessor asked: send at once, failed cases too (no waiting out a backoff)."""
        if self.running:
            self.again = True
            return
        self.run_now(asked=True)

    def run_now(self, asked: bool = False) -> None:
        from rasdesk.sync import SyncOptions, run_sync

        if self.running or self.session.demo or self.stopped:
            return
        if not self.can_send():
            self.refresh()
            return
        self.running, self.asked, self.problem = True, asked, ""
        self.refresh()
        self.changed("")  # cases may move to "sending": lists show it
        options = SyncOptions(ignore_backoff=True) if asked else None

        def work() -> object:
            store = self.session.open_worker_store()
            try:
                return run_sync(store, options=options)
            finally:
                store.close()

        run_in_background(work, self._finished, self._finished)

    def _finished(self, result: object) -> None:
        self.running = False
        if self.stopped:  # the window closed (or its store did) meanwhile
            return
        news = self._news(result)
        self.refresh()
        self.changed(news)
        if self.again:
            self.again = False
            self.run_now(asked=True)

    def _news(self, result: object) -> str:
        """What to announce after a run: what was sent, that the council cannot be reached
        (once, when it starts), or, for a run asked for, how it went."""
        from rasdesk.sync import SyncReport
        from rasdesk.ui.errors import describe

        if not isinstance(result, SyncReport):
            if isinstance(result, BaseException):
                self.problem = self.tr("Sending did not work: {why}").format(
                    why=describe(result)[0]
                )
            return self.problem if self.asked else ""
        news = []
        if result.sent:
            news.append(self.tr("Sent to the council: {count}").format(count=len(result.sent)))
        if result.outcome == "offline":
            if not self.offline_said or self.asked:
                news.append(self.tr("Cannot reach the council"))
            self.offline_said = True
        else:
            self.offline_said = False
        if result.quarantined:
            news.append(self.tr("%n need(s) attention", None, len(result.quarantined)))
        if self.asked and not news:
            news.append(self.words())  # "All sent", or what is still waiting
        return ". ".join(news)


def refresh_page(page: QWidget | None) -> None:
    """After sending moved: the page on screen shows the cases' new states (the case list
    and its counts, a case's receipt), so nothing on it is stale."""
    from rasdesk.ui.widgets.receipt import ReceiptLine

    if page is None:
        return
    hook = getattr(page, "sending_changed", None)
    if callable(hook):
        hook()
    for line in page.findChildren(ReceiptLine):
        line.refresh()
