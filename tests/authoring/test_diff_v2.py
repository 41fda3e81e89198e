"""``rasdesk ruleset diff`` when a ruleset is in format 2: the format, rates, amounts,
parts, rules and conversions said in words; format 1 against format 1 unchanged."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from rasdesk.authoring.diff import diff
from rasdesk.authoring.diff_v2 import diff_any
from rasdesk.cli import main
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.parse_v2 import parse_ruleset_v2
from rasdesk.domain.upgrade_v2 import upgrade_bytes
from tests.domain.builders_v2 import amount, build_v2, example, part

DEMO = Path(__file__).resolve().parents[2] / "resources/demo"


def test_format_2_changes_in_words() -> None:
    old = example("c")
    new = copy.deepcopy(old)
    new["rates"][0]["amount"] = "24.64"
    part(new)["items"].pop(2)
    part(new).pop("overlaps")
    amount(new)["rules"][1]["limit"] = "650.00"
    part(new, 2)["amount"] = "900.00"
    amount(new)["parts"].append(
        {"id": "ilf", "label": {"en": "ILF"}, "funder": "ilf", "method": "fixed", "amount": "50.00"}
    )
    words = diff_any(build_v2(old), build_v2(new))
    assert "The rate home_care changed: £22.40 → £24.64 an hour, +10.0%." in words
    assert "person: Amount support: part home_care: the item social was removed." in words
    assert "person: Amount support: the part ilf (ILF) was added: fixed, funded by ilf." in words
    assert any("the rule family_cap changed from cap home_care at £700.00" in w for w in words)
    assert (
        "person: Amount support: part care_home: the fixed amount changed from £850.00 to £900.00."
        in words
    )
    assert diff_any(build_v2(old), build_v2(old)) == ["No changes."]


def test_format_1_to_its_upgrade_says_only_the_format_and_the_amounts() -> None:
    data = (DEMO / "demo.ruleset.json").read_bytes()
    words = diff_any(parse_ruleset(data), parse_ruleset_v2(upgrade_bytes(data)))
    assert words[0] == "The format changed from rasdesk-ruleset/1 to rasdesk-ruleset/2."
    assert not any("Question" in w for w in words)  # the questions are the same
    v1 = parse_ruleset(data)
    assert diff_any(v1, v1) == diff(v1, v1) == ["No changes."]


def test_cli_diff_reads_both_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps(example("d")))
    code = main(["ruleset", "diff", str(old), str(DEMO / "demo-v2.ruleset.signed.json")])
    out = capsys.readouterr().out
    assert code == 0 and "The ruleset id changed from example-d-person-and-carer" in out
