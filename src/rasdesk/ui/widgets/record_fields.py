"""What a format-2 assessment form records beside the agreed answer (docs/ruleset-v2.md
§1.4), for the assessor: each view (the person's, the assessor's, a carer's), who answered
and who helped, and the evidence seen. Each control reports its change at once; the page
merges it into the stored answer (``ui/answer_record.py``). A view of a single-choice
question is chosen from a list, of a number question typed, of a multiple-choice question
ticked option by option. Where the question may *not apply*, every view can say so, stored
as ``{"not_applicable": true}`` like the agreed answer: the last item of a single-choice
view's list; a tick of its own beside a number view or after a multiple-choice view's
options, named "The person's view: I am fed by tube", that turns the view's number or
ticks off while it is ticked (what they held comes back when it is unticked)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rasdesk.domain.answers_v2 import MAX_EVIDENCE
from rasdesk.domain.decimals import plain
from rasdesk.domain.model import Question
from rasdesk.domain.model_v2 import WHO
from rasdesk.ui.answer_record import NA_JSON, Recorded
from rasdesk.ui.widgets.flow_layout import FlowLayout
from rasdesk.ui.widgets.page import label, row
from rasdesk.ui.words import shown_text


def view_title(view: str) -> str:
    return {
        "person": QCoreApplication.translate("Record", "The person's view"),
        "assessor": QCoreApplication.translate("Record", "The assessor's view"),
        "carer": QCoreApplication.translate("Record", "The carer's view"),
    }[view]


def who_words(who: str) -> str:
    return {
        "person": QCoreApplication.translate("Record", "The person"),
        "person_helped": QCoreApplication.translate("Record", "The person, with help"),
        "carer": QCoreApplication.translate("Record", "A carer"),
        "assessor": QCoreApplication.translate("Record", "The assessor"),
        "representative": QCoreApplication.translate("Record", "A representative"),
    }[who]


def _combo(name: str, items: list[tuple[str, Any]], current: Any) -> QComboBox:
    box = QComboBox()
    box.addItem(QCoreApplication.translate("Record", "Not recorded"), None)
    for words, data in items:
        box.addItem(words, data)
        if data == current:
            box.setCurrentIndex(box.count() - 1)
    box.setAccessibleName(name)
    return box


class RecordFields(QWidget):
    """Views, who answered, who helped, evidence. ``changed(**what)`` gets one field."""

    def __init__(
        self,
        question: Question,
        views: tuple[str, ...],
        not_applicable: str | None,
        record: Recorded,
        language: str,
        changed: Callable[..., None],
        wording: dict[str, str] | None = None,  # view → how the question is asked of it
    ) -> None:
        super().__init__()
        self.changed = changed
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view_boxes: dict[str, QWidget] = {}
        self.view_na: dict[str, QCheckBox] = {}  # view → its "does not apply" tick
        # One view (the assessor's, when a ruleset names none) is the agreed answer itself.
        if len(views) > 1 and question.type in ("single", "multiple", "number"):
            layout.addWidget(label(QCoreApplication.translate("Record", "Each view"), "h2"))
            layout.addWidget(
                label(
                    QCoreApplication.translate(
                        "Record", "The agreed answer above is the one that counts."
                    ),
                    "hint",
                )
            )
            grid = QGridLayout()
            grid.setColumnStretch(2, 1)
            self.asked: dict[str, QLabel] = {}
            for number, view in enumerate(views):
                box = self._view_box(view, record.views.get(view), not_applicable, language)
                self.view_boxes[view] = box
                title = label(view_title(view))
                if isinstance(box, QComboBox | QLineEdit):  # Qt names a combo box by its
                    title.setBuddy(box)  # choice on Linux: AT-SPI says "labelled by" too
                grid.addWidget(title, 2 * number, 0)
                wide = question.type == "multiple"  # its ticks wrap across the width
                grid.addWidget(box, 2 * number, 1, 1, 2 if wide else 1)
                if view in self.view_na and not wide:  # beside the number (after: its Tab)
                    grid.addWidget(self.view_na[view], 2 * number, 2)
                asked = (wording or {}).get(view)
                if asked:  # the view's own question, to read to them (under its box)
                    words = QCoreApplication.translate("Record", "Asked as: {question}").format(
                        question=asked
                    )
                    self.asked[view] = label(words, "hint")
                    grid.addWidget(self.asked[view], 2 * number + 1, 1, 1, 2)
                    box.setAccessibleDescription(words)
            layout.addLayout(grid)
            self.differ = label(
                QCoreApplication.translate(
                    "Record", "The views differ: choose the agreed answer above."
                ),
                "warning",
            )
            layout.addWidget(self.differ)  # first: shown with no parent, it was a window
            self.differ.setVisible(record.views_differ())  # of its own that took the focus
        # Who answered and the evidence fold away until wanted: the question and its
        # answers are what must fit the screen.
        self.more = QCheckBox(QCoreApplication.translate("Record", "Who answered, and evidence"))
        self.more.setAccessibleName(self.more.text())
        self.more.setProperty("roomy", True)  # room for the focus ring: never clipped
        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        self.more.toggled.connect(self.details.setVisible)
        layout.addWidget(row(self.more))
        layout.addWidget(self.details)
        layout = inner
        layout.addWidget(label(QCoreApplication.translate("Record", "Who answered"), "h2"))
        people = [(who_words(w), w) for w in WHO]
        self.answered_by = _combo(
            QCoreApplication.translate("Record", "Who answered"), people, record.answered_by
        )
        self.helped_by = _combo(
            QCoreApplication.translate("Record", "Who helped"), people, record.helped_by
        )
        self.answered_by.currentIndexChanged.connect(
            lambda _i: changed(answered_by=self.answered_by.currentData())
        )
        self.helped_by.currentIndexChanged.connect(
            lambda _i: changed(helped_by=self.helped_by.currentData())
        )
        answered = label(QCoreApplication.translate("Record", "Answered by"))
        helped = label(QCoreApplication.translate("Record", "Helped by"))
        # Qt names a combo box by its current choice on Linux: its label is its buddy, so
        # AT-SPI says "labelled by" and Orca reads "Answered by" before "Not recorded".
        answered.setBuddy(self.answered_by)
        helped.setBuddy(self.helped_by)
        layout.addWidget(row(answered, self.answered_by, helped, self.helped_by))
        layout.addWidget(
            label(QCoreApplication.translate("Record", "Evidence for this answer"), "h2")
        )
        self.evidence = QPlainTextEdit(record.evidence or "")
        self.evidence.setAccessibleName(
            QCoreApplication.translate("Record", "Evidence for this answer")
        )
        self.evidence.setAccessibleDescription(
            QCoreApplication.translate("Record", "What was seen or heard. Saved as you type.")
        )
        self.evidence.setTabChangesFocus(True)
        self.evidence.setMinimumHeight(80)
        layout.addWidget(self.evidence)
        self.too_long = label(
            QCoreApplication.translate("Record", "Evidence is kept to {count} characters.").format(
                count=f"{MAX_EVIDENCE:,}"
            ),
            "warning",
        )
        self.too_long.hide()
        layout.addWidget(self.too_long)
        opened = bool(record.answered_by or record.helped_by or record.evidence)
        self.details.setVisible(opened)
        self.more.setChecked(opened)

    def _view_box(
        self, view: str, value: Any, not_applicable: str | None, language: str
    ) -> QWidget:
        name = view_title(view)
        na = value == NA_JSON
        if self.question.type == "multiple":
            chosen = value if isinstance(value, list) else []
            return self._ticks(view, name, chosen, not_applicable, na, language)
        if self.question.type == "single":
            items = [
                (shown_text(o.text, o.easy_read, language, False), o.id)
                for o in self.question.options
            ]
            if not_applicable:
                items.append((not_applicable, "\x00na"))
            current = "\x00na" if na else value
            box = _combo(name, items, current)
            box.currentIndexChanged.connect(
                lambda _i: self.changed(view=(view, self._combo_value(box)))
            )
            return box
        edit = QLineEdit(plain(value) if isinstance(value, int | Decimal) else "")
        edit.setAccessibleName(name)
        edit.setMaximumWidth(200)
        edit.textChanged.connect(lambda text: self._number_view(view, text))
        if not_applicable:
            self._na_tick(view, name, not_applicable, na, [edit], edit.text)
        return edit

    def _na_tick(
        self,
        view: str,
        name: str,
        words: str,
        checked: bool,
        answers: list[QWidget],
        held: Callable[[], Any],
    ) -> QCheckBox:
        """A view's "does not apply" tick: while ticked, the view is ``NA_JSON`` and its
        ``answers`` are off; unticked, the view is what they hold again (``held``)."""
        tick = QCheckBox(words)
        tick.setObjectName("view_not_applicable")
        tick.setProperty("roomy", True)  # room for the focus ring: never clipped
        tick.setAccessibleName(
            QCoreApplication.translate("Record", "{view}: {answer}").format(view=name, answer=words)
        )
        tick.setChecked(checked)
        for widget in answers:
            widget.setEnabled(not checked)

        def toggled(on: bool) -> None:
            for widget in answers:
                widget.setEnabled(not on)
            if on:
                self.changed(view=(view, NA_JSON))
            elif self.question.type == "number":  # a number not yet typed in full: none
                self.changed(view=(view, self._number(str(held()))))
            else:
                self.changed(view=(view, held()))

        tick.toggled.connect(toggled)
        self.view_na[view] = tick
        return tick

    def _ticks(
        self,
        view: str,
        name: str,
        chosen: list[str],
        not_applicable: str | None,
        na: bool,
        language: str,
    ) -> QWidget:
        """A multiple-choice view: a tick box per option, named "The person's view:
        Shopping"; an exclusive option ("None of these") clears the others and is
        cleared by them, as in the answer itself. *Does not apply* comes last."""
        box = QWidget()
        box.setAccessibleName(name)
        flow = FlowLayout(box, spacing=12)
        flow.setContentsMargins(0, 0, 0, 0)
        ticks: list[QCheckBox] = []
        alone = self.question.exclusive_option

        def picked() -> list[str] | None:
            return [str(t.property("option")) for t in ticks if t.isChecked()] or None

        def toggled(option: str, on: bool) -> None:
            for tick in ticks:
                other = tick.property("option")
                if on and other != option and alone in (option, other):
                    tick.blockSignals(True)
                    tick.setChecked(False)
                    tick.blockSignals(False)
            self.changed(view=(view, picked()))

        for option in self.question.options:
            words = shown_text(option.text, option.easy_read, language, False)
            tick = QCheckBox(words)
            tick.setProperty("option", option.id)
            tick.setProperty("roomy", True)
            tick.setAccessibleName(
                QCoreApplication.translate("Record", "{view}: {answer}").format(
                    view=name, answer=words
                )
            )
            tick.setChecked(option.id in chosen)
            tick.toggled.connect(lambda on, o=option.id: toggled(o, on))
            ticks.append(tick)
            flow.addWidget(tick)
        if not_applicable:
            flow.addWidget(self._na_tick(view, name, not_applicable, na, list(ticks), picked))
        return box

    @staticmethod
    def _combo_value(box: QComboBox) -> Any:
        data = box.currentData()
        return NA_JSON if data == "\x00na" else data

    def _number_view(self, view: str, text: str) -> None:
        number = self._number(text)
        if number is not None or not text.strip():
            self.changed(view=(view, number))
        # else: not a number yet (or out of range): nothing saved

    def _number(self, text: str) -> Decimal | None:
        """The number typed, if it is one the question takes."""
        try:
            number = Decimal(text.strip())
        except InvalidOperation:
            return None
        low, high = self.question.minimum, self.question.maximum
        if (
            number.is_finite()
            and (low is None or number >= low)
            and (high is None or number <= high)
        ):
            return number
        return None

    def evidence_text(self) -> str:
        text = self.evidence.toPlainText()
        self.too_long.setVisible(len(text) > MAX_EVIDENCE)
        return text[:MAX_EVIDENCE]

    def show_views_differ(self, differ: bool) -> None:
        if self.view_boxes:
            self.differ.setVisible(differ)
