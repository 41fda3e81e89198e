"""The case list: drafts, waiting to send, sent, and needing attention (with the reason),
a search box, and the buttons that start a new assessment or a linked carer's assessment.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from rasdesk.domain.errors import InputError
from rasdesk.storage.amount_figures import amount_figures
from rasdesk.storage.queries import CaseSummary, list_cases
from rasdesk.ui import reviews
from rasdesk.ui.amount_words import amounts_line
from rasdesk.ui.background_sync import BackgroundSync
from rasdesk.ui.decision_words import status_words
from rasdesk.ui.errors import show_error
from rasdesk.ui.sending_words import receipt_of, received_short
from rasdesk.ui.session import Session
from rasdesk.ui.theme import BODY_PT
from rasdesk.ui.widgets.page import Page, button, label, row
from rasdesk.ui.widgets.steady_tabs import steady_tabs
from rasdesk.ui.words import money

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("drafts", ("draft",)),
    ("waiting", ("finalised", "queued", "sending", "failed")),
    ("sent", ("sent",)),
    ("attention", ("quarantined",)),
)


class CaseListPage(Page):
    def __init__(
        self,
        session: Session,
        open_case: Callable[[str], None],
        new_case: Callable[[str, str | None], None],
        *,
        sync: BackgroundSync | None = None,
        sending: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.session, self.open_case, self.new_case = session, open_case, new_case
        self.sync = sync
        self.body.addWidget(label(self.tr("Cases"), "h1"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or council reference"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setAccessibleDescription(
            self.tr(
                "Type part of a name or a council reference; the lists below change as you type."
            )
        )
        self.search.textChanged.connect(lambda _text: self.fill())
        self.body.addWidget(self.search)
        self.body.addWidget(
            row(
                button(
                    self.tr("New assessment"), lambda: self.new_case("person", None), primary=True
                ),
                button(
                    self.tr("New ca&rer's assessment"),
                    self._new_carer,
                    description=self.tr(
                        "A carer's assessment, linked to the person selected in the list (if any)."
                    ),
                ),
            )
        )
        self.tabs = steady_tabs()  # the same size whichever tab is chosen or focused
        self.tabs.setAccessibleName(self.tr("Case lists"))
        self.tabs.tabBar().setAccessibleName(self.tr("Case lists"))
        self.tabs.tabBar().setAccessibleDescription(
            self.tr(
                "Left and right arrows choose drafts, waiting to send, sent or needs attention."
            )
        )
        self.lists: dict[str, QListWidget] = {}
        for key, _states in GROUPS:
            widget = QListWidget()
            widget.setAccessibleName(self._group_title(key))
            widget.setWordWrap(True)
            widget.itemActivated.connect(self._activated)
            self.lists[key] = widget
            self.tabs.addTab(widget, self._group_title(key))
        # At least a few rows; the rest of the page's height (stretch) goes to the list, so
        # at 1366×768 the buttons below it are in view without scrolling.
        self.tabs.setMinimumHeight(200)
        self.body.addWidget(self.tabs, 1)
        self.open_button = button(self.tr("&Open the selected case"), self._open_selected)
        self.review_button = button(
            self.tr("Start a re&view"),
            self._start_review,
            description=self.tr(
                "A new assessment for the person selected, with last time's answers to check."
            ),
        )
        self.body.addWidget(row(self.open_button, self.review_button))
        self.send_button: QPushButton | None = None
        if sync is not None and sending is not None:
            self.send_button = button(
                self.tr("Send now"),
                sync.send_now,
                description=self.tr("Send every finalised case to the council now."),
            )
            self.body.addWidget(
                row(self.send_button, button(self.tr("Sending to the council…"), sending))
            )
        self.sending_changed()  # fills the lists

    def sending_changed(self) -> None:
        """Sending moved cases on: the lists and their counts again (nothing stale), the
        selected case and the open tab kept."""
        if self.send_button is not None and self.sync is not None:
            self.send_button.setVisible(self.sync.can_send())
            self.send_button.setEnabled(not self.sync.running)
        selected, tab = self._selected(), self.tabs.currentIndex()
        self.fill()
        self.tabs.setCurrentIndex(tab)
        if selected is not None:
            for widget in self.lists.values():
                for i in range(widget.count()):
                    if widget.item(i).data(Qt.ItemDataRole.UserRole) == selected:
                        widget.setCurrentRow(i)

    def _group_title(self, key: str) -> str:
        return {
            "drafts": self.tr("Drafts"),
            "waiting": self.tr("Waiting to send"),
            "sent": self.tr("Sent"),
            "attention": self.tr("Needs attention"),
        }[key]

    def _state_words(self, state: str) -> str:
        return {
            "draft": self.tr("draft"),
            "finalised": self.tr("finalised, waiting to send"),
            "queued": self.tr("waiting to send"),
            "sending": self.tr("sending"),
            "failed": self.tr("not sent yet: will try again"),
            "sent": self.tr("sent to the council"),
            "quarantined": self.tr("needs attention"),
        }.get(state, state)

    def first_focus(self) -> QWidget | None:
        return self.search

    def fill(self) -> None:
        text = self.search.text().strip()
        try:
            cases = list_cases(self.session.store, search=text or None, limit=500)
        except InputError:
            cases = []  # punctuation only: nothing matches yet
        self.stale = reviews.stale(self.session)
        self.amounts = amount_figures(  # format 2: each amount in its period, by funder
            self.session.store, [c.case_uuid for c in cases if not c.weekly and c.state != "draft"]
        )
        for index, (key, states) in enumerate(GROUPS):
            widget = self.lists[key]
            widget.clear()
            mine = [c for c in cases if c.state in states]
            for case in mine:
                item = QListWidgetItem(self._line(case))
                item.setData(Qt.ItemDataRole.UserRole, case.case_uuid)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self._line(case))
                widget.addItem(item)
            if not mine:
                empty = QListWidgetItem(self.tr("No cases here."))
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(empty)
            title = self.tr("{group} ({count})").format(
                group=self._group_title(key), count=len(mine)
            )
            self.tabs.setTabText(index, two_lines(title) if self._large() else title)
            self.tabs.setTabToolTip(index, title)
        for widget in self.lists.values():
            if widget.count() and widget.item(0).flags() & Qt.ItemFlag.ItemIsSelectable:
                widget.setCurrentRow(0)

    def _large(self) -> bool:
        """Large print: four tabs on one line would run past the window (the fourth,
        "Angen sylw" in Welsh, was cut off), so each title takes two lines."""
        return QApplication.font().pointSize() >= 2 * BODY_PT

    def _line(self, case: CaseSummary) -> str:
        kind = (
            self.tr("Carer's assessment")
            if case.questionnaire == "carer"
            else self.tr("Assessment")
        )
        parts = [case.person_name, case.council_ref or self.tr("no council reference"), kind]
        parts.append(self._state_words(case.state))
        receipt = receipt_of(self.session.store, case.case_uuid) if case.state == "sent" else None
        if receipt is not None:  # when the council received it
            parts.append(received_short(receipt[1]))
        if case.decision_status:  # "waiting for a decision" and the like
            parts.append(status_words(case.decision_status))
        if case.weekly:
            parts.append(self.tr("£{amount} a week").format(amount=money(case.weekly)))
        elif case.case_uuid in self.amounts:
            parts.append(amounts_line(self.amounts[case.case_uuid]))
        parts.append(self.tr("changed {date}").format(date=case.updated_at[:10]))
        found = self.stale.get(case.case_uuid)  # an older ruleset, or older than allowed
        line = "\n".join([" · ".join(parts), *(reviews.stale_words(found) if found else [])])
        if case.state == "quarantined":
            reason = self.session.version(case.case_uuid)["state_reason"] or ""
            line += "\n" + self.tr("Why: {reason}").format(reason=reason)
        return line

    def _selected(self) -> str | None:
        widget = self.tabs.currentWidget()
        if not isinstance(widget, QListWidget) or widget.currentItem() is None:
            return None
        value = widget.currentItem().data(Qt.ItemDataRole.UserRole)
        return str(value) if value else None

    def _activated(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if value:
            self.open_case(str(value))

    def _open_selected(self) -> None:
        selected = self._selected()
        if selected:
            self.open_case(selected)

    def _start_review(self) -> None:
        selected = self._selected()
        if selected:
            try:
                started = reviews.start_review(self.session, selected)
            except InputError as exc:
                show_error(self, exc)
                return
            self.open_case(started)

    def _new_carer(self) -> None:
        selected = self._selected()
        if selected and self.session.store.case_row(selected)["kind"] == "carer":
            selected = None  # a carer's assessment links to the person cared for
        self.new_case("carer", selected)


def two_lines(title: str) -> str:
    """``title`` broken at the space nearest its middle (a tab's words, at 200 %)."""
    spaces = [i for i, char in enumerate(title) if char == " "]
    if not spaces:
        return title
    middle = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return title[:middle] + "\n" + title[middle + 1 :]
