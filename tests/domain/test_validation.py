"""Ruleset validation (spec §1.1): each test breaks ONE thing in ``minimal_doc()`` and
checks that the refusal names the exact JSON path, with words a RAS team can act on."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest

from rasdesk.domain.errors import Problem, RulesetError
from rasdesk.domain.parse import parse_ruleset
from tests.domain.builders import allocation, build, minimal_doc, option, questionnaire, t, to_bytes

Doc = dict[str, Any]
Edit = Callable[[Doc], Any]

Q = "$.questionnaires[0]"
S0, S1 = f"{Q}.sections[0]", f"{Q}.sections[1]"
WASH, TASKS = f"{S0}.questions[0]", f"{S0}.questions[1]"  # single, multiple
NIGHTS, NOTES = f"{S1}.questions[0]", f"{S1}.questions[1]"  # number (0..7), text
A = f"{Q}.allocation"
DROP = object()


# --- helpers ------------------------------------------------------------------------------
def top(d: Doc) -> Doc:
    return d


def sec(s: int) -> Edit:
    return lambda d: questionnaire(d)["sections"][s]


def qn(s: int, i: int) -> Edit:
    return lambda d: questionnaire(d)["sections"][s]["questions"][i]


def opt(s: int, i: int, k: int) -> Edit:
    return lambda d: questionnaire(d)["sections"][s]["questions"][i]["options"][k]


def edit(get: Edit, changes: dict[str, Any]) -> Edit:
    """Set (or, with DROP, remove) fields of the object ``get`` picks out of the document."""

    def apply(doc: Doc) -> None:
        target = get(doc)
        for key, value in changes.items():
            if value is DROP:
                del target[key]
            else:
                target[key] = copy.deepcopy(value)

    return apply


def problems_of(doc: Doc) -> list[Problem]:
    with pytest.raises(RulesetError) as info:
        build(doc)
    assert info.value.problems, "a document that parses as JSON must be refused with problems"
    return info.value.problems


def assert_problem(doc: Doc, path: str, word: str) -> Problem:
    problems = problems_of(doc)
    hits = [p for p in problems if p.path == path and word.lower() in p.message.lower()]
    assert hits, f"no problem at {path} mentioning {word!r}; got:\n" + "\n".join(map(str, problems))
    return hits[0]


def broken(*edits: Edit) -> Doc:
    doc = minimal_doc()
    for e in edits:
        e(doc)
    return doc


def test_minimal_doc_is_valid() -> None:
    r = build()
    assert r.id == "test-ras" and [q.id for q in r.questionnaires] == ["person"]
    assert [s.id for s in r.questionnaires[0].sections] == ["care", "safety"]


# --- not one JSON document -----------------------------------------------------------------
def _with_duplicate_key() -> bytes:
    data = to_bytes(minimal_doc())
    return data.replace(b'"currency": "GBP"', b'"currency": "GBP", "currency": "EUR"', 1)


def _with_nan() -> bytes:
    return to_bytes(minimal_doc()).replace(b'"annual_factor": "52"', b'"annual_factor": NaN', 1)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"this is not json", "Expecting value", id="not-json"),
        pytest.param(b'{"format": "rasdesk-ruleset/1",', "line 1", id="truncated"),
        pytest.param(_with_duplicate_key(), '"currency" appears twice', id="duplicate-key"),
        pytest.param(_with_nan(), "NaN", id="nan"),
        pytest.param(b'{"format": "\xff"}', "not UTF-8", id="not-utf8"),
    ],
)
def test_bytes_that_are_not_one_json_document_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(RulesetError) as info:
        parse_ruleset(data, "council.ruleset.json")
    message = str(info.value)
    assert "council.ruleset.json is not valid JSON" in message
    assert reason in message


def test_a_document_that_is_not_an_object_is_refused_at_the_root() -> None:
    with pytest.raises(RulesetError) as info:
        parse_ruleset(b"[]", "x")
    assert [p.path for p in info.value.problems] == ["$"]
    assert "object" in info.value.problems[0].message


# --- one thing wrong, one exact path --------------------------------------------------------
def _repeat_questionnaire(doc: Doc) -> None:
    doc["questionnaires"].append(copy.deepcopy(doc["questionnaires"][0]))


CASES = [
    # top level
    pytest.param(
        edit(top, {"format": "rasdesk-ruleset/2"}), "$.format", "rasdesk-ruleset/1", id="format"
    ),
    pytest.param(edit(top, {"format": DROP}), "$", '"format" is missing', id="format-missing"),
    pytest.param(edit(top, {"id": "Test RAS"}), "$.id", "ruleset id", id="ruleset-id-upper-space"),
    pytest.param(edit(top, {"id": "-ras"}), "$.id", "ruleset id", id="ruleset-id-leading-dash"),
    pytest.param(edit(top, {"id": 7}), "$.id", "ruleset id", id="ruleset-id-number"),
    pytest.param(edit(top, {"council": DROP}), "$", '"council" is missing', id="council-missing"),
    pytest.param(
        edit(top, {"questionnaires": DROP}),
        "$",
        '"questionnaires" is missing',
        id="questionnaires-missing",
    ),
    pytest.param(edit(top, {"version": ""}), "$.version", "non-empty", id="version-empty"),
    pytest.param(
        edit(top, {"curency": "GBP"}), "$.curency", "unknown field", id="unknown-top-field"
    ),
    pytest.param(edit(top, {"title": {"cy": "Prawf"}}), "$.title", "English", id="text-without-en"),
    pytest.param(edit(top, {"title": {"en": "  "}}), "$.title", "English", id="text-en-blank"),
    pytest.param(edit(top, {"title": "Test"}), "$.title", "text map", id="text-not-a-map"),
    pytest.param(
        edit(top, {"title": {"en": "Test", "fr": "Essai"}}),
        "$.title.fr",
        "not in the ruleset",
        id="text-undeclared-language",
    ),
    pytest.param(
        edit(top, {"title": {"en": "Test", "cy": 3}}),
        "$.title.cy",
        "expected text",
        id="text-not-a-string",
    ),
    pytest.param(
        edit(top, {"languages": ["cy"]}), "$.languages", "English", id="languages-without-en"
    ),
    pytest.param(edit(top, {"languages": []}), "$.languages", "empty", id="languages-empty"),
    pytest.param(
        edit(top, {"languages": ["en", "Welsh"]}),
        "$.languages[1]",
        "language code",
        id="languages-bad-code",
    ),
    pytest.param(
        edit(top, {"languages": ["en", "cy", "en"]}),
        "$.languages[2]",
        "twice",
        id="languages-duplicate",
    ),
    pytest.param(
        edit(top, {"effective_from": "2026-13-01"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-month-13",
    ),
    pytest.param(
        edit(top, {"effective_from": "2026-02-30"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-feb-30",
    ),
    pytest.param(
        edit(top, {"effective_from": "01/04/2026"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-uk-form",
    ),
    pytest.param(
        edit(top, {"effective_from": "2026-4-1"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-no-padding",
    ),
    pytest.param(
        edit(top, {"effective_from": "20260401"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-basic-form",
    ),
    pytest.param(
        edit(top, {"effective_from": "2026-W14-3"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-iso-week",
    ),
    pytest.param(
        edit(top, {"effective_from": "2026-04-01T00:00"}),
        "$.effective_from",
        "YYYY-MM-DD",
        id="date-with-time",
    ),
    pytest.param(
        edit(top, {"effective_from": 20260401}), "$.effective_from", "YYYY-MM-DD", id="date-number"
    ),
    pytest.param(
        edit(top, {"effective_to": "2027-02-29"}),
        "$.effective_to",
        "YYYY-MM-DD",
        id="effective-to-bad",
    ),
    pytest.param(
        edit(top, {"effective_to": "2026-03-31"}),
        "$.effective_to",
        "before it starts",
        id="ends-before-start",
    ),
    pytest.param(edit(top, {"currency": "EUR"}), "$.currency", "GBP", id="currency-eur"),
    pytest.param(edit(top, {"currency": "gbp"}), "$.currency", "GBP", id="currency-lower"),
    # questionnaires
    pytest.param(
        edit(top, {"questionnaires": []}), "$.questionnaires", "empty", id="no-questionnaires"
    ),
    pytest.param(
        _repeat_questionnaire,
        "$.questionnaires[1].id",
        'questionnaire id "person" is used twice',
        id="duplicate-questionnaire",
    ),
    pytest.param(
        edit(questionnaire, {"id": "Person"}),
        f"{Q}.id",
        "not a valid id",
        id="questionnaire-id-upper",
    ),
    pytest.param(
        edit(questionnaire, {"kind": "child"}), f"{Q}.kind", '"person" or "carer"', id="kind"
    ),
    pytest.param(edit(questionnaire, {"sections": []}), f"{Q}.sections", "empty", id="no-sections"),
    pytest.param(
        edit(questionnaire, {"allocation": DROP}),
        Q,
        '"allocation" is missing',
        id="allocation-missing",
    ),
    # sections
    pytest.param(
        edit(sec(1), {"id": "care"}),
        f"{S1}.id",
        'section id "care" is used twice',
        id="duplicate-section",
    ),
    pytest.param(
        edit(sec(0), {"id": "personal-care"}), f"{S0}.id", "not a valid id", id="section-id-dash"
    ),
    pytest.param(
        edit(sec(0), {"max_point": 30}), f"{S0}.max_point", "unknown field", id="typo-max_point"
    ),
    pytest.param(
        edit(sec(0), {"max_points": -1}), f"{S0}.max_points", "0 or more", id="max-points-negative"
    ),
    pytest.param(
        edit(sec(0), {"weight": "-0.5"}), f"{S0}.weight", "0 or more", id="weight-negative"
    ),
    pytest.param(
        edit(sec(0), {"weight": 1.5}), f"{S0}.weight", "as a string", id="weight-fraction-number"
    ),
    pytest.param(edit(sec(0), {"questions": []}), f"{S0}.questions", "empty", id="no-questions"),
    # questions
    pytest.param(
        edit(qn(0, 1), {"id": "washing"}),
        f"{TASKS}.id",
        'question id "washing" is used twice',
        id="duplicate-question-same-section",
    ),
    pytest.param(
        edit(qn(1, 0), {"id": "washing"}),
        f"{NIGHTS}.id",
        'question id "washing" is used twice',
        id="duplicate-question-across-sections",
    ),
    pytest.param(
        edit(qn(0, 0), {"id": "Washing"}), f"{WASH}.id", "not a valid id", id="question-id-upper"
    ),
    pytest.param(
        edit(qn(0, 0), {"id": "wash ing"}), f"{WASH}.id", "not a valid id", id="question-id-space"
    ),
    pytest.param(
        edit(qn(0, 0), {"id": ["washing"]}), f"{WASH}.id", "not a valid id", id="question-id-list"
    ),
    pytest.param(
        edit(qn(0, 0), {"type": "dropdown"}), f"{WASH}.type", "expected one of", id="unknown-type"
    ),
    pytest.param(
        edit(qn(0, 0), {"type": DROP}), f"{WASH}.type", "expected one of", id="type-missing"
    ),
    pytest.param(
        edit(qn(0, 0), {"text": DROP}), WASH, '"text" is missing', id="question-text-missing"
    ),
    pytest.param(
        edit(qn(0, 0), {"required": "yes"}),
        f"{WASH}.required",
        "true or false",
        id="required-not-bool",
    ),
    pytest.param(
        edit(qn(0, 0), {"scoring": "sum"}),
        f"{WASH}.scoring",
        "unknown field",
        id="scoring-on-single",
    ),
    pytest.param(
        edit(qn(0, 0), {"picture": "Washing.png"}),
        f"{WASH}.picture",
        "not a valid id",
        id="picture-name",
    ),
    pytest.param(edit(qn(0, 0), {"options": []}), f"{WASH}.options", "empty", id="empty-options"),
    pytest.param(edit(qn(0, 1), {"options": DROP}), TASKS, '"options"', id="options-missing"),
    pytest.param(
        edit(qn(0, 1), {"scoring": "average"}),
        f"{TASKS}.scoring",
        '"sum" or "max"',
        id="scoring-unknown",
    ),
    pytest.param(
        edit(qn(1, 0), {"options": [option("a", 1)]}),
        f"{NIGHTS}.options",
        "unknown field",
        id="options-on-number",
    ),
    pytest.param(
        edit(qn(1, 1), {"bands": []}), f"{NOTES}.bands", "unknown field", id="bands-on-text"
    ),
    # options and points
    pytest.param(
        edit(opt(0, 0, 2), {"id": "none"}),
        f"{WASH}.options[2].id",
        'option id "none" is used twice',
        id="duplicate-option",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"id": "some-help"}),
        f"{WASH}.options[1].id",
        "not a valid id",
        id="option-id-dash",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"point": 4}),
        f"{WASH}.options[1].point",
        "unknown field",
        id="typo-point",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": DROP}),
        f"{WASH}.options[1]",
        '"points" is missing',
        id="points-missing",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": 2.5}),
        f"{WASH}.options[1].points",
        'as a string ("2.5")',
        id="points-json-fraction",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "4,20"}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-comma",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "1e3"}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-exponent",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "£4"}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-pound-sign",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": " 4"}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-space",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "04"}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-leading-zero",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "4."}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-trailing-point",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": ""}),
        f"{WASH}.options[1].points",
        "plain decimal",
        id="points-empty",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": -1}),
        f"{WASH}.options[1].points",
        "0 or more",
        id="points-negative",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "-0.5"}),
        f"{WASH}.options[1].points",
        "0 or more",
        id="points-negative-string",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": True}),
        f"{WASH}.options[1].points",
        "true/false",
        id="points-bool",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": None}), f"{WASH}.options[1].points", "null", id="points-null"
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "1" * 25}),
        f"{WASH}.options[1].points",
        "digits",
        id="points-too-many-digits",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"text": {"cy": "Rhywfaint"}}),
        f"{WASH}.options[1].text",
        "English",
        id="option-text-without-en",
    ),
    # number questions
    pytest.param(
        edit(qn(1, 0), {"bands": [{"from": 3, "points": 5}, {"from": 0, "points": 0}]}),
        f"{NIGHTS}.bands[1].from",
        "must go up",
        id="bands-out-of-order",
    ),
    pytest.param(
        edit(qn(1, 0), {"bands": [{"from": 3, "points": 5}, {"from": 3, "points": 6}]}),
        f"{NIGHTS}.bands[1].from",
        "must go up",
        id="bands-equal-from",
    ),
    pytest.param(
        edit(qn(1, 0), {"bands": [{"from": 0, "points": -2}]}),
        f"{NIGHTS}.bands[0].points",
        "0 or more",
        id="band-points-negative",
    ),
    pytest.param(
        edit(qn(1, 0), {"bands": [{"from": 0}]}),
        f"{NIGHTS}.bands[0]",
        '"points" is missing',
        id="band-points-missing",
    ),
    pytest.param(edit(qn(1, 0), {"min": 8}), f"{NIGHTS}.max", "below min", id="min-above-max"),
    pytest.param(
        edit(qn(1, 0), {"max": "seven"}), f"{NIGHTS}.max", "plain decimal", id="max-not-a-number"
    ),
    pytest.param(
        edit(qn(1, 0), {"unit": "nights"}), f"{NIGHTS}.unit", "text map", id="unit-not-text-map"
    ),
    # conditions (show_if on the text question "notes", so no cycle can arise)
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "bathing", "is": "some"}}),
        f"{NOTES}.show_if.answer",
        'unknown question "bathing"',
        id="show-if-unknown-question",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answered": "bathing"}}),
        f"{NOTES}.show_if.answered",
        'unknown question "bathing"',
        id="answered-unknown-question",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "washing", "is": "lots"}}),
        f"{NOTES}.show_if.is",
        '"lots" is not an option',
        id="is-unknown-option",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "washing", "in": ["some", "lots"]}}),
        f"{NOTES}.show_if.in[1]",
        '"lots" is not an option',
        id="in-unknown-option",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "tasks", "is": "none"}}),
        f"{NOTES}.show_if.is",
        "not an option",
        id="is-option-of-other-question",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "washing", "in": []}}),
        f"{NOTES}.show_if.in",
        "empty",
        id="in-empty",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "washing", "in": "some"}}),
        f"{NOTES}.show_if.in",
        "list",
        id="in-not-a-list",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "nights", "is": "3"}}),
        f"{NOTES}.show_if",
        "number question",
        id="is-on-number",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "washing", ">=": 1}}),
        f"{NOTES}.show_if",
        "needs a number question",
        id="compare-on-single",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "nights", ">=": "three"}}),
        f"{NOTES}.show_if.>=",
        "plain decimal",
        id="compare-not-a-number",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"all": []}}), f"{NOTES}.show_if.all", "empty", id="empty-all"
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"any": []}}), f"{NOTES}.show_if.any", "empty", id="empty-any"
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "washing", "is": "some", "in": ["all"]}}),
        f"{NOTES}.show_if",
        "exactly one",
        id="two-operators",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "nights", "!=": 3}}),
        f"{NOTES}.show_if",
        "exactly one",
        id="unknown-operator",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answer": "nights"}}),
        f"{NOTES}.show_if",
        "exactly one",
        id="no-operator",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"question": "washing"}}),
        f"{NOTES}.show_if",
        'expected one of "answer"',
        id="no-condition-form",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {}}),
        f"{NOTES}.show_if",
        "condition object",
        id="empty-condition",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": "washing == some"}),
        f"{NOTES}.show_if",
        "condition object",
        id="condition-as-code",
    ),
    pytest.param(
        edit(
            qn(1, 1), {"show_if": {"all": [{"answered": "washing"}], "not": {"answered": "tasks"}}}
        ),
        f"{NOTES}.show_if",
        "stand alone",
        id="all-not-alone",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"answered": "washing", "answer": "washing"}}),
        f"{NOTES}.show_if",
        "stand alone",
        id="answered-not-alone",
    ),
    pytest.param(
        edit(qn(1, 1), {"show_if": {"not": {"answered": "bathing"}}}),
        f"{NOTES}.show_if.not.answered",
        "unknown question",
        id="nested-in-not",
    ),
    pytest.param(
        edit(
            qn(1, 1),
            {
                "show_if": {
                    "any": [
                        {"answered": "washing"},
                        {"all": [{"answer": "tasks", "in": ["ironing"]}]},
                    ]
                }
            },
        ),
        f"{NOTES}.show_if.any[1].all[0].in[0]",
        '"ironing" is not an option',
        id="nested-deep",
    ),
    # allocation
    pytest.param(edit(allocation, {"period": "month"}), f"{A}.period", '"week"', id="period-month"),
    pytest.param(edit(allocation, {"period": DROP}), A, '"period" is missing', id="period-missing"),
    pytest.param(
        edit(allocation, {"method": "banded"}),
        f"{A}.method",
        '"per_point" or "table"',
        id="unknown-method",
    ),
    pytest.param(
        edit(allocation, {"rate": DROP}), A, 'needs a "rate"', id="per-point-without-rate"
    ),
    pytest.param(edit(allocation, {"rate": "-4.20"}), f"{A}.rate", "0 or more", id="rate-negative"),
    pytest.param(
        edit(allocation, {"rate": "£4.20"}), f"{A}.rate", "plain decimal", id="rate-pound-sign"
    ),
    pytest.param(
        edit(allocation, {"method": "table", "rate": DROP}),
        A,
        'needs a "table"',
        id="table-without-table",
    ),
    pytest.param(
        edit(allocation, {"method": "table", "rate": DROP, "table": []}),
        f"{A}.table",
        "empty",
        id="table-empty",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "method": "table",
                "rate": DROP,
                "table": [
                    {"from_points": 0, "amount": "0.00"},
                    {"from_points": 10, "amount": "55.00"},
                    {"from_points": 5, "amount": "20.00"},
                ],
            },
        ),
        f"{A}.table[2].from_points",
        "must go up",
        id="table-out-of-order",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "method": "table",
                "rate": DROP,
                "table": [
                    {"from_points": 0, "amount": "0.00"},
                    {"from_points": 0, "amount": "5.00"},
                ],
            },
        ),
        f"{A}.table[1].from_points",
        "must go up",
        id="table-equal-rows",
    ),
    pytest.param(
        edit(
            allocation,
            {"method": "table", "rate": DROP, "table": [{"from_points": 0, "amount": "-1.00"}]},
        ),
        f"{A}.table[0].amount",
        "0 or more",
        id="table-amount-negative",
    ),
    pytest.param(
        edit(allocation, {"table": [{"from_points": 0, "amount": "0.00"}]}),
        f"{A}.table",
        'must not have a "table"',
        id="per-point-with-table",
    ),
    pytest.param(
        edit(allocation, {"method": "table", "table": [{"from_points": 0, "amount": "0.00"}]}),
        f"{A}.rate",
        'must not have a "rate"',
        id="table-with-rate",
    ),
    pytest.param(
        edit(allocation, {"rounding": {"to": "0.001", "mode": "half_up"}}),
        f"{A}.rounding.to",
        "whole pence",
        id="rounding-below-a-penny",
    ),
    pytest.param(
        edit(allocation, {"rounding": {"to": "0.015", "mode": "half_up"}}),
        f"{A}.rounding.to",
        "whole pence",
        id="rounding-not-whole-pence",
    ),
    pytest.param(
        edit(allocation, {"rounding": {"to": "0", "mode": "half_up"}}),
        f"{A}.rounding.to",
        "more than 0",
        id="rounding-zero",
    ),
    pytest.param(
        edit(allocation, {"rounding": {"to": "0.01", "mode": "bankers"}}),
        f"{A}.rounding.mode",
        "half_even",
        id="rounding-bad-mode",
    ),
    pytest.param(
        edit(allocation, {"rounding": {"to": "0.01"}}),
        f"{A}.rounding",
        '"mode" is missing',
        id="rounding-mode-missing",
    ),
    pytest.param(
        edit(allocation, {"rounding": DROP}), A, '"rounding" is missing', id="rounding-missing"
    ),
    pytest.param(
        edit(allocation, {"points_rounding": {"to": "0", "mode": "half_up"}}),
        f"{A}.points_rounding.to",
        "more than 0",
        id="points-rounding-zero",
    ),
    pytest.param(
        edit(allocation, {"annual_factor": "0"}),
        f"{A}.annual_factor",
        "more than 0",
        id="annual-factor-zero",
    ),
    pytest.param(
        edit(allocation, {"annual_factor": 0}),
        f"{A}.annual_factor",
        "more than 0",
        id="annual-factor-zero-int",
    ),
    pytest.param(
        edit(allocation, {"annual_factor": "-52"}),
        f"{A}.annual_factor",
        "more than 0",
        id="annual-factor-negative",
    ),
    pytest.param(
        edit(allocation, {"minimum": "100.00", "maximum": "50.00"}),
        f"{A}.maximum",
        "below minimum",
        id="minimum-above-maximum",
    ),
    pytest.param(
        edit(allocation, {"minimum": "-1.00"}), f"{A}.minimum", "0 or more", id="minimum-negative"
    ),
    pytest.param(
        edit(allocation, {"minimum_points": "-5"}),
        f"{A}.minimum_points",
        "0 or more",
        id="minimum-points-negative",
    ),
    pytest.param(
        edit(allocation, {"illustrative_hourly_rate": "0"}),
        f"{A}.illustrative_hourly_rate",
        "more than 0",
        id="hourly-rate-zero",
    ),
    pytest.param(
        edit(allocation, {"rates": "4.20"}), f"{A}.rates", "unknown field", id="typo-rates"
    ),
    # point adjustments
    pytest.param(
        edit(
            allocation,
            {
                "point_adjustments": [
                    {
                        "id": "carer",
                        "label": t("Carer"),
                        "sections": ["care", "bathing"],
                        "multiply": "0.8",
                    }
                ]
            },
        ),
        f"{A}.point_adjustments[0].sections[1]",
        'unknown section "bathing"',
        id="point-adjustment-unknown-section",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "point_adjustments": [
                    {"id": "carer", "label": t("Carer"), "sections": [], "multiply": "0.8"}
                ]
            },
        ),
        f"{A}.point_adjustments[0].sections",
        "empty",
        id="point-adjustment-no-sections",
    ),
    pytest.param(
        edit(allocation, {"point_adjustments": [{"id": "carer", "label": t("Carer")}]}),
        f"{A}.point_adjustments[0]",
        '"multiply" is missing',
        id="point-adjustment-without-multiply",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "point_adjustments": [
                    {"id": "carer", "label": t("Carer"), "multiply": "0.8", "add": "1"}
                ]
            },
        ),
        f"{A}.point_adjustments[0].add",
        "multiply",
        id="point-adjustment-with-add",
    ),
    pytest.param(
        edit(
            allocation,
            {"point_adjustments": [{"id": "carer", "label": t("Carer"), "multiply": "-0.8"}]},
        ),
        f"{A}.point_adjustments[0].multiply",
        "0 or more",
        id="point-adjustment-negative",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "point_adjustments": [
                    {
                        "id": "carer",
                        "label": t("Carer"),
                        "multiply": "0.8",
                        "when": {"answered": "carer"},
                    }
                ]
            },
        ),
        f"{A}.point_adjustments[0].when.answered",
        "unknown question",
        id="point-adjustment-when-unknown",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "point_adjustments": [
                    {"id": "carer", "label": t("Carer"), "multiply": "0.8"},
                    {"id": "carer", "label": t("Again"), "multiply": "0.9"},
                ]
            },
        ),
        f"{A}.point_adjustments[1].id",
        "used twice",
        id="point-adjustment-duplicate",
    ),
    # money adjustments
    pytest.param(
        edit(
            allocation,
            {
                "adjustments": [
                    {"id": "carer", "label": t("Carer"), "multiply": "0.85", "add": "-10.00"}
                ]
            },
        ),
        f"{A}.adjustments[0]",
        "found both",
        id="adjustment-both",
    ),
    pytest.param(
        edit(allocation, {"adjustments": [{"id": "carer", "label": t("Carer")}]}),
        f"{A}.adjustments[0]",
        "found neither",
        id="adjustment-neither",
    ),
    pytest.param(
        edit(allocation, {"adjustments": [{"id": "carer", "multiply": "0.85"}]}),
        f"{A}.adjustments[0]",
        '"label" is missing',
        id="adjustment-unlabelled",
    ),
    pytest.param(
        edit(allocation, {"adjustments": [{"id": "carer", "label": t("Carer"), "multiply": "-1"}]}),
        f"{A}.adjustments[0].multiply",
        "0 or more",
        id="adjustment-multiply-negative",
    ),
    pytest.param(
        edit(allocation, {"adjustments": [{"id": "carer", "label": t("Carer"), "add": "-£10"}]}),
        f"{A}.adjustments[0].add",
        "plain decimal",
        id="adjustment-add-pound-sign",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "adjustments": [
                    {
                        "id": "carer",
                        "label": t("Carer"),
                        "add": "1",
                        "when": {"answer": "washing", "is": "lots"},
                    }
                ]
            },
        ),
        f"{A}.adjustments[0].when.is",
        "not an option",
        id="adjustment-when-unknown-option",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "adjustments": [
                    {"id": "a", "label": t("A"), "add": "1"},
                    {"id": "a", "label": t("B"), "add": "2"},
                ]
            },
        ),
        f"{A}.adjustments[1].id",
        "used twice",
        id="adjustment-duplicate",
    ),
    # flags and calibration
    pytest.param(
        edit(
            allocation,
            {
                "flags": [
                    {
                        "id": "upper",
                        "label": t("Upper"),
                        "when_points_above": 80,
                        "when_weekly_above": "600.00",
                    }
                ]
            },
        ),
        f"{A}.flags[0]",
        "exactly one",
        id="flag-both-thresholds",
    ),
    pytest.param(
        edit(allocation, {"flags": [{"id": "upper", "label": t("Upper")}]}),
        f"{A}.flags[0]",
        "exactly one",
        id="flag-no-threshold",
    ),
    pytest.param(
        edit(
            allocation,
            {
                "flags": [
                    {"id": "u", "label": t("U"), "when_points_above": 1},
                    {"id": "u", "label": t("V"), "when_points_above": 2},
                ]
            },
        ),
        f"{A}.flags[1].id",
        "used twice",
        id="flag-duplicate",
    ),
    pytest.param(
        edit(allocation, {"calibration": {"contingency": "1"}}),
        f"{A}.calibration.contingency",
        "below 1",
        id="contingency-one",
    ),
    pytest.param(
        edit(allocation, {"calibration": {"contingency": "1.5"}}),
        f"{A}.calibration.contingency",
        "below 1",
        id="contingency-above-one",
    ),
    pytest.param(
        edit(allocation, {"calibration": {"sample_size": 0}}),
        f"{A}.calibration.sample_size",
        "whole number",
        id="sample-size-zero",
    ),
    pytest.param(
        edit(allocation, {"calibration": {"date": "Feb 2026"}}),
        f"{A}.calibration.date",
        "YYYY-MM-DD",
        id="calibration-date",
    ),
    pytest.param(
        edit(allocation, {"calibration": {"samples": 3}}),
        f"{A}.calibration.samples",
        "unknown field",
        id="calibration-unknown-field",
    ),
]


@pytest.mark.parametrize(("change", "path", "word"), CASES)
def test_one_problem_is_reported_at_its_path(change: Edit, path: str, word: str) -> None:
    assert_problem(broken(change), path, word)


def test_a_json_fraction_for_points_is_refused_but_the_same_string_is_accepted() -> None:
    assert_problem(broken(edit(opt(0, 0, 1), {"points": 2.5})), f"{WASH}.options[1].points", "2.5")
    r = build(broken(edit(opt(0, 0, 1), {"points": "2.5"})))
    assert r.questionnaires[0].question_by_id["washing"].option_by_id["some"].points == D("2.5")


def test_the_unknown_field_message_lists_the_allowed_ones() -> None:
    p = assert_problem(broken(edit(sec(0), {"max_point": 30})), f"{S0}.max_point", "unknown")
    assert "max_points" in p.message  # the RAS team sees what they probably meant


# --- show_if cycles --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("edits", "cycle"),
    [
        pytest.param(
            [
                edit(qn(0, 0), {"show_if": {"answered": "tasks"}}),
                edit(qn(0, 1), {"show_if": {"answer": "washing", "is": "some"}}),
            ],
            "washing → tasks → washing",
            id="a-b-a",
        ),
        pytest.param(
            [
                edit(qn(0, 0), {"show_if": {"answer": "nights", ">=": 3}}),
                edit(qn(1, 0), {"show_if": {"not": {"answer": "washing", "in": ["none"]}}}),
            ],
            "washing → nights → washing",
            id="across-sections-through-not",
        ),
        pytest.param(
            [edit(qn(1, 0), {"show_if": {"answer": "nights", ">=": 1}})],
            "nights → nights",
            id="self",
        ),
        pytest.param(
            [
                edit(qn(0, 0), {"show_if": {"answered": "tasks"}}),
                edit(qn(0, 1), {"show_if": {"answered": "notes"}}),
                edit(
                    qn(1, 1),
                    {"show_if": {"any": [{"answered": "nights"}, {"answered": "washing"}]}},
                ),
            ],
            "washing → tasks → notes → washing",
            id="three-long-inside-any",
        ),
    ],
)
def test_a_show_if_cycle_is_refused_and_shown(edits: list[Edit], cycle: str) -> None:
    p = assert_problem(broken(*edits), f"{Q}.sections", "cycle")
    assert cycle in p.message


def test_a_show_if_chain_without_a_cycle_is_accepted() -> None:
    r = build(
        broken(
            edit(qn(0, 1), {"show_if": {"answered": "washing"}}),
            edit(qn(1, 0), {"show_if": {"answered": "tasks"}}),
        )
    )
    assert [q.id for q in r.questionnaires[0].visibility_order][:3] == [
        "washing",
        "tasks",
        "nights",
    ]


# --- many problems at once -----------------------------------------------------------------
def _second_questionnaire_with_a_cycle(doc: Doc) -> None:
    second = copy.deepcopy(minimal_doc()["questionnaires"][0])
    second["id"], second["kind"] = "carer", "carer"
    second["sections"][0]["questions"][0]["show_if"] = {"answered": "washing"}
    doc["questionnaires"].append(second)


PLANTED: list[tuple[Edit, str]] = [
    (edit(top, {"format": "rasdesk-ruleset/0"}), "$.format"),
    (edit(top, {"effective_to": "2020-01-01"}), "$.effective_to"),
    (edit(top, {"currency": "EUR"}), "$.currency"),
    (edit(top, {"title": {"en": "Test", "de": "Test"}}), "$.title.de"),
    (edit(sec(0), {"max_point": 30}), f"{S0}.max_point"),
    (edit(sec(1), {"id": "care"}), f"{S1}.id"),
    (edit(opt(0, 0, 1), {"points": "4,20"}), f"{WASH}.options[1].points"),
    (edit(opt(0, 0, 2), {"id": "none"}), f"{WASH}.options[2].id"),
    (edit(qn(0, 1), {"scoring": "mean"}), f"{TASKS}.scoring"),
    (edit(qn(1, 0), {"min": 9}), f"{NIGHTS}.max"),
    (edit(qn(1, 1), {"show_if": {"answer": "washing", "in": ["lots"]}}), f"{NOTES}.show_if.in[0]"),
    (edit(allocation, {"rounding": {"to": "0.001", "mode": "half_up"}}), f"{A}.rounding.to"),
    (edit(allocation, {"annual_factor": "0"}), f"{A}.annual_factor"),
    (edit(allocation, {"adjustments": [{"id": "x", "label": t("X")}]}), f"{A}.adjustments[0]"),
    (edit(allocation, {"calibration": {"contingency": "2"}}), f"{A}.calibration.contingency"),
    (_second_questionnaire_with_a_cycle, "$.questionnaires[1].sections"),
]


def test_every_problem_is_reported_at_once() -> None:
    problems = problems_of(broken(*(e for e, _ in PLANTED)))
    paths = {p.path for p in problems}
    assert len(paths) >= len(PLANTED)
    missing = [path for _, path in PLANTED if path not in paths]
    assert not missing, f"not reported: {missing}"


def test_fixing_the_problems_one_by_one_leaves_the_rest_reported_then_parses() -> None:
    for fixed in range(1, len(PLANTED)):
        remaining = PLANTED[fixed:]
        paths = {p.path for p in problems_of(broken(*(e for e, _ in remaining)))}
        assert {path for _, path in remaining} <= paths
        assert PLANTED[fixed - 1][1] not in paths
    r = build(broken())  # every planted problem fixed
    assert r.id == "test-ras"


# --- accepted edge forms --------------------------------------------------------------------
def _q(r: Any, qid: str) -> Any:
    return r.questionnaires[0].question_by_id[qid]


ACCEPTED = [
    pytest.param(
        edit(opt(0, 0, 1), {"points": "2.5"}),
        lambda r: _q(r, "washing").option_by_id["some"].points == D("2.5"),
        id="points-decimal-string",
    ),
    pytest.param(
        edit(opt(0, 0, 1), {"points": "0"}),
        lambda r: _q(r, "washing").option_by_id["some"].points == 0,
        id="points-zero-string",
    ),
    pytest.param(
        edit(sec(0), {"weight": "1.5"}),
        lambda r: r.questionnaires[0].sections[0].weight == D("1.5"),
        id="weight-decimal-string",
    ),
    pytest.param(
        edit(allocation, {"adjustments": [{"id": "carer", "label": t("Carer"), "add": "-10.00"}]}),
        lambda r: r.questionnaires[0].allocation.adjustments[0].add == D("-10.00"),
        id="add-negative",
    ),
    pytest.param(
        edit(top, {"effective_to": "2026-04-01"}),
        lambda r: r.effective_to == r.effective_from == "2026-04-01",
        id="effective-to-equals-from",
    ),
    pytest.param(
        edit(top, {"effective_from": "2028-02-29", "effective_to": "2028-12-31"}),
        lambda r: r.effective_from == "2028-02-29",
        id="leap-day",
    ),
    pytest.param(
        edit(qn(0, 0), {"show_if": {"answer": "nights", ">=": 3}}),
        lambda r: (
            [q.id for q in r.questionnaires[0].visibility_order].index("nights")
            < [q.id for q in r.questionnaires[0].visibility_order].index("washing")
        ),
        id="show-if-reads-a-later-question",
    ),
    pytest.param(
        edit(top, {"id": "south.ras-2026_1"}),
        lambda r: r.id == "south.ras-2026_1",
        id="ruleset-id-dots-dashes",
    ),
    pytest.param(
        edit(top, {"title": {"en": "Test"}}),
        lambda r: r.title.get("cy") == "Test",
        id="welsh-falls-back-to-english",
    ),
    pytest.param(
        edit(qn(1, 0), {"min": 3, "max": 3}),
        lambda r: _q(r, "nights").minimum == _q(r, "nights").maximum == 3,
        id="min-equals-max",
    ),
    pytest.param(
        edit(allocation, {"minimum": "50.00", "maximum": "50.00"}),
        lambda r: r.questionnaires[0].allocation.maximum == D(50),
        id="minimum-equals-maximum",
    ),
    pytest.param(
        edit(allocation, {"rounding": {"to": "0.05", "mode": "half_even"}}),
        lambda r: r.questionnaires[0].allocation.rounding.to == D("0.05"),
        id="rounding-to-five-pence",
    ),
    pytest.param(
        edit(allocation, {"points_rounding": {"to": "0.001", "mode": "down"}}),
        lambda r: r.questionnaires[0].allocation.points_rounding.to == D("0.001"),
        id="points-rounding-finer-than-a-penny",
    ),
    pytest.param(
        edit(allocation, {"calibration": {"contingency": "0.99", "sample_size": 1}}),
        lambda r: r.questionnaires[0].allocation.calibration.contingency == D("0.99"),
        id="contingency-just-below-one",
    ),
    pytest.param(
        edit(qn(0, 1), {"required": False, "scoring": "max"}),
        lambda r: _q(r, "tasks").scoring == "max" and not _q(r, "tasks").required,
        id="scoring-max-optional",
    ),
]


@pytest.mark.parametrize(("change", "check"), ACCEPTED)
def test_accepted_edge_forms(change: Edit, check: Callable[[Any], bool]) -> None:
    assert check(build(broken(change)))
