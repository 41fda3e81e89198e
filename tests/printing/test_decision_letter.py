"""The decision letter, rendered for real and read back with pdftotext: standard, large
print, easy read and Welsh each say the indicative amount, the plan's cost, the final
budget and the reasons; a case without a decision has no decision letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rasdesk.domain.errors import CaseStateError
from rasdesk.printing.decision_case import letter_for_decision
from rasdesk.printing.decision_letter import compose_decision
from rasdesk.printing.render import render_document
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.store import CaseStore
from tests.printing.pdfs import Pdf
from tests.storage.helpers import answered_case, new_store

REASONS = "Two carers are needed for every transfer, which the questionnaire does not ask about."


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> tuple[CaseStore, str]:
    store = new_store(tmp_path_factory.mktemp("decided"))
    case = answered_case(store, council_ref="ZX-42")
    lifecycle.finalise(store, case)
    for kind, qty, rate, per in (
        ("Personal care", "10", "24.50", "week"),
        ("Day service", "2", "40", "week"),
        ("Shower seat", "1", "350", "one_off"),
    ):
        decisions.add_item(
            store,
            case,
            {
                "kind": kind,
                "provider": "Agency",
                "quantity": qty,
                "unit": "hours",
                "rate": rate,
                "period": per,
            },
        )
    decisions.set_mechanism(store, case, "Individual Service Fund")
    lifecycle.finalise(store, case)
    decisions.decide(
        store,
        case,
        final="320.00",
        by="Resource allocation panel",
        reasons=REASONS,
        category="needs_not_captured",
        decided_on="2026-12-01",
        today=dt.date(2026, 12, 4),
    )
    return store, case


@pytest.mark.parametrize(
    ("style", "lang", "words"),
    [
        (
            "standard",
            "en",
            [
                "Your personal budget is £320.00 a week",
                "£301.20 a week",
                "6.2% more",
                "£325.00 a week and £350.00 once",
                "£17,250.00",
                "10.1% more",
                "Individual Service Fund",
                "If you disagree with the decision",
                "1 December 2026",
            ],
        ),
        ("large", "en", ["Your personal budget is £320.00 a week", "£301.20", "£17,250.00"]),
        (
            "easy",
            "en",
            [
                "Your budget is £320.00 each week.",
                "first figure of £301.20",
                "The plan costs £17,250.00 a year.",
                "If you do not agree",
            ],
        ),
        (
            "standard",
            "cy",
            [
                "Eich cyllideb bersonol yw £320.00 yr wythnos",
                "£301.20 yr wythnos",
                "£17,250.00",
                "Cronfa Gwasanaeth Unigol",
                "1 Rhagfyr 2026",
                "Os nad ydych chi'n cytuno â'r penderfyniad",
            ],
        ),
    ],
)
def test_every_style_and_welsh_say_the_figures_and_reasons(
    decided: tuple[CaseStore, str], tmp_path: Path, style: str, lang: str, words: list[str]
) -> None:
    store, case = decided
    letter, sec, _ = letter_for_decision(store, case, lang)
    pdf = Pdf(render_document(compose_decision(letter, sec, style)), tmp_path / "d.pdf")
    for w in [*words, "Two carers are needed for every transfer"]:
        assert w in pdf.text, (w, style, lang)
    assert "DRAFT" not in pdf.text and "DRAFFT" not in pdf.text


def test_no_decision_no_letter(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    case = answered_case(store)
    lifecycle.finalise(store, case)
    with pytest.raises(CaseStateError, match="no decision yet"):
        letter_for_decision(store, case)
