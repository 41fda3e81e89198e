"""``rasdesk case review`` onto a format-2 ruleset: last year's format-1 case reviewed under
the format-2 demo — what carried over and what is asked, the figures before and after in
words (the sentences the app and the letter use, ``printing/since_words``), the finalised
review equal to ``rasdesk compute``, and its bundle naming what it reviews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run
from tests.reviews.test_rebase_format2_store import install_v2

DEMO = demo_dir()
ANSWERS_V1 = DEMO / "answers" / "person-example.json"
ANSWERS_V2 = DEMO / "answers-v2" / "person-example.json"
SIGNED_V2 = DEMO / "demo-v2.ruleset.signed.json"


@pytest.mark.usefixtures("installed")
def test_review_of_a_format1_case_on_the_format2_ruleset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    last = run(capsys, "case", "new", "--name", "Ann Ray", "--ref", "WX-2", "--answers", ANSWERS_V1, "--finalise")[1].strip()  # fmt: skip
    assert run(capsys, "case", "export", last[:8], "-o", tmp_path / "last.json")[0] == 0
    last_bundle = open_bundle((tmp_path / "last.json").read_bytes())
    install_v2(capsys)  # now the current ruleset

    code, out, err = run(capsys, "case", "review", last[:8])
    assert code == 0, err
    review = out.strip().splitlines()[-1]  # the new draft's id, last
    assert len(review) == 36 and review != last
    assert f"Review of case {last[:8]}: new draft {review[:8]}, 14 answer(s) from last time to check, 1 question(s) to ask." in out  # fmt: skip
    assert "Before: £301.20 a week" in out

    # Not final while answers from last time are unchecked and the new question unanswered.
    code, _, err = run(capsys, "case", "finalise", review[:8])
    assert code == 2 and "not checked yet" in err and "Traceback" not in err
    assert run(capsys, "case", "confirm", review[:8], "--all")[0] == 0
    code, _, err = run(capsys, "case", "finalise", review[:8])
    assert code == 2 and "nursing" in err
    code, out, _ = run(capsys, "case", "changes", review[:8], "--json")
    since = json.loads(out)
    assert since["last_time"] == {"amount": "301.20", "period": "week"}
    assert since["now"] is None and since["change_total"] is None
    assert run(capsys, "case", "answer", review[:8], "nursing", "yes")[0] == 0

    code, out, _ = run(capsys, "case", "changes", review[:8], "--json")
    since = json.loads(out)
    assert since["to"]["id"] == "demo-council-ras-v2"
    assert (since["last_time"], since["now"]) == (
        {"amount": "301.20", "period": "week"},
        {"amount": "822.08", "period": "week"},
    )
    # Last time's answers do not give a figure under the new rules (nursing is new), so
    # the split between rules and answers is unknown, and said so.
    assert since["last_answers_new_rules"] is None and since["change_from_rules"] is None
    assert since["change_total"] == "520.88"
    [nursing] = since["answers"]
    assert (nursing["question"], nursing["before"], nursing["now"]) == ("nursing", None, "yes")
    assert nursing["points_before"] is None
    assert since["rule_changes"][0].startswith("The format changed from rasdesk-ruleset/1")
    code, out, _ = run(capsys, "case", "changes", review[:8])
    assert "Last time your indicative budget was £301.20 a week. Now it is £822.08 a week." in out
    assert "That is £520.88 a week more." in out
    assert "we cannot say how much of the change comes from the new rules" in out

    code, out, err = run(capsys, "case", "finalise", review[:8])
    assert code == 0 and "Finalised" in out, err
    assert run(capsys, "case", "export", review[:8], "-o", tmp_path / "b.json")[0] == 0
    bundle = open_bundle((tmp_path / "b.json").read_bytes())
    code, out, _ = run(capsys, "compute", "--ruleset", SIGNED_V2, "--answers", ANSWERS_V2, "--json")
    assert code == 0 and bundle["result"] == json.loads(out)
    assert bundle["review_of"] == {
        "case_uuid": last,
        "version_uuid": last_bundle["version_uuid"],
    }
