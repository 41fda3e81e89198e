"""Defect 6: "None of these" is the ruleset's exclusive option; ticking it clears the
other tasks and ticking a task clears it, so the saved answer is never a contradiction."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from tests.ui.conftest import case_named
from tests.ui.drive import digit


def ticked(page: QuestionPage) -> list[str]:
    return [str(b.property("option")) for b in page.findChildren(QCheckBox) if b.isChecked()]


def test_none_of_these_clears_the_tasks_and_a_task_clears_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "John Evans")
    win.go(("question", case, "home_tasks", False))
    page = win.page
    assert isinstance(page, QuestionPage) and page.step.question.id == "home_tasks"
    options = [o.id for o in page.step.question.options]
    none_key = options.index("none") + 1
    digit(1)
    digit(2)
    assert ticked(page) == ["shopping", "cleaning"]
    digit(none_key)
    assert ticked(page) == ["none"]
    assert win.session.answers(case)["home_tasks"] == ("none",)
    digit(3)
    assert ticked(page) == ["laundry"]
    assert win.session.answers(case)["home_tasks"] == ("laundry",)
