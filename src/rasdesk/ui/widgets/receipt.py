"""A finalised case's line about the council: when it was received and the council's
receipt, or that it is still waiting to be sent. It reads the store again whenever
sending moves (``refresh``), so it is never stale while the page is open (the window
announces what was sent)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rasdesk.ui.sending_words import receipt_of, receipt_words
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import breakable

WAITING = ("finalised", "queued", "sending", "failed")


class ReceiptLine(QLabel):
    def __init__(self, session: Session, case_uuid: str) -> None:
        super().__init__()
        self.session, self.case_uuid = session, case_uuid
        self.setObjectName("receipt")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words = ""
        self.refresh()

    def refresh(self) -> None:
        found = receipt_of(self.session.store, self.case_uuid)
        state = self.session.store.case_row(self.case_uuid)["state"]
        if found is not None and state != "draft":
            words = receipt_words(*found)
        elif state in WAITING:
            words = self.tr(
                "Not with the council yet: it is sent when this laptop can reach the council."
            )
        else:
            words = ""
        self.words = words
        self.setText(breakable(words))  # a long receipt wraps at 200 %
        self.setAccessibleName(words)
        if not words:
            self.hide()
        elif self.parentWidget() is not None:  # (never shown as a window of its own)
            self.show()
