"""Communication needs as Accessible Information Standard (DAPB1605) coded values.

The standard asks that needs be recorded as SNOMED CT concepts from its code set. The
codes below are from NHS England's published value set of information and communication
needs ("RA-FlagCode", https://fhir.nhs.uk/England/ValueSet/RA-FlagCode, 2024-02-14),
which carries the standard's SNOMED CT concepts. Welsh is a language preference, not a
need arising from a disability, impairment or sensory loss, so the standard has no code
for it: it is exported in words only.

These are deliberately a subset of the standard's set: rasdesk records only the needs it
acts on (the formats its letters come in, an interpreter at the visit). The rest of the
set — other contact methods, communication professionals and formats — is how the council
contacts the person afterwards, recorded in the council's own system (docs/sync-server.md,
"Which codes, and why only these").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Need:
    need: str  # rasdesk's id, kept in the case store
    snomed: str | None  # SNOMED CT concept id ("" none)
    term: str  # the concept's term, or the words for a need with no code


NEEDS: tuple[Need, ...] = (
    Need(
        "large_print",
        "957331000000109",
        "Requires written information in at least 20 point sans serif font",
    ),
    Need("easy_read", "796161000000101", "Requires information in Easyread"),
    Need("welsh", None, "Welsh language"),
    Need("bsl", "204331000000107", "British Sign Language interpreter needed"),
    Need("audio", "936601000000105", "Requires information in electronic audio format"),
    Need("braille", "936661000000109", "Requires information in contracted (Grade 2) Braille"),
    Need("plain_text", "936581000000101", "Requires information by email"),
)
BY_NEED = {n.need: n for n in NEEDS}


def coded(needs: list[str] | tuple[str, ...]) -> list[dict[str, str | None]]:
    """The needs as the bundle carries them: id, SNOMED CT code (None if none), words."""
    return [
        {"need": n.need, "snomed": n.snomed, "term": n.term}
        for n in (BY_NEED[x] for x in needs if x in BY_NEED)
    ]
