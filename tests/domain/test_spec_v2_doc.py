"""docs/ruleset-v2.md is a standalone contract: it names no document outside the
repository, every file it names exists, and every shape of the JSON Schema — including
those format 2 keeps from format 1 — is defined on the page itself (Appendix A)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs/ruleset-v2.md").read_text("utf-8")
SCHEMA = json.loads((ROOT / "resources/schema/ruleset-v2.schema.json").read_text("utf-8"))


def test_no_document_outside_the_repository_is_needed() -> None:
    assert "../" not in DOC and "shared/spec" not in DOC
    named = set(re.findall(r"`((?:docs|resources|src|tests|benchmarks)/[^`*\s]+)`", DOC))
    assert named, "the page names its files"
    for path in named:
        assert (ROOT / path).exists(), path


def test_every_shape_is_defined_on_the_page() -> None:
    appendix = DOC[DOC.index("## Appendix A") :]
    for shape in ("SECTION", "QUESTION", "OPTION", "CONDITION", "POINT_ADJUSTMENT"):
        assert f"**{shape}**" in appendix, shape
    for shape in ("ADJUSTMENT", "ROUNDING", "CALIBRATION", "Table rows", "Signing."):
        assert f"**{shape}**" in appendix, shape
    for words in ("Visibility", "Question points", "Section points", "Total points", "Answers"):
        assert f"**{words}" in appendix, words
    # the format-2 shapes, each with its fields
    for shape in ("CONTACT", "RATE", "FACT", "AMOUNT", "PERIOD", "CONVERSION", "PART", "ITEM"):
        assert re.search(rf"^{shape}[ :(]", DOC, re.M) or f"{shape}:" in DOC, shape
    for shape in ("QUANTITY", "OVERLAP", "FLAG", "RULE"):
        assert shape in DOC, shape


def test_every_field_of_the_schema_is_named_on_the_page() -> None:
    fields: set[str] = set(SCHEMA["properties"])
    for definition in SCHEMA["$defs"].values():
        fields.update(definition.get("properties", {}))
    fields -= {">=", ">", "<", "<=", "=="}
    missing = sorted(f for f in fields if f'"{f}"' not in DOC and f"`{f}`" not in DOC)
    assert not missing, missing
