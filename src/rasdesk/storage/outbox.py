"""The outbox as the sync client works it: which finalised versions wait to be sent, in
which order, and a sync run's state changes, batched.

Every finalised version has an outbox row until the council's receipt for it is recorded.
The send states move only as ``lifecycle.TRANSITIONS`` allows: ``finalised → queued →
sending → sent``, with ``failed`` (tried again after ``next_attempt_at``) and
``quarantined`` (needs a person; the reason is kept in ``versions.state_reason``).

A run changes many versions; ``settle`` writes a batch of outcomes in one transaction, so
a run is a few fsyncs rather than three per case. Nothing here is lost if a run dies
between an upload and ``settle``: the version is left ``sending``, and the next run asks
the server (``/receipts``) whether it has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasdesk.storage.migrations import FROZEN_STATES
from rasdesk.storage.store import CaseStore, now

SEND_STATES = FROZEN_STATES


@dataclass(frozen=True, slots=True)
class Pending:
    """One version in the outbox (not yet acknowledged by the council)."""

    version_uuid: str
    case_uuid: str
    number: int
    supersedes: str | None
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    council_ref: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one version in a run.

    ``kind``: ``sent`` (a receipt; from an upload or from ``/receipts``), ``failed`` (try
    again at ``next_attempt_at``), ``quarantined`` (``reason`` says why) or ``unsent``
    (marked sending but never tried, or the server lacks it: back to queued)."""

    version_uuid: str
    kind: str
    reason: str | None = None
    receipt: str | None = None
    received_at: str | None = None
    next_attempt_at: str | None = None


_PENDING_SQL = (
    "SELECT v.version_uuid, v.case_uuid, v.number, v.supersedes, v.state, o.attempts,"
    " o.next_attempt_at, o.last_error, c.council_ref"
    " FROM outbox o JOIN versions v USING (version_uuid) JOIN cases c ON c.case_uuid = v.case_uuid"
)


def pending(store: CaseStore) -> list[Pending]:
    """Every version waiting for a receipt, each case's versions in order."""
    rows = store.db.execute(_PENDING_SQL + " ORDER BY v.case_uuid, v.number").fetchall()
    return [Pending(*row) for row in rows]


def quarantined(store: CaseStore) -> list[Pending]:
    rows = store.db.execute(
        _PENDING_SQL + " WHERE v.state = 'quarantined' ORDER BY v.case_uuid, v.number"
    ).fetchall()
    return [Pending(*row) for row in rows]


def in_flight(store: CaseStore) -> list[str]:
    """Versions the server may hold without our knowing: being sent, or tried before."""
    rows = store.db.execute(
        "SELECT o.version_uuid FROM outbox o JOIN versions v USING (version_uuid)"
        " WHERE v.state = 'sending' OR (v.state IN ('queued', 'failed') AND o.attempts > 0)"
    ).fetchall()
    return [r[0] for r in rows]


def counts(store: CaseStore) -> dict[str, int]:
    """How many case versions are in each send state (every state listed, 0 included)."""
    out = dict.fromkeys(SEND_STATES, 0)
    for state, n in store.db.execute(
        "SELECT state, count(*) FROM versions WHERE state != 'draft' GROUP BY state"
    ):
        out[state] = n
    return out


def next_attempt(store: CaseStore) -> str | None:
    """The earliest time a failed version is due to be tried again."""
    row = store.db.execute(
        "SELECT min(o.next_attempt_at) FROM outbox o JOIN versions v USING (version_uuid)"
        " WHERE v.state = 'failed'"
    ).fetchone()
    return row[0] if row and row[0] else None


