"""End to end, with a real rasdesk-server process on 127.0.0.1, on a SQLite file and on a
real PostgreSQL 15: enrol, finalise 200 cases, sync, and the council's export shows 200
rows; amend one, sync, and the export shows the new version superseding the old."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support_server import DEMO_KEY, DEMO_RULESET, publish_ruleset, running_server
from tests.sync.conftest import enrol_with, sqlite_database
from tests.sync.helpers import amend, assert_each_once, finalised_cases

from rasdesk.storage.store import CaseStore
from rasdesk.sync import SyncOptions, run_sync, sync_status

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        url: str = request.getfixturevalue("postgresql_cluster").create_database()
    else:
        url = sqlite_database(tmp_path)
    publish_ruleset(url, DEMO_RULESET, DEMO_KEY)
    return url


def test_200_cases_then_an_amendment(any_database: str, store: CaseStore) -> None:
    cases = finalised_cases(store, 200)
    with running_server(any_database) as server:
        device = enrol_with(server)
        report = run_sync(store, options=SyncOptions(timeout=30))
        assert report.outcome == "ok", report.message
        assert len(report.sent) == 200 and not report.failed and not report.quarantined
        assert report.exit_code == 0
        rows = assert_each_once(any_database, store)
        assert len(rows) == 200
        assert {r["case_uuid"] for r in rows} == set(cases)
        assert all(r["supersedes"] is None and r["device_id"] == device.device_id for r in rows)
        assert all(r["recompute_agrees"] is True for r in rows)
        assert {r["council_ref"] for r in rows} == {f"REF-{i:05d}" for i in range(200)}

        # Nothing new: a second run sends nothing and asks about nothing.
        again = run_sync(store)
        assert again.outcome == "ok" and not again.sent and not again.already_there

        first = next(r for r in rows if r["case_uuid"] == cases[7])
        new_version = amend(store, cases[7])
        report = run_sync(store)
        assert [n.version_uuid for n in report.sent] == [new_version]
        assert report.sent[0].number == 2
        rows = assert_each_once(any_database, store)
        assert len(rows) == 201
        newest = next(r for r in rows if r["version_uuid"] == new_version)
        assert newest["case_uuid"] == cases[7]
        assert newest["supersedes"] == first["version_uuid"]
        assert newest["amendment_reason"] == "Night help was more nights"
        assert sync_status(store).counts["sent"] == 201


def test_a_chain_of_amendments_goes_in_order(database: str, store: CaseStore) -> None:
    """Versions 1, 2 and 3 of one case, all finalised while offline, go in one run, in
    order (the server refuses a version whose predecessor it does not hold)."""
    (case,) = finalised_cases(store, 1)
    second = amend(store, case, 4)
    third = amend(store, case, 5)
    with running_server(database) as server:
        enrol_with(server)
        report = run_sync(store)
    assert report.outcome == "ok", report
    assert [n.number for n in report.sent] == [1, 2, 3]
    rows = {r["version_uuid"]: r for r in assert_each_once(database, store)}
    assert rows[third]["supersedes"] == second
