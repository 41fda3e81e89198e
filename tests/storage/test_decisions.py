"""Support plans and decisions in the store: each step a new version, nothing saved on bad
input, finalised versions never changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from rasdesk.decision.errors import FieldError
from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import CaseStateError
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.connection import DatabaseError
from rasdesk.storage.store import CaseStore
from tests.storage.helpers import answered_case, new_store

TODAY = dt.date(2026, 12, 4)
ITEMS = [
    {
        "kind": "Personal care",
        "provider": "Agency",
        "quantity": "10",
        "unit": "hours",
        "rate": "24.50",
        "meets": ["personal_care"],
    },
    {
        "kind": "Day service",
        "provider": "Day centre",
        "quantity": "2",
        "unit": "days",
        "rate": "55.00",
    },
    {
        "kind": "Short breaks",
        "provider": "Respite home",
        "quantity": "1",
        "unit": "week",
        "rate": "900.00",
        "period": "one_off",
    },
]


def counts(store: CaseStore) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("versions", "plans", "audit")
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = new_store(tmp_path)
    yield s
    s.close()


def finalised(store: CaseStore) -> str:
    case = answered_case(store)
    lifecycle.finalise(store, case)
    return case


def test_plan_then_decision_each_a_new_version(store: CaseStore) -> None:
    case = finalised(store)
    v1 = store.current_version(case)
    for fields in ITEMS:
        decisions.add_item(store, case, dict(fields))
    decisions.set_mechanism(store, case, "Direct Payment")
    decisions.set_agreed_by(store, case, "Siân Jones and Sam Patel")
    v2 = store.current_version(case)
    assert (v2["number"], v2["state"], v2["supersedes"]) == (2, "draft", v1["version_uuid"])
    assert store.case_row(case)["decision_status"] == "planning"
    assert store.answers(v2["version_uuid"]) == store.answers(v1["version_uuid"])
    lifecycle.finalise(store, case)
    bundle = open_bundle(store.current_version(case)["bundle"])
    sec = bundle["decision"]
    assert bundle["format"] == "rasdesk-case/2"
    # 10 × 24.50 + 2 × 55 = 355.00 a week (+ 900 once) against £301.20 a week
    assert sec["cost"]["totals"] == {"week": "355.00", "one_off": "900.00"}
    assert sec["status"] == "waiting" and sec["needs_decision"] == ["above_indicative"]
    assert sec["plan"]["mechanism"] == "direct_payment"
    assert store.case_row(case)["decision_status"] == "waiting"
    v1_bytes = v1["bundle"]
    vid, _ = decisions.decide(
        store,
        case,
        final="340.00",
        by="Resource allocation panel",
        reasons="Two carers are needed for each transfer.",
        category="needs_not_captured",
        today=TODAY,
    )
    v3 = store.current_version(case)
    assert (v3["number"], v3["state"], v3["version_uuid"]) == (3, "finalised", vid)
    decided = open_bundle(v3["bundle"])["decision"]
    assert decided["status"] == "decided" and decided["decision"]["final"] == "340.00"
    assert decided["decision"]["by_role"] == "panel"
    assert store.case_row(case)["decision_status"] == "decided"
    assert store.current_version(case)["number"] == 3
    first = store.db.execute("SELECT bundle FROM versions WHERE number = 1").fetchone()[0]
    assert first == v1_bytes  # never edited
    events = [
        r[0] for r in store.db.execute("SELECT event FROM audit WHERE case_uuid = ?", (case,))
    ]
    assert events.count("plan item added") == 3 and "decision" in events


def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(store: CaseStore) -> None:
    case = finalised(store)
    before = counts(store)
    bad = [
        ({**ITEMS[0], "quantity": "-2"}, "quantity"),
        ({**ITEMS[0], "rate": "1000000"}, "rate"),
        ({**ITEMS[0], "meets": ["no_such_area"]}, "meets"),
    ]
    for fields, field in bad:
        with pytest.raises(FieldError) as caught:
            decisions.add_item(store, case, fields)
        assert caught.value.field == field
    with pytest.raises(FieldError, match=r"^mechanism: 'cash'"):
        decisions.set_mechanism(store, case, "cash")
    assert counts(store) == before
    decisions.add_item(store, case, dict(ITEMS[0]))
    with pytest.raises(FieldError, match=r"^version: .*version 1 is not its latest"):
        decisions.add_item(store, case, dict(ITEMS[1]), on_version=1)
    with pytest.raises(CaseStateError, match="is a draft: a decision"):
        decisions.decide(
            store, case, final="1", by="Panel", reasons="r", category="other", today=TODAY
        )
    lifecycle.finalise(store, case)
    before = counts(store)
    with pytest.raises(FieldError, match=r"^reason: "):
        decisions.decide(store, case, final="250", by="Jo Bloggs, manager", today=TODAY)
    assert counts(store) == before


def test_no_plan_on_a_draft_assessment_and_no_decision_without_a_plan(store: CaseStore) -> None:
    case = answered_case(store)
    with pytest.raises(CaseStateError, match="draft assessment: finalise it first"):
        decisions.add_item(store, case, dict(ITEMS[0]))
    lifecycle.finalise(store, case)
    with pytest.raises(CaseStateError, match="no support plan"):
        decisions.decide(store, case, final="301.20", by="Jo", today=TODAY)


def test_a_plan_within_the_indicative_is_agreed_and_finalised_plans_are_frozen(
    store: CaseStore,
) -> None:
    case = finalised(store)
    decisions.add_item(store, case, dict(ITEMS[0]))  # 245.00 a week
    decisions.remove_item(store, case, 1)
    item = decisions.add_item(store, case, dict(ITEMS[0]))
    assert item.id == 1
    lifecycle.finalise(store, case)
    assert store.case_row(case)["decision_status"] == "agreed"
    vid = store.current_version(case)["version_uuid"]
    with pytest.raises(DatabaseError, match="only change on a draft"):
        store.db.execute("UPDATE plans SET section = '{}' WHERE version_uuid = ?", (vid,))
    with pytest.raises(DatabaseError, match="purge after a receipt"):
        store.db.execute("DELETE FROM plans WHERE version_uuid = ?", (vid,))


def test_a_store_from_schema_3_takes_plans_and_decisions(tmp_path: Path) -> None:
    """Migration 4 (decisions) from the real v3 fixture: old cases keep their rows and
    a sent case goes on to a plan and a decision."""
    import shutil

    from tests.storage.fixtures import make_fixtures as fx

    path = tmp_path / "v3.db"
    shutil.copyfile(fx.fixture_path(3), path)
    store = CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel")
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] >= 4
        assert {r[0] for r in store.db.execute("SELECT decision_status FROM cases")} == {None}
        (case,) = store.db.execute(
            "SELECT case_uuid FROM cases WHERE council_ref = 'FX-100003'"
        ).fetchone()
        assert store.current_version(case)["state"] == "sent"
        decisions.add_item(store, case, {**ITEMS[0], "quantity": "20", "meets": []})
        lifecycle.finalise(store, case)
        assert store.case_row(case)["decision_status"] == "waiting"
        decisions.decide(
            store,
            case,
            final="480.00",
            by="Panel",
            reasons="More hours.",
            category="local_costs",
            today=TODAY,
        )
        assert store.case_row(case)["decision_status"] == "decided"
    finally:
        store.close()
