"""What the server (or something in the way) refuses: a revoked device stops and says so;
a captive portal's 200 page is not success; 409, 422 and 413 quarantine that one version
with the reason and the others carry on; 429's Retry-After is honoured."""

from __future__ import annotations

from pathlib import Path

import httpx
from tests.storage.helpers import answered_case
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    export_rows,
    publish_ruleset,
    revoke,
    running_server,
)
from tests.sync.conftest import FAST, enrol_with, sqlite_database
from tests.sync.helpers import assert_each_once, finalised_cases, local_versions
from tests.sync.proxy import FaultProxy

from rasdesk.domain.bundle import MEDIA_TYPE, open_bundle, seal
from rasdesk.platform import secrets
from rasdesk.storage import lifecycle, outbox
from rasdesk.storage.store import CaseStore
from rasdesk.sync import SyncOptions, run_sync, sync_status
from rasdesk.sync.device import TOKEN_SECRET


def test_a_revoked_device_stops_and_says_so(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 3)
    with FaultProxy(server.url) as proxy:
        device = enrol_with(server, proxy.url)
        assert run_sync(store).outcome == "ok"
        revoke(server.database, device.device_id)
        finalised_cases(store, 2, start=3)

        report = run_sync(store, options=FAST)
        assert report.outcome == "revoked" and report.exit_code == 3
        assert "revoked" in report.message and "enrolled again" in report.message
        assert not report.sent and not report.failed
        status = sync_status(store)
        assert status.revoked and status.revoked_at
        assert "revoked" in (status.revoked_reason or "")
        assert status.counts["queued"] == 2 and status.counts["failed"] == 0
        assert status.last_outcome == "revoked"

        # It stays stopped: the next run does not even ask the server.
        asked = len(proxy.requests)
        again = run_sync(store, options=FAST)
        assert again.outcome == "revoked" and len(proxy.requests) == asked
        assert len(export_rows(server.database)) == 3

        # Enrolled again with a new code, it sends what waited.
        enrol_with(server, proxy.url)
        assert not sync_status(store).revoked
        report = run_sync(store, options=FAST)
        assert report.outcome == "ok" and len(report.sent) == 2
    assert_each_once(server.database, store)


def test_an_unknown_token_is_a_refusal_too(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 1)
    enrol_with(server)
    secrets.set_secret(TOKEN_SECRET, "not-the-token")
    report = run_sync(store, options=FAST)
    assert report.outcome == "revoked" and report.exit_code == 3
    assert "unauthorised" in report.message
    assert sync_status(store).counts["queued"] == 1


def test_a_captive_portal_page_is_not_success(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 4)
    with FaultProxy(
        server.url, lambda method, path: "html200" if method == "PUT" else None
    ) as proxy:
        enrol_with(server, proxy.url)
        report = run_sync(store, options=FAST)
        assert not report.sent and len(report.failed) == 4
        assert report.outcome == "failed" and report.exit_code == 1
        assert all("not the rasdesk server's JSON" in (n.reason or "") for n in report.failed)
        assert sync_status(store).counts["failed"] == 4
        assert set(local_versions(store).values()) == {"failed"}

        # A portal in front of everything: /rulesets and /receipts are not believed either.
        proxy.decide = lambda method, path: None if path.endswith("/enrol") else "html200"
        report = run_sync(store, options=FAST)
        assert not report.sent and not report.already_there
        assert any("rulesets" in p for p in report.problems)
        assert any("which cases the server holds" in p for p in report.problems)
        assert sync_status(store).counts["sent"] == 0

        proxy.decide = lambda method, path: None
        assert len(run_sync(store, options=FAST).sent) == 4
    assert export_rows(server.database) and assert_each_once(server.database, store)


