"""*Does not apply* in each view of every question kind (docs/ruleset-v2.md §1.4), by
keyboard: example (a) with "Which of these do you need help with?" (multiple choice) and a
number question allowed to not apply. A view's own tick, named "The person's view: I do
not go out", turns that view's ticks or number off and stores ``{"not_applicable": true}``
as the view; unticked, the view is what its ticks or number hold again. The stored answer
is one the domain accepts, the check page says each view, views that differ (one not
applicable, one not) with no agreed answer are named, and the page reopens as it was."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QWidget

from rasdesk.domain.answers_v2 import NOT_APPLICABLE, read_answers_v2
from rasdesk.platform.paths import resources_dir
from rasdesk.platform.rulesets import install, load_signed_any
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.modes import Modes
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from tests.ui.drive import digit, focus, key, named, tab_to, type_text, visible_text
from tests.ui.na_views import GO_OUT, na_views_ruleset

EXAMPLE_A = resources_dir() / "examples" / "a-points-table" / "points-table.ruleset.json"
NA = {"not_applicable": True}


def ruleset(tmp_path: Path) -> tuple[Path, Any]:
    path = na_views_ruleset(tmp_path)
    install(path)
    return path, load_signed_any(path)


def new_case(win: MainWindow, tmp_path: Path) -> tuple[str, Any]:
    _path, verified = ruleset(tmp_path)
    case, _ = win.session.store.new_case(
        Person("Nia Evans"), "person", verified.ruleset, verified.signed_bytes
    )
    win.session.set_modes(case, Modes())
    return case, verified.ruleset


def domain_reads(rules: Any, answers: dict[str, Any]) -> Any:
    """The answers as the engine reads them, with example (a)'s first worked example
    answering the other questions."""
    worked = (EXAMPLE_A.parent / "expected.jsonl").read_text().splitlines()[0]
    base = json.loads(worked)["answers"] | {"outings": 2}
    doc = {"questionnaire": "person", "answers": base | answers}
    return read_answers_v2(doc, rules, "test")


def stored(win: MainWindow, case: str) -> dict[str, Any]:
    return win.session.store.answers_json(win.session.version(case)["version_uuid"])


def page_for(win: MainWindow, case: str, qid: str) -> QuestionV2Page:
    win.go(("question", case, qid, False))
    page = win.page
    assert isinstance(page, QuestionV2Page) and page.step.question.id == qid
    assert page.record_fields is not None
    return page


def ticks_of(box: QWidget) -> list[QCheckBox]:
    return [t for t in box.findChildren(QCheckBox) if t.property("option")]


def test_multiple_choice_views_may_each_not_apply(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case, rules = new_case(win, tmp_path)
    page = page_for(win, case, "activities")
    fields = page.record_fields
    assert fields is not None and set(fields.view_na) == {"person", "assessor"}
    digit(1)  # the agreed answer: Shopping
    tab_to(named("The person's view: Shopping"))
    key(Qt.Key.Key_Space)
    tick = tab_to(named(f"The person's view: {GO_OUT}"))
    assert tick is fields.view_na["person"]
    key(Qt.Key.Key_Space)
    assert stored(win, case)["activities"] == {"agreed": ["shopping"], "views": {"person": NA}}
    assert not any(t.isEnabled() for t in ticks_of(fields.view_boxes["person"]))
    assert all(t.isEnabled() for t in ticks_of(fields.view_boxes["assessor"]))
    key(Qt.Key.Key_Space)  # unticked: the person's view is their ticks again
    assert stored(win, case)["activities"]["views"] == {"person": ["shopping"]}
    assert all(t.isEnabled() for t in ticks_of(fields.view_boxes["person"]))
    key(Qt.Key.Key_Space)
    tab_to(named(f"The assessor's view: {GO_OUT}"))
    key(Qt.Key.Key_Space)
    assert stored(win, case)["activities"]["views"] == {"person": NA, "assessor": NA}

    # The domain takes it: the agreed answer counts, each view is *not applicable*.
    answers = domain_reads(rules, stored(win, case))
    assert answers.given["activities"] == ("shopping",)
    assert answers.records["activities"].views == {
        "person": NOT_APPLICABLE,
        "assessor": NOT_APPLICABLE,
    }

    page = page_for(win, case, "activities")  # reopened as it was left
    fields = page.record_fields
    assert fields is not None and fields.view_na["person"].isChecked()
    assert not any(t.isEnabled() for t in ticks_of(fields.view_boxes["person"]))
    win.go(("check", case))
    assert isinstance(win.page, CheckAnswersV2Page)
    text = visible_text(win.page)
    assert f"The person's view: {GO_OUT} (does not apply: not counted)" in text
    assert f"The assessor's view: {GO_OUT} (does not apply: not counted)" in text
    # Heard with the row's Change link, as the eye reads the row (Tab alone reaches it).
    described = win.page.change_links["activities"].accessibleDescription()
    assert described.startswith("Shopping")
    assert f"The person's view: {GO_OUT} (does not apply: not counted)" in described


def test_number_views_may_each_not_apply_and_differing_views_are_named(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case, rules = new_case(win, tmp_path)
    page = page_for(win, case, "outings")
    fields = page.record_fields
    assert fields is not None and set(fields.view_na) == {"person", "assessor"}
    person = fields.view_boxes["person"]
    assert isinstance(person, QLineEdit)
    tab_to(named("The person's view"))
    assert focus() is person
    type_text("3")
    key(Qt.Key.Key_Tab)  # the tick comes straight after its view's number
    assert focus() is fields.view_na["person"]
    assert focus().accessibleName() == f"The person's view: {GO_OUT}"
    key(Qt.Key.Key_Space)
    assert not person.isEnabled() and person.text() == "3"
    assert stored(win, case)["outings"] == {"views": {"person": NA}}
    tab_to(named("The assessor's view"))
    type_text("4")
    # No agreed answer, one view not applicable and one a number: they differ.
    qtbot.waitUntil(lambda: stored(win, case)["outings"]["views"].get("assessor") is not None)
    assert stored(win, case)["outings"] == {"views": {"person": NA, "assessor": Decimal(4)}}
    assert fields.differ.isVisibleTo(page)
    win.go(("check", case))
    check = win.page
    assert isinstance(check, CheckAnswersV2Page)
    text = visible_text(check)
    assert "Record the agreed answer: How many times a week do you go out?" in text
    assert f"The person's view: {GO_OUT} (does not apply: not counted)" in text
    assert "The assessor's view: 4 times a week" in text

    page = page_for(win, case, "outings")  # reopened: the person's number is off
    fields = page.record_fields
    assert fields is not None and fields.view_na["person"].isChecked()
    person = fields.view_boxes["person"]
    assert not person.isEnabled() and person.text() == ""
    assert fields.differ.isVisibleTo(page)  # said again, inside the page: it once opened
    qtbot.wait(200)  # as a window of its own for a moment, which took the keyboard focus
    assert QApplication.focusWidget() is page.first_focus()
    tab_to(named(f"The assessor's view: {GO_OUT}"))
    key(Qt.Key.Key_Space)  # both views: does not apply — they agree, so that counts
    assert stored(win, case)["outings"] == {"views": {"person": NA, "assessor": NA}}
    assert not fields.differ.isVisibleTo(page)
    answers = domain_reads(rules, stored(win, case))
    assert answers.given.get("outings") is NOT_APPLICABLE
    key(Qt.Key.Key_Space)  # unticked: the assessor's 4 again
    assert stored(win, case)["outings"]["views"]["assessor"] == Decimal(4)
    tab_to(named(f"The person's view: {GO_OUT}"))
    key(Qt.Key.Key_Space)  # unticked with no number: the person's view is not recorded
    assert stored(win, case)["outings"] == {"views": {"assessor": Decimal(4)}}


def test_a_view_may_not_apply_only_where_the_question_allows_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Washing has no *does not apply*: its views have no such tick; every control on the
    pages with the ticks has a name, and each view's list or number box its label."""
    win = window
    case, _rules = new_case(win, tmp_path)
    page = page_for(win, case, "washing")
    assert page.record_fields is not None and not page.record_fields.view_na
    # The answers' group is named as the heading words the question (the assessor's
    # wording here): Orca said "How much help do you need to wash?" under this heading.
    assert page.heading.text() == "How much help does the person need to wash?"
    assert page.answer.accessibleName() == page.heading.text()
    # Each view's label is its list's buddy: Qt names a combo box by its choice on Linux,
    # so a screen reader hears what it is for only through "labelled by".
    for qid in ("washing", "outings"):
        fields = page_for(win, case, qid).record_fields
        assert fields is not None
        buddies = {t.text(): t.buddy() for t in fields.findChildren(QLabel) if t.buddy()}
        assert buddies["The person's view"] is fields.view_boxes["person"]
        assert buddies["The assessor's view"] is fields.view_boxes["assessor"]
    for qid in ("activities", "outings"):
        page = page_for(win, case, qid)
        for widget in page.findChildren(QWidget):
            tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            if widget.isVisibleTo(page) and tabbable and widget.isEnabled():
                assert widget.accessibleName().strip(), (qid, type(widget).__name__)
