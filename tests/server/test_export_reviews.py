"""A review reaches the council as a review: the bundle's ``review_of`` (checked, kept,
exported) and a CLD **Review** event; a bundle without it is unchanged and still taken."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rasdesk.cld.cld_row import CLD_COLUMNS
from rasdesk.cld.details import CaseDetails
from rasdesk.domain.bundle import open_bundle, seal
from rasdesk.storage import lifecycle, prefilled, review
from rasdesk.storage.queries import export_bundle
from tests.reviews import helpers as h
from tests.server.helpers import enrol, put
from tests.storage.helpers import answered_case, new_store
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    enrol_code,
    export_rows,
    publish_ruleset,
    running_server,
    server_cli,
)

DETAILS = CaseDetails(
    "9434765919", "Support with Memory & Cognition", "Service user and carer", "Yes", "Yes"
)


def reviewed(folder: Path) -> tuple[bytes, bytes, Path]:
    """Last year's finalised case and its review, finalised; the new ruleset's signed file."""
    store = new_store(folder)
    ruleset, signed = h.signed(h.next_year(h.rate_only))
    try:
        person = answered_case(store, "Ann Ray", council_ref="WX-7", details=DETAILS)
        lifecycle.finalise(store, person)
        last = export_bundle(store, person)
        started = review.start_review(store, person, ruleset, signed)
        prefilled.confirm(store, started.case_uuid)
        lifecycle.finalise(store, started.case_uuid)
        again = export_bundle(store, started.case_uuid)
    finally:
        store.close()
    path = folder / "next.ruleset.signed.json"
    path.write_bytes(signed)
    return last, again, path


def test_a_review_is_sent_kept_and_exported_as_a_review(database: str, tmp_path: Path) -> None:
    last, again, next_ruleset = reviewed(tmp_path)
    first, doc = open_bundle(last), open_bundle(again)
    assert "review_of" not in first  # any other case's bundle is as before
    assert doc["review_of"] == {
        "case_uuid": first["case_uuid"],
        "version_uuid": first["version_uuid"],
    }
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    publish_ruleset(database, next_ruleset, DEMO_KEY)
    with running_server(database) as server:
        _, token = enrol(server.api, enrol_code(database, "Sam Patel"))
        assert put(server.api, token, last)[0] == 201
        assert put(server.api, token, again)[0] == 201
        # A review_of that is not the case and version it names is refused, the field named.
        bad = {k: v for k, v in json.loads(again).items() if k != "sha256"}
        bad["version_uuid"] = "0" * 8 + bad["version_uuid"][8:]
        bad["review_of"] = {"case_uuid": "not-a-uuid", "version_uuid": first["version_uuid"]}
        status, body = put(server.api, token, seal(bad)[0])
        assert status == 422 and "$.review_of.case_uuid" in " ".join(body["reasons"])
        bad["review_of"] = {**doc["review_of"], "why": "extra"}
        status, body = put(server.api, token, seal(bad)[0])
        assert status == 422 and "$.review_of" in " ".join(body["reasons"])
    plain = {r["version_uuid"]: r for r in export_rows(database, "csv")}
    assert plain[doc["version_uuid"]]["review_of_case_uuid"] == first["case_uuid"]
    assert plain[doc["version_uuid"]]["review_of_version_uuid"] == first["version_uuid"]
    assert plain[first["version_uuid"]]["review_of_case_uuid"] == ""
    out = server_cli("export", "--database", database, "--format", "cld").stdout
    rows = {r["Event Reference"]: r for r in csv.DictReader(io.StringIO(out))}
    assert len(rows) == 2
    assessment, rev = rows[first["version_uuid"]], rows[doc["version_uuid"]]
    assert (assessment["Event Type"], assessment["Assessment Type"]) == (
        "Assessment",
        "Long Term Assessment",
    )
    assert (assessment["Method of Assessment"], assessment["Method of Review"]) == (
        "Service user and carer",
        "",
    )
    expected = dict.fromkeys(CLD_COLUMNS, "")
    expected.update(
        {
            "NHS Number": "9434765919",
            "LA Person Unique Identifier": "WX-7",
            "Date of Birth": doc["person"]["date_of_birth"] or "",
            "Client Type": "Service User",
            "Primary Support Reason": "Support with Memory & Cognition",
            "Has Unpaid Carer": "Yes",
            "Event Type": "Review",
            "Event Reference": doc["version_uuid"],
            "Event Start Date": doc["started_at"][:10],
            "Event End Date": doc["finalised_at"][:10],
            "Method of Review": "Service user and carer",
        }
    )
    assert rev == expected  # no assessment-only field on a review event
