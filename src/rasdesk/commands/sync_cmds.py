"""``rasdesk enrol`` and ``rasdesk sync``: join the council's server with a one-time code,
then send finalised cases and fetch the council's rulesets (see docs/sync-client.md).

``rasdesk sync`` exits 0 when nothing failed, 1 when something failed or the server could
not be reached (it is tried again next time), 3 when the server refused this laptop
(revoked) or published a ruleset signed by a key this computer does not trust.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from rasdesk.commands import argtypes

if TYPE_CHECKING:
    from rasdesk.sync.report import SyncReport, VersionNote


def enrol_cmd(args: argparse.Namespace) -> int:
    from rasdesk.sync import enrol

    device = enrol(args.server, args.code, args.device_name)
    print(
        f"Enrolled with {device.server_url} as {device.device_name!r} (device {device.device_id})."
    )
    print("The token is in this computer's password store. Send cases with: rasdesk sync")
    return 0


def _line(n: VersionNote, detail: str | None = None) -> str:
    ref = f" ({n.council_ref})" if n.council_ref else ""
    text = f"  case {n.case_uuid[:8]} version {n.number}{ref}"
    return text + (f": {detail}" if detail else "")


def _print_report(report: SyncReport) -> None:
    print(f"Server: {report.server_url}")
    for r in report.rulesets_installed:
        extra = " — new assessments now use it" if r.made_current else ""
        print(f"Ruleset installed: {r.ruleset_id} {r.version} (sha256 {r.sha256[:12]}…){extra}")
    for r in report.rulesets_refused:
        print(f"Ruleset REFUSED: {r.ruleset_id} {r.version}: {r.reason}")
    sections: list[tuple[str, list[VersionNote], str]] = [
        ("Sent", report.sent, "receipt"),
        ("Already on the server", report.already_there, "receipt"),
        ("Failed — tried again later", report.failed, "reason"),
        (
            "Quarantined — needs a person (rasdesk sync --retry-quarantined after fixing)",
            report.quarantined,
            "reason",
        ),
        ("Waiting", report.waiting, "reason"),
        ("Decisions received from the council", report.received, "receipt"),
    ]
    for title, notes, field in sections:
        if not notes:
            continue
        print(f"{title} ({len(notes)}):")
        for n in notes:
            if field == "receipt":
                print(_line(n, f"receipt {n.receipt}"))
            else:
                when = (
                    f" (next try after {n.next_attempt_at})"
                    if n.next_attempt_at and title.startswith("Failed")
                    else ""
                )
                print(_line(n, f"{n.reason}{when}" if n.reason else None))
    for problem in report.problems:
        print(f"Problem: {problem}")
    print(f"{report.outcome.upper()}: {report.message}")


def _progress(phase: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        end = "\n" if done >= total else ""
        print(f"\r{phase}: {done}/{total}", end=end, file=sys.stderr, flush=True)


def _status(as_json: bool) -> int:
    from rasdesk.storage.profile import open_user_store
    from rasdesk.sync import sync_status

    store = open_user_store()
    try:
        status = sync_status(store)
    finally:
        store.close()
    if as_json:
        print(json.dumps(asdict(status), indent=2, ensure_ascii=False))
        return 0
    if not status.enrolled:
        print(
            "Not enrolled: ask your administrator for a code, then: rasdesk enrol --server URL --code CODE"
        )
    else:
        print(
            f"Enrolled with {status.server_url} as {status.device_name!r} (device {status.device_id})."
        )
    if status.revoked:
        print(
            f"REVOKED on {status.revoked_at}: {status.revoked_reason}. Enrol again to send cases."
        )
    print("Case versions: " + ", ".join(f"{n} {state}" for state, n in status.counts.items()))
    if status.last_run_at:
        print(f"Last sync: {status.last_run_at}, {status.last_outcome}: {status.last_message}")
    if status.offline_since:
        print(f"Cannot reach the server since {status.offline_since}; cases wait here safely.")
    if status.next_retry_at:
        print(f"Next try after: {status.next_retry_at}")
    for q in status.quarantined:
        print("Quarantined:" + _line(q, q.reason))
    return 0


def sync_cmd(args: argparse.Namespace) -> int:
    if args.status:
        return _status(args.json)
    from rasdesk.storage import outbox
    from rasdesk.storage.profile import open_user_store
    from rasdesk.sync import SyncOptions, run_sync

    store = open_user_store()
    try:
        if args.retry_quarantined:
            count = outbox.requeue_quarantined(store)
            print(f"{count} quarantined case version(s) put back in the queue.")
        # A person asked for this run: failed versions are tried now, not after their backoff.
        options = SyncOptions(ignore_backoff=True, timeout=args.timeout)
        report = run_sync(store, progress=_progress, options=options)
    finally:
        store.close()
    if args.json:
        print(json.dumps(asdict(report), indent=2, ensure_ascii=False))
    else:
        _print_report(report)
    return report.exit_code


def register(sub: Any) -> None:
    e = sub.add_parser(
        "enrol", help="join this laptop to the council's sync server (one-time code)"
    )
    e.add_argument("--server", metavar="URL", help="the server (default: the server_url setting)")
    e.add_argument("--code", required=True, help="the one-time code from your administrator")
    e.add_argument(
        "--device-name",
        metavar="NAME",
        help="how the council sees this laptop (default: its host name)",
    )
    e.set_defaults(func=enrol_cmd)
    s = sub.add_parser("sync", help="send finalised cases to the council and fetch its rulesets")
    s.add_argument("--status", action="store_true", help="show where sending stands; send nothing")
    s.add_argument(
        "--retry-quarantined",
        action="store_true",
        help="put quarantined versions back in the queue first",
    )
    s.add_argument(
        "--timeout",
        type=argtypes.seconds(3600),
        default=30.0,
        metavar="SECONDS",
        help="wait this long for each answer (default 30)",
    )
    s.add_argument("--json", action="store_true", help="print the report (or status) as JSON")
    s.set_defaults(func=sync_cmd)