def test_a_ruleset_unknown_to_the_server_is_quarantined(tmp_path: Path, store: CaseStore) -> None:
    """422: the server does not know the ruleset. Quarantined with the server's reasons,
    not tried again by itself; once published and put back in the queue, it is sent."""
    database = sqlite_database(tmp_path)
    finalised_cases(store, 2)
    with running_server(database) as server, FaultProxy(server.url) as proxy:
        enrol_with(server, proxy.url)
        report = run_sync(store, options=FAST)
        assert len(report.quarantined) == 2 and not report.sent and not report.failed
        reason = report.quarantined[0].reason or ""
        assert "422" in reason and "publish" in reason
        assert report.exit_code == 0  # nothing failed: it needs a person, and says so
        status = sync_status(store)
        assert status.counts["quarantined"] == 2
        assert [q.reason for q in status.quarantined] == [reason, report.quarantined[1].reason]

        puts = len(proxy.puts())
        again = run_sync(store, options=FAST)
        assert not again.sent and len(proxy.puts()) == puts

        publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
        assert outbox.requeue_quarantined(store) == 2
        assert len(run_sync(store, options=FAST).sent) == 2
        assert_each_once(database, store)


def test_a_conflict_quarantines_only_that_version(server: ServerProcess, store: CaseStore) -> None:
    """409: the server holds other bytes under this version's id. That version is
    quarantined with the server's words; the others are sent."""
    cases = finalised_cases(store, 5)
    device = enrol_with(server)
    version = store.current_version(cases[2])
    other = open_bundle(version["bundle"])
    other["amendment_reason"] = "someone else's bytes"
    data, _ = seal(other)
    token = secrets.get_secret(TOKEN_SECRET)
    answer = httpx.put(
        f"{server.api}/cases/{cases[2]}/versions/{version['version_uuid']}",
        content=data,
        headers={"Authorization": f"Bearer {token}", "Content-Type": MEDIA_TYPE},
    )
    assert answer.status_code == 201, answer.text

    report = run_sync(store, options=FAST)
    assert [n.case_uuid for n in report.quarantined] == [cases[2]]
    assert "409" in (report.quarantined[0].reason or "")
    assert "different content" in (report.quarantined[0].reason or "")
    assert len(report.sent) == 4 and report.outcome == "ok"
    assert device.device_id


def test_a_bundle_too_large_is_quarantined(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 2)
    big = answered_case(store, "Person with long notes")
    store.set_note(big, "general", "A long story. " * 420_000)  # over the server's 5 MiB
    lifecycle.finalise(store, big)
    enrol_with(server)
    report = run_sync(store, options=FAST)
    assert [n.case_uuid for n in report.quarantined] == [big]
    assert "413" in (report.quarantined[0].reason or "")
    assert "too large" in (report.quarantined[0].reason or "")
    assert len(report.sent) == 2


def test_429_retry_after_is_honoured(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 4)
    busy = iter(["429", "429"])

    def decide(method: str, path: str) -> str | None:
        return next(busy, None) if method == "PUT" else None

    with FaultProxy(server.url, decide, retry_after="1") as proxy:
        enrol_with(server, proxy.url)
        report = run_sync(store, options=SyncOptions(timeout=5, workers=1))
        # A short Retry-After is waited out within the run: nothing failed.
        assert proxy.faults["429"] == 2
        assert len(report.sent) == 4 and not report.failed

        # A long one ends the run's sending; the next run waits, and says until when.
        finalised_cases(store, 3, start=4)
        proxy.retry_after = "3600"
        proxy.decide = lambda method, path: "429" if method == "PUT" else None
        report = run_sync(store, options=SyncOptions(timeout=5, workers=1))
        assert 1 <= len(report.failed) <= 2 and not report.sent  # at most those in flight
        assert any("wait until" in p for p in report.problems)
        status = sync_status(store)
        assert status.next_retry_at and status.next_retry_at > status.last_run_at  # type: ignore[operator]
        puts = len(proxy.puts())
        later = run_sync(store, options=FAST)
        assert len(proxy.puts()) == puts and "wait until" in later.message
        assert len(later.waiting) == 3
