"""Property-based tests: for random rulesets and random valid answers, the explanation
always adds up to the figure, and the result keeps every invariant of spec §2."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasdesk.domain.budget import compute_budget
from rasdesk.domain.decimals import CENT
from rasdesk.domain.parse import parse_ruleset
from rasdesk.platform.paths import demo_dir
from tests.domain import adds_up
from tests.domain.builders import allocation, build, minimal_doc, questionnaire, t

money = st.decimals(min_value=0, max_value=999, places=2).map(lambda d: format(d, "f"))
factor = st.decimals(min_value=0, max_value=2, places=2).map(lambda d: format(d, "f"))
signed_money = st.decimals(min_value=-300, max_value=300, places=2).map(lambda d: format(d, "f"))
condition = st.sampled_from(
    [
        None,
        {"answer": "washing", "is": "some"},
        {"answer": "nights", ">=": 3},
        {"answer": "tasks", "in": ["shopping"]},
        {"not": {"answered": "nights"}},
    ]
)


@st.composite
def rulesets(draw: st.DrawFn) -> dict[str, Any]:
    doc = minimal_doc()
    q = questionnaire(doc)
    a = allocation(doc)
    care = q["sections"][0]
    if draw(st.booleans()):
        care["max_points"] = draw(st.integers(0, 12))
    care["weight"] = draw(st.sampled_from(["1", "1.5", "0.75", "2"]))
    if draw(st.booleans()):
        q["sections"][1]["questions"][0]["show_if"] = {"answer": "washing", "in": ["some", "all"]}
    if draw(st.booleans()):
        del a["rate"]
        a["method"] = "table"
        starts = sorted(draw(st.sets(st.integers(0, 20), min_size=1, max_size=4)))
        a["table"] = [{"from_points": s, "amount": draw(money)} for s in starts]
    else:
        a["rate"] = draw(money)
    a["point_adjustments"] = []
    for i in range(draw(st.integers(0, 2))):
        pa: dict[str, Any] = {
            "id": f"p{i}",
            "label": t(f"Point change {i}"),
            "multiply": draw(factor),
        }
        if (cond := draw(condition)) is not None:
            pa["when"] = cond
        if draw(st.booleans()):
            pa["sections"] = ["care"]
        a["point_adjustments"].append(pa)
    if draw(st.booleans()):
        a["points_rounding"] = {
            "to": draw(st.sampled_from(["0.1", "0.5", "1"])),
            "mode": draw(st.sampled_from(["half_up", "down", "up", "half_even"])),
        }
    if draw(st.booleans()):
        a["minimum_points"] = draw(st.integers(0, 8))
    a["adjustments"] = []
    for i in range(draw(st.integers(0, 3))):
        adj: dict[str, Any] = {"id": f"a{i}", "label": t(f"Money change {i}")}
        if draw(st.booleans()):
            adj["multiply"] = draw(factor)
        else:
            adj["add"] = draw(signed_money)
        if (cond := draw(condition)) is not None:
            adj["when"] = cond
        a["adjustments"].append(adj)
    low = draw(st.none() | st.decimals(min_value=0, max_value=50, places=2))
    high = draw(st.none() | st.decimals(min_value=50, max_value=400, places=2))
    if low is not None:
        a["minimum"] = format(low, "f")
    if high is not None:
        a["maximum"] = format(high, "f")
    a["rounding"] = {
        "to": draw(st.sampled_from(["0.01", "0.05", "1"])),
        "mode": draw(st.sampled_from(["half_up", "down", "up", "half_even"])),
    }
    a["annual_factor"] = draw(st.sampled_from(["52", "52.1429", "52.18"]))
    if draw(st.booleans()):
        a["sign_off_above"] = draw(money)
    if draw(st.booleans()):
        a["illustrative_hourly_rate"] = "24.00"
    return doc


answers = st.fixed_dictionaries(
    {
        "washing": st.sampled_from(["none", "some", "all"]),
        "tasks": st.lists(st.sampled_from(["shopping", "cleaning"]), unique=True),
        "nights": st.integers(0, 7) | st.decimals(min_value=0, max_value=7, places=1),
    },
    optional={"notes": st.text(max_size=20)},
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets(), given_answers=answers)
def test_explanation_adds_up_for_random_rulesets(
    doc: dict[str, Any], given_answers: dict[str, Any]
) -> None:
    ruleset = build(doc)
    result = compute_budget(ruleset, {"questionnaire": "person", "answers": given_answers})
    adds_up.check(ruleset.questionnaires[0], result)
    out = result.as_dict()
    # Invariants of spec §2 and §2.1.
    assert D(out["weekly"]) >= 0 and D(out["weekly"]).as_tuple().exponent == -2
    assert D(out["annual"]) == (result.weekly * D(allocation(doc)["annual_factor"])).quantize(
        CENT, rounding="ROUND_HALF_UP"
    )
    a = allocation(doc)
    if "maximum" in a:
        assert result.before_rounding <= D(a["maximum"])
    chain = [result.base_amount] + [x.after for x in result.adjustments]
    assert all(x.before == chain[i] for i, x in enumerate(result.adjustments))
    assert result.weekly == result.weekly.quantize(CENT)
    assert json.loads(json.dumps(out)) == out  # plain JSON: strings, booleans, lists
    # The fast writer of the .jsonl path says exactly what as_dict() says, in the same order.
    assert result.to_json() == json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _demo_answers(draw: st.DrawFn, q: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for question in q.questions():
        if question.type == "single":
            out[question.id] = draw(st.sampled_from([o.id for o in question.options]))
        elif question.type == "multiple":
            others = [o.id for o in question.options if not o.exclusive]
            alone = question.exclusive_option  # chosen only on its own
            choices = st.lists(st.sampled_from(others), unique=True)
            out[question.id] = draw(choices | st.just([alone]) if alone else choices)
        elif question.type == "number":
            out[question.id] = draw(
                st.integers(int(question.minimum or 0), int(question.maximum or 100))
            )
        elif draw(st.booleans()):
            out[question.id] = draw(st.text(max_size=30))
    return out


DEMO = parse_ruleset((demo_dir() / "demo.ruleset.json").read_bytes(), "demo")


@settings(max_examples=200, deadline=None)
@given(
    data=st.data(),
    qid=st.sampled_from([q.id for q in DEMO.questionnaires]),
    lang=st.sampled_from(["en", "cy"]),
)
def test_demo_ruleset_random_answers(data: st.DataObject, qid: str, lang: str) -> None:
    q = DEMO.questionnaire_by_id[qid]
    given_answers = data.draw(st.composite(lambda draw: _demo_answers(draw, q))())
    result = compute_budget(DEMO, {"questionnaire": qid, "answers": given_answers}, lang)
    if lang == "en":
        adds_up.check(q, result)
    words = " ".join(e.text + " " + e.easy_read for e in result.explanation)
    assert "{" not in words and "}" not in words  # no placeholder left unfilled
    assert f"£{result.weekly:,}" in words
    assert result.to_json() == json.dumps(
        result.as_dict(), ensure_ascii=False, separators=(",", ":")
    )
