"""``rasdesk-server export``: one row per received version, for the council's
case-management system, with the server's own recomputation of each result.

The recomputation uses the ruleset pinned in the bundle (by sha256) and the bundle's
answers, and compares every figure and decision of the result (the explanation's wording
is left out: it may be reworded by a later rasdesk without changing any number). A
disagreement is flagged in ``recompute_agrees``/``recompute_problem``; the bundle's own
figures are exported unchanged, never "fixed". Money stays exact decimal text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

from rasdesk.cld.cld_row import CLD_COLUMNS, cld_row, needs_columns
from rasdesk.decision.record import read_section
from rasdesk.domain.budget import compute_budget
from rasdesk.domain.bundle import canonical
from rasdesk.domain.errors import InputError, RasdeskError
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.server import export_amounts
from rasdesk.server.clock import stamp
from rasdesk.server.db import Database
from rasdesk.server.decisions import EXPORT_COLUMNS, export_columns
from rasdesk.server.recompute_v2 import DOCUMENT_FIELDS, recompute_v2
from rasdesk.server.rulesets import RulesetCache

COLUMNS = (
    "case_uuid",
    "version_uuid",
    "supersedes",
    "amendment_reason",
    "receipt",
    "received_at",
    "device_id",
    "assessor",
    "council_ref",
    "questionnaire",
    "ruleset_id",
    "ruleset_version",
    "ruleset_sha256",
    "weekly",
    "annual",
    "flags",
    "sign_off_required",
    "finalised_at",
    "bundle_sha256",
    "recompute_agrees",
    "recompute_problem",
    # The support plan and decision (docs/sync-v2.md).
    *EXPORT_COLUMNS,
    "enrolled_assessor",
    "assessor_matches",
    # Communication needs, coded (Accessible Information Standard) and in words.
    "communication_needs_snomed",
    "communication_needs",
    # A review: the case it reviews and the version it started from (docs/sync-v2.md).
    "review_of_case_uuid",
    "review_of_version_uuid",
)

_PAGE = 200


def recompute(cache: RulesetCache, bundle: dict[str, Any]) -> str | None:
    """None if the server's result agrees with the bundle's; else what differs."""
    ruleset = cache.get(bundle["ruleset"]["sha256"])
    if ruleset is None:
        return "the ruleset is not on this server"
    language = (bundle.get("person") or {}).get("language") or "en"
    if language not in ruleset.languages:
        language = ruleset.languages[0]
    if isinstance(ruleset, RulesetV2):  # format 2: every amount and part (recompute_v2.py)
        return recompute_v2(ruleset, bundle, language)
    extra = [k for k in DOCUMENT_FIELDS if bundle.get(k) is not None]
    if extra:
        return f"{' and '.join(extra)}: only a case of a format-2 ruleset has them"
    doc = {"questionnaire": bundle["questionnaire"], "answers": bundle["answers"]}
    try:
        mine = compute_budget(ruleset, doc, language, f"version {bundle['version_uuid']}")
    except RasdeskError as exc:
        return f"the answers cannot be computed: {exc}"
    # Through canonical JSON both sides read as the bundle holds them (text, Decimals);
    # the explanation (most of the bytes) is left out before, not after.
    mine_dict = {k: v for k, v in mine.as_dict().items() if k != "explanation"}
    theirs = bundle["result"]
    if isinstance(theirs, dict):
        wanted = {k: v for k, v in theirs.items() if k != "explanation"}
        if canonical(mine_dict) == canonical(wanted):  # the usual case, in one comparison
            return None
    ours: dict[str, Any] = loads_strict(canonical(mine_dict))
    differ = sorted(
        key
        for key in set(ours) | set(theirs)
        if key != "explanation" and canonical(ours.get(key)) != canonical(theirs.get(key))
    )
    if not differ:
        return None
    return (
        f"the bundle's {', '.join(differ)} differ from the server's recomputation "
        f"(server: weekly {ours.get('weekly')}, annual {ours.get('annual')})"
    )


def _row(cache: RulesetCache, db_row: tuple[Any, ...]) -> dict[str, Any]:
    version_uuid, receipt, received_at, device_id, data, enrolled = db_row
    bundle = loads_strict(bytes(data))
    named = (bundle.get("assessor") or {}).get("name")
    result = bundle.get("result") or {}
    problem = recompute(cache, bundle)
    ruleset = cache.get(bundle["ruleset"]["sha256"])
    kind = None
    if ruleset is not None and bundle["questionnaire"] in ruleset.questionnaire_by_id:
        kind = ruleset.questionnaire_by_id[bundle["questionnaire"]].kind
    amounts = export_amounts.summary(bundle, kind)
    v2 = export_amounts.is_v2(bundle)
    return {
        "case_uuid": bundle["case_uuid"],
        "version_uuid": version_uuid,
        "supersedes": bundle.get("supersedes"),
        "amendment_reason": bundle.get("amendment_reason"),
        "receipt": receipt,
        "received_at": received_at,
        "device_id": device_id,
        "assessor": (bundle.get("assessor") or {}).get("name"),
        "council_ref": (bundle.get("person") or {}).get("council_ref"),
        "questionnaire": bundle["questionnaire"],
        "ruleset_id": bundle["ruleset"]["id"],
        "ruleset_version": bundle["ruleset"]["version"],
        "ruleset_sha256": bundle["ruleset"]["sha256"],
        "weekly": None if result.get("weekly") is None else str(result["weekly"]),
        "annual": None if result.get("annual") is None else str(result["annual"]),
        # Format 2: each amount's flags named "amount.flag"; sign-off if any amount needs it.
        "flags": [f"{a['id']}.{f}" for a in amounts for f in a["flags"]]
        if v2
        else [str(f) for f in result.get("flags") or []],
        "sign_off_required": any(a["sign_off_required"] for a in amounts)
        if v2
        else result.get("sign_off_required"),
        "finalised_at": bundle.get("finalised_at"),
        "bundle_sha256": bundle["sha256"],
        "recompute_agrees": problem is None,
        "recompute_problem": problem,
        **export_columns(bundle),
        "enrolled_assessor": enrolled,
        "assessor_matches": str(named).casefold().split() == str(enrolled).casefold().split(),
        **needs_columns((bundle.get("person") or {}).get("format_needs") or []),
        "review_of_case_uuid": (bundle.get("review_of") or {}).get("case_uuid"),
        "review_of_version_uuid": (bundle.get("review_of") or {}).get("version_uuid"),
        "cld": cld_row(bundle, plan_mechanism(bundle), plan_status(bundle)),
        # Format 2: every amount with its period, funders, total and parts (JSON export).
        **({"amounts": amounts} if v2 else {}),
        "all_amounts": amounts,  # both formats, for --format amounts / parts
        "ruleset_format": "2" if v2 else "1",
    }


def plan_mechanism(bundle: dict[str, Any]) -> str | None:
    """The plan's Delivery Mechanism as the national return spells it (the decision
    room's one list), or None without a plan or before the mechanism is chosen."""
    raw = bundle.get("decision")
    if raw is None:
        return None
    mechanism = read_section(raw).plan.mechanism
    return None if mechanism is None else mechanism.cld


