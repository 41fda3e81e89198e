"""Check the answers of a format-2 case: format 1's check page, where each answer is the
agreed one (the one that counts) with its points, *does not apply* in the ruleset's own
words ("not counted"), each view recorded, who answered and helped, and the evidence (none of these while the
laptop is handed to the person: they are the assessor's record); the problems at the top
also name views that differ with no agreed answer. Above the answers: who answered the
assessment as a whole, and a carer's facts read from the linked person's case (or what is
missing there, which also stops the budget: ``widgets/linked_facts_box.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from rasdesk.domain.answers_v2 import NotApplicable
from rasdesk.domain.model import Question
from rasdesk.ui import flow
from rasdesk.ui.answer_record import Recorded, typed
from rasdesk.ui.modes import Modes
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.widgets import linked_facts_box
from rasdesk.ui.widgets.linked_facts_box import AnsweredByField, LinkedFactsBox
from rasdesk.ui.widgets.record_fields import view_title, who_words
from rasdesk.ui.words import answer_words


class CheckAnswersV2Page(CheckAnswersPage):
    def top_widgets(self, modes: Modes) -> list[QWidget]:
        """Who answered the assessment, and a carer's facts from the person's case: the
        assessor's record, not shown while the person holds the laptop."""
        self.answered_by: AnsweredByField | None = None
        self.facts: LinkedFactsBox | None = None
        if self.handed:
            return []
        self.answered_by = AnsweredByField(self.session, self.case_uuid, self.read_only)
        if not linked_facts_box.wanted(self.session, self.case_uuid):
            return [self.answered_by]
        self.facts = LinkedFactsBox(
            self.session, self.case_uuid, modes.language, modes.easy, self.read_only
        )
        return [self.answered_by, self.facts]

    def problems(
        self, form: flow.Form, answers: dict[str, Any], lang: str
    ) -> list[tuple[str, str | Callable[[], None]]]:
        linked: list[tuple[str, str | Callable[[], None]]] = [
            (words, self._show_facts) for words in (self.facts.problems if self.facts else [])
        ]
        differ: list[tuple[str, str | Callable[[], None]]] = [
            (
                self.tr("Record the agreed answer: {question}").format(
                    question=self.asked(q, lang)
                ),
                q.id,
            )
            for _s, q in flow.shown_questions(form, answers)
            if Recorded.read(answers.get(q.id)).views_differ()
        ]
        named = {qid for _words, qid in differ}
        missing = [p for p in super().problems(form, answers, lang) if p[1] not in named]
        return linked + differ + missing

    def _show_facts(self) -> None:
        """A problem in the person's case: to the box that says what to do there."""
        assert self.facts is not None
        self.scroll.ensureWidgetVisible(self.facts)
        self.say("; ".join(self.facts.problems))

    def answer_text(self, question: Question, value: Any, lang: str, easy: bool) -> str:
        record = Recorded.read(value)
        lines = [self._value_words(question, record.value(), lang, easy)]
        if self.handed:  # views, who answered and evidence are the assessor's (as on the
            return lines[0]  # question page while the person holds the laptop)
        order = list(self.session.form(self.case_uuid).questionnaire.views)  # type: ignore[attr-defined]
        for view, given in sorted(record.views.items(), key=lambda v: order.index(v[0])):
            words = self._value_words(question, typed(given), lang, easy, points=False)
            lines.append(self.tr("{view}: {answer}").format(view=view_title(view), answer=words))
        if record.answered_by:
            lines.append(self.tr("Answered by: {who}").format(who=who_words(record.answered_by)))
        if record.helped_by:
            lines.append(self.tr("Helped by: {who}").format(who=who_words(record.helped_by)))
        if record.evidence:
            lines.append(self.tr("Evidence: {text}").format(text=record.evidence))
        return "\n".join(lines)

    def _value_words(
        self, question: Question, value: Any, lang: str, easy: bool, *, points: bool = True
    ) -> str:
        if isinstance(value, NotApplicable):
            extra = self.session.form(self.case_uuid).questionnaire.extra  # type: ignore[attr-defined]
            words = extra[question.id].not_applicable.get(lang)
            return self.tr("{answer} (does not apply: not counted)").format(answer=words)
        if points:
            return super().answer_text(question, value, lang, easy)
        return answer_words(question, value, lang, easy)
