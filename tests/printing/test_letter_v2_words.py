"""The council's own words on format-2 letters made by ``rasdesk print`` for stored cases of
every example ruleset and the format-2 demo (docs/ruleset-v2.md §1.1, §1.6, §4 step 9): its
contact details under "questions", once per language; its own closing words where the
amount has them, and then never the standard charging sentence; the "what it would buy in
hours" line only where the amount declares ``illustrative_hours``; the period said in
words; money to the penny; no "1 points". Standard, large print and easy read; English,
Welsh and bilingual; and the accessible copy. ``scripts/print-samples-v2.py`` does the same
for every worked example in every style and language."""

from __future__ import annotations

import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from rasdesk.platform.paths import demo_dir, resources_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.printing.words import WORDS
from rasdesk.storage import lifecycle
from rasdesk.storage.profile import open_user_store
from rasdesk.storage.store import Person
from tests.cli.helpers import run

EXAMPLES = resources_dir() / "examples"
KEY = demo_dir() / "DEMO-public-key.pem"
DEMO_V2 = demo_dir() / "demo-v2.ruleset.signed.json"
PER = {
    "en": {"week": "a week", "year": "a year", "one_off": "as a one-off payment"},
    "cy": {"week": "yr wythnos", "year": "y flwyddyn", "one_off": "fel taliad untro"},
}
CARER = {
    "caring_hours": 40,
    "health": "lots",
    "sleep": "lots",
    "time_for_yourself": "severe",
    "work_learning": "some",
    "relationships": "none",
}


def worked(folder: str, line: int = 0) -> tuple[Path, str, dict[str, Any]]:
    path = EXAMPLES / folder
    doc = json.loads((path / "expected.jsonl").read_text().splitlines()[line], parse_float=Decimal)
    return next(path.glob("*.signed.json")), doc["questionnaire"], doc["answers"]


def demo_person() -> tuple[Path, str, dict[str, Any]]:
    doc = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())
    return DEMO_V2, "person", doc["answers"]


# name → (ruleset, questionnaire, answers), what its letter must say, the style and language.
CASES = {
    "a": (worked("a-points-table"), "standard", "en"),
    "c": (worked("c-face-hours"), "large", "cy"),
    "d": (worked("d-person-and-carer", 1), "easy", "cy+en"),
    "demo-person": (demo_person(), "standard", "cy+en"),
    "demo-carer": ((DEMO_V2, "carer", CARER), "easy", "cy"),
}


def stored_case(ruleset: Path, questionnaire: str, answers: dict[str, Any]) -> str:
    verified = load_signed_any(ruleset, [KEY])
    store = open_user_store()
    try:
        case, _ = store.new_case(
            Person("Carys Lloyd", "1950-01-02", "EX-00001"),
            questionnaire,
            verified.ruleset,
            verified.signed_bytes,
        )
        for qid, value in answers.items():
            store.set_answer(case, qid, value)
        lifecycle.finalise(store, case)
    finally:
        store.close()
    return case


