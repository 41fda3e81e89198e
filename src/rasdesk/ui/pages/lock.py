"""The lock: at start, after inactivity or on request, everything about the case leaves the
screen and the assessor's PIN brings it back. Answers were saved before locking. Wrong PINs
earn a wait, then close the case store (``platform/pin_attempts.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rasdesk.platform.pin_attempts import PinAttempts
from rasdesk.ui.widgets.page import Page, button, label, row
from rasdesk.ui.widgets.pin_entry import PinEntry


class LockPage(Page):
    def __init__(
        self,
        attempts: PinAttempts,
        unlocked: Callable[[], None],
        closed: Callable[[], None],
        demo: bool,
        *,
        starting: bool = False,
    ) -> None:
        super().__init__()
        self.starting = starting
        self.body.addWidget(
            label(self.tr("Welcome back") if starting else self.tr("rasdesk is locked"), "h1")
        )
        self.body.addWidget(
            label(
                self.tr("Enter your PIN to open your cases.")
                if starting
                else self.tr("Everything is saved. Enter your PIN to carry on."),
                "hint",
            )
        )
        if demo:
            self.body.addWidget(label(self.tr("Demo: the PIN is 1234."), "hint"))
        self.entry = PinEntry(attempts, unlocked, closed)
        self.pin = self.entry.pin
        self.error = self.entry.message
        self.body.addWidget(self.entry)
        self.body.addWidget(row(button(self.tr("Unlock"), self.try_unlock, primary=True)))
        self.finish()

    def arrival(self) -> str:
        """Heard as the lock comes down (not at start, which is "Welcome back")."""
        if self.starting:
            return super().arrival()
        return self.tr("Locked. Everything is saved. Enter your PIN to carry on.")

    def first_focus(self) -> QWidget | None:
        return self.pin

    def try_unlock(self) -> None:
        self.entry.try_pin()
