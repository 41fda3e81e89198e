"""How a personal budget is managed: the delivery-mechanism words councils report nationally.

Source: NHS England, Adult Social Care Client Level Data (CLD) guidance, release 1
(February 2023), "Delivery Mechanism", a defined list: "Direct Payment", "CASSR Managed
Personal Budget", "CASSR Commissioned Support" (and "Self-Funder Metering Only", not to be
used before charging reform, so not offered here). CASSR is the Council with Adult Social
Services Responsibilities.

An individual service fund is not on that list: councils name it "Individual Service
Fund" (Think Local Act Personal's term; the money is held by a provider the person
chooses, on their behalf). It is reported nationally as "CASSR Managed Personal Budget",
the council still holding the budget: that mapping is ``cld`` below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mechanism:
    code: str  # kept in bundles and JSON
    words: str  # what people read
    cld: str  # the CLD "Delivery Mechanism" value it is reported as


MECHANISMS: tuple[Mechanism, ...] = (
    Mechanism("direct_payment", "Direct Payment", "Direct Payment"),
    Mechanism(
        "cassr_managed_personal_budget",
        "CASSR Managed Personal Budget",
        "CASSR Managed Personal Budget",
    ),
    Mechanism(
        "cassr_commissioned_support", "CASSR Commissioned Support", "CASSR Commissioned Support"
    ),
    Mechanism(
        "individual_service_fund", "Individual Service Fund", "CASSR Managed Personal Budget"
    ),
)
BY_CODE = {m.code: m for m in MECHANISMS}


def find_mechanism(text: str) -> Mechanism | None:
    """The mechanism named by its code or its words (case and spacing ignored)."""
    key = " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()
    for m in MECHANISMS:
        if key in (m.code.replace("_", " "), m.words.casefold()):
            return m
    return None
