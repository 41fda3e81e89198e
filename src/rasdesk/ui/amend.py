"""Amend a finalised assessment from the app: the reason is asked for (and required), then
the lifecycle's ``amend`` makes a new draft version that supersedes the finalised one,
starting from its answers and notes; the finalised version is kept as it was and the
reason goes into the audit trail and, with the new version, to the council. The answers
then open for changing. Never while the laptop is handed to the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget

from rasdesk.ui.errors import show_error
from rasdesk.ui.widgets.page import button, label, row

if TYPE_CHECKING:
    from rasdesk.ui.main_window import MainWindow

MAX_REASON = 2000  # characters: a reason is a sentence or two, never a file


class AmendDialog(QDialog):
    def __init__(self, parent: QWidget, version: int) -> None:
        super().__init__(parent)
        self.reason_text = ""
        self.setWindowTitle(self.tr("Amend this assessment"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Amend this assessment"), "h2"))
        layout.addWidget(
            label(
                self.tr(
                    "Version {version} stays as it was finalised. The amendment is a new "
                    "version that starts from its answers; change them, then finalise it "
                    "again. The reason is kept with the case and sent to the council."
                ).format(version=version)
            )
        )
        layout.addWidget(label(self.tr("Why does it need correcting?")))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Why does it need correcting?"))
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason, 1)
        self.error = label("", "warning")
        self.error.hide()
        layout.addWidget(self.error)
        self.amend = button(self.tr("Amend"), self._amend, primary=True)
        self.amend.setAutoDefault(False)
        self.cancel = button(self.tr("Cancel"), self.reject)  # the safe choice for Enter
        self.cancel.setDefault(True)
        layout.addWidget(row(self.amend, self.cancel))
        self.reason.setFocus()

    def _amend(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            self._problem(self.tr("Give the reason for the amendment."))
            return
        if len(text) > MAX_REASON:
            self._problem(
                self.tr("Keep the reason under {limit} characters.").format(limit=MAX_REASON)
            )
            return
        self.reason_text = text
        self.accept()

    def _problem(self, words: str) -> None:
        self.error.setText(words)
        self.error.setAccessibleName(words)
        self.error.show()
        self.reason.setFocus()


def amend_case(win: MainWindow, case: str) -> None:
    """Ask for the reason, amend, and open the new version's answers."""
    if win.handed_case is not None or win.session.is_draft(case):
        return  # with the person, or nothing finalised to amend
    from rasdesk.storage import lifecycle

    dialog = AmendDialog(win, int(win.session.version(case)["number"]))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        lifecycle.amend(win.session.store, case, dialog.reason_text)
    except Exception as exc:
        show_error(win, exc)
        return
    win.go(("check", case))
