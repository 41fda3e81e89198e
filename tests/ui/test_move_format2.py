"""Moving a format-2 draft to next year's format-2 ruleset in the app: the move page says
the figure before and after in the amount's own period (format 2 has no weekly figure, so
the page once said "not worked out yet" for a draft whose figure was known), and after the
move the draft opens on format 2's own question page with every answer carried over."""

from __future__ import annotations

import json
from pathlib import Path

from rasdesk.domain.parse_v2 import parse_any
from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform import rulesets
from rasdesk.platform.paths import demo_dir
from rasdesk.reviews.rebase_plan import figure, headline, period
from rasdesk.storage.store import Person
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.move_ruleset import MoveRulesetPage
from rasdesk.ui.words import money
from tests.ui.drive import enter, focus, visible_text

DEMO = demo_dir()
EXAMPLE = json.loads((DEMO / "answers-v2" / "person-example.json").read_text())


def install_next_year_v2(tmp_path: Path) -> str:
    """The format-2 demo as next year's: same questions, a new version, £4.50 a point instead of £4.20."""
    doc = json.loads((DEMO / "demo-v2.ruleset.json").read_text("utf-8"))
    doc["version"] = doc["version"] + ".next"
    raised = json.dumps(doc).replace('"4.20"', '"4.50"', 1)
    assert raised != json.dumps(doc), "the demo's £4.20 a point is gone: pick another one to raise"
    payload = raised.encode("utf-8")
    key = load_private_key((DEMO / "DEMO-ONLY-signing-key.pem").read_bytes())
    path = tmp_path / "demo-v2-next.ruleset.signed.json"
    path.write_bytes(sign_envelope(payload, key))
    rulesets.install(path)
    return parse_any(payload, "next year").sha256


def test_a_format2_draft_moves_with_its_figures_in_their_period(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    rulesets.install(DEMO / "demo-v2.ruleset.signed.json")
    verified = win.session.current_ruleset()
    assert verified is not None
    old = verified.ruleset
    store = win.session.store
    case, _ = store.new_case(
        Person(name="Gwen Period", date_of_birth="1950-02-03"),
        EXAMPLE["questionnaire"],
        old,
        verified.signed_bytes,
    )
    for qid, value in EXAMPLE["answers"].items():
        store.set_answer(case, qid, value)
    new_sha = install_next_year_v2(tmp_path)
    new = win.session.current_ruleset()
    assert new is not None and new.ruleset.sha256 == new_sha

    before = figure(old, EXAMPLE["questionnaire"], win.session.answers(case))
    after = figure(new.ruleset, EXAMPLE["questionnaire"], win.session.answers(case))
    assert before is not None and after is not None
    assert headline(after) > headline(before)  # the raised rate shows in the figure
    win.go(("move", case))
    page = win.page
    assert isinstance(page, MoveRulesetPage)
    words = visible_text(page)
    per = {"week": "a week", "month": "a month", "year": "a year", "one_off": "one-off"}
    for side, result in (("Before", before), ("After", after)):
        said = f"{side}: £{money(headline(result))} {per[period(result)]}"
        assert said in words, words
    assert "not worked out yet" not in words
    assert (
        f"{len(EXAMPLE['answers'])} answers carry over. 0 questions will be asked again." in words
    )
    assert focus().accessibleName() == "Move it to the new ruleset"
    enter()
    assert win.session.version(case)["ruleset_sha256"] == new_sha
    assert win.session.is_format2(case)
    assert type(win.page).__name__.endswith("V2Page"), win.page  # format 2's own pages
