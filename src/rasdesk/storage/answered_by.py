"""Who answered a format-2 assessment as a whole (the answers document's ``answered_by``,
docs/ruleset-v2.md §1.4): the person, the person with help, a carer, the assessor or a
representative. Asked once per case, on the check-answers page; per question, who
answered is recorded in the answer itself (``ui/widgets/record_fields.py``).

It belongs to a version (a later version may be answered by someone else) and is kept,
like answers, as rows that are only ever added: each choice is an ``answered by`` event
in the version's audit trail (``new`` is the word, or NULL when it was cleared), and the
latest one counts. No schema change is needed, the audit trail already says who chose it
and when, and it is carried in the bundle's ``audit`` as well as in ``answered_by``. Only
a draft takes a new choice; an amendment starts from the version it supersedes.
"""

from __future__ import annotations

from rasdesk.domain.errors import InputError
from rasdesk.domain.model_v2 import WHO, RulesetV2
from rasdesk.storage.store import CaseStore

EVENT = "answered by"


def answered_by(store: CaseStore, version_uuid: str) -> str | None:
    """The word recorded for this version, or None (never recorded, or cleared)."""
    row = store.db.execute(
        "SELECT new FROM audit WHERE version_uuid = ? AND event = ? ORDER BY id DESC LIMIT 1",
        (version_uuid, EVENT),
    ).fetchone()
    return None if row is None else row[0]


def set_answered_by(store: CaseStore, case_uuid: str, who: str | None) -> None:
    """Record who answered the case's draft (``None`` clears it). Refuses a word outside
    §1.4's five, a finalised version, and a format-1 case (whose answers have no such field)."""
    if who is not None and who not in WHO:
        raise InputError(f"answered_by: expected one of {', '.join(WHO)}, not {who!r}")
    case, version = store._draft(case_uuid)
    if not isinstance(store.any_ruleset(version["ruleset_sha256"]), RulesetV2):
        raise InputError(
            "answered_by: who answered the whole assessment is recorded for ruleset format 2 only"
        )
    vid = version["version_uuid"]
    old = answered_by(store, vid)
    if old == who:
        return
    with store.transaction():
        store.audit(case["case_uuid"], vid, EVENT, old=old, new=who)


def carry(store: CaseStore, case_uuid: str, old_version: str, new_version: str, at: str) -> None:
    """An amendment's new draft starts with the word its earlier version had (inside the
    caller's transaction)."""
    who = answered_by(store, old_version)
    if who is not None:
        store.audit(case_uuid, new_version, EVENT, new=who, at=at)
