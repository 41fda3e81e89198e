"""Property-based tests of format 2: (1) every format-1 test ruleset gives the same
figures through ``upgrade`` + format 2 as through format 1; (2) for random valid format-2
rulesets and answers, the explanation read back as text adds up to every amount, per
part and in total."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasdesk.domain.budget import compute_budget
from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.result import Result
from rasdesk.domain.result_v2 import ResultV2
from rasdesk.domain.upgrade_v2 import upgrade_bytes
from rasdesk.platform.paths import demo_dir
from tests.domain import adds_up_v2
from tests.domain.builders import minimal_doc, t, to_bytes
from tests.domain.test_properties import _demo_answers, answers, money, rulesets


def same_figures(v1: Result, v2: ResultV2) -> None:
    """Every amount, point, flag and step of format 1, in format 2's result."""
    (amount,) = v2.amounts
    (part,) = amount.parts
    points = part.points
    assert points is not None
    assert [(s.id, s.raw_points, s.capped, s.points) for s in v1.sections] == [
        (s.id, s.raw_points, s.capped, s.points) for s in v2.sections
    ]
    assert [(p.id, p.applied, p.sections) for p in v1.point_adjustments] == [
        (p.id, p.applied, p.sections) for p in points.point_adjustments
    ]
    assert (v1.points_before_rounding, v1.points_rounded, v1.total_points) == (
        points.before_rounding,
        points.rounded,
        points.total,
    )
    assert v1.minimum_points_applied == points.minimum_points_applied
    assert (v1.table_row.from_points if v1.table_row else None) == points.table_row
    assert v1.base_amount == part.base_amount
    assert [(a.id, a.applied, a.before, a.after) for a in v1.adjustments] == [
        (a.id, a.applied, a.before, a.after) for a in part.adjustments
    ]
    assert (v1.before_limits, v1.floor_applied, v1.ceiling_applied, v1.before_rounding) == (
        part.before_limits,
        part.floor_applied,
        part.ceiling_applied,
        part.before_rounding,
    )
    assert v1.weekly == part.amount == amount.council == amount.total
    assert [v1.annual] == [x.total for x in amount.also]
    assert v1.sign_off_required == amount.sign_off_required
    assert v1.flags == amount.flags
    assert [(q.question, q.points) for q in v1.questions] == [
        (q.id, q.points) for q in v2.questions
    ]


def both(data: bytes, doc: dict[str, Any]) -> tuple[Result, ResultV2]:
    v1 = compute_budget(parse_ruleset(data), doc)
    v2 = compute_budget_v2(parse_ruleset_v2(upgrade_bytes(data)), doc)
    return v1, v2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets(), given_answers=answers)
def test_upgrade_gives_the_same_figures_for_random_rulesets(
    doc: dict[str, Any], given_answers: dict[str, Any]
) -> None:
    v1, v2 = both(to_bytes(doc), {"questionnaire": "person", "answers": given_answers})
    same_figures(v1, v2)
    adds_up_v2.check(v2)


DEMO_BYTES = (demo_dir() / "demo.ruleset.json").read_bytes()
DEMO = parse_ruleset(DEMO_BYTES)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), qid=st.sampled_from([q.id for q in DEMO.questionnaires]))
def test_upgrade_gives_the_same_figures_for_the_demo(data: st.DataObject, qid: str) -> None:
    q = DEMO.questionnaire_by_id[qid]
    given_answers = data.draw(st.composite(lambda draw: _demo_answers(draw, q))())
    v1, v2 = both(DEMO_BYTES, {"questionnaire": qid, "answers": given_answers})
    same_figures(v1, v2)


def test_upgrade_of_the_minimal_test_ruleset_and_demo_answer_files() -> None:
    data = to_bytes(minimal_doc())
    same_figures(
        *both(
            data,
            {"questionnaire": "person", "answers": {"washing": "some", "tasks": [], "nights": 4}},
        )
    )
    for path in sorted((demo_dir() / "answers").glob("*.json")):
        same_figures(*both(DEMO_BYTES, json.loads(path.read_text("utf-8"))))


