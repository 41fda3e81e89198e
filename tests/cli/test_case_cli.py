"""``rasdesk case …`` end to end, under RASDESK_HOME with the in-memory keyring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

DEMO = demo_dir()
SIGNED, KEY = DEMO / "demo.ruleset.signed.json", DEMO / "DEMO-public-key.pem"


@pytest.mark.usefixtures("installed")
def test_paper_assessment_entered_and_finalised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "case",
        "new",
        "--name",
        "Siân Jones",
        "--dob",
        "1948-05-06",
        "--ref",
        "ZX-42",
        "--format-needs",
        "large_print,easy_read",
        "--language",
        "cy",
        "--answers",
        DEMO / "answers" / "person-example.json",
        "--finalise",
    )
    case = out.strip()
    assert code == 0 and len(case) == 36
    code, out, _ = run(capsys, "case", "list")
    assert "finalised" in out and "£301.20" in out and "Siân Jones" in out
    code, out, _ = run(capsys, "case", "show", case[:8], "--json")
    info = json.loads(out)
    assert (
        info["case"]["format_needs"] == ["large_print", "easy_read"]
        and info["versions"][0]["result"]["weekly"] == "301.20"
    )
    assert run(capsys, "case", "export", case[:8], "-o", tmp_path / "b.json")[0] == 0
    bundle = open_bundle((tmp_path / "b.json").read_bytes())
    assert bundle["person"]["name"] == "Siân Jones" and bundle["result"]["weekly"] == "301.20"


@pytest.mark.usefixtures("installed")
def test_answer_by_answer_then_amend(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = run(capsys, "case", "new", "--name", "Bob Evans")[1].strip()
    answers = json.loads((DEMO / "answers" / "person-example.json").read_text())["answers"]
    for question, value in answers.items():
        text = ",".join(value) if isinstance(value, list) else str(value)
        assert run(capsys, "case", "answer", case, question, text)[0] == 0
    code, _, err = run(capsys, "case", "answer", case, "washing", "sometimes")
    assert code == 2 and "not an option" in err
    assert run(capsys, "case", "note", case, "general", "Prefers mornings")[0] == 0
    code, out, _ = run(capsys, "case", "finalise", case)
    assert code == 0 and "£301.20 a week" in out
    code, _, err = run(capsys, "case", "answer", case, "washing", "all")
    assert code == 2 and "amend" in err
    code, _, err = run(capsys, "case", "amend", case, "--reason", "")
    assert code == 2 and "reason" in err
    changes = tmp_path / "c.json"
    changes.write_text(json.dumps({"answers": {"night_help": 0}}))
    code, out, _ = run(
        capsys,
        "case",
        "amend",
        case,
        "--reason",
        "No night help after all",
        "--answers",
        changes,
        "--finalise",
    )
    assert code == 0 and "version 2 finalised" in out
    versions = json.loads(run(capsys, "case", "show", case, "--json")[1])["versions"]
    assert [v["result"]["weekly"] for v in versions] == [
        "301.20",
        "231.00",  # night_help 0: its 6 points and the £45 night addition go (55 × £4.20)
    ]
    assert versions[1]["supersedes"] == versions[0]["version_uuid"]


def test_new_case_needs_an_installed_ruleset(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "case", "new", "--name", "X")
    assert code == 2 and "rasdesk ruleset install" in err


@pytest.mark.usefixtures("installed")
def test_search_state_filters_and_carer_link(capsys: pytest.CaptureFixture[str]) -> None:
    person = run(capsys, "case", "new", "--name", "Gwen Morgan", "--ref", "GM-7")[1].strip()
    carer = run(
        capsys,
        "case",
        "new",
        "--name",
        "Huw Morgan",
        "--questionnaire",
        "carer",
        "--linked-to",
        person[:8],
        "--answers",
        DEMO / "answers" / "carer-example.json",
        "--finalise",
    )[1].strip()
    rows = json.loads(run(capsys, "case", "list", "--search", "morgan", "--json")[1])
    assert {r["case_uuid"] for r in rows} == {person, carer}
    rows = json.loads(run(capsys, "case", "list", "--state", "draft", "--json")[1])
    assert [r["case_uuid"] for r in rows] == [person]
    assert (
        json.loads(run(capsys, "case", "show", carer, "--json")[1])["case"]["linked_case_uuid"]
        == person
    )
    code, _, err = run(capsys, "case", "list", "--state", "lost")
    assert code == 2 and "unknown state" in err


@pytest.mark.usefixtures("installed", "no_keyring")
def test_no_password_store_refuses_to_store_cases(
    capsys: pytest.CaptureFixture[str], rasdesk_home: Path
) -> None:
    code, _, err = run(capsys, "case", "new", "--name", "Nobody")
    assert code == 1 and "password store" in err and "Traceback" not in err
    assert not (rasdesk_home / "data" / "cases.db").exists()


@pytest.mark.usefixtures("installed")
def test_purge_and_export_of_a_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = run(capsys, "case", "new", "--name", "Draft Only")[1].strip()
    code, _, err = run(capsys, "case", "export", case, "-o", tmp_path / "x.json")
    assert code == 2 and "no finalised version" in err
    code, out, _ = run(capsys, "case", "purge", "--sent-before", "2030-01-01")
    assert code == 0 and "Purged 0" in out
    code, _, err = run(capsys, "case", "purge", "--sent-before", "soon")
    assert code == 2 and "YYYY-MM-DD" in err


@pytest.mark.usefixtures("installed")
def test_the_log_names_cases_by_id_never_by_person(
    capsys: pytest.CaptureFixture[str], rasdesk_home: Path
) -> None:
    case = run(
        capsys,
        "case",
        "new",
        "--name",
        "Eirlys Quennell-Thorpe",
        "--ref",
        "QT-5150",
        "--answers",
        DEMO / "answers" / "person-example.json",
        "--finalise",
    )[1].strip()
    import logging

    for handler in logging.getLogger("rasdesk").handlers:
        handler.flush()
    logs = "".join(p.read_text() for p in (rasdesk_home / "log").glob("rasdesk.log*"))
    assert case in logs
    assert "Eirlys" not in logs and "QT-5150" not in logs


@pytest.mark.usefixtures("installed")
def test_none_of_these_with_another_task_is_refused_naming_the_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = run(capsys, "case", "new", "--name", "Bob Evans")[1].strip()
    code, _, err = run(capsys, "case", "answer", case, "home_tasks", "none,shopping")
    assert code == 2 and "home_tasks" in err and '"none" cannot be chosen together' in err
    assert run(capsys, "case", "answer", case, "home_tasks", "none")[0] == 0
    code, out, _ = run(capsys, "case", "show", case[:8], "--json")
    assert json.loads(out)["versions"][0]["answers"]["home_tasks"] == ["none"]
