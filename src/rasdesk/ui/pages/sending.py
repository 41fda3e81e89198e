"""Sending to the council: where sending stands (in the status line's words, with the
server and when it was last tried), "Send now", and enrolment — the council's server
address and the one-time code from the administrator — with a clear message for each
way it can fail and one that says it worked.

Enrolling asks the network, so it runs on a worker thread (``run_slow``); the window
never waits for it. Reached only from the case list: never while the laptop is handed to
the person (``handover.allowed``), and it has no file dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from rasdesk.domain.errors import InputError
from rasdesk.platform import settings
from rasdesk.ui.accessible import set_problem
from rasdesk.ui.background_sync import BackgroundSync
from rasdesk.ui.sending_words import bad_address, clock, enrol_problem
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import Page, button, label, row
from rasdesk.ui.work import run_slow


class SendingPage(Page):
    def __init__(self, session: Session, sync: BackgroundSync, go_back: Callable[[], None]) -> None:
        super().__init__()
        self.session, self.sync = session, sync
        self.body.addWidget(label(self.tr("Sending cases to the council"), "h1"))
        self.state = label("")
        self.about = label("", "hint")
        self.body.addWidget(self.state)
        self.body.addWidget(self.about)
        self.send_button = button(
            self.tr("Send &now"),
            self.send_now,
            primary=True,
            description=self.tr("Send every finalised case now, without waiting."),
        )
        self.enrol_again = button(
            self.tr("Enrol again with a new code"),
            self._show_form,
            description=self.tr("Use a new code from your administrator."),
        )
        self.body.addWidget(row(self.send_button, self.enrol_again))

        self.form_heading = label(self.tr("Set up sending on this laptop"), "h2")
        self.form_hint = label(
            self.tr(
                "Your administrator gives you the council's server address and a one-time "
                "enrolment code. The code works once, for a short time."
            ),
            "hint",
        )
        self.labels: list[QLabel] = []
        self.form_asked = self.form_shown = self.can_send_now = False
        self.address = self._field(self.tr("The council's server address"))
        self.address.setPlaceholderText("https://rasdesk.council.example")
        self.code = self._field(self.tr("Enrolment code"))
        self.message = label("", "warning")
        self.message.hide()
        self.enrol_button = button(self.tr("En&rol this laptop"), self.enrol, primary=True)
        self.done_words = label("", "big")
        self.done_words.hide()
        self.form: list[QWidget] = [
            self.form_heading,
            self.form_hint,
            *self.labels,
            self.address,
            self.code,
            self.message,
            self.enrol_button,
        ]
        for widget in (
            self.form_heading,
            self.form_hint,
            self.labels[0],
            self.address,
            self.labels[1],
            self.code,
            self.message,
            row(self.enrol_button),
            self.done_words,
        ):
            self.body.addWidget(widget)
        self.body.addWidget(row(button(self.tr("Back to the cases"), go_back)))
        managed = settings.load()
        if managed["server_url"]:
            self.address.setText(str(managed["server_url"]))
        if "server_url" in managed.managed and managed["server_url"]:
            self.address.setReadOnly(True)  # the administrator's policy names the server
        self.finish()
        self.sending_changed()

    def _field(self, name: str) -> QLineEdit:
        caption = label(name)
        edit = QLineEdit()
        edit.setAccessibleName(name)
        caption.setBuddy(edit)
        self.labels.append(caption)
        return edit

    def first_focus(self) -> QWidget | None:
        if self.form_shown:
            return self.code if self.address.text() else self.address
        return self.send_button

    def _device(self) -> object:
        from rasdesk.sync import device

        try:
            return device.load()
        except Exception:
            return None

    def sending_changed(self) -> None:
        """Sending moved (a run started or ended): say where it stands now."""
        words = self.sync.words()
        self.state.setText(words)
        self.state.setAccessibleName(words)
        device = self._device()
        demo = self.session.demo
        enrolled = device is not None and not demo
        revoked = enrolled and bool(getattr(device, "revoked_at", None))
        about = ""
        if enrolled:
            about = self.tr("This laptop sends to {server} as “{name}”.").format(
                server=getattr(device, "server_url", ""), name=getattr(device, "device_name", "")
            )
            from rasdesk.sync import sync_status

            last = sync_status(self.session.store).last_run_at
            if last:
                about += " " + self.tr("Last tried at {time}.").format(time=clock(last))
        self.about.setText(about)
        self.about.setAccessibleName(about)
        self.about.setVisible(bool(about))
        self.can_send_now = enrolled and not revoked
        self.send_button.setVisible(self.can_send_now)
        self.send_button.setEnabled(not self.sync.running)
        # The form: to set up (never in the demo), after a revocation, or when asked.
        self._set_form(not demo and (not enrolled or revoked or self.form_asked))

    def _show_form(self) -> None:
        self.form_asked = True
        self._set_form(True)
        self.address.setFocus()

    def _set_form(self, shown: bool) -> None:
        self.form_shown = shown
        for widget in self.form:
            widget.setVisible(shown and (widget is not self.message or bool(self.message.text())))
        self.enrol_again.setVisible(not shown and self.can_send_now)

    def send_now(self) -> None:
        self.sync.send_now()
        self.sending_changed()

    # --- enrolment ------------------------------------------------------------------------
    def _problem(self, field: str, words: str) -> None:
        self.message.setText(words)
        self.message.setAccessibleName(words)
        self.message.show()
        self.done_words.hide()
        target = {"address": self.address, "code": self.code}.get(field)
        for edit in (self.address, self.code):
            set_problem(edit, words if edit is target else None)
        if target is None:
            self.say(words, assertive=True)
        else:
            target.setFocus()

    def enrol(self) -> None:
        from rasdesk.sync.device import normalise_url

        address, code = self.address.text().strip(), self.code.text().strip()
        if not address:
            self._problem("address", self.tr("Enter the council's server address."))
            return
        try:
            url = normalise_url(address)
        except InputError:
            self._problem("address", bad_address())
            return
        if not code:
            self._problem("code", self.tr("Enter the enrolment code your administrator gave you."))
            return

        def work() -> object:
            from rasdesk.sync import enrol

            return enrol(url, code)

        def done(device: object) -> None:
            for edit in (self.address, self.code):
                set_problem(edit, None)
            self.code.clear()
            self.message.setText("")
            self.form_asked = False
            words = self.tr(
                "Done: this laptop is set up to send cases to {server}. They go in the "
                "background; Send now sends them at once."
            ).format(server=getattr(device, "server_url", url))
            self.done_words.setText(words)
            self.done_words.setAccessibleName(words)
            self.done_words.show()
            self.sync.send_now()  # the cases waiting go now, and the council's rulesets come
            self.sending_changed()
            self.send_button.setFocus()
            self.say(words)

        def failed(exc: BaseException) -> None:
            self._problem(*enrol_problem(exc, url))

        run_slow(self, self.tr("Enrolling this laptop…"), work, done, failed)
