"""One question per page: the question as the heading, "Question 4 of 23" and the section,
the picture in easy read, the answers as large buttons, help for the assessor, a notes box
for the person's own words, and Back / Continue. Every answer is saved the moment it is
given; typing (text answers, notes) is saved after a short pause and when the page goes.

Keys: 1–9 pick an answer, Enter continues (Ctrl+Enter inside a text box), Ctrl+R reads the
question and its answers aloud (and stops).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from rasdesk.domain.answers import AnswerValue
from rasdesk.printing.speech import question_parts
from rasdesk.ui import reviews
from rasdesk.ui.flow import Step
from rasdesk.ui.modes import Modes
from rasdesk.ui.session import Session
from rasdesk.ui.theme import scale
from rasdesk.ui.widgets.answers import ChoiceAnswer, NumberAnswer, TextAnswer
from rasdesk.ui.widgets.assessor_help import AssessorHelp
from rasdesk.ui.widgets.page import Page, button, label, row
from rasdesk.ui.widgets.picture import picture_label
from rasdesk.ui.widgets.read_aloud import ReadAloud
from rasdesk.ui.words import shown_text

TYPING_PAUSE_MS = 400
SAVED_PAUSE_MS = 700


class QuestionPage(Page):
    def __init__(
        self,
        session: Session,
        case_uuid: str,
        step: Step,
        modes: Modes,
        go_back: Callable[[], None],
        go_on: Callable[[], None],
        progress_changed: Callable[[], Step | None],
    ) -> None:
        super().__init__(compact=modes.large)  # large print: fit 1280×720 (compact)
        self.session, self.case_uuid, self.step, self.modes = session, case_uuid, step, modes
        self.go_back, self.go_on, self.progress_changed = go_back, go_on, progress_changed
        question, lang, easy = step.question, modes.language, modes.easy
        self.pending: dict[str, str | None] = {}  # typed text not yet saved: answer / note
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.flush)
        # A screen reader hears "Saved" once an answer is given (after the picking settles,
        # so arrow keys through the answers are not each followed by it).
        self.said_saved = QTimer(self)
        self.said_saved.setSingleShot(True)
        self.said_saved.timeout.connect(lambda: self.say(self.tr("Saved")))

        section_title = shown_text(step.section.title, step.section.easy_read, lang, easy)
        self.progress = label("", "caption")
        self._set_progress(step)
        self.body.addWidget(self.progress)
        words = self.question_words(lang, easy)
        self.heading = label(words, "h1")
        self.heading.setAccessibleDescription(section_title)
        if easy:
            size = 144 if modes.large else 120  # large print: the answers must fit too
            self.body.addWidget(row(picture_label(question.picture, size, words), self.heading))
        else:
            self.body.addWidget(self.heading)
        self.read_aloud = ReadAloud(
            lambda: [(lang, text) for text in question_parts(question, lang, easy)],
            self.tr("the question and its answers"),
        )
        if not modes.large:  # large print: in the footer, beside Continue
            self.body.addWidget(self.read_aloud)
        if reviews.is_unchecked(session, case_uuid, question.id):  # Continue confirms it
            self.body.addWidget(reviews.prefilled_mark())
        value = self.saved_value()
        self.answer: ChoiceAnswer | NumberAnswer | TextAnswer
        if question.type in ("single", "multiple"):
            self.answer = ChoiceAnswer(
                question,
                value,
                lang,
                easy,
                self._answered,
                self.option_pictures(),
                compact=modes.large,
                asked=words,  # a screen reader hears the question the heading shows
            )
        elif question.type == "number":
            self.answer = NumberAnswer(question, value, lang, self._answered, words)
        else:
            self.answer = TextAnswer(value, words, self._typed_answer)
        self.body.addWidget(self.answer)
        self.add_after_answer()
        # The assessor's help comes after the answers: the question and its answers are
        # what must fit the screen (1366×768, large print).
        if question.help and not modes.handed:  # folded away in large print
            self.body.addWidget(AssessorHelp(question.help.get(lang), folded=modes.large))

        self.notes: QPlainTextEdit | None = None
        if not modes.handed:
            self.body.addWidget(label(self.tr("Notes, in the person's own words"), "h2"))
            self.notes = QPlainTextEdit(session.notes(case_uuid).get(question.id, ""))
            self.notes.setAccessibleName(self.tr("Notes, in the person's own words"))
            self.notes.setAccessibleDescription(
                self.tr("Optional. Saved as you type. Ctrl+Enter continues.")
            )
            self.notes.setTabChangesFocus(True)
            self.notes.setMinimumHeight(90 * scale(modes))
            self.notes.textChanged.connect(self._typed_note)
            self.body.addWidget(self.notes)

        self.back = button(self.tr("Back"), self._back)
        self.next = button(self.tr("Continue"), self._continue, primary=True)
        self.put_in_footer(self.back, self.next)
        if modes.large:  # room for the answers: read aloud and "Question 4 of 23" go
            self.body.removeWidget(self.progress)  # beside Continue, the heading smaller
            self.footer.addWidget(self.read_aloud)
            self.body.addWidget(self.read_aloud.detach_speed())  # the footer: one row
            self.footer.addWidget(self.progress)
            self.progress.setWordWrap(False)
            self.heading.setProperty("compact", True)
        if modes.handed and step.number == 1:
            self.back.hide()  # with the person: there is nothing before their first question
        self.finish()
        QWidget.setTabOrder(self.back, self.next)

    # --- what a format-2 page (question_v2.py) says and keeps differently ----------------
    def question_words(self, lang: str, easy: bool) -> str:
        question = self.step.question
        return shown_text(question.text, question.easy_read, lang, easy)

    def saved_value(self) -> AnswerValue | None:
        """The answer the answer buttons show."""
        return self.session.answers(self.case_uuid).get(self.step.question.id)

    def option_pictures(self) -> dict[str, str] | None:
        return None

    def add_after_answer(self) -> None:
        """Controls that belong with the answer (format 2: not applicable, views …)."""

    def save_answer(self, value: object) -> None:
        self.session.store.set_answer(self.case_uuid, self.step.question.id, value)

    def _set_progress(self, step: Step) -> None:
        section = shown_text(
            step.section.title, step.section.easy_read, self.modes.language, self.modes.easy
        )
        full = self.tr("Question {number} of {total} · {section}").format(
            number=step.number, total=step.total, section=section
        )
        if self.modes.large:  # one short line beside Continue; the reader hears it all
            self.progress.setText(
                self.tr("Question {number} of {total}").format(number=step.number, total=step.total)
            )
        else:
            self.progress.setText(full)
        self.progress.setAccessibleName(full)

    def first_focus(self) -> QWidget | None:
        if isinstance(self.answer, ChoiceAnswer):
            checked = [b for b in self.answer.buttons if b.isChecked()]
            return checked[0] if checked else self.answer.buttons[0]
        if isinstance(self.answer, NumberAnswer):
            return self.answer.edit
        return self.answer

    # --- saving -----------------------------------------------------------------------------
    def _answered(self, value: object) -> None:
        self.save_answer(value)
        step = self.progress_changed()  # skip logic may add or remove questions
        if step is not None:
            self._set_progress(step)
        self.said_saved.start(SAVED_PAUSE_MS)  # once the answering stops: "Saved"

    def _typed_answer(self, text: object) -> None:
        self.pending["answer"] = text if isinstance(text, str) else None
        self.timer.start(TYPING_PAUSE_MS)

    def _typed_note(self) -> None:
        assert self.notes is not None
        self.pending["note"] = self.notes.toPlainText()
        self.timer.start(TYPING_PAUSE_MS)

    def flush(self) -> None:
        """Save whatever was typed and not saved yet."""
        self.timer.stop()
        pending, self.pending = self.pending, {}
        qid = self.step.question.id
        if "answer" in pending:
            self.save_answer(pending["answer"])
        if "note" in pending:
            self.session.store.set_note(self.case_uuid, qid, pending["note"] or "")

    def leave(self) -> None:
        self.read_aloud.stop()
        self.flush()

    # --- moving on --------------------------------------------------------------------------
    def _back(self) -> None:
        self.flush()
        self.go_back()

    def _continue(self) -> None:
        if isinstance(self.answer, NumberAnswer) and self.answer.problem():
            self.answer.edit.setFocus()
            return  # the problem is shown under the box; nothing invalid is saved
        self.flush()
        self.go_on()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        in_text = isinstance(self.focusWidget(), QPlainTextEdit)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            not in_text or mods & Qt.KeyboardModifier.ControlModifier
        ):
            self._continue()
            return
        if (
            not in_text
            and isinstance(self.answer, ChoiceAnswer)
            and Qt.Key.Key_1 <= key <= Qt.Key.Key_9
        ):
            self.answer.pick(key - Qt.Key.Key_1)
            return
        super().keyPressEvent(event)
