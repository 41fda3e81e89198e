"""``rasdesk case rebase | review | confirm | changes`` end to end (RASDESK_HOME, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run
from tests.reviews import helpers as h

ANSWERS = demo_dir() / "answers" / "person-example.json"


def install_next_year(capsys: pytest.CaptureFixture[str], tmp_path: Path, change: h.Change) -> str:
    ruleset, signed = h.signed(h.next_year(change))
    path = tmp_path / "next.ruleset.signed.json"
    path.write_bytes(signed)
    assert run(capsys, "ruleset", "install", path)[0] == 0
    return ruleset.sha256


@pytest.mark.usefixtures("installed")
def test_rebase_a_draft_to_the_current_ruleset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = run(capsys, "case", "new", "--name", "Bob Evans", "--answers", ANSWERS)[1].strip()
    sha = install_next_year(capsys, tmp_path, h.option_removed)
    code, out, _ = run(capsys, "case", "rebase", case[:8], "--dry-run", "--json")
    plan = json.loads(out)
    assert code == 0 and plan["moved"] is False and plan["asked_again"] == ["washing"]
    assert (plan["before_weekly"], plan["after_weekly"]) == ("301.20", None)
    code, out, _ = run(capsys, "case", "rebase", case[:8])
    assert code == 0, out
    assert "Before: £301.20 a week    After: not yet: answer the questions asked again" in out
    assert "is no longer an option" in out and "Ask again: washing" in out
    assert "person: Question washing: option 'I need help with most of my washing' (lots) was removed." in out  # fmt: skip
    info = json.loads(run(capsys, "case", "show", case[:8], "--json")[1])
    assert info["versions"][0]["ruleset_sha256"] == sha and "washing" not in info["versions"][0]["answers"]  # fmt: skip
    events = [e["event"] for e in info["history"]]
    assert "moved to ruleset" in events and "not carried over" in events
    # Again: already on that ruleset (bad input, 2); a bad --ruleset (2).
    assert run(capsys, "case", "rebase", case[:8])[0] == 2
    code, _, err = run(capsys, "case", "rebase", case[:8], "--ruleset", "zz")
    assert code == 2 and "--ruleset" in err
    assert run(capsys, "case", "rebase", case[:8], "--ruleset", "0" * 64)[0] == 2


@pytest.mark.usefixtures("installed")
def test_rebase_to_a_ruleset_no_longer_trusted_is_a_trust_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = run(capsys, "case", "new", "--name", "Bob Evans", "--answers", ANSWERS)[1].strip()
    sha = install_next_year(capsys, tmp_path, h.rate_only)
    keyid = run(capsys, "trust", "list")[1].split()[0]
    assert run(capsys, "trust", "remove", keyid)[0] == 0
    code, _, err = run(capsys, "case", "rebase", case[:8], "--ruleset", sha[:12])
    assert code == 3, err


@pytest.mark.usefixtures("installed")
def test_review_confirm_finalise_and_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    last = run(capsys, "case", "new", "--name", "Ann Ray", "--ref", "WX-1", "--answers", ANSWERS, "--finalise")[1].strip()  # fmt: skip
    carer_answers = tmp_path / "carer.json"
    carer_answers.write_text((demo_dir() / "answers" / "carer-example.json").read_text())
    carer = run(capsys, "case", "new", "--name", "Rhys Ray", "--questionnaire", "carer", "--linked-to", last, "--answers", carer_answers, "--finalise")[1].strip()  # fmt: skip
    install_next_year(capsys, tmp_path, h.rate_only)

    code, out, _ = run(capsys, "case", "review", last[:8])
    review = out.strip().splitlines()[-1]  # the new draft's id, last, as case new prints it
    assert code == 0 and len(review) == 36 and review != last
    assert f"Review of case {last[:8]}: new draft {review[:8]}, 14 answer(s) from last time to check, 0 question(s) to ask." in out  # fmt: skip
    assert f"Review of case {carer[:8]}: new draft" in out
    assert "Before: £301.20 a week    After: £319.50 a week" in out
    info = json.loads(run(capsys, "case", "show", review[:8], "--json")[1])
    assert info["case"]["review_of"] == last and info["case"]["council_ref"] == "WX-1"
    assert info["versions"][0]["answers"]["washing"] == "lots"
    [carer_review] = info["carers_assessments"]
    assert json.loads(run(capsys, "case", "show", carer_review[:8], "--json")[1])["case"]["review_of"] == carer  # fmt: skip
    assert run(capsys, "case", "review", last[:8])[0] == 2  # one review at a time

    code, _, err = run(capsys, "case", "finalise", review[:8])
    assert code == 2 and "14 answer(s) from last time are not checked yet" in err
    assert run(capsys, "case", "answer", review[:8], "washing", "all")[0] == 0  # checked: changed
    code, out, _ = run(capsys, "case", "confirm", review[:8], "toilet", "dressing")
    assert code == 0 and "confirmed 2; 11 answer(s) from last time still to check" in out
    assert run(capsys, "case", "confirm", review[:8], "transport")[0] == 2
    assert run(capsys, "case", "confirm", review[:8], "--all")[0] == 0

    code, out, _ = run(capsys, "case", "changes", review[:8], "--json")
    since = json.loads(out)
    assert (since["weekly_last_time"], since["weekly_last_answers_new_rules"], since["weekly_now"]) == ("301.20", "319.50", "337.50")  # fmt: skip
    assert (since["change_from_rules"], since["change_from_answers"], since["change_total"]) == ("18.30", "18.00", "36.30")  # fmt: skip
    assert since["answers"] == [{"question": "washing", "before": "lots", "now": "all", "points_before": "10", "points_now": "15"}]  # fmt: skip
    code, out, _ = run(capsys, "case", "changes", review[:8])
    assert "Of this, £18.30 more comes from the council's new rates and rules, and £18.00 more from changes in your answers." in out  # fmt: skip
    assert run(capsys, "case", "finalise", review[:8])[0] == 0
    assert run(capsys, "case", "changes", last[:8])[0] == 2  # not a review


@pytest.mark.usefixtures("installed")
def test_stale_drafts_old_ruleset_and_too_old(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rasdesk_home: Path
) -> None:
    draft = run(capsys, "case", "new", "--name", "Old Draft", "--answers", ANSWERS)[1].strip()
    fresh = run(capsys, "case", "new", "--name", "Fresh Draft")[1].strip()
    assert run(capsys, "case", "stale")[1].strip() == "No stale drafts."
    install_next_year(capsys, tmp_path, h.rate_only)
    out = run(capsys, "case", "stale", "--json")[1]
    found = {s["case_uuid"]: s for s in json.loads(out)}
    assert set(found) == {draft, fresh} and all(s["old_ruleset"] for s in found.values())
    assert "uses an older ruleset (demo-council-ras 2026.1)" in found[draft]["reasons"][0]
    assert run(capsys, "case", "rebase", fresh[:8])[0] == 0
    out = run(capsys, "case", "list")[1]
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "[stale" in lines[draft[:8]] and "[stale" not in lines[fresh[:8]]
    # Older than the policy allows: a draft started 10 days ago, with a policy of 7.
    (rasdesk_home / "config").mkdir(exist_ok=True)
    (rasdesk_home / "config" / "settings.json").write_text('{"draft_max_age_days": 7}')
    from rasdesk.platform import settings
    from rasdesk.storage.profile import open_user_store
    from rasdesk.storage.stale import stale_drafts

    store = open_user_store()
    try:
        import datetime as dt

        later = dt.date.today() + dt.timedelta(days=10)
        found_later = stale_drafts(store, None, settings.load()["draft_max_age_days"], later)
        assert set(found_later) == {draft, fresh}
        assert found_later[fresh].too_old and not found_later[fresh].old_ruleset
        assert "started 10 days ago, longer than the council allows" in found_later[fresh].words()
    finally:
        store.close()
