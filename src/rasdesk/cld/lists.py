"""The CLD Release 1 value lists rasdesk records or writes, as the exact strings of the return.

Every list names its source. The specification itself (NHS England, "Adult Social Care
Client Level Data: specification and guidance, Release 1", February 2023) is published as
a spreadsheet and a guidance document; the lists below were checked against:

- [G] the guidance's defined lists as quoted, item by item, by the Adult Social Care
  Glossary (Socitm Advisory, https://marketingteam125.wixsite.com/ascglossary), entries
  "Event type", "Assessment type", "Review reason", "Method of review", each marked
  "CLD Guidance, release 1 (February 2023)";
- [N] NHS England's own Release 1 code, github.com/NHSDigital/ASC-Client-Level-Data-SALT-
  ASCOF-transformations (commit d6ff762), whose reference tables are "the Defined List in
  CLD spec" (its words): the Primary Support Reason table of "SALT LTS001a replication
  code", the Has Unpaid Carer and Client Type values of "SALT LTS001b", the Delivery
  Mechanism values of "SALT LTS001a"; and its "Central Transformation Principles - SALT"
  (2024), which filters on Method of Review and Review Reason values.

The Delivery Mechanism list is the decision room's (``rasdesk.decision.mechanisms``), not
repeated here. docs/sync-server.md gives the same sources column by column.
"""

from __future__ import annotations

from rasdesk.domain.errors import InputError

#: Primary Support Reason [N: #REF_PSR, "Check periodically to ensure the Defined List in
#: CLD spec has not changed"]. Mixed capitals and "&" exactly as listed there.
PRIMARY_SUPPORT_REASONS: tuple[str, ...] = (
    "Physical Support: Access & mobility only",
    "Physical Support: Personal care support",
    "Sensory Support: Support for visual impairment",
    "Sensory Support: Support for hearing impairment",
    "Sensory Support: Support for dual impairment",
    "Support with Memory & Cognition",
    "Learning Disability Support",
    "Mental Health Support",
    "Social Support: Substance misuse support",
    "Social Support: Asylum seeker support",
    "Social Support: Support for Social Isolation/Other",
    "Social Support: Support to Carer",
    "Unknown",
)
#: Method of Assessment and Method of Review [G, "Method of review": split in Release 1 from
#: the earlier "Method of Assessment or Review" and re-purposed from "Informal Carer
#: Involvement", "a requirement for both events"]: who took part, not how it was held.
METHODS_OF_ASSESSMENT: tuple[str, ...] = (
    "Carer only",
    "Service user only",
    "Service user and carer",
)
METHODS_OF_REVIEW = METHODS_OF_ASSESSMENT
#: Values of "Method of Assessment" that rasdesk recorded before this list was checked (how
#: the assessment was held). A stored case or bundle keeping one is still read; none is
#: written to the return, and none is accepted as new input.
FORMER_METHODS: tuple[str, ...] = ("Face to Face", "Telephone", "Video", "Online")
#: Primary Support Reason as rasdesk spelled it before this list was checked, each with the
#: national spelling it means. Read (stored cases, received bundles) and written the new way.
FORMER_REASONS: dict[str, str] = dict(
    zip(
        (
            "Physical Support: Access and Mobility Only",
            "Physical Support: Personal Care Support",
            "Sensory Support: Support for Visual Impairment",
            "Sensory Support: Support for Hearing Impairment",
            "Sensory Support: Support for Dual Impairment",
            "Support with Memory and Cognition",
            "Learning Disability Support",
            "Mental Health Support",
            "Social Support: Substance Misuse Support",
            "Social Support: Asylum Seeker Support",
            "Social Support: Support for Social Isolation/Other",
            "Social Support: Support to Unpaid Carer",
        ),
        PRIMARY_SUPPORT_REASONS,
        strict=False,
    )
)
#: Client Type [N: LTS001b, LTS003; G, "Carers"].
CLIENT_TYPES: tuple[str, ...] = ("Service User", "Carer", "Carer known by association")
#: Event Type [G, "Event type": "The defined list of event types is"].
EVENT_TYPES: tuple[str, ...] = ("Request", "Assessment", "Service", "Review")
#: Assessment Type [G, "Assessment type"]: an assessment that determines eligibility under
#: the Care Act (adults and carers alike) is a Long Term Assessment; others are Short Term.
#: The financial assessment types are the council's, not rasdesk's.
LONG_TERM_ASSESSMENT = "Long Term Assessment"
SHORT_TERM_ASSESSMENT = "Short Term Assessment"
#: Review Reason [G, "Review reason"; N, SALT principles LTS002a].
REVIEW_REASONS: tuple[str, ...] = (
    "Planned",
    "Unplanned - Hospital (Planned and unplanned episodes)",
    "Unplanned - Carer related",
    "Unplanned - Safeguarding concern",
    "Unplanned - Other Reason",
    "Unplanned - Provider Failure",
    "Unplanned - Change in Commissioning arrangements",
)
#: Eligible Needs Identified: Yes or No (the guidance's yes/no field).
YES_NO: tuple[str, ...] = ("Yes", "No")
#: Has Unpaid Carer [N: LTS001b #REF_CARER and its "Unknown" test].
YES_NO_UNKNOWN: tuple[str, ...] = ("Yes", "No", "Unknown")


def one_of(value: str | None, allowed: tuple[str, ...], field: str) -> str | None:
    """``value`` as its national spelling (case and spacing forgiven), None if blank; a
    value outside the list is refused naming ``field`` and listing the allowed values."""
    if value is None or not value.strip():
        return None
    key = _key(value)
    for item in allowed:
        if _key(item) == key:
            return item
    raise InputError(
        f"{field}: {value!r} is not on the national list; use one of: " + "; ".join(allowed)
    )


def _key(text: str) -> str:
    """Case, spacing and "&" / "and" forgiven."""
    return " ".join(text.replace("&", " and ").split()).casefold()
