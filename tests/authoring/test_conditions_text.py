"""The readable condition form of the ruleset workbook: parsing, printing, round trips."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rasdesk.authoring.conditions_text import (
    ConditionSyntaxError,
    condition_text,
    parse_condition,
)
from rasdesk.platform.paths import demo_dir

A = {"answer": "a", "is": "x"}
B = {"answer": "b", "is": "y"}
C = {"answer": "c", "is": "z"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("washing = some", {"answer": "washing", "is": "some"}),
        ("washing in (some, all)", {"answer": "washing", "in": ["some", "all"]}),
        ("washing in (some)", {"answer": "washing", "in": ["some"]}),
        ("night_help >= 3", {"answer": "night_help", ">=": 3}),
        ("night_help > 3", {"answer": "night_help", ">": 3}),
        ("night_help < 3", {"answer": "night_help", "<": 3}),
        ("night_help <= 2.5", {"answer": "night_help", "<=": "2.5"}),
        ("night_help == -1", {"answer": "night_help", "==": -1}),
        ('night_help == "3"', {"answer": "night_help", "==": "3"}),
        ("answered notes", {"answered": "notes"}),
        ("not answered notes", {"not": {"answered": "notes"}}),
        ("not (washing = none)", {"not": {"answer": "washing", "is": "none"}}),
        ("not washing = none", {"not": {"answer": "washing", "is": "none"}}),
        ("a = x and b = y", {"all": [A, B]}),
        ("a = x or b = y", {"any": [A, B]}),
        ("a = x AND b = y Or c = z", {"any": [{"all": [A, B]}, C]}),
        ("  a=x  ", A),
        ("((a = x))", A),
        ("answered = x", {"answer": "answered", "is": "x"}),
    ],
)
def test_each_form(text: str, expected: dict[str, Any]) -> None:
    assert parse_condition(text) == expected


def test_and_binds_tighter_than_or() -> None:
    assert parse_condition("a = x or b = y and c = z") == {"any": [A, {"all": [B, C]}]}
    assert parse_condition("a = x and b = y or c = z") == {"any": [{"all": [A, B]}, C]}


def test_parentheses_group_and_keep_their_grouping() -> None:
    assert parse_condition("(a = x or b = y) and c = z") == {"all": [{"any": [A, B]}, C]}
    assert parse_condition("(a = x and b = y) and c = z") == {"all": [{"all": [A, B]}, C]}
    assert parse_condition("a = x and b = y and c = z") == {"all": [A, B, C]}
    assert parse_condition("not (a = x or b = y)") == {"not": {"any": [A, B]}}


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("", 1, "empty"),
        ("washing", 8, 'expected "=", "in"'),
        ("washing = ", 11, "option id"),
        ("washing = some and", 19, "question id"),
        ("washing in some", 12, '"("'),
        ("washing in (some, )", 19, "option id"),
        ("washing in (some all)", 18, '"," or a closing ")"'),
        ("(washing = some", 16, 'closing ")"'),
        ("washing = some)", 15, '"and", "or" or the end'),
        ("night >= lots", 10, "number"),
        ("night >= 1e3", 10, "number"),
        ("night != 3", 7, "not equal"),
        ("Washing = some", 1, "lower case"),
        ("washing = some & b = y", 16, 'unexpected character "&"'),
        ("washing = some; drop", 15, 'unexpected character ";"'),
        ("__import__('os') = x", 12, 'unexpected character "\'"'),
    ],
)
def test_errors_say_where(text: str, position: int, words: str) -> None:
    with pytest.raises(ConditionSyntaxError) as err:
        parse_condition(text)
    assert err.value.position == position
    assert words in str(err.value)
    assert f"at character {position}" in str(err.value)


@pytest.mark.parametrize(
    "cond",
    [
        A,
        {"answer": "q", "in": ["a", "b", "c"]},
        {"answer": "q", ">=": 10},
        {"answer": "q", "<": "2.5"},
        {"answer": "q", "==": "3"},
        {"answered": "q"},
        {"not": {"answered": "q"}},
        {"not": A},
        {"not": {"not": A}},
        {"not": {"all": [A, B]}},
        {"all": [A, B, C]},
        {"any": [A, B, C]},
        {"all": [{"all": [A, B]}, C]},
        {"any": [{"any": [A, B]}, C]},
        {"any": [{"all": [A, B]}, C]},
        {"all": [{"any": [A, B]}, {"not": C}]},
        {"any": [{"all": [A, {"any": [B, C]}]}, {"answered": "d"}]},
    ],
)
def test_print_then_parse_is_the_same_condition(cond: dict[str, Any]) -> None:
    text = condition_text(cond)
    assert parse_condition(text) == cond
    assert condition_text(parse_condition(text)) == text  # canonical


def test_canonical_text() -> None:
    assert condition_text({"any": [{"all": [A, B]}, C]}) == "a = x and b = y or c = z"
    assert condition_text({"all": [{"any": [A, B]}, C]}) == "(a = x or b = y) and c = z"
    assert condition_text({"not": A}) == "not (a = x)"
    assert condition_text({"answer": "q", "in": ["a", "b"]}) == "q in (a, b)"
    assert condition_text(parse_condition("a=x   AND  b=y")) == "a = x and b = y"


def test_every_condition_of_the_demo_round_trips() -> None:
    doc = json.loads((demo_dir() / "demo.ruleset.json").read_text(encoding="utf-8"))
    found = []
    for q in doc["questionnaires"]:
        for s in q["sections"]:
            found += [x["show_if"] for x in s["questions"] if "show_if" in x]
        for key in ("point_adjustments", "adjustments"):
            found += [x["when"] for x in q["allocation"].get(key, []) if "when" in x]
    assert len(found) >= 4
    for cond in found:
        assert parse_condition(condition_text(cond)) == cond
