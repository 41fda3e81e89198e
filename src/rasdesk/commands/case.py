"""``rasdesk case …``: start, answer, finalise, amend, list, show, export and purge cases
in the encrypted store (for example, to enter a paper assessment later)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasdesk.commands import argtypes, case_answered_by, case_review, salvage_cmd
from rasdesk.domain.decimals import MAX_DIGITS
from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import Question
from rasdesk.platform.files import read_json, write_new
from rasdesk.platform.rulesets import (
    check_in_force,
    current_sha256,
    installed_path,
    load_signed_any,
)

#: The most cases one ``case list`` shows.
MAX_LIST = 1_000_000

if TYPE_CHECKING:  # the store (SQLCipher) is imported only by commands that use it
    from rasdesk.storage.store import CaseStore


def _answers_file(path: str) -> dict[str, Any]:
    doc = read_json(path, "answers file")
    answers = doc.get("answers", doc) if isinstance(doc, dict) else None
    if not isinstance(answers, dict):
        raise InputError(f'{path}: expected {{"answers": {{...}}}} or an object of answers')
    return answers


def _apply(store: CaseStore, case_uuid: str, answers: dict[str, Any]) -> None:
    for question, value in answers.items():
        store.set_answer(case_uuid, question, value)


def new(args: argparse.Namespace) -> int:
    from rasdesk.cld.details import CaseDetails
    from rasdesk.storage import lifecycle
    from rasdesk.storage.profile import open_user_store
    from rasdesk.storage.store import Person

    if args.ruleset:
        verified = load_signed_any(args.ruleset, [Path(p) for p in args.trust])
        source = str(args.ruleset)
    else:
        sha = current_sha256()
        if sha is None:
            raise InputError(
                "no ruleset is installed: install your council's first (rasdesk ruleset install R.signed.json)"
            )
        verified = load_signed_any(installed_path(sha))
        source = "the installed ruleset"
    check_in_force(verified.ruleset, dt.date.today(), source)
    needs = (
        tuple(n.strip() for n in args.format_needs.split(",") if n.strip())
        if args.format_needs
        else ()
    )
    details = CaseDetails(
        args.nhs_number,
        args.primary_support_reason,
        args.method_of_assessment,
        args.eligible_needs,
        args.unpaid_carer,
    )
    person = Person(args.name, args.dob, args.ref, needs, args.language, args.helper, details)
    from rasdesk.sync.device import enrolled_device_id

    answers = _answers_file(args.answers) if args.answers else {}
    who = case_answered_by.in_document(args.answers) if args.answers else None
    store = open_user_store()
    try:
        case_uuid, _ = store.new_case(
            person,
            args.questionnaire,
            verified.ruleset,
            verified.signed_bytes,
            linked_case=args.linked_to,
            device_id=enrolled_device_id(),
        )
        _apply(store, case_uuid, answers)
        if who is not None:  # a whole answers document's "answered_by" (format 2)
            from rasdesk.storage.answered_by import set_answered_by

            set_answered_by(store, case_uuid, who)
        if args.notes_on_letter:
            store.set_notes_on_letter(case_uuid, True)
        if args.finalise:
            lifecycle.finalise(store, case_uuid)
    finally:
        store.close()
    print(case_uuid)
    return 0


_TYPED_NUMBER = re.compile(rf"-?[0-9]{{1,{MAX_DIGITS}}}(\.[0-9]{{1,{MAX_DIGITS}}})?")


def parse_value(question: Question, text: str) -> Any:
    """A value typed on the command line, read as the question's type."""
    if question.type == "multiple":
        if text.startswith("["):
            try:
                return loads_strict(text)
            except StrictJSONError:
                raise InputError(f"{text!r} is not a JSON list of option ids") from None
        return [v.strip() for v in text.split(",") if v.strip()]
    if question.type == "number":
        # Digits and one point only: "1e999999999" or "NaN" would hang or break the arithmetic.
        if not _TYPED_NUMBER.fullmatch(text.strip()):
            raise InputError(
                f'"{question.id}" needs a number written with digits, such as 12 or 2.5 '
                f"(at most {MAX_DIGITS} digits each side of the point), not {text[:40]!r}"
            )
        value = Decimal(text.strip())
        return int(value) if value == value.to_integral_value() else value
    return text


def answer(args: argparse.Namespace) -> int:
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        version = store.current_version(case_uuid)
        question = store.questions_of(version, store.case_row(case_uuid)).get(args.question)
        if question is None:
            raise InputError(f"there is no question {args.question!r} in this case's questionnaire")
        if args.clear:
            store.set_answer(case_uuid, args.question, None)
        elif args.value is None:
            raise InputError("give the answer, or --clear to remove it")
        else:
            store.set_answer(case_uuid, args.question, parse_value(question, args.value))
    finally:
        store.close()
    print(f"Saved {args.question} on case {case_uuid[:8]}.")
    return 0


