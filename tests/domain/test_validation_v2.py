"""Every refusal of a format-2 ruleset names its JSON path (docs/ruleset-v2.md §1.9)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from rasdesk.domain.errors import RulesetError
from rasdesk.domain.parse_v2 import parse_any
from tests.domain.builders_v2 import amount, build_v2, example, part

A = "$.questionnaires[0].amounts[0]"
P0 = f"{A}.parts[0]"

Change = Callable[[dict[str, Any]], None]

CASES: list[tuple[str, Change, str, str]] = [
    (
        "c",
        lambda d: part(d).update(funder="family"),
        f"{P0}.funder",
        "expected one of council, nhs",
    ),
    ("c", lambda d: part(d).update(funder="other"), P0, 'needs "funder_name"'),
    ("c", lambda d: part(d).update(method="cheque"), f"{P0}.method", "expected one of per_point"),
    ("c", lambda d: part(d, 2).pop("amount"), f"{A}.parts[2]", 'a fixed part needs "amount"'),
    ("c", lambda d: part(d, 2).update(rate="4.20"), f"{A}.parts[2].rate", "unknown field"),
    (
        "c",
        lambda d: part(d)["items"][0].update(rate="carpet"),
        f"{P0}.items[0].rate",
        "is not a rate of this ruleset",
    ),
    (
        "c",
        lambda d: part(d)["items"][0].update(
            rate=[{"when": {"answer": "area", "is": "rural"}, "rate": "home_care"}]
        ),
        f"{P0}.items[0].rate",
        "the last rate in the list needs no",
    ),
    (
        "c",
        lambda d: part(d)["items"][0]["quantity"].update(answer="living"),
        f"{P0}.items[0].quantity",
        "is a single question",
    ),
    (
        "c",
        lambda d: part(d)["items"][0]["quantity"].update(answer="nobody"),
        f"{P0}.items[0].quantity.answer",
        'unknown question "nobody"',
    ),
    (
        "c",
        lambda d: part(d)["items"][0]["quantity"].update(value="2"),
        f"{P0}.items[0].quantity",
        "exactly one of",
    ),
    (
        "c",
        lambda d: part(d, 1)["items"][0]["quantity"]["options"].update(lots="9"),
        f"{A}.parts[1].items[0].quantity.options.lots",
        "unknown field",
    ),
    (
        "c",
        lambda d: part(d)["overlaps"][0].update(between=["household", "garden"]),
        f"{P0}.overlaps[0].between[1]",
        "is not one of this part's",
    ),
    (
        "c",
        lambda d: part(d)["overlaps"][0].update(smaller_counts="1.5"),
        f"{P0}.overlaps[0].smaller_counts",
        "a share is 0 to 1",
    ),
    (
        "c",
        lambda d: amount(d)["rules"][0].update(replaces=["care_home"]),
        f"{A}.rules[0].replaces[0]",
        "cannot replace itself",
    ),
    (
        "c",
        lambda d: amount(d)["rules"][1].update(part="garden"),
        f"{A}.rules[1].part",
        "is not a part of this amount",
    ),
    (
        "c",
        lambda d: amount(d)["rules"][1].update(limit="700.005"),
        f"{A}.rules[1].limit",
        "whole pence",
    ),
    (
        "c",
        lambda d: amount(d)["rules"][1].update(kind="halve"),
        f"{A}.rules[1].kind",
        'expected "cap", "floor" or "replace"',
    ),
    ("c", lambda d: part(d).update(period="year"), f"{P0}.period", "declare a conversion"),
    (
        "c",
        lambda d: amount(d).update(show_also=["month"]),
        f"{A}.show_also[0]",
        'no conversion from "week" to "month"',
    ),
    ("c", lambda d: amount(d).update(period="fortnight"), f"{A}.period", "is not a period"),
    ("c", lambda d: amount(d).update(period="one_off"), f"{A}.period", "needs what it covers"),
    (
        "c",
        lambda d: amount(d)["conversions"].append(
            {"from": "one_off", "to": "week", "multiply": "1"}
        ),
        f"{A}.conversions[1].from",
        "one-off payments are never converted",
    ),
    (
        "c",
        lambda d: amount(d)["conversions"][0].update(divide="52"),
        f"{A}.conversions[0]",
        "exactly one of",
    ),
    (
        "c",
        lambda d: amount(d).update(
            flags=[{"id": "f", "label": {"en": "F"}, "when_points_above": 3}]
        ),
        f"{A}.flags[0].part",
        "a points part",
    ),
    ("c", lambda d: d["rates"][0].update(unit="hours"), "$.rates[0].unit", "expected one of hour"),
    (
        "c",
        lambda d: d["rates"].append(dict(d["rates"][0])),
        "$.rates[5].id",
        'the rate id "home_care" is used twice',
    ),
    ("c", lambda d: d.update(contact={}), "$.contact", "at least one way"),
    (
        "a",
        lambda d: d["questionnaires"][0]["sections"][0]["questions"][0]["views"].update(
            carer={"text": {"en": "x"}}
        ),
        "$.questionnaires[0].sections[0].questions[0].views.carer",
        "not in the questionnaire's",
    ),
    (
        "a",
        lambda d: d["questionnaires"][0]["sections"][0].update(
            eligible_if={"answer": "nope", "is": "yes"}
        ),
        "$.questionnaires[0].sections[0].eligible_if.answer",
        'unknown question "nope"',
    ),
    (
        "a",
        lambda d: d["questionnaires"][0]["sections"][0]["questions"][0]["options"][0].update(
            picture="No Picture"
        ),
        "$.questionnaires[0].sections[0].questions[0].options[0].picture",
        "not a valid id",
    ),
    (
        "a",
        lambda d: d["questionnaires"][0]["sections"][0]["questions"][0].update(
            not_applicable="n/a"
        ),
        "$.questionnaires[0].sections[0].questions[0].not_applicable",
        "expected a text map",
    ),
    (
        "b",
        lambda d: d["questionnaires"][1]["facts"][0].update(question="nope"),
        "$.questionnaires[1].facts[0].question",
        "there is no question 'nope'",
    ),
    (
        "b",
        lambda d: d["questionnaires"][1]["facts"][0].update(questionnaire="carer"),
        "$.questionnaires[1].facts[0].questionnaire",
        "is not another questionnaire",
    ),
    (
        "b",
        lambda d: d["questionnaires"][1]["facts"][0].update(id="sleep"),
        "$.questionnaires[1].facts[0].id",
        "already a question",
    ),
    (
        "d",
        lambda d: part(d).update(sections=["daily_living", "garden"]),
        f"{P0}.sections[1]",
        'unknown section "garden"',
    ),
    ("d", lambda d: part(d).update(rate=2.5), f"{P0}.rate", "write 2.5 as a string"),
    (
        "d",
        lambda d: amount(d).update(**{"for": "family"}),
        f"{A}.for",
        'expected "person" or "carer"',
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "path", "words"), CASES, ids=[c[2] + " " + c[3][:20] for c in CASES]
)
def test_refusal_names_the_path(name: str, change: Change, path: str, words: str) -> None:
    doc = copy.deepcopy(example(name))
    change(doc)
    with pytest.raises(RulesetError) as caught:
        build_v2(doc)
    found = [(p.path, p.message) for p in caught.value.problems]
    assert any(p == path and words in m for p, m in found), found


def test_every_problem_is_reported_at_once() -> None:
    doc = copy.deepcopy(example("c"))
    part(doc).update(funder="family")
    amount(doc)["rules"][1].update(part="garden")
    d = doc["rates"][0]
    d["unit"] = "hours"
    with pytest.raises(RulesetError) as caught:
        build_v2(doc)
    paths = {p.path for p in caught.value.problems}
    assert {f"{P0}.funder", f"{A}.rules[1].part", "$.rates[0].unit"} <= paths
    assert "format-2 ruleset (3 problems)" in str(caught.value)


def test_unknown_format_is_named() -> None:
    with pytest.raises(RulesetError) as caught:
        parse_any(b'{"format": "rasdesk-ruleset/3"}', "x.json")
    assert any(p.path == "$.format" for p in caught.value.problems)


def test_every_example_is_valid() -> None:
    for name in "abcd":
        ruleset = build_v2(example(name))
        assert ruleset.questionnaires


def test_an_item_with_its_own_problem_gives_no_knock_on_problem_in_an_overlap() -> None:
    """Example c's overlap is between "household" and "social": an unknown rate on the
    household item is one problem, at the item, not a second one at the overlap."""
    doc = copy.deepcopy(example("c"))
    part(doc)["items"][1]["rate"] = "domestik"
    with pytest.raises(RulesetError) as caught:
        build_v2(doc)
    assert [p.path for p in caught.value.problems] == [f"{P0}.items[1].rate"]
    part(doc)["items"][1]["rate"] = "domestic"
    part(doc)["overlaps"][0]["between"] = ["household", "garden"]  # still refused
    with pytest.raises(RulesetError) as caught:
        build_v2(doc)
    assert [p.path for p in caught.value.problems] == [f"{P0}.overlaps[0].between[1]"]
