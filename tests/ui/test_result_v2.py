"""The budget page of a format-2 case (the demo's format-2 ruleset): every amount's total,
council's part, other funders' parts and each part equal ``rasdesk compute`` on the same
answers; the points chart only where a part is per point."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.result_v2 import ResultV2Page
from rasdesk.ui.words import money
from tests.cli.helpers import run

DEMO = demo_dir()
SIGNED_V2 = DEMO / "demo-v2.ruleset.signed.json"
ANSWERS_V2 = DEMO / "answers-v2" / "person-example.json"


def person_case(window: MainWindow, signed: Path = SIGNED_V2) -> str:
    """A new case of the format-2 demo's person, under the ruleset ``signed``, answered as
    in ``answers-v2/person-example.json``."""
    verified = load_signed_any(signed)
    store = window.session.store
    case, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    for question, value in json.loads(ANSWERS_V2.read_text())["answers"].items():
        store.set_answer(case, question, value)
    return case


def test_format2_budget_page_shows_what_compute_gives(
    window: MainWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compute", "--ruleset", SIGNED_V2, "--answers", ANSWERS_V2, "--json")
    assert code == 0
    expected = json.loads(out)
    case = person_case(window)
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultV2Page)
    for amount in expected["amounts"]:
        aid = amount["id"]
        assert page.figures[(aid, "total")] == money(Decimal(amount["total"]))
        assert page.figures[(aid, "council")] == money(Decimal(amount["council"]))
        others = sum(
            (Decimal(v) for f, v in amount["funders"].items() if f != "council"), Decimal(0)
        )
        if others:
            assert page.figures[(aid, "others")] == money(others)
            assert page.figures[(aid, "council")] != page.figures[(aid, "total")]
        for part in amount["parts"]:
            if part["applies"] and part["replaced_by"] is None:
                assert page.figures[(aid, part["id"])] == money(Decimal(part["amount"]))
    per_point = [
        p
        for a in expected["amounts"]
        for p in a["parts"]
        if p["method"] == "per_point" and p["applies"]
    ]
    assert len(page.charts) == len(per_point)
    assert expected["explanation"]


CARER_ANSWERS = {
    "caring_hours": 40,
    "health": "lots",
    "sleep": "lots",
    "time_for_yourself": "severe",
    "work_learning": "some",
    "relationships": "none",
}
EXAMPLES = DEMO.parent / "examples"


def _worked(folder: str) -> tuple[object, str, dict[str, object]]:
    path = EXAMPLES / folder
    doc = json.loads((path / "expected.jsonl").read_text().splitlines()[0], parse_float=Decimal)
    return next(path.glob("*.signed.json")), doc["questionnaire"], doc["answers"]


@pytest.mark.parametrize(
    ("name", "language"),
    [("demo-person", "en"), ("demo-carer", "cy"), ("a", "en"), ("c", "cy"), ("d", "en")],
)
def test_contact_closing_and_hours_on_the_budget_page_only_where_the_ruleset_says(
    window: MainWindow, name: str, language: str
) -> None:
    """The council's contact under "Questions, or if you disagree"; its own closing words
    where an amount has them, and then never the standard charging sentence; the "what it
    would buy in hours" line beside an amount only where the amount declares it (never for
    a one-off, a care-home or a yearly budget that does not)."""
    from PySide6.QtWidgets import QLabel

    from rasdesk.domain.phrases import PHRASES
    from rasdesk.ui.modes import Modes
    from tests.ui.drive import visible_text

    signed, questionnaire, answers = {
        "demo-person": (SIGNED_V2, "person", json.loads(ANSWERS_V2.read_text())["answers"]),
        "demo-carer": (SIGNED_V2, "carer", CARER_ANSWERS),
        "a": _worked("a-points-table"),
        "c": _worked("c-face-hours"),
        "d": _worked("d-person-and-carer"),
    }[name]
    verified = load_signed_any(signed)  # type: ignore[arg-type]
    ruleset = verified.ruleset
    store = window.session.store
    case, _ = store.new_case(Person("Ffion Morgan"), questionnaire, ruleset, verified.signed_bytes)
    for question, value in answers.items():  # type: ignore[attr-defined]
        store.set_answer(case, question, value)
    window.session.set_modes(case, Modes(language=language))
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultV2Page)
    text = visible_text(page)
    q = ruleset.questionnaire_by_id[questionnaire]  # type: ignore[union-attr]
    contact = ruleset.contact  # type: ignore[union-attr]
    assert contact is not None and page.contact is not None
    assert contact.phone is not None and contact.phone in page.contact.text()
    heading = {
        "en": "Questions, or if you disagree",
        "cy": "Cwestiynau, neu os nad ydych chi'n cytuno",
    }
    assert text.index(heading[language]) < text.index(page.contact.text())
    said = [w for w in page.findChildren(QLabel) if contact.phone in w.text()]
    assert said == [page.contact]  # once, under its heading
    charging = PHRASES[language]["indicative"].split(". ")[-1]
    for amount in q.amounts:
        if amount.closing is not None:
            assert amount.closing.get(language) in text
            assert charging not in text
        else:
            assert charging in text
        assert (amount.id in page.hours) == (amount.hourly_rate is not None), amount.id
        if amount.id in page.hours:
            words = page.hours[amount.id].text()
            assert ("about" if language == "en" else "tua") in words and "£" in words


@pytest.mark.parametrize("large", [False, True], ids=["standard", "large"])
def test_a_long_budget_page_ends_where_its_words_end(
    qtbot, window: MainWindow, large: bool
) -> None:  # type: ignore[no-untyped-def]
    """The scrolled column is as tall as its words at its width: the format-2 budget page,
    long with its explanation, once ended in 4,000 px (large print: 6,900 px) of blank
    space, as if every line were wrapped at the narrowest width allowed."""
    from PySide6.QtWidgets import QWidget

    from rasdesk.ui.modes import Modes

    verified = load_signed_any(SIGNED_V2)
    store = window.session.store
    case, _ = store.new_case(
        Person("Ffion Morgan"), "person", verified.ruleset, verified.signed_bytes
    )
    for question, value in json.loads(ANSWERS_V2.read_text())["answers"].items():
        store.set_answer(case, question, value)
    window.session.set_modes(case, Modes(large=large))
    window.resize(1366, 740)
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultV2Page)
    qtbot.wait(100)
    column = page.scroll.widget()
    ends = max(
        w.mapTo(column, w.rect().bottomLeft()).y()
        for w in column.findChildren(QWidget)
        if w.isVisibleTo(column)
    )
    margin = page.body.contentsMargins().bottom()
    assert ends > page.scroll.viewport().height()  # a long page: it scrolls
    assert column.height() <= ends + margin + 20, (column.height(), ends)
