"""The CLD row's Delivery Mechanism comes from the support plan, in the national words."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.cld.cld_row import cld_row
from rasdesk.domain.bundle import open_bundle
from rasdesk.server.export import plan_mechanism
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
    assert cld_row(before, plan_mechanism(before))["Delivery Mechanism"] is None
    assert cld_row(bundle, plan_mechanism(bundle))["Delivery Mechanism"] == national