# --- random format-2 rulesets ---------------------------------------------------------
condition = st.sampled_from(
    [
        None,
        {"answer": "washing", "is": "some"},
        {"answer": "nights", ">=": 3},
        {"not": {"answer": "tasks", "in": ["shopping"]}},
    ]
)
rounding = st.fixed_dictionaries(
    {
        "to": st.sampled_from(["0.01", "0.05", "1"]),
        "mode": st.sampled_from(["half_up", "down", "up", "half_even"]),
    }
)


def _when(part: dict[str, Any], cond: Any) -> dict[str, Any]:
    if cond is not None:
        part["when"] = cond
    return part


@st.composite
def rulesets_v2(draw: st.DrawFn) -> dict[str, Any]:
    doc = json.loads(upgrade_bytes(to_bytes(draw(rulesets()))))
    doc["rates"] = [
        {"id": "care", "label": t("care"), "amount": draw(money), "unit": "hour"},
        {"id": "night", "label": t("night care"), "amount": draw(money), "unit": "night"},
    ]
    amount = doc["questionnaires"][0]["amounts"][0]
    parts = amount["parts"]
    items = [
        {
            "id": "nights",
            "label": t("Nights"),
            "quantity": {"answer": "nights"},
            "rate": [
                {"when": {"answer": "washing", "is": "all"}, "rate": "night"},
                {"rate": "care"},
            ],
        },
        {
            "id": "fixed_hours",
            "label": t("Hours"),
            "quantity": {
                "value": draw(st.sampled_from(["0", "1", "2.5", "17.6"])),
                "times": draw(st.sampled_from(["1", "7"])),
            },
            "rate": "care",
        },
        {
            "id": "washing_hours",
            "label": t("Washing"),
            "quantity": {"answer": "washing", "options": {"some": "3.5", "all": "7"}},
            "rate": "care",
        },
    ]
    costed: dict[str, Any] = {
        "id": "costed",
        "label": t("Costed support"),
        "funder": "council",
        "method": "costed",
        "items": items,
    }
    if draw(st.booleans()):
        costed["overlaps"] = [
            {
                "id": "o",
                "label": t("Overlap"),
                "between": ["nights", "washing_hours"],
                "smaller_counts": draw(st.sampled_from(["0", "0.5", "0.333"])),
            }
        ]
    parts.append(_when(costed, draw(condition)))
    funder = draw(st.sampled_from(["nhs", "ilf", "other", "council"]))
    fixed: dict[str, Any] = {
        "id": "fixed",
        "label": t("Fixed part"),
        "funder": funder,
        "method": "fixed",
        "amount": draw(money),
    }
    if funder == "other":
        fixed["funder_name"] = t("the Example Trust")
    if draw(st.booleans()):
        fixed["period"] = "year"
        amount["conversions"].append(
            {"from": "year", "to": "week", "divide": "52", "rounding": draw(rounding)}
        )
    parts.append(_when(fixed, draw(condition)))
    parts.append(
        {
            "id": "banded",
            "label": t("Banded part"),
            "funder": "council",
            "method": "banded",
            "bands": [
                {
                    "when": {"answer": "nights", ">=": 5},
                    "amount": draw(money),
                    "label": t("Many nights"),
                },
                {"amount": draw(money)},
            ],
            "rounding": draw(rounding),
        }
    )
    rules = []
    for i in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["cap", "floor", "replace"]))
        target = draw(st.sampled_from(["budget", "costed", "fixed", "banded"]))
        rule: dict[str, Any] = {
            "id": f"r{i}",
            "kind": kind,
            "label": t(f"Rule {i}"),
            "part": target,
        }
        if kind == "replace":
            rule["replaces"] = [p for p in ("budget", "costed") if p != target] or ["banded"]
        else:
            rule["limit"] = draw(money)
        rules.append(_when(rule, draw(condition)))
    amount["rules"] = rules
    if draw(st.booleans()):
        amount["conversions"].append(
            {"from": "week", "to": "month", "multiply": "4.33", "rounding": draw(rounding)}
        )
        amount["show_also"].append("month")
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets_v2(), given_answers=answers)
def test_explanation_adds_up_for_random_format_2_rulesets(
    doc: dict[str, Any], given_answers: dict[str, Any]
) -> None:
    ruleset = parse_ruleset_v2(json.dumps(doc).encode())
    result = compute_budget_v2(ruleset, {"questionnaire": "person", "answers": given_answers})
    adds_up_v2.check(result)
    out = result.as_dict()
    assert json.loads(json.dumps(out)) == out
    # The fast writer of the .jsonl path says exactly what as_dict() says, in the same order.
    assert result.to_json() == json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    for amount in out["amounts"]:
        assert D(amount["total"]) >= 0 and D(amount["total"]).as_tuple().exponent == -2
    words = " ".join(e.text + " " + e.easy_read for e in result.explanation)
    assert "{" not in words and "}" not in words
    cy = compute_budget_v2(ruleset, {"questionnaire": "person", "answers": given_answers}, "cy")
    assert [a.total for a in cy.amounts] == [a.total for a in result.amounts]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets_v2(), many=st.lists(answers, min_size=2, max_size=6))
