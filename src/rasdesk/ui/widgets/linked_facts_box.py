"""On a format-2 check-answers page: who answered the assessment as a whole (asked once
per case, the answers document's ``answered_by``, docs/ruleset-v2.md §1.4), and for a
carer's assessment that reads facts from the linked person's case (§1.5), each fact with
its value and the version of the person's case it comes from, or what is missing there and
what to do. Both are the assessor's record: the page leaves them out while the laptop is
handed to the person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFrame, QVBoxLayout, QWidget

from rasdesk.domain.errors import LinkedCaseError
from rasdesk.domain.model_v2 import WHO
from rasdesk.storage import answered_by as answered_by_store
from rasdesk.storage.linked_facts import facts_of, linked_shown
from rasdesk.ui.errors import show_error
from rasdesk.ui.linked_words import fact_lines, problem_words, source_words
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import label, row
from rasdesk.ui.widgets.record_fields import who_words


class AnsweredByField(QWidget):
    """A draft's "Who answered this assessment" choice, saved at once; a finalised
    version's recorded answer as words."""

    def __init__(self, session: Session, case_uuid: str, read_only: bool) -> None:
        super().__init__()
        self.session, self.case_uuid = session, case_uuid
        vid = session.version(case_uuid)["version_uuid"]
        current = answered_by_store.answered_by(session.store, vid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo: QComboBox | None = None
        if read_only:
            if current is not None:
                words = QCoreApplication.translate(
                    "LinkedFacts", "Who answered this assessment: {who}"
                ).format(who=who_words(current))
                layout.addWidget(label(words))
            return
        title = QCoreApplication.translate("LinkedFacts", "Who answered this assessment")
        self.combo = QComboBox()
        self.combo.addItem(QCoreApplication.translate("Record", "Not recorded"), None)
        for who in WHO:
            self.combo.addItem(who_words(who), who)
            if who == current:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.setAccessibleName(title)
        asked = label(title)
        asked.setBuddy(self.combo)  # Orca reads the label before the choice (AT-SPI)
        layout.addWidget(row(asked, self.combo))
        self.combo.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        assert self.combo is not None
        try:
            answered_by_store.set_answered_by(
                self.session.store, self.case_uuid, self.combo.currentData()
            )
        except Exception as exc:
            show_error(self, exc)


class LinkedFactsBox(QFrame):
    """The facts read from the person's case, or what stops them being read
    (``problems``, which the page also lists at the top and which stop the budget)."""

    def __init__(
        self, session: Session, case_uuid: str, lang: str, easy: bool, final: bool
    ) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                QCoreApplication.translate("LinkedFacts", "From the cared-for person's case"), "h2"
            )
        )
        self.problems: list[str] = []
        self.lines: list[str] = []
        try:
            linked = linked_shown(session.store, case_uuid)
        except LinkedCaseError as exc:
            self.problems = problem_words(session, case_uuid, exc, lang)
            for words in self.problems:
                layout.addWidget(label(words, "warning"))
            return
        if linked is None:  # an older finalised version, which names no version
            return
        self.lines = fact_lines(session, case_uuid, linked, lang, easy)
        for words in self.lines:
            layout.addWidget(label(words))
        self.source = source_words(linked, final)
        layout.addWidget(label(self.source, "hint"))


def wanted(session: Session, case_uuid: str) -> bool:
    """Whether the case's questionnaire reads facts from a linked case."""
    return bool(facts_of(session.store, case_uuid))
