"""Whole assessments by keyboard only: a person's (with a skip-logic branch and a Change
from the check page) and a carer's linked to a person; each finalised, and the figure on
screen equal to what ``rasdesk compute`` gives for the same answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTabBar

from rasdesk.platform.paths import demo_dir
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from tests.cli.helpers import run
from tests.ui.drive import digit, enter, key, named, tab_to, type_text


def question_id(win: MainWindow) -> str:
    assert isinstance(win.page, QuestionPage), f"expected a question, found {win.page!r}"
    return win.page.step.question.id


def answer(win: MainWindow, qid: str, *digits: int, text: str | None = None) -> None:
    assert question_id(win) == qid
    for d in digits:
        digit(d)
    if text is not None:
        type_text(text)
    enter()


def compute_weekly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, win: MainWindow, case: str
) -> str:
    answers = win.session.store.answers_json(win.session.version(case)["version_uuid"])
    doc = {"questionnaire": win.session.store.case_row(case)["questionnaire"], "answers": answers}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc, default=str))
    code, out, err = run(
        capsys,
        "compute",
        "--ruleset",
        demo_dir() / "demo.ruleset.signed.json",
        "--answers",
        path,
        "--json",
    )
    assert code == 0, err
    return str(json.loads(out)["weekly"])


def confirm_next_dialog() -> None:
    """In the confirmation dialog when it opens: the default is the safe "Not yet"; move to
    Finalise with Shift+Tab and press Space, as a keyboard user would."""

    def press() -> None:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QPushButton

        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no confirmation dialog"
        buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
        default = [t for t, b in buttons.items() if b.isDefault()]
        finalise = buttons["Finalise"]
        if default != ["Not yet"]:
            dialog.reject()  # never leave a dialog open: the test fails below instead
            return
        focused = dialog.focusWidget() or buttons["Not yet"]
        QTest.keyClick(focused, Qt.Key.Key_Backtab)
        QTest.keyClick(dialog.focusWidget() or finalise, Qt.Key.Key_Space)
        if dialog.isVisible():
            finalise.click()  # offscreen focus can lag; the choice is still Finalise

    QTimer.singleShot(150, press)


def finalise_by_keyboard(qtbot, win: MainWindow, case: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(win.page, ResultPage)
    tab_to(named("Finalise"))  # the page opens on its heading, at the top
    confirm_next_dialog()
    enter()
    qtbot.waitUntil(lambda: win.session.version(case)["state"] == "finalised", timeout=10_000)
    qtbot.waitUntil(lambda: isinstance(win.page, ResultPage) and win.page.final, timeout=5_000)


def test_a_person_assessment_by_keyboard(qtbot, window: MainWindow, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = window
    tab_to(named("New assessment"))
    enter()
    type_text("Ffion Prosser")
    key(Qt.Key.Key_Tab)
    type_text("5")
    key(Qt.Key.Key_Tab)
    type_text("6")
    key(Qt.Key.Key_Tab)
    type_text("1950")
    enter()
    case = win.case_uuid()
    assert case is not None and win.session.store.case_row(case)["date_of_birth"] == "1950-06-05"

    answer(win, "eating_drinking", 2)
    answer(win, "washing", 3)
    answer(win, "toilet", 2)
    answer(win, "dressing", 3)
    # Skip logic: no help moving → the falls question is not asked.
    assert question_id(win) == "moving"
    digit(1)
    assert "of 13" in win.page.progress.text()  # type: ignore[union-attr]
    enter()
    assert question_id(win) == "home_tasks"
    tab_to(named("Back"))
    enter()
    assert question_id(win) == "moving"
    digit(2)  # some help moving: now falls is asked
    assert "of 14" in win.page.progress.text()  # type: ignore[union-attr]
    enter()
    answer(win, "falls", 2)
    answer(win, "home_tasks", 1, 2)
    answer(win, "relationships", 2)
    answer(win, "activities", 1)
    answer(win, "getting_out", 3)
    answer(win, "safety", 2)
    answer(win, "night_help", text="3")
    answer(win, "carer_support", 3)
    answer(win, "carer_willing", 1)

    assert isinstance(win.page, CheckAnswersPage)
    assert win.page.summary is None  # nothing required is missing
    assert compute_weekly(capsys, tmp_path, win, case) == "301.20"  # as person-example.json
    # Change from the check page, and come back to it.
    tab_to(lambda w: "how much help do you need to work" in w.accessibleName().lower())
    enter()
    assert question_id(win) == "activities"
    digit(2)
    enter()
    assert isinstance(win.page, CheckAnswersPage)
    assert win.session.answers(case)["activities"] == "some"

    tab_to(named("Continue to the budget"))
    enter()
    assert isinstance(win.page, ResultPage)
    expected = compute_weekly(capsys, tmp_path, win, case)
    assert expected != "301.20"  # the change moved the figure
    assert win.page.weekly.text() == f"£{expected} a week"
    finalise_by_keyboard(qtbot, win, case)
    assert win.page.weekly.text() == f"£{expected} a week"  # type: ignore[union-attr]
    bundle = json.loads(win.session.version(case)["bundle"])
    assert bundle["result"]["weekly"] == expected


def test_a_carers_assessment_linked_to_a_person(
    qtbot, window: MainWindow, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    type_text("Alys")  # the search box has the focus
    tab_to(lambda w: isinstance(w, QTabBar))
    key(Qt.Key.Key_Right)  # "Waiting to send", where Alys is
    key(Qt.Key.Key_Tab)  # into that list; the first case is selected
    tab_to(named("New carer's assessment"))
    enter()
    type_text("Dewi Pritchard")
    enter()
    case = win.case_uuid()
    assert case is not None
    alys = win.session.store.case_row(case)["linked_case_uuid"]
    assert win.session.store.case_row(alys)["person_name"] == "Alys Pritchard"

    answer(win, "caring_hours", text="40")
    answer(win, "health", 2)
    answer(win, "sleep", 3)
    answer(win, "time_for_yourself", 3)
    answer(win, "work_learning", 2)
    answer(win, "relationships", 2)
    assert isinstance(win.page, CheckAnswersPage)
    tab_to(named("Continue to the budget"))
    enter()
    assert isinstance(win.page, ResultPage)
    expected = compute_weekly(capsys, tmp_path, win, case)
    assert expected == "35.00"  # as carer-example.json
    assert win.page.weekly.text() == "£35.00 a week"
    finalise_by_keyboard(qtbot, win, case)
