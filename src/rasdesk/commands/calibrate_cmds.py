"""``rasdesk ruleset calibrate`` and ``rasdesk ruleset diff``.

Both read a ruleset document or a signed envelope; of a signed one they use the signed
content *without* checking whose signature it carries (trust is ``verify``'s job), and
say so. ``calibrate`` writes an unsigned R2 for the RAS team to review and sign.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from rasdesk.authoring.calibrate import (
    METHODS,
    Calibration,
    calibrate,
    parse_contingency,
    to_decimal,
)
from rasdesk.authoring.diff_v2 import diff_any
from rasdesk.domain.decimals import plain
from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import Ruleset
from rasdesk.domain.model_v2 import FORMAT_V2
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.parse_v2 import AnyRuleset, parse_any, ruleset_format
from rasdesk.domain.signing import is_envelope, read_envelope
from rasdesk.platform.files import read_bytes, write_new


def _payload(path: str) -> tuple[bytes, str]:
    """(document bytes, source words) from a document or a signed envelope."""
    data = read_bytes(path, "ruleset file")
    source = str(path)
    try:
        doc = loads_strict(data)
    except StrictJSONError:
        doc = None
    if is_envelope(doc):
        data = read_envelope(data, source).payload
        source += " (signed content; signature not checked)"
    return data, source


def load_document(path: str) -> tuple[Ruleset, bytes, str]:
    """(ruleset, document bytes, source words) from a document or a signed envelope."""
    data, source = _payload(path)
    return parse_ruleset(data, source), data, source


def _any_document(path: str) -> tuple[AnyRuleset, str]:
    """A ruleset of either format, from a document or a signed envelope (for ``diff``)."""
    data, source = _payload(path)
    return parse_any(data, source), source


def calibrate_cmd(args: argparse.Namespace) -> int:
    data, _ = _payload(args.file)
    if ruleset_format(data) == FORMAT_V2:
        from rasdesk.commands.calibrate_v2_cmds import calibrate_v2_cmd

        return calibrate_v2_cmd(args)
    if getattr(args, "part", None):
        raise InputError(
            f"{args.file}: --part names a part of a format-2 ruleset; this ruleset is format 1 "
            "(leave --part out and use --questionnaire)"
        )
    ruleset, document, source = load_document(args.file)
    contingency = parse_contingency(args.contingency)
    outputs = [Path(p) for p in (args.output, args.report) if p]
    for out in outputs:  # refuse before the work, not after it
        if out.exists() and not args.force:
            raise InputError(f"{out}: already exists; choose another name, or use --force")
    c = calibrate(
        ruleset,
        document,
        read_bytes(args.sample, "sample file"),
        sample_source=str(args.sample),
        questionnaire=args.questionnaire,
        contingency=contingency,
        method=args.method,
    )
    print(summary(c, source))
    if args.output:
        write_new(Path(args.output), c.document, overwrite=args.force)
        print(f"Wrote {args.output} (unsigned). Give it a new version, check it, then sign it:")
        print(f"  rasdesk ruleset sign {args.output} --key K.pem -o R2.signed.json")
    if args.report:
        from rasdesk.authoring.report import render_report  # reportlab only when asked

        write_new(Path(args.report), render_report(c), overwrite=args.force)
        print(f"Wrote the report {args.report}")
    return 0


def summary(c: Calibration, source: str) -> str:
    from rasdesk.authoring.report_style import gbp, pct, rate_text

    n = len(c.people)
    ratio, _ = to_decimal(c.ratio_exact)
    lsq, _ = to_decimal(c.least_squares_exact)
    chosen, _ = to_decimal(c.chosen_exact)
    lines = [
        f"Calibration of {source}, questionnaire {c.questionnaire}, from {c.source}",
        f"  people used: {n}; rows left out: {len(c.excluded)}; scoring 0 points: {len(c.zero_points)}",
        f"  total current weekly cost: {gbp(c.total_cost)}; total points: {plain(c.total_points)}",
        f"  ratio (cost ÷ points): {rate_text(ratio)} a point",
        f"  least squares through the origin: {rate_text(lsq)} a point",
        f"  method: {c.method}; contingency: {plain(c.contingency * 100)}% → {rate_text(chosen)}",
        f"  proposed rate: {gbp(c.proposed_rate)} a point (rounded half up to the penny; today {gbp(c.old_rate)})",
        "  compared with today, at the proposed rate:",
    ]
    for key, words in (
        ("more", "more than 10% more"),
        ("within", "within 10%"),
        ("less", "more than 10% less"),
    ):
        count = c.count(key)
        lines.append(f"    {words}: {count} ({pct(Decimal(count), Decimal(n))})")
    lines.append(
        f"  totals a week: today {gbp(c.total_cost)}, indicative {gbp(c.total_indicative)}"
    )
    if c.excluded:
        lines.append("  rows left out (not in any total):")
        for s in c.excluded:
            lines.append(f"    row {s.row} ({s.ref or 'no ref'}): {'; '.join(s.problems)}")
    if c.zero_points:
        refs = ", ".join(p.ref for p in c.zero_points)
        lines.append(f"  scoring 0 points (kept: cost counts, points add nothing): {refs}")
    return "\n".join(lines)


def diff_cmd(args: argparse.Namespace) -> int:
    old, old_source = _any_document(args.old)
    new, new_source = _any_document(args.new)
    print(f"From {old_source} ({old.id} {old.version}) to {new_source} ({new.id} {new.version}):")
    for sentence in diff_any(old, new):
        print(f"  - {sentence}")
    return 0


def register(rsub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``calibrate`` and ``diff`` to the ``rasdesk ruleset`` sub-commands."""
    c = rsub.add_parser(
        "calibrate",
        help="propose the £-per-point rate from a sample of current care costs",
        description="Score every row of the sample with the ruleset, propose a rate per point "
        "and (with -o) write the calibrated, unsigned ruleset. See docs/calibration.md.",
    )
    c.add_argument("file", metavar="R.json", help="the ruleset (document or signed envelope)")
    c.add_argument(
        "--sample",
        required=True,
        metavar="S.csv",
        help="ref,current_weekly_cost and one column per question id (UTF-8); or the council "
        "server's export (rasdesk-server export), whose decided cases' final budgets are the cost",
    )
    c.add_argument("--questionnaire", default="person", help="questionnaire id (default: person)")
    c.add_argument(
        "--contingency", default="0", help="fraction kept back, e.g. 0.05 for 5%% (default 0)"
    )
    c.add_argument(
        "--part",
        metavar="AMOUNT.PART",
        help="format 2 only: the per_point part whose rate to calibrate, e.g. budget.personal_budget",
    )
    c.add_argument("--method", choices=METHODS, default="ratio", help="default: ratio")
    c.add_argument("-o", "--output", metavar="R2.json", help="write the calibrated ruleset here")
    c.add_argument("--report", metavar="REPORT.pdf", help="write the calibration report (PDF)")
    c.add_argument("--force", action="store_true", help="overwrite existing output files")
    c.set_defaults(func=calibrate_cmd)
    d = rsub.add_parser("diff", help="say in words what changed between two rulesets")
    d.add_argument("old", metavar="OLD", help="ruleset document or signed envelope")
    d.add_argument("new", metavar="NEW", help="ruleset document or signed envelope")
    d.set_defaults(func=diff_cmd)
