"""Example (a) where a multiple-choice question ("Which of these do you need help with?")
and a number question ("How many times a week do you go out?") may *not apply*, so every
view of them can say so (docs/ruleset-v2.md §1.4): signed with the DEMO key, for the UI
tests and the real-window walk."""

from __future__ import annotations

import json
from pathlib import Path

from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.paths import demo_dir, resources_dir

EXAMPLE_A = resources_dir() / "examples" / "a-points-table" / "points-table.ruleset.json"
GO_OUT = "I do not go out"


def na_views_ruleset(folder: Path) -> Path:
    doc = json.loads(EXAMPLE_A.read_text())
    doc["version"] += ".na-views"
    person = doc["questionnaires"][0]
    community = next(s for s in person["sections"] if s["id"] == "community")
    community["questions"][0]["not_applicable"] = {"en": GO_OUT}
    community["questions"].append(
        {
            "id": "outings",
            "type": "number",
            "text": {"en": "How many times a week do you go out?"},
            "unit": {"en": "times a week"},
            "min": 0,
            "max": 50,
            "not_applicable": {"en": GO_OUT},
        }
    )
    key_pem = (demo_dir() / "DEMO-ONLY-signing-key.pem").read_bytes()
    path = folder / "na-views.ruleset.signed.json"
    path.write_bytes(sign_envelope(json.dumps(doc).encode(), load_private_key(key_pem)))
    return path