def bundles(store: CaseStore, version_uuids: Sequence[str]) -> dict[str, bytes]:
    """The frozen bundle bytes of these versions, byte for byte as finalised."""
    out: dict[str, bytes] = {}
    for start in range(0, len(version_uuids), 500):
        chunk = list(version_uuids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for vid, data in store.db.execute(
            f"SELECT version_uuid, bundle FROM versions WHERE version_uuid IN ({marks})", chunk
        ):
            out[vid] = bytes(data)
    return out


def _move(
    store: CaseStore, vid: str, case_uuid: str, old: str, new: str, reason: str | None, at: str
) -> None:
    # Here, not at the top: the app's status line counts the outbox at start-up, and
    # lifecycle brings the budget engines with it.
    from rasdesk.storage.lifecycle import TRANSITIONS

    if new not in TRANSITIONS.get(old, frozenset()):
        return  # another writer moved it already; the run's view was stale, so leave it
    store.db.execute(
        "UPDATE versions SET state = ?, state_reason = ? WHERE version_uuid = ?", (new, reason, vid)
    )
    store.db.execute(
        "UPDATE cases SET state = ?, updated_at = ? WHERE current_version = ?", (new, at, vid)
    )
    if new != "sending":  # sending is momentary; the audit trail records where it ended
        store.audit(case_uuid, vid, new, old=old, reason=reason, at=at)


def _states(store: CaseStore, vids: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
    """version_uuid → (case_uuid, state, bundle_sha256)."""
    ids = list(vids)
    out: dict[str, tuple[str, str, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for vid, case_uuid, state, digest in store.db.execute(
            f"SELECT version_uuid, case_uuid, state, bundle_sha256 FROM versions WHERE version_uuid IN ({marks})",
            chunk,
        ):
            out[vid] = (case_uuid, state, digest)
    return out


def queue_finalised(store: CaseStore) -> int:
    """Put every finalised version in the outbox queue. Returns how many."""
    rows = store.db.execute(
        "SELECT v.version_uuid, v.case_uuid FROM outbox o JOIN versions v USING (version_uuid)"
        " WHERE v.state = 'finalised'"
    ).fetchall()
    if rows:
        at = now()
        with store.transaction():
            for vid, case_uuid in rows:
                _move(store, vid, case_uuid, "finalised", "queued", None, at)
    return len(rows)


def start_sending(store: CaseStore, version_uuids: Sequence[str]) -> None:
    """Mark these versions as being sent (from queued or failed)."""
    if not version_uuids:
        return
    at = now()
    with store.transaction():
        for vid, (case_uuid, state, _) in _states(store, version_uuids).items():
            _move(store, vid, case_uuid, state, "sending", None, at)


def settle(store: CaseStore, outcomes: Sequence[Outcome]) -> None:
    """Record a batch of outcomes in one transaction."""
    if not outcomes:
        return
    at = now()
    known = _states(store, (o.version_uuid for o in outcomes))
    with store.transaction() as db:
        for o in outcomes:
            if o.version_uuid not in known:
                continue  # purged meanwhile: nothing left to record
            case_uuid, state, digest = known[o.version_uuid]
            if o.kind == "sent":
                if state == "sent" or digest is None:
                    continue
                assert o.receipt is not None and o.received_at is not None
                db.execute(
                    "INSERT OR IGNORE INTO receipts (version_uuid, case_uuid, bundle_sha256, receipt,"
                    " received_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (o.version_uuid, case_uuid, digest, o.receipt, o.received_at, at),
                )
                db.execute(
                    "UPDATE versions SET state = 'sent', state_reason = NULL WHERE version_uuid = ?",
                    (o.version_uuid,),
                )
                db.execute(
                    "UPDATE cases SET state = 'sent', updated_at = ? WHERE current_version = ?",
                    (at, o.version_uuid),
                )
                db.execute("DELETE FROM outbox WHERE version_uuid = ?", (o.version_uuid,))
                store.audit(case_uuid, o.version_uuid, "sent", old=state, new=o.receipt, at=at)
            elif o.kind == "failed":
                db.execute(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                    " WHERE version_uuid = ?",
                    (o.next_attempt_at, o.reason, o.version_uuid),
                )
                _move(store, o.version_uuid, case_uuid, state, "failed", o.reason, at)
            elif o.kind == "quarantined":
                db.execute(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = NULL, last_error = ?"
                    " WHERE version_uuid = ?",
                    (o.reason, o.version_uuid),
                )
                _move(store, o.version_uuid, case_uuid, state, "quarantined", o.reason, at)
            elif o.kind == "unsent":
                if state == "sending":
                    _move(store, o.version_uuid, case_uuid, state, "queued", o.reason, at)
            else:
                raise ValueError(f"unknown outcome {o.kind!r}")


def requeue_quarantined(store: CaseStore, version_uuids: Sequence[str] | None = None) -> int:
    """Put quarantined versions (all, or these) back in the queue after a person looked."""
    rows = [
        p for p in quarantined(store) if version_uuids is None or p.version_uuid in version_uuids
    ]
    if rows:
        at = now()
        with store.transaction() as db:
            for p in rows:
                db.execute(
                    "UPDATE outbox SET next_attempt_at = NULL WHERE version_uuid = ?",
                    (p.version_uuid,),
                )
                _move(
                    store, p.version_uuid, p.case_uuid, "quarantined", "queued", "tried again", at
                )
    return len(rows)
