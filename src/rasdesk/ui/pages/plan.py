"""The support plan, at the table: one item per row (large, keyboard-friendly), a form to
add the next item, how the budget is managed and who agreed, and the totals against the
indicative amount always in view (below the scrolling page). Each change is saved at once
as the store's decision room checks it; a refused value is named beside its box."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QWidget,
)

from rasdesk.decision.costing import compare, over_a_year, totals
from rasdesk.decision.errors import FieldError
from rasdesk.decision.mechanisms import MECHANISMS
from rasdesk.domain.errors import RasdeskError
from rasdesk.storage import decisions
from rasdesk.ui.decision_words import (
    council_lines,
    direction_words,
    indicative_per,
    mechanism_words,
    period_words,
    pounds,
)
from rasdesk.ui.modes import Modes
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.fitted_list import FittedList
from rasdesk.ui.widgets.page import Page, button, heading, label, row
from rasdesk.ui.words import shown_text


def show_refusal(page: Page, error: QLabel, fields: dict[str, QWidget], exc: Exception) -> None:
    """A refused value: the message under the form, said aloud, and the keyboard taken to
    the box it names (nothing was saved)."""
    error.setText(str(exc))
    error.setAccessibleName(str(exc))
    error.show()
    page.say(str(exc), assertive=True)
    if isinstance(exc, FieldError) and exc.field in fields:
        fields[exc.field].setFocus()


class PlanPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        modes: Modes,
        refresh: Callable[[], None],
        finalised: Callable[[], None],
        go_back: Callable[[], None],
    ) -> None:
        super().__init__()
        self.session, self.case, self.refresh, self.finalised = (
            session,
            case_uuid,
            refresh,
            finalised,
        )
        self.done = False  # saved and moving on: leave() has nothing more to save
        self.language = modes.language  # the ruleset's words for what an amount covers
        store = session.store
        version, sec = decisions.current(store, case_uuid)
        self.version_number = version["number"]
        self.amount: QComboBox | None = None  # format 2, several amounts: which one
        chosen = None
        if sec is None:
            amounts = decisions.amounts_to_plan(store, case_uuid, version)
            if len(amounts) > 1:
                self.amount = QComboBox()
                for amount_id, words in amounts:
                    self.amount.addItem(words, amount_id)
                chosen = amounts[0][0]
        indicative = (
            sec.indicative if sec else decisions.indicative_of(store, case_uuid, version, chosen)
        )
        self.plan = sec.plan if sec else None
        self.body.addWidget(heading(self.tr("Support plan")))
        self.indicative_label = label("")
        self.body.addWidget(self.indicative_label)
        self.council = label("", "hint")  # format 2: the council's part; other funders
        self.body.addWidget(self.council)
        self._show_indicative(indicative)
        if self.amount is not None:
            amount_label = label(self.tr("The amount the plan is measured against"))
            self.body.addWidget(amount_label)
            amount_label.setBuddy(self.amount)
            self.amount.setAccessibleName(self.tr("The amount the plan is measured against"))
            self.body.addWidget(self.amount)
            self.amount.currentIndexChanged.connect(self._amount_chosen)
        self.body.addWidget(label(self.tr("What the budget will buy"), "h2"))
        self.items = FittedList(most=8)  # as tall as its rows; a longer plan scrolls
        self.items.setAccessibleName(self.tr("Items of the plan"))
        for item in self.plan.items if self.plan else ():
            text = self.tr(
                "{number}. {kind} ({provider}): {quantity} {unit} × {rate} = {cost} {per}"
            ).format(
                number=item.id,
                kind=item.kind,
                provider=item.provider,
                quantity=item.quantity,
                unit=item.unit,
                rate=pounds(item.rate),
                cost=pounds(item.cost),
                per=period_words(item.period.value),
            )
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items.addItem(entry)
        if not self.items.count():
            self.items.addItem(QListWidgetItem(self.tr("No items yet.")))
        self.body.addWidget(self.items)
        self.body.addWidget(row(button(self.tr("Remove the selected item"), self._remove)))

        self.body.addWidget(label(self.tr("Add an item"), "h2"))
        self.fields: dict[str, QWidget] = {}
        for key, text in (
            ("kind", self.tr("Kind of support")),
            ("provider", self.tr("Who provides it")),
            ("quantity", self.tr("How many")),
            ("unit", self.tr("Unit (hours, days, nights, item)")),
            ("rate", self.tr("Cost of one, in pounds")),
        ):
            self.body.addWidget(label(text))
            edit = QLineEdit()
            edit.setAccessibleName(text)
            edit.returnPressed.connect(self._add)
            self.fields[key] = edit
            self.body.addWidget(edit)
        per_label = label(self.tr("How often"))
        self.body.addWidget(per_label)
        per = QComboBox()
        per_label.setBuddy(per)  # AT-SPI's "labelled by": Qt names a combo by its value
        per.setAccessibleName(self.tr("How often"))
        self.fields["per"] = per
        self._offer_periods(indicative)
        self.body.addWidget(per)
        self.body.addWidget(label(self.tr("Need areas it meets")))
        self.meets: list[tuple[str, QCheckBox]] = []
        for section in decisions.need_area_sections(store, case_uuid, version):
            box = QCheckBox(
                shown_text(section.title, section.easy_read, modes.language, modes.easy)
            )
            box.setAccessibleName(box.text())
            self.meets.append((section.id, box))
            self.body.addWidget(box)
        self.error = label("", "warning")
        self.error.hide()
        self.body.addWidget(self.error)
        self.body.addWidget(row(button(self.tr("Add this item"), self._add, primary=True)))

        mechanism_label = label(self.tr("How the budget is managed"), "h2")
        self.body.addWidget(mechanism_label)
        self.mechanism = QComboBox()
        mechanism_label.setBuddy(self.mechanism)
        self.mechanism.setAccessibleName(self.tr("How the budget is managed"))
        self.mechanism.addItem(self.tr("Not chosen yet"), None)
        for m in MECHANISMS:
            self.mechanism.addItem(mechanism_words(m.code), m.code)
        if self.plan and self.plan.mechanism:
            self.mechanism.setCurrentIndex(self.mechanism.findData(self.plan.mechanism.code))
        self.body.addWidget(self.mechanism)
        self.body.addWidget(label(self.tr("Who agreed the plan")))
        self.agreed = QLineEdit(self.plan.agreed_by or "" if self.plan else "")
        self.agreed.setAccessibleName(self.tr("Who agreed the plan"))
        self.body.addWidget(self.agreed)
        self.finalise_button = button(
            self.tr("Finalise the plan"),
            self._finalise,
            primary=True,
            description=self.tr("Freeze the plan; it then waits for a decision if it needs one."),
        )
        self.body.addWidget(row(button(self.tr("Back"), go_back), self.finalise_button))
        self.finish()
        self.indicative = indicative
        self.totals = label(self._totals_text(indicative), "h2")  # always in view
        self.totals.setContentsMargins(32, 6, 32, 6)
        self.layout().addWidget(self.totals)

    def _offer_periods(self, indicative: Any) -> None:
        """Offer only the periods an item can be compared in against ``indicative`` (no
        "a week" when the ruleset gives the amount no weeks in a year); the store still
        refuses any other."""
        per = self.fields["per"]
        assert isinstance(per, QComboBox)
        was = per.currentData()
        per.clear()
        for p in indicative.periods:
            per.addItem(period_words(p.value), p.value)
        per.setCurrentIndex(max(per.findData(was), 0))

    def _totals_text(self, indicative: Any) -> str:
        if not self.plan or not self.plan.items:  # the amount still in view, whatever scrolls
            return self.tr("The plan has no items yet. Indicative budget: {amount} {per}.").format(
                amount=pounds(indicative.amount), per=indicative_per(indicative, self.language)
            )
        cmp = compare(self.plan, indicative)
        parts = " + ".join(
            f"{pounds(v)} {period_words(p.value)}" for p, v in totals(self.plan).items()
        )
        if indicative.once:  # said once, with what it covers; never "({…} a year)"
            said = f"{pounds(indicative.amount)} {indicative_per(indicative, self.language)}"
            if not over_a_year(self.plan, indicative):
                return self.tr("Plan: {parts}, {direction} ({indicative}).").format(
                    parts=parts, direction=direction_words(cmp.direction), indicative=said
                )
            return self.tr("Plan: {parts}; {year} a year, {direction} ({indicative}).").format(
                parts=parts,
                year=pounds(cmp.plan_per_year),
                direction=direction_words(cmp.direction),
                indicative=said,
            )
        return self.tr("Plan: {parts}; {year} a year, {direction} ({indicative} a year).").format(
            parts=parts,
            year=pounds(cmp.plan_per_year),
            direction=direction_words(cmp.direction),
            indicative=pounds(cmp.indicative_per_year),
        )

    def first_focus(self) -> QWidget | None:
        """The amount to measure against when there are several (chosen before the plan
        starts, and above the item's fields: Tab would never come back to it), else the
        new item's first field."""
        return self.amount if self.amount is not None else self.fields["kind"]

    def _show_indicative(self, indicative: Any) -> None:
        self.indicative_label.setText(
            self.tr("Indicative budget: {amount} {per}").format(
                amount=pounds(indicative.amount), per=indicative_per(indicative, self.language)
            )
        )
        lines = council_lines(indicative)
        self.council.setText("\n".join(lines))
        self.council.setVisible(bool(lines))

    def _amount_chosen(self) -> None:
        """Format 2, before the plan starts: the totals against the chosen amount."""
        assert self.amount is not None
        store = self.session.store
        version = self.session.version(self.case)
        self.indicative = decisions.indicative_of(
            store, self.case, version, self.amount.currentData()
        )
        self._show_indicative(self.indicative)
        self._offer_periods(self.indicative)
        self.totals.setText(self._totals_text(self.indicative))
        # The amount's words above the choice change height: keep the choice in view.
        QTimer.singleShot(0, self, self.show_focus)

    def _show(self, exc: Exception) -> None:
        show_refusal(self, self.error, self.fields, exc)

    def _save_terms(self) -> None:
        code = self.mechanism.currentData()
        store = self.session.store
        if code and (
            self.plan is None or self.plan.mechanism is None or self.plan.mechanism.code != code
        ):
            decisions.set_mechanism(store, self.case, code, on_version=self._latest())
        who = self.agreed.text().strip()
        if who and (self.plan is None or who != (self.plan.agreed_by or "")):
            decisions.set_agreed_by(store, self.case, who, on_version=self._latest())

    def _latest(self) -> int:
        return int(self.session.version(self.case)["number"])

    def _add(self) -> None:
        fields: dict[str, Any] = {
            k: w.text() for k, w in self.fields.items() if isinstance(w, QLineEdit)
        }
        per = self.fields["per"]
        assert isinstance(per, QComboBox)
        fields["period"] = per.currentData()
        fields["meets"] = [sid for sid, box in self.meets if box.isChecked()]
        chosen = self.amount.currentData() if self.amount is not None else None
        try:
            decisions.add_item(
                self.session.store,
                self.case,
                fields,
                on_version=self.version_number,
                amount=chosen,
            )
            self._save_terms()
        except RasdeskError as exc:
            self._show(exc)
            return
        self.done = True
        self.refresh()

    def _remove(self) -> None:
        current = self.items.currentItem()
        item_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        if item_id is None:
            return
        try:
            decisions.remove_item(
                self.session.store, self.case, int(item_id), on_version=self.version_number
            )
        except RasdeskError as exc:
            self._show(exc)
            return
        self.done = True
        self.refresh()

    def _finalise(self) -> None:
        from rasdesk.storage.lifecycle import finalise

        try:
            self._save_terms()
            if self.session.is_draft(self.case):
                finalise(self.session.store, self.case)
        except RasdeskError as exc:
            self._show(exc)
            return
        self.done = True
        self.finalised()

    def leave(self) -> None:
        if self.done:
            return
        with contextlib.suppress(RasdeskError):  # a half-typed name is not saved
            self._save_terms()
