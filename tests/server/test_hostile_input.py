"""Hostile bundles and requests (issue 14, items 1, 2, 5, 6 and 9): each is refused with a
4xx and a reason, nothing of it is stored, and the server stays small and well."""

from __future__ import annotations

import uuid
from pathlib import Path

from rasdesk.domain.bundle import seal
from rasdesk.domain.jsonio import loads_strict
from tests.server.helpers import Bundles, call, enrol, put
from tests.support_server import ServerProcess, enrol_code


def _peak_kib(server: ServerProcess) -> int:
    """The server process's peak resident memory (VmHWM), in KiB."""
    assert server.process is not None
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def _missing(server: ServerProcess, token: str, version_uuid: str) -> bool:
    _, body = call("POST", f"{server.api}/receipts", {"version_uuids": [version_uuid]}, token=token)
    return bool(body["missing"] == [version_uuid])


def test_every_field_of_a_bundle_is_checked_before_it_is_kept(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    """Item 1: main kept a bundle with ``result.flags = 5`` (and broke every export)."""
    doc = loads_strict(bundles.fresh())
    doc["result"]["flags"] = 5
    status, body = put(server.api, token, seal(doc)[0])
    assert status == 422, body
    assert _missing(server, token, doc["version_uuid"])
    cases = {
        "person.name": dict(doc, person=dict(doc["person"], name=5)),
        "unknown field": dict(doc, extra="x"),
        "answers of a list": dict(doc, answers=[1, 2]),
        "date of birth": dict(doc, person=dict(doc["person"], date_of_birth="31/01/1950")),
        "audit entry": dict(doc, audit=[{"at": "yesterday", "event": "x"}]),
        "explanation": dict(doc, result=dict(doc["result"], explanation="text")),
    }
    for name, bad in cases.items():
        bad = dict(bad, version_uuid=str(uuid.uuid4()))
        status, body = put(server.api, token, seal(bad)[0])
        assert (status, body["error"]) == (422, "invalid_bundle"), (name, body)
        assert all(reason.startswith(("$", '"')) for reason in body["reasons"]), body
        assert _missing(server, token, bad["version_uuid"])


def test_a_huge_exponent_is_refused_before_any_decimal_work(
    server: ServerProcess, token: str, bundles: Bundles
) -> None:
    """Item 2: ``1E+999999999`` froze main for seconds and grew it towards 1 GB."""
    before = _peak_kib(server)
    for number in (b"1E+999999999", b"1e-999999999", b"9" * 41):
        fresh = bundles.fresh()
        doc = loads_strict(fresh)
        url = f"{server.api}/cases/{doc['case_uuid']}/versions/{doc['version_uuid']}"
        data = fresh.replace(b'"night_help":3', b'"night_help":' + number)
        assert number in data
        status, body = call("PUT", url, data, token=token)
        assert (status, body["error"]) == (422, "invalid_bundle"), body
        assert "number" in body["reasons"][0]
    assert call("GET", f"{server.api}/health")[0] == 200
    assert _peak_kib(server) - before < 50_000  # not the gigabyte of main


def test_a_5000_digit_integer_is_a_422(server: ServerProcess, token: str, bundles: Bundles) -> None:
    """Item 9: main answered 500 (Python's int refuses over 4,300 digits)."""
    fresh = bundles.fresh()
    doc = loads_strict(fresh)
    url = f"{server.api}/cases/{doc['case_uuid']}/versions/{doc['version_uuid']}"
    data = fresh.replace(b'"night_help":3', b'"night_help":' + b"7" * 5000)
    status, body = call("PUT", url, data, token=token)
    assert (status, body["error"]) == (422, "invalid_bundle"), body
    status, body = call(
        "POST",
        f"{server.api}/receipts",
        b'{"version_uuids": [], "n": ' + b"7" * 5000 + b"}",
        token=token,
        content_type="application/json",
    )
    assert (status, body["error"]) == (422, "invalid_request"), body


def test_surrogates_and_nul_are_4xx_with_a_reason(server: ServerProcess, token: str) -> None:
    """Item 9: ``"\\ud800"`` or a NUL in /receipts or in the device name was a 500."""
    for body_bytes in (
        b'{"version_uuids": ["\\ud800"]}',
        b'{"version_uuids": ["\\u0000"]}',
        b'{"version_uuids": ["a\\u0000b"]}',
    ):
        status, body = call(
            "POST",
            f"{server.api}/receipts",
            body_bytes,
            token=token,
            content_type="application/json",
        )
        assert (status, body["error"]) == (422, "invalid_request"), body
        assert body["reasons"]
    for name in ("\\ud800", "lap\\u0000top", "\\u001b]0;owned\\u0007"):
        code = enrol_code(server.database, "Sam Patel")
        raw = f'{{"code": "{code}", "device_name": "{name}"}}'.encode()
        status, body = call("POST", f"{server.api}/enrol", raw, content_type="application/json")
        assert (status, body["error"]) == (422, "invalid_request"), body
        assert "device_name" in " ".join(body["reasons"])
        enrol(server.api, code)  # the code was not spent by the refused request


def test_ids_are_matched_exactly(server: ServerProcess, token: str, bundles: Bundles) -> None:
    """Item 5: ``$`` in the UUID pattern let "uuid\\n" in as another version."""
    doc = loads_strict(bundles.fresh())
    doc.update(case_uuid=doc["case_uuid"] + "\n", version_uuid=doc["version_uuid"] + "\n")
    url = f"{server.api}/cases/{doc['case_uuid'][:-1]}%0A/versions/{doc['version_uuid'][:-1]}%0A"
    status, body = call("PUT", url, seal(doc)[0], token=token)
    assert (status, body["error"]) == (422, "invalid_request"), body
    status, body = call(
        "POST", f"{server.api}/receipts", {"version_uuids": [doc["version_uuid"]]}, token=token
    )
    assert (status, body["error"]) == (422, "invalid_request"), body
    sup = loads_strict(bundles.fresh())
    sup.update(supersedes=str(uuid.uuid4()) + "\n", amendment_reason="x")
    status, body = put(server.api, token, seal(sup)[0])
    assert (status, body["error"]) == (422, "invalid_bundle"), body
    assert any("supersedes" in r for r in body["reasons"])
