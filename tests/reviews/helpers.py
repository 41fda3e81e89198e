"""Next year's demo ruleset, changed one way at a time, signed with the DEMO key."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from rasdesk.domain.model import Ruleset
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.paths import demo_dir

Doc = dict[str, Any]
Change = Callable[[Doc], None] | None


def demo_doc() -> Doc:
    doc: Doc = json.loads((demo_dir() / "demo.ruleset.json").read_text("utf-8"))
    return doc


def person(doc: Doc) -> Doc:
    found: Doc = next(q for q in doc["questionnaires"] if q["id"] == "person")
    return found


def section(doc: Doc, sid: str) -> Doc:
    found: Doc = next(s for s in person(doc)["sections"] if s["id"] == sid)
    return found


def question(doc: Doc, qid: str) -> Doc:
    for s in person(doc)["sections"]:
        for q in s["questions"]:
            if q["id"] == qid:
                found: Doc = q
                return found
    raise KeyError(qid)


def signed(doc: Doc) -> tuple[Ruleset, bytes]:
    """``doc`` signed with the DEMO key: the ruleset and its exact signed bytes."""
    payload = json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")
    key = load_private_key((demo_dir() / "DEMO-ONLY-signing-key.pem").read_bytes())
    return parse_ruleset(payload, "test ruleset"), sign_envelope(payload, key)


def next_year(change: Callable[[Doc], None] | None = None, version: str = "2027.1") -> Doc:
    doc = copy.deepcopy(demo_doc())
    doc["version"] = version
    if change is not None:
        change(doc)
    return doc


# --- the kinds of change a council makes between years --------------------------------
def rate_only(doc: Doc) -> None:
    person(doc)["allocation"]["rate"] = "4.50"


def question_added(doc: Doc) -> None:
    section(doc, "community")["questions"].append(
        {
            "id": "transport",
            "type": "single",
            "required": True,
            "text": {
                "en": "Can you use public transport?",
                "cy": "Allwch chi ddefnyddio trafnidiaeth gyhoeddus?",
            },
            "options": [
                {"id": "yes", "text": {"en": "Yes", "cy": "Gallaf"}, "points": 0},
                {"id": "no", "text": {"en": "No", "cy": "Na allaf"}, "points": 4},
            ],
        }
    )


def option_removed(doc: Doc) -> None:
    q = question(doc, "washing")
    q["options"] = [o for o in q["options"] if o["id"] != "lots"]


def range_narrowed(doc: Doc) -> None:
    question(doc, "night_help")["max"] = 2


def section_moved(doc: Doc) -> None:
    falls = question(doc, "falls")
    section(doc, "moving_around")["questions"].remove(falls)
    section(doc, "staying_safe")["questions"].insert(0, falls)
