"""The ``rasdesk-server`` command: serve the sync API, and the administrator's commands.

Exit codes as ``rasdesk``: 0 ok, 2 bad input or usage, 3 signature or trust failure,
1 anything else. Every command first brings the database's schema up to date.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rasdesk import __version__
from rasdesk.domain.errors import InputError, RasdeskError
from rasdesk.server import devices, export, rulesets
from rasdesk.server.db import Database, UnavailableErrors, parse_url
from rasdesk.server.limits import control_problem, shown
from rasdesk.server.outfile import write_atomically

#: How a decision's period is said (format 2 may decide a month, a year or a one-off).
PER = {"week": "a week", "month": "a month", "year": "a year", "one_off": "as a one-off payment"}


def _open(args: argparse.Namespace) -> Database:
    return Database.open(args.database)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from rasdesk.server import serving
    from rasdesk.server.app import make_app

    db = _open(args)
    sock = serving.bind(args.host, args.port)
    print(
        f"rasdesk-server: serving {db.target.shown} on http://{args.host}:{args.port}/api/v1",
        file=sys.stderr,
        flush=True,
    )
    config = dict(uvicorn.config.LOGGING_CONFIG)
    config["loggers"] = {
        **config["loggers"],
        "rasdesk": {"handlers": ["default"], "level": "INFO", "propagate": False},
    }
    limits = serving.Limits(args.header_timeout, args.body_timeout, args.max_connections)
    try:
        serving.run(make_app(db, limits.body_timeout), sock, limits, config, not args.quiet)
    finally:
        sock.close()
        db.close()
    return 0


def enrol_code(args: argparse.Namespace) -> int:
    problem = control_problem(args.assessor)
    if problem:
        raise InputError(f"--assessor {shown(args.assessor)!r} {problem}: type the name alone")
    code, expires = devices.issue_code(_open(args), args.assessor, args.expires_hours)
    print(code)
    print(
        f"rasdesk-server: a one-time code for {shown(args.assessor.strip())}, valid until {expires} (UTC). "
        "On the laptop: rasdesk enrol --server URL --code CODE",
        file=sys.stderr,
    )
    return 0


def revoke(args: argparse.Namespace) -> int:
    done = devices.revoke(_open(args), args.device_id)
    word = "was already revoked" if done["already"] else "is revoked"
    print(
        f"Device {shown(done['device_id'])} ({shown(done['device_name'])}, "
        f"{shown(done['assessor'])}) {word} "
        f"since {done['revoked_at']}: it can no longer send cases."
    )
    return 0


def list_devices(args: argparse.Namespace) -> int:
    found = devices.list_devices(_open(args))
    if args.json:
        # JSON escapes C0 controls itself; ensure_ascii also escapes C1 and bidi controls.
        print(json.dumps(found, ensure_ascii=True, indent=2))
        return 0
    if not found:
        print("No devices are enrolled yet (issue a code with: rasdesk-server enrol-code).")
        return 0
    for d in found:
        state = f"revoked {d['revoked_at']}" if d["revoked_at"] else "active"
        print(
            f"{d['device_id']}  {shown(d['assessor'])} — {shown(d['device_name'])}"
            f"  enrolled {d['enrolled_at']}"
            f"  {state}  {d['versions']} version(s) received"
            + (f", last {d['last_upload']}" if d["last_upload"] else "")
        )
    return 0


def publish_ruleset(args: argparse.Namespace) -> int:
    ruleset, new = rulesets.publish(_open(args), Path(args.file), [Path(p) for p in args.trust])
    print(
        f"Published {ruleset.id} {ruleset.version} ({ruleset.council}) as current"
        + ("" if new else " again")
        + f".\n  sha256: {ruleset.sha256}"
    )
    return 0


def export_cmd(args: argparse.Namespace) -> int:
    since = export.check_since(args.since) if args.since else None
    db = _open(args)
    failed: list[str] = []
    found = export.rows(db, since, failed)
    if args.output in (None, "-"):
        count = export.write(found, args.format, sys.stdout)
        sys.stdout.flush()
    else:
        with write_atomically(Path(args.output), args.force, "-o") as fh:
            count = export.write(found, args.format, fh)
    flagged = "" if args.output in (None, "-") else f" to {shown(args.output)}"
    print(f"rasdesk-server: exported {count} version(s){flagged}", file=sys.stderr)
    for problem in failed:
        print(f"rasdesk-server: left out {shown(problem)}", file=sys.stderr)
    if failed:
        print(
            f"rasdesk-server: {len(failed)} version(s) could not be exported (above); "
            "the others were. Keep this message for the supplier.",
            file=sys.stderr,
        )
        return 1
    return 0


def decide_cmd(args: argparse.Namespace) -> int:
    from rasdesk.server.decisions import record_decision

    version, receipt, d = record_decision(
        _open(args),
        args.case,
        {
            "final": args.final,
            "by": args.by,
            "reasons": args.reason,
            "category": args.category,
            "role": args.role,
            "decided_on": args.date,
        },
    )
    print(version)
    print(
        f"rasdesk-server: case {args.case[:8]} decided by {d.by} on {d.decided_on}: "
        f"£{d.final} {PER.get(d.period, d.period)} (receipt {receipt}); the laptop receives it "
        "on its next sync",
        file=sys.stderr,
    )
    return 0


def variance_cmd(args: argparse.Namespace) -> int:
    from rasdesk.platform.files import write_new
    from rasdesk.server import variance
    from rasdesk.server.variance_pdf import render_variance

    if not args.output and not args.json:
        raise InputError("say where the report goes: -o REPORT.pdf, or --json")
    since = export.check_since(args.since) if args.since else None
    db = _open(args)
    cases = variance.decided_cases(export.rows(db, since), since, args.ruleset)
    doc = variance.report(cases, since, args.ruleset)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    if args.output:
        with db.connection() as conn:
            row = conn.execute(
                "SELECT council FROM rulesets ORDER BY published_at LIMIT 1"
            ).fetchone()
        percents: dict[tuple[str, ...], list[Any]] = {}
        for c in cases:
            share = c.share
            if share is not None:
                percents.setdefault(variance.group_key(c), []).append(variance.percent(share))
        data = render_variance(doc, percents, str(row[0]) if row else "The council")
        write_new(Path(args.output), data, 0o600, overwrite=args.force)
        print(f"rasdesk-server: wrote {args.output}: {doc['cases']} decided cases", file=sys.stderr)
    return 0


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a port (1 to 65535)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.1 <= value <= 3600:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"{shown(text)!r} is not a number of seconds (0.1 to 3600)"
        )
    return value


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a count (1 to 100000)")
    return int(text)


def _not_utf8(args: argparse.Namespace) -> list[str]:
    """The options given in bytes that are not UTF-8 (Python keeps them as surrogates)."""
    return [
        f"{name.replace('_', '-')} {shown(value)!r}"
        for name, value in vars(args).items()
        if isinstance(value, str) and any("\udc80" <= char <= "\udcff" for char in value)
    ]


def braille_cmd(args: argparse.Namespace) -> int:
    from rasdesk.platform.files import write_new
    from rasdesk.server.braille_letter import braille_for_case

    data = braille_for_case(_open(args), args.case, args.language)
    write_new(Path(args.output), data, 0o600, overwrite=args.force)
    print(
        f"rasdesk-server: wrote {args.output}: the braille letter for case {args.case[:8]}",
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasdesk-server",
        description="The council's reference server for rasdesk: receives finalised cases from "
        "enrolled laptops and publishes signed rulesets.",
        epilog="--database: a SQLite file (sqlite:///path/file.db, or just the path) or "
        "postgresql://user:password@host/dbname.",
    )
    parser.add_argument("--version", action="version", version=f"rasdesk-server {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Any, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--database", required=True, metavar="URL", help="where the data is kept")
        p.set_defaults(func=func)
        return p

    s = command("serve", serve, "serve the sync API (put TLS in front of it: the council's proxy)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=_port, default=8080, help="port to listen on (default 8080)")
    s.add_argument("--quiet", action="store_true", help="no line per request in the log")
    s.add_argument(
        "--header-timeout",
        type=_seconds,
        default=10.0,
        metavar="S",
        help="close a connection whose request headers take longer (default 10)",
    )
    s.add_argument(
        "--body-timeout",
        type=_seconds,
        default=60.0,
        metavar="S",
        help="answer 408 to a request body that takes longer (default 60)",
    )
    s.add_argument(
        "--max-connections",
        type=_count,
        default=2000,
        metavar="N",
        help="answer 503 to requests past N open connections (default 2000)",
    )
    e = command("enrol-code", enrol_code, "print a one-time enrolment code for an assessor")
    e.add_argument("--assessor", required=True, metavar="NAME", help="who will enrol with it")
    e.add_argument(
        "--expires-hours", type=float, default=24, metavar="H", help="valid for H hours (24)"
    )
    r = command("revoke", revoke, "stop a device from sending (at once, on every server)")
    r.add_argument("device_id", metavar="DEVICE_ID")
    d = command("devices", list_devices, "list enrolled devices")
    d.add_argument("--json", action="store_true", help="as JSON")
    p = command("publish-ruleset", publish_ruleset, "verify a signed ruleset and publish it")
    p.add_argument("file", metavar="R.signed.json")
    p.add_argument(
        "--trust",
        action="append",
        default=[],
        required=True,
        metavar="KEY.pem",
        help="a public key the ruleset must be signed with (repeat for several)",
    )
    x = command("export", export_cmd, "one row per received version, for case management")
    x.add_argument(
        "--format",
        required=True,
        choices=["jsonl", "csv", "amounts", "parts", "cld"],
        help="amounts, parts: one CSV line per amount or part, with period and funder",
    )
    x.add_argument("--since", metavar="DATE", help="received from this UTC date or time on")
    x.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    x.add_argument("--force", action="store_true", help="replace the -o file if it exists")
    from rasdesk.decision.decide import REASON_CATEGORIES

    rp = sub.add_parser("report", help="reports for the council's RAS team")
    rsub = rp.add_subparsers(dest="report", required=True, metavar="variance")
    v = rsub.add_parser(
        "variance",
        help="how far final budgets sit from the indicative ones (PDF and/or JSON)",
        description="Per ruleset version and questionnaire: median variance, spread, share "
        "within ±10%%, the cases furthest out, by need area and by reason.",
    )
    v.add_argument("--database", required=True, metavar="URL", help="where the data is kept")
    v.add_argument("--since", metavar="DATE", help="decisions received from this UTC date on")
    v.add_argument("--ruleset", metavar="ID[@VERSION]", help="only this ruleset (or version)")
    v.add_argument("-o", "--output", metavar="REPORT.pdf", help="write the PDF report here")
    v.add_argument("--json", action="store_true", help="print the figures as JSON")
    v.add_argument("--force", action="store_true", help="overwrite an existing file")
    v.set_defaults(func=variance_cmd)

    dc = command("decide", decide_cmd, "record a decision on a case's support plan (a new version)")
    dc.add_argument("case", metavar="CASE_UUID")
    dc.add_argument(
        "--final",
        required=True,
        metavar="AMOUNT",
        help="the final budget, £ for the indicative amount's period (a week for format 1; "
        "format 2: the amount's own, against its council part)",
    )
    dc.add_argument("--by", required=True, help='who decided ("Resource allocation panel")')
    dc.add_argument("--role", choices=["manager", "panel"], help="default: panel if --by says so")
    dc.add_argument("--reason", help="required when the final budget differs from the indicative")
    dc.add_argument("--category", choices=list(REASON_CATEGORIES), help="why it differs")
    dc.add_argument("--date", metavar="YYYY-MM-DD", help="when it was decided (default: today)")
    b = command("braille", braille_cmd, "a received case's letter in braille (.brf, liblouis)")
    b.add_argument("case", metavar="CASE_UUID")
    b.add_argument("--language", choices=["en", "cy", "cy+en"], help="default: the person's")
    b.add_argument("-o", "--output", required=True, metavar="F.brf")
    b.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # the database, its side files and exports: for this user alone
    args = build_parser().parse_args(argv)
    bad = _not_utf8(args)
    if bad:
        print(
            f"rasdesk-server: {', '.join(bad)}: not UTF-8 text; type it again in a UTF-8 terminal",
            file=sys.stderr,
        )
        return 2
    try:
        code: int = args.func(args)
        return code
    except RasdeskError as exc:
        print(f"rasdesk-server: {exc}", file=sys.stderr)
        return exc.exit_code
    except UnavailableErrors as exc:
        shown = parse_url(args.database).shown
        print(f"rasdesk-server: the database {shown} failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("rasdesk-server: stopped", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(f"rasdesk-server: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
