"""The sync client: enrolment, the outbox upload, receipts and the council's rulesets
(protocol: sync-v1). Qt-free; the desktop app calls it from a worker thread.

The API the app uses::

    run_sync(store, *, progress=None, should_stop=None, options=None) -> SyncReport
    sync_status(store) -> SyncStatus
    server_reachable(timeout=2.0) -> bool
    enrol(server_url, code, device_name=None) -> Device

``run_sync`` does one run: fetch the council's published rulesets (verify against the
trust store, keep, make the one in force current; refuse and report an untrusted one),
ask ``/receipts`` about anything in flight from before, upload every due finalised version
(its frozen bundle bytes), then ask ``/receipts`` again and record what the server holds.
It blocks until done and returns a ``SyncReport`` (``report.py``: ``outcome`` is ``ok``,
``failed``, ``offline``, ``revoked`` or ``stopped``; lists of versions ``sent``,
``already_there``, ``failed``, ``quarantined``, ``waiting``; rulesets installed and
refused; ``problems``; a one-line ``message``). It raises only when a run cannot start:
``SyncError`` (not enrolled, a run already going), ``InputError`` (a bad ``ca_bundle`` or
server address), ``SecretStoreUnavailable`` (no password store for the token).

- ``progress(phase, done, total)`` is called on the caller's thread; phases are
  ``rulesets``, ``checking`` (asking about earlier uploads), ``sending`` and
  ``confirming`` (asking about this run's).
- ``should_stop()`` is polled between uploads; when it says True, uploads in progress
  finish and the run ends with outcome ``stopped`` (nothing is lost; the next run
  carries on).
- ``options`` (``SyncOptions``) shortens waits and timeouts; the app need not pass it.
  A person's explicit "Send now" may pass ``SyncOptions(ignore_backoff=True)``.
- Give ``run_sync`` a ``CaseStore`` of its own, opened on the worker thread
  (``storage.profile.open_user_store()``), not the one the UI thread writes with: a
  store's connection runs one transaction at a time. SQLite's WAL lets both work.

``sync_status`` reads only local state (no network) and is cheap enough for a status
line; see ``SyncStatus`` for each field. ``server_reachable`` asks ``/health`` of the
enrolled server (or the ``server_url`` setting) and never raises.
"""

from typing import TYPE_CHECKING, Any

from rasdesk.sync.device import Device
from rasdesk.sync.report import RulesetNote, SyncOptions, SyncReport, VersionNote
from rasdesk.sync.status import SyncStatus, sync_status

if TYPE_CHECKING:
    from rasdesk.sync.run import enrol, run_sync, server_reachable


def __getattr__(name: str) -> Any:
    # The HTTP client (httpx, which loads rich and click) only when the network is used:
    # the app's status line and start-up need ``sync_status`` alone.
    if name in ("enrol", "run_sync", "server_reachable"):
        from rasdesk.sync import run

        return getattr(run, name)
    raise AttributeError(f"module 'rasdesk.sync' has no attribute {name!r}")


__all__ = [
    "Device",
    "RulesetNote",
    "SyncOptions",
    "SyncReport",
    "SyncStatus",
    "VersionNote",
    "enrol",
    "run_sync",
    "server_reachable",
    "sync_status",
]
