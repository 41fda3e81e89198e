"""Reading the case store for people: the case list, search, and one case in full."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import InputError
from rasdesk.storage.migrations import STATES
from rasdesk.storage.store import CaseStore


@dataclass(frozen=True, slots=True)
class CaseSummary:
    case_uuid: str
    person_name: str
    council_ref: str | None
    questionnaire: str
    state: str
    weekly: str | None
    updated_at: str
    linked_case_uuid: str | None
    #: where the support plan's decision stands: planning, waiting, agreed, decided (or None)
    decision_status: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


#: A search matching at most this many cases reads just those cases (by rowid) and sorts
#: them. One matching more walks the cases newest first (``cases_by_update``, or
#: ``cases_by_state`` with a state) and stops at ``limit``: reading thousands of cases by
#: rowid touches most of the table's pages, each decrypted again once the page cache is
#: full, so a common name or a 3-letter prefix took 35-70 ms with 50,000 cases, growing
#: faster than the number of matches (benchmarks/store.py).
SEARCH_LOOKUP_MAX = 500
DECISION_STATUSES = ("planning", "waiting", "agreed", "decided")
#: How the case list says where a case's decision stands.
DECISION_WORDS = {
    "planning": "support plan in progress",
    "waiting": "waiting for a decision",
    "agreed": "plan agreed",
    "decided": "decided",
}


def fts_query(text: str) -> str:
    """Words as FTS5 prefix terms, all required: "sian jo" → "sian"* AND "jo"*."""
    words = re.findall(r"\w+", text)
    if not words:
        raise InputError("search for at least one letter or digit of a name or reference")
    return " AND ".join(f'"{w}"*' for w in words)


def list_cases(
    store: CaseStore,
    *,
    state: str | None = None,
    search: str | None = None,
    limit: int = 200,
    offset: int = 0,
    decision: str | None = None,
) -> list[CaseSummary]:
    """Most recently changed first; ``state`` one of the lifecycle states, ``decision``
    one of planning, waiting (for a decision), agreed, decided."""
    where, params = [], []
    if decision is not None:
        if decision not in DECISION_STATUSES:
            raise InputError(
                f"unknown decision status {decision!r} (known: {', '.join(DECISION_STATUSES)})"
            )
        where.append("decision_status = ?")
        params.append(decision)
    if state is not None:
        if state not in STATES:
            raise InputError(f"unknown state {state!r} (states: {', '.join(STATES)})")
        where.append("state = ?")
        params.append(state)
    if search:
        match = fts_query(search)
        rowids = [
            r[0]
            for r in store.db.execute(
                "SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? LIMIT ?",
                (match, SEARCH_LOOKUP_MAX + 1),
            )
        ]
        if not rowids:
            return []
        if len(rowids) <= SEARCH_LOOKUP_MAX:
            where.append("rowid IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(rowids))
        else:  # "+rowid" is no rowid lookup: the planner walks the updated_at index instead
            where.append("+rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)")
            params.append(match)
    sql = (
        "SELECT case_uuid, person_name, council_ref, questionnaire, state, weekly, updated_at, linked_case_uuid,"
        " decision_status"
        " FROM cases"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY updated_at DESC LIMIT ? OFFSET ?"
    )
    rows = store.db.execute(sql, (*params, limit, offset)).fetchall()
    return [CaseSummary(*row) for row in rows]


def show_case(store: CaseStore, case_uuid: str) -> dict[str, Any]:
    """Everything about one case: details, every version with its answers and result, history."""
    case = store.case_row(case_uuid)
    case["format_needs"] = json.loads(case["format_needs"])
    versions = []
    cur = store.db.execute(
        "SELECT * FROM versions WHERE case_uuid = ? ORDER BY number", (case_uuid,)
    )
    names = [d[0] for d in cur.description]
    for row in cur.fetchall():
        v = dict(zip(names, row, strict=True))
        bundle = v.pop("bundle")
        v["answers"] = store.answers_json(v["version_uuid"])
        v["notes"] = store.notes(v["version_uuid"])
        v["result"] = open_bundle(bundle)["result"] if bundle is not None else None
        receipt = store.db.execute(
            "SELECT receipt, received_at FROM receipts WHERE version_uuid = ?", (v["version_uuid"],)
        ).fetchone()
        v["receipt"] = {"receipt": receipt[0], "received_at": receipt[1]} if receipt else None
        versions.append(v)
    history = [
        dict(
            zip(
                ("at", "actor", "event", "version_uuid", "question", "old", "new", "reason"),
                r,
                strict=True,
            )
        )
        for r in store.db.execute(
            "SELECT at, actor, event, version_uuid, question, old, new, reason FROM audit WHERE case_uuid = ? ORDER BY id",
            (case_uuid,),
        )
    ]
    linked = [
        r[0]
        for r in store.db.execute(
            "SELECT case_uuid FROM cases WHERE linked_case_uuid = ?", (case_uuid,)
        )
    ]
    return {"case": case, "versions": versions, "history": history, "carers_assessments": linked}


def export_bundle(store: CaseStore, case_uuid: str) -> bytes:
    """The canonical bundle of the latest finalised version, byte for byte as frozen."""
    row = store.db.execute(
        "SELECT bundle FROM versions WHERE case_uuid = ? AND bundle IS NOT NULL ORDER BY number DESC LIMIT 1",
        (case_uuid,),
    ).fetchone()
    if row is None:
        raise InputError(
            f"case {case_uuid[:8]} has no finalised version yet: finalise it first (rasdesk case finalise)"
        )
    data: bytes = row[0]
    return data
