"""``rasdesk enrol`` and ``rasdesk sync`` as a person uses them (what they print, exit
codes), and what the app relies on in a run: progress, stopping, one run at a time."""

from __future__ import annotations

import json

import pytest
from tests.cli.helpers import run
from tests.support_server import ServerProcess, enrol_code, revoke
from tests.sync.conftest import FAST, enrol_with
from tests.sync.helpers import assert_each_once, finalised_cases

from rasdesk.domain.errors import SyncError
from rasdesk.storage.profile import open_user_store
from rasdesk.storage.store import CaseStore
from rasdesk.sync import SyncOptions, run_sync, sync_status


def test_enrol_and_sync_commands(
    server: ServerProcess, store: CaseStore, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = finalised_cases(store, 3)
    code = enrol_code(server.database, "Sam Patel")
    status, out, _ = run(
        capsys, "enrol", "--server", server.url, "--code", code, "--device-name", "Sam's laptop"
    )
    assert status == 0 and "Enrolled with" in out and "Sam's laptop" in out
    assert code not in out

    status, out, _ = run(capsys, "sync")
    assert status == 0, out
    assert "Sent (3):" in out and "OK: 3 sent." in out
    for case in cases:
        assert f"case {case[:8]} version 1" in out
    assert "Ruleset installed: demo-council-ras 2026.1" in out

    status, out, _ = run(capsys, "sync", "--status")
    assert status == 0
    assert "3 sent" in out and "Last sync:" in out

    status, out, _ = run(capsys, "sync", "--status", "--json")
    doc = json.loads(out)
    assert doc["enrolled"] and doc["counts"]["sent"] == 3 and doc["last_outcome"] == "ok"
    assert_each_once(server.database, store)


def test_sync_exit_codes(
    server: ServerProcess, store: CaseStore, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "sync")
    assert status == 1 and "not enrolled" in err

    device = enrol_with(server)
    finalised_cases(store, 1)
    server.stop()
    status, out, _ = run(capsys, "sync", "--timeout", "2")
    assert status == 1 and "OFFLINE: could not reach" in out

    server.start()
    revoke(server.database, device.device_id)
    status, out, _ = run(capsys, "sync")
    assert status == 3 and "REVOKED" in out and "enrolled again" in out


def test_progress_and_stopping(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 30)
    enrol_with(server)
    seen: list[tuple[str, int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        seen.append((phase, done, total))

    report = run_sync(
        store,
        progress=progress,
        should_stop=lambda: sum(1 for p in seen if p[0] == "sending") > 3,
        options=SyncOptions(workers=1),
    )
    assert report.outcome == "stopped"
    assert 0 < len(report.sent) < 30
    assert ("rulesets", 1, 1) in seen and ("sending", 0, 30) in seen
    status = sync_status(store)
    assert status.counts["sending"] == 0  # nothing left half-way
    assert status.counts["queued"] == 30 - len(report.sent)

    report = run_sync(store, progress=progress)
    assert report.outcome == "ok" and len(report.sent) == 30 - status.counts["sent"]
    assert_each_once(server.database, store)


def test_one_run_at_a_time(server: ServerProcess, store: CaseStore) -> None:
    finalised_cases(store, 3)
    enrol_with(server)
    refused: list[str] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "sending" and not refused:
            other = open_user_store()  # the app's background run and the CLI at once
            try:
                with pytest.raises(SyncError, match="already running") as caught:
                    run_sync(other, options=FAST)
                refused.append(str(caught.value))
            finally:
                other.close()

    assert run_sync(store, progress=progress).outcome == "ok"
    assert refused
