"""Who may do what with a case (docs/sync-server.md, "Authorisation").

A case belongs to the assessor whose device sent its first version: the assessor as the
administrator named them at ``enrol-code``. Every device enrolled for that assessor (a
replaced or re-enrolled laptop) may send its later versions and ask about them; any other
device is refused (403 ``not_your_case``), and ``/receipts`` tells it nothing about them
(they are listed as missing, as if the server had never seen them).

A bundle names the device it was written on (``assessor.device_id``): when it does, that
must be a device enrolled for the same assessor as the sender, or the bundle is refused.
The assessor's *name* in a bundle is typed on the laptop and may be spelt differently
from the administrator's; it is kept, and the export shows the enrolled assessor beside
it with ``assessor_matches``.
"""

from __future__ import annotations

from typing import Any

from rasdesk.server.db import Connection
from rasdesk.server.devices import Device


class Forbidden(Exception):
    """403: this device may not do this."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def owner(conn: Connection, case_uuid: str) -> str | None:
    """The assessor a case belongs to, or None for a case the server does not hold."""
    row = conn.execute(
        "SELECT d.assessor FROM cases c JOIN versions v ON v.version_uuid = c.head_version"
        " JOIN devices d ON d.device_id = v.device_id WHERE c.case_uuid = ?",
        (case_uuid,),
    ).fetchone()
    return None if row is None else str(row[0])


def check_case(conn: Connection, device: Device, case_uuid: str) -> None:
    """Refuse a device sending a version of a case that belongs to another assessor."""
    belongs_to = owner(conn, case_uuid)
    if belongs_to is not None and belongs_to != device.assessor:
        raise Forbidden(
            "not_your_case",
            f"case {case_uuid} was sent by a device of another assessor: only devices enrolled "
            "for that assessor may add versions to it. If the case has moved to you, the "
            "administrator must enrol this laptop for the case's assessor.",
        )


def check_writer(conn: Connection, device: Device, bundle: dict[str, Any]) -> list[str]:
    """Reasons the bundle's ``assessor.device_id`` cannot be the sender's (none if fine)."""
    written_on = (bundle.get("assessor") or {}).get("device_id")
    if written_on is None or written_on == device.device_id:
        return []
    row = conn.execute("SELECT assessor FROM devices WHERE device_id = ?", (written_on,)).fetchone()
    if row is None:
        return [
            f'"assessor.device_id" {written_on} is no device enrolled on this server: '
            "a bundle must name the device it was written on"
        ]
    if row[0] != device.assessor:
        return [
            f'"assessor.device_id" {written_on} is a device of another assessor: a device may '
            "only send cases written on its own assessor's devices"
        ]
    return []
