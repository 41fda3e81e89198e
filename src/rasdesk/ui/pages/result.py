"""The indicative budget: the weekly and annual figures, large; sign-off and flags in words
(never colour alone); a chart of points by section; the engine's explanation step by step;
then Finalise (after a confirmation) and Print. "Read aloud" (Ctrl+R) speaks the figure and
the explanation step by step."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from rasdesk.domain.decimals import plain
from rasdesk.domain.model import Questionnaire
from rasdesk.printing.easy import whole_pounds
from rasdesk.ui import reviews
from rasdesk.ui.modes import Modes
from rasdesk.ui.plurals import exact, form_number
from rasdesk.ui.points_bars import section_bars
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import Page, button, heading, label, row
from rasdesk.ui.widgets.points_chart import PointsChart
from rasdesk.ui.widgets.read_aloud import ReadAloud
from rasdesk.ui.widgets.receipt import ReceiptLine
from rasdesk.ui.words import money


class ResultPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        modes: Modes,
        finalise: Callable[[], None],
        print_letter: Callable[[], None],
        go_back: Callable[[], None],
        plan: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.finalise_action = finalise
        lang, easy = modes.language, modes.easy
        budget, final = session.budget(case_uuid, lang)
        questionnaire = session.questionnaire(case_uuid)
        self.final = final
        title = self.tr("The budget") if final else self.tr("The indicative budget")
        weekly = self.tr("£{amount} a week").format(amount=money(budget["weekly"]))
        # Heard on arrival: the heading with the figure ("… is £301.20 a week").
        self.heading = heading(
            title, name=self.tr("{title}: {weekly}").format(title=title, weekly=weekly)
        )
        self.body.addWidget(self.heading)
        if not final:
            self.body.addWidget(
                label(
                    self.tr("This is a draft. It is not a decision until it is finalised."),
                    "warning",
                )
            )
        self.weekly = label(weekly, "big")
        self.body.addWidget(self.weekly)
        self.annual = label(
            self.tr("£{amount} a year").format(amount=money(budget["annual"])), "h2"
        )
        self.body.addWidget(self.annual)
        if final:  # sent yet? when the council received it, and its receipt
            self.receipt = ReceiptLine(session, case_uuid)
            self.body.addWidget(self.receipt)
        steps = [
            whole_pounds(step["easy_read"]) if easy else step["text"]
            for step in budget["explanation"]
        ]
        spoken = [title, weekly, self.annual.text(), *steps]
        self.read_aloud = ReadAloud(
            lambda: [(lang, text) for text in spoken],
            self.tr("the budget and how it was worked out"),
        )
        self.body.addWidget(self.read_aloud)
        for text in self._notices(budget, questionnaire, lang):
            self.body.addWidget(label(text, "warning"))

        since = reviews.since_box(session, case_uuid, lang)  # a review: what changed
        if since is not None:
            self.body.addWidget(since)
        self.body.addWidget(label(self.tr("Points in each area"), "h2"))
        # Points after every point adjustment (a carer's help shown as points taken away),
        # so the bars add up to the total below.
        bars, was = section_bars(budget, questionnaire, lang, easy)
        self.chart = PointsChart(bars, self.tr("Points in each area"), modes.contrast, was)
        self.body.addWidget(self.chart)
        total = Decimal(budget["total_points"])
        n = form_number(total)
        self.points_total = label(exact(self.tr("%n point(s) in all.", None, n), n, plain(total)))
        self.body.addWidget(self.points_total)

        self.body.addWidget(label(self.tr("How the figure was worked out"), "h2"))
        for text in steps:
            self.body.addWidget(label(text))

        buttons: list[QWidget] = [button(self.tr("Back to the answers"), go_back)]
        self.print_button = button(self.tr("Print the letter"), print_letter)
        if not final:
            self.finalise_button = button(
                self.tr("Finalise"),
                self._confirm,
                primary=True,
                description=self.tr("Freeze the answers and the figure; it can then be sent."),
            )
            buttons.append(self.finalise_button)
        buttons.append(self.print_button)
        if final and plan is not None:
            self.plan_button = button(
                self.tr("Support plan"),
                plan,
                description=self.tr("What the budget will buy, and the decision on it."),
            )
            buttons.append(self.plan_button)
        self.body.addWidget(row(*buttons))
        self.finish()

    def _notices(
        self, budget: dict[str, Any], questionnaire: Questionnaire, lang: str
    ) -> list[str]:
        notes = []
        if budget["sign_off_required"]:
            notes.append(self.tr("A manager must sign off this budget before it can be agreed."))
        labels = {f.id: f.label.get(lang) for f in questionnaire.allocation.flags}
        for flag in budget["flags"]:
            notes.append(self.tr("Flag: {flag}").format(flag=labels.get(flag, flag)))
        return notes

    def first_focus(self) -> QWidget | None:
        # The figure's heading, where the eye starts: never Finalise, far below, where an
        # Enter would finalise unseen.
        return self.start_heading()

    def _confirm(self) -> None:
        if confirm_finalise(self):
            self.finalise_action()

    def leave(self) -> None:
        self.read_aloud.stop()


def confirm_finalise(parent: QWidget) -> bool:
    """Ask before freezing a case (both formats' budget pages): Not yet is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ResultPage", "Finalise this assessment?"))
    box.setText(QCoreApplication.translate("ResultPage", "Finalise this assessment?"))
    box.setInformativeText(
        QCoreApplication.translate(
            "ResultPage",
            "The answers and the figure will be frozen and sent to the council. "
            "A correction later needs an amendment with a reason.",
        )
    )
    yes = box.addButton(
        QCoreApplication.translate("ResultPage", "Finalise"), QMessageBox.ButtonRole.AcceptRole
    )
    not_yet = box.addButton(
        QCoreApplication.translate("ResultPage", "Not yet"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(not_yet)  # Enter, pressed once too often, finalises nothing
    box.setEscapeButton(not_yet)
    box.exec()
    return box.clickedButton() is yes
