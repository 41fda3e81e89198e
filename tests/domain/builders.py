"""Small ruleset documents for tests, built as dicts and turned into bytes.

``minimal_doc()`` is a valid one-questionnaire ruleset with one single, one multiple, one
number and one text question; tests change one thing and check what happens.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from rasdesk.domain.model import Ruleset
from rasdesk.domain.parse import parse_ruleset


def t(en: str, cy: str | None = None) -> dict[str, str]:
    return {"en": en, **({"cy": cy} if cy else {})}


def option(oid: str, points: int | str) -> dict[str, Any]:
    return {"id": oid, "text": t(f"Option {oid}"), "points": points}


def minimal_doc() -> dict[str, Any]:
    return copy.deepcopy(
        {
            "format": "rasdesk-ruleset/1",
            "id": "test-ras",
            "version": "1",
            "council": "Test Council",
            "title": t("Test"),
            "effective_from": "2026-04-01",
            "effective_to": None,
            "currency": "GBP",
            "languages": ["en", "cy"],
            "questionnaires": [
                {
                    "id": "person",
                    "kind": "person",
                    "title": t("Person"),
                    "sections": [
                        {
                            "id": "care",
                            "title": t("Care", "Gofal"),
                            "questions": [
                                {
                                    "id": "washing",
                                    "type": "single",
                                    "text": t("Washing?", "Ymolchi?"),
                                    "options": [
                                        option("none", 0),
                                        option("some", 4),
                                        option("all", 8),
                                    ],
                                },
                                {
                                    "id": "tasks",
                                    "type": "multiple",
                                    "text": t("Tasks?"),
                                    "options": [option("shopping", 2), option("cleaning", "1.5")],
                                },
                            ],
                        },
                        {
                            "id": "safety",
                            "title": t("Safety"),
                            "questions": [
                                {
                                    "id": "nights",
                                    "type": "number",
                                    "text": t("Nights?"),
                                    "unit": t("nights a week"),
                                    "min": 0,
                                    "max": 7,
                                    "bands": [{"from": 0, "points": 0}, {"from": 3, "points": 5}],
                                },
                                {"id": "notes", "type": "text", "text": t("Anything else?")},
                            ],
                        },
                    ],
                    "allocation": {
                        "period": "week",
                        "method": "per_point",
                        "rate": "4.20",
                        "rounding": {"to": "0.01", "mode": "half_up"},
                        "annual_factor": "52",
                    },
                }
            ],
        }
    )


def to_bytes(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")


def build(doc: dict[str, Any] | None = None) -> Ruleset:
    return parse_ruleset(to_bytes(doc if doc is not None else minimal_doc()), "test ruleset")


def questionnaire(doc: dict[str, Any], index: int = 0) -> dict[str, Any]:
    q: dict[str, Any] = doc["questionnaires"][index]
    return q


def allocation(doc: dict[str, Any]) -> dict[str, Any]:
    a: dict[str, Any] = questionnaire(doc)["allocation"]
    return a
