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


@pytest.mark.parametrize(("style", "lang"), [("standard", "en"), ("easy", "cy"), ("large", "en")])
def test_the_decision_letter_has_an_accessible_copy(
    decided: tuple[CaseStore, str], tmp_path: Path, style: str, lang: str
) -> None:
    """#17 point 2: the decision letter's accessible copy too — tagged PDF/UA-1 with its
    language and title, real headings in order, its words those of the printed letter, the
    reading order the visual order, no untagged text and only Atkinson Hyperlegible Next."""
    import pdfua

    from rasdesk.printing.accessible import render_accessible
    from rasdesk.printing.blocks import Heading, Table
    from tests.printing.tagged import Tagged

    store, case = decided
    letter, sec, _ = letter_for_decision(store, case, lang)
    doc = compose_decision(letter, sec, style)
    pdf = Pdf(render_accessible(doc), tmp_path / "decision-accessible.pdf")
    tagged = Tagged(pdf.path)
    assert tagged.marked and tagged.display_title and tagged.title == doc.title
    assert tagged.lang == {"en": "en-GB", "cy": "cy-GB"}[lang]
    blocks = list(doc.blocks())
    for level in (1, 2, 3):
        want = [
            "".join(b.text.split()) for b in blocks if isinstance(b, Heading) and b.level == level
        ]
        got = ["".join(tagged.text(n).split()) for n in tagged.nodes(f"H{level}")]
        assert got == want, f"H{level}"
    assert not tagged.untagged and tagged.order_breaks() == []
    assert {f["name"].split("+")[-1] for f in pdf.fonts} <= {
        "AtkinsonHyperlegibleNext-Regular",
        "AtkinsonHyperlegibleNext-Bold",
    }
    printed = Pdf(render_document(doc), tmp_path / "decision.pdf")
    from tests.printing.test_accessible import _words  # without the page furniture

    a, b = _words(printed.path, doc), _words(pdf.path, doc)
    assert not b - a, f"only in the accessible copy: {b - a}"
    # The printed letter repeats a table's header row on the next page; nothing else.
    heads = {w for t in blocks if isinstance(t, Table) for c in t.columns or () for w in c.split()}
    assert set(a - b) <= heads, f"only printed: {a - b}"
    assert not pdfua.validate(str(pdf.path)).findings


@pytest.mark.parametrize("style", ["standard", "easy"])
def test_the_bilingual_decision_letter_is_every_section_in_welsh_then_english(
    decided: tuple[CaseStore, str], style: str
) -> None:
    from rasdesk.printing.decision_case import decision_document

    store, case = decided
    doc, sec = decision_document(store, case, "cy+en", style)
    welsh, _ = decision_document(store, case, "cy", style)
    english, _ = decision_document(store, case, "en", style)
    assert sec.decision is not None and doc.lang == "cy" and doc.style == style
    assert [s.lang for s in doc.sections] == ["cy", "en"] * len(welsh.sections)
    assert doc.sections[0::2] == welsh.sections and doc.sections[1::2] == english.sections
    assert doc.title == f"{welsh.title.split(' — ')[0]} / {english.title}"  # Welsh first
