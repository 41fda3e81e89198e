"""Check your answers: every shown answer with its points, grouped by section, each with a
Change link that comes back here afterwards; required questions still unanswered are listed
at the top as an error summary with links to them.

A finalised case shows its answers read-only (no Change links): Back to the budget, and
Amend, which asks for the reason and makes a new version (``ui/amend.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from rasdesk.domain.model import Question
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
        amend: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.change, self.go_on = change, go_on
        self.session, self.case_uuid = session, case_uuid
        self.handed = modes.handed  # with the person: only their answers, not the record
        form = session.form(case_uuid)
        answers = session.answers(case_uuid)
        lang, easy = modes.language, modes.easy
        self.easy = easy  # the problems at the top in the easy-read words too
        self.read_only = not session.is_draft(case_uuid)
        if self.read_only:
            self.body.addWidget(label(self.tr("The answers"), "h1"))
            self.body.addWidget(
                label(
                    self.tr(
                        "Version {version} is finalised: these answers cannot change. To "
                        "correct them, amend the assessment and give the reason."
                    ).format(version=session.version(case_uuid)["number"])
                )
            )
        else:
            self.body.addWidget(label(self.tr("Check the answers"), "h1"))
        top = self.top_widgets(modes)  # format 2: who answered, a carer's facts
        problems = [] if self.read_only else self.problems(form, answers, lang)
        self.summary: ErrorSummary | None = None
        if problems:
            self.summary = ErrorSummary(
                self.tr("There is a problem"),
                [
                    (words, go if callable(go) else lambda qid=go: change(qid))
                    for words, go in problems
                ],
            )
            self.body.addWidget(self.summary)
        since = reviews.since_box(session, case_uuid, lang)  # a review: what changed
        if since is not None:
            self.body.addWidget(since)
        for widget in top:
            self.body.addWidget(widget)
        unchecked = set() if self.read_only else set(reviews.to_check(session, case_uuid))
        self.change_links: dict[str, QWidget] = {}
        path = flow.shown_questions(form, answers)
        sections = {s.id: s for s, _q in form.order()}  # in questionnaire order
        for section in sections.values():
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
                asked = shown_text(question.text, question.easy_read, lang, easy)
                grid.addWidget(label(asked), r, 0)
                shown = self.answer_text(question, answers.get(question.id), lang, easy)
                if question.id in unchecked:
                    shown += "\n" + reviews.prefilled_mark().text()
                grid.addWidget(label(shown), r, 1)
                if self.read_only:
                    continue
                change_link = link(
                    self.tr("Change"),
                    lambda qid=question.id: change(qid),
                    # Heard with the link, as the eye reads the row: the answer (its views).
                    description=". ".join(line for line in shown.splitlines() if line.strip()),
                    name=self.tr("Change: {question}").format(question=asked),
                )
                grid.addWidget(change_link, r, 2)
                self.change_links[question.id] = change_link
            self.body.addWidget(card)
        if self.read_only:
            self.continue_button = button(self.tr("Back to the budget"), go_on, primary=True)
            self.amend_button = button(
                self.tr("Amend"),
                amend or (lambda: None),
                description=self.tr("Correct the answers in a new version, with a reason."),
            )
            self.body.addWidget(row(self.continue_button, self.amend_button))
            self.finish()
            return
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

    # --- what a format-2 check page (check_answers_v2.py) says differently --------------
    def top_widgets(self, modes: Modes) -> list[QWidget]:
        """What the page shows above the answers (none in format 1)."""
        return []

    def problems(
        self, form: flow.Form, answers: dict[str, Any], lang: str
    ) -> list[tuple[str, str | Callable[[], None]]]:
        """What stops the budget, each with the question to go to (or what to do)."""
        return [
            (self.tr("Answer: {question}").format(question=self.asked(q, lang)), q.id)
            for _s, q in flow.missing_required(form, answers)
        ]

    def asked(self, question: Question, lang: str) -> str:
        """The question as this page words it (easy read where asked and written)."""
        return shown_text(question.text, question.easy_read, lang, self.easy)

    def answer_text(self, question: Question, value: Any, lang: str, easy: bool) -> str:
        given = answer_words(question, value, lang, easy)
        points = points_words(flow.points_for(question, value))
        return f"{given}\n{points}" if points else given

    def first_focus(self) -> QWidget | None:
        if self.summary is not None:
            return self.summary.links[0]
        # The heading, where the eye starts (#13 point 5): Continue, at the foot of a long
        # list, scrolled the heading and the first answers away as the page opened.
        return self.start_heading()

    def _continue(self) -> None:
        if self.summary is not None:
            self.summary.links[0].setFocus()
            self.scroll.ensureWidgetVisible(self.summary)
            self.say(self.summary.accessibleName() + ": " + self.summary.accessibleDescription())
            return
        self.go_on()
