"""A carer's format-2 case that reads facts from the linked person's case, through
``rasdesk case``: refused with exit 2 naming the field while there is no linked case or
the person's case has not answered the fact; finalised with the facts once it has, the
bundle carrying who answered and the linked answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run
from tests.storage.test_linked_facts import CARER, EXAMPLE_B, PERSON

KEY = demo_dir() / "DEMO-public-key.pem"


def _new(
    capsys: pytest.CaptureFixture[str], folder: Path, name: str, questionnaire: str, answers: dict[str, object], *more: str
) -> str:  # fmt: skip
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"answers": answers}), "utf-8")
    code, out, err = run(capsys, "case", "new", "--ruleset", EXAMPLE_B, "--trust", KEY, "--name", name, "--questionnaire", questionnaire, "--answers", path, *more)  # fmt: skip
    assert code == 0, err
    return out.strip()


def _exported(capsys: pytest.CaptureFixture[str], folder: Path, case: str) -> bytes:
    assert run(capsys, "case", "export", case[:8], "-o", folder / f"{case}.json")[0] == 0
    return (folder / f"{case}.json").read_bytes()


def test_linked_facts_through_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    alone = _new(capsys, tmp_path, "Gwen Price", "carer", CARER)
    code, _, err = run(capsys, "case", "finalise", alone[:8])
    assert code == 2 and "Traceback" not in err
    assert "linked_case_uuid: start the carer's assessment from the person's case" in err

    person = _new(capsys, tmp_path, "Alys Pritchard", "person", {"lives_with": "yes"})
    carer = _new(capsys, tmp_path, "Rhys Pritchard", "carer", CARER, "--linked-to", person[:8])
    code, _, err = run(capsys, "case", "finalise", carer[:8])
    assert code == 2 and "Traceback" not in err
    assert "linked.answers.care_hours" in err and "in Alys Pritchard's case first" in err

    assert run(capsys, "case", "answer", person[:8], "care_hours", "55")[0] == 0
    # A whole answers document's "answered_by" is kept with the new case.
    (tmp_path / "doc.json").write_text(
        json.dumps({"questionnaire": "person", "answered_by": "person_helped", "answers": PERSON})
    )
    code, out, err = run(capsys, "case", "new", "--ruleset", EXAMPLE_B, "--trust", KEY, "--name", "Ann Ray", "--answers", tmp_path / "doc.json", "--finalise")  # fmt: skip
    assert code == 0, err
    assert open_bundle(_exported(capsys, tmp_path, out.strip()))["answered_by"] == "person_helped"
    assert run(capsys, "case", "finalise", person[:8])[0] == 0
    code, out, _ = run(capsys, "case", "answered-by", carer[:8], "carer")
    assert code == 0 and "who answered is carer" in out
    code, out, err = run(capsys, "case", "finalise", carer[:8])
    assert code == 0, err
    assert run(capsys, "case", "export", carer[:8], "-o", tmp_path / "b.json")[0] == 0
    bundle = open_bundle((tmp_path / "b.json").read_bytes())
    assert bundle["answered_by"] == "carer"
    assert bundle["linked"]["answers"]["care_hours"] == 55
    assert bundle["linked_version"]["case_uuid"] == person
    assert bundle["result"]["facts"] == {"cared_for_hours": "55"}
    code, _, err = run(capsys, "case", "answered-by", carer[:8], "assessor")
    assert code == 2 and "finalised" in err  # only a draft takes it
