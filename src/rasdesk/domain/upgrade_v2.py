"""Format 1 → format 2 with the same budgets (docs/ruleset-v2.md §6).

Works on the JSON document, so every number keeps the exact text it was written with. The
format-1 document is validated first (``parse_ruleset``) and the result is validated as
format 2 before it is returned: nothing invalid is ever written.
"""

from __future__ import annotations

import json
from typing import Any

from rasdesk.domain.jsonio import loads_strict
from rasdesk.domain.model_v2 import FORMAT_V2
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.parse_v2 import parse_ruleset_v2

_PART_FIELDS = (
    "rate",
    "table",
    "point_adjustments",
    "points_rounding",
    "minimum_points",
    "adjustments",
    "minimum",
    "maximum",
    "rounding",
    "calibration",
)
BUDGET_LABEL = {"en": "Your indicative budget", "cy": "Eich cyllideb ddangosol"}


def upgrade_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The format-2 document of a *valid* format-1 document."""
    langs = doc.get("languages", ["en"])
    label = {k: v for k, v in BUDGET_LABEL.items() if k in langs}
    out = {k: v for k, v in doc.items() if k != "questionnaires"}
    out["format"] = FORMAT_V2
    out["questionnaires"] = [_questionnaire(q, label) for q in doc["questionnaires"]]
    return out


def _questionnaire(q: dict[str, Any], label: dict[str, str]) -> dict[str, Any]:
    alloc = q["allocation"]
    part: dict[str, Any] = {
        "id": "budget",
        "label": label,
        "funder": "council",
        "method": alloc["method"],
    }
    part.update({k: alloc[k] for k in _PART_FIELDS if k in alloc})
    amount: dict[str, Any] = {
        "id": "budget",
        "label": label,
        "for": q["kind"],
        "period": "week",
        "parts": [part],
        "conversions": [
            {
                "from": "week",
                "to": "year",
                "multiply": alloc["annual_factor"],
                "rounding": {"to": "0.01", "mode": "half_up"},
            }
        ],
        "show_also": ["year"],
    }
    if "sign_off_above" in alloc:
        amount["sign_off_above"] = alloc["sign_off_above"]
    flags = []
    for f in alloc.get("flags", []):
        flag = {"id": f["id"], "label": f["label"]}
        if "when_points_above" in f:
            flag.update(part="budget", when_points_above=f["when_points_above"])
        else:
            flag["when_amount_above"] = f["when_weekly_above"]
        flags.append(flag)
    if flags:
        amount["flags"] = flags
    if "illustrative_hourly_rate" in alloc:
        amount["illustrative_hours"] = {"hourly_rate": alloc["illustrative_hourly_rate"]}
    return {
        "id": q["id"],
        "kind": q["kind"],
        "title": q["title"],
        "sections": q["sections"],
        "amounts": [amount],
    }


def upgrade_bytes(data: bytes, source: str = "the ruleset") -> bytes:
    """Format-1 bytes → format-2 bytes (indented JSON, UTF-8, ending in a new line)."""
    parse_ruleset(data, source)  # refuses an invalid format-1 file with every problem
    doc = loads_strict(data)
    out = json.dumps(upgrade_document(doc), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    parse_ruleset_v2(out, "the upgraded ruleset")
    return out
