"""``rasdesk case answered-by CASE WHO``: who answered a format-2 assessment as a whole
(docs/ruleset-v2.md §1.4: person, person_helped, carer, assessor or representative), kept
with the case's draft and carried in its result and bundle (storage/answered_by.py).
``rasdesk case new --answers DOC`` takes it from an answers document's ``answered_by``."""

from __future__ import annotations

import argparse
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.domain.model_v2 import WHO
from rasdesk.platform.files import read_json


def in_document(path: str) -> str | None:
    """An answers document's whole-questionnaire ``answered_by``, if it has one."""
    doc = read_json(path, "answers file")
    who = doc.get("answered_by") if isinstance(doc, dict) else None
    if who is not None and who not in WHO:  # refused before any case is made
        raise InputError(f"{path}: answered_by: expected one of {', '.join(WHO)}, not {who!r}")
    return None if who is None else str(who)


def answered_by(args: argparse.Namespace) -> int:
    from rasdesk.storage.answered_by import set_answered_by
    from rasdesk.storage.profile import open_user_store

    store = open_user_store()
    try:
        case_uuid = store.resolve(args.case)
        set_answered_by(store, case_uuid, None if args.clear else args.who)
    finally:
        store.close()
    said = "no longer recorded" if args.clear else args.who
    print(f"Case {case_uuid[:8]}: who answered is {said}.")
    return 0


def register(cs: Any) -> None:
    a = cs.add_parser(
        "answered-by", help="who answered a format-2 assessment as a whole (its draft)"
    )
    a.add_argument("case", metavar="ID")
    who = a.add_mutually_exclusive_group(required=True)
    who.add_argument("who", nargs="?", choices=WHO, metavar="|".join(WHO))
    who.add_argument("--clear", action="store_true", help="no longer recorded")
    a.set_defaults(func=answered_by)
