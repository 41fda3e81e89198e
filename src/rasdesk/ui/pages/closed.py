"""After too many wrong PINs the case store is closed: a calm page that says what happened,
that nothing is lost, and what to do. It shows no case data and leads nowhere."""

from __future__ import annotations

from rasdesk.platform.pin_attempts import CLOSE_AFTER
from rasdesk.ui.widgets.page import Page, label


class ClosedPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.body.addWidget(label(self.tr("rasdesk has closed the cases"), "h1"))
        self.body.addWidget(
            label(
                self.tr(
                    "The PIN was wrong {count} times in a row, so rasdesk has closed the "
                    "case store to keep people's information safe. Everything saved is safe."
                ).format(count=CLOSE_AFTER)
            )
        )
        self.body.addWidget(
            label(
                self.tr(
                    "Close rasdesk and start it again to try your PIN once more. If you have "
                    "forgotten your PIN, ask your council's IT team for help."
                ),
                "hint",
            )
        )
        self.finish()
