"""``rasdesk print CASE_ID``: the letter the person keeps (the assessment, or the decision),
as a PDF (printed or accessible), and beside it, if asked, the same words as audio
(``--audio``) or braille (``--braille``). Every output is set from one letter Document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.platform.files import write_new
from rasdesk.printing.blocks import Document

PERIOD_WORDS_EN = {"week": "a week", "month": "a month", "year": "a year", "one_off": "once"}


def print_cmd(args: argparse.Namespace) -> int:
    if args.accessible and not args.output:
        raise InputError("--accessible needs -o FILE.pdf: the accessible copy is a PDF")
    if not (args.output or args.audio or args.braille):
        raise InputError(
            "say where to write the letter: -o FILE.pdf, --audio F.wav or --braille F.brf"
        )
    if args.letter == "decision":
        doc, what, summary = _decision(args)
    else:
        doc, what, summary = _assessment(args)
    made = write_outputs(doc, args)
    print(f"{what} ({doc.style}, {args.language or doc.lang}): {'; '.join(made)} — {summary}")
    return 0


def _assessment(args: argparse.Namespace) -> tuple[Document, str, str]:
    from rasdesk.printing.case_letter import document_for_case
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        doc, letter = document_for_case(store, case_uuid, args.language, args.style)
    finally:
        store.close()
    state = "DRAFT letter" if letter.draft else "Letter"
    if letter.amounts:  # format 2: each amount in its own period, as the letter says it
        summary = "; ".join(a.title for a in letter.amounts)
    else:
        summary = f"£{letter.weekly_text} a week"
    return doc, f"{state} for case {case_uuid[:8]}", summary


def _decision(args: argparse.Namespace) -> tuple[Document, str, str]:
    from rasdesk.printing.decision_case import decision_document
    from rasdesk.printing.decision_letter import pence
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        doc, sec = decision_document(store, case_uuid, args.language, args.style)
    finally:
        store.close()
    assert sec.decision is not None
    summary = f"final budget £{pence(sec.decision.final)} {PERIOD_WORDS_EN[sec.decision.period]}"
    return doc, f"Decision letter for case {case_uuid[:8]}", summary


def write_outputs(doc: Document, args: argparse.Namespace) -> list[str]:
    """Write each output asked for; the list of what was written, for the message."""
    made = []
    if args.output:
        if args.accessible:
            from rasdesk.printing.accessible import render_accessible

            data = render_accessible(doc)
        else:
            from rasdesk.printing.render import render_document

            data = render_document(doc)
        write_new(Path(args.output), data, 0o600, overwrite=args.force)
        made.append(f"{'accessible copy' if args.accessible else 'letter'} {args.output}")
    if args.audio:
        from rasdesk.printing.audio import speak_document

        speak_document(doc, Path(args.audio), overwrite=args.force)
        made.append(f"audio {args.audio}")
    if args.braille:
        from rasdesk.printing.braille import braille_document

        write_new(Path(args.braille), braille_document(doc), 0o600, overwrite=args.force)
        made.append(f"braille {args.braille}")
    return made


def register(sub: Any) -> None:
    p = sub.add_parser(
        "print", help="the letter the person keeps: PDF, accessible PDF, audio or braille"
    )
    p.add_argument("case", metavar="CASE_ID")
    p.add_argument(
        "--style",
        choices=["standard", "large", "easy"],
        help="default: from the person's recorded format needs",
    )
    p.add_argument(
        "--language",
        choices=["en", "cy", "cy+en"],
        help="default: the case's language; cy+en: bilingual, every section Welsh then English",
    )
    p.add_argument(
        "--letter",
        choices=["assessment", "decision"],
        default="assessment",
        help="assessment (default): the indicative budget; decision: the final budget and reasons",
    )
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="the letter as a PDF")
    p.add_argument(
        "--accessible",
        action="store_true",
        help="write the accessible copy (tagged PDF/UA-1 for screen readers) to -o",
    )
    p.add_argument("--audio", metavar="F.wav", help="the letter read aloud (espeak-ng)")
    p.add_argument(
        "--braille", metavar="F.brf", help="the letter in braille (liblouis: UEB / Welsh grade 2)"
    )
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(func=print_cmd)
