"""A STORED format-1 draft moved to the format-2 demo through ``rasdesk case rebase``: what
carried over, what is asked again, the figures before and after, the audit entry, and
that the draft is then finalised on format 2 with the result ``rasdesk compute`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

DEMO = demo_dir()
ANSWERS_V1 = DEMO / "answers" / "person-example.json"
ANSWERS_V2 = DEMO / "answers-v2" / "person-example.json"
SIGNED_V2 = DEMO / "demo-v2.ruleset.signed.json"


def install_v2(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(capsys, "ruleset", "install", SIGNED_V2)
    assert code == 0 and "demo-council-ras-v2" in out, err
    return out.split("sha256:")[1].split()[0]


@pytest.mark.usefixtures("installed")
def test_stored_format1_draft_moves_to_format2_and_finalises(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = run(capsys, "case", "new", "--name", "Bob Evans", "--answers", ANSWERS_V1)[1].strip()
    v1_sha = json.loads(run(capsys, "case", "show", case[:8], "--json")[1])["versions"][0]["ruleset_sha256"]  # fmt: skip
    sha = install_v2(capsys)
    assert sha != v1_sha
    # A dry run says what would happen and changes nothing.
    code, out, err = run(capsys, "case", "rebase", case[:8], "--ruleset", sha[:12], "--dry-run", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["moved"] is False, err
    code, out, err = run(capsys, "case", "rebase", case[:8], "--ruleset", sha, "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert plan["moved"] is True
    assert (plan["from"]["sha256"], plan["to"]["sha256"]) == (v1_sha, sha)
    assert plan["to"]["id"] == "demo-council-ras-v2"
    v1_answers = json.loads(ANSWERS_V1.read_text())["answers"]
    assert sorted(plan["carried"]) == sorted(v1_answers)  # all 14 answers carried over
    assert plan["asked_again"] == ["nursing"]  # the question format 2 adds
    [lost] = plan["not_carried"]
    assert lost["question"] == "nursing" and lost["reason"] == "new required question"
    assert (plan["before_weekly"], plan["after_weekly"]) == ("301.20", None)  # after: not yet
    assert plan["changes"][0].startswith("The format changed from rasdesk-ruleset/1 to rasdesk-ruleset/2")  # fmt: skip
    assert "person: Question nursing (Does a registered nurse need to be involved in your care?) was added to section staying_safe." in plan["changes"]  # fmt: skip

    info = json.loads(run(capsys, "case", "show", case[:8], "--json")[1])
    [version] = info["versions"]
    assert version["ruleset_sha256"] == sha and version["number"] == 1
    assert version["answers"] == v1_answers  # the answers themselves are unchanged
    moved = [e for e in info["history"] if e["event"] == "moved to ruleset"]
    assert len(moved) == 1, info["history"]
    assert sha in json.dumps(moved[0]) and v1_sha in json.dumps(moved[0])
    assert '\\"before_weekly\\": \\"301.20\\"' in json.dumps(moved[0])
    assert any(e["event"] == "to ask" and e.get("question") == "nursing" for e in info["history"])  # fmt: skip

    # Not final until the new question is answered; then it finalises on format 2 with the
    # same result ``rasdesk compute`` gives for those answers on the format-2 demo.
    code, _, err = run(capsys, "case", "finalise", case[:8])
    assert code == 2 and "nursing" in err and "Traceback" not in err
    assert run(capsys, "case", "answer", case[:8], "nursing", "yes")[0] == 0
    code, out, err = run(capsys, "case", "finalise", case[:8])
    assert code == 0 and "Finalised" in out, err
    assert run(capsys, "case", "export", case[:8], "-o", tmp_path / "b.json")[0] == 0
    bundle = open_bundle((tmp_path / "b.json").read_bytes())
    code, out, _ = run(capsys, "compute", "--ruleset", SIGNED_V2, "--answers", ANSWERS_V2, "--json")
    assert code == 0
    assert bundle["ruleset"]["id"] == "demo-council-ras-v2"
    assert bundle["result"]["format"] == "rasdesk-result/2"
    assert bundle["result"] == json.loads(out)
    [amount] = bundle["result"]["amounts"]  # before £301.20 a week (format 1); after:
    assert (amount["total"], amount["period"]["per"]) == ("822.08", "week")
