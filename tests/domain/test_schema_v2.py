"""The JSON Schema of format 2 (resources/schema/ruleset-v2.schema.json) accepts every
example ruleset and refuses the shapes docs/ruleset-v2.md refuses."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources/schema/ruleset-v2.schema.json").read_text("utf-8"))
EXAMPLES = sorted((ROOT / "resources/examples").glob("*/*.ruleset.json"))

MINIMAL: dict[str, Any] = {
    "format": "rasdesk-ruleset/2",
    "id": "tiny",
    "version": "1",
    "council": "Tiny Council",
    "title": {"en": "Tiny"},
    "effective_from": "2026-04-01",
    "currency": "GBP",
    "languages": ["en"],
    "rates": [{"id": "care", "label": {"en": "care"}, "amount": "15.10", "unit": "hour"}],
    "questionnaires": [
        {
            "id": "person",
            "kind": "person",
            "title": {"en": "Q"},
            "sections": [
                {
                    "id": "s",
                    "title": {"en": "S"},
                    "questions": [{"id": "hours", "type": "number", "text": {"en": "Hours?"}}],
                }
            ],
            "amounts": [
                {
                    "id": "budget",
                    "label": {"en": "Budget"},
                    "for": "person",
                    "period": "week",
                    "parts": [
                        {
                            "id": "care",
                            "label": {"en": "Care"},
                            "funder": "council",
                            "method": "costed",
                            "items": [
                                {
                                    "id": "pc",
                                    "label": {"en": "personal care"},
                                    "quantity": {"answer": "hours"},
                                    "rate": "care",
                                }
                            ],
                        }
                    ],
                }
            ],
        }
    ],
}


def validator() -> Any:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


def test_minimal_document_is_valid() -> None:
    assert not list(validator().iter_errors(MINIMAL))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_example_ruleset_is_valid(path: Path) -> None:
    doc = json.loads(path.read_text("utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(doc)]
    assert not errors, errors


def _part(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["questionnaires"][0]["amounts"][0]["parts"][0]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="rasdesk-ruleset/1"),
        lambda d: _part(d).update(funder="family"),
        lambda d: _part(d).update(funder="other"),  # needs funder_name
        lambda d: _part(d).update(method="per_point"),  # needs rate
        lambda d: _part(d).update(period={"per": "one_off"}),  # needs covers
        lambda d: _part(d).update(rate=2.5),  # a float, not a decimal string
        lambda d: _part(d).update(typo=1),
        lambda d: d["rates"][0].update(unit="hours"),
        lambda d: d["questionnaires"][0]["amounts"][0].update(
            conversions=[{"from": "week", "to": "year", "multiply": "52", "divide": "1"}]
        ),
    ],
)
def test_schema_refuses(change: Any) -> None:
    doc = copy.deepcopy(MINIMAL)
    change(doc)
    assert list(validator().iter_errors(doc))
