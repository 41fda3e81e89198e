"""The assessor's help under a question. In large print it folds away behind a "Help for
the assessor" button (Enter or Space opens and closes it; a screen reader hears whether it
is open), so that the question, its answers and Continue fit the screen at 200 %; in
standard print it is simply shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from rasdesk.ui.widgets.page import label


class AssessorHelp(QWidget):
    def __init__(self, text: str, *, folded: bool) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.words = label(
            QCoreApplication.translate("AssessorHelp", "For the assessor: {help}").format(
                help=text
            ),
            "hint",
        )
        self.toggle: QPushButton | None = None
        if folded:
            self.toggle = QPushButton()
            self.toggle.setCheckable(True)
            self.toggle.setAutoDefault(True)  # Enter opens it, as Space does
            self.toggle.toggled.connect(self._show)
            layout.addWidget(self.toggle)
            self._show(False)
        layout.addWidget(self.words)

    def _show(self, shown: bool) -> None:
        assert self.toggle is not None
        self.words.setVisible(shown)
        title = QCoreApplication.translate("AssessorHelp", "Help for the assessor")
        self.toggle.setText(("▾ " if shown else "▸ ") + title)
        state = (
            QCoreApplication.translate("AssessorHelp", "shown")
            if shown
            else QCoreApplication.translate("AssessorHelp", "hidden")
        )
        self.toggle.setAccessibleName(f"{title}: {state}")
