"""A format-2 result as letters and screens show it (domain/shown_v2.py, docs/ruleset-v2.md
§5): on every worked example, the figures are the engine's, the funders shown add up to the
total, no funder line is said for a funder none of whose parts applies, and a part that
does not apply is said in exactly one line; a result with no such part is the same object."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.shown_v2 import shown_v2

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "resources/examples").iterdir() if p.is_dir())
LINES = [
    (folder, n, json.loads(line, parse_float=Decimal))
    for folder in EXAMPLES
    for n, line in enumerate((folder / "expected.jsonl").read_text().splitlines())
    if line.strip()
]


@pytest.mark.parametrize(("folder", "n", "line"), LINES, ids=[f"{f.name}-{n}" for f, n, _ in LINES])
def test_shown_keeps_the_figures_and_drops_only_parts_that_do_not_apply(
    folder: Path, n: int, line: dict
) -> None:
    (plain,) = folder.glob("*.ruleset.json")
    ruleset = parse_ruleset_v2(plain.read_bytes())
    for lang in ruleset.languages:
        check(ruleset, line, lang)


def check(ruleset: RulesetV2, line: dict, lang: str) -> None:
    doc = {"questionnaire": line["questionnaire"], "answers": line["answers"]}
    if "linked" in line:
        doc["linked"] = line["linked"]
    result = compute_budget_v2(ruleset, doc, lang)
    before = result.to_json_bytes()
    shown = shown_v2(result, ruleset, lang)
    assert result.to_json_bytes() == before  # the engine's result is not touched
    off_anywhere = False
    for amount, seen in zip(result.amounts, shown.amounts, strict=True):
        assert (seen.council, seen.total, seen.parts) == (
            amount.council,
            amount.total,
            amount.parts,
        )
        assert sum(seen.funders.values(), Decimal(0)) == amount.total
        off = [p for p in amount.parts if not p.applies and p.in_amount_period == 0]
        off_anywhere = off_anywhere or bool(off)
        for funder, figure in amount.funders.items():
            applying = any(
                p.funder == funder and p.id not in {o.id for o in off} for p in amount.parts
            )
            assert (funder in seen.funders) == (funder == "council" or applying), funder
            assert funder in seen.funders or figure == 0
        for part in off:
            said = [
                s
                for s, a in zip(shown.explanation, shown.step_about, strict=True)
                if a == (amount.id, part.id)
            ]
            assert len(said) == 1, [s.text for s in said]
    if not off_anywhere:
        assert shown is result
    # Every "£x + £y = £z" the person reads still adds up.
    for step in shown.explanation:
        for sum_ in re.findall(
            r"((?:£[\d,]+\.\d\d \+ )+£[\d,]+\.\d\d) = £([\d,]+\.\d\d)", step.text
        ):
            terms = [Decimal(t.strip("£ ").replace(",", "")) for t in sum_[0].split("+")]
            assert sum(terms, Decimal(0)) == Decimal(sum_[1].replace(",", "")), step.text


def test_example_c_an_nhs_part_that_does_not_apply_is_said_once() -> None:
    folder = ROOT / "resources/examples/c-face-hours"
    ruleset = parse_ruleset_v2((folder / "face-hours.ruleset.json").read_bytes())
    line = json.loads((folder / "expected.jsonl").read_text().splitlines()[0], parse_float=Decimal)
    result = compute_budget_v2(ruleset, {"questionnaire": "person", "answers": line["answers"]})
    said = [s.text for s in shown_v2(result, ruleset, "en").explanation]
    engine = [s.text for s in result.explanation]
    assert "Paid by the NHS: £0.00 a week." in engine  # the engine's record keeps it
    assert "Paid by the NHS: £0.00 a week." not in said
    assert "Your indicative budget: £821.24 a week." in said
    assert "Your indicative budget in all: £821.24 + £0.00 = £821.24 a week." not in said
    assert [s for s in said if "NHS" in s] == [
        "NHS-funded nursing care: this part does not apply to you, so it is £0.00. It applies"
        " only when the answer to “Where do you live?” is “In a care home” and the answer to"
        " “Does a registered nurse need to be involved in your care?” is “Yes”."
    ]
    assert len(said) == len(engine) - 3  # the part's heading, the NHS line, "not the council's"
