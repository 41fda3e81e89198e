"""A number answer reads with its unit as people say it: "1 night a week", never "1 nights
a week", in the explanation and the letter as on screen (issue 12, point 10)."""

from __future__ import annotations

import json
from decimal import Decimal

from rasdesk.domain.budget import compute_budget
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.text import Text
from rasdesk.domain.units import singular, unit_words, with_unit
from rasdesk.platform.paths import demo_dir


def test_english_singular_for_one_and_welsh_as_written() -> None:
    nights = Text({"en": "nights a week", "cy": "noson yr wythnos"})
    assert with_unit(1, nights, "en") == "1 night a week"
    assert with_unit(Decimal("1.0"), nights, "en") == "1 night a week"
    assert with_unit(3, nights, "en") == "3 nights a week"
    assert with_unit(Decimal("0.5"), nights, "en") == "0.5 nights a week"
    assert with_unit(0, nights, "en") == "0 nights a week"
    assert with_unit(1, nights, "cy") == "1 noson yr wythnos"
    assert with_unit(3, nights, "cy") == "3 noson yr wythnos"
    # No Welsh words for the unit: the English ones, by the English rule.
    assert with_unit(1, Text({"en": "hours a week"}), "cy") == "1 hour a week"
    assert with_unit(2, None, "en") == "2"


def test_singular_of_unit_words() -> None:
    words = {
        "hours": "hour",
        "Visits": "Visit",
        "activities": "activity",
        "journeys": "journey",
        "lunches": "lunch",
        "people": "person",
        "times": "time",
        "bus": "bus",
        "glass": "glass",
        "hour": "hour",
    }
    assert {w: singular(w) for w in words} == words
    assert unit_words("times a day", 1, "en") == "time a day"


def test_the_explanation_says_one_night_a_week() -> None:
    ruleset = parse_ruleset((demo_dir() / "demo.ruleset.json").read_bytes(), "demo")
    doc = json.loads((demo_dir() / "answers" / "person-example.json").read_text("utf-8"))
    doc["answers"]["night_help"] = 1
    for lang, one in (("en", "1 night a week"), ("cy", "1 noson yr wythnos")):
        steps = compute_budget(ruleset, doc, lang, "test").as_dict()["explanation"]
        words = " ".join(s["text"] + " " + s["easy_read"] for s in steps)
        assert one in words
        assert "1 nights" not in words
