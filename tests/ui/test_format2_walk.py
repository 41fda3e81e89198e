"""A format-2 case through the app as an assessor at the kitchen table: the demo's
format-2 ruleset installed, a new assessment answered by keyboard (a number with its unit,
an exclusive "None of these", skip logic), the check page, the budget page with periods,
costed items and funders equal to ``rasdesk compute`` on the same answers, finalised, and
the case list's figure; then opened again from the case list."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from rasdesk.platform import rulesets
from rasdesk.platform.paths import demo_dir
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.case_list import CaseListPage
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from rasdesk.ui.pages.result_v2 import ResultV2Page
from rasdesk.ui.words import money
from tests.cli.helpers import run
from tests.ui.drive import digit, enter, named, tab_to, type_text
from tests.ui.test_walk import confirm_next_dialog

DEMO = demo_dir()
SIGNED_V2 = DEMO / "demo-v2.ruleset.signed.json"
EXAMPLE = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]


def compute(capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: dict[str, Any]) -> Any:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc, default=str))
    code, out, err = run(capsys, "compute", "--ruleset", SIGNED_V2, "--answers", path, "--json")
    assert code == 0, err
    return json.loads(out)


def stored_doc(win: MainWindow, case: str) -> dict[str, Any]:
    store = win.session.store
    answers = store.answers_json(win.session.version(case)["version_uuid"])
    return {"questionnaire": store.case_row(case)["questionnaire"], "answers": answers}


def on(win: MainWindow, qid: str) -> QuestionV2Page:
    page = win.page
    assert isinstance(page, QuestionV2Page), f"expected a format-2 question, found {page!r}"
    assert page.step.question.id == qid
    return page


def pick(win: MainWindow, qid: str, *digits: int, text: str | None = None) -> None:
    on(win, qid)
    for d in digits:
        digit(d)
    if text is not None:
        type_text(text)
    enter()


def start_v2_case(win: MainWindow, name: str) -> str:
    rulesets.install(SIGNED_V2)
    win.go(("cases",))
    tab_to(named("New assessment"))
    enter()
    type_text(name)
    enter()
    case = win.case_uuid()
    assert case is not None
    assert win.session.is_format2(case)
    return case


def test_the_demo_v2_ruleset_walked_through_the_app_to_the_budget(
    qtbot, window: MainWindow, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = start_v2_case(win, "Ffion Morgan")
    pick(win, "eating_drinking", 2)
    pick(win, "washing", 3)
    pick(win, "toilet", 2)
    pick(win, "dressing", 3)
    page = on(win, "moving")
    assert "of 14" in page.progress.text()
    digit(2)
    assert "of 15" in page.progress.text()  # some help moving: falls is now asked
    enter()
    pick(win, "falls", 2)
    page = on(win, "home_tasks")
    digit(6)  # "None of these" (exclusive) …
    digit(1)  # … then shopping clears it
    digit(2)
    assert win.session.answers(case)["home_tasks"] == ("shopping", "cleaning")
    enter()
    pick(win, "relationships", 2)
    pick(win, "activities", 1)
    pick(win, "getting_out", 3)
    pick(win, "safety", 2)
    page = on(win, "night_help")
    assert "nights a week" in page.answer.hint.text()  # type: ignore[union-attr]
    type_text("3")
    enter()
    pick(win, "nursing", 2)
    pick(win, "carer_support", 3)
    pick(win, "carer_willing", 1)

    assert isinstance(win.page, CheckAnswersV2Page)
    assert win.page.summary is None
    doc = stored_doc(win, case)
    assert doc["answers"] == {k: v for k, v in EXAMPLE.items()}  # every answer, as given
    expected = compute(capsys, tmp_path, doc)
    win.go(("question", case, "night_help", True))  # Change: the number is shown again
    assert win.page.answer.edit.text() == "3"  # type: ignore[union-attr]
    win.go(("check", case))
    tab_to(named("Continue to the budget"))
    enter()
    page = win.page
    assert isinstance(page, ResultV2Page)
    budget = expected["amounts"][0]
    assert budget["period"]["per"] == "week"
    assert page.figures[(budget["id"], "total")] == money(Decimal(budget["total"]))
    assert page.figures[(budget["id"], "council")] == money(Decimal(budget["council"]))
    assert budget["funders"]["nhs"] != "0.00"  # the NHS part is apart from the council's
    assert page.figures[(budget["id"], "council")] != page.figures[(budget["id"], "total")]

    tab_to(named("Finalise"))
    confirm_next_dialog()
    enter()
    qtbot.waitUntil(lambda: win.session.version(case)["state"] == "finalised", timeout=10_000)
    qtbot.waitUntil(lambda: isinstance(win.page, ResultV2Page), timeout=5_000)
    bundle = json.loads(win.session.version(case)["bundle"])
    assert bundle["result"]["amounts"] == expected["amounts"]

    win.go(("cases",))
    assert isinstance(win.page, CaseListPage)
    mine = case_line(win.page, case)
    council, nhs = money(Decimal(budget["council"])), money(Decimal(budget["funders"]["nhs"]))
    assert f"£{council} a week from the council + £{nhs} a week from the NHS" in mine
    assert money(Decimal(budget["total"])) not in mine  # the funders are never added up


def case_line(page: CaseListPage, case: str) -> str:
    for widget in page.lists.values():
        for row in range(widget.count()):
            item = widget.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == case:
                return str(item.text())
    raise AssertionError(f"case {case} is not in the case list")
