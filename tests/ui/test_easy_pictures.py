"""Easy read in the app: a picture beside every answer option (the help-level pictures for
a format-1 question), and none in standard mode."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.widgets.wrapping import ChoiceRow
from tests.ui.conftest import case_named


def test_a_picture_beside_every_answer_in_easy_read(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john = case_named(window, "John Evans")
    first = window.session.questionnaire(john).sections[0].questions[0]
    window.go(("question", john, first.id, False))
    qtbot.wait(20)

    def pictures() -> list[int]:
        page = window.page
        assert isinstance(page, QuestionPage)
        rows = page.answer.findChildren(ChoiceRow)
        assert len(rows) == len(first.options)
        return [len(r.findChildren(QLabel, "picture")) for r in rows]

    if window.modes().easy:
        window.act("easy")
    assert pictures() == [0] * len(first.options)
    window.act("easy")
    qtbot.wait(20)
    assert window.modes().easy
    assert pictures() == [1] * len(first.options)
