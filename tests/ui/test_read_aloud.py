"""Read aloud on the question page and the budget page: a named control reached by the
keyboard (Tab) and by Ctrl+R, speaking the question and its answers in the ruleset's words
in the case's language with espeak-ng, stopping when pressed again or when the page goes;
the voice speed is a named choice and is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from rasdesk.ui.widgets import read_aloud
from tests.ui.conftest import case_named
from tests.ui.drive import focus, key, named, tab_to


def _first_question(win: MainWindow) -> tuple[str, str]:
    john = case_named(win, "John Evans")
    return john, win.session.questionnaire(john).sections[0].questions[0].id


def test_read_aloud_is_named_reached_by_tab_and_speaks_the_question(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, QuestionPage)
    control = tab_to(named("Read aloud"))
    assert isinstance(control, QPushButton) and "Ctrl+R" in control.accessibleDescription()
    question = window.session.questionnaire(john).sections[0].questions[0]
    parts = page.read_aloud.parts()
    assert parts[0] == ("en", question.text.get("en"))
    assert [t for _, t in parts[1:]] == [o.text.get("en") for o in question.options]
    key(Qt.Key.Key_Space)  # pressed from the keyboard
    assert page.read_aloud.speaking and control.text() == "Stop reading"
    assert page.read_aloud.process is not None
    assert page.read_aloud.process.arguments()[:2] == ["-v", "en-gb"]
    key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # the key stops it
    assert not page.read_aloud.speaking and control.text() == "Read aloud"
    key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # and starts it again
    assert page.read_aloud.speaking
    window.go(("check", john))  # the page goes: the voice stops
    qtbot.wait(20)
    assert not page.read_aloud.speaking or page.read_aloud.process is None


def test_welsh_case_is_read_in_welsh_and_the_speed_is_remembered(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    window.act("language")  # Cymraeg
    qtbot.wait(20)
    assert window.modes().language == "cy"
    page = window.page
    assert isinstance(page, QuestionPage)
    question = window.session.questionnaire(john).sections[0].questions[0]
    assert page.read_aloud.parts()[0] == ("cy", question.text.get("cy"))
    page.read_aloud.start()
    assert page.read_aloud.process is not None
    assert page.read_aloud.process.arguments()[:2] == ["-v", "cy"]
    page.read_aloud.stop()
    speed = tab_to(lambda w: isinstance(w, QComboBox) and w.accessibleName() != "")
    assert isinstance(speed, QComboBox)
    speed.setCurrentIndex(2)
    assert read_aloud.saved_speed() == read_aloud.SPEEDS[2]
    assert focus() is speed


def test_the_budget_page_reads_the_explanation_step_by_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    alys = case_named(window, "Alys Pritchard")
    window.go(("result", alys))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, ResultPage)
    assert tab_to(lambda w: w is page.read_aloud.button).accessibleName()  # named, either language
    lang = window.modes().language  # the case's language
    budget, _ = window.session.budget(alys, lang)
    parts = page.read_aloud.parts()
    steps = [s["text"] for s in budget["explanation"]]
    assert [t for _, t in parts[-len(steps) :]] == steps and {g for g, _ in parts} == {lang}
    assert page.weekly.text() in [t for _, t in parts]
