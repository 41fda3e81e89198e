"""One CLD Release 1 record-level row for one received case version: its event.

The columns are the return's, in its order, spelled as submitted (NHS England, "Adult
Social Care Client Level Data: specification and guidance, Release 1"; the same names and
order as the record-level table of NHS England's Release 1 code, see ``lists``). Which
event a version is:

- an assessment version (no support plan) is an **Assessment** event, or a **Review**
  event when the case reviews an earlier one (the bundle's ``review_of``);
- a version carrying an agreed or decided support plan whose delivery mechanism is chosen
  is a **Service** event: the guidance's Delivery Mechanism is a services-only field;
- a plan still waiting for a decision, or without a mechanism, is no event yet (None).

rasdesk fills the fields it holds, each only on the events the guidance applies it to
(Assessment Type, Eligible Needs Identified and Method of Assessment on assessments;
Method of Review on reviews; Delivery Mechanism on services); the rest are present and
empty, for the council to add from its own systems (docs/sync-server.md says which).
"""

from __future__ import annotations

from typing import Any

from rasdesk.cld.ais import BY_NEED
from rasdesk.cld.lists import FORMER_REASONS, LONG_TERM_ASSESSMENT, METHODS_OF_ASSESSMENT

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
#: The columns rasdesk fills on some event (when the assessor recorded them); the rest the
#: council adds.
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
    "Method of Review",
)


def _day(stamp: Any) -> str | None:
    return stamp[:10] if isinstance(stamp, str) and len(stamp) >= 10 else None


def event_type(bundle: dict[str, Any]) -> str:
    """Which CLD event a version is (before the plan test in ``cld_row``)."""
    if bundle.get("decision") is not None:
        return "Service"
    return "Review" if bundle.get("review_of") else "Assessment"


def cld_row(
    bundle: dict[str, Any], mechanism: str | None, plan_status: str | None = None
) -> dict[str, str | None] | None:
    """The row for one bundle, or None when the version is no event yet. ``mechanism`` is
    the plan's CLD Delivery Mechanism, ``plan_status`` its status (agreed, waiting,
    decided). A carer's assessment is the one linked to the cared-for person's case."""
    person = bundle.get("person") or {}
    details = person.get("details") or {}
    carer = bool(bundle.get("linked_case_uuid"))
    kind = event_type(bundle)
    if kind == "Service" and (mechanism is None or plan_status not in ("agreed", "decided")):
        return None
    reason = details.get("primary_support_reason")
    method = details.get("method_of_assessment")
    method = method if method in METHODS_OF_ASSESSMENT else None  # a former value: not sent
    row: dict[str, str | None] = dict.fromkeys(CLD_COLUMNS)
    row.update(
        {
            "NHS Number": details.get("nhs_number"),
            "LA Person Unique Identifier": person.get("council_ref"),
            "Date of Birth": person.get("date_of_birth"),
            "Client Type": "Carer" if carer else "Service User",
            "Primary Support Reason": FORMER_REASONS.get(reason or "", reason),
            "Has Unpaid Carer": details.get("has_unpaid_carer"),
            "Event Type": kind,
            "Event Reference": bundle.get("version_uuid"),
            "Event Start Date": _day(bundle.get("started_at")),
            "Adult 1 Linked Person_ID": bundle.get("linked_case_uuid"),
        }
    )
    if kind == "Service":  # the plan agreed that day; ongoing, so no end date
        row["Event Start Date"] = _day(bundle.get("finalised_at"))
        row["Delivery Mechanism"] = mechanism
        return row
    row["Event End Date"] = _day(bundle.get("finalised_at"))
    if kind == "Review":
        row["Method of Review"] = method
        return row
    row["Assessment Type"] = LONG_TERM_ASSESSMENT  # a Care Act assessment of eligible needs
    row["Eligible Needs Identified"] = details.get("eligible_needs_identified")
    row["Method of Assessment"] = method
    return row


def needs_columns(needs: list[str]) -> dict[str, str]:
    """Communication needs for the ordinary export: SNOMED CT codes and words, ";"-joined."""
    found = [BY_NEED[n] for n in needs if n in BY_NEED]
    return {
        "communication_needs_snomed": ";".join(n.snomed or "" for n in found),
        "communication_needs": ";".join(n.term for n in found),
    }
