"""Receiving one case version: check the bundle, then store it exactly once.

"Same bytes" means the same bundle ``sha256``: the bundle's own hash of its canonical
content (sync spec). Two uploads of one ``version_uuid`` with that hash are one upload,
and the second gets the first's receipt; with a different hash, the second is a 409.

Exactly once, across processes: the row is inserted under the ``version_uuid`` primary key
inside a transaction that also moves the case's head (a conditional UPDATE, or an INSERT
for a new case). A racing duplicate fails on the key and is answered from the winner's
row; a racing amendment finds the head moved and gets a 409.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from rasdesk.domain.bundle import FORMAT_V2, digest
from rasdesk.domain.jsonio import StrictJSONError
from rasdesk.server.authz import check_case, check_writer
from rasdesk.server.bundle_schema import BUNDLE, problems
from rasdesk.server.clock import new_receipt, now
from rasdesk.server.db import Connection, Database, IntegrityErrors
from rasdesk.server.devices import Device
from rasdesk.server.export import recompute
from rasdesk.server.limits import loads_bounded
from rasdesk.server.rulesets import RulesetCache, is_known

log = logging.getLogger("rasdesk.server")

#: A bundle is at most this deep (a real one: 5 levels, in the result's adjustments).
MAX_DEPTH = 12


class Invalid(Exception):
    """422: the bundle cannot be used. ``code`` is the API error code."""

    def __init__(self, code: str, message: str, reasons: list[str]) -> None:
        super().__init__(message)
        self.code, self.message, self.reasons = code, message, reasons


class Conflict(Exception):
    """409: this version contradicts what the server holds."""

    def __init__(self, code: str, message: str, head: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.head = code, message, head


#: What a transaction that lost a race with another process raises.
_RACES: tuple[type[Exception], ...] = (*IntegrityErrors, Conflict)


@dataclass(frozen=True, slots=True)
class Receipt:
    receipt: str
    version_uuid: str
    received_at: str

    def as_dict(self) -> dict[str, str]:
        return {
            "receipt": self.receipt,
            "version_uuid": self.version_uuid,
            "received_at": self.received_at,
        }


def check_bundle(data: bytes, case_uuid: str, version_uuid: str) -> dict[str, Any]:
    """The parsed bundle, or ``Invalid`` listing every reason it cannot be accepted: its
    JSON (numbers, nesting and text bounded before any Decimal work), every field against
    the bundle schema, the address, and its sha256. CPU work: call it off the event loop."""
    try:
        doc = loads_bounded(data, MAX_DEPTH)
    except StrictJSONError as exc:
        raise Invalid("invalid_bundle", "the body is not a case bundle", [str(exc)]) from None
    if not isinstance(doc, dict):
        raise Invalid("invalid_bundle", "the body is not a case bundle", ["not a JSON object"])
    reasons = problems(BUNDLE, doc)
    if doc.get("format") == FORMAT_V2:  # a support plan and perhaps its decision
        from rasdesk.server.decisions import section_problems

        reasons += section_problems(doc)
    elif "decision" in doc:
        reasons.append('$.decision is only in a "rasdesk-case/2" bundle')
    if doc.get("case_uuid") != case_uuid:
        reasons.append(f'"case_uuid" in the bundle is not the {case_uuid} of the address')
    if doc.get("version_uuid") != version_uuid:
        reasons.append(f'"version_uuid" in the bundle is not the {version_uuid} of the address')
    if doc.get("supersedes") is not None and not doc.get("amendment_reason"):
        reasons.append('"amendment_reason" is missing: a later version says why it was made')
    if not reasons:
        try:
            if doc["sha256"] != digest(doc):
                reasons.append(
                    '"sha256" does not match the content: the bundle was changed or damaged'
                )
        except (TypeError, ValueError) as exc:
            reasons.append(f"the bundle has no canonical form: {exc}")
    if reasons:
        raise Invalid("invalid_bundle", "the case bundle cannot be accepted", reasons)
    bundle: dict[str, Any] = doc
    return bundle


def check_result(cache: RulesetCache, bundle: dict[str, Any]) -> None:
    """Refuse (422 ``result_mismatch``) a result the server does not compute from the same
    answers and ruleset: the council never holds a figure it cannot reproduce."""
    problem = recompute(cache, bundle)
    if problem is not None:
        raise Invalid(
            "result_mismatch",
            "the budget in this case is not what the council's ruleset gives for its answers",
            [problem],
        )


def _held(conn: Connection, version_uuid: str) -> tuple[str, str, str] | None:
    row = conn.execute(
        "SELECT sha256, receipt, received_at FROM versions WHERE version_uuid = ?",
        (version_uuid,),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def _same_or_conflict(held: tuple[str, str, str], sha256: str, version_uuid: str) -> Receipt:
    if held[0] != sha256:
        raise Conflict(
            "version_conflict",
            f"the server already holds version {version_uuid} with different content "
            f"(sha256 {held[0][:12]}…, this one {sha256[:12]}…); a version never changes: "
            "a correction is a new version",
        )
    return Receipt(held[1], version_uuid, held[2])


def _head(conn: Connection, case_uuid: str) -> str | None:
    row = conn.execute(
        "SELECT head_version FROM cases WHERE case_uuid = ?", (case_uuid,)
    ).fetchone()
    return None if row is None else str(row[0])


def _head_conflict(conn: Connection, bundle: dict[str, Any]) -> Conflict:
    case_uuid, supersedes = bundle["case_uuid"], bundle["supersedes"]
    head = _head(conn, case_uuid)
    if supersedes is None:
        message = (
            f"the server already has case {case_uuid} (latest version {head}); "
            "a later version must name it in supersedes"
        )
    elif head is None:
        message = (
            f"this version supersedes {supersedes}, but the server has no version of case "
            f"{case_uuid} yet: send the earlier version first"
        )
    else:
        message = (
            f"this version supersedes {supersedes}, but the latest version of case {case_uuid} "
            f"on the server is {head}"
        )
    return Conflict("supersedes_conflict", message, head)


def _move_head(conn: Connection, bundle: dict[str, Any], at: str) -> None:
    """Make this version the case's head, if ``supersedes`` names the head now."""
    case_uuid, version_uuid = bundle["case_uuid"], bundle["version_uuid"]
    if bundle["supersedes"] is None:
        # A second "first version" of the case fails here on the primary key.
        conn.execute(
            "INSERT INTO cases (case_uuid, head_version, updated_at) VALUES (?, ?, ?)",
            (case_uuid, version_uuid, at),
        )
        return
    moved = conn.execute(
        "UPDATE cases SET head_version = ?, updated_at = ? WHERE case_uuid = ? AND head_version = ?",
        (version_uuid, at, case_uuid, bundle["supersedes"]),
    )
    if moved.rowcount != 1:
        raise _head_conflict(conn, bundle)


