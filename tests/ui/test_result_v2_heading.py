"""The format-2 budget page is heard, on arrival, as its heading with each amount's total
(as format 1's is with its weekly figure): the focus starts on that heading, and a screen
reader reads its name, so the figure is the first thing heard, not only "The indicative
budget". scripts/stage-a11y.sh checks the same over the real AT-SPI bus."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication

from rasdesk.platform import rulesets
from rasdesk.platform.paths import demo_dir
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.result_v2 import ResultV2Page

DEMO = demo_dir()
EXAMPLE = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())


def test_the_format2_budget_heading_names_each_total(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    verified = rulesets.install(DEMO / "demo-v2.ruleset.signed.json")
    store = win.session.store
    case, _ = store.new_case(
        Person(name="Gwen Heading", date_of_birth="1950-02-03"),
        EXAMPLE["questionnaire"],
        verified.ruleset,
        verified.signed_bytes,
    )
    for qid, value in EXAMPLE["answers"].items():
        store.set_answer(case, qid, value)
    win.go(("result", case))
    page = win.page
    assert isinstance(page, ResultV2Page)
    totals = [f for (_amount, what), f in page.figures.items() if what == "total"]
    assert totals
    name = page.heading.accessibleName()
    assert name.startswith("The indicative budget: £"), name
    assert all(f"£{t}" in name for t in totals), (name, totals)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.heading, timeout=5_000)
