"""Shared pieces of the server tests: real case bundles from the case store, and plain
HTTP calls (urllib, so these tests need no HTTP client of the desktop side)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rasdesk.domain.bundle import MEDIA_TYPE, seal
from rasdesk.domain.jsonio import loads_strict
from rasdesk.storage.lifecycle import amend, finalise
from rasdesk.storage.queries import export_bundle
from tests.storage.helpers import answered_case, new_store


def call(
    method: str,
    url: str,
    body: bytes | dict[str, Any] | None = None,
    *,
    token: str | None = None,
    content_type: str | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    """(status, the JSON answer) of one request; never raises for an HTTP error status."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    sent = dict(headers or {})
    if data is not None:
        sent["Content-Type"] = content_type or (
            "application/json" if isinstance(body, dict) else MEDIA_TYPE
        )
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, method=method, headers=sent)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def put(api: str, token: str, data: bytes, **kw: Any) -> tuple[int, Any]:
    # Plain json: the test's own read of the ids (a bundle may nest past the strict bound).
    doc = json.loads(data)
    url = f"{api}/cases/{doc['case_uuid']}/versions/{doc['version_uuid']}"
    return call("PUT", url, data, token=token, **kw)


def enrol(api: str, code: str, name: str = "laptop") -> tuple[str, str]:
    status, body = call("POST", f"{api}/enrol", {"code": code, "device_name": name})
    assert status == 201, body
    return body["device_id"], body["token"]


@dataclass(frozen=True)
class Bundles:
    """Real bundles made by the case store: a case and its amendment, another case."""

    first: bytes  # case A, version 1
    amended: bytes  # case A, version 2 (supersedes version 1)
    other: bytes  # case B, version 1

    def fresh(self, **changes: Any) -> bytes:
        """A copy of ``other`` as a new case (new uuids), with ``changes``, sealed again."""
        doc = loads_strict(self.other)
        doc.update(case_uuid=str(uuid.uuid4()), version_uuid=str(uuid.uuid4()), supersedes=None)
        doc.update(changes)
        return seal(doc)[0]

    def tampered(self) -> bytes:
        """A new case whose result says more than its answers give, with a correct sha256."""
        doc = loads_strict(self.fresh())
        doc["result"]["weekly"] = str(Decimal(doc["result"]["weekly"]) + 100)
        return seal(doc)[0]


def make_bundles(folder: Path) -> Bundles:
    store = new_store(folder)
    try:
        a = answered_case(store, "Siân Jones", council_ref="CR-0001")
        finalise(store, a)
        first = export_bundle(store, a)
        amend(store, a, "moving was understated", {"moving": "lots"})
        finalise(store, a)
        amended = export_bundle(store, a)
        b = answered_case(store, "Dafydd Rees", council_ref="CR-0002")
        finalise(store, b)
        other = export_bundle(store, b)
    finally:
        store.close()
    return Bundles(first, amended, other)


def store_raw(database: str, data: bytes, device_id: str) -> None:
    """Put a bundle straight into the server's database, as an older server that checked
    less may have kept it (the API of this one would refuse it)."""
    from rasdesk.server.clock import new_receipt, now
    from rasdesk.server.db import Database

    doc = loads_strict(data)
    db = Database.open(database)
    try:
        with db.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO versions (version_uuid, case_uuid, supersedes, sha256, receipt,"
                " received_at, device_id, ruleset_sha256, bundle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc["version_uuid"],
                    doc["case_uuid"],
                    None,
                    str(doc.get("sha256")),
                    new_receipt(),
                    now(),
                    device_id,
                    doc["ruleset"]["sha256"],
                    data,
                ),
            )
            conn.execute(
                "INSERT INTO cases (case_uuid, head_version, updated_at) VALUES (?, ?, ?)",
                (doc["case_uuid"], doc["version_uuid"], now()),
            )
    finally:
        db.close()


def sha_of(data: bytes) -> str:
    sha: str = loads_strict(data)["sha256"]
    return sha
