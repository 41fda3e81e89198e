"""``rasdesk ruleset calibrate --part AMOUNT.PART`` on a format-2 ruleset: propose the named
per-point part's rate from a sample, (with -o) write the unsigned calibrated document and
(with --report) the calibration report PDF, the same report as format 1's."""

from __future__ import annotations

import argparse
from pathlib import Path

from rasdesk.authoring.calibrate import parse_contingency
from rasdesk.authoring.calibrate_v2 import PartCalibration, calibrate_part
from rasdesk.authoring.report_style import gbp
from rasdesk.domain.decimals import plain
from rasdesk.domain.errors import InputError
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.platform.files import read_bytes, write_new


def calibrate_v2_cmd(args: argparse.Namespace) -> int:
    from rasdesk.commands.calibrate_cmds import _payload

    document, source = _payload(args.file)
    if not args.part:
        raise InputError(
            f"{args.file} is a format-2 ruleset: name the per_point part to calibrate with "
            "--part AMOUNT.PART (e.g. --part budget.personal_budget)"
        )
    ruleset = parse_ruleset_v2(document, source)
    contingency = parse_contingency(args.contingency)
    for out in (args.output, args.report):
        if out and Path(out).exists() and not args.force:
            raise InputError(f"{out}: already exists; choose another name, or use --force")
    c = calibrate_part(
        ruleset,
        document,
        read_bytes(args.sample, "sample file"),
        part=args.part,
        sample_source=str(args.sample),
        questionnaire=args.questionnaire,
        contingency=contingency,
        method=args.method,
    )
    print(summary_v2(c, source, str(args.sample)))
    if args.output:
        write_new(Path(args.output), c.document, overwrite=args.force)
        print(f"Wrote {args.output} (unsigned). Give it a new version, check it, then sign it:")
        print(f"  rasdesk ruleset sign {args.output} --key K.pem -o R2.signed.json")
    if args.report:
        from rasdesk.authoring.report import render_report  # reportlab only when asked

        write_new(Path(args.report), render_report(c.report), overwrite=args.force)
        print(f"Wrote the report {args.report}")
    return 0


def summary_v2(c: PartCalibration, source: str, sample: str) -> str:
    lines = [
        f"Calibration of {source}, questionnaire {c.questionnaire}, part {c.amount}.{c.part}, "
        f"from {sample}",
        f"  people used: {c.used}; rows left out: {len(c.excluded)}",
        f"  total current cost: {gbp(c.total_cost)}; total points: {plain(c.total_points)}",
        f"  method: {c.method}; contingency: {plain(c.contingency * 100)}%",
        f"  proposed rate: {gbp(c.proposed_rate)} a point (rounded half up to the penny; "
        f"today {gbp(c.old_rate)})",
    ]
    for s in c.excluded:
        lines.append(f"  left out: row {s.row} ({s.ref or 'no ref'}): {'; '.join(s.problems)}")
    return "\n".join(lines)
