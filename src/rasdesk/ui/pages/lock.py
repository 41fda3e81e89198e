"""The lock: after inactivity (or on request) everything about the case leaves the screen
and the assessor's PIN brings it back. Answers were saved before locking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from rasdesk.platform import pin
from rasdesk.ui.accessible import set_problem
from rasdesk.ui.widgets.page import Page, button, label, row


class LockPage(Page):
    def __init__(self, unlocked: Callable[[], None], demo: bool) -> None:
        super().__init__()
        self.unlocked = unlocked
        self.body.addWidget(label(self.tr("rasdesk is locked"), "h1"))
        self.body.addWidget(
            label(self.tr("Everything is saved. Enter your PIN to carry on."), "hint")
        )
        if demo:
            self.body.addWidget(label(self.tr("Demo: the PIN is 1234."), "hint"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setMaximumWidth(300)
        self.pin.returnPressed.connect(self.try_unlock)
        self.body.addWidget(self.pin)
        self.error = label("", "warning")
        self.error.hide()
        self.body.addWidget(self.error)
        self.body.addWidget(row(button(self.tr("Unlock"), self.try_unlock, primary=True)))
        self.finish()

    def first_focus(self) -> QWidget | None:
        return self.pin

    def try_unlock(self) -> None:
        if pin.pin_matches(self.pin.text()):
            self.unlocked()
            return
        self.pin.clear()
        self.error.setText(self.tr("That PIN is not right. Try again."))
        self.error.show()
        self.pin.setFocus()
        set_problem(self.pin, self.error.text())
