"""Moving answers from a format-1 ruleset to format 2 (``docs/ruleset-v2.md``): the demo
upgraded (same budgets), then upgraded with changes; what carried over, what is asked
again, and the figures before and after."""

from __future__ import annotations

import json
from decimal import Decimal

from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.upgrade_v2 import upgrade_document
from rasdesk.reviews.rebase_plan import headline, period, plan_rebase
from tests.reviews import helpers as h
from tests.storage.helpers import demo_answers

ANSWERS = {q: tuple(v) if isinstance(v, list) else v for q, v in demo_answers().items()}


def format2(change: h.Change = None, rate: str | None = None) -> object:
    doc = upgrade_document(h.next_year(change))
    if rate is not None:
        part = doc["questionnaires"][0]["amounts"][0]["parts"][0]
        assert part["method"] == "per_point" and part["rate"] == "4.20"
        part["rate"] = rate
    return parse_ruleset_v2(json.dumps(doc).encode(), "next year's ruleset, format 2")


def test_format_1_to_2_with_the_same_budgets() -> None:
    old, _ = h.signed(h.demo_doc())
    plan = plan_rebase(old, format2(), "person", ANSWERS)  # type: ignore[arg-type]
    assert plan.carry.carried == ANSWERS and plan.carry.not_carried == ()
    assert plan.before is not None and plan.after is not None
    assert headline(plan.before) == headline(plan.after) == Decimal("301.20")
    assert period(plan.after) == "week" and plan.difference == 0
    assert plan.changes[0] == (
        "The format changed from rasdesk-ruleset/1 to rasdesk-ruleset/2: the money is worked out by its parts."
    )
    assert "The version changed from 2026.1 to 2027.1." in plan.changes
    assert "Before: £301.20 a week    After: £301.20 a week" in plan.summary()


def test_format_1_to_2_with_an_option_removed_and_a_new_rate() -> None:
    old, _ = h.signed(h.demo_doc())
    new = format2(h.option_removed, rate="4.50")
    plan = plan_rebase(old, new, "person", ANSWERS)  # type: ignore[arg-type]
    assert set(plan.carry.carried) == set(ANSWERS) - {"washing"}
    assert plan.carry.asked_again == ("washing",)
    [lost] = plan.carry.not_carried
    assert lost.reason == "option removed" and lost.old == "lots"
    assert plan.before is not None and headline(plan.before) == Decimal("301.20")
    assert plan.after is None  # washing must be asked again first
    assert "person: Question washing: option 'I need help with most of my washing' (lots) was removed." in plan.changes  # fmt: skip
    answered = plan_rebase(old, new, "person", {**ANSWERS, "washing": "all"})  # type: ignore[arg-type]
    assert answered.after is not None and headline(answered.after) == Decimal("337.50")


def test_format_2_to_2_identity() -> None:
    a, b = format2(), format2()
    twin = parse_ruleset_v2(
        json.dumps({**upgrade_document(h.next_year()), "version": "2027.2"}).encode()
    )
    plan = plan_rebase(a, twin, "person", ANSWERS)  # type: ignore[arg-type]
    assert plan.carry.carried == ANSWERS and plan.carry.not_carried == ()
    assert plan.before is not None and plan.after is not None
    assert headline(plan.before) == headline(plan.after)
    assert plan.changes == ("The version changed from 2027.1 to 2027.2.",)
    assert b.sha256 == a.sha256  # type: ignore[attr-defined]