def flat(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub(r"\n\s*(Page|Tudalen) \d+ o[f]? \d+[^\n]*\n", "\n", text)
    return re.sub(r"\s+", " ", re.sub(r"(?<=[-/])\n", "", text))


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("accessible", [False, True], ids=["printed", "accessible"])
def test_contact_closing_and_hours_only_where_the_ruleset_says(
    name: str, accessible: bool, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (ruleset_path, questionnaire, answers), style, language = CASES[name]
    verified = load_signed_any(ruleset_path, [KEY])
    ruleset = verified.ruleset
    q = ruleset.questionnaire_by_id[questionnaire]  # type: ignore[union-attr]
    case = stored_case(ruleset_path, questionnaire, answers)
    pdf = tmp_path / "letter.pdf"
    args = ["print", case[:8], "-o", pdf, "--style", style, "--language", language]
    code, out, err = run(capsys, *args, *(["--accessible"] if accessible else []))
    assert code == 0, err
    text = flat(pdf)
    langs = language.split("+")
    first = q.amounts[0]

    # `rasdesk print` says each amount with its own period, never "a week" for all.
    per = first.period.per.value
    summary = out.split(" — ")[1]
    assert PER[langs[0]][per] in summary, out
    if per != "week":
        assert PER[langs[0]]["week"] not in summary

    for lang in langs:
        # The council's contact, under "questions" (once per language).
        c = ruleset.contact
        assert c is not None and c.phone is not None
        word = "ffôn " if lang == "cy" else "phone "
        if style == "easy":  # easy read: a short sentence each, "Phone 01632 …."
            word = word.capitalize()
        phone = word + c.phone
        assert text.count(phone) == 1, (lang, phone)
        questions = WORDS[lang]["questions.easy" if style == "easy" else "questions"]
        assert text.index(questions) < text.index(phone)
        # The closing words: the council's own, or the standard charging sentence.
        charging = WORDS[lang]["next.easy_4" if style == "easy" else "next_3"]
        if first.closing is not None:
            own = re.sub(r"\s+", " ", first.closing.get(lang))
            assert own[:50] in text
            assert charging not in text
        else:
            assert charging in text
    # The hours line only where the amount declares it (never for a care-home or one-off).
    hours = re.search(r"about \d+(\.\d)? hours?|tua \d+(\.\d)? (awr|oriau)", text)
    assert (hours is not None) == (first.hourly_rate is not None), text[:3000]
    # Words and money as a person reads them.
    assert not re.search(r"\b1 (points|weeks|hours|nights)\b|\b1 pwyntiau\b", text)
    assert not re.search(r"£[\d,]+\.\d{3}|\d\.\d{4,}|\d{13,}", text)


@pytest.mark.parametrize("style", ["standard", "large", "easy"])
def test_carer_one_off_letter_reading_a_linked_case(
    style: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Example (b) reads a fact from the linked person's case, which a stored case cannot
    carry yet: its letter through ``rasdesk compute --letter`` (the same content model).
    Not charged: the council's own closing words, never the charging sentence; a one-off
    for the next 12 months, never "a week"; no hours line; the contact with its hours."""
    folder = EXAMPLES / "b-carer-one-off"
    line = (folder / "expected.jsonl").read_text().splitlines()[0]
    answers = tmp_path / "answers.json"
    answers.write_text(line)
    pdf = tmp_path / "letter.pdf"
    signed = next(folder.glob("*.signed.json"))
    code, _, err = run(
        capsys, "compute", "--ruleset", signed, "--trust", KEY, "--answers", answers,
        "--letter", pdf, "--style", style, "--person", "Huw Jones",
    )  # fmt: skip
    assert code == 0, err
    text = flat(pdf)
    figure = "£350" if style == "easy" else "£350.00"
    assert f"{figure} as a one-off payment (for the next 12 months)" in text
    assert not re.search(r"£[\d,.]+ a week", text)  # no money said weekly
    assert "Example County Council does not charge carers" in text
    assert WORDS["en"]["next.easy_4" if style == "easy" else "next_3"] not in text
    easy = style == "easy"  # easy read: a short sentence for each way to reach them
    assert text.count(("Phone" if easy else "phone") + " 01632 960111") == 1
    hours = "Open Monday to Friday, 8.30am to 5pm." if easy else "(Monday to Friday, 8.30am to 5pm)"
    assert hours in text
    assert not re.search(r"about \d+(\.\d)? hours?", text)


@pytest.mark.parametrize(("style", "language"), [("standard", "en"), ("large", "cy")])
def test_not_applicable_is_not_counted_on_the_letter_never_0_points(
    style: str, language: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Example (a)'s first worked example: "I am fed by tube" (does not apply) is printed
    as not counted, its own kind of answer, not as a "0 points" answer of no need."""
    ruleset, questionnaire, answers = worked("a-points-table")
    assert answers["special_diet"] == {"not_applicable": True}
    case = stored_case(ruleset, questionnaire, answers)
    pdf = tmp_path / "letter.pdf"
    code, _, err = run(
        capsys, "print", case[:8], "-o", pdf, "--style", style, "--language", language
    )
    assert code == 0, err
    text = flat(pdf)
    counted = WORDS[language]["not_counted"]
    assert f"I am fed by tube {counted}" in text
    assert f"I am fed by tube 0 {'points' if language == 'en' else 'pwynt'}" not in text


def test_easy_read_letter_shows_the_chosen_options_picture(tmp_path: Path) -> None:
    """Example (a)'s washing question has no picture of its own but a picture for each
    option: the easy-read letter shows the chosen option's picture beside it."""
    from rasdesk.printing.compose import compose
    from rasdesk.printing.letter_v2 import build_letter_v2

    signed, questionnaire, answers = worked("a-points-table")
    ruleset = load_signed_any(signed, [KEY]).ruleset
    doc = {"questionnaire": questionnaire, "answers": answers}
    letter = build_letter_v2(
        ruleset,  # type: ignore[arg-type]
        doc,
        lang="en",
        draft=False,
        person={"name": "Gwen Rowlands"},
        assessor="Sam Patel",
        started_at="2026-04-14T10:30:00Z",
    )
    pictures = {line.question: line.picture for area in letter.areas for line in area.lines}
    assert pictures["How much help do you need to wash?"] == "washing"  # the option's
    blocks = [b for s in compose(letter, "easy").sections for b in s.blocks]
    blocks += [inner for b in blocks for inner in getattr(b, "blocks", ())]  # kept together
    entries = [b for b in blocks if getattr(b, "picture", None) is not None]
    assert any(e.picture.name == "washing" for e in entries)  # type: ignore[attr-defined]
