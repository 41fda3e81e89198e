"""The CLD Release 1 value lists rasdesk records, as the exact strings of the return.

Source: NHS England, "Adult Social Care Client Level Data: specification and guidance,
Release 1" (2023). The delivery mechanism list is the decision room's
(``rasdesk.decision.mechanisms``), not repeated here.
"""

from __future__ import annotations

from rasdesk.domain.errors import InputError

PRIMARY_SUPPORT_REASONS: tuple[str, ...] = (
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
)
METHODS_OF_ASSESSMENT: tuple[str, ...] = ("Face to Face", "Telephone", "Video", "Online")
YES_NO: tuple[str, ...] = ("Yes", "No")
YES_NO_UNKNOWN: tuple[str, ...] = ("Yes", "No", "Unknown")


def one_of(value: str | None, allowed: tuple[str, ...], field: str) -> str | None:
    """``value`` as its national spelling (case and spacing forgiven), None if blank; a
    value outside the list is refused naming ``field`` and listing the allowed values."""
    if value is None or not value.strip():
        return None
    key = " ".join(value.split()).casefold()
    for item in allowed:
        if item.casefold() == key:
            return item
    raise InputError(
        f"{field}: {value!r} is not on the national list; use one of: " + "; ".join(allowed)
    )
