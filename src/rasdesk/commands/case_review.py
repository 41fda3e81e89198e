"""``rasdesk case rebase | review | confirm | changes``: move a draft to another ruleset,
start a review from the last finalised case, confirm answers from last time, and say what
changed since last time."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.platform import paths
from rasdesk.platform.rulesets import (
    VerifiedAny,
    check_in_force,
    current_sha256,
    installed_path,
    load_signed_any,
)


def target_ruleset(choice: str) -> VerifiedAny:
    """``current`` or an installed ruleset's SHA-256 (or its first 8+ characters), verified
    against the trust store now (exit 3 if it no longer verifies) and in force today;
    format 1 or 2."""
    if choice == "current":
        sha = current_sha256()
        if sha is None:
            raise InputError(
                "no ruleset is installed: install your council's first (rasdesk ruleset install R.signed.json)"
            )
    else:
        wanted = choice.lower()
        if len(wanted) < 8 or any(c not in "0123456789abcdef" for c in wanted):
            raise InputError(
                f"--ruleset {choice!r}: give current, or the SHA-256 of an installed ruleset "
                "(at least its first 8 characters; see rasdesk ruleset list)"
            )
        found = sorted(
            p.name.split(".")[0]
            for p in paths.rulesets_dir().glob(f"{wanted}*.ruleset.signed.json")
        )
        if len(found) != 1:
            raise InputError(
                f"--ruleset {choice}: {'no installed ruleset has that SHA-256' if not found else 'more than one installed ruleset matches; give more of it'}"
            )
        sha = found[0]
    verified = load_signed_any(installed_path(sha))
    check_in_force(verified.ruleset, dt.date.today(), f"ruleset {sha[:12]}…")
    return verified


def rebase(args: argparse.Namespace) -> int:
    from rasdesk.storage import rebase as moving
    from rasdesk.storage.profile import open_user_store

    verified = target_ruleset(args.ruleset)
    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        if args.dry_run:
            plan = moving.plan_for_case(store, case_uuid, verified.ruleset)
        else:
            plan = moving.rebase_draft(store, case_uuid, verified.ruleset, verified.signed_bytes)
    finally:
        store.close()
    if args.json:
        print(
            json.dumps(
                {"case_uuid": case_uuid, "moved": not args.dry_run, **plan.as_dict()},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    head = "Would move" if args.dry_run else "Moved"
    print(f"{head} case {case_uuid[:8]}'s draft to the new ruleset.")
    for line in plan.summary():
        print(line)
    if not args.dry_run and plan.carry.asked_again:
        print(
            f"Ask again: {', '.join(plan.carry.asked_again)} (rasdesk case answer {case_uuid[:8]} QUESTION VALUE)"
        )
    return 0


def review(args: argparse.Namespace) -> int:
    from rasdesk.storage import review as reviewing
    from rasdesk.storage.profile import open_user_store
    from rasdesk.sync.device import enrolled_device_id

    verified = target_ruleset(args.ruleset)  # format 1 or 2
    store = open_user_store()
    try:
        started = reviewing.start_review(
            store,
            store.resolve(args.case),
            verified.ruleset,
            verified.signed_bytes,
            device_id=enrolled_device_id(),
        )
    finally:
        store.close()
    for one in (started, *started.carers):
        c = one.plan.carry
        print(
            f"Review of case {one.source_case[:8]}: new draft {one.case_uuid[:8]}, "
            f"{len(c.carried)} answer(s) from last time to check, {len(c.asked_again)} question(s) to ask."
        )
        for line in one.plan.summary()[1:]:
            print(f"  {line}")
    for note in started.notes:
        print(note)
    print(started.case_uuid)
    return 0


def confirm(args: argparse.Namespace) -> int:
    from rasdesk.storage import prefilled
    from rasdesk.storage.profile import open_user_store

    if not args.all and not args.questions:
        raise InputError("name the answers you checked with the person, or --all")
    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        done = prefilled.confirm(store, case_uuid, None if args.all else args.questions)
        left = prefilled.to_check(store, store.current_version(case_uuid)["version_uuid"])
    finally:
        store.close()
    print(
        f"Case {case_uuid[:8]}: confirmed {len(done)}; {len(left)} answer(s) from last time still to check."
    )
    return 0


def changes(args: argparse.Namespace) -> int:
    from rasdesk.storage import review as reviewing
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        since = reviewing.since_last_time(store, case_uuid, args.language)
    finally:
        store.close()
    if args.json:
        print(json.dumps(since.as_dict(), ensure_ascii=False, indent=2))
    else:
        from rasdesk.printing.since_words import WORDS, sentences

        print(WORDS[args.language]["title"])
        print("\n".join(f"  {line}" for line in sentences(since, args.language)))
        if since.now_why is not None:  # a carer's facts the linked case cannot give yet
            print(f"  {since.now_why}")
    return 0


def stale_marks(store: Any) -> dict[str, Any]:
    """Stale drafts by case id, as the policy and the installed ruleset say."""
    from rasdesk.platform import settings
    from rasdesk.storage.stale import stale_drafts

    days = settings.load()["draft_max_age_days"]
    return stale_drafts(store, current_sha256(), days, dt.date.today())


def stale(args: argparse.Namespace) -> int:
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        found = stale_marks(store)
        names = {c: store.case_row(c)["person_name"] for c in found}
    finally:
        store.close()
    if args.json:
        print(json.dumps([{"case_uuid": c, "reasons": s.words(), "old_ruleset": s.old_ruleset, "age_days": s.age_days, "too_old": s.too_old} for c, s in found.items()], indent=2))  # fmt: skip
        return 0
    if not found:
        print("No stale drafts.")
    for case_uuid, s in found.items():
        print(f"{case_uuid[:8]}  {names[case_uuid]}: {'; '.join(s.words())}")
    return 0


def register(cs: Any) -> None:
    """The subcommands, added to ``rasdesk case``."""
    r = cs.add_parser(
        "rebase", help="move a draft to another ruleset (audited); shows before/after"
    )
    r.add_argument("case", metavar="ID")
    r.add_argument("--ruleset", default="current", metavar="SHA256|current")
    r.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=rebase)
    v = cs.add_parser(
        "review", help="start a review from the last finalised case; prints the new id last"
    )
    v.add_argument("case", metavar="ID")
    v.add_argument("--ruleset", default="current", metavar="SHA256|current")
    v.set_defaults(func=review)
    c = cs.add_parser("confirm", help="confirm answers from last time, checked with the person")
    c.add_argument("case", metavar="ID")
    c.add_argument("questions", metavar="QUESTION", nargs="*")
    c.add_argument("--all", action="store_true", help="every answer still to check")
    c.set_defaults(func=confirm)
    w = cs.add_parser("changes", help="what changed since last time, for a review")
    w.add_argument("case", metavar="ID")
    w.add_argument("--language", default="en", choices=["en", "cy"])
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=changes)
    st = cs.add_parser("stale", help="drafts on an older ruleset, or older than the policy allows")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=stale)
