"""Shared steps of the sync tests: finalised cases in the store, syncing until the dust
settles, and the check that the server holds each version exactly once."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.storage.helpers import answered_case
from tests.support_server import export_rows

from rasdesk.storage import lifecycle
from rasdesk.storage.store import CaseStore
from rasdesk.sync import SyncOptions, SyncReport, run_sync, sync_status


def finalised_cases(store: CaseStore, count: int, start: int = 0) -> list[str]:
    cases = []
    for i in range(start, start + count):
        case_uuid = answered_case(store, f"Person {i}", council_ref=f"REF-{i:05d}")
        lifecycle.finalise(store, case_uuid)
        cases.append(case_uuid)
    return cases


def amend(store: CaseStore, case_uuid: str, nights: int = 4) -> str:
    """A finalised amendment (a new version) of a case. Returns its version_uuid."""
    new = lifecycle.amend(store, case_uuid, "Night help was more nights", {"night_help": nights})
    lifecycle.finalise(store, case_uuid)
    return new


def local_versions(store: CaseStore) -> dict[str, str]:
    """version_uuid → send state, of every finalised version."""
    rows = store.db.execute("SELECT version_uuid, state FROM versions WHERE bundle IS NOT NULL")
    return dict(rows.fetchall())


def local_receipts(store: CaseStore) -> dict[str, str]:
    return dict(store.db.execute("SELECT version_uuid, receipt FROM receipts").fetchall())


def sync_until_settled(
    store: CaseStore, options: SyncOptions, max_runs: int = 40
) -> list[SyncReport]:
    """Run again and again, as the app would, until nothing is waiting to be sent."""
    reports = []
    for _ in range(max_runs):
        reports.append(run_sync(store, options=options))
        if sync_status(store).waiting == 0:
            return reports
    raise AssertionError(f"still not settled after {max_runs} runs: {sync_status(store)}")


def assert_each_once(database: str, store: CaseStore) -> list[dict[str, Any]]:
    """The server holds every finalised version exactly once, with the receipt the
    laptop recorded, and the laptop shows every one of them sent."""
    rows = export_rows(database)
    versions = local_versions(store)
    on_server = Counter(r["version_uuid"] for r in rows)
    assert len(rows) == len(versions), (len(rows), len(versions))
    assert set(on_server) == set(versions)
    assert max(on_server.values()) == 1
    assert set(versions.values()) == {"sent"}
    receipts = local_receipts(store)
    assert {r["version_uuid"]: r["receipt"] for r in rows} == receipts
    status = sync_status(store)
    assert status.counts["sent"] == len(versions) and status.waiting == 0
    return rows
