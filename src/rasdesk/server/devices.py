"""Enrolment codes, devices and their tokens: issue, enrol, authenticate, revoke, list.

A code is single use and expires; using it is one conditional UPDATE, so two laptops
racing with one code get one device between them. Only hashes of codes and tokens are
stored: a copy of the database lets nobody enrol or upload.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.server.clock import hashed, later, new_code, new_token, normal_code, now
from rasdesk.server.db import Database


class EnrolmentRefused(Exception):
    """The code is unknown, already used or expired (which one is not told)."""


class Unauthorised(Exception):
    """No token, or one the server does not know."""


class Revoked(Exception):
    """The device was revoked by an administrator."""


@dataclass(frozen=True, slots=True)
class Device:
    device_id: str
    assessor: str


def issue_code(db: Database, assessor: str, expires_hours: float = 24) -> tuple[str, str]:
    """A new one-time code for ``assessor``; returns the code and when it expires."""
    if not assessor.strip():
        raise InputError("--assessor is empty: give the name of the assessor the code is for")
    if not 0 < expires_hours <= 24 * 31:
        raise InputError("--expires-hours must be more than 0 and at most 744 (31 days)")
    code, expires = new_code(), later(expires_hours)
    with db.connection() as conn, conn.transaction():
        conn.execute(
            "INSERT INTO enrol_codes (code_hash, assessor, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (hashed(normal_code(code)), assessor.strip(), now(), expires),
        )
    return code, expires


def enrol(db: Database, code: str, device_name: str) -> tuple[str, str]:
    """Use a code: a new device and its token (returned once, never stored in clear)."""
    device_id, token, at = str(uuid.uuid4()), new_token(), now()
    with db.connection() as conn, conn.transaction():
        row = conn.execute(
            "SELECT assessor FROM enrol_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
            (hashed(normal_code(code)), at),
        ).fetchone()
        if row is None:
            raise EnrolmentRefused
        used = conn.execute(
            "UPDATE enrol_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL",
            (at, device_id, hashed(normal_code(code))),
        )
        if used.rowcount != 1:
            raise EnrolmentRefused  # another laptop used it a moment ago
        conn.execute(
            "INSERT INTO devices (device_id, token_hash, assessor, device_name, enrolled_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (device_id, hashed(token), row[0], device_name.strip() or "unnamed device", at),
        )
    return device_id, token


def authenticate(db: Database, authorization: str | None) -> Device:
    """The device a ``Bearer`` token belongs to; raises Unauthorised or Revoked."""
    if not authorization:
        raise Unauthorised
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorised
    with db.connection() as conn:
        row = conn.execute(
            "SELECT device_id, assessor, revoked_at FROM devices WHERE token_hash = ?",
            (hashed(token.strip()),),
        ).fetchone()
    if row is None:
        raise Unauthorised
    if row[2] is not None:
        raise Revoked
    return Device(row[0], row[1])


def revoke(db: Database, device_id: str) -> dict[str, Any]:
    """Revoke a device (at once, for every server process). Revoking twice is harmless."""
    with db.connection() as conn, conn.transaction():
        row = conn.execute(
            "SELECT assessor, device_name, revoked_at FROM devices WHERE device_id = ?",
            (device_id.strip(),),
        ).fetchone()
        if row is None:
            raise InputError(
                f"no device has the id {device_id!r}; list them with: rasdesk-server devices"
            )
        revoked_at = row[2] or now()
        if row[2] is None:
            conn.execute(
                "UPDATE devices SET revoked_at = ? WHERE device_id = ?",
                (revoked_at, device_id.strip()),
            )
    return {
        "device_id": device_id.strip(),
        "assessor": row[0],
        "device_name": row[1],
        "revoked_at": revoked_at,
        "already": row[2] is not None,
    }


def list_devices(db: Database) -> list[dict[str, Any]]:
    with db.connection() as conn:
        rows = conn.execute(
            "SELECT d.device_id, d.assessor, d.device_name, d.enrolled_at, d.revoked_at,"
            " COUNT(v.version_uuid), MAX(v.received_at)"
            " FROM devices d LEFT JOIN versions v ON v.device_id = d.device_id"
            " GROUP BY d.device_id, d.assessor, d.device_name, d.enrolled_at, d.revoked_at"
            " ORDER BY d.enrolled_at, d.device_id"
        ).fetchall()
    keys = (
        "device_id",
        "assessor",
        "device_name",
        "enrolled_at",
        "revoked_at",
        "versions",
        "last_upload",
    )
    return [dict(zip(keys, row, strict=True)) for row in rows]
