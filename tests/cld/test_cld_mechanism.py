"""The CLD Delivery Mechanism comes from the support plan, in the national words, on a
Service event only (the guidance's "Events (services only)" field); the assessment before
it is an Assessment event without one, and a plan waiting for its decision is no event."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.cld.cld_row import cld_row
from rasdesk.domain.bundle import open_bundle
from rasdesk.server.export import plan_mechanism, plan_status
from rasdesk.storage import decisions, lifecycle
from tests.storage.helpers import answered_case, new_store

ITEM = {"kind": "Personal care", "provider": "Agency", "quantity": "10", "unit": "hours",
        "rate": "24.50"}  # fmt: skip


@pytest.mark.parametrize(
    ("chosen", "national"),
    [
        ("Direct Payment", "Direct Payment"),
        ("CASSR Commissioned Support", "CASSR Commissioned Support"),
        ("Individual Service Fund", "CASSR Managed Personal Budget"),
    ],
)
def test_delivery_mechanism_from_the_plan(tmp_path: Path, chosen: str, national: str) -> None:
    store = new_store(tmp_path)
    try:
        case = answered_case(store)
        lifecycle.finalise(store, case)
        before = open_bundle(store.current_version(case)["bundle"])
        decisions.add_item(store, case, dict(ITEM))
        decisions.set_mechanism(store, case, chosen)
        lifecycle.finalise(store, case)
        bundle = open_bundle(store.current_version(case)["bundle"])
    finally:
        store.close()
    assessment = cld_row(before, plan_mechanism(before), plan_status(before))
    assert assessment is not None
    assert (assessment["Event Type"], assessment["Delivery Mechanism"]) == ("Assessment", None)
    assert assessment["Assessment Type"] == "Long Term Assessment"
    service = cld_row(bundle, plan_mechanism(bundle), plan_status(bundle))
    assert service is not None and plan_status(bundle) == "agreed"
    assert (service["Event Type"], service["Delivery Mechanism"]) == ("Service", national)
    # Assessment-only fields stay off a service event; it is ongoing (no end date).
    assert service["Assessment Type"] is service["Event End Date"] is None
    assert service["Event Start Date"] == bundle["finalised_at"][:10]


def test_a_plan_waiting_for_its_decision_is_no_event_yet(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    try:
        case = answered_case(store)
        lifecycle.finalise(store, case)
        decisions.add_item(store, case, dict(ITEM, quantity="200"))  # far above the budget
        decisions.set_mechanism(store, case, "Direct Payment")
        lifecycle.finalise(store, case)
        bundle = open_bundle(store.current_version(case)["bundle"])
    finally:
        store.close()
    assert plan_status(bundle) == "waiting"
    assert cld_row(bundle, plan_mechanism(bundle), plan_status(bundle)) is None
