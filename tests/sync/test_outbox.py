"""The outbox's bookkeeping without a server: send states, attempts, next-try times,
quarantine reasons and receipts land in the store and its audit trail; backoff grows,
is capped and jittered; Retry-After is read in both its forms."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from pathlib import Path

from tests.storage.helpers import new_store
from tests.sync.helpers import amend, finalised_cases

from rasdesk.storage import outbox
from rasdesk.storage.outbox import Outcome
from rasdesk.sync.client import retry_after_seconds
from rasdesk.sync.state import backoff_seconds


def test_send_states_attempts_and_the_audit_trail(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    a, b, c = finalised_cases(store, 3)
    second = amend(store, a)
    assert outbox.counts(store)["finalised"] == 4
    assert outbox.queue_finalised(store) == 4
    pending = outbox.pending(store)
    assert [p.number for p in pending if p.case_uuid == a] == [1, 2]  # in order
    v = {p.case_uuid: p.version_uuid for p in pending if p.number == 1}

    outbox.start_sending(store, [v[a], v[b], v[c]])
    assert set(outbox.in_flight(store)) == {v[a], v[b], v[c]}
    outbox.settle(
        store,
        [
            Outcome(v[a], "sent", receipt="R-1", received_at="2026-05-01T10:00:00.000Z"),
            Outcome(v[b], "failed", reason="no answer", next_attempt_at="2026-05-01T10:01:00.000Z"),
            Outcome(v[c], "quarantined", reason="the server refused it as invalid"),
        ],
    )
    counts = outbox.counts(store)
    assert (counts["sent"], counts["failed"], counts["quarantined"], counts["queued"]) == (
        1,
        1,
        1,
        1,
    )
    assert outbox.next_attempt(store) == "2026-05-01T10:01:00.000Z"
    (q,) = outbox.quarantined(store)
    assert (q.version_uuid, q.last_error) == (v[c], "the server refused it as invalid")
    failed = next(p for p in outbox.pending(store) if p.version_uuid == v[b])
    assert failed.attempts == 1 and failed.last_error == "no answer"
    assert store.db.execute("SELECT receipt FROM receipts").fetchall() == [("R-1",)]
    assert store.case_row(b)["state"] == "failed"
    assert store.case_row(a)["state"] == "queued"  # its current version (2) waits
    events = store.db.execute(
        "SELECT version_uuid, event, new, reason FROM audit WHERE event IN ('sent', 'failed', 'quarantined')"
    ).fetchall()
    assert (v[a], "sent", "R-1", None) in events
    assert (v[b], "failed", None, "no answer") in events
    assert (v[c], "quarantined", None, "the server refused it as invalid") in events

    # A failed version is tried again and counted; a quarantined one waits for a person.
    outbox.start_sending(store, [v[b], second])
    outbox.settle(
        store,
        [
            Outcome(v[b], "failed", reason="500", next_attempt_at="2026-05-01T10:03:00.000Z"),
            Outcome(second, "unsent"),
        ],
    )
    failed = next(p for p in outbox.pending(store) if p.version_uuid == v[b])
    assert failed.attempts == 2 and failed.state == "failed"
    assert next(p for p in outbox.pending(store) if p.version_uuid == second).state == "queued"
    assert outbox.requeue_quarantined(store) == 1
    assert outbox.counts(store)["quarantined"] == 0
    store.close()


def test_backoff_grows_is_capped_and_jittered() -> None:
    rng = random.Random(1)
    for attempts, full in [(1, 30), (2, 60), (3, 120), (7, 1920), (8, 3600), (50, 3600)]:
        waits = [backoff_seconds(attempts, 30, 3600, rng) for _ in range(200)]
        assert all(full / 2 <= w <= full for w in waits)
        assert max(waits) - min(waits) > full / 4  # jitter spreads laptops apart


def test_retry_after_forms() -> None:
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=90)
    seconds = retry_after_seconds(email.utils.format_datetime(later, usegmt=True))
    assert seconds is not None and 80 < seconds <= 90
