""" "Take back" from the person: the assessor's PIN in a small dialog whose every word is
translated. A wrong PIN says so and the dialog stays open; Cancel leaves the laptop with
the person."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from rasdesk.platform.pin_attempts import PinAttempts
from rasdesk.ui.widgets.page import button, label, row
from rasdesk.ui.widgets.pin_entry import PinEntry


class TakeBackDialog(QDialog):
    def __init__(self, parent: QWidget, attempts: PinAttempts) -> None:
        super().__init__(parent)
        self.store_closed = False
        self.setWindowTitle(self.tr("Take back"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Take the laptop back"), "h2"))
        layout.addWidget(label(self.tr("Enter your PIN.")))
        self.entry = PinEntry(attempts, self.accept, self._closed)
        layout.addWidget(self.entry)
        self.ok = button(self.tr("Take back"), self.entry.try_pin, primary=True)
        self.ok.setAutoDefault(False)
        cancel = button(self.tr("Cancel"), self.reject)
        cancel.setAutoDefault(False)
        layout.addWidget(row(self.ok, cancel))
        self.entry.pin.setFocus()

    def _closed(self) -> None:
        self.store_closed = True
        self.reject()
