"""The budget page of a format-2 case where the NHS part does not apply (the demo's
format-2 ruleset, "nursing" answered "no"): no "Paid by the NHS" line, no "+ £0.00" in the
total, the part said once in one line with why, as in the letter (docs/ruleset-v2.md §5); where it
applies, its line is kept."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel

from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import install
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.result_v2 import ResultV2Page
from tests.ui.drive import visible_text
from tests.ui.test_result_v2 import person_case

DEMO = demo_dir()
OFF = "NHS-funded nursing care: this part does not apply to you, so it is £0.00."
WHY = (
    "It applies only when the answer to “Does a registered nurse need to be involved in "
    "your care?” is “Yes”."
)


def budget_page(window: MainWindow, nursing: str) -> tuple[ResultV2Page, str]:
    case = person_case(window)
    window.session.store.set_answer(case, "nursing", nursing)
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultV2Page)
    return page, visible_text(page)


def test_an_nhs_part_that_does_not_apply_has_no_line_on_the_budget_page(
    window: MainWindow,
) -> None:
    page, text = budget_page(window, "no")
    assert "Paid by the NHS" not in text
    assert "paid by the NHS" not in text
    assert "This money is not the council's" not in text
    assert "+ £0.00 = £586.20" not in text
    assert "Your indicative budget: £586.20 a week." in text
    # One line, with why (docs/ruleset-v2.md §5), on the page and read aloud.
    assert [label.text() for label in page.findChildren(QLabel)].count(f"{OFF} {WHY}") == 1
    assert ("budget", "nhs") not in page.figures and ("budget", "others") not in page.figures
    said = " ".join(words for _lang, words in page.spoken())  # read aloud: the same words
    assert "Paid by the NHS" not in said and f"{OFF} {WHY}" in said


def test_an_nhs_part_that_applies_keeps_its_line(window: MainWindow) -> None:
    _page, text = budget_page(window, "yes")
    assert "Paid by the NHS, not by the council: £235.88 a week" in text
    assert "Paid by the NHS: £235.88 a week." in text
    assert OFF not in text


def test_the_heading_says_who_pays_what_where_another_body_pays_a_part(
    window: MainWindow,
) -> None:
    """Heard on arrival with the figure: "£822.08" is not all the council's money."""
    page, _text = budget_page(window, "yes")
    assert page.heading.accessibleName() == "The indicative budget: £822.08 a week"
    assert page.heading.accessibleDescription() == (
        "The council's part: £586.20 a week. Paid by the NHS, not by the council: £235.88 a week."
    )
    page, _text = budget_page(window, "no")  # the council pays it all: nothing more to say
    assert page.heading.accessibleDescription() == ""


def test_a_funder_the_ruleset_names_is_named_on_the_budget_page(
    window: MainWindow, tmp_path: Path
) -> None:
    """An "other" funder is said by the name the ruleset gives it, as the letters and the
    explanation say it (the page said "another funder")."""
    doc = json.loads((DEMO / "demo-v2.ruleset.json").read_text())
    doc["version"] += ".other-funder"
    person = next(q for q in doc["questionnaires"] if q["id"] == "person")
    nursing = next(p for a in person["amounts"] for p in a["parts"] if p["funder"] == "nhs")
    nursing["funder"] = "other"
    nursing["funder_name"] = {"en": "Sunnyside Trust", "cy": "Ymddiriedolaeth Heulwen"}
    key_pem = (DEMO / "DEMO-ONLY-signing-key.pem").read_bytes()
    signed = tmp_path / "other-funder.ruleset.signed.json"
    signed.write_bytes(sign_envelope(json.dumps(doc).encode(), load_private_key(key_pem)))
    install(signed)
    case = person_case(window, signed)
    window.go(("result", case))
    page = window.page
    assert isinstance(page, ResultV2Page)
    text = visible_text(page)
    assert "Paid by Sunnyside Trust, not by the council: £235.88 a week" in text
    assert "another funder" not in text
    assert "(Sunnyside Trust)" in text  # the part's own line
