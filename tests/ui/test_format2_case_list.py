"""The case list's figure of a finalised format-2 case says its period and keeps the
funders apart: a carer's one-off budget started from the app on the demo's format-2 ruleset
("£250.00 one-off", its draft letter first), and example (d)'s yearly planning amount with
an Independent Living Fund part ("£5,750.00 a year from the council + £3,640.00 a year from the
Independent Living Fund", never the £9,390.00 total as the council's); in Welsh too."""

from __future__ import annotations

import json
import subprocess

from PySide6.QtCore import Qt

from rasdesk.platform import rulesets
from rasdesk.platform.paths import demo_dir, resources_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.case_list import CaseListPage
from rasdesk.ui.pages.result_v2 import ResultV2Page
from tests.ui.drive import digit, enter, named, tab_to, type_text, visible_text

SIGNED_V2 = demo_dir() / "demo-v2.ruleset.signed.json"
EXAMPLE_D = resources_dir() / "examples" / "d-person-and-carer"


def line_of(win: MainWindow, case: str) -> str:
    page = win.page
    assert isinstance(page, CaseListPage)
    for widget in page.lists.values():
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == case:
                return str(widget.item(row).text())
    raise AssertionError(f"case {case} is not listed")


def finalise(win: MainWindow, case: str) -> None:
    worker = win.session.open_worker_store()
    try:
        lifecycle.finalise(worker, case)
    finally:
        worker.close()


def test_a_carers_one_off_budget_from_the_app(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = window
    rulesets.install(SIGNED_V2)
    win.go(("cases",))
    tab_to(named("New carer's assessment"))
    enter()
    type_text("Dewi Morgan")
    enter()
    case = win.case_uuid()
    assert case is not None and win.session.store.case_row(case)["kind"] == "carer"
    type_text("40")  # hours a week, used exactly
    enter()
    for pick in (3, 3, 4, 2, 1):  # health, sleep, time for yourself, work, relationships
        digit(pick)
        enter()
    tab_to(named("Continue to the budget"))
    enter()
    page = win.page
    assert isinstance(page, ResultV2Page)
    assert page.figures[("budget", "total")] == "250.00"
    assert "Total: £250.00 as a one-off payment (for the next 12 months)" in visible_text(page)
    done: list[object] = []
    win.print_to(case, tmp_path / "draft.pdf", done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    letter = subprocess.run(
        ["pdftotext", str(tmp_path / "draft.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "DRAFT" in letter and "£250.00" in letter
    finalise(win, case)
    win.go(("cases",))
    assert "£250.00 one-off" in line_of(win, case)
    assert "a week" not in line_of(win, case)


def test_a_yearly_amount_with_another_funder_is_never_added_into_the_councils(
    window: MainWindow,
) -> None:
    win = window
    verified = load_signed_any(EXAMPLE_D / "person-and-carer.ruleset.signed.json")
    worked = json.loads((EXAMPLE_D / "expected.jsonl").read_text().split("\n")[1])
    assert worked["expect"]["planning_amount.total"] == "9390.00"
    case, _ = win.session.store.new_case(
        Person("Owain Price"), "person", verified.ruleset, verified.signed_bytes
    )
    for qid, value in worked["answers"].items():
        win.session.store.set_answer(case, qid, value)
    finalise(win, case)
    win.go(("cases",))
    line = line_of(win, case)
    assert (
        "Your planning amount: £5,750.00 a year from the council + £3,640.00 a year from the "
        "Independent Living Fund; Support allocation for your carer: £0.00 a year" in line
    )
    assert "9,390.00" not in line
    win.act("language")
    assert (
        "£5,750.00 y flwyddyn gan y cyngor + £3,640.00 y flwyddyn gan y Gronfa Byw'n Annibynnol"
        in (line_of(win, case))
    )
