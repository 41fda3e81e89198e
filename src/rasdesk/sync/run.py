"""One sync run, enrolment, and the reachability probe (see the package docstring).

A run: (1) fetch and verify the council's published rulesets; (2) queue every newly
finalised version; (3) ask ``/receipts`` about everything that was in flight or tried
before (a reply lost after the server committed is found here, not sent again); (4)
upload what is due; (5) ask ``/receipts`` again about everything still in flight or
failed, and record what the server holds. What it still lacks is sent by a later run.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

from rasdesk.domain.errors import InputError, SyncError
from rasdesk.platform import settings
from rasdesk.storage import outbox
from rasdesk.storage.outbox import Outcome, Pending
from rasdesk.storage.store import CaseStore, now
from rasdesk.sync import device as dev
from rasdesk.sync import rulesets
from rasdesk.sync.client import BadAnswer, Client, Revoked, Unreachable
from rasdesk.sync.decisions import fetch_decisions
from rasdesk.sync.report import (
    FAILED,
    OFFLINE,
    OK,
    REVOKED,
    STOPPED,
    SyncOptions,
    SyncReport,
)
from rasdesk.sync.state import RunState, load_state, run_lock, save_state
from rasdesk.sync.upload import Uploader, note

log = logging.getLogger("rasdesk.sync")
RECEIPTS_PER_REQUEST = 1000  # the server's limit


def _quiet(phase: str, done: int, total: int) -> None:
    pass


def _reconcile(
    store: CaseStore,
    client: Client,
    report: SyncReport,
    progress: Callable[[str, int, int], None],
    phase: str,
) -> set[str]:
    """Ask the server about every version in flight or tried before; record what it holds,
    and put back in the queue what was marked sending but it lacks."""
    vids = outbox.in_flight(store)
    if not vids:
        return set()
    info: dict[str, Pending] = {p.version_uuid: p for p in outbox.pending(store)}
    held: dict[str, tuple[str, str]] = {}
    for start in range(0, len(vids), RECEIPTS_PER_REQUEST):
        progress(phase, start, len(vids))
        try:
            held.update(client.receipts(vids[start : start + RECEIPTS_PER_REQUEST]))
        except BadAnswer as exc:
            report.problems.append(f"could not check which cases the server holds: {exc}")
            return set()
    progress(phase, len(vids), len(vids))
    outcomes = [
        Outcome(v, "sent", receipt=held[v][0], received_at=held[v][1])
        if v in held
        else Outcome(v, "unsent", reason="the server does not have it yet")
        for v in vids
    ]
    outbox.settle(store, outcomes)
    failed_now = {n.version_uuid: n for n in report.failed}
    for v in held:
        p = info.get(v)
        if p is None:
            continue
        if v in failed_now:  # sent this run; only the reply was lost
            report.failed.remove(failed_now[v])
            report.sent.append(note(p, receipt=held[v][0]))
        else:
            report.already_there.append(note(p, receipt=held[v][0]))
    return set(held)


def _send(
    store: CaseStore,
    client: Client,
    report: SyncReport,
    opts: SyncOptions,
    tell: Callable[[str, int, int], None],
    stop: Callable[[], bool],
) -> str | None:
    """Upload, then confirm through /receipts. A version held back because an earlier
    version of its case lost its reply goes in a second pass once the server is found to
    hold that one. Returns the server's "not before" (a long Retry-After), if any."""
    only: set[str] | None = None
    for _ in range(3):
        uploader = Uploader(store, client, report, opts, tell, stop, only)
        uploader.run()
        if uploader.revoked:
            raise Revoked(uploader.revoked)
        if uploader.offline:
            raise Unreachable(uploader.offline)
        if uploader.stopped == "stopped on request":
            report.outcome = STOPPED
            break
        if uploader.stopped:
            report.problems.append(f"sending stopped early: {uploader.stopped}")
        held = _reconcile(store, client, report, tell, "confirming")
        only = {v for v, head in uploader.blocked.items() if head in held}
        if not only or uploader.stopped:
            break
    sent = {n.version_uuid for n in report.sent}
    report.waiting = list(
        {n.version_uuid: n for n in report.waiting if n.version_uuid not in sent}.values()
    )
    return uploader.not_before


def _summary(report: SyncReport) -> str:
    parts = [f"{len(report.sent)} sent"]
    if report.received:
        parts.append(f"{len(report.received)} decision(s) received from the council")
    if report.already_there:
        parts.append(f"{len(report.already_there)} already on the server")
    if report.failed:
        parts.append(f"{len(report.failed)} failed (tried again later)")
    if report.quarantined:
        parts.append(f"{len(report.quarantined)} quarantined")
    if report.waiting:
        parts.append(f"{len(report.waiting)} waiting")
    return ", ".join(parts) + "."


