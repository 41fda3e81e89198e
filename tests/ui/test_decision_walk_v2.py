"""A format-2 case from its budget page to the decision, by keyboard: "Support plan" on the
finalised budget page, the plan measured against the council's part (the NHS's part shown
and not counted), above it so waiting for a decision, the decision recorded with reasons.
And a person's assessment with two amounts (example (d)): the person's planning amount by
default, the carer allocation chosen instead before the plan starts, "a week" not offered
as an item's period on that amount (no weeks in a year declared)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

import rasdesk.ui.print_dialog as print_dialog
from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.decision import DecisionPage
from rasdesk.ui.pages.plan import PlanPage
from rasdesk.ui.pages.plan_summary import PlanSummaryPage
from rasdesk.ui.pages.result_v2 import ResultV2Page
from tests.demo_v2 import worked_example_answers
from tests.ui.drive import enter, key, named, tab_to, type_text, visible_text
from tests.ui.test_decision_walk import save_through_the_dialog, settle_focus, tab

DEMO = demo_dir()
EXAMPLE_D = DEMO.parent / "examples" / "d-person-and-carer" / "person-and-carer.ruleset.signed.json"


def finalised_case(win: MainWindow, signed: Path, answers: dict[str, Any]) -> str:
    verified = load_signed_any(signed, [DEMO / "DEMO-public-key.pem"])
    store = win.session.store
    case, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    for question, value in answers.items():
        store.set_answer(case, question, value)
    lifecycle.finalise(store, case)
    return case


def test_format2_budget_to_decision_by_keyboard(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(print_dialog, "_last_folder", tmp_path)
    win = window
    answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]
    case = finalised_case(win, DEMO / "demo-v2.ruleset.signed.json", answers)
    win.go(("result", case))
    assert isinstance(win.page, ResultV2Page) and win.page.plan_button is not None
    settle_focus(qtbot, win)
    tab_to(named("Support plan"))
    enter()
    page = win.page
    assert isinstance(page, PlanPage) and page.amount is None  # one amount: nothing to choose
    assert page.indicative_label.text() == "Indicative budget: £586.20 a week"
    assert "measured against council money" in page.council.text()
    assert "Paid by the NHS, not by the council, and not counted here: £235.88 a week" in (
        page.council.text()
    )
    assert QApplication.focusWidget() is page.fields["kind"]
    for text in ("Personal care", "Helping Hands agency", "24", "hours"):
        type_text(text)
        tab()
    type_text("24.50")
    enter()
    page = win.page
    assert isinstance(page, PlanPage) and page.items.count() == 1
    # £588.00 a week: below the total with the NHS's part, above the council's £586.20
    assert "£588.00 a week" in page.totals.text() and "above" in page.totals.text()
    tab_to(named("Finalise the plan"))
    enter()
    assert isinstance(win.page, PlanSummaryPage)
    assert "waiting for a decision" in win.page.status.text()
    assert "not counted here: £235.88 a week" in visible_text(win)
    tab_to(named("Record the decision"))
    enter()
    assert isinstance(win.page, DecisionPage)
    assert "Final personal budget, in pounds a week" in visible_text(win)
    type_text("588.00")
    tab()
    type_text("Resource allocation panel")
    tab_to(named("Reason category"))
    key(Qt.Key.Key_Down)  # needs the questionnaire did not capture
    tab_to(named("Reasons, in words the person will read"))
    type_text("Two hours more of personal care each day are agreed.")
    tab_to(named("Record the decision"))
    enter()
    assert isinstance(win.page, PlanSummaryPage)
    assert "£588.00 a week" in win.page.final.text()
    assert win.session.store.case_row(case)["decision_status"] == "decided"
    settle_focus(qtbot, win)
    seen = save_through_the_dialog(qtbot, win)  # the decision letter, through the app
    target = tmp_path / seen[1]
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for words in (
        "Your personal budget is £588.00 a week",
        "(£586.20 a week)",
        "the council's part of your indicative budget",
        "The NHS also pays £235.88 a week",
        "Two hours more of personal care each day are agreed.",
    ):
        assert words in text, words


EXAMPLE_D_ANSWERS = worked_example_answers("d-person-and-carer", 1)


def test_the_amount_is_chosen_before_the_plan_starts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = finalised_case(win, EXAMPLE_D, EXAMPLE_D_ANSWERS)
    win.go(("result", case))
    settle_focus(qtbot, win)
    tab_to(named("Support plan"))
    enter()
    page = win.page
    assert isinstance(page, PlanPage) and page.amount is not None
    assert page.amount.currentData() == "planning_amount"  # the person's own, first
    assert page.indicative_label.text() == "Indicative budget: £21,850.00 a year"
    tab_to(named("The amount the plan is measured against"))
    key(Qt.Key.Key_Down)
    assert page.amount.currentData() == "carer_allocation"
    assert page.indicative_label.text() == "Indicative budget: £600.00 a year"
    tab_to(named("Kind of support"))
    for text in ("Short breaks", "Crossroads carers", "2", "nights"):
        type_text(text)
        tab()
    type_text("150")
    # This amount declares no weeks in a year: "a week" is not offered (the store would
    # refuse it), so the first choice is "a month".
    per = page.fields["per"]
    assert isinstance(per, QComboBox)
    assert [per.itemData(i) for i in range(per.count())] == ["month", "year", "one_off"]
    assert win.session.version(case)["number"] == 1  # nothing saved yet
    enter()
    page = win.page
    assert isinstance(page, PlanPage) and page.items.count() == 1 and page.amount is None
    assert page.indicative_label.text() == "Indicative budget: £600.00 a year"
    assert "£300.00 a month; £3,600.00 a year, above" in page.totals.text()
