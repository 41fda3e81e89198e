"""The plan against the indicative budget: both over a year, side by side in a chart, the
difference in pounds and per cent, whether the plan needs a decision (and why), the
decision once made; and the ways on: record the decision, change the plan, print the
decision letter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from rasdesk.decision.costing import over_a_year
from rasdesk.storage import decisions
from rasdesk.ui.decision_words import (
    category_words,
    council_lines,
    direction_words,
    indicative_per,
    mechanism_words,
    percent_words,
    period_words,
    pounds,
    status_words,
)
from rasdesk.ui.modes import Modes
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.amounts_chart import AmountsChart
from rasdesk.ui.widgets.page import Page, button, heading, label, row


class PlanSummaryPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        modes: Modes,
        decide: Callable[[], None],
        change: Callable[[], None],
        print_letter: Callable[[], None],
        go_back: Callable[[], None],
    ) -> None:
        super().__init__()
        version, sec = decisions.current(session.store, case_uuid)
        assert sec is not None, "no plan to summarise"
        cmp = sec.comparison
        self.heading = heading(self.tr("The plan against the indicative budget"))
        self.body.addWidget(self.heading)
        self.status = label(
            self.tr("Status: {status}").format(status=status_words(sec.status)), "h2"
        )
        self.body.addWidget(self.status)
        ind = sec.indicative
        # A one-off amount is said once, with what it covers, never "a year"; the plan's
        # year figure only when some item is not one-off (costing.over_a_year).
        yearly = over_a_year(sec.plan, ind)
        self.body.addWidget(
            label(
                self.tr("Indicative budget: {amount} {per}.").format(
                    amount=pounds(ind.amount), per=indicative_per(ind, modes.language)
                )
                if ind.once
                else self.tr("Indicative budget: {amount} {per} ({year} a year).").format(
                    amount=pounds(ind.amount),
                    per=period_words(ind.period.value),
                    year=pounds(cmp.indicative_per_year),
                )
            )
        )
        for line in council_lines(ind):  # format 2: the council's part; other funders
            self.body.addWidget(label(line, "hint"))
        self.cost = label(
            self.tr("The plan costs {year} a year: {direction}.").format(
                year=pounds(cmp.plan_per_year), direction=direction_words(cmp.direction)
            )
            if yearly
            else self.tr("The plan costs {amount} {per}: {direction}.").format(
                amount=pounds(cmp.plan_per_year),
                per=period_words("one_off"),
                direction=direction_words(cmp.direction),
            ),
            "big",
        )
        self.body.addWidget(self.cost)
        if cmp.direction != "same":
            self.body.addWidget(
                label(
                    (
                        self.tr("Difference: {amount} ({percent}%).")
                        if ind.once
                        else self.tr("Difference: {amount} a year ({percent}%).")
                    ).format(amount=pounds(abs(cmp.difference)), percent=percent_words(cmp.percent))
                )
            )
        title = (
            self.tr("The indicative budget and the plan, over a year")
            if yearly
            else self.tr("The indicative budget and the plan")
        )
        self.body.addWidget(label(title, "h2"))
        self.chart = AmountsChart(
            [
                (self.tr("Indicative budget"), cmp.indicative_per_year),
                (self.tr("Support plan"), cmp.plan_per_year),
            ],
            title,
            modes.contrast,
        )
        self.body.addWidget(self.chart)
        if sec.needs and sec.decision is None:
            why = [
                self.tr("it costs more than the indicative amount")
                if n == "above_indicative"
                else self.tr("it is above the amount a manager must sign off")
                for n in sec.needs
            ]
            self.body.addWidget(
                label(
                    self.tr("A manager or the panel must decide, because {why}.").format(
                        why="; ".join(why)
                    ),
                    "warning",
                )
            )
        if sec.plan.mechanism is not None:
            self.body.addWidget(
                label(
                    self.tr("Managed as: {how}").format(
                        how=mechanism_words(sec.plan.mechanism.code)
                    )
                )
            )
        d = sec.decision
        if d is not None:
            self.body.addWidget(label(self.tr("The decision"), "h2"))
            self.final = label(
                self.tr("Final personal budget: {amount} {per}, decided by {by} on {date}.").format(
                    amount=pounds(d.final), per=period_words(d.period), by=d.by, date=d.decided_on
                ),
                "h2",
            )
            self.body.addWidget(self.final)
            self.body.addWidget(
                label(self.tr("Reason: {category}").format(category=category_words(d.category)))
            )
            if d.reasons:
                self.body.addWidget(label(d.reasons))
        buttons: list[QWidget] = [button(self.tr("Back to the cases"), go_back)]
        final = version["bundle"] is not None
        if final:
            buttons.append(button(self.tr("Change the plan"), change))
            self.decide_button = button(self.tr("Record the decision"), decide, primary=d is None)
            buttons.append(self.decide_button)
        else:
            buttons.append(button(self.tr("Go on with the plan"), change, primary=True))
        if d is not None:
            self.print_button = button(
                self.tr("Print the decision letter"), print_letter, primary=True
            )
            buttons.append(self.print_button)
        self.body.addWidget(row(*buttons))
        self.finish()

    def first_focus(self) -> QWidget | None:
        return self.start_heading()
