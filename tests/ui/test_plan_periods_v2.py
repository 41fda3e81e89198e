"""The plan page of a format-2 case, offscreen, for amounts a week does not convert to:
a carer's one-off budget ("for the next 12 months", no weeks in a year) offers items only
a month, a year or once, and is said once with what it covers — never "over a year" or
"(… a year)" — on the plan page, its summary and the decision page; a weekly amount whose ruleset declares no
week↔year conversion cannot open the plan page, and the window says why in words
(docs/ruleset-v2.md §5, "support plan: a year")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import install, load_signed_any
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.decision import DecisionPage
from rasdesk.ui.pages.plan import PlanPage
from rasdesk.ui.pages.plan_summary import PlanSummaryPage
from rasdesk.ui.pages.result_v2 import ResultV2Page
from tests.demo_v2 import demo_v2_answers
from tests.ui.drive import enter, named, tab_to, type_text, visible_text
from tests.ui.test_decision_walk import settle_focus, tab

DEMO = demo_dir()
SIGNED_V2 = DEMO / "demo-v2.ruleset.signed.json"
CARER = demo_v2_answers("carer-example")  # resources/demo/answers-v2
ONCE = "£250.00 as a one-off payment (for the next 12 months)"


def finalised(win: MainWindow, signed: Path, questionnaire: str, answers: dict[str, Any]) -> str:
    verified = load_signed_any(signed, [DEMO / "DEMO-public-key.pem"])
    store = win.session.store
    case, _ = store.new_case(
        Person("Ffion Morgan"), questionnaire, verified.ruleset, verified.signed_bytes
    )
    for question, value in answers.items():
        store.set_answer(case, question, value)
    lifecycle.finalise(store, case)
    return case


def offered(page: PlanPage) -> list[str]:
    per = page.fields["per"]
    assert isinstance(per, QComboBox)
    return [per.itemData(i) for i in range(per.count())]


def test_a_one_off_amount_offers_no_week_and_is_said_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = finalised(win, SIGNED_V2, "carer", CARER)
    win.go(("result", case))
    settle_focus(qtbot, win)
    tab_to(named("Support plan"))
    enter()
    page = win.page
    assert isinstance(page, PlanPage)
    assert offered(page) == ["month", "year", "one_off"]  # no "a week": nothing converts it
    assert page.indicative_label.text() == f"Indicative budget: {ONCE}"
    # Before any item, the footer (below the scrolling page, always in view) names the
    # amount too: in large print the heading's label scrolls away once a field has focus.
    assert page.totals.text() == f"The plan has no items yet. Indicative budget: {ONCE}."
    tab_to(named("Kind of support"))
    for text in ("Short break", "Respite home", "1", "break"):
        type_text(text)
        tab()
    type_text("300")
    tab_to(named("How often"))
    per = page.fields["per"]
    assert isinstance(per, QComboBox)
    per.setCurrentIndex(per.findData("one_off"))
    tab_to(named("Add this item"))
    enter()
    page = win.page
    assert isinstance(page, PlanPage) and page.items.count() == 1
    assert page.totals.text() == (f"Plan: £300.00 once, above the indicative amount ({ONCE}).")
    assert "a year" not in visible_text(page)
    tab_to(named("Finalise the plan"))
    enter()
    summary = win.page
    assert isinstance(summary, PlanSummaryPage)
    text = visible_text(summary)
    assert f"Indicative budget: {ONCE}." in text
    assert "The plan costs £300.00 once: above the indicative amount." in text
    assert "Difference: £50.00 (20%)." in text
    assert "The indicative budget and the plan" in text
    assert "a year" not in text and "over a year" not in text
    tab_to(named("Record the decision"))
    enter()
    deciding = win.page
    assert isinstance(deciding, DecisionPage)
    text = visible_text(deciding)
    assert f"Indicative budget: {ONCE}. The plan costs £300.00 once." in text
    assert "a year" not in text


def weekly_without_conversion(tmp_path: Path) -> Path:
    """The demo's format-2 ruleset, its person's weekly budget left with no week↔year
    conversion (and so no "also a year")."""
    doc = json.loads((DEMO / "demo-v2.ruleset.json").read_text())
    doc["version"] += ".no-weeks"
    person = next(q for q in doc["questionnaires"] if q["id"] == "person")
    budget = next(a for a in person["amounts"] if a["id"] == "budget")
    budget.pop("conversions", None)
    budget.pop("show_also", None)
    key_pem = (DEMO / "DEMO-ONLY-signing-key.pem").read_bytes()
    signed = tmp_path / "no-weeks.ruleset.signed.json"
    signed.write_bytes(sign_envelope(json.dumps(doc).encode(), load_private_key(key_pem)))
    install(signed)
    return signed


def test_a_weekly_amount_without_weeks_in_a_year_cannot_open_the_plan(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]
    case = finalised(win, weekly_without_conversion(tmp_path), "person", answers)
    win.go(("result", case))
    assert isinstance(win.page, ResultV2Page)
    settle_focus(qtbot, win)
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            seen.append((dialog.text(), dialog.detailedText()))
            dialog.accept()
            return
        QTimer.singleShot(100, answer)

    QTimer.singleShot(100, answer)
    tab_to(named("Support plan"))
    enter()
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    title, words = seen[0]
    assert title == "That cannot be used"
    assert words == (
        "the ruleset declares no conversion between a week and a year: a support plan "
        "cannot be compared with this amount"
    )
    assert "Traceback" not in words
    assert not isinstance(win.page, PlanPage)  # back to the cases, nothing started
    assert win.session.version(case)["number"] == 1
