"""A case on a format-2 ruleset, end to end through ``rasdesk``: install, new, answer one by
one, finalise; the bundle carries the same format-2 result ``rasdesk compute`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

DEMO = demo_dir()
SIGNED_V2, KEY = DEMO / "demo-v2.ruleset.signed.json", DEMO / "DEMO-public-key.pem"
ANSWERS_V2 = DEMO / "answers-v2" / "person-example.json"


@pytest.fixture
def installed_v2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "trust", "add", KEY)[0] == 0
    code, out, _ = run(capsys, "ruleset", "install", SIGNED_V2)
    assert code == 0 and "demo-council-ras-v2" in out


def _computed(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, _ = run(capsys, "compute", "--ruleset", SIGNED_V2, "--answers", ANSWERS_V2, "--json")
    assert code == 0
    result: dict[str, object] = json.loads(out)
    return result


@pytest.mark.usefixtures("installed_v2")
def test_format2_case_answered_one_by_one_and_finalised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    expected = _computed(capsys)
    case = run(capsys, "case", "new", "--name", "Ffion Morgan", "--ref", "V2-1")[1].strip()
    assert len(case) == 36
    answers = json.loads(ANSWERS_V2.read_text())["answers"]
    for question, value in answers.items():
        text = ",".join(value) if isinstance(value, list) else str(value)
        code, _, err = run(capsys, "case", "answer", case[:8], question, text)
        assert code == 0, err
    code, out, err = run(capsys, "case", "finalise", case[:8])
    assert code == 0, err
    assert "Finalised" in out and "a week" not in out
    assert run(capsys, "case", "export", case[:8], "-o", tmp_path / "b.json")[0] == 0
    bundle = open_bundle((tmp_path / "b.json").read_bytes())
    assert bundle["result"]["format"] == "rasdesk-result/2"
    assert bundle["result"]["amounts"] == expected["amounts"]
    assert bundle["result"] == expected
    assert bundle["ruleset"]["id"] == "demo-council-ras-v2"
    code, out, _ = run(capsys, "case", "show", case[:8])
    first = bundle["result"]["amounts"][0]
    assert code == 0 and f"£{first['total']}" in out


@pytest.mark.usefixtures("installed_v2")
def test_format2_case_new_with_answers_and_finalise(capsys: pytest.CaptureFixture[str]) -> None:
    expected = _computed(capsys)
    code, out, err = run(
        capsys, "case", "new", "--name", "Rhys Price", "--answers", ANSWERS_V2, "--finalise"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "case", "show", out.strip()[:8], "--json")
    result = json.loads(out)["versions"][0]["result"]
    assert result["amounts"] == expected["amounts"]


@pytest.mark.usefixtures("installed_v2")
def test_format2_wrong_answer_is_refused_naming_the_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = run(capsys, "case", "new", "--name", "Ann Lewis")[1].strip()
    code, _, err = run(capsys, "case", "answer", case[:8], "washing", "sometimes-maybe")
    assert code == 2 and "washing" in err
    code, _, err = run(capsys, "case", "finalise", case[:8])
    assert code == 2 and "Traceback" not in err
