"""Check your answers: every shown answer with its points, grouped by section, each with a
Change link that comes back here afterwards; required questions still unanswered are listed
at the top as an error summary with links to them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from rasdesk.ui import flow, reviews
from rasdesk.ui.modes import Modes
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.error_summary import ErrorSummary
from rasdesk.ui.widgets.page import Page, button, label, link, row
from rasdesk.ui.words import answer_words, points_words, shown_text


class CheckAnswersPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        modes: Modes,
        change: Callable[[str], None],
        go_on: Callable[[], None],
        go_back: Callable[[], None],
    ) -> None:
        super().__init__()
        self.change, self.go_on = change, go_on
        questionnaire = session.questionnaire(case_uuid)
        answers = session.answers(case_uuid)
        lang, easy = modes.language, modes.easy
        self.body.addWidget(label(self.tr("Check the answers"), "h1"))
        missing = flow.missing_required(questionnaire, answers)
        self.summary: ErrorSummary | None = None
        if missing:
            self.summary = ErrorSummary(
                self.tr("There is a problem"),
                [
                    (
                        self.tr("Answer: {question}").format(question=q.text.get(lang)),
                        lambda qid=q.id: change(qid),
                    )
                    for _s, q in missing
                ],
            )
            self.body.addWidget(self.summary)
        since = reviews.since_box(session, case_uuid, lang)  # a review: what changed
        if since is not None:
            self.body.addWidget(since)
        unchecked = set(reviews.to_check(session, case_uuid))
        self.change_links: dict[str, QWidget] = {}
        path = flow.shown_questions(questionnaire, answers)
        for section in questionnaire.sections:
            mine = [q for s, q in path if s.id == section.id]
            if not mine:
                continue
            title = shown_text(section.title, section.easy_read, lang, easy)
            self.body.addWidget(label(title, "h2"))
            card = QFrame()
            card.setObjectName("card")
            grid = QGridLayout(card)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 3)
            for r, question in enumerate(mine):
                value = answers.get(question.id)
                asked = shown_text(question.text, question.easy_read, lang, easy)
                grid.addWidget(label(asked), r, 0)
                given = answer_words(question, value, lang, easy)
                points = points_words(flow.points_for(question, value))
                shown = f"{given}\n{points}" if points else given
                if question.id in unchecked:
                    shown += "\n" + reviews.prefilled_mark().text()
                grid.addWidget(label(shown), r, 1)
                change_link = link(
                    self.tr("Change"),
                    lambda qid=question.id: change(qid),
                    name=self.tr("Change: {question}").format(question=asked),
                )
                grid.addWidget(change_link, r, 2)
                self.change_links[question.id] = change_link
            self.body.addWidget(card)
        self.continue_button = button(
            self.tr("Continue to the budget"), self._continue, primary=True
        )
        if modes.handed:  # with the person: the budget page is the assessor's
            self.continue_button.hide()
            self.body.addWidget(
                label(self.tr("That is every question. Please give the laptop back."), "h2")
            )
        self.body.addWidget(row(button(self.tr("Back"), go_back), self.continue_button))
        self.finish()

    def first_focus(self) -> QWidget | None:
        if self.summary is not None:
            return self.summary.links[0]
        return self.continue_button if self.continue_button.isVisibleTo(self) else None

    def _continue(self) -> None:
        if self.summary is not None:
            self.summary.links[0].setFocus()
            self.scroll.ensureWidgetVisible(self.summary)
            self.say(self.summary.accessibleName() + ": " + self.summary.accessibleDescription())
            return
        self.go_on()
