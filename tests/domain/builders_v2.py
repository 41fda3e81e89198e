"""Format-2 ruleset documents for tests: the example rulesets, loaded and changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.parse_v2 import parse_ruleset_v2

EXAMPLES = Path(__file__).resolve().parents[2] / "resources/examples"


def example(name: str) -> dict[str, Any]:
    """The example ruleset document whose folder starts with ``name`` (a, b, c or d)."""
    (folder,) = [p for p in EXAMPLES.iterdir() if p.name.startswith(f"{name}-")]
    (path,) = folder.glob("*.ruleset.json")
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


def build_v2(doc: dict[str, Any]) -> RulesetV2:
    return parse_ruleset_v2(json.dumps(doc).encode("utf-8"), "test")


def amount(doc: dict[str, Any], q: int = 0, a: int = 0) -> dict[str, Any]:
    return doc["questionnaires"][q]["amounts"][a]  # type: ignore[no-any-return]


def part(doc: dict[str, Any], index: int = 0, q: int = 0, a: int = 0) -> dict[str, Any]:
    return amount(doc, q, a)["parts"][index]  # type: ignore[no-any-return]
