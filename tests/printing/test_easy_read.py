"""Easy read (Mencap / DH guidance): sentences of at most 15 words in every easy-read string
of the demo ruleset, of the letters' own words, of every easy-read letter and of what the
app shows and reads aloud in easy read; no decimals where a whole number says the same; a
picture, with a licence, beside every answer option."""

from __future__ import annotations

import json
import re

import pytest

from rasdesk.domain.budget import compute_budget
from rasdesk.platform.paths import demo_dir, resources_dir
from rasdesk.printing.case_letter import document_for_case
from rasdesk.printing.easy import HELP_LEVELS, option_picture, whole_pounds
from rasdesk.printing.speech import question_parts
from rasdesk.printing.words import WORDS
from tests.printing.conftest import SAMPLES, Library
from tests.storage.helpers import demo_answers, demo_ruleset

MAX_WORDS = 15
# The one sentence over 15 words that rasdesk cannot shorten: the demo ruleset's Welsh flag
# label (17 words). A format-1 flag has no easy-read field, so the easy letter and the app
# show its label; the council's ruleset author must shorten it (docs/letters.md).
RULESET_FLAG_CY = (
    "Dros dro: bydd y cyngor yn cyfrifo cost eich cymorth yn unigol, a bydd panel yn ei ystyried."
)
PICTURES = resources_dir() / "pictures"


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+|\n", text.strip()) if s]


def too_long(texts: list[str]) -> list[str]:
    found = [s for t in texts for s in sentences(t) if len(s.split()) > MAX_WORDS]
    return [s for s in found if s != RULESET_FLAG_CY]


def ruleset_easy_strings(name: str = "demo.ruleset.json") -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "easy_read" and isinstance(value, dict):
                    found.extend(str(v) for v in value.values())
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads((demo_dir() / name).read_text("utf-8")))
    return found


def test_the_demo_ruleset_and_the_letters_words_are_short_sentences() -> None:
    ruleset = ruleset_easy_strings()
    assert len(ruleset) > 50  # every question, option and section has easy-read words
    own = [text for words in WORDS.values() for key, text in words.items() if ".easy" in key]
    assert own and too_long(ruleset) == [] and too_long(own) == []
    format2 = ruleset_easy_strings("demo-v2.ruleset.json")  # the format-2 demo too
    assert len(format2) > 50 and too_long(format2) == []


@pytest.mark.parametrize("lang", ["en", "cy", "cy+en"])
def test_format2_easy_read_letters_are_short_sentences(lang: str) -> None:
    """The format-2 demo's easy-read letter: the amounts, each funder, the points changed
    by the carer's help and how to contact the council, each in short sentences."""
    from rasdesk.platform.rulesets import load_signed_any
    from rasdesk.printing.compose import compose, compose_bilingual
    from rasdesk.printing.letter_v2 import build_letter_v2
    from rasdesk.printing.speech import question_parts as parts

    verified = load_signed_any(
        demo_dir() / "demo-v2.ruleset.signed.json", [demo_dir() / "DEMO-public-key.pem"]
    )
    doc = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text("utf-8"))

    def letter(language: str):  # type: ignore[no-untyped-def]
        return build_letter_v2(
            verified.ruleset,
            doc,
            lang=language,
            draft=False,
            person={"name": "Siân Jones"},
            assessor="A. Assessor",
            started_at="2026-04-14",
        )

    if lang == "cy+en":
        document = compose_bilingual(letter("cy"), letter("en"), "easy")
    else:
        document = compose(letter(lang), "easy")
    words = document.words()
    assert too_long(words[:-1]) == []  # the fingerprint paragraph is for checkers
    assert any("Paid by the NHS." in w or "Yn cael ei dalu gan y GIG." in w for w in words)
    for questionnaire in verified.ruleset.questionnaires:  # what the app reads aloud
        for section in questionnaire.sections:
            for question in section.section.questions:
                first = "en" if lang == "cy+en" else lang
                assert too_long(parts(question, first, easy=True)) == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_what_the_app_shows_and_reads_in_easy_read_is_short(lang: str) -> None:
    ruleset = demo_ruleset().ruleset
    shown = []
    for questionnaire in ruleset.questionnaires:
        for section in questionnaire.sections:
            for question in section.questions:
                shown += question_parts(question, lang, easy=True)
    for name in ("person-example", "person-high-needs", "person-no-carer", "carer-example"):
        questionnaire = "carer" if name.startswith("carer") else "person"
        doc = {"questionnaire": questionnaire, "answers": demo_answers(name)}
        result = compute_budget(ruleset, doc, lang)
        shown += [whole_pounds(step.easy_read) for step in result.explanation]
    assert too_long(shown) == []


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("lang", ["en", "cy", "cy+en"])
def test_easy_read_letters_short_sentences_and_no_needless_decimals(
    library: Library, name: str, lang: str
) -> None:
    doc, _ = document_for_case(library.store, library.samples[name].case_uuid, lang, "easy")
    words = doc.words()
    # The fingerprint paragraph is for people who check the figure, not easy read.
    assert too_long(words[:-1]) == []
    assert not [w for w in words if re.search(r"£[\d,]+\.00\b", w)]
    assert not [w for w in words if re.search(r"\b\d+\.0+\s+(points?|pwynt)", w)]
    assert any(re.search(r"£\d+\b(?!\.)", w) for w in words)  # e.g. "This adds £45 each week."


def test_whole_pounds_keeps_pence_that_matter() -> None:
    assert whole_pounds("This adds £45.00 each week.") == "This adds £45 each week."
    assert whole_pounds("£1,820.00 a year; £301.20 a week") == "£1,820 a year; £301.20 a week"
    assert whole_pounds("version 2026.1, £4.00x") == "version 2026.1, £4x"


def test_a_picture_beside_every_answer_option() -> None:
    ruleset = demo_ruleset().ruleset
    for questionnaire in ruleset.questionnaires:
        for section in questionnaire.sections:
            for question in section.questions:
                for option in question.options:
                    name = option_picture(question, option.id) or "default"
                    assert (PICTURES / f"{name}.svg").is_file(), (question.id, option.id)
                if question.type == "single" and len({o.points for o in question.options}) > 1:
                    low = min(question.options, key=lambda o: o.points)
                    high = max(question.options, key=lambda o: o.points)
                    assert option_picture(question, low.id) == "help-none"
                    assert option_picture(question, high.id) == "help-full"
    first = ruleset.questionnaires[0].sections[0].questions[0]
    chosen = option_picture(first, first.options[0].id, {first.options[0].id: "eating"})
    assert chosen == "eating"  # format 2: the ruleset's own option picture wins


def test_the_new_pictures_are_described_and_licensed() -> None:
    readme = (PICTURES / "README.md").read_text("utf-8")
    licence = (PICTURES / "LICENSE.md").read_text("utf-8")
    assert "CC0" in licence
    for name in HELP_LEVELS:
        svg = (PICTURES / f"{name}.svg").read_text("utf-8")
        assert re.search(r"<title[^>]*>[^<]{10,}</title>", svg) and f"`{name}`" in readme
        assert "<text" not in svg and "<image" not in svg  # drawn lines only


def test_a_rulesets_picture_id_finds_the_picture_of_that_name() -> None:
    """Ruleset picture names are ids (``help_none``); the files are ``help-none.svg``."""
    from rasdesk.printing.easy import picture_file

    found = picture_file("help_none")
    assert found is not None and found.name == "help-none.svg"
    assert picture_file("washing") is not None and picture_file("washing").name == "washing.svg"  # type: ignore[union-attr]
    assert picture_file("no_such_picture") is None and picture_file(None) is None
