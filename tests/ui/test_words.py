"""The app's words (issue 12, point 10): a number answer with its unit, "1 night a week"
and never "1 nights a week", on the check page and back in its box; "1 point" and
"3 points" through Qt's plural forms in English and Welsh; easy read lists each chosen
answer as its own sentence on its own line."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from rasdesk.storage.store import Person
from rasdesk.ui import i18n
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.widgets.answers import NumberAnswer
from rasdesk.ui.words import answer_words, points_words


def _texts(win: MainWindow) -> list[str]:
    assert win.page is not None
    return [w.text() for w in win.page.findChildren(QLabel) if w.isVisible()]


def test_points_take_their_plural_form_in_english_and_welsh(window: MainWindow) -> None:
    assert i18n.set_language("en")
    assert points_words(Decimal(1)) == "1 point"
    assert points_words(Decimal(3)) == "3 points"
    assert points_words(Decimal("9.6")) == "9.6 points"
    assert points_words(Decimal(0)) == "0 points"
    assert QCoreApplication.translate("BackgroundSync", "%n need(s) attention", None, 1) == (
        "1 needs attention"
    )
    try:
        assert i18n.set_language("cy")
        assert [points_words(Decimal(n)) for n in ("1", "2", "6", "7", "9.6")] == [
            "1 pwynt",
            "2 pwynt",
            "6 pwynt",
            "7 pwynt",
            "9.6 pwynt",
        ]
    finally:
        i18n.set_language("en")


def test_a_number_answer_reads_with_its_unit_singular_for_one(window: MainWindow) -> None:
    case = window.session.start_case(Person("Eira Hughes"), "person", None)
    store = window.session.store
    store.set_answer(case, "night_help", Decimal(1))  # stored and read back as the int 1
    assert window.session.answers(case)["night_help"] == 1
    window.go(("check", case))
    assert isinstance(window.page, CheckAnswersPage)
    texts = "\n".join(_texts(window))
    assert "1 night a week" in texts
    assert "1 nights" not in texts
    assert "1 point" not in texts.replace("1 points", "")  # 3 points for one night
    assert "3 points" in texts
    # Back on the question, the box shows the number given.
    window.go(("question", case, "night_help", False))
    page = window.page
    assert isinstance(page, QuestionPage) and isinstance(page.answer, NumberAnswer)
    assert page.answer.edit.text() == "1"
    store.set_answer(case, "night_help", Decimal(4))
    window.go(("check", case))
    assert "4 nights a week" in "\n".join(_texts(window))


def test_easy_read_lists_each_chosen_answer_on_its_own_line(window: MainWindow) -> None:
    case = window.session.start_case(Person("Eira Hughes"), "person", None)
    question = window.session.questionnaire(case).question_by_id["home_tasks"]
    value = ("shopping", "cleaning")
    easy = answer_words(question, value, "en", True)
    assert easy == "I need help with shopping.\nI need help to clean my home."
    assert "., " not in easy and ".;" not in easy
    assert answer_words(question, value, "en", False) == (
        "Shopping for food and essentials; Cleaning the home"
    )
    welsh = answer_words(question, value, "cy", True)
    assert welsh.split("\n") == [
        "Mae angen help arna i i siopa.",
        "Mae angen help arna i i lanhau fy nghartref.",
    ]
