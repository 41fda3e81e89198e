"""The format-2 question features in the app, on example (a) (views, not applicable,
exclusive "None of these", option pictures, an eligibility question): a draft opened from
the case list by keyboard; the agreed answer with the person's and the assessor's views,
who answered and the evidence kept in the stored answer object; *does not apply* as its
own answer; the check page saying each; the budget equal to ``rasdesk compute`` on the
stored answers (example a's first worked example: £150.00 a week); differing views with no
agreed answer stop the budget on the check page; the letter of the finalised case."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from rasdesk.platform.paths import resources_dir
from rasdesk.platform.rulesets import install, load_signed_any
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from rasdesk.ui.pages.result_v2 import ResultV2Page
from rasdesk.ui.words import money
from tests.cli.helpers import run
from tests.ui.drive import digit, enter, named, tab_to, type_text, visible_text

EXAMPLE_A = resources_dir() / "examples" / "a-points-table"
SIGNED_A = EXAMPLE_A / "points-table.ruleset.signed.json"


def new_case(win: MainWindow, name: str) -> str:
    """A draft on example a, installed as the current ruleset (so no move is offered)."""
    install(SIGNED_A)
    verified = load_signed_any(SIGNED_A)
    case, _ = win.session.store.new_case(
        Person(name), "person", verified.ruleset, verified.signed_bytes
    )
    return case


def on(win: MainWindow, qid: str) -> QuestionV2Page:
    page = win.page
    assert isinstance(page, QuestionV2Page), f"expected a format-2 question, found {page!r}"
    assert page.step.question.id == qid
    return page


def stored(win: MainWindow, case: str) -> dict[str, Any]:
    return win.session.store.answers_json(win.session.version(case)["version_uuid"])


def choose(box: QComboBox, data: object) -> None:
    box.setCurrentIndex(box.findData(data))


def compute(capsys: pytest.CaptureFixture[str], tmp_path: Path, answers: dict[str, Any]) -> Any:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"questionnaire": "person", "answers": answers}))
    code, out, err = run(capsys, "compute", "--ruleset", SIGNED_A, "--answers", path, "--json")
    assert code == 0, err
    return json.loads(out)


def test_views_not_applicable_and_evidence_asked_and_counted(
    qtbot, window: MainWindow, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = new_case(win, "Gwen Rowlands")
    win.go(("cases",))
    type_text("Gwen")  # the search box has the focus; the draft is the first in Drafts
    tab_to(named("Open the selected case"))
    enter()
    page = on(win, "washing")  # a format-2 draft opens at its first question
    # The assessor's wording of the question, and a picture per option for easy read.
    assert page.heading.text() == "How much help does the person need to wash?"
    assert page.option_pictures() == {"none": "washing", "some": "washing", "all": "washing"}
    digit(3)  # the agreed answer: "Someone has to do it for me"
    fields = page.record_fields
    assert fields is not None and set(fields.view_boxes) == {"person", "assessor"}
    choose(fields.view_boxes["person"], "some")  # type: ignore[arg-type]
    choose(fields.view_boxes["assessor"], "all")  # type: ignore[arg-type]
    choose(fields.answered_by, "person_helped")
    fields.evidence.setPlainText("Seen at the home visit: cannot get in or out of the bath.")
    page.flush()
    assert stored(win, case)["washing"] == {
        "agreed": "all",
        "views": {"person": "some", "assessor": "all"},
        "answered_by": "person_helped",
        "evidence": "Seen at the home visit: cannot get in or out of the bath.",
    }
    page.answer.buttons[0].setFocus()  # type: ignore[union-attr]
    enter()
    on(win, "dressing")
    digit(2)
    enter()
    on(win, "meals")
    digit(2)
    enter()
    page = on(win, "special_diet")
    assert page.not_applicable is not None
    assert page.not_applicable.text() == "I am fed by tube"
    page.not_applicable.setChecked(True)
    assert not page.answer.isEnabled()  # does not apply: no option is chosen with it
    assert stored(win, case)["special_diet"] == {"not_applicable": True}
    page.next.setFocus()
    enter()
    on(win, "activities")
    digit(4)  # "None of these" on its own …
    digit(1)  # … is cleared by ticking another answer
    digit(2)
    assert stored(win, case)["activities"] == ["shopping", "social"]
    enter()
    on(win, "eligible_personal_care")
    digit(1)
    enter()

    page = win.page
    assert isinstance(page, CheckAnswersV2Page) and page.summary is None
    text = visible_text(page)
    assert "I am fed by tube (does not apply: not counted)" in text
    assert "The person's view: I need some help" in text
    assert "The assessor's view: Someone has to do it for me" in text
    assert "Answered by: The person, with help" in text
    assert "Evidence: Seen at the home visit" in text

    expected = compute(capsys, tmp_path, stored(win, case))
    budget = expected["amounts"][0]
    assert budget["total"] == "150.00"  # example a's first worked example, by hand
    tab_to(named("Continue to the budget"))
    enter()
    result = win.page
    assert isinstance(result, ResultV2Page)
    assert result.figures[("budget", "total")] == money(Decimal(budget["total"]))

    # The letter of the finalised case, from the app (the same Letter content model).
    worker = win.session.open_worker_store()
    try:
        lifecycle.finalise(worker, case)
    finally:
        worker.close()
    done: list[object] = []
    target = tmp_path / "letter.pdf"
    win.print_to(case, target, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    letter = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Gwen Rowlands" in letter and "£150.00 a week" in letter
    assert "DRAFT" not in letter


def test_differing_views_without_an_agreed_answer_stop_the_budget(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = new_case(win, "Huw Bevan")
    store = win.session.store
    for qid, value in {
        "washing": {"views": {"person": "some", "assessor": "all"}},
        "dressing": "some",
        "meals": "prompt",
        "special_diet": {"not_applicable": True},
        "activities": ["none"],
        "eligible_personal_care": "yes",
    }.items():
        store.set_answer(case, qid, value)
    win.go(("check", case))
    page = win.page
    assert isinstance(page, CheckAnswersV2Page) and page.summary is not None
    words = [link.accessibleName() for link in page.summary.links]
    assert words == ["Record the agreed answer: How much help do you need to wash?"]
    QTest.keyClick(page.summary.links[0], Qt.Key.Key_Return)  # the link goes to the question
    page = on(win, "washing")
    assert page.record_fields is not None and page.record_fields.differ.isVisibleTo(page)
    page.answer.pick(2)  # type: ignore[union-attr]  # the agreed answer; the views stay
    assert stored(win, case)["washing"]["agreed"] == "all"
    assert not page.record_fields.differ.isVisibleTo(page)


def test_an_answer_of_the_wrong_shape_is_refused_naming_the_question(window: MainWindow) -> None:
    from rasdesk.domain.errors import AnswersError

    case = new_case(window, "Iolo Jenkins")
    with pytest.raises(AnswersError) as caught:
        window.session.store.set_answer(case, "activities", ["none", "shopping"])
    assert "activities" in str(caught.value.problems[0].path)
    with pytest.raises(AnswersError):
        window.session.store.set_answer(case, "meals", {"not_applicable": True})
    assert "meals" not in stored(window, case)


def test_a_number_answer_is_used_exactly_with_its_unit(
    qtbot, window: MainWindow, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Example (c), FACE-style hours: 17.6 hours typed is 17.6 (never a 17.5 band); the
    budget page shows the costed item as the explanation says it and equals compute."""
    win = window
    example_c = resources_dir() / "examples" / "c-face-hours"
    signed = example_c / "face-hours.ruleset.signed.json"
    worked = json.loads((example_c / "expected.jsonl").read_text().split("\n")[0])
    install(signed)
    verified = load_signed_any(signed)
    case, _ = win.session.store.new_case(
        Person("Mair Hughes"), "person", verified.ruleset, verified.signed_bytes
    )
    for qid, value in worked["answers"].items():
        if qid != "pc_hours":
            win.session.store.set_answer(case, qid, value)
    win.open_case(case)  # resumes at the one question not answered
    page = on(win, "pc_hours")
    assert page.answer.hint.text() == "A number from 0 to 168 (hours a week)"  # type: ignore[union-attr]
    type_text("17.6")
    enter()
    assert stored(win, case)["pc_hours"] == Decimal("17.6")
    win.go(("check", case))
    assert isinstance(win.page, CheckAnswersV2Page)
    assert "17.6 hours a week" in visible_text(win.page)
    tab_to(named("Continue to the budget"))
    enter()
    result = win.page
    assert isinstance(result, ResultV2Page)
    text = visible_text(result)
    assert "17.6 hours a week × £22.40 an hour = £394.24" in text
    expected = compute_c(capsys, tmp_path, signed, stored(win, case))
    support = expected["amounts"][0]
    assert support["total"] == worked["expect"]["support.total"] == "821.24"
    assert result.figures[("support", "total")] == money(Decimal(support["total"]))


def compute_c(capsys, tmp_path, signed, answers):  # type: ignore[no-untyped-def]
    path = tmp_path / "c.json"
    from rasdesk.domain.bundle import canonical  # numbers written exactly, as JSON numbers

    path.write_bytes(canonical({"questionnaire": "person", "answers": answers}))
    code, out, err = run(capsys, "compute", "--ruleset", signed, "--answers", path, "--json")
    assert code == 0, err
    return json.loads(out)
