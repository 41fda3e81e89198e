"""The bundled demo ruleset: signed by the DEMO key, and a ruleset a council would
recognise (every element issue [engine] asks for), with easy read and Welsh throughout."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from typing import Any

import pytest

from rasdesk.domain.budget import compute_budget
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.signing import keyid_of, load_public_key, read_envelope, verify_envelope
from rasdesk.platform.paths import demo_dir

DEMO = demo_dir()
DOC_BYTES = (DEMO / "demo.ruleset.json").read_bytes()
RULESET = parse_ruleset(DOC_BYTES, "demo")


def test_signed_file_holds_exactly_the_document_and_verifies_with_the_demo_key() -> None:
    key = load_public_key((DEMO / "DEMO-public-key.pem").read_bytes())
    envelope = read_envelope((DEMO / "demo.ruleset.signed.json").read_bytes())
    assert verify_envelope(envelope, {keyid_of(key): key}) == DOC_BYTES


def test_person_questionnaire_has_what_the_issue_lists() -> None:
    q = RULESET.questionnaire_by_id["person"]
    questions = q.questions()
    assert 10 <= len(questions) <= 14
    assert {x.type for x in questions} >= {"single", "multiple", "number"}
    assert sum(1 for x in questions if x.show_if is not None) >= 1
    assert any(s.max_points is not None for s in q.sections)
    a = q.allocation
    assert a.method == "per_point" and a.minimum is not None and a.maximum is not None
    assert a.sign_off_above is not None and a.illustrative_hourly_rate is not None and a.calibration
    assert any(f.points_above is not None for f in a.flags)
    carer = [p for p in a.point_adjustments if "personal_care" in p.sections]
    assert carer and carer[0].when is not None and carer[0].multiply < 1
    assert a.adjustments


def test_carer_questionnaire_uses_a_table() -> None:
    q = RULESET.questionnaire_by_id["carer"]
    assert q.kind == "carer" and q.allocation.method == "table" and len(q.allocation.table) >= 3


def _text_maps(node: Any, path: str = "$") -> list[tuple[str, dict[str, str]]]:
    out: list[tuple[str, dict[str, str]]] = []
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            return [(path, node)]
        for k, v in node.items():
            out += _text_maps(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _text_maps(v, f"{path}[{i}]")
    return out


def test_every_string_has_welsh_and_every_question_and_option_has_easy_read() -> None:
    doc = json.loads(DOC_BYTES)
    maps = _text_maps(doc)
    assert len(maps) > 100
    assert [p for p, m in maps if not m.get("cy", "").strip()] == []
    for q in doc["questionnaires"]:
        for s in q["sections"]:
            for question in s["questions"]:
                assert question.get("easy_read", {}).get("cy"), question["id"]
                for o in question.get("options", []):
                    assert o.get("easy_read", {}).get("cy"), (question["id"], o["id"])


def test_easy_read_sentences_are_short() -> None:
    doc = json.loads(DOC_BYTES)
    long = [
        (p, sentence)
        for p, m in _text_maps(doc)
        if ".easy_read" in p
        for text in m.values()
        for sentence in re.split(r"(?<=[.?!])\s+", text)
        if len(sentence.split()) > 15
    ]
    assert long == []


# Figures worked out independently (by hand and by a separate script) from the spec.
@pytest.mark.parametrize(
    ("name", "weekly", "annual", "points", "sign_off", "flags"),
    [
        ("person-example", "301.20", "15662.40", "61", False, []),
        ("person-no-carer", "326.40", "16972.80", "67", False, []),
        ("person-high-needs", "620.40", "32260.80", "137", True, ["upper_band"]),
        ("carer-example", "35.00", "1820.00", "22", False, []),
    ],
)
def test_sample_answers(
    name: str, weekly: str, annual: str, points: str, sign_off: bool, flags: list[str]
) -> None:
    doc = json.loads((DEMO / "answers" / f"{name}.json").read_text("utf-8"), parse_float=D)
    out = compute_budget(RULESET, doc).as_dict()
    assert (out["weekly"], out["annual"], out["total_points"]) == (weekly, annual, points)
    assert (out["sign_off_required"], out["flags"]) == (sign_off, flags)


def test_no_carer_answer_means_no_carer_reduction() -> None:
    with_carer = json.loads((DEMO / "answers" / "person-example.json").read_text("utf-8"))
    out = compute_budget(RULESET, with_carer).as_dict()
    applied = {p["id"]: p["applied"] for p in out["point_adjustments"]}
    assert applied == {"carer_daily": True}
    with_carer["answers"]["carer_willing"] = "no"
    out = compute_budget(RULESET, with_carer).as_dict()
    assert {p["id"]: p["applied"] for p in out["point_adjustments"]} == {"carer_daily": False}
