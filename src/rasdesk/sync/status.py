"""Where sending stands, without asking the server: for ``rasdesk sync --status`` and the
app's status line. Reads the enrolment file, the last run's state and the outbox."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasdesk.storage import outbox
from rasdesk.storage.store import CaseStore, now
from rasdesk.sync import device as dev
from rasdesk.sync.report import VersionNote
from rasdesk.sync.state import load_state


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """A snapshot. Times are UTC ISO 8601 text (``2026-05-01T10:00:00.000Z``) or None.

    - ``enrolled``: this laptop has enrolled with a server (``rasdesk enrol``);
    - ``revoked``: the server has since refused it (``revoked_at``, ``revoked_reason``);
      nothing is sent until it is enrolled again;
    - ``server_url``, ``device_id``, ``device_name``: from the enrolment;
    - ``counts``: case versions per send state — ``finalised`` (not yet queued),
      ``queued``, ``sending``, ``sent``, ``failed``, ``quarantined`` (all present, 0 too);
    - ``waiting``: how many versions are not yet with the council (everything but sent);
    - ``last_run_at``, ``last_outcome`` (``ok``, ``failed``, ``offline``, ``revoked``,
      ``stopped``), ``last_message``: the last run, in words;
    - ``offline_since``: while the last runs could not reach the server, when the first of
      them began (None once a run gets through);
    - ``next_retry_at``: when the earliest failed version is due again, or the time the
      server asked us to wait until (429), whichever is later;
    - ``quarantined``: each quarantined version with its reason (needs a person).
    """

    enrolled: bool
    revoked: bool
    server_url: str | None
    device_id: str | None
    device_name: str | None
    revoked_at: str | None
    revoked_reason: str | None
    counts: dict[str, int]
    waiting: int
    last_run_at: str | None
    last_outcome: str | None
    last_message: str | None
    next_retry_at: str | None
    offline_since: str | None = None
    quarantined: list[VersionNote] = field(default_factory=list)


def sync_status(store: CaseStore) -> SyncStatus:
    device = dev.load()
    state = load_state()
    counts = outbox.counts(store)
    retry = outbox.next_attempt(store)
    if (
        state.not_before
        and state.not_before > now()
        and (retry is None or state.not_before > retry)
    ):
        retry = state.not_before
    return SyncStatus(
        enrolled=device is not None,
        revoked=bool(device and device.revoked_at),
        server_url=device.server_url if device else None,
        device_id=device.device_id if device else None,
        device_name=device.device_name if device else None,
        revoked_at=device.revoked_at if device else None,
        revoked_reason=device.revoked_reason if device else None,
        counts=counts,
        waiting=sum(n for state_name, n in counts.items() if state_name != "sent"),
        last_run_at=state.last_run_at,
        last_outcome=state.last_outcome,
        last_message=state.last_message,
        next_retry_at=retry,
        offline_since=state.offline_since if state.last_outcome == "offline" else None,
        quarantined=[
            VersionNote(p.case_uuid, p.version_uuid, p.number, p.council_ref, p.last_error)
            for p in outbox.quarantined(store)
        ],
    )
