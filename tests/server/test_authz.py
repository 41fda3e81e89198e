"""Authorisation (issue 14, item 7; docs/sync-server.md "Authorisation"): a case belongs to
the assessor whose device first sent it; a bundle's device must be its sender's assessor's;
a result the server does not compute is refused."""

from __future__ import annotations

import uuid

from rasdesk.domain.bundle import seal
from rasdesk.domain.jsonio import loads_strict
from tests.server.helpers import Bundles, call, enrol, put
from tests.support_server import ServerProcess, enrol_code, export_rows


def _device(server: ServerProcess, assessor: str) -> tuple[str, str]:
    return enrol(server.api, enrol_code(server.database, assessor))


def test_another_assessors_device_cannot_amend_a_case(
    server: ServerProcess, bundles: Bundles
) -> None:
    _, sam = _device(server, "Sam Patel")
    _, jo = _device(server, "Jo Bloggs")
    first = bundles.fresh()
    assert put(server.api, sam, first)[0] == 201
    doc = loads_strict(first)
    amendment = dict(
        doc,
        version_uuid=str(uuid.uuid4()),
        supersedes=doc["version_uuid"],
        amendment_reason="taken over",
    )
    status, body = put(server.api, jo, seal(amendment)[0])
    assert (status, body["error"]) == (403, "not_your_case"), body
    # Nor may it resend the first version to learn its receipt.
    status, body = put(server.api, jo, first)
    assert (status, body["error"]) == (403, "not_your_case"), body
    # A second laptop of the same assessor (a replaced one) may.
    _, sam_again = _device(server, "Sam Patel")
    assert put(server.api, sam_again, seal(amendment)[0])[0] == 201


def test_receipts_tell_nothing_about_other_assessors_versions(
    server: ServerProcess, bundles: Bundles
) -> None:
    _, sam = _device(server, "Sam Patel")
    _, jo = _device(server, "Jo Bloggs")
    data = bundles.fresh()
    version = loads_strict(data)["version_uuid"]
    receipt = put(server.api, sam, data)[1]["receipt"]
    asked = {"version_uuids": [version]}
    assert (
        call("POST", f"{server.api}/receipts", asked, token=sam)[1]["held"][version]["receipt"]
        == receipt
    )
    status, body = call("POST", f"{server.api}/receipts", asked, token=jo)
    assert status == 200 and body == {"held": {}, "missing": [version]}


def test_a_bundle_must_name_a_device_of_its_senders_assessor(
    server: ServerProcess, bundles: Bundles
) -> None:
    sam_device, _ = _device(server, "Sam Patel")
    jo_device, jo = _device(server, "Jo Bloggs")
    forged = bundles.fresh(assessor={"name": "Jo Bloggs", "device_id": sam_device})
    status, body = put(server.api, jo, forged)
    assert (status, body["error"]) == (422, "assessor_mismatch"), body
    unknown = bundles.fresh(assessor={"name": "Jo Bloggs", "device_id": str(uuid.uuid4())})
    status, body = put(server.api, jo, unknown)
    assert (status, body["error"]) == (422, "assessor_mismatch"), body
    # Its own device, or none (a case begun before the laptop was enrolled), is fine.
    assert (
        put(server.api, jo, bundles.fresh(assessor={"name": "Jo", "device_id": jo_device}))[0]
        == 201
    )
    assert (
        put(server.api, jo, bundles.fresh(assessor={"name": "Jo Bloggs", "device_id": None}))[0]
        == 201
    )
    # A name spelt otherwise than the administrator's is kept, and shown in the export.
    flagged = [r for r in export_rows(server.database) if r["device_id"] == jo_device]
    assert {(r["assessor"], r["assessor_matches"]) for r in flagged} == {
        ("Jo", False),
        ("Jo Bloggs", True),
    }
    assert all(r["enrolled_assessor"] == "Jo Bloggs" for r in flagged)


def test_a_result_the_server_does_not_compute_is_refused(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    tampered = bundles.tampered()
    status, body = put(server.api, token, tampered)
    assert (status, body["error"]) == (422, "result_mismatch"), body
    assert "weekly" in body["reasons"][0]
    version = loads_strict(tampered)["version_uuid"]
    asked = {"version_uuids": [version]}
    assert call("POST", f"{server.api}/receipts", asked, token=token)[1]["missing"] == [version]