def note(args: argparse.Namespace) -> int:
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        store.set_note(case_uuid, args.question, args.text)
    finally:
        store.close()
    print(f"Saved the note on case {case_uuid[:8]}.")
    return 0


def notes_on_letter(args: argparse.Namespace) -> int:
    from rasdesk.storage.profile import open_user_store

    agreed = args.agreed == "yes"
    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        store.set_notes_on_letter(case_uuid, agreed)
    finally:
        store.close()
    print(
        f"Case {case_uuid[:8]}: notes in the person's own words {'will' if agreed else 'will not'} go on the letter."
    )
    return 0


def finalise(args: argparse.Namespace) -> int:
    from rasdesk.storage import lifecycle
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        digest = lifecycle.finalise(store, case_uuid)
        weekly = store.case_row(case_uuid)["weekly"]
    finally:
        store.close()
    figure = f"£{weekly} a week" if weekly is not None else "its amounts are in the bundle"
    print(
        f"Finalised case {case_uuid[:8]}: {figure}. It cannot change now; corrections are amendments."
    )
    print(f"  bundle sha256: {digest}")
    return 0


def amend(args: argparse.Namespace) -> int:
    from rasdesk.storage import lifecycle
    from rasdesk.storage.profile import open_user_store

    answers = _answers_file(args.answers) if args.answers else None
    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        lifecycle.amend(store, case_uuid, args.reason, answers)
        number = store.current_version(case_uuid)["number"]
        if args.finalise:
            lifecycle.finalise(store, case_uuid)
    finally:
        store.close()
    print(
        f"Case {case_uuid[:8]}: version {number} {'finalised' if args.finalise else 'is a draft'} (amendment)."
    )
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from rasdesk.storage import queries
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        rows = queries.list_cases(
            store, state=args.state, search=args.search, limit=args.limit, decision=args.decision
        )
        stale = case_review.stale_marks(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No cases." if not (args.state or args.search) else "No cases match.")
    for r in rows:
        weekly = f"£{r.weekly}" if r.weekly else "—"
        print(
            f"{r.case_uuid[:8]}  {r.state:<11} {weekly:>10}  {r.questionnaire:<8} {r.person_name}  {r.council_ref or ''}"
            + (f"  [{queries.DECISION_WORDS[r.decision_status]}]" if r.decision_status else "")
            + ("  [stale: see rasdesk case stale]" if r.case_uuid in stale else "")
        )
    return 0


def show(args: argparse.Namespace) -> int:
    from rasdesk.storage import queries
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        info = queries.show_case(store, case_uuid)
    finally:
        store.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return 0
    c = info["case"]
    print(
        f"{c['person_name']}  ({c['council_ref'] or 'no council reference'})  case {c['case_uuid']}"
    )
    print(
        f"  questionnaire {c['questionnaire']}, {c['state']}, language {c['language']}, needs: {', '.join(c['format_needs']) or 'none recorded'}"
    )
    for v in info["versions"]:
        print(
            f"\nVersion {v['number']}: {v['state']}"
            + (f" — amendment: {v['amendment_reason']}" if v["amendment_reason"] else "")
        )
        for q, a in v["answers"].items():
            print(f"  {q}: {a}")
        if v["result"] and "amounts" in v["result"]:  # format 2: each amount with its period
            for a in v["result"]["amounts"]:
                print(f"  {a['label']}: £{a['total']} ({a['period']['per']})")
        elif v["result"]:
            print(
                f"  Indicative budget: £{v['result']['weekly']} a week (£{v['result']['annual']} a year)"
            )
            for step in v["result"]["explanation"]:
                print(f"    - {step['text']}")
    print("\nHistory")
    for h in info["history"]:
        detail = " ".join(str(x) for x in (h["question"], h["new"], h["reason"]) if x)
        print(f"  {h['at']}  {h['actor']}: {h['event']} {detail}"[:160])
    return 0


def export(args: argparse.Namespace) -> int:
    from rasdesk.storage import queries
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        data = queries.export_bundle(store, store.resolve(args.case))
    finally:
        store.close()
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        write_new(Path(args.output), data, 0o600, overwrite=args.force)
        print(f"Wrote {args.output} (the person's data: keep it safe).")
    return 0


def purge(args: argparse.Namespace) -> int:
    from rasdesk.storage import lifecycle
    from rasdesk.storage.profile import open_user_store

    try:
        day = dt.date.fromisoformat(args.sent_before)
    except ValueError:
        raise InputError(
            f"--sent-before {args.sent_before!r} is not a date written YYYY-MM-DD"
        ) from None
    store = open_user_store()
    try:
        count = lifecycle.purge(store, day.isoformat())
    finally:
        store.close()
    print(f"Purged {count} case version(s) the council received before {day}.")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("case", help="cases in the encrypted store")
    cs = p.add_subparsers(
        dest="case_command",
        required=True,
        metavar="new|list|show|answer|answered-by|note|notes-on-letter|finalise|amend|plan|decide|export|purge|rebase|review|confirm|changes|stale|salvage",
    )
    case_review.register(cs)
    salvage_cmd.register(cs)
    case_answered_by.register(cs)
    n = cs.add_parser("new", help="start a case; prints its id")
    n.add_argument("--name", required=True, help="who the case is for")
    n.add_argument("--dob", help="date of birth, YYYY-MM-DD")
    n.add_argument("--ref", help="the council's reference")
    n.add_argument("--questionnaire", default="person", help="questionnaire id (default: person)")
    n.add_argument("--format-needs", help="comma-separated: large_print, easy_read, welsh, …")
    n.add_argument("--language", default="en", choices=["en", "cy"])
    n.add_argument("--helper", help="who is helping the person with the assessment")
    n.add_argument(
        "--linked-to", metavar="CASE", help="for a carer's assessment: the cared-for person's case"
    )
    n.add_argument("--nhs-number", help="the person's NHS number (10 digits, checked)")
    n.add_argument(
        "--primary-support-reason",
        help='as the national return lists it, e.g. "Mental Health Support"',
    )
    n.add_argument(
        "--method-of-assessment",
        help="who took part: Carer only, Service user only or Service user and carer",
    )
    n.add_argument("--eligible-needs", help="Eligible Needs Identified: Yes or No")
    n.add_argument("--unpaid-carer", help="Has Unpaid Carer: Yes, No or Unknown")
    n.add_argument("--answers", metavar="A.json", help="answers to save at once")
    n.add_argument(
        "--notes-on-letter",
        action="store_true",
        help="the person agreed that their own words go on the letter",
    )
    n.add_argument("--finalise", action="store_true", help="finalise straight away")
    n.add_argument(
        "--ruleset", metavar="R.signed.json", help="use this signed ruleset, not the installed one"
    )
    n.add_argument("--trust", action="append", default=[], metavar="P.pem")
    n.set_defaults(func=new)
    ls = cs.add_parser("list", help="list cases, newest change first")
    ls.add_argument(
        "--state", help="draft, finalised, queued, sending, sent, failed or quarantined"
    )
    ls.add_argument("--search", metavar="TEXT", help="name or reference (word beginnings)")
    ls.add_argument("--limit", type=argtypes.count(1, MAX_LIST), default=200)
    ls.add_argument("--json", action="store_true")
    ls.add_argument(
        "--decision",
        choices=["planning", "waiting", "agreed", "decided"],
        help="waiting: for a decision",
    )
    ls.set_defaults(func=list_cmd)
    s = cs.add_parser("show", help="one case: answers, result, explanation, history")
    s.add_argument("case", metavar="ID")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=show)
    a = cs.add_parser("answer", help="save one answer (a list as a,b)")
    a.add_argument("case", metavar="ID")
    a.add_argument("question", metavar="QUESTION")
    a.add_argument("value", metavar="VALUE", nargs="?")
    a.add_argument("--clear", action="store_true", help="remove the answer")
    a.set_defaults(func=answer)
    nt = cs.add_parser("note", help="a note in the person's own words, for a question or 'general'")
    nt.add_argument("case", metavar="ID")
    nt.add_argument("question", metavar="QUESTION")
    nt.add_argument("text", metavar="TEXT")
    nt.set_defaults(func=note)
    c = cs.add_parser(
        "notes-on-letter", help="record whether the person agreed that their notes go on the letter"
    )
    c.add_argument("case", metavar="ID")
    c.add_argument("agreed", choices=["yes", "no"])
    c.set_defaults(func=notes_on_letter)
    f = cs.add_parser("finalise", help="compute and freeze the case")
    f.add_argument("case", metavar="ID")
    f.set_defaults(func=finalise)
    am = cs.add_parser("amend", help="a new version of a finalised case, with a reason")
    am.add_argument("case", metavar="ID")
    am.add_argument("--reason", required=True)
    am.add_argument("--answers", metavar="A.json", help="answers to change")
    am.add_argument("--finalise", action="store_true")
    am.set_defaults(func=amend)
    e = cs.add_parser("export", help="the canonical bundle of the latest finalised version")
    e.add_argument("case", metavar="ID")
    e.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="a file, or - for standard output"
    )
    e.add_argument("--force", action="store_true")
    e.set_defaults(func=export)
    pu = cs.add_parser("purge", help="remove versions the council received before a date")
    pu.add_argument("--sent-before", required=True, metavar="YYYY-MM-DD")
    pu.set_defaults(func=purge)
    from rasdesk.commands import plan_cmds

    plan_cmds.register(cs)