def run_sync(
    store: CaseStore,
    *,
    progress: Callable[[str, int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    options: SyncOptions | None = None,
) -> SyncReport:
    """One run: rulesets, uploads, reconciliation. See the package docstring."""
    opts = options or SyncOptions()
    tell = progress or _quiet
    stop = should_stop or (lambda: False)
    device = dev.require()
    report = SyncReport(started_at=now(), server_url=device.server_url)
    previous = load_state()
    if device.revoked_at:
        report.outcome = REVOKED
        report.message = (
            f"the server refused this laptop on {device.revoked_at} ({device.revoked_reason}). "
            "Nothing is sent until it is enrolled again: ask your administrator for a new code."
        )
        return _finish(report, previous.not_before)
    token = dev.token()
    verify = dev.tls_verify()
    not_before = previous.not_before
    with (
        run_lock(),
        Client(
            device.server_url, token, verify=verify, timeout=opts.timeout, connections=opts.workers
        ) as client,
    ):
        try:
            outbox.queue_finalised(store)  # local: every finalised version now waits to go
            tell("rulesets", 0, 1)
            try:
                installed, refused = rulesets.take(client.rulesets())
                report.rulesets_installed += installed
                report.rulesets_refused += refused
            except BadAnswer as exc:
                report.problems.append(f"could not fetch the council's rulesets: {exc}")
            tell("rulesets", 1, 1)
            _reconcile(store, client, report, tell, "checking")
            if not_before and not_before > now():
                report.message = f"the server asked to wait until {not_before}; nothing sent. "
                report.waiting += [
                    note(p) for p in outbox.pending(store) if p.state != "quarantined"
                ]
            else:
                not_before = _send(store, client, report, opts, tell, stop)
            if report.outcome != STOPPED:
                tell("decisions", 0, 1)
                fetch_decisions(store, client, report)  # step 6: docs/sync-v2.md
                tell("decisions", 1, 1)
        except Revoked as exc:
            dev.mark_revoked(device, now(), str(exc))
            report.outcome = REVOKED
            report.message = (
                f"the server refused this laptop ({exc}): it has been revoked. Nothing more is "
                "sent until it is enrolled again; ask your administrator for a new code. "
            )
        except Unreachable as exc:
            report.outcome = OFFLINE
            report.message = f"could not reach {device.server_url}: {exc}. "
    return _finish(report, not_before)


def _finish(report: SyncReport, not_before: str | None) -> SyncReport:
    report.finished_at = now()
    if report.outcome == OK and (report.failed or report.problems):
        report.outcome = FAILED
    report.message += _summary(report)
    since = None
    if report.outcome == OFFLINE:  # still offline: since the first run that was
        since = load_state().offline_since or report.started_at
    save_state(RunState(report.finished_at, report.outcome, report.message, not_before, since))
    log.info(
        "sync %s: %d sent, %d already there, %d failed, %d quarantined, %d waiting",
        report.outcome,
        len(report.sent),
        len(report.already_there),
        len(report.failed),
        len(report.quarantined),
        len(report.waiting),
    )
    return report


def enrol(server_url: str | None, code: str, device_name: str | None = None) -> dev.Device:
    """Enrol this laptop with a one-time code; the token goes into the password store."""
    configured = settings.load()
    if "server_url" in configured.managed and configured["server_url"]:
        managed = dev.normalise_url(configured["server_url"])
        if server_url and dev.normalise_url(server_url) != managed:
            raise InputError(
                f"your administrator set the server to {managed}; this laptop cannot enrol with {server_url}"
            )
        server_url = managed
    server_url = server_url or configured["server_url"]
    if not server_url:
        raise InputError(
            "give the council's server address: rasdesk enrol --server URL --code CODE"
        )
    url = dev.normalise_url(server_url)
    if not code.strip():
        raise InputError("give the enrolment code your administrator gave you (--code)")
    name = (device_name or socket.gethostname() or "rasdesk laptop").strip()
    dev.check_password_store()  # before the one-time code is spent
    with Client(url, None, verify=dev.tls_verify(), timeout=30.0) as client:
        device_id, token = client.enrol(code.strip(), name)
    dev.store_token(token)
    device = dev.Device(url, device_id, name, now())
    dev.save(device)
    log.info("enrolled as device %s with %s", device_id, url)
    return device


def server_reachable(timeout: float = 2.0) -> bool:
    """Whether the enrolled (or configured) server answers ``/health`` now. Never raises."""
    try:
        device = dev.load()
        url = device.server_url if device else dev.normalise_url(settings.load()["server_url"])
        with Client(url, None, verify=dev.tls_verify(), timeout=timeout) as client:
            return client.health()
    except (SyncError, InputError, OSError, ValueError):
        return False
