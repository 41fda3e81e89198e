"""Support plans and decisions on the server (docs/sync-v2.md).

- ``section_problems``: checks the ``decision`` section of a ``rasdesk-case/2`` bundle.
- ``record_decision``: the council records a decision on a case it holds (a panel met):
  a new version, built from the head version's bundle with the decision added, sealed and
  kept like an upload, with its own receipt; ``council_versions`` marks it.
- ``updates``: a laptop names the head it holds of each case; it gets back the versions
  the council made after that head, in order, as their exact bytes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from rasdesk.decision.decide import Decision, make_decision
from rasdesk.decision.record import read_section, section
from rasdesk.domain.bundle import FORMAT_V2, open_bundle, seal
from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.server.clock import new_receipt, now
from rasdesk.server.db import Database
from rasdesk.server.devices import Device

MAX_HEADS = 1000
MAX_CHAIN = 20  # council versions after one head, at most (one a panel meeting)


def section_problems(doc: dict[str, Any]) -> list[str]:
    """Why the bundle's plan-and-decision section cannot be accepted (empty: it can)."""
    if "decision" not in doc:
        return ['"decision" is missing: a rasdesk-case/2 bundle carries the support plan']
    try:
        read_section(doc["decision"], '"decision"')
    except InputError as exc:
        return [str(exc)]
    return []


def record_decision(
    db: Database, case_uuid: str, fields: dict[str, Any], today: dt.date | None = None
) -> tuple[str, str, Decision]:
    """Record the council's decision on the case's head. Returns (version, receipt, decision)."""
    with db.connection() as conn:
        row = conn.execute(
            "SELECT v.version_uuid, v.bundle, v.device_id, v.ruleset_sha256 FROM cases c"
            " JOIN versions v ON v.version_uuid = c.head_version WHERE c.case_uuid = ?",
            (case_uuid,),
        ).fetchone()
        if row is None:
            raise InputError(f"this server holds no case {case_uuid}")
        head, data, device_id, ruleset_sha256 = str(row[0]), bytes(row[1]), row[2], row[3]
        bundle = open_bundle(data, f"case {case_uuid[:8]}'s latest version")
        if bundle.get("decision") is None:
            raise CaseStateError(
                f"case {case_uuid[:8]} has no support plan on this server: a decision is made on a plan"
            )
        sec = read_section(bundle["decision"])
        if not sec.plan.items:
            raise CaseStateError(f"case {case_uuid[:8]}'s support plan has no items")
        decision = make_decision(
            indicative=sec.indicative.amount,
            period=sec.indicative.period.value,
            source="council",
            today=today,
            **fields,
        )
        at = now()
        version_uuid = str(uuid.uuid4())
        new = dict(bundle)
        new.update(
            format=FORMAT_V2,
            version_uuid=version_uuid,
            supersedes=head,
            amendment_reason="decision on the support plan",
            decision=section(sec.indicative, sec.plan, decision),
            finalised_at=at,
            audit=[
                {
                    "at": at,
                    "event": "decision",
                    "question": None,
                    "old": None,
                    "new": f"{decision.by}: {decision.final}",
                    "reason": decision.reasons or None,
                }
            ],
        )
        sealed, sha256 = seal(new)
        receipt = new_receipt()
        with conn.transaction():
            conn.execute(
                "INSERT INTO versions (version_uuid, case_uuid, supersedes, sha256, receipt,"
                " received_at, device_id, ruleset_sha256, bundle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    version_uuid,
                    case_uuid,
                    head,
                    sha256,
                    receipt,
                    at,
                    device_id,
                    ruleset_sha256,
                    sealed,
                ),
            )
            moved = conn.execute(
                "UPDATE cases SET head_version = ?, updated_at = ? WHERE case_uuid = ? AND head_version = ?",
                (version_uuid, at, case_uuid, head),
            )
            if moved.rowcount != 1:
                raise CaseStateError(
                    f"case {case_uuid[:8]} changed while the decision was recorded: try again"
                )
            conn.execute(
                "INSERT INTO council_versions (version_uuid, case_uuid, decided_by, recorded_at)"
                " VALUES (?, ?, ?, ?)",
                (version_uuid, case_uuid, decision.by, at),
            )
    return version_uuid, receipt, decision


def updates(db: Database, device: Device, heads: dict[str, str]) -> list[dict[str, Any]]:
    """For each case (whose versions this device's assessor sent), the versions the council
    made after the head the laptop names, oldest first, each with its receipt and exact bytes."""
    out: list[dict[str, Any]] = []
    with db.connection() as conn:
        for case_uuid, head in heads.items():
            mine = conn.execute(
                "SELECT 1 FROM versions v JOIN devices d ON d.device_id = v.device_id"
                " WHERE v.case_uuid = ? AND d.assessor = ? LIMIT 1",
                (case_uuid, device.assessor),
            ).fetchone()
            if mine is None:
                continue  # not this assessor's case: nothing is told about it
            current = head
            for _ in range(MAX_CHAIN):
                row = conn.execute(
                    "SELECT v.version_uuid, v.receipt, v.received_at, v.bundle FROM versions v"
                    " JOIN council_versions c ON c.version_uuid = v.version_uuid"
                    " WHERE v.case_uuid = ? AND v.supersedes = ?",
                    (case_uuid, current),
                ).fetchone()
                if row is None:
                    break
                out.append(
                    {
                        "case_uuid": case_uuid,
                        "version_uuid": row[0],
                        "receipt": row[1],
                        "received_at": row[2],
                        "bundle": bytes(row[3]).decode("utf-8"),
                    }
                )
                current = row[0]
    return out


#: Export columns of the plan and decision (empty for a version without them).
EXPORT_COLUMNS = (
    "total_points",
    "indicative",
    "period",
    "indicative_amount",
    "plan_cost_per_year",
    "final",
    "variance",
    "variance_percent",
    "reason_category",
    "decided_by_role",
    "decision_source",
    "need_areas",
    "answers",
)


def export_columns(bundle: dict[str, Any]) -> dict[str, Any]:
    """The plan-and-decision columns of one exported version. Money exact, per the
    indicative amount's period (a week for format 1); ``indicative_amount`` is the id of the
    format-2 amount the plan was measured against (its council part: docs/ruleset-v2.md §5;
    empty for format 1); ``variance`` is final − indicative;
    ``answers`` is the version's answers as canonical JSON (so that ``rasdesk ruleset
    calibrate`` can score a decided case again with another rate)."""
    from rasdesk.decision.costing import percent_of
    from rasdesk.domain.bundle import canonical
    from rasdesk.domain.decimals import money

    result = bundle.get("result") or {}
    out: dict[str, Any] = dict.fromkeys(EXPORT_COLUMNS)
    out["total_points"] = (
        None if result.get("total_points") is None else str(result["total_points"])
    )
    out["need_areas"] = []
    out["answers"] = canonical(bundle.get("answers") or {}).decode()
    raw = bundle.get("decision")
    if raw is None:
        return out
    sec = read_section(raw)
    ind = sec.indicative
    out.update(
        indicative=money(ind.amount),
        period=ind.period.value,
        indicative_amount=ind.amount_id,
        plan_cost_per_year=money(sec.comparison.plan_per_year),
        need_areas=sorted({a for item in sec.plan.items for a in item.meets}),
    )
    d = sec.decision
    if d is not None:
        variance = d.final - ind.amount
        pct = percent_of(variance, ind.amount)
        out.update(
            final=money(d.final),
            variance=money(variance),
            variance_percent=None if pct is None else str(pct),
            reason_category=d.category,
            decided_by_role=d.by_role,
            decision_source=d.source,
        )
    return out
