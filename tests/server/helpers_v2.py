"""Format-2 case bundles for the server tests, made as the laptop makes them: the examples'
signed rulesets (resources/examples), each ``expected.jsonl`` line's answers (views,
*not applicable*, who answered, a linked case's answers), computed with the format-2
engine and sealed."""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.bundle import FORMAT, seal
from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.signing import read_envelope
from rasdesk.platform.paths import demo_dir

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SIGNED = {
    "a": EXAMPLES / "a-points-table" / "points-table.ruleset.signed.json",
    "b": EXAMPLES / "b-carer-one-off" / "carer-one-off.ruleset.signed.json",
    "c": EXAMPLES / "c-face-hours" / "face-hours.ruleset.signed.json",
    "d": EXAMPLES / "d-person-and-carer" / "person-and-carer.ruleset.signed.json",
}
DEMO_V2 = demo_dir() / "demo-v2.ruleset.signed.json"


@dataclass(frozen=True)
class Line:
    """One worked example: its ruleset, the answers document and what it must give."""

    example: str
    doc: dict[str, Any]
    expect: dict[str, Any]


def ruleset_of(signed: Path) -> RulesetV2:
    return parse_ruleset_v2(read_envelope(signed.read_bytes()).payload, str(signed))


def lines() -> list[Line]:
    out = []
    for example, signed in SIGNED.items():
        for text in (signed.parent / "expected.jsonl").read_text("utf-8").splitlines():
            if text.strip():
                doc = json.loads(text, parse_float=Decimal)
                expect = doc.pop("expect", {})
                out.append(Line(example, doc, expect))
    return out


def bundle_v2(
    ruleset: RulesetV2, doc: dict[str, Any], name: str = "Siân Jones", language: str = "en"
) -> dict[str, Any]:
    """An unsealed bundle of a finalised format-2 case with ``doc``'s answers (a copy:
    changing the bundle never changes ``doc``)."""
    doc = copy.deepcopy(doc)
    result = compute_budget_v2(ruleset, doc, language)
    bundle: dict[str, Any] = {
        "format": FORMAT,
        "case_uuid": str(uuid.uuid4()),
        "version_uuid": str(uuid.uuid4()),
        "supersedes": None,
        "amendment_reason": None,
        "questionnaire": doc["questionnaire"],
        "person": {"name": name, "council_ref": f"V2-{name[:3]}", "language": language},
        "linked_case_uuid": str(uuid.uuid4()) if "linked" in doc else None,
        "answers": doc["answers"],
        "notes": {},
        "ruleset": result.ruleset.as_dict(),
        "result": loads_strict(result.to_json_bytes()),
        "assessor": {"name": "Sam Patel", "device_id": None},
        "started_at": "2026-05-01T09:00:00.000Z",
        "finalised_at": "2026-05-01T10:00:00.000Z",
        "audit": [],
    }
    for key in ("answered_by", "linked"):
        if key in doc:
            bundle[key] = doc[key]
    return bundle


def sealed(bundle: dict[str, Any]) -> bytes:
    return seal(bundle)[0]


def part_of(result: dict[str, Any], amount: str, part: str) -> dict[str, Any]:
    found = next(a for a in result["amounts"] if a["id"] == amount)
    return next(p for p in found["parts"] if p["id"] == part)
