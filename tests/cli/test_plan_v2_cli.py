"""``rasdesk case plan …`` and ``rasdesk case decide`` on a format-2 case (the demo's
format-2 ruleset): measured against the council's part, the NHS part named and not
counted, the decision for the amount's period; bad input exits 2 naming the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run
from tests.demo_v2 import demo_v2_answers

DEMO = demo_dir()
SIGNED_V2, KEY = DEMO / "demo-v2.ruleset.signed.json", DEMO / "DEMO-public-key.pem"
ANSWERS_V2 = DEMO / "answers-v2" / "person-example.json"
CARE = ("--kind", "Personal care", "--provider", "Agency", "--unit", "hours", "--rate", "24.50")


@pytest.fixture
def installed_v2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "trust", "add", KEY)[0] == 0
    assert run(capsys, "ruleset", "install", SIGNED_V2)[0] == 0


@pytest.mark.usefixtures("installed_v2")
def test_plan_and_decide_a_format2_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "case", "new", "--name", "Ffion Morgan", "--answers", ANSWERS_V2, "--finalise"
    )
    assert code == 0, err
    case = out.strip()[:8]
    code, _, err = run(
        capsys, "case", "plan", case, "add", *CARE, "--quantity", "1", "--amount", "x"
    )
    assert code == 2 and "amount: 'x' is not an amount of this assessment (budget)" in err
    code, out, err = run(capsys, "case", "plan", case, "add", *CARE, "--quantity", "24")
    assert code == 0, err
    assert "£588.00 a week" in out
    code, out, _ = run(capsys, "case", "plan", case, "list")
    assert code == 0
    assert "the council's part of amount budget" in out
    assert "nursing (NHS) £235.88 a week is not council money" in out
    assert "Indicative: £586.20 a week (£30,482.40 a year): the plan is above by £93.60" in out
    code, out, _ = run(capsys, "case", "plan", case, "list", "--json")
    doc = json.loads(out)
    assert doc["indicative"]["amount_id"] == "budget" and doc["needs_decision"] == [
        "above_indicative"
    ]
    assert run(capsys, "case", "finalise", case)[0] == 0
    code, _, err = run(
        capsys, "case", "decide", case, "--final", "588.00", "--by", "Resource allocation panel"
    )
    assert code == 2 and "reason: the final budget (£588.00) differs" in err
    assert "£586.20" in err and "Traceback" not in err
    code, out, err = run(
        capsys,
        "case",
        "decide",
        case,
        "--final",
        "588.00",
        "--by",
        "Resource allocation panel",
        "--reason",
        "Agreed for the extra personal care.",
        "--category",
        "needs_not_captured",
    )
    assert code == 0, err
    assert "£588.00 a week" in out
    code, out, _ = run(capsys, "case", "plan", case, "list", "--json")
    assert json.loads(out)["status"] == "decided"


CARER = demo_v2_answers("carer-example")  # resources/demo/answers-v2


@pytest.mark.usefixtures("installed_v2")
def test_a_one_off_amount_is_said_once_with_what_it_covers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A carer's one-off budget (£250.00 "for the next 12 months", no weeks in a year):
    listed once with the ruleset's coverage words, never "(£250.00 a year)"; a plan of
    one-off items has no year figure; a month's item brings the year back for the plan."""
    answers = tmp_path / "carer.json"
    answers.write_text(json.dumps({"questionnaire": "carer", "answers": CARER}))
    code, out, err = run(
        capsys,
        "case", "new", "--name", "Ffion Morgan", "--questionnaire", "carer",
        "--answers", answers, "--finalise",
    )  # fmt: skip
    assert code == 0, err
    case = out.strip()[:8]
    once = ("--kind", "Short break", "--provider", "Respite home", "--unit", "break")
    code, _, err = run(
        capsys, "case", "plan", case, "add", *once, "--quantity", "1", "--rate", "300",
        "--per", "one_off",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "case", "plan", case, "list")
    assert code == 0
    assert "Total: £300.00 once\n" in out
    assert (
        "Indicative: £250.00 once (for the next 12 months): the plan is above by £50.00 (20%)"
        in out
    )
    assert "a year" not in out
    code, _, err = run(
        capsys, "case", "plan", case, "add", *once, "--quantity", "1", "--rate", "10",
        "--per", "month",
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "case", "plan", case, "list")
    assert "Total: £10.00 a month, £300.00 once; £420.00 a year" in out
    assert "Indicative: £250.00 once (for the next 12 months): the plan is above by £170.00" in out
    assert "(£250.00 a year)" not in out
