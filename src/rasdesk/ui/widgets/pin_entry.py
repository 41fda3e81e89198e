"""Typing the assessor's PIN: the box, a kind message when it is wrong, a count-down while
a lockout lasts, and the words when the case store had to be closed. Used by the lock (and
the start) and by "Take back"; every try goes through the one ``PinAttempts``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from rasdesk.platform.pin_attempts import FREE_TRIES, Outcome, PinAttempts
from rasdesk.ui.widgets.page import label


class PinEntry(QWidget):
    def __init__(
        self,
        attempts: PinAttempts,
        right: Callable[[], None],
        closed: Callable[[], None],
    ) -> None:
        super().__init__()
        self.attempts, self.right, self.closed = attempts, right, closed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(QCoreApplication.translate("PinEntry", "PIN"))
        self.pin.setMaximumWidth(300)
        self.pin.returnPressed.connect(self.try_pin)
        self.pin.textChanged.connect(attempts.typing)  # hashed while typed (at start-up)
        layout.addWidget(self.pin)
        self.message = label("", "warning")
        self.message.hide()
        layout.addWidget(self.message)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        if attempts.seconds_to_wait():
            self._show_wait()

    def try_pin(self) -> None:
        outcome = self.attempts.check(self.pin.text())
        self.pin.clear()
        if outcome.ok:
            self.message.hide()
            self.right()
            return
        if outcome.closed:
            self.closed()
            return
        self._say(outcome)
        self.pin.setFocus()

    def _say(self, outcome: Outcome) -> None:
        if outcome.wait_seconds:
            self._show_wait()
            return
        left = FREE_TRIES - outcome.wrong_in_a_row
        words = QCoreApplication.translate("PinEntry", "That PIN is not right. Try again.")
        if 0 < left <= 3:
            words += " " + QCoreApplication.translate(
                "PinEntry", "Wrong PINs left before you need to wait between tries: {left}."
            ).format(left=left)
        self._show(words)

    def _show_wait(self) -> None:
        self.pin.setEnabled(False)
        self.ticker.start()
        self._tick()

    def _tick(self) -> None:
        seconds = self.attempts.seconds_to_wait()
        if seconds <= 0:
            self.ticker.stop()
            self.pin.setEnabled(True)
            self._show(
                QCoreApplication.translate("PinEntry", "You can try your PIN again now."),
                problem=False,
            )
            self.pin.setFocus()
            return
        self._show(
            QCoreApplication.translate(
                "PinEntry",
                "That PIN is not right. To keep people's information safe, please wait a "
                "little before trying again ({time} left). Nothing is lost.",
            ).format(time=f"{seconds // 60}:{seconds % 60:02d}")
        )

    def _show(self, words: str, *, problem: bool = True) -> None:
        from rasdesk.ui.accessible import set_problem

        self.message.setText(words)
        self.message.setAccessibleName(words)
        self.message.show()
        set_problem(self.pin, words if problem else None)
