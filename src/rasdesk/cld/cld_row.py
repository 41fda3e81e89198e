"""One CLD Release 1 record-level row for one assessment event (one exported version).

The columns are the return's, in its order, spelled as submitted (NHS England, "Adult
Social Care Client Level Data: specification and guidance, Release 1"). rasdesk fills
the fields it holds; the others are present and empty, for the council to add from its
own systems (docs/sync-server.md says which).
"""

from __future__ import annotations

from typing import Any

from rasdesk.cld.ais import BY_NEED

CLD_COLUMNS: tuple[str, ...] = (
    "Reporting Period Start Date",
    "Reporting Period End Date",
    "NHS Number",
    "LA Person Unique Identifier",
    "First Name",
    "Last Name",
    "GP Practice Name",
    "GP Practice Code",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Date of Death",
    "Client Type",
    "Primary Support Reason",
    "Postcode",
    "Accommodation Status",
    "Employment Status",
    "Has Unpaid Carer",
    "Autism Spectrum Disorder (ASD)",
    "Visual Impairment",
    "Hearing Impairment",
    "Dementia",
    "Client Funding Status",
    "Event Type",
    "Event Reference",
    "Event Start Date",
    "Event End Date",
    "Event Description",
    "Event Outcome",
    "Request: Route of Access",
    "Assessment Type",
    "Eligible Needs Identified",
    "Method of Assessment",
    "Total Hrs Caring per week",
    "No. of adults being cared for",
    "Adult 1 Linked Person_ID",
    "Adult 2 Linked Person_ID",
    "Adult 3 Linked Person_ID",
    "Service Type",
    "Service Component",
    "Delivery Mechanism",
    "Provider CQC Location Name",
    "Provider CQC Location ID",
    "Review Reason",
    "Review Outcomes Achieved",
    "Method of Review",
    "Unit Cost",
    "Cost Frequency (Unit Type)",
    "Planned units per week",
)
#: The columns rasdesk fills (when the assessor recorded them); the rest the council adds.
FILLED: tuple[str, ...] = (
    "NHS Number",
    "LA Person Unique Identifier",
    "Date of Birth",
    "Client Type",
    "Primary Support Reason",
    "Has Unpaid Carer",
    "Event Type",
    "Event Reference",
    "Event Start Date",
    "Event End Date",
    "Assessment Type",
    "Eligible Needs Identified",
    "Method of Assessment",
    "Adult 1 Linked Person_ID",
    "Delivery Mechanism",
)


def _day(stamp: Any) -> str | None:
    return stamp[:10] if isinstance(stamp, str) and len(stamp) >= 10 else None


def cld_row(bundle: dict[str, Any], mechanism: str | None) -> dict[str, str | None]:
    """The row for one bundle; ``mechanism`` is the plan's CLD Delivery Mechanism, if any.
    A carer's assessment is the one linked to the cared-for person's case."""
    person = bundle.get("person") or {}
    details = person.get("details") or {}
    carer = bool(bundle.get("linked_case_uuid"))
    row: dict[str, str | None] = dict.fromkeys(CLD_COLUMNS)
    row.update(
        {
            "NHS Number": details.get("nhs_number"),
            "LA Person Unique Identifier": person.get("council_ref"),
            "Date of Birth": person.get("date_of_birth"),
            "Client Type": "Carer" if carer else "Service User",
            "Primary Support Reason": details.get("primary_support_reason"),
            "Has Unpaid Carer": details.get("has_unpaid_carer"),
            "Event Type": "Assessment",
            "Event Reference": bundle.get("version_uuid"),
            "Event Start Date": _day(bundle.get("started_at")),
            "Event End Date": _day(bundle.get("finalised_at")),
            "Assessment Type": "Carer Assessment"
            if carer
            else "Long Term Support Needs Assessment",
            "Eligible Needs Identified": details.get("eligible_needs_identified"),
            "Method of Assessment": details.get("method_of_assessment"),
            "Adult 1 Linked Person_ID": bundle.get("linked_case_uuid"),
            "Delivery Mechanism": mechanism,
        }
    )
    return row


def needs_columns(needs: list[str]) -> dict[str, str]:
    """Communication needs for the ordinary export: SNOMED CT codes and words, ";"-joined."""
    found = [BY_NEED[n] for n in needs if n in BY_NEED]
    return {
        "communication_needs_snomed": ";".join(n.snomed or "" for n in found),
        "communication_needs": ";".join(n.term for n in found),
    }