def plan_status(bundle: dict[str, Any]) -> str | None:
    """The plan's status (agreed, waiting, decided), recomputed; None without a plan."""
    raw = bundle.get("decision")
    return None if raw is None else read_section(raw).status


def rows(
    db: Database, since: str | None = None, failed: list[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Every received version (from ``since``, a date or UTC time), oldest first, read a
    page at a time so a large export never holds every bundle in memory. A version that
    cannot be exported is left out and said in ``failed``: one bad row never stops it."""
    cache = RulesetCache(db)
    after = (since or "", "")
    while True:
        with db.connection() as conn:
            page = conn.execute(
                "SELECT v.version_uuid, v.receipt, v.received_at, v.device_id, v.bundle, d.assessor"
                " FROM versions v LEFT JOIN devices d ON d.device_id = v.device_id"
                " WHERE v.received_at > ? OR (v.received_at = ? AND v.version_uuid > ?)"
                " ORDER BY v.received_at, v.version_uuid LIMIT ?",
                (after[0], after[0], after[1], _PAGE),
            ).fetchall()
        for db_row in page:
            try:
                row = _row(cache, tuple(db_row))
            except Exception as exc:  # one bad row must not stop the export
                if failed is None:
                    raise
                failed.append(f"version {db_row[0]}: {type(exc).__name__}: {exc}")
                continue
            yield row
        if len(page) < _PAGE:
            return
        after = (page[-1][2], page[-1][0])


def check_since(value: str) -> str:
    """``--since``: YYYY-MM-DD (from the start of that UTC day) or a full UTC timestamp."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"--since {value!r} is not a date (YYYY-MM-DD) or a UTC time (2026-01-31T09:00:00Z)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return stamp(moment)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


#: Row fields that are not in the JSON export (each has a CSV format of its own).
_HIDDEN = ("cld", "all_amounts", "ruleset_format")
#: The CSV formats: their columns, and the lines one exported version gives.
_TABLES: dict[str, tuple[tuple[str, ...], Callable[[dict[str, Any]], list[dict[str, Any]]]]] = {
    "csv": (COLUMNS, lambda row: [row]),
    "amounts": (export_amounts.AMOUNT_COLUMNS, export_amounts.amount_rows),
    "parts": (export_amounts.PART_COLUMNS, export_amounts.part_rows),
}


def write(found: Iterator[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write the rows as JSON lines, CSV (flags joined by ";"), the amounts or parts CSV
    (one line per amount or part: export_amounts.py) or the national return's CLD CSV.
    Returns how many versions."""
    count = 0
    if fmt == "cld":  # the national return's record-level columns, one event a row
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CLD_COLUMNS)
        for row in found:
            event = row["cld"]
            if event is None:  # a plan still waiting for its decision: no event yet
                continue
            writer.writerow([event[c] or "" for c in CLD_COLUMNS])
            count += 1
        return count
    if fmt in ("csv", "amounts", "parts"):
        columns, split = _TABLES[fmt]
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in found:
            for line in split(row):
                writer.writerow([_csv_value(line[c]) for c in columns])
            count += 1
        return count
    for row in found:
        row = {k: v for k, v in row.items() if k not in _HIDDEN}
        out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count


def export_text(db: Database, fmt: str, since: str | None = None) -> str:
    buffer = io.StringIO()
    write(rows(db, since), fmt, buffer)
    return buffer.getvalue()
