"""Sending to the council: where sending stands (in the status line's words, with the
server and when it was last tried), "Send now", and enrolment — the council's server
address and the one-time code from the administrator — with a clear message for each
way it can fail and one that says it worked.

Enrolling asks the network, so it runs on a worker thread (``run_slow``); the window
never waits for it. Reached only from the case list: never while the laptop is handed to
the person (``handover.allowed``), and it has no file dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rasdesk.sync.device import Device
from rasdesk.ui.background_sync import BackgroundSync
from rasdesk.ui.sending_words import clock
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.enrol_form import EnrolForm
from rasdesk.ui.widgets.page import Page, button, label, row


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

        self.form_asked = self.form_shown = self.can_send_now = False
        self.form = EnrolForm(self._enrolled)
        self.body.addWidget(self.form)
        address, code = sync.typed  # kept while the page is rebuilt (a new look, Welsh)
        if address and not self.form.address.isReadOnly():
            self.form.address.setText(address)
        self.form.code.setText(code)
        self.done_words = label("", "big")
        self.done_words.hide()
        self.body.addWidget(self.done_words)
        self.body.addWidget(row(button(self.tr("Back to the cases"), go_back)))
        self.finish()
        self.sending_changed()

    def leave(self) -> None:
        """Nothing typed is lost when the page is rebuilt: the window keeps it (in memory
        only) until enrolling works."""
        self.sync.typed = (self.form.address.text(), self.form.code.text())

    def first_focus(self) -> QWidget | None:
        if self.form_shown:
            return self.form.first_focus()
        return self.send_button

    @staticmethod
    def _device() -> Device | None:
        from rasdesk.sync import device

        try:
            return device.load()
        except Exception:  # a damaged enrolment file: enrol again (the form shows)
            return None

    def sending_changed(self) -> None:
        """Sending moved (a run started or ended): say where it stands now."""
        words = self.sync.words()
        self.state.setText(words)
        self.state.setAccessibleName(words)
        self.state.setVisible(self.session.demo or self._device() is not None)
        device = self._device()
        demo = self.session.demo
        enrolled = device is not None and not demo
        revoked = device is not None and bool(device.revoked_at)
        about = ""
        if device is not None and enrolled:
            about = self.tr("This laptop sends to {server} as “{name}”.").format(
                server=device.server_url, name=device.device_name
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
        self.form.first_focus().setFocus()

    def _set_form(self, shown: bool) -> None:
        self.form_shown = shown
        self.form.setVisible(shown)
        self.enrol_again.setVisible(not shown and self.can_send_now)

    def send_now(self) -> None:
        self.sync.send_now()
        self.sending_changed()

    def _enrolled(self, device: Device) -> None:
        """Enrolled: say so, and send what waits (the council's rulesets come too)."""
        self.form_asked = False
        self.sync.typed = ("", "")
        words = self.tr(
            "Done: this laptop is set up to send cases to {server}. They go in the "
            "background; Send now sends them at once."
        ).format(server=device.server_url)
        self.done_words.setText(words)
        self.done_words.setAccessibleName(words)
        self.done_words.show()
        self.sync.send_now()
        self.sending_changed()
        self.send_button.setFocus()
        self.say(words)
