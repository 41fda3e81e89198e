"""The sync API of a real rasdesk-server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid

import pytest

from rasdesk.domain.bundle import seal
from rasdesk.domain.jsonio import loads_strict
from tests.server.helpers import Bundles, call, enrol, put, sha_of
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    export_rows,
    publish_ruleset,
    revoke,
    running_server,
)


def test_health(server: ServerProcess) -> None:
    assert call("GET", f"{server.api}/health") == (200, {"status": "ok", "api": 1})


def test_unknown_path_and_method_answer_json(server: ServerProcess) -> None:
    status, body = call("GET", f"{server.api}/nothing-here")
    assert (status, body["error"]) == (404, "not_found")
    status, body = call("DELETE", f"{server.api}/health")
    assert (status, body["error"]) == (405, "method_not_allowed")
    request = urllib.request.Request(f"{server.api}/receipts", method="GET")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405 and refused.value.headers["Allow"] == "POST"


# --- enrolment ---------------------------------------------------------------------------
def test_enrol_gives_a_device_and_a_token_that_works(server: ServerProcess) -> None:
    code = enrol_code(server.database, "Sam Patel")
    status, body = call("POST", f"{server.api}/enrol", {"code": code, "device_name": "SP laptop"})
    assert status == 201
    assert uuid.UUID(body["device_id"]) and len(body["token"]) >= 32
    status, _ = call("POST", f"{server.api}/receipts", {"version_uuids": []}, token=body["token"])
    assert status == 200


def test_a_code_is_single_use(server: ServerProcess) -> None:
    code = enrol_code(server.database, "Sam Patel")
    enrol(server.api, code)
    status, body = call("POST", f"{server.api}/enrol", {"code": code, "device_name": "again"})
    assert (status, body["error"]) == (403, "enrolment_refused")
    assert "administrator" in body["message"]


def test_a_code_may_be_typed_in_lower_case_without_dashes(server: ServerProcess) -> None:
    code = enrol_code(server.database, "Sam Patel")
    assert enrol(server.api, code.replace("-", " ").lower())[0]


def test_an_expired_code_is_refused(server: ServerProcess) -> None:
    code = enrol_code(server.database, "Sam Patel", expires_hours=0.0002)  # 0.72 s
    time.sleep(1.0)
    status, body = call("POST", f"{server.api}/enrol", {"code": code, "device_name": "late"})
    assert (status, body["error"]) == (403, "enrolment_refused")


def test_an_unknown_code_is_refused(server: ServerProcess) -> None:
    status, body = call("POST", f"{server.api}/enrol", {"code": "AAAA-BBBB", "device_name": "x"})
    assert (status, body["error"]) == (403, "enrolment_refused")


def test_a_malformed_enrolment_is_422_with_reasons(server: ServerProcess) -> None:
    status, body = call("POST", f"{server.api}/enrol", {"code": "", "device_name": 7})
    assert (status, body["error"]) == (422, "invalid_request")
    assert len(body["reasons"]) == 2
    status, body = call(
        "POST", f"{server.api}/enrol", b"{not json", content_type="application/json"
    )
    assert (status, body["error"]) == (422, "invalid_request")


def test_no_token_or_an_unknown_token_is_401(server: ServerProcess, bundles: Bundles) -> None:
    data = bundles.fresh()
    assert put(server.api, "", data)[0] == 401
    status, body = put(server.api, "not-a-token", data)
    assert (status, body["error"]) == (401, "unauthorised")
    status, body = call("GET", f"{server.api}/rulesets/current")
    assert (status, body["error"]) == (401, "unauthorised")


def test_a_revoked_device_gets_403_everywhere(server: ServerProcess, bundles: Bundles) -> None:
    device_id, token = enrol(server.api, enrol_code(server.database, "Sam Patel"))
    assert put(server.api, token, bundles.fresh())[0] == 201
    revoke(server.database, device_id)
    status, body = put(server.api, token, bundles.fresh())
    assert (status, body["error"]) == (403, "revoked")
    assert call("POST", f"{server.api}/receipts", {"version_uuids": []}, token=token)[0] == 403
    assert call("GET", f"{server.api}/rulesets/current", token=token)[0] == 403


# --- upload ------------------------------------------------------------------------------
def test_upload_is_idempotent_with_the_same_receipt(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    data = bundles.fresh()
    status, first = put(server.api, token, data)
    assert status == 201
    assert first["version_uuid"] == loads_strict(data)["version_uuid"]
    assert first["receipt"].startswith("RD-") and first["received_at"].endswith("Z")
    for _ in range(3):
        assert put(server.api, token, data) == (201, first)
    # another device of the same assessor sending the same bytes gets the same receipt too
    _, other = enrol(server.api, enrol_code(server.database, "Sam Patel"))
    assert put(server.api, other, data, content_type="application/json") == (201, first)
    versions = loads_strict(data)["version_uuid"]
    rows = [r for r in export_rows(server.database) if r["version_uuid"] == versions]
    assert len(rows) == 1 and rows[0]["receipt"] == first["receipt"]


def test_same_version_with_other_content_is_409(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    data = bundles.fresh()
    assert put(server.api, token, data)[0] == 201
    doc = loads_strict(data)
    doc["notes"] = {"general": "changed afterwards"}
    changed = seal(doc)[0]
    status, body = put(server.api, token, changed)
    assert (status, body["error"]) == (409, "version_conflict")
    assert "never changes" in body["message"]


def test_an_amendment_must_supersede_the_head(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    # The amendment before its first version: its predecessor is not there yet.
    status, body = put(server.api, token, bundles.amended)
    assert (status, body["error"]) == (409, "supersedes_conflict")
    assert "send the earlier version first" in body["message"]
    assert put(server.api, token, bundles.first)[0] == 201
    assert put(server.api, token, bundles.amended)[0] == 201
    first = loads_strict(bundles.first)
    # A second amendment of version 1 (not the head any more) is refused, naming the head.
    rival = dict(loads_strict(bundles.amended), version_uuid=str(uuid.uuid4()))
    status, body = put(server.api, token, seal(rival)[0])
    assert (status, body["error"]) == (409, "supersedes_conflict")
    assert body["head_version"] == loads_strict(bundles.amended)["version_uuid"]
    # A "first version" of a case the server has is refused too.
    restart = dict(first, version_uuid=str(uuid.uuid4()))
    status, body = put(server.api, token, seal(restart)[0])
    assert (status, body["error"]) == (409, "supersedes_conflict")
    # ...and the versions already held still answer with their receipts.
    assert put(server.api, token, bundles.first)[0] == 201


def test_invalid_bundles_are_422_with_every_reason(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    doc = loads_strict(bundles.fresh())
    url = f"{server.api}/cases/{doc['case_uuid']}/versions/{doc['version_uuid']}"
    damaged = dict(doc, questionnaire="carer")  # sha256 no longer matches
    status, body = call("PUT", url, seal(doc)[0][:-1] + b',"sha256":"00"}', token=token)
    assert (status, body["error"]) == (422, "invalid_bundle")
    status, body = call("PUT", url, json.dumps(damaged).encode(), token=token)
    assert (status, body["error"]) == (422, "invalid_bundle")
    assert any("sha256" in r and "changed" in r for r in body["reasons"])
    wrong = dict(doc, format="other/1", case_uuid=str(uuid.uuid4()))
    del wrong["answers"]
    status, body = call("PUT", url, seal(wrong)[0], token=token)
    assert status == 422
    text = " ".join(body["reasons"])
    assert "$.format" in text and '"case_uuid"' in text and "$.answers is missing" in text
    status, body = call("PUT", url, b"[1, 2]", token=token)
    assert (status, body["error"]) == (422, "invalid_bundle")
    status, body = call("PUT", url, b"\xff\xfe", token=token)
    assert (status, body["error"]) == (422, "invalid_bundle")
    deep = b"[" * 100_000 + b"]" * 100_000
    status, body = call("PUT", url, deep, token=token)
    assert (status, body["error"]) == (422, "invalid_bundle")
    status, body = call(
        "POST", f"{server.api}/receipts", deep, token=token, content_type="application/json"
    )
    assert (status, body["error"]) == (422, "invalid_request")
    deep_inside = bundles.fresh(notes={"general": json.loads("[" * 900 + "]" * 900)})
    status, body = put(server.api, token, deep_inside)
    assert status in (201, 422), body  # never a 500
    status, body = call("PUT", f"{server.api}/cases/ABC/versions/def", b"{}", token=token)
    assert (status, body["error"]) == (422, "invalid_request")
    # Nothing of these was stored.
    assert call(
        "POST", f"{server.api}/receipts", {"version_uuids": [doc["version_uuid"]]}, token=token
    )[1]["missing"] == [doc["version_uuid"]]


def test_a_bundle_of_an_unpublished_ruleset_is_422(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    unknown = {"id": "other-ras", "version": "1", "sha256": "ab" * 32}
    status, body = put(server.api, token, bundles.fresh(ruleset=unknown))
    assert (status, body["error"]) == (422, "unknown_ruleset")
    assert "publish-ruleset" in body["reasons"][0] and "ab" * 32 in body["reasons"][0]


def test_a_body_over_5_mib_is_413_and_other_types_are_415(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    huge = bundles.fresh(notes={"general": "x" * (5 * 1024 * 1024)})
    status, body = put(server.api, token, huge)
    assert (status, body["error"]) == (413, "too_large")
    status, body = put(server.api, token, bundles.fresh(), content_type="text/plain")
    assert (status, body["error"]) == (415, "unsupported_media_type")


# --- receipts and rulesets -----------------------------------------------------------------
def test_receipts_tell_held_and_missing(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    sent = [bundles.fresh() for _ in range(3)]
    answers = [put(server.api, token, data)[1] for data in sent]
    ids = [a["version_uuid"] for a in answers]
    lost = str(uuid.uuid4())
    status, body = call(
        "POST",
        f"{server.api}/receipts",
        {"version_uuids": [ids[0], lost, *ids[1:], ids[0]]},
        token=token,
    )
    assert status == 200
    assert body["missing"] == [lost]
    assert body["held"] == {
        a["version_uuid"]: {"receipt": a["receipt"], "received_at": a["received_at"]}
        for a in answers
    }
    assert [sha_of(d) for d in sent]  # three different bundles


def test_receipts_refuse_more_than_1000_or_a_bad_body(server: ServerProcess, token: str) -> None:
    many = [str(uuid.uuid4()) for _ in range(1001)]
    status, body = call("POST", f"{server.api}/receipts", {"version_uuids": many}, token=token)
    assert (status, body["error"]) == (422, "invalid_request")
    status, body = call(
        "POST", f"{server.api}/receipts", {"version_uuids": many[:1000]}, token=token
    )
    assert status == 200 and len(body["missing"]) == 1000
    status, body = call("POST", f"{server.api}/receipts", {"version_uuids": "x"}, token=token)
    assert status == 422


def test_current_rulesets_are_the_published_envelopes(server: ServerProcess, token: str) -> None:
    status, body = call("GET", f"{server.api}/rulesets/current", token=token)
    assert status == 200
    assert body["rulesets"] == [loads_strict(DEMO_RULESET.read_bytes())]


# --- crashes and outages -----------------------------------------------------------------
def test_a_killed_server_restarts_with_everything_it_acknowledged(
    database: str, bundles: Bundles
) -> None:
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        token = enrol(server.api, enrol_code(database, "Sam Patel"))[1]
        sent = [bundles.fresh() for _ in range(5)]
        first = [put(server.api, token, data)[1] for data in sent]
        server.kill()
        assert not server.alive()
        server.start()  # the same port
        assert [put(server.api, token, data)[1] for data in sent] == first
    assert len(export_rows(database)) == 5
