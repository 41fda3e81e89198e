"""The case details a CLD assessment event needs, recorded when the case is started.

Each is optional (a council may not ask for them); each is checked when set, and a bad one
is refused naming its field: the NHS number's check digit, a value outside its national
list. Stored as JSON with the case and carried in the bundle's ``person.details``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from rasdesk.cld.lists import (
    FORMER_METHODS,
    FORMER_REASONS,
    METHODS_OF_ASSESSMENT,
    PRIMARY_SUPPORT_REASONS,
    YES_NO,
    YES_NO_UNKNOWN,
    one_of,
)
from rasdesk.cld.nhs_number import normalise_nhs_number
from rasdesk.domain.errors import InputError


@dataclass(frozen=True, slots=True)
class CaseDetails:
    nhs_number: str | None = None
    primary_support_reason: str | None = None
    method_of_assessment: str | None = None  # who took part (lists.METHODS_OF_ASSESSMENT)
    eligible_needs_identified: str | None = None  # "Yes" / "No"
    has_unpaid_carer: str | None = None  # "Yes" / "No" / "Unknown"

    def checked(self) -> CaseDetails:
        """The details in their national spelling; raises InputError naming the field."""
        return CaseDetails(
            normalise_nhs_number(self.nhs_number or "", "NHS number"),
            one_of(self.primary_support_reason, PRIMARY_SUPPORT_REASONS, "Primary Support Reason"),
            one_of(self.method_of_assessment, METHODS_OF_ASSESSMENT, "Method of Assessment"),
            one_of(self.eligible_needs_identified, YES_NO, "Eligible Needs Identified"),
            one_of(self.has_unpaid_carer, YES_NO_UNKNOWN, "Has Unpaid Carer"),
        )

    def for_new_assessment(self) -> CaseDetails:
        """The details a new assessment of the same person (a review) starts from: a
        former method of assessment (see ``from_dict``) is left to be recorded anew."""
        if self.method_of_assessment in FORMER_METHODS:
            return replace(self, method_of_assessment=None)
        return self

    def as_dict(self) -> dict[str, str]:
        """Only the details recorded (an empty dict when none were)."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, doc: Any, source: str = "the case details") -> CaseDetails:
        if not isinstance(doc, dict):
            raise InputError(f"{source} must be an object")
        unknown = sorted(set(doc) - set(cls.__dataclass_fields__))
        if unknown:
            raise InputError(f"{source}: unknown field(s) {', '.join(unknown)}")
        if any(v is not None and not isinstance(v, str) for v in doc.values()):
            raise InputError(f"{source}: every detail is text")
        # Details recorded before the lists were checked against the specification are
        # still read: a former Primary Support Reason spelling as the one it means, a
        # former method (how the assessment was held) kept as it was, never exported.
        doc = dict(doc)
        reason = doc.get("primary_support_reason")
        if reason in FORMER_REASONS:
            doc["primary_support_reason"] = FORMER_REASONS[reason]
        former = doc.get("method_of_assessment")
        if former in FORMER_METHODS:
            doc["method_of_assessment"] = None
            return replace(cls(**doc).checked(), method_of_assessment=former)
        return cls(**doc).checked()


def person_codes(needs: list[str], details: dict[str, Any]) -> dict[str, Any]:
    """What the bundle's ``person`` adds for the data team: the communication needs coded
    (AIS), and the case details when any were recorded."""
    from rasdesk.cld.ais import coded

    out: dict[str, Any] = {"communication_needs": coded(needs)}
    if details:
        out["details"] = details
    return out
