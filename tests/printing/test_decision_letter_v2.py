"""The decision letter of a format-2 case, rendered and read back with pdftotext: the
final budget against the council's part of the indicative budget, the NHS's part said
apart and unchanged by the decision, standard, easy read and Welsh; a carer's one-off
amount said as a one-off payment."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.printing.decision_case import letter_for_decision
from rasdesk.printing.decision_letter import compose_decision
from rasdesk.printing.render import render_document
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.store import CaseStore, Person
from tests.demo_v2 import demo_v2_answers
from tests.printing.pdfs import Pdf
from tests.storage.helpers import new_store

DEMO = demo_dir()
REASONS = "Two more hours of personal care each day are agreed."
CARER = demo_v2_answers("carer-example")  # resources/demo/answers-v2


def _decided(
    store: CaseStore, questionnaire: str, answers: dict[str, Any], item: dict[str, str], final: str
) -> str:
    verified = load_signed_any(DEMO / "demo-v2.ruleset.signed.json", [DEMO / "DEMO-public-key.pem"])
    case, _ = store.new_case(
        Person("Ffion Morgan", council_ref="V2-7"),
        questionnaire,
        verified.ruleset,
        verified.signed_bytes,
    )
    for question, value in answers.items():
        store.set_answer(case, question, value)
    lifecycle.finalise(store, case)
    decisions.add_item(store, case, {"provider": "Agency", "unit": "hours", **item})
    decisions.set_mechanism(store, case, "Direct Payment")
    lifecycle.finalise(store, case)
    decisions.decide(
        store,
        case,
        final=final,
        by="Resource allocation panel",
        reasons=REASONS,
        category="needs_not_captured",
        decided_on="2026-12-01",
        today=dt.date(2026, 12, 4),
    )
    return case


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    opened = new_store(tmp_path_factory.mktemp("decided-v2"))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def person(store: CaseStore) -> str:
    answers = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())["answers"]
    item = {"kind": "Personal care", "quantity": "24", "rate": "24.50"}
    return _decided(store, "person", answers, item, "588.00")


@pytest.mark.parametrize(
    ("style", "lang", "words"),
    [
        (
            "standard",
            "en",
            [
                "Your personal budget is £588.00 a week",
                "£1.80 a week more than the indicative amount the assessment worked out "
                "(£586.20 a week), 0.3% more",
                "the council's part of your indicative budget",
                "The NHS also pays £235.88 a week towards your support. That money is not "
                "the council's, and this decision does not change it.",
                "The plan costs £588.00 a week. Over a year that is £30,576.00.",
                "£93.60 a year more than the indicative amount over a year (£30,482.40)",
                "Paid by the NHS: £235.88 a week.",  # the assessment's working, as it was
            ],
        ),
        (
            "easy",
            "en",
            [
                "Your budget is £588.00 each week.",
                "This is the money from the council.",
                "The NHS also pays £235.88 each week. This does not change.",
            ],
        ),
        (
            "standard",
            "cy",
            [
                "Eich cyllideb bersonol yw £588.00 yr wythnos",
                "Rhan y cyngor o'ch cyllideb ddangosol",
                "Bydd y GIG hefyd yn talu £235.88 yr wythnos tuag at eich cymorth.",
            ],
        ),
        (
            "easy",
            "cy",
            ["Penderfynodd y panel dyrannu adnoddau", "Bydd y GIG hefyd yn talu £235.88"],
        ),
    ],
)
def test_a_format2_decision_letter(
    store: CaseStore, person: str, tmp_path: Path, style: str, lang: str, words: list[str]
) -> None:
    letter, sec, _ = letter_for_decision(store, person, lang)
    pdf = Pdf(render_document(compose_decision(letter, sec, style)), tmp_path / "d.pdf")
    text = " ".join(pdf.text.split())
    for w in [*words, REASONS]:
        assert w in text, (w, style, lang)


def test_a_carers_one_off_decision_letter(store: CaseStore, tmp_path: Path) -> None:
    item = {"kind": "Short break", "quantity": "1", "rate": "400.00", "period": "one_off"}
    case = _decided(store, "carer", CARER, item, "400.00")
    letter, sec, _ = letter_for_decision(store, case, "en")
    assert sec.decision is not None and sec.decision.period == "one_off"
    pdf = Pdf(render_document(compose_decision(letter, sec, "standard")), tmp_path / "c.pdf")
    text = " ".join(pdf.text.split())
    assert "Your personal budget is £400.00 as a one-off payment (for the next 12 months)" in text
    assert (
        "This is £150.00 more than the indicative amount the assessment worked out "
        "(£250.00 as a one-off payment (for the next 12 months)), 60% more." in text
    )
    assert "the council's part of your indicative budget" in text
    assert "also pays" not in text  # the council pays every part of a carer's budget
    # The plan is said once too: no "over a year", no year figure (docs/ruleset-v2.md §5).
    assert "The plan costs £400.00 as a one-off payment. That is £150.00 more than" in text
    assert (
        "more than the indicative amount (£250.00 as a one-off payment (for the next 12 "
        "months)), 60% more." in text
    )
    assert "year" not in text.split("Your support plan")[1].split("indicative amount and")[0]
    cy, sec, _ = letter_for_decision(store, case, "cy")
    pdf = Pdf(render_document(compose_decision(cy, sec, "standard")), tmp_path / "cy.pdf")
    text = " ".join(pdf.text.split())
    assert "Mae'r cynllun yn costio £400.00 fel taliad untro." in text
    assert "(£250.00 fel taliad untro (am y 12 mis nesaf)), 60% yn fwy." in text
    assert "Dros flwyddyn" not in text
    easy = Pdf(render_document(compose_decision(letter, sec, "easy")), tmp_path / "e.pdf")
    assert "The plan costs £400.00 as a one-off payment." in " ".join(easy.text.split())
