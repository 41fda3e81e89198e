"""The GOV.UK error summary: a bordered box at the top of a page headed "There is a
problem", with one link per problem that takes the keyboard to the place to fix it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QVBoxLayout

from rasdesk.ui.widgets.page import label, link


class ErrorSummary(QFrame):
    def __init__(self, title: str, problems: list[tuple[str, Callable[[], None]]]) -> None:
        super().__init__()
        self.setObjectName("errorSummary")
        self.setAccessibleName(title)
        self.setAccessibleDescription("; ".join(text for text, _go in problems))
        layout = QVBoxLayout(self)
        heading = label(title, "h2")
        layout.addWidget(heading)
        self.links = []
        for text, go in problems:
            widget = link(text, go)
            layout.addWidget(widget)
            self.links.append(widget)
