"""The one window: the mode bar, the current page, and the status line (ruleset version,
sync status). Pages are rebuilt when they open or the looks change, so large print, easy
read and Welsh apply everywhere at once; moving between pages saves first.

Routes: ("cases",) ("sending",) ("first_run",) ("new", kind, linked) ("question", case,
qid, to_check) ("check", case) ("result", case) ("closed",), and for reviews and ruleset
moves (ui/reviews.py) ("move", case) ("changes", case). The lock replaces the page and remembers the
route; after first run the app starts locked (the PIN opens it). While the laptop is
handed to the person every route passes ``handover.allowed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rasdesk.platform.pin_attempts import PinAttempts
from rasdesk.ui import decision_nav, handover, i18n, theme, window_size
from rasdesk.ui.accessible import announce, make_announcer
from rasdesk.ui.background_sync import BackgroundSync, refresh_page
from rasdesk.ui.errors import show_error
from rasdesk.ui.inactivity import InactivityLock
from rasdesk.ui.modes import Modes
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.mode_bar import ModeBar
from rasdesk.ui.widgets.page import Page
from rasdesk.ui.work import run_slow

# Each page's module (and flow, reviews: the domain and the store behind them) is imported
# when the page is first built, not here: the app opens on the PIN page, and its first
# paint must not wait for every page (issue 20; tests/ui/test_start.py).

Route = tuple[Any, ...]


class MainWindow(QMainWindow):
    def __init__(self, session: Session, *, needs_setup: bool = False) -> None:
        super().__init__()
        self.session = session
        self.route: Route = ("first_run",) if needs_setup else ("lock",)
        self.locked_route: Route | None = None if needs_setup else ("cases",)
        self.starting = not needs_setup  # the PIN opens the app (after first run)
        self.handed_case: str | None = None  # the case whose person holds the laptop
        self.first_run_typed: dict[str, str] = {}  # kept while set-up's page is rebuilt
        self.attempts = PinAttempts(
            int(session.settings()["pin_lockout_seconds"]),
            before_check=session.open,  # if the PIN came before the store was open
            while_hashing=self._while_hashing,
        )
        self.page: Page | None = None
        self.ready: tuple[Modes, Page] | None = None  # the case list, built before the PIN
        self.applied: Modes | None = None  # the looks the app has now
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.mode_bar = ModeBar(self.act)
        layout.addWidget(self.mode_bar)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        # Outside the status line, which question pages hide: always there to be heard.
        self.announcer = make_announcer()
        layout.addWidget(self.announcer)
        self.setCentralWidget(holder)
        self.ruleset_status = QLabel()
        self.sync_status = QLabel()
        for status in (self.ruleset_status, self.sync_status):
            status.setWordWrap(True)
        self.statusBar().addWidget(self.ruleset_status, 1)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync = BackgroundSync(session, self._show_sync, self._sync_changed)
        minutes = int(session.settings()["inactivity_lock_minutes"])
        self.inactivity = InactivityLock(minutes, self.lock)
        self.go(self.route)
        window_size.place(self)

    # --- the looks -----------------------------------------------------------------------
    def case_uuid(self) -> str | None:
        in_case = ("question", "check", "result", "move", "changes", *decision_nav.ROUTES)
        return self.route[1] if self.route[0] in in_case else None

    def modes(self) -> Modes:
        case = self.case_uuid()
        return self.session.modes_for(case) if case else self.session.app_modes

    def act(self, name: str) -> None:
        if name == "lock":
            self.lock()
        elif name == "cases":
            if self.route[0] != "first_run":  # no cases (nor a ruleset) before set-up
                self.go(("cases",))
        elif name == "handed" and self.modes().handed:
            self.take_back()
        elif name == "handed":
            case = self.case_uuid()
            if case is None or not handover.can_hand_over(self.route, self.session.is_draft(case)):
                return
            self.handed_case = case
            self.set_modes(self.modes().toggled("handed"))
        elif name == "language":
            self.set_modes(
                self.modes().with_language("cy" if self.modes().language == "en" else "en")
            )
        else:
            self.set_modes(self.modes().toggled(name))
            if self.page is not None and name in self.mode_bar.buttons:
                self.page.say(self.mode_bar.state_words(name))  # "High contrast: on"

    def set_modes(self, modes: Modes) -> None:
        if self.page is not None:
            self.page.leave()
        self.session.set_modes(self.case_uuid(), modes)
        self.go(self.route)

    def take_back(self) -> None:
        """Leaving "hand to the person" needs the assessor's PIN: the person cannot reach
        the notes, the help or anyone else's case."""
        from rasdesk.ui.pin_dialog import TakeBackDialog

        dialog = TakeBackDialog(self, self.attempts)
        taken = dialog.exec() == TakeBackDialog.DialogCode.Accepted
        if dialog.store_closed:
            self.close_store()
        elif taken:
            self.handed_case = None
            self.set_modes(self.modes().toggled("handed"))

    # --- moving between pages -------------------------------------------------------------
    def go(self, route: Route) -> None:
        if not handover.allowed(route, self.handed_case):
            return  # with the person: only their own questions (and Take back, Lock)
        if self.route[0] == "closed" or (
            self.locked_route is not None and route[0] not in ("lock", "closed")
        ):
            return  # locked: only the PIN opens it (unlock); closed: start again
        if self.page is not None:
            try:
                self.page.leave()
            except Exception as exc:
                show_error(self, exc)
                return
        self.route = route
        modes = self.modes()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if modes != self.applied:  # a new style sheet re-polishes every widget: only on change
            i18n.set_language(modes.language)
            theme.apply(app, modes)
            self.applied = modes
        try:
            page = self._ready_page(route, modes) or self._build(route, modes)
        except Exception as exc:
            show_error(self, exc)
            if route[0] != "cases":
                self.go(("cases",))
            return
        heading = page.findChild(QLabel, "h1")  # the scroll area reads as the page's name
        page.scroll.setAccessibleName(heading.text() if heading else self.tr("rasdesk"))
        old = self.page
        self.page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        case = self.case_uuid()
        self.mode_bar.show_modes(
            modes, case is not None and handover.can_hand_over(route, self.session.is_draft(case))
        )
        for widget in self.mode_bar.buttons.values():  # new words or print size: new sizes
            widget.updateGeometry()
        self.mode_bar.layout().invalidate()
        self.mode_bar.setVisible(route[0] not in ("lock", "closed"))
        # One question per page: the status line is for the case list and the budget.
        self.statusBar().setVisible(route[0] != "question")
        # Its words ("Saved", the question) are still said there, but not shown twice.
        self.announcer.setProperty("squeezed", route[0] == "question")
        self.announcer.setMaximumHeight(0)  # until a status or an error is said
        if route[0] == "first_run":  # nothing to lock and no cases before set-up is done
            self.mode_bar.buttons["cases"].hide()
            self.mode_bar.buttons["lock"].hide()
        else:
            self.mode_bar.buttons["lock"].show()
        self._status()
        self.setWindowTitle(self.tr("rasdesk") + (self.tr(" — DEMO") if self.session.demo else ""))
        page.order_tabs(after=self.mode_bar)  # Tab runs down the screen: bar, then page
        focus = page.first_focus()
        if focus is not None:
            focus.setFocus()
            QTimer.singleShot(0, page, page.show_focus)  # once laid out: on screen
        # A screen reader hears the heading, then the focus; the eye already sees it.
        page.say(page.arrival(), shown=False)

    def prepare_cases(self) -> None:
        """At start-up, while the PIN is typed: the case list the PIN opens, built but never
        shown (not in the window) until the PIN is right; refreshed then (``_ready_page``).
        Its first build is the slowest (Qt's style and enums used for the first time)."""
        if self.route[0] == "lock" and self.locked_route == ("cases",) and self.ready is None:
            modes = self.modes()
            self.ready = (modes, self._build(("cases",), modes))

    def _while_hashing(self) -> None:
        """While a PIN is hashed on its thread, at start-up: the case list the PIN opens,
        built outside the window (if the PIN came before ui/app.py built it). Shown only if
        the PIN is right."""
        if self.starting:
            self.prepare_cases()

    def _ready_page(self, route: Route, modes: Modes) -> Page | None:
        """The case list built by ``prepare_cases``, its lists read again, for ``route`` in
        ``modes``; None otherwise (and it is dropped on any other page)."""
        ready, self.ready = self.ready, None
        if ready is None:
            return None
        if route != ("cases",) or ready[0] != modes:
            ready[1].deleteLater()
            return None
        refresh_page(ready[1])  # what changed since it was built
        return ready[1]

    def _build(self, route: Route, modes: Modes) -> Page:
        from rasdesk.ui.page_builder import build_page

        return build_page(self, route, modes)

    def _set_up(self) -> None:
        """First run is done: cases from now on carry the name just given."""
        self.session.assessor_changed()
        self.go(("cases",))

    def open_case(self, case_uuid: str) -> None:
        self.session.carry_into(case_uuid)
        planned = decision_nav.route_for(self, case_uuid)
        if planned is not None:  # a support plan or a decision: its own pages
            self.go(planned)
            return
        if not self.session.is_draft(case_uuid):
            self.go(("result", case_uuid))
            return
        self._resume(case_uuid, True)

    def _resume(self, case_uuid: str, offer_move: bool) -> None:
        from rasdesk.ui import flow, reviews

        first = reviews.opening_route(self.session, case_uuid, offer_move=offer_move)
        if first is not None:  # a newer ruleset to move to, or answers from last time
            self.go(first)
            return
        step = flow.first_unanswered(self.session.form(case_uuid), self.session.answers(case_uuid))
        if step is None:
            self.go(("check", case_uuid))
        else:
            self.go(("question", case_uuid, step.question.id, False))

    def _next(self, case: str, qid: str, to_check: bool) -> None:
        from rasdesk.ui import flow, reviews

        reviews.confirm(self.session, case, qid)  # Continue on an answer from last time
        step = flow.next_step(self.session.form(case), self.session.answers(case), qid)
        if to_check or step is None:
            self.go(("check", case))
        else:
            self.go(("question", case, step.question.id, False))

    def _previous(self, case: str, qid: str) -> None:
        from rasdesk.ui import flow

        step = flow.previous_step(self.session.form(case), self.session.answers(case), qid)
        self.go(("question", case, step.question.id, False) if step else ("cases",))

    def _last_question(self, case: str) -> None:
        from rasdesk.ui import flow

        path = flow.shown_questions(self.session.form(case), self.session.answers(case))
        self.go(("question", case, path[-1][1].id, False))

    # --- slow work ----------------------------------------------------------------------------
    def finalise(self, case: str) -> None:
        if self.handed_case is not None:
            return  # with the person: never, however it was asked for (ui/handover.py)

        def work() -> str:
            from rasdesk.storage.lifecycle import finalise

            store = self.session.open_worker_store()
            try:
                return finalise(store, case)
            finally:
                store.close()

        run_slow(self, self.tr("Finalising…"), work, lambda _sha: self.go(("result", case)))

    def choose_print(self, case: str) -> None:
        """The print dialog (ui/print_dialog.py): style, language, notes consent; print on
        paper or save a copy (letter_print.py)."""
        from rasdesk.ui import letter_print

        letter_print.choose_print(self, case)

    def amend(self, case: str) -> None:
        """Amend a finalised case (ui/amend.py): a reason, then a new version to change."""
        from rasdesk.ui.amend import amend_case

        amend_case(self, case)

    def print_to(
        self, case: str, target: Path, done: Any = None, *, accessible: bool = False
    ) -> None:
        """Save the case's letter to ``target`` in the person's recorded language: the
        printed PDF, or with ``accessible`` the tagged PDF/UA-1 copy for screen readers.
        Both are set from the same letter Document."""
        from rasdesk.ui import letter_print

        letter_print.save_to(self, case, target, done, accessible=accessible)

    # --- the lock ------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.route[0] in ("lock", "closed", "first_run"):
            return  # first run: there is no PIN yet to unlock with
        if self.page is not None:
            self.page.leave()  # save first: locking never loses an answer
        self.locked_route = self.route
        self.go(("lock",))

    def set_up_first(self) -> None:
        """The profile is not set up after all (the app opened on the PIN page before its
        store was open, ui/app.py): first-run set-up instead of the PIN."""
        self.locked_route, self.starting = None, False
        self.go(("first_run",))

    def unlock(self) -> None:
        route, self.locked_route = self.locked_route or ("cases",), None
        self.starting = False
        self.go(route)

    def close_store(self) -> None:
        """Too many wrong PINs: save, stop the background work, close the case store, and
        say so. The app must be started again (``platform/pin_attempts.py``)."""
        if self.page is not None and self.route[0] != "closed":
            self.page.leave()
        self.sync.stop()
        self.inactivity.stop()
        if self.ready is not None:  # the case list built for a PIN that never came
            self.ready[1].deleteLater()
            self.ready = None
        self.session.store.close()
        self.locked_route = None
        self.go(("closed",))

    # --- the status line ------------------------------------------------------------------------
    def _status(self) -> None:
        if self.route[0] in ("lock", "closed"):  # nothing about the cases: nothing to open
            self.ruleset_status.setText("")
            self.sync_status.setText("")
            return
        try:
            verified = self.session.current_ruleset()
        except Exception:
            verified = None
        if verified is None:
            self.ruleset_status.setText(self.tr("No ruleset installed"))
        else:
            r = verified.ruleset
            self.ruleset_status.setText(
                self.tr("Ruleset: {id}, version {version}").format(id=r.id, version=r.version)
            )
        if self.route[0] != "question" or not self.sync_status.text():
            self.sync.refresh()  # not between questions: sending's state cannot change there

    def _show_sync(self, words: str) -> None:
        hidden = self.route[0] in ("lock", "closed") or self.handed_case is not None
        self.sync_status.setText("" if hidden else words)
        # A wrapping label at the status line's end may be given only its (narrow) size hint:
        # ask for its words' one-line width, up to half the window, so it never stands tall.
        one_line = self.sync_status.fontMetrics().horizontalAdvance(self.sync_status.text())
        self.sync_status.setMinimumWidth(min(one_line + 8, self.width() // 2))

    def _sync_changed(self, news: str) -> None:
        """Sending moved: the page shows the new states, and the news is announced."""
        if self.route[0] in ("lock", "closed") or self.handed_case is not None:
            return  # nothing about the assessor's cases while locked or with the person
        refresh_page(self.page)
        if news:
            announce(self, news)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_size.remember(self)
        if self.page is not None and self.route[0] != "closed":
            self.page.leave()  # the last typing is saved
        self.sync.stop()
        self.inactivity.stop()
        event.accept()
