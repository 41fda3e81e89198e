"""Whatever the network does, nothing is lost and nothing duplicated: the server killed in
the middle of a sync, replies lost after the server committed, 500s and timeouts at
random. After the dust settles (the app syncs again), every version is on the server
exactly once, with the receipt the laptop recorded, and the laptop shows all sent."""

from __future__ import annotations

import random

import pytest
from tests.support_server import ServerProcess
from tests.sync.conftest import FAST, enrol_with
from tests.sync.helpers import amend, assert_each_once, finalised_cases, sync_until_settled
from tests.sync.proxy import FaultProxy, at_random

from rasdesk.storage.store import CaseStore
from rasdesk.sync import SyncOptions, run_sync, sync_status

# A hang here is a bug (a run that never ends): fail the test rather than the whole suite.
pytestmark = pytest.mark.timeout(300)


def test_server_killed_mid_sync_and_restarted(server: ServerProcess, store: CaseStore) -> None:
    cases = finalised_cases(store, 100)
    for case in cases[:10]:
        amend(store, case)  # version 2 waits for version 1 on the same run
    enrol_with(server)
    killed = []

    def kill_midway(phase: str, done: int, total: int) -> None:
        if phase == "sending" and done >= 40 and not killed:
            server.kill()  # SIGKILL, with uploads in flight
            killed.append(done)

    report = run_sync(store, progress=kill_midway, options=FAST)
    assert killed, "the server was never killed"
    assert report.outcome == "offline"
    assert "could not reach" in report.message
    assert 40 <= len(report.sent) < 110
    status = sync_status(store)
    assert status.counts["sent"] == len(report.sent)
    assert status.counts["sending"] == 0  # each in-flight version was settled or put back

    # Offline: a run changes nothing and says so.
    offline = run_sync(store, options=FAST)
    assert offline.outcome == "offline" and offline.exit_code == 1
    assert sync_status(store).counts["sent"] == len(report.sent)

    server.start()  # same database, same port
    sync_until_settled(store, FAST)
    rows = assert_each_once(server.database, store)
    assert len(rows) == 110


def test_replies_lost_after_the_server_committed(server: ServerProcess, store: CaseStore) -> None:
    """A third of the uploads' replies never arrive. The run's own reconciliation finds
    them on the server, so one run settles everything and nothing is sent twice."""
    cases = finalised_cases(store, 60)
    for case in cases[:5]:
        amend(store, case)
    rng = random.Random(8)
    decide = at_random(rng, {"swallow": 0.33}, methods=("PUT",))
    with FaultProxy(server.url, decide) as proxy:
        enrol_with(server, proxy.url)
        report = run_sync(store, options=FAST)
        assert proxy.faults["swallow"] > 5
        # Every lost reply was found through /receipts, not by sending the case again;
        # only a version 2 whose version 1 lost its reply waits for the next run.
        waiting = {n.version_uuid for n in report.waiting}
        assert not report.failed and not report.quarantined
        assert len(report.sent) + len(waiting) == 65
        assert len(proxy.puts()) == 65 - len(waiting)
        if waiting:
            report = run_sync(store, options=FAST)
            assert {n.version_uuid for n in report.sent} <= waiting
    assert_each_once(server.database, store)


def test_random_500s_and_timeouts(server: ServerProcess, store: CaseStore) -> None:
    """A quarter of all requests (uploads, /receipts, /rulesets) fail: 500 before or
    after the server committed, a hang past the client's timeout before or after, a lost
    reply. Repeated runs settle it."""
    cases = finalised_cases(store, 60)
    for case in cases[:6]:
        amend(store, case)
    rng = random.Random(20)
    weights = {"500": 0.07, "500-after": 0.06, "hang": 0.04, "hang-after": 0.04, "swallow": 0.04}
    with FaultProxy(server.url, at_random(rng, weights), hang_seconds=1.3) as proxy:
        enrol_with(server, proxy.url)
        reports = sync_until_settled(store, FAST)
        assert sum(proxy.faults.values()) > 10
        assert any(r.failed for r in reports)  # the faults were felt, and retried
        assert_each_once(server.database, store)
        proxy.decide = lambda method, path: None  # the network heals: nothing left to do
        final = run_sync(store, options=FAST)
        assert final.outcome == "ok" and not final.sent and not final.failed
    assert sync_status(store).last_outcome == "ok"


def test_one_bad_case_never_blocks_the_others(server: ServerProcess, store: CaseStore) -> None:
    """The uploads of one case always fail (500); every other case is sent, in this run
    and without waiting for it, and that case is tried again later."""
    cases = finalised_cases(store, 12)
    bad = cases[3]

    def decide(method: str, path: str) -> str | None:
        return "500" if method == "PUT" and bad in path else None

    options = SyncOptions(timeout=2.0, backoff_base=60, backoff_cap=600)
    with FaultProxy(server.url, decide) as proxy:
        enrol_with(server, proxy.url)
        report = run_sync(store, options=options)
        assert report.outcome == "failed" and report.exit_code == 1
        assert [n.case_uuid for n in report.failed] == [bad]
        assert "500" in (report.failed[0].reason or "")
        assert len(report.sent) == 11
        status = sync_status(store)
        assert status.counts["failed"] == 1 and status.next_retry_at is not None
        # Not due yet (backoff of at least 30 s): the next run leaves it alone.
        puts = len(proxy.puts())
        later = run_sync(store, options=options)
        assert len(proxy.puts()) == puts
        assert [n.case_uuid for n in later.waiting] == [bad]
        assert later.waiting[0].next_attempt_at == status.next_retry_at
        proxy.decide = lambda method, path: None  # the fault is fixed
        done = run_sync(store, options=SyncOptions(ignore_backoff=True))
        assert [n.case_uuid for n in done.sent] == [bad]
    assert_each_once(server.database, store)
