"""``rasdesk-server export --format cld``: the national return's record-level columns."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

from rasdesk.cld.cld_row import CLD_COLUMNS, FILLED
from rasdesk.cld.details import CaseDetails
from rasdesk.cld.lists import METHODS_OF_ASSESSMENT, PRIMARY_SUPPORT_REASONS, YES_NO_UNKNOWN
from rasdesk.domain.jsonio import loads_strict
from rasdesk.storage.lifecycle import finalise
from rasdesk.storage.queries import export_bundle
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

# The record-level column names of CLD Release 1, as a council submits them (NHS England,
# "Adult Social Care Client Level Data: specification and guidance, Release 1").
SPEC_COLUMNS = [
    "Reporting Period Start Date", "Reporting Period End Date", "NHS Number",
    "LA Person Unique Identifier", "First Name", "Last Name", "GP Practice Name",
    "GP Practice Code", "Gender", "Ethnicity", "Date of Birth", "Date of Death", "Client Type",
    "Primary Support Reason", "Postcode", "Accommodation Status", "Employment Status",
    "Has Unpaid Carer", "Autism Spectrum Disorder (ASD)", "Visual Impairment",
    "Hearing Impairment", "Dementia", "Client Funding Status", "Event Type", "Event Reference",
    "Event Start Date", "Event End Date", "Event Description", "Event Outcome",
    "Request: Route of Access", "Assessment Type", "Eligible Needs Identified",
    "Method of Assessment", "Total Hrs Caring per week", "No. of adults being cared for",
    "Adult 1 Linked Person_ID", "Adult 2 Linked Person_ID", "Adult 3 Linked Person_ID",
    "Service Type", "Service Component", "Delivery Mechanism", "Provider CQC Location Name",
    "Provider CQC Location ID", "Review Reason", "Review Outcomes Achieved", "Method of Review",
    "Unit Cost", "Cost Frequency (Unit Type)", "Planned units per week",
]  # fmt: skip
NHS = ["9434765919", "4010232137", "4857773457"]


def make_cases(folder: Path) -> list[tuple[bytes, CaseDetails | None]]:
    store = new_store(folder)
    made: list[tuple[bytes, CaseDetails | None]] = []
    # Every national value at least once (every Primary Support Reason, method, carer answer).
    combos = zip(
        PRIMARY_SUPPORT_REASONS,
        itertools.cycle(METHODS_OF_ASSESSMENT),
        itertools.cycle(YES_NO_UNKNOWN[::-1] + YES_NO_UNKNOWN),
        strict=False,
    )
    try:
        for i, (psr, method, carer) in enumerate(combos):
            details = CaseDetails(NHS[i % 3], psr, method, ("Yes", "No")[i % 2], carer)
            case = answered_case(
                store, f"Person {i}", council_ref=f"CR-{i:04}", details=details,
                format_needs=("large_print", "welsh") if i % 2 else (),
            )  # fmt: skip
            finalise(store, case)
            made.append((export_bundle(store, case), details))
        case = answered_case(store, "No Details", council_ref="CR-9999")
        finalise(store, case)
        made.append((export_bundle(store, case), None))
    finally:
        store.close()
    return made


def test_cld_export_column_by_column(database: str, tmp_path: Path) -> None:
    made = make_cases(tmp_path)
    assert len(made) > 10
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        _, token = enrol(server.api, enrol_code(database, "Sam Patel"))
        for data, _ in made:
            assert put(server.api, token, data)[0] in (200, 201)
    out = server_cli("export", "--database", database, "--format", "cld").stdout
    reader = csv.reader(io.StringIO(out))
    header = next(reader)
    assert header == SPEC_COLUMNS == list(CLD_COLUMNS)
    rows = [dict(zip(header, r, strict=True)) for r in reader]
    assert len(rows) == len(made)
    by_ref = {r["LA Person Unique Identifier"]: r for r in rows}
    for data, details in made:
        doc = loads_strict(data)
        row = by_ref[doc["person"]["council_ref"]]
        expected = {c: "" for c in SPEC_COLUMNS}
        expected.update(
            {
                "LA Person Unique Identifier": doc["person"]["council_ref"],
                "Date of Birth": doc["person"].get("date_of_birth") or "",
                "Client Type": "Service User",
                "Event Type": "Assessment",
                "Event Reference": doc["version_uuid"],
                "Event Start Date": doc["started_at"][:10],
                "Event End Date": doc["finalised_at"][:10],
                "Assessment Type": "Long Term Assessment",
            }
        )
        if details is not None:
            expected.update(
                {
                    "NHS Number": details.nhs_number or "",
                    "Primary Support Reason": details.primary_support_reason or "",
                    "Method of Assessment": details.method_of_assessment or "",
                    "Eligible Needs Identified": details.eligible_needs_identified or "",
                    "Has Unpaid Carer": details.has_unpaid_carer or "",
                }
            )
        assert row == expected
        assert set(c for c, v in row.items() if v) <= set(FILLED)
    # Every Primary Support Reason value reached the export spelled as the list has it.
    assert {r["Primary Support Reason"] for r in rows} - {""} <= set(PRIMARY_SUPPORT_REASONS)
    # The ordinary export carries the communication needs as codes and words.
    plain = {r["council_ref"]: r for r in export_rows(database, "csv")}
    assert plain["CR-0001"]["communication_needs_snomed"] == "957331000000109;"
    assert plain["CR-0001"]["communication_needs"] == (
        "Requires written information in at least 20 point sans serif font;Welsh language"
    )


def test_a_bundle_with_a_value_outside_a_national_list_is_refused(
    database: str, tmp_path: Path
) -> None:
    from rasdesk.domain.bundle import seal

    made = make_cases(tmp_path)
    doc = loads_strict(made[0][0])
    doc["person"]["details"]["primary_support_reason"] = "Needs help"
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as server:
        _, token = enrol(server.api, enrol_code(database, "Sam Patel"))
        status, body = put(server.api, token, seal(doc)[0])
    assert status == 422
    assert "person.details.primary_support_reason" in str(body)
