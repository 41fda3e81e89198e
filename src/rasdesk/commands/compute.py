"""``rasdesk compute``: a budget from a signed ruleset and answers, explained.

``--answers`` takes one JSON answers document, or a ``.jsonl`` file with one answers
document a line; then one result is printed a line (in the same order), so thousands of
cases are computed in one process. A line that cannot be used prints
``{"line": N, "error": ..., "problems": [...]}`` in its place, the reason goes to stderr,
and the command exits 2 once every line is done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import IO, Any

from rasdesk.commands import compute_v2
from rasdesk.commands.batch import run_lines
from rasdesk.domain.budget import check_language, compute_budget
from rasdesk.domain.errors import InputError
from rasdesk.domain.explain import money_text
from rasdesk.domain.model import Ruleset
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.result import Result
from rasdesk.platform.files import read_json
from rasdesk.platform.rulesets import check_in_force, load_signed_any

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD") from None


def compute(args: argparse.Namespace) -> int:
    verified = load_signed_any(args.ruleset, [Path(p) for p in args.trust])
    ruleset = verified.ruleset
    check_in_force(ruleset, args.date or dt.date.today(), str(args.ruleset))
    check_language(ruleset, args.language)
    if args.letter and (not isinstance(ruleset, RulesetV2) or str(args.answers).endswith(".jsonl")):
        raise InputError(
            "--letter needs a format-2 ruleset and one answers file; for a format-1 case use: "
            "rasdesk print CASE_ID -o L.pdf"
        )
    if isinstance(ruleset, RulesetV2) and not str(args.answers).endswith(".jsonl"):
        return compute_v2.compute_one(ruleset, args)
    if str(args.answers).endswith(".jsonl"):
        sys.stdout.flush()
        # Results are ~8–11 KB each: a 1 MiB buffer writes many per system call.
        out = (
            io.BufferedWriter(io.FileIO(sys.stdout.fileno(), "wb", closefd=False), 1 << 20)
            if _is_real_fd(sys.stdout)
            else sys.stdout.buffer
        )
        try:
            if isinstance(ruleset, RulesetV2):
                return compute_v2.batch_v2(ruleset, Path(args.answers), args.language, out)
            return _batch(ruleset, Path(args.answers), args.language, out)
        finally:
            out.flush()
    assert isinstance(ruleset, Ruleset)
    doc = read_json(args.answers, "answers file")
    result = compute_budget(ruleset, doc, args.language, str(args.answers))
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(readable(ruleset, result, args.language, easy=args.easy_read))
    return 0


def _is_real_fd(stream: IO[str]) -> bool:
    try:
        stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return False  # e.g. captured by a test harness
    return True


def _batch(ruleset: Ruleset, path: Path, lang: str, out: IO[bytes]) -> int:
    def one(doc: Any, source: str) -> tuple[bytes, bool]:
        return compute_budget(ruleset, doc, lang, source).to_json_bytes(), False

    return run_lines(path, out, one)


def readable(ruleset: Ruleset, result: Result, lang: str, *, easy: bool = False) -> str:
    """The explanation as plain text for a terminal (and for people who prefer text)."""
    q = ruleset.questionnaire_by_id[result.questionnaire]
    weekly, annual = money_text(result.weekly), money_text(result.annual)
    head = {
        "en": f"Indicative budget: £{weekly} a week (£{annual} a year)",
        "cy": f"Cyllideb ddangosol: £{weekly} yr wythnos (£{annual} y flwyddyn)",
    }[lang]
    how = {"en": "How it was worked out", "cy": "Sut y cafodd ei gyfrifo"}[lang]
    lines = [f"{ruleset.council} — {q.title.get(lang)}", head, "", how]
    for number, step in enumerate(result.explanation, start=1):
        lines.append(compute_v2.step_text(number, step.easy_read if easy else step.text))
    return "\n".join(lines)


def register(sub: Any) -> None:
    p = sub.add_parser("compute", help="compute an indicative budget with its explanation")
    p.add_argument("--ruleset", required=True, metavar="R.signed.json", help="the signed ruleset")
    p.add_argument(
        "--trust", action="append", default=[], metavar="P.pem", help="also trust this public key"
    )
    p.add_argument(
        "--answers", required=True, metavar="A.json", help="answers (.json), or one a line (.jsonl)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print the result object (format 1: spec §2.1; format 2: docs/ruleset-v2.md §3)",
    )
    p.add_argument(
        "--language", default="en", choices=["en", "cy"], help="language of the explanation"
    )
    p.add_argument("--easy-read", action="store_true", help="print the easy-read explanation")
    p.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the assessment date (default: today)"
    )
    p.add_argument(
        "--letter", metavar="L.pdf", help="format 2: also write the person's letter (a draft PDF)"
    )
    p.add_argument(
        "--style",
        choices=["standard", "large", "easy"],
        default="standard",
        help="the letter's style",
    )
    p.add_argument("--person", metavar="NAME", help="the name on the letter")
    p.add_argument("--force", action="store_true", help="overwrite an existing letter file")
    p.set_defaults(func=compute)
