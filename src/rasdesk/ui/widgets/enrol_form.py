"""Enrolling this laptop with the council's server, as a form: the server's address (filled
in, and fixed, when the administrator's policy names it) and the one-time code. Each way it
can fail is said on the field it concerns, announced, and the field marked invalid; the
network is asked on a worker thread (``run_slow``), never on the window's.

Used by the Sending page and by first run (where the council's ruleset can then come
from its server)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from rasdesk.domain.errors import InputError
from rasdesk.platform import settings
from rasdesk.sync.device import Device
from rasdesk.ui.accessible import announce, set_problem
from rasdesk.ui.sending_words import bad_address, enrol_problem
from rasdesk.ui.widgets.page import button, label, row
from rasdesk.ui.work import run_slow


class EnrolForm(QWidget):
    def __init__(self, enrolled: Callable[[Device], None]) -> None:
        super().__init__()
        self.enrolled = enrolled
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(label(self.tr("Set up sending on this laptop"), "h2"))
        column.addWidget(
            label(
                self.tr(
                    "Your administrator gives you the council's server address and a one-time "
                    "enrolment code. The code works once, for a short time."
                ),
                "hint",
            )
        )
        self.address = self._field(column, self.tr("The council's server address"))
        self.address.setPlaceholderText("https://rasdesk.council.example")
        self.code = self._field(column, self.tr("Enrolment code"))
        self.message = label("", "warning")
        self.message.hide()
        column.addWidget(self.message)
        self.enrol_button = button(self.tr("En&rol this laptop"), self.enrol, primary=True)
        column.addWidget(row(self.enrol_button))
        managed = settings.load()
        if managed["server_url"]:
            self.address.setText(str(managed["server_url"]))
        if "server_url" in managed.managed and managed["server_url"]:
            self.address.setReadOnly(True)  # the administrator's policy names the server

    @staticmethod
    def _field(column: QVBoxLayout, name: str) -> QLineEdit:
        caption = label(name)
        edit = QLineEdit()
        edit.setAccessibleName(name)
        caption.setBuddy(edit)
        column.addWidget(caption)
        column.addWidget(edit)
        return edit

    def first_focus(self) -> QWidget:
        return self.code if self.address.text() else self.address

    def _problem(self, field: str, words: str) -> None:
        self.message.setText(words)
        self.message.setAccessibleName(words)
        self.message.show()
        target = {"address": self.address, "code": self.code}.get(field)
        for edit in (self.address, self.code):
            set_problem(edit, words if edit is target else None)  # announced with it
        if target is None:
            announce(self, words, assertive=True)
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
        self.message.setText("")
        self.message.hide()

        def work() -> Device:
            from rasdesk.sync import enrol

            return enrol(url, code)

        def done(device: Device) -> None:
            for edit in (self.address, self.code):
                set_problem(edit, None)
            self.code.clear()
            self.enrolled(device)

        def failed(exc: BaseException) -> None:
            self._problem(*enrol_problem(exc, url))

        run_slow(self, self.tr("Enrolling this laptop…"), work, done, failed)
