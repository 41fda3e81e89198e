"""Answers pre-filled from last time, each marked "from last time — check it" until the
assessor confirms it (or gives another answer). A draft with an unchecked pre-filled
answer cannot be finalised. Each confirmation is an audit event; marks are never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable

from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.storage.store import CaseStore, now


def mark(
    store: CaseStore, version_uuid: str, questions: Iterable[str], source_version: str, at: str
) -> None:
    """Mark ``questions`` pre-filled from ``source_version`` (inside the caller's transaction)."""
    store.db.conn.executemany(
        "INSERT INTO prefilled (version_uuid, question, source_version, at) VALUES (?, ?, ?, ?)",
        [(version_uuid, q, source_version, at) for q in questions],
    )


def marks(store: CaseStore, version_uuid: str) -> dict[str, bool]:
    """Every pre-filled question of a version that still has an answer → confirmed yet?"""
    answered = store.answers(version_uuid)
    rows = store.db.execute(
        "SELECT question, confirmed_at FROM prefilled WHERE version_uuid = ? ORDER BY rowid",
        (version_uuid,),
    ).fetchall()
    return {q: c is not None for q, c in rows if q in answered}


def to_check(store: CaseStore, version_uuid: str) -> list[str]:
    """Pre-filled answers not confirmed yet, in the order they were filled."""
    return [q for q, confirmed in marks(store, version_uuid).items() if not confirmed]


def confirm(store: CaseStore, case_uuid: str, questions: Iterable[str] | None = None) -> list[str]:
    """Confirm pre-filled answers (all still to check, by default). Returns those confirmed."""
    case, version = store._draft(case_uuid)
    vid = version["version_uuid"]
    waiting = to_check(store, vid)
    chosen = waiting if questions is None else list(dict.fromkeys(questions))
    unknown = [q for q in chosen if q not in marks(store, vid)]
    if unknown:
        raise InputError(
            f"{', '.join(unknown)}: not an answer from last time on case {case_uuid[:8]} "
            f"(to check: {', '.join(waiting) or 'none'})"
        )
    done = [q for q in chosen if q in waiting]
    if not done:
        return []
    at = now()
    with store.transaction() as db:
        for question in done:
            db.execute(
                "UPDATE prefilled SET confirmed_at = ? WHERE version_uuid = ? AND question = ?",
                (at, vid, question),
            )
            store.audit(case["case_uuid"], vid, "confirmed", question=question, at=at)
        db.execute("UPDATE cases SET updated_at = ? WHERE case_uuid = ?", (at, case_uuid))
    return done


def refuse_unchecked(store: CaseStore, case_uuid: str, version_uuid: str) -> None:
    """Finalising needs every answer from last time checked."""
    waiting = to_check(store, version_uuid)
    if waiting:
        raise CaseStateError(
            f"case {case_uuid[:8]}: {len(waiting)} answer(s) from last time are not checked yet "
            f"({', '.join(waiting)}). Check each with the person, then confirm it "
            f"(rasdesk case confirm {case_uuid[:8]} QUESTION, or --all)."
        )
