"""The new-case page's details for the council's national return (CLD): NHS number,
Primary Support Reason, method of assessment, eligible needs, unpaid carer. Each is
optional; the lists show the national words exactly (rasdesk.cld.lists)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from rasdesk.cld.details import CaseDetails
from rasdesk.cld.lists import METHODS_OF_ASSESSMENT, PRIMARY_SUPPORT_REASONS
from rasdesk.domain.errors import InputError
from rasdesk.ui.widgets.page import label


class CaseDetailsFields:
    """Adds the fields to ``body``; ``details()`` checks them, naming the field at fault."""

    def __init__(self, body: QVBoxLayout, submit: Callable[[], None]) -> None:
        body.addWidget(
            label(
                QCoreApplication.translate("CaseDetails", "For the council's national return"), "h2"
            )
        )
        body.addWidget(
            label(
                QCoreApplication.translate(
                    "CaseDetails", "All optional. Leave blank what you do not know."
                ),
                "hint",
            )
        )
        self.nhs = QLineEdit()
        self.nhs.setMaxLength(14)
        self.nhs.returnPressed.connect(submit)
        self._add(
            body,
            self.nhs,
            QCoreApplication.translate("CaseDetails", "NHS number"),
            QCoreApplication.translate("CaseDetails", "10 digits, for example 943 476 5919."),
        )
        yes, no, unknown = (
            QCoreApplication.translate("CaseDetails", "Yes"),
            QCoreApplication.translate("CaseDetails", "No"),
            QCoreApplication.translate("CaseDetails", "Unknown"),
        )
        self.reason = self._combo(
            body,
            QCoreApplication.translate("CaseDetails", "Primary support reason"),
            list(PRIMARY_SUPPORT_REASONS),
        )
        self.method = self._combo(
            body,
            QCoreApplication.translate("CaseDetails", "Who took part in the assessment"),
            list(METHODS_OF_ASSESSMENT),
        )
        self.eligible = self._combo(
            body, QCoreApplication.translate("CaseDetails", "Eligible needs identified"), [yes, no]
        )
        self.carer = self._combo(
            body,
            QCoreApplication.translate("CaseDetails", "Has an unpaid carer"),
            [yes, no, unknown],
        )
        self._national = {yes: "Yes", no: "No", unknown: "Unknown"}

    def _add(self, body: QVBoxLayout, widget: QWidget, title: str, hint: str = "") -> None:
        caption = label(title, "h2")
        caption.setBuddy(widget)  # AT-SPI's "labelled by" (Qt names a combo by its value)
        body.addWidget(caption)
        if hint:
            body.addWidget(label(hint, "hint"))
        widget.setAccessibleName(title)
        widget.setAccessibleDescription(hint)
        body.addWidget(widget)

    def _combo(self, body: QVBoxLayout, title: str, items: list[str]) -> QComboBox:
        box = QComboBox()
        box.addItem(QCoreApplication.translate("CaseDetails", "Not recorded"), None)
        for item in items:
            box.addItem(item, item)
        self._add(body, box, title)
        return box

    def _value(self, box: QComboBox) -> str | None:
        data = box.currentData()
        return None if data is None else self._national.get(str(data), str(data))

    def details(self) -> tuple[CaseDetails | None, str, QWidget]:
        """The checked details, or None with the problem's words and its field."""
        fields: list[tuple[str, QWidget]] = [
            ("NHS number", self.nhs),
            ("Primary Support Reason", self.reason),
            ("Method of Assessment", self.method),
            ("Eligible Needs Identified", self.eligible),
            ("Has Unpaid Carer", self.carer),
        ]
        try:
            return (
                CaseDetails(
                    self.nhs.text(),
                    self._value(self.reason),
                    self._value(self.method),
                    self._value(self.eligible),
                    self._value(self.carer),
                ).checked(),
                "",
                self.nhs,
            )
        except InputError as exc:
            text = str(exc)
            widget = next((w for name, w in fields if text.startswith(name)), self.nhs)
            if widget is self.nhs:
                text = QCoreApplication.translate(
                    "CaseDetails", "Enter a real NHS number (10 digits), or leave it blank"
                )
            return None, text, widget
