"""A decision recorded at the council reaches the laptop on its next sync, exactly once,
through the fault-injecting proxy: the reply carrying it lost after the server answered,
a 500 after the server answered, a hang. Plans and decisions made on the laptop go up as
ordinary versions (``rasdesk-case/2``)."""

from __future__ import annotations

import threading

import pytest
from tests.storage.helpers import answered_case
from tests.support_server import ServerProcess, export_rows, server_cli
from tests.sync.conftest import FAST, enrol_with
from tests.sync.helpers import assert_each_once
from tests.sync.proxy import FaultProxy

from rasdesk.domain.bundle import open_bundle
from rasdesk.storage import decisions, lifecycle
from rasdesk.storage.store import CaseStore
from rasdesk.sync import run_sync

pytestmark = pytest.mark.timeout(300)
UPDATES = "/api/v1/cases/updates"


def planned_case(store: CaseStore, name: str, hours: str) -> str:
    case = answered_case(store, name, council_ref=f"REF-{name[-1]}")
    lifecycle.finalise(store, case)
    decisions.add_item(
        store,
        case,
        {
            "kind": "Personal care",
            "provider": "Agency",
            "quantity": hours,
            "unit": "hours",
            "rate": "24.50",
        },
    )
    decisions.set_mechanism(store, case, "CASSR Commissioned Support")
    lifecycle.finalise(store, case)
    return case


def faults_on_updates(plan: list[str | None]) -> tuple[object, list[str]]:
    """The first updates requests get the faults in ``plan`` in turn; the rest pass."""
    lock, seen = threading.Lock(), []

    def decide(method: str, path: str) -> str | None:
        if path != UPDATES:
            return None
        with lock:
            seen.append(path)
            return plan[len(seen) - 1] if len(seen) <= len(plan) else None

    return decide, seen


def test_a_council_decision_reaches_the_laptop_exactly_once(
    server: ServerProcess, store: CaseStore
) -> None:
    waiting = planned_case(store, "Person A", "14")  # 343.00 a week: above £301.20
    other = planned_case(store, "Person B", "15")
    assert store.case_row(waiting)["decision_status"] == "waiting"
    decide, seen = faults_on_updates([None, "swallow", "500-after", "hang-after"])
    with FaultProxy(server.url, decide) as proxy:
        enrol_with(server, proxy.url)
        first = run_sync(store, options=FAST)  # uploads v1 and v2 of both; no decisions yet
        assert len(first.sent) == 4 and first.received == []
        rows = {r["version_uuid"]: r for r in export_rows(server.database)}
        plan_version = store.current_version(waiting)["version_uuid"]
        assert open_bundle(store.current_version(waiting)["bundle"])["format"] == "rasdesk-case/2"
        assert plan_version in rows

        # The panel meets at the council: bad input is refused with the field named.
        bad = server_cli(
            "decide",
            "--database",
            server.database,
            waiting,
            "--final",
            "330",
            "--by",
            "Resource allocation panel",
            check=False,
        )
        assert bad.returncode == 2 and "reason: the final budget (£330.00) differs" in bad.stderr
        done = server_cli(
            "decide",
            "--database",
            server.database,
            waiting,
            "--final",
            "330.00",
            "--by",
            "Resource allocation panel",
            "--reason",
            "Two carers for transfers.",
            "--category",
            "needs_not_captured",
            "--date",
            "2026-12-01",
        )
        council_version = done.stdout.strip()
        assert "the laptop receives it on its next sync" in done.stderr

        # The reply carrying it is lost (the server answered), then a 500, then a hang:
        # each run reports a problem and takes nothing; the next one takes it, once.
        for _ in range(3):
            report = run_sync(store, options=FAST)
            assert report.received == [] and report.problems and report.exit_code == 1
            assert store.current_version(waiting)["number"] == 2
        report = run_sync(store, options=FAST)
        assert [n.version_uuid for n in report.received] == [council_version]
        assert report.exit_code == 0
        again = run_sync(store, options=FAST)
        assert again.received == [] and again.exit_code == 0
        assert len(seen) >= 5
        # It was never sent back up: the laptop knows the council holds it.
        assert not any(council_version in p for p in proxy.puts())

    v3 = store.current_version(waiting)
    assert (v3["number"], v3["state"], v3["version_uuid"]) == (3, "sent", council_version)
    assert store.case_row(waiting)["decision_status"] == "decided"
    decided = open_bundle(v3["bundle"])["decision"]["decision"]
    assert (decided["final"], decided["source"], decided["by_role"]) == (
        "330.00",
        "council",
        "panel",
    )
    held = {r["version_uuid"]: r for r in export_rows(server.database)}
    assert (
        store.db.execute(
            "SELECT receipt FROM receipts WHERE version_uuid = ?", (council_version,)
        ).fetchone()[0]
        == held[council_version]["receipt"]
    )
    assert store.current_version(other)["number"] == 2  # the other case is untouched
    assert (
        store.db.execute(
            "SELECT count(*) FROM versions WHERE case_uuid = ?", (waiting,)
        ).fetchone()[0]
        == 3
    )
    # The assessor carries on from the council's version: a new plan supersedes it.
    decisions.add_item(
        store,
        waiting,
        {"kind": "Day service", "provider": "Centre", "quantity": "1", "unit": "day", "rate": "40"},
    )
    lifecycle.finalise(store, waiting)
    enrol_with(server)
    assert run_sync(store, options=FAST).exit_code == 0
    assert_each_once(server.database, store)


def test_the_server_refuses_a_decision_without_a_plan(
    server: ServerProcess, store: CaseStore
) -> None:
    case = answered_case(store, "Person C")
    lifecycle.finalise(store, case)
    enrol_with(server)
    assert run_sync(store, options=FAST).exit_code == 0
    done = server_cli(
        "decide",
        "--database",
        server.database,
        case,
        "--final",
        "301.20",
        "--by",
        "Jo",
        check=False,
    )
    assert done.returncode == 2 and "has no support plan" in done.stderr
    done = server_cli(
        "decide", "--database", server.database, "0" * 8, "--final", "1", "--by", "Jo", check=False
    )
    assert done.returncode == 2 and "holds no case" in done.stderr
