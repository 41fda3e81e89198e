"""Who the assessment is for: name, date of birth, council reference, who is helping, and
the person's communication needs (Accessible Information Standard), which then set the
screens and print-outs automatically. A carer's assessment may be linked to a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLineEdit, QRadioButton, QWidget

from rasdesk.domain.errors import RasdeskError
from rasdesk.storage.store import Person
from rasdesk.ui.accessible import set_language
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.case_details import CaseDetailsFields
from rasdesk.ui.widgets.error_summary import ErrorSummary
from rasdesk.ui.widgets.page import Page, button, label, row


class NewCasePage(Page):
    def __init__(
        self,
        session: Session,
        kind: str,
        linked: str | None,
        started: Callable[[str], None],
        cancel: Callable[[], None],
    ) -> None:
        super().__init__()
        self.session, self.kind, self.linked = session, kind, linked
        self.started, self.cancel = started, cancel
        self.summary: ErrorSummary | None = None
        title = self.tr("New carer's assessment") if kind == "carer" else self.tr("New assessment")
        self.body.addWidget(label(title, "h1"))
        if linked:
            name = session.store.case_row(linked)["person_name"]
            self.body.addWidget(
                label(self.tr("Linked to the assessment of {name}.").format(name=name), "hint")
            )
        self.name = self._field(
            self.tr("Full name of the person this assessment is for"),
            self.tr("As they like it written on letters."),
        )
        self.body.addWidget(label(self.tr("Date of birth"), "h2"))
        self.body.addWidget(label(self.tr("For example, 27 3 1950"), "hint"))
        self.day = self._small(self.tr("Day"), 2)
        self.month = self._small(self.tr("Month"), 2)
        self.year = self._small(self.tr("Year"), 4)
        self.body.addWidget(
            row(
                label(self.tr("Day")),
                self.day,
                label(self.tr("Month")),
                self.month,
                label(self.tr("Year")),
                self.year,
            )
        )
        self.ref = self._field(self.tr("Council reference (if known)"), "")
        self.helper = self._field(
            self.tr("Who is helping them with this assessment (if anyone)"),
            self.tr("For example, their daughter, or an advocate."),
        )
        self.case_details = CaseDetailsFields(self.body, self.submit)
        self.body.addWidget(label(self.tr("How they need information"), "h2"))
        self.body.addWidget(
            label(self.tr("Tick all that apply. The screens and letters will follow them."), "hint")
        )
        self.needs: dict[str, QCheckBox] = {}
        for need, text in self._need_words().items():
            box = QCheckBox(text)
            box.setAccessibleName(text)
            self.needs[need] = box
            self.body.addWidget(box)
        self.body.addWidget(label(self.tr("Language for screens and letters"), "h2"))
        self.language = QButtonGroup(self)
        for code, text in (("en", "English"), ("cy", "Cymraeg (Welsh)")):
            choice = QRadioButton(text)
            choice.setAccessibleName(text)
            choice.setProperty("code", code)
            set_language(choice, code)
            choice.setChecked(code == session.app_modes.language)
            self.language.addButton(choice)
            self.body.addWidget(choice)
        self.body.addWidget(
            row(
                button(self.tr("Start the assessment"), self.submit, primary=True),
                button(self.tr("Cancel"), self.cancel),
            )
        )
        self.finish()

    def _need_words(self) -> dict[str, str]:
        return {
            "large_print": self.tr("Large print"),
            "easy_read": self.tr("Easy read, with pictures"),
            "welsh": self.tr("Welsh"),
            "bsl": self.tr("British Sign Language interpreter"),
            "audio": self.tr("Audio"),
            "braille": self.tr("Braille"),
            "plain_text": self.tr("Plain text by email"),
        }

    def _field(self, title: str, hint: str) -> QLineEdit:
        self.body.addWidget(label(title, "h2"))
        if hint:
            self.body.addWidget(label(hint, "hint"))
        edit = QLineEdit()
        edit.setAccessibleName(title)
        edit.setAccessibleDescription(hint)
        edit.returnPressed.connect(self.submit)
        self.body.addWidget(edit)
        return edit

    def _small(self, name: str, width: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(self.tr("Date of birth: {part}").format(part=name))
        edit.setMaxLength(width)
        edit.setFixedWidth(40 + 26 * width)
        edit.returnPressed.connect(self.submit)
        return edit

    def first_focus(self) -> QWidget | None:
        return self.name

    def _date(self) -> str | None:
        parts = [self.day.text().strip(), self.month.text().strip(), self.year.text().strip()]
        if not any(parts):
            return None
        try:
            day, month, year = (int(p) for p in parts)
            return dt.date(year, month, day).isoformat()
        except ValueError:
            raise ValueError from None

    def submit(self) -> None:
        problems: list[tuple[str, Callable[[], None]]] = []
        if not self.name.text().strip():
            problems.append((self.tr("Enter the person's full name"), self.name.setFocus))
        try:
            birth = self._date()
            if birth and birth > dt.date.today().isoformat():
                raise ValueError
        except ValueError:
            birth = None
            problems.append(
                (
                    self.tr("Date of birth must be a real date in the past, like 27 3 1950"),
                    self.day.setFocus,
                )
            )
        details, problem, field = self.case_details.details()
        if details is None:
            problems.append((problem, field.setFocus))
        if problems or details is None:
            self._show_problems(problems)
            return
        checked = self.language.checkedButton()
        person = Person(
            self.name.text().strip(),
            birth,
            self.ref.text().strip() or None,
            tuple(n for n, box in self.needs.items() if box.isChecked()),
            str(checked.property("code")) if checked else "en",
            self.helper.text().strip() or None,
            details,
        )
        try:
            case_uuid = self.session.start_case(person, self.kind, self.linked)
        except RasdeskError as exc:
            self._show_problems([(str(exc), self.name.setFocus)])
            return
        self.started(case_uuid)

    def _show_problems(self, problems: list[tuple[str, Callable[[], None]]]) -> None:
        if self.summary is not None:
            self.summary.setParent(None)
        self.summary = ErrorSummary(self.tr("There is a problem"), problems)
        self.show_summary(self.summary, self.summary.links)
