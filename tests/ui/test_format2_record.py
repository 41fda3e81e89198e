"""A format-2 question's record by keyboard alone (docs/ruleset-v2.md §1.3–1.4): on example
(d), whose questionnaire asks the person's, the assessor's and the carer's views, the agreed
answer by its number key, each view from its named list with the Down key, the carer's own
wording of the question under the carer's view, who answered and who helped, the evidence
typed; all kept in the one stored answer object and said on the check page. Then, on a
carer's assessment handed to the carer, the question in the carer's own words and in easy
read the picture the ruleset gives each option, named by the option's words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QStyle

from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.paths import demo_dir, resources_dir
from rasdesk.platform.rulesets import install, load_signed_any
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.modes import Modes
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from rasdesk.ui.widgets.picture import picture_label
from rasdesk.ui.words import shown_text
from tests.ui.drive import digit, focus, key, named, tab_to, type_text, visible_text

EXAMPLES = resources_dir() / "examples"
SIGNED_D = EXAMPLES / "d-person-and-carer" / "person-and-carer.ruleset.signed.json"


def new_case(win: MainWindow, signed: Path, questionnaire: str, name: str) -> str:
    install(signed)
    verified = load_signed_any(signed)
    case, _ = win.session.store.new_case(
        Person(name), questionnaire, verified.ruleset, verified.signed_bytes
    )
    return case


def stored(win: MainWindow, case: str) -> dict[str, Any]:
    return win.session.store.answers_json(win.session.version(case)["version_uuid"])


def down(times: int) -> None:
    for _ in range(times):
        key(Qt.Key.Key_Down)


def test_views_who_and_evidence_by_keyboard_with_the_carers_own_wording(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = new_case(win, SIGNED_D, "person", "Owain Price")
    win.session.set_modes(case, Modes())
    win.go(("question", case, "personal_care", False))
    page = win.page
    assert isinstance(page, QuestionV2Page)
    digit(2)  # the agreed answer, the one that counts: "Some help every day"
    fields = page.record_fields
    assert fields is not None and list(fields.view_boxes) == ["person", "assessor", "carer"]
    # The carer's own question, to read to them, under the carer's view (and said with it).
    carer_words = "How much help does the person you care for need with personal care?"
    assert fields.asked["carer"].text() == f"Asked as: {carer_words}"
    assert fields.asked["carer"].isVisibleTo(page)
    assert set(fields.asked) == {"carer"}  # the others have no wording of their own
    assert fields.view_boxes["carer"].accessibleDescription() == f"Asked as: {carer_words}"
    for view, name, steps in (
        ("person", "The person's view", 1),  # "None"
        ("assessor", "The assessor's view", 2),  # "Some help every day"
        ("carer", "The carer's view", 3),  # "Help with everything"
    ):
        box = tab_to(named(name))
        assert box is fields.view_boxes[view] and isinstance(box, QComboBox)
        down(steps)
    assert not fields.details.isVisibleTo(page)  # folded away until wanted
    tab_to(named("Who answered, and evidence"))
    key(Qt.Key.Key_Space)
    assert fields.details.isVisibleTo(page)
    tab_to(named("Who answered"))
    down(2)  # The person, with help
    tab_to(named("Who helped"))
    down(3)  # A carer
    tab_to(named("Evidence for this answer"))
    type_text("Seen: needs help to get in the shower.")
    qtbot.waitUntil(lambda: "evidence" in (stored(win, case).get("personal_care") or {}))
    assert stored(win, case)["personal_care"] == {
        "agreed": "some",
        "views": {"person": "none", "assessor": "some", "carer": "all"},
        "answered_by": "person_helped",
        "helped_by": "carer",
        "evidence": "Seen: needs help to get in the shower.",
    }
    assert not fields.differ.isVisibleTo(page)  # they differ, but an agreed answer is given
    key(Qt.Key.Key_Tab)  # the evidence box passes the focus on (it does not take the Tab)
    assert focus() is not fields.evidence

    win.go(("check", case))
    check = win.page
    assert isinstance(check, CheckAnswersV2Page)
    text = visible_text(check)
    for said in (
        "The person's view: None",
        "The assessor's view: Some help every day",
        "The carer's view: Help with everything",
        "Answered by: The person, with help",
        "Helped by: A carer",
        "Evidence: Seen: needs help to get in the shower.",
    ):
        assert said in text, said


def carer_ruleset(tmp_path: Path) -> Path:
    """Example (b) with the carer's and the assessor's wording of "sleep" and a picture
    for each of its options, signed with the DEMO key."""
    doc = json.loads((EXAMPLES / "b-carer-one-off" / "carer-one-off.ruleset.json").read_text())
    doc["version"] += ".pictures"
    carer = next(q for q in doc["questionnaires"] if q["id"] == "carer")
    sleep = next(q for s in carer["sections"] for q in s["questions"] if q["id"] == "sleep")
    sleep["views"] = {
        "carer": {"text": {"en": "How often is your sleep broken by caring?"}},
        "assessor": {"text": {"en": "How often is the carer's sleep broken by caring?"}},
    }
    pictures = ["help_none", "help_some", "help_lot", "help_full", "sleep", "night"]
    for option, picture in zip(sleep["options"], pictures, strict=False):
        option["picture"] = picture
    key_pem = (demo_dir() / "DEMO-ONLY-signing-key.pem").read_bytes()
    path = tmp_path / "carer-pictures.ruleset.signed.json"
    path.write_bytes(sign_envelope(json.dumps(doc).encode(), load_private_key(key_pem)))
    return path


def test_handed_to_the_carer_their_own_words_and_a_picture_per_option(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = new_case(win, carer_ruleset(tmp_path), "carer", "Huw Jones")
    win.session.set_modes(case, Modes())
    win.go(("question", case, "sleep", False))
    page = win.page
    assert isinstance(page, QuestionV2Page)
    assert page.heading.text() == "How often is the carer's sleep broken by caring?"
    assert page.record_fields is not None
    assert page.record_fields.asked["carer"].text() == (
        "Asked as: How often is your sleep broken by caring?"
    )
    assert not page.findChildren(QLabel, "picture")  # pictures are for easy read

    win.session.set_modes(case, Modes(easy=True, handed=True))
    win.go(("question", case, "sleep", False))
    page = win.page
    assert isinstance(page, QuestionV2Page)
    assert page.heading.text() == "How often is your sleep broken by caring?"
    assert page.record_fields is None  # views, who answered and evidence are the assessor's
    question = page.step.question
    pictures = page.answer.findChildren(QLabel, "picture")  # type: ignore[union-attr]
    assert len(pictures) == len(question.options)
    wanted = ["help-none", "help-some", "help-lot", "help-full", "sleep", "night"]
    for option, picture, name in zip(question.options, pictures, wanted, strict=False):
        assert picture.isVisibleTo(page)
        words = shown_text(option.text, option.easy_read, "en", True)
        assert picture.accessibleName() == words  # named by the option's own words
        size = picture.width()
        expected = picture_label(name, size, "").pixmap().toImage()
        assert picture.pixmap().toImage() == expected, f"{option.id}: not {name}.svg"


def test_the_focus_ring_never_clips_the_words_of_a_record_checkbox(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """In large print, "Who answered, and evidence" and *does not apply* keep room for the
    focus ring: focused, each is as wide as its box, its gap and its words with the ring
    on both sides (the ring once ate the last letters: "evidenc")."""
    from rasdesk.ui.theme import scale

    win = window
    install(EXAMPLES / "a-points-table" / "points-table.ruleset.signed.json")
    case = new_case(
        win, EXAMPLES / "a-points-table" / "points-table.ruleset.signed.json", "person", "Ann"
    )
    modes = Modes(large=True)
    win.session.set_modes(case, modes)
    k = scale(modes)
    for qid in ("washing", "special_diet"):
        win.go(("question", case, qid, False))
        page = win.page
        assert isinstance(page, QuestionV2Page) and page.record_fields is not None
        boxes = [page.record_fields.more]
        if page.not_applicable is not None:
            boxes.append(page.not_applicable)
        for box in boxes:
            box.setFocus()
            qtbot.waitUntil(box.hasFocus)
            qtbot.wait(50)
            words = box.fontMetrics().horizontalAdvance(box.text())
            style = box.style()
            tick = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
            gap = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, box)
            needed = words + tick + gap + 2 * 4 * k  # box, gap, words, the ring each side
            assert box.width() >= needed, (box.text(), box.width(), needed)


def test_every_control_of_the_format2_pages_has_an_accessible_name(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """Each control a person can Tab to on the format-2 question pages (views, who
    answered and helped, evidence, does not apply, "None of these"), the check page and the
    budget page has a name a screen reader says."""
    from PySide6.QtCore import Qt as QtNS
    from PySide6.QtWidgets import QWidget

    from rasdesk.ui.pages.result_v2 import ResultV2Page

    win = window
    signed_a = EXAMPLES / "a-points-table" / "points-table.ruleset.signed.json"
    case = new_case(win, signed_a, "person", "Ann Ames")
    answers = json.loads(
        (EXAMPLES / "a-points-table" / "expected.jsonl").read_text().splitlines()[0]
    )["answers"]
    for qid, value in answers.items():
        win.session.store.set_answer(case, qid, value)
    win.session.set_modes(case, Modes())

    def unnamed() -> list[str]:
        page = win.page
        assert page is not None
        out = []
        for widget in page.findChildren(QWidget):
            tabbable = widget.focusPolicy() & QtNS.FocusPolicy.TabFocus
            shown = widget.isVisibleTo(page) and tabbable and widget.isEnabled()
            if shown and not widget.accessibleName().strip():
                out.append(f"{type(widget).__name__} {widget.objectName()!r}")
        return out

    for qid in ("washing", "special_diet", "activities"):
        win.go(("question", case, qid, False))
        page = win.page
        assert isinstance(page, QuestionV2Page)
        if page.record_fields is not None:
            page.record_fields.more.setChecked(True)  # who answered, helped, evidence too
        assert not unnamed(), (qid, unnamed())
    win.go(("check", case))
    assert isinstance(win.page, CheckAnswersV2Page) and not unnamed(), unnamed()
    win.go(("result", case))
    assert isinstance(win.page, ResultV2Page) and not unnamed(), unnamed()


def test_views_of_a_multiple_choice_question_ticked_with_none_of_these_exclusive(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """Example (a)'s "Which of these do you need help with?" asks each view too, option by
    option, by keyboard: "None of these" clears the others in a view and is cleared by
    them, so a view saved is never a contradiction; the check page says each view."""
    win = window
    signed_a = EXAMPLES / "a-points-table" / "points-table.ruleset.signed.json"
    case = new_case(win, signed_a, "person", "Ann Ames")
    win.session.set_modes(case, Modes())
    win.go(("question", case, "activities", False))
    page = win.page
    assert isinstance(page, QuestionV2Page)
    digit(1)  # the agreed answer: Shopping
    fields = page.record_fields
    assert fields is not None and set(fields.view_boxes) == {"person", "assessor"}
    tab_to(named("The person's view: Shopping"))
    key(Qt.Key.Key_Space)
    tab_to(named("The person's view: Seeing friends"))
    key(Qt.Key.Key_Space)
    tab_to(named("The assessor's view: Work or volunteering"))
    key(Qt.Key.Key_Space)
    tab_to(named("The assessor's view: None of these"))
    key(Qt.Key.Key_Space)  # clears "Work or volunteering"
    assert stored(win, case)["activities"] == {
        "agreed": ["shopping"],
        "views": {"person": ["shopping", "social"], "assessor": ["none"]},
    }
    key(Qt.Key.Key_Tab)  # on past "None of these" … back to the person's Shopping
    tab_to(named("The person's view: None of these"))
    key(Qt.Key.Key_Space)  # clears Shopping and Seeing friends in the person's view only
    assert stored(win, case)["activities"]["views"] == {"person": ["none"], "assessor": ["none"]}
    win.go(("check", case))
    text = visible_text(win.page)  # type: ignore[arg-type]
    assert "The person's view: None of these" in text
    assert "The assessor's view: None of these" in text
