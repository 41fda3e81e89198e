"""The fast path of ``rasdesk compute --answers X.jsonl`` for format 2 (``line_v2``) writes
exactly the bytes of ``compute_budget_v2(…).to_json_bytes()``: on random rulesets and
answers, with memos filled by other people first, and on the worked examples (views, not
applicable, evidence, linked cases), in English and Welsh."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.errors import AnswersError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.line_v2 import result_line_v2
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.platform.paths import resources_dir
from tests.domain.builders import t
from tests.domain.test_properties import answers
from tests.domain.test_properties_v2 import rulesets_v2

EXAMPLES = resources_dir() / "examples"


def fresh(data: bytes, doc: dict[str, Any], lang: str) -> bytes:
    """The result's JSON from a new ruleset object (new memos), through the result objects."""
    return compute_budget_v2(parse_ruleset_v2(data), doc, lang).to_json_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets_v2(), many=st.lists(answers, min_size=2, max_size=5))
def test_the_fast_line_is_the_result_json_for_random_rulesets(
    doc: dict[str, Any], many: list[dict[str, Any]]
) -> None:
    data = json.dumps(doc).encode()
    shared = parse_ruleset_v2(data)
    docs = [{"questionnaire": "person", "answers": a} for a in many]
    for lang in ("en", "cy"):
        for d in docs + docs:  # the second time round, every amount from its memo
            assert result_line_v2(shared, d, lang, "x") == fresh(data, d, lang)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=rulesets_v2(),
    many=st.lists(answers, min_size=2, max_size=5),
    share=st.sampled_from(["0", "0.5", "0.333"]),
)
def test_the_fast_line_is_the_result_json_with_overlapping_points(
    doc: dict[str, Any], many: list[dict[str, Any]], share: str
) -> None:
    """A points part whose sections overlap (no example has one): the person's own points
    after the overlap, in the JSON and the words."""
    q = doc["questionnaires"][0]
    budget = next(p for p in q["amounts"][0]["parts"] if p["id"] == "budget")
    between = [s["id"] for s in q["sections"][:2]]
    budget["overlaps"] = [
        {
            "id": "counted_once",
            "label": t("Counted once"),
            "between": between,
            "smaller_counts": share,
        }
    ]
    data = json.dumps(doc).encode()
    shared = parse_ruleset_v2(data)
    docs = [{"questionnaire": "person", "answers": a} for a in many]
    for lang in ("en", "cy"):
        for d in docs + docs:
            line = result_line_v2(shared, d, lang, "x")
            assert line == fresh(data, d, lang)
            assert b'"overlaps":[{"id":"counted_once"' in line


@pytest.mark.parametrize("folder", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_the_fast_line_is_the_result_json_for_the_examples(folder: str) -> None:
    (path,) = (EXAMPLES / folder).glob("*.ruleset.json")
    data = path.read_bytes()
    shared = parse_ruleset_v2(data)
    lines = (EXAMPLES / folder / "expected.jsonl").read_text("utf-8").splitlines()
    docs = [{k: v for k, v in loads_strict(x).items() if k != "expect"} for x in lines]
    for d in docs + docs:
        assert result_line_v2(shared, d, "en", "x") == fresh(data, d, "en")


def test_the_fast_line_refuses_what_the_result_refuses() -> None:
    (path,) = (EXAMPLES / "a-points-table").glob("*.ruleset.json")
    ruleset = parse_ruleset_v2(path.read_bytes())
    doc = {"questionnaire": "person", "answers": {"washing": "never"}}
    with pytest.raises(AnswersError) as fast:
        result_line_v2(ruleset, doc, "en", "line 1")
    with pytest.raises(AnswersError) as slow:
        compute_budget_v2(ruleset, doc, "en", "line 1")
    assert str(fast.value) == str(slow.value)