def store(
    db: Database,
    device: Device,
    bundle: dict[str, Any],
    data: bytes,
    cache: RulesetCache | None = None,
) -> tuple[Receipt, bool]:
    """Keep the version once. Returns its receipt and whether it was new. Raises
    ``Forbidden`` for a case of another assessor, ``Invalid``, or ``Conflict``. ``cache``:
    the parsed rulesets to recompute with (the app keeps one; else one is made)."""
    cache = cache or RulesetCache(db)
    version_uuid, sha256 = bundle["version_uuid"], bundle["sha256"]
    ruleset_sha256 = bundle["ruleset"]["sha256"]
    with db.connection() as conn:
        check_case(conn, device, bundle["case_uuid"])
        held = _held(conn, version_uuid)
        if held is not None:
            return _same_or_conflict(held, sha256, version_uuid), False
        writer = check_writer(conn, device, bundle)
        if writer:
            raise Invalid("assessor_mismatch", "the bundle names another assessor's device", writer)
        if not is_known(conn, ruleset_sha256):
            raise Invalid(
                "unknown_ruleset",
                "this server does not know the ruleset the case was assessed with",
                [
                    f"ruleset {bundle['ruleset']['id']} {bundle['ruleset']['version']} "
                    f"(sha256 {ruleset_sha256}) is not published on this server: the administrator "
                    "must publish it (rasdesk-server publish-ruleset), then the case can be sent again"
                ],
            )
        check_result(cache, bundle)
        if bundle["assessor"]["name"].casefold().split() != device.assessor.casefold().split():
            log.warning(
                "case %s version %s names its assessor differently from the one device %s was "
                "enrolled for (see assessor_matches in the export)",
                bundle["case_uuid"],
                version_uuid,
                device.device_id,
            )
        receipt, at = new_receipt(), now()
        try:
            with conn.transaction():
                conn.execute(
                    "INSERT INTO versions (version_uuid, case_uuid, supersedes, sha256, receipt,"
                    " received_at, device_id, ruleset_sha256, bundle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        version_uuid,
                        bundle["case_uuid"],
                        bundle["supersedes"],
                        sha256,
                        receipt,
                        at,
                        device.device_id,
                        ruleset_sha256,
                        data,
                    ),
                )
                _move_head(conn, bundle, at)
        except _RACES as exc:
            # Another process may have stored this very version a moment ago (the key or
            # the case's head says so): then this is a retry, answered with its receipt.
            held = _held(conn, version_uuid)
            if held is not None:
                log.info("version %s arrived twice at once: one row kept", version_uuid)
                return _same_or_conflict(held, sha256, version_uuid), False
            if isinstance(exc, Conflict):
                raise
            raise _head_conflict(conn, bundle) from None
    return Receipt(receipt, version_uuid, at), True


def receipts(
    db: Database, device: Device, version_uuids: list[str]
) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Which of ``version_uuids`` the server holds (with receipts), and which it lacks. A
    version sent by another assessor's device is told as missing (authz.py)."""
    held: dict[str, dict[str, str]] = {}
    wanted = list(dict.fromkeys(version_uuids))
    with db.connection() as conn:
        for start in range(0, len(wanted), 200):
            chunk = wanted[start : start + 200]
            marks = ", ".join("?" for _ in chunk)
            for row in conn.execute(
                "SELECT v.version_uuid, v.receipt, v.received_at FROM versions v"
                " JOIN devices d ON d.device_id = v.device_id"
                f" WHERE d.assessor = ? AND v.version_uuid IN ({marks})",
                (device.assessor, *chunk),
            ).fetchall():
                held[row[0]] = {"receipt": row[1], "received_at": row[2]}
    return held, [v for v in wanted if v not in held]