def test_words_kept_across_people_are_the_words_made_afresh(
    doc: dict[str, Any], many: list[dict[str, Any]]
) -> None:
    """The explanation's groups are memoized by what they read: a memo filled by other
    people's results gives, word for word and figure for figure, what a fresh one gives."""
    data = json.dumps(doc).encode()
    shared = parse_ruleset_v2(data)
    docs = [{"questionnaire": "person", "answers": a} for a in many]
    kept = [compute_budget_v2(shared, d, lang).to_json() for lang in ("en", "cy") for d in docs]
    fresh = [
        compute_budget_v2(parse_ruleset_v2(data), d, lang).to_json()  # a new object: new memos
        for lang in ("en", "cy")
        for d in docs
    ]
    assert kept == fresh


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets_v2(), many=st.lists(answers, min_size=2, max_size=6))
def test_amounts_kept_across_people_are_the_amounts_computed_afresh(
    doc: dict[str, Any], many: list[dict[str, Any]]
) -> None:
    """amount_memo_v2 keeps each amount by what it reads: an amount made from it (the second
    time round, every one) equals, field for field, the amount computed afresh, and so do
    its JSON and its words."""
    data = json.dumps(doc).encode()
    shared = parse_ruleset_v2(data)
    docs = [{"questionnaire": "person", "answers": a} for a in many]
    for d in docs + docs:
        kept = compute_budget_v2(shared, d)
        fresh = compute_budget_v2(parse_ruleset_v2(data), d)  # a new object: new memos
        assert kept.amounts == fresh.amounts
        assert kept.as_dict() == fresh.as_dict()
        assert kept.to_json() == fresh.to_json()
        assert kept.to_json() == json.dumps(
            kept.as_dict(), ensure_ascii=False, separators=(",", ":")
        )


def test_the_amount_memo_is_bounded(monkeypatch: Any) -> None:
    """However many different people a batch holds, an amount's memo keeps at most
    MEMO_LIMIT keys (then it starts again) and WORDS_LIMIT sets of words, and the figures
    and words stay right."""
    from rasdesk.domain import amount_memo_v2

    monkeypatch.setattr(amount_memo_v2, "MEMO_LIMIT", 3)
    monkeypatch.setattr(amount_memo_v2, "WORDS_LIMIT", 2)
    ruleset = parse_ruleset_v2(upgrade_bytes(DEMO_BYTES))
    for n in range(8):
        doc = {"questionnaire": "carer", "answers": {**_carer_answers(), "caring_hours": n * 20}}
        kept = compute_budget_v2(ruleset, doc)
        fresh = compute_budget_v2(parse_ruleset_v2(upgrade_bytes(DEMO_BYTES)), doc)
        assert kept.to_json() == fresh.to_json()
    amount = ruleset.questionnaire_by_id["carer"].amounts[0]
    plan = amount_memo_v2._PLANS[id(amount)][1]
    assert 1 <= len(plan.memo) <= 3
    assert sum(len(e.words) for e in plan.memo.values()) <= 2


def _carer_answers() -> dict[str, Any]:
    return json.loads((demo_dir() / "answers" / "carer-example.json").read_text("utf-8"))["answers"]
