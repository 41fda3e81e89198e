"""The answer controls of a question page: large selectable buttons (single: radio-like;
multiple: checkboxes), a big number entry with its unit and range, or a roomy text box.
Each reports a change the moment it happens, so the page can save it at once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rasdesk.domain.answers import AnswerValue
from rasdesk.domain.decimals import plain
from rasdesk.domain.model import Question
from rasdesk.printing.easy import option_picture
from rasdesk.ui.accessible import give_role, set_problem
from rasdesk.ui.widgets.page import label, row
from rasdesk.ui.widgets.picture import picture_label
from rasdesk.ui.widgets.wrapping import ChoiceRow
from rasdesk.ui.words import shown_text

Changed = Callable[[object], None]  # the new value (None: no answer)


class ChoiceAnswer(QWidget):
    """Single or multiple choice. ``buttons[i]`` is picked by the number key i+1."""

    def __init__(
        self,
        question: Question,
        value: AnswerValue | None,
        language: str,
        easy: bool,
        changed: Changed,
        pictures: dict[str, str] | None = None,  # format 2: a picture per option
        *,
        compact: bool = False,
        asked: str | None = None,  # the question as the page words it (default: its text)
    ) -> None:
        super().__init__()
        self.question, self.changed = question, changed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.multiple = question.type == "multiple"
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: list[QAbstractButton] = []
        chosen = set(value) if isinstance(value, tuple) else {value}
        for number, option in enumerate(question.options, 1):
            words = shown_text(option.text, option.easy_read, language, easy)
            text = f"{number}. {words}" if number <= 9 else words
            widget: QAbstractButton = QCheckBox() if self.multiple else QRadioButton()
            widget.setProperty("option", option.id)
            position = QCoreApplication.translate("Answers", "{number} of {total}.").format(
                number=number, total=len(question.options)
            )
            press = QCoreApplication.translate(
                "Answers", "Press {number} to choose this answer."
            ).format(number=number)
            widget.setAccessibleDescription(f"{position} {press}" if number <= 9 else position)
            widget.setChecked(option.id in chosen)
            self.group.addButton(widget)
            self.buttons.append(widget)
            picture = (
                picture_label(
                    option_picture(question, option.id, pictures), 48 if compact else 64, words
                )
                if easy
                else None
            )
            layout.addWidget(ChoiceRow(widget, text, picture, compact=compact))
            widget.setAccessibleName(words)  # the words alone, without "1."
        self.group.buttonToggled.connect(self._toggled)
        # A named group (a fieldset): the screen reader says the question as it enters.
        give_role(
            self, "group", asked or shown_text(question.text, question.easy_read, language, easy)
        )

    def pick(self, index: int) -> None:
        """The number key ``index + 1``: choose that answer (a checkbox toggles)."""
        if 0 <= index < len(self.buttons):
            widget = self.buttons[index]
            widget.setFocus()
            if self.multiple or not widget.isChecked():
                widget.click()

    def value(self) -> object:
        chosen = [str(b.property("option")) for b in self.buttons if b.isChecked()]
        if self.multiple:
            return chosen
        return chosen[0] if chosen else None

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if self.multiple and checked and self.question.exclusive_option is not None:
            self._clear_contradicting(str(button.property("option")))
        if self.multiple or checked:
            self.changed(self.value())

    def _clear_contradicting(self, ticked: str) -> None:
        """Ticking the exclusive answer ("None of these") clears the others, and ticking
        any other clears it: the answer saved is never a contradiction."""
        alone = self.question.exclusive_option
        self.group.blockSignals(True)
        try:
            for other in self.buttons:
                option = other.property("option")
                if option != ticked and (ticked == alone or option == alone):
                    other.setChecked(False)
        finally:
            self.group.blockSignals(False)


class NumberAnswer(QWidget):
    """A number, with its unit and the range allowed; saved while it is a valid answer."""

    def __init__(
        self,
        question: Question,
        value: AnswerValue | None,
        language: str,
        changed: Changed,
        asked: str | None = None,  # the question as the page words it (default: its text)
    ) -> None:
        super().__init__()
        self.question, self.changed = question, changed
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        unit = question.unit.get(language) if question.unit else ""
        low, high = question.minimum, question.maximum
        if low is not None and high is not None:
            hint = QCoreApplication.translate("Answers", "A number from {low} to {high}").format(
                low=plain(low), high=plain(high)
            )
        elif low is not None:
            hint = QCoreApplication.translate("Answers", "A number, {low} or more").format(
                low=plain(low)
            )
        else:
            hint = QCoreApplication.translate("Answers", "A number")
        self.hint = label(f"{hint} ({unit})" if unit else hint, "hint")
        layout.addWidget(self.hint)
        # A whole number comes back from the store as an int: shown all the same.
        number = isinstance(value, int | Decimal) and not isinstance(value, bool)
        self.edit = QLineEdit(plain(Decimal(value)) if number else "")  # type: ignore[arg-type]
        # Named by the question (its label, as on a one-question web page), so a screen
        # reader says the question as the page opens on this box, then the unit.
        asked = asked or question.text.get(language)
        self.edit.setAccessibleName(f"{asked} ({unit})" if unit else asked)
        self.edit.setAccessibleDescription(self.hint.text())
        self.edit.setMaximumWidth(260)
        self.edit.setMinimumHeight(60)
        layout.addWidget(row(self.edit, label(unit)))
        self.error = label("", "warning")
        self.error.hide()
        layout.addWidget(self.error)
        self.shown_problem: str | None = None
        self.edit.textChanged.connect(self._edited)

    def problem(self) -> str | None:
        """Why the typed text is not an answer (None: it is one, or the box is empty)."""
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return QCoreApplication.translate("Answers", "Enter a number, like 3")
        low, high = self.question.minimum, self.question.maximum
        if (
            not number.is_finite()
            or (low is not None and number < low)
            or (high is not None and number > high)
        ):
            return self.hint.text()
        return None

    def value(self) -> object:
        text = self.edit.text().strip()
        return Decimal(text) if text and self.problem() is None else None

    def _edited(self, _text: str) -> None:
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        if problem != self.shown_problem:  # said once when it appears, not at each key
            set_problem(self.edit, problem, self.hint.text())
            self.shown_problem = problem
        if problem is None:
            self.changed(self.value())


class TextAnswer(QPlainTextEdit):
    """A roomy box for a text answer."""

    def __init__(self, value: AnswerValue | None, name: str, changed: Changed) -> None:
        super().__init__(value if isinstance(value, str) else "")
        self.setAccessibleName(name)
        self.setMinimumHeight(160)
        self.setTabChangesFocus(True)
        self.textChanged.connect(lambda: changed(self.toPlainText() or None))
