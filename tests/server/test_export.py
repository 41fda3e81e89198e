"""``rasdesk-server export``: one row per received version, with the server's recomputation."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from rasdesk.domain.bundle import canonical
from rasdesk.domain.jsonio import loads_strict
from tests.server.helpers import Bundles, enrol, put, store_raw
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    enrol_code,
    export_rows,
    publish_ruleset,
    running_server,
    server_cli,
)


def test_export_jsonl_and_csv_with_recompute_flags(database: str, bundles: Bundles) -> None:
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        device_id, token = enrol(server.api, enrol_code(database, "Sam Patel"))
        sent = [bundles.first, bundles.amended, bundles.other]
        receipts = [put(server.api, token, data)[1]["receipt"] for data in sent]
        # A result the server does not compute from the answers is refused (docs/security.md)...
        status, body = put(server.api, token, bundles.tampered())
        assert (status, body["error"]) == (422, "result_mismatch")
    # ...but one an older server kept is exported as received, flagged, never "fixed".
    store_raw(database, bundles.tampered(), device_id)
    rows = export_rows(database)
    receipts.append(rows[-1]["receipt"])
    assert [r["receipt"] for r in rows] == receipts  # oldest first, each once
    first, amended, other, tampered = rows
    doc = loads_strict(bundles.first)
    assert first == {
        "case_uuid": doc["case_uuid"],
        "version_uuid": doc["version_uuid"],
        "supersedes": None,
        "amendment_reason": None,
        "receipt": receipts[0],
        "received_at": first["received_at"],
        "device_id": device_id,
        "assessor": "Sam Patel",
        "council_ref": "CR-0001",
        "questionnaire": "person",
        "ruleset_id": "demo-council-ras",
        "ruleset_version": doc["ruleset"]["version"],
        "ruleset_sha256": doc["ruleset"]["sha256"],
        "weekly": doc["result"]["weekly"],
        "annual": doc["result"]["annual"],
        "flags": doc["result"]["flags"],
        "sign_off_required": doc["result"]["sign_off_required"],
        "finalised_at": doc["finalised_at"],
        "bundle_sha256": doc["sha256"],
        "recompute_agrees": True,
        "recompute_problem": None,
        # no support plan or decision in this version (docs/sync-v2.md)
        "total_points": doc["result"]["total_points"],
        "indicative": None,
        "period": None,
        "indicative_amount": None,
        "plan_cost_per_year": None,
        "final": None,
        "variance": None,
        "variance_percent": None,
        "reason_category": None,
        "decided_by_role": None,
        "decision_source": None,
        "need_areas": [],
        "answers": canonical(doc["answers"]).decode(),
        "enrolled_assessor": "Sam Patel",
        "assessor_matches": True,
        "communication_needs_snomed": "",
        "communication_needs": "",
        "review_of_case_uuid": None,  # not a review (tests/server/test_export_reviews.py)
        "review_of_version_uuid": None,
    }
    assert amended["supersedes"] == first["version_uuid"]
    assert amended["amendment_reason"] == "moving was understated"
    assert amended["weekly"] != first["weekly"] and amended["recompute_agrees"] is True
    assert other["council_ref"] == "CR-0002" and other["recompute_agrees"] is True
    assert tampered["recompute_agrees"] is False
    assert Decimal(tampered["weekly"]) == Decimal(other["weekly"]) + 100
    assert "weekly" in tampered["recompute_problem"]
    assert f"weekly {other['weekly']}" in tampered["recompute_problem"]
    # Money is exact decimal text, never a float.
    assert isinstance(first["weekly"], str) and first["weekly"].count(".") == 1

    table = export_rows(database, "csv")
    assert [r["receipt"] for r in table] == receipts
    assert table[0]["weekly"] == first["weekly"] and table[0]["supersedes"] == ""
    assert [r["recompute_agrees"] for r in table] == ["true", "true", "true", "false"]
    assert table[0]["sign_off_required"] in ("true", "false")


def test_export_since_and_to_a_file(database: str, bundles: Bundles, tmp_path: Path) -> None:
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        token = enrol(server.api, enrol_code(database, "Sam Patel"))[1]
        put(server.api, token, bundles.fresh())
    rows = export_rows(database)
    assert len(rows) == 1
    assert export_rows(database, since="2000-01-01") == rows
    assert export_rows(database, since="2999-01-01") == []
    assert export_rows(database, since=rows[0]["received_at"]) == rows
    out = tmp_path / "cases.jsonl"
    done = server_cli("export", "--database", database, "--format", "jsonl", "-o", out)
    assert "exported 1 version" in done.stderr
    assert [json.loads(line) for line in out.read_text("utf-8").splitlines()] == rows
    bad = server_cli(
        "export", "--database", database, "--format", "csv", "--since", "May", check=False
    )
    assert bad.returncode == 2 and "--since 'May'" in bad.stderr


def test_export_pages_through_many_versions(database: str, bundles: Bundles) -> None:
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        token = enrol(server.api, enrol_code(database, "Sam Patel"))[1]
        sent = {loads_strict(d)["version_uuid"] for d in (bundles.fresh() for _ in range(230))}
        for data in (bundles.fresh(version_uuid=v) for v in sent):
            assert put(server.api, token, data)[0] == 201
    rows = export_rows(database)
    assert len(rows) == 230 and {r["version_uuid"] for r in rows} == sent
    assert all(r["recompute_agrees"] for r in rows)
