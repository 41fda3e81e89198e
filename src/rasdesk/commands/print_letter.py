"""``rasdesk print CASE_ID``: the letter the person keeps, as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rasdesk.platform.files import write_new

PERIOD_WORDS_EN = {"week": "a week", "month": "a month", "year": "a year", "one_off": "once"}


def print_cmd(args: argparse.Namespace) -> int:
    from rasdesk.printing.case_letter import letter_for_case
    from rasdesk.printing.render import render
    from rasdesk.storage.profile import open_user_store

    if args.letter == "decision":
        return print_decision(args)
    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        letter, style = letter_for_case(store, case_uuid, args.language)
    finally:
        store.close()
    style = args.style or style
    data = render(letter, style)
    write_new(Path(args.output), data, 0o600, overwrite=args.force)
    state = "DRAFT letter" if letter.draft else "Letter"
    print(
        f"{state} for case {case_uuid[:8]} ({style}, {letter.lang}): {args.output} — £{letter.weekly_text} a week"
    )
    return 0


def print_decision(args: argparse.Namespace) -> int:
    from rasdesk.printing.decision_case import letter_for_decision
    from rasdesk.printing.decision_letter import compose_decision, pence
    from rasdesk.printing.render import render_document
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        letter, sec, style = letter_for_decision(store, case_uuid, args.language)
    finally:
        store.close()
    style = args.style or style
    data = render_document(compose_decision(letter, sec, style))
    write_new(Path(args.output), data, 0o600, overwrite=args.force)
    assert sec.decision is not None
    print(
        f"Decision letter for case {case_uuid[:8]} ({style}, {letter.lang}): {args.output} — "
        f"final budget £{pence(sec.decision.final)} {PERIOD_WORDS_EN[sec.decision.period]}"
    )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("print", help="the letter the person keeps, as a PDF")
    p.add_argument("case", metavar="CASE_ID")
    p.add_argument(
        "--style",
        choices=["standard", "large", "easy"],
        help="default: from the person's recorded format needs",
    )
    p.add_argument("--language", choices=["en", "cy"], help="default: the case's language")
    p.add_argument(
        "--letter",
        choices=["assessment", "decision"],
        default="assessment",
        help="assessment (default): the indicative budget; decision: the final budget and reasons",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=print_cmd)
