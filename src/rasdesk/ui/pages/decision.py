"""Recording the decision on a finalised plan: the final personal budget, who decided
(a manager or the panel) and when, and the reasons, which are required whenever the final
budget differs from the indicative amount. A refused value is named beside its box and
nothing is saved; a recorded decision is a new case version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from rasdesk.decision.costing import over_a_year
from rasdesk.decision.decide import REASON_CATEGORIES
from rasdesk.domain.errors import RasdeskError
from rasdesk.storage import decisions
from rasdesk.ui.decision_words import (
    category_words,
    council_lines,
    indicative_per,
    period_words,
    pounds,
)
from rasdesk.ui.pages.plan import show_refusal
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import Page, button, heading, label, row


class DecisionPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        decided: Callable[[], None],
        go_back: Callable[[], None],
        language: str = "en",
    ) -> None:
        super().__init__()
        self.session, self.case, self.decided = session, case_uuid, decided
        version, sec = decisions.current(session.store, case_uuid)
        assert sec is not None
        self.version_number = version["number"]
        ind = sec.indicative
        self.body.addWidget(heading(self.tr("Record the decision")))
        # A one-off amount is said once, with what it covers; the plan's year figure only
        # when some item is not one-off (costing.over_a_year, as the plan pages and letter).
        if over_a_year(sec.plan, ind):
            said = self.tr("Indicative budget: {amount} {per}. The plan costs {year} a year.")
        else:
            said = self.tr("Indicative budget: {amount} {per}. The plan costs {year} once.")
        self.body.addWidget(
            label(
                said.format(
                    amount=pounds(ind.amount),
                    per=indicative_per(ind, language),
                    year=pounds(sec.comparison.plan_per_year),
                )
            )
        )
        for line in council_lines(ind):  # format 2: the council's part; other funders
            self.body.addWidget(label(line, "hint"))
        self.fields: dict[str, QWidget] = {}
        self.final = self._line(
            "final",
            self.tr("Final personal budget, in pounds {per}").format(
                per=period_words(ind.period.value)
            ),
        )
        self.by = self._line("by", self.tr("Who decided (a manager, or the panel)"))
        role_label = label(self.tr("Decided by a manager or a panel"))
        self.body.addWidget(role_label)
        self.role = QComboBox()
        role_label.setBuddy(self.role)  # AT-SPI's "labelled by": Qt names a combo by its value
        self.role.setAccessibleName(self.tr("Decided by a manager or a panel"))
        self.role.addItem(self.tr("The resource allocation panel"), "panel")
        self.role.addItem(self.tr("A manager"), "manager")
        self.fields["role"] = self.role
        self.body.addWidget(self.role)
        self.date = self._line("date", self.tr("Date decided (YYYY-MM-DD)"))
        self.date.setText(dt.date.today().isoformat())
        category_label = label(self.tr("Reason category"))
        self.body.addWidget(category_label)
        self.category = QComboBox()
        category_label.setBuddy(self.category)
        self.category.setAccessibleName(self.tr("Reason category"))
        for code in REASON_CATEGORIES:
            self.category.addItem(category_words(code), code)
        self.fields["category"] = self.category
        self.body.addWidget(self.category)
        self.body.addWidget(label(self.tr("Reasons, in words the person will read")))
        self.reasons = QPlainTextEdit()
        self.reasons.setTabChangesFocus(True)
        self.reasons.setAccessibleName(self.tr("Reasons, in words the person will read"))
        self.fields["reason"] = self.reasons
        self.body.addWidget(self.reasons)
        self.error = label("", "warning")
        self.error.hide()
        self.body.addWidget(self.error)
        self.record = button(self.tr("Record the decision"), self._record, primary=True)
        self.body.addWidget(row(button(self.tr("Back"), go_back), self.record))
        self.finish()

    def _line(self, key: str, text: str) -> QLineEdit:
        self.body.addWidget(label(text))
        edit = QLineEdit()
        edit.setAccessibleName(text)
        self.fields[key] = edit
        self.body.addWidget(edit)
        return edit

    def first_focus(self) -> QWidget | None:
        return self.final

    def _record(self) -> None:
        try:
            decisions.decide(
                self.session.store,
                self.case,
                on_version=self.version_number,
                final=self.final.text(),
                by=self.by.text(),
                role=self.role.currentData(),
                decided_on=self.date.text().strip(),
                category=self.category.currentData(),
                reasons=self.reasons.toPlainText(),
            )
        except RasdeskError as exc:
            show_refusal(self, self.error, self.fields, exc)
            return
        self.decided()
