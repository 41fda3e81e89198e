"""What has changed since last time (a review): the money, whether the change came from
the person's answers or the council's new rules, each answer and area that changed — the
same sentences the letter prints — then the budget, or the letter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rasdesk.ui import reviews
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import Page, button, heading, label, row


class SinceLastTimePage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        language: str,
        go_on: Callable[[], None],
        go_back: Callable[[], None],
        print_letter: Callable[[], None],
    ) -> None:
        super().__init__()
        title, lines = reviews.since_or_gone(session, case_uuid, language)
        self.body.addWidget(heading(title))
        self.lines = [label(line) for line in lines]
        for line in self.lines:
            self.body.addWidget(line)
        self.continue_button = button(self.tr("Continue to the budget"), go_on, primary=True)
        self.print_button = button(self.tr("Print the letter"), print_letter)
        self.body.addWidget(
            row(button(self.tr("Back"), go_back), self.continue_button, self.print_button)
        )
        self.finish()

    def first_focus(self) -> QWidget | None:
        return self.continue_button
