"""The real-window walk's format-2 leg (docs/ruleset-v2.md): the question pages of real
assessment forms — the agreed answer with the person's, the assessor's and the carer's
views and the carer's own wording, who answered and helped and the evidence opened, *does
not apply* (as the answer, and as each view of a multiple-choice and a number question),
an exclusive "None of these", easy read with a picture per option — the check
page, and the budget pages of the format-2 demo (periods, costed items, an NHS part) and
of example (d) (two amounts a year), each checked in the real window as format 1's pages
are: the question and Continue in view, nothing clipped, nothing beyond the right edge.
Then the support plan pages of format-2 cases (the demo person's weekly amount with an NHS
part, the demo carer's one-off amount, example (d)'s choice of amount): the plan page, an
item added by keyboard (its period chosen from those offered), the plan summary and the
decision page: the plan's totals and each primary button in view, nothing clipped."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from rasdesk.platform.paths import demo_dir, resources_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.modes import Modes
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.decision import DecisionPage
from rasdesk.ui.pages.plan import PlanPage
from rasdesk.ui.pages.plan_summary import PlanSummaryPage
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from rasdesk.ui.pages.result_v2 import ResultV2Page
from rasdesk.ui.widgets.answers import ChoiceAnswer
from tests.demo_v2 import demo_v2_answers
from tests.ui.na_views import na_views_ruleset

EXAMPLES = resources_dir() / "examples"
Check = Callable[[MainWindow, str, list[QWidget], bool], None]


def _worked(folder: str, line: int) -> tuple[Path, dict[str, Any]]:
    path = EXAMPLES / folder
    doc = json.loads((path / "expected.jsonl").read_text().splitlines()[line], parse_float=Decimal)
    return next(path.glob("*.signed.json")), doc["answers"]


def walk_format2(
    win: MainWindow,
    look: str,
    check_page: Check,
    keys: Callable[..., None],
    tab_to: Callable[[MainWindow, str], None],
    wait: Callable[..., bool],
    shot: Callable[[str], None],
) -> int:
    """Every format-2 page looked at; the number of pages checked."""
    store = win.session.store
    large = look == "large"

    def case(
        signed: Path,
        name: str,
        answers: dict[str, Any],
        final: bool = False,
        questionnaire: str = "person",
    ) -> str:
        verified = load_signed_any(signed)
        uuid, _ = store.new_case(
            Person(name), questionnaire, verified.ruleset, verified.signed_bytes
        )
        win.session.set_modes(uuid, Modes(large=large))
        for qid, value in answers.items():
            store.set_answer(uuid, qid, value)
        if final:
            lifecycle.finalise(store, uuid)
        return uuid

    signed_a, answers_a = _worked("a-points-table", 0)
    signed_d, answers_d = _worked("d-person-and-carer", 1)
    example_a = case(signed_a, "Gwen Rowlands", answers_a)
    example_d = case(signed_d, "Owain Price", answers_d, final=True)
    demo = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())
    person = case(demo_dir() / "demo-v2.ruleset.signed.json", "Ffion Morgan", demo["answers"])
    pages = 0

    def question(uuid: str, qid: str, where: str, opened: bool = False) -> None:
        nonlocal pages
        win.go(("question", uuid, qid, False))
        wait(1, lambda: isinstance(win.page, QuestionV2Page))
        page = win.page
        assert isinstance(page, QuestionV2Page), win.route
        must: list[QWidget] = [page.heading]
        if isinstance(page.answer, ChoiceAnswer):
            must += page.answer.buttons[:5]
        check_page(win, f"format 2 {where}", [page.next], False)  # Continue: always in view
        check_page(win, f"format 2 {where}", must, large)
        if opened and page.record_fields is not None and not page.record_fields.more.isChecked():
            tab_to(win, "Who answered, and evidence")  # the page scrolls down with the focus
            keys("space")
            wait(0.3)
            check_page(win, f"format 2 {where} (opened)", [page.next], False)
        if page.record_fields is not None:  # below the answers: reached by scrolling
            fields = page.record_fields
            boxes: list[QWidget] = [*fields.view_boxes.values(), *fields.view_na.values()]
            if opened:
                boxes += [fields.answered_by, fields.helped_by, fields.evidence]
            check_page(win, f"format 2 {where} (record)", boxes, True)
        shot(f"{look}-format2-{where}")
        pages += 1

    question(example_a, "washing", "views")
    question(example_a, "washing", "views-who-evidence", opened=True)
    question(example_a, "special_diet", "not-applicable")
    question(example_a, "activities", "none-of-these")
    question(example_d, "personal_care", "three-views", opened=True)
    # Each view of a multiple-choice and a number question may not apply: its own tick.
    na = {"not_applicable": True}
    with tempfile.TemporaryDirectory() as folder:
        example_na = case(
            na_views_ruleset(Path(folder)),
            "Nia Evans",
            {
                "activities": {"agreed": ["shopping"], "views": {"person": na}},
                "outings": {"views": {"person": na, "assessor": Decimal(4)}},  # they differ
            },
        )
    question(example_na, "activities", "views-not-applicable")
    question(example_na, "outings", "number-views-not-applicable")
    win.session.set_modes(example_a, Modes(large=large, easy=True))
    question(example_a, "washing", "easy-read-pictures")
    win.session.set_modes(example_a, Modes(large=large))

    win.go(("check", example_a))
    wait(1, lambda: isinstance(win.page, CheckAnswersV2Page))
    assert isinstance(win.page, CheckAnswersV2Page), win.route
    check_page(win, "format 2 check answers", [], False)
    shot(f"{look}-format2-check")
    pages += 1
    for uuid, where in ((person, "budget-week"), (example_d, "budget-year")):
        win.go(("result", uuid))
        wait(1, lambda: isinstance(win.page, ResultV2Page))
        page = win.page
        assert isinstance(page, ResultV2Page), win.route
        check_page(win, f"format 2 {where}", [], False)
        shot(f"{look}-format2-{where}")
        # The end of the page: the closing words, the contact, the buttons.
        bar = page.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        wait(0.3)
        check_page(win, f"format 2 {where} (end)", [], False)
        shot(f"{look}-format2-{where}-end")
        pages += 1
    demo_v2 = demo_dir() / "demo-v2.ruleset.signed.json"
    nhs = case(demo_v2, "Rhys Morgan", demo["answers"], final=True)
    carer = case(
        demo_v2, "Eira Morgan", demo_v2_answers("carer-example"), final=True, questionnaire="carer"
    )
    for uuid, where, item, downs in (
        (nhs, "nhs-week", ("Personal care", "Helping Hands agency", "24", "hours", "24.50"), 0),
        (carer, "carer-once", ("Short break", "Respite home", "1", "break", "300"), 2),
        (example_d, "two-amounts", ("Short breaks", "Crossroads carers", "2", "nights", "150"), 0),
    ):
        pages += plan_pages(
            win, look, uuid, where, item, downs, check_page, keys, tab_to, wait, shot
        )
    return pages


def plan_pages(
    win: MainWindow,
    look: str,
    uuid: str,
    where: str,
    item: tuple[str, ...],
    downs: int,
    check_page: Check,
    keys: Callable[..., None],
    tab_to: Callable[[MainWindow, str], None],
    wait: Callable[..., bool],
    shot: Callable[[str], None],
) -> int:
    """A format-2 case's plan page (the amount chosen by keyboard when there are several),
    an item added by keyboard (its period ``downs`` choices down), the summary and the
    decision page; the pages checked."""
    win.go(("plan", uuid))
    wait(1, lambda: isinstance(win.page, PlanPage))
    page = win.page
    assert isinstance(page, PlanPage), win.route
    must: list[QWidget] = [page.totals]  # the totals stay in view below the page
    if page.amount is not None:  # several amounts: the choice first, with its figure
        must += [page.amount, page.indicative_label]
    check_page(win, f"format 2 plan {where}", must, False)
    check_page(win, f"format 2 plan {where} (top)", [page.indicative_label], True)
    shot(f"{look}-format2-plan-{where}")
    if page.amount is not None:  # the other amount, by keyboard
        tab_to(win, "The amount the plan is measured against")
        keys("Down")
        wait(0.3)
        check_page(win, f"format 2 plan {where} (other amount)", [page.amount, page.totals], False)
    tab_to(win, "Kind of support")
    for text in item[:-1]:
        xdo_type(wait, text)
        keys("Tab")
    xdo_type(wait, item[-1])
    tab_to(win, "How often")
    for _ in range(downs):
        keys("Down")
    per = page.fields["per"]
    assert isinstance(per, QComboBox)
    assert per.currentIndex() == downs, f"{where}: the period {per.currentText()!r} by keyboard"
    check_page(win, f"format 2 plan {where} (period)", [per], False)
    tab_to(win, "Add this item")
    check_page(
        win, f"format 2 plan {where} (add)", [QApplication.focusWidget(), page.totals], False
    )
    keys("Return")
    wait(2, lambda: win.page is not page)
    page = win.page
    assert isinstance(page, PlanPage) and page.items.count() == 1, win.route
    check_page(win, f"format 2 plan {where} (one item)", [page.totals], False)
    shot(f"{look}-format2-plan-{where}-item")
    tab_to(win, "Finalise the plan")
    check_page(win, f"format 2 plan {where} (finalise)", [page.finalise_button, page.totals], False)
    keys("Return")
    wait(2, lambda: isinstance(win.page, PlanSummaryPage))
    summary = win.page
    assert isinstance(summary, PlanSummaryPage), win.route
    check_page(win, f"format 2 plan summary {where}", [summary.heading, summary.cost], False)
    shot(f"{look}-format2-summary-{where}")
    tab_to(win, "Record the decision")
    check_page(win, f"format 2 plan summary {where} (decide)", [summary.decide_button], False)
    keys("Return")
    wait(2, lambda: isinstance(win.page, DecisionPage))
    deciding = win.page
    assert isinstance(deciding, DecisionPage), win.route
    check_page(win, f"format 2 decision {where}", [deciding.final], False)
    shot(f"{look}-format2-decision-{where}")
    tab_to(win, "Record the decision")
    check_page(win, f"format 2 decision {where} (record)", [deciding.record], False)
    return 3


def xdo_type(wait: Callable[..., bool], text: str) -> None:
    """Words typed with xdotool, as the driver types them."""
    subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
    wait(0.15)  # the app takes them in
