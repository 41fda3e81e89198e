"""Moving a format-2 carer's draft in the app: the move page works the figures out with the
facts read from the cared-for person's case (example (b): £350 one-off now, £370 under next
year's ruleset), and when that case cannot give them yet, it says what to do there, in
words, beside "not worked out yet"."""

from __future__ import annotations

from pathlib import Path

from rasdesk.platform import rulesets
from rasdesk.storage.store import CaseStore
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.move_ruleset import MoveRulesetPage
from tests.storage.test_linked_facts import CARER, EXAMPLE_B, PERSON, new_case
from tests.storage.test_linked_facts_elsewhere import next_year
from tests.ui.drive import visible_text


def _carer(store: CaseStore, person_answers: dict[str, object]) -> str:
    person = new_case(store, "Alys Pritchard", "person", person_answers)
    return new_case(store, "Rhys Pritchard", "carer", CARER, linked=person)


def _install_next_year(tmp_path: Path) -> None:
    _ruleset, signed = next_year()
    path = tmp_path / "b-next.ruleset.signed.json"
    path.write_bytes(signed)
    rulesets.install(path)


def test_the_move_page_works_a_carers_figures_out_with_the_linked_facts(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    rulesets.install(EXAMPLE_B)
    carer = _carer(window.session.store, PERSON)
    _install_next_year(tmp_path)
    window.go(("move", carer))
    assert isinstance(window.page, MoveRulesetPage)
    words = visible_text(window.page)
    assert "Before: £350.00 one-off" in words and "After: £370.00 one-off" in words, words
    assert "not worked out yet" not in words


def test_the_move_page_says_what_the_linked_case_must_give_first(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    rulesets.install(EXAMPLE_B)
    carer = _carer(window.session.store, {"lives_with": "yes"})
    _install_next_year(tmp_path)
    window.go(("move", carer))
    assert isinstance(window.page, MoveRulesetPage)
    words = visible_text(window.page)
    assert "Before: not worked out yet" in words and "After: not worked out yet" in words
    said = (
        'Answer "How many hours a week of care does the person get from their carer?" '
        "in Alys Pritchard's case first."
    )
    # Said once, not once for each figure.
    assert [line.text() for line in window.page.why] == [said], words


def test_a_carers_review_says_what_the_linked_case_must_give_first(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    """A carer's review ("rasdesk case review" takes format 2): what changed since last time,
    when the person's review has not given the hours yet, says so and what to do."""
    from rasdesk.printing.since_words import WORDS
    from rasdesk.ui import reviews
    from tests.storage.test_linked_facts_elsewhere import reviewed

    person_review, carer_review, _old = reviewed(window.session.store)
    window.session.store.set_answer(person_review, "care_hours", None)
    title, lines = reviews.since_sentences(window.session, carer_review, "en")
    assert title == WORDS["en"]["title"]
    assert lines[0] == WORDS["en"]["money_linked"].format(last="350.00", per="as one payment")
    assert lines[-1] == (
        'Answer "How many hours a week of care does the person get from their carer?" '
        "in Alys Pritchard's case first."
    )


def test_the_move_page_of_a_case_with_no_amount_of_its_own(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Example (b)'s person's draft (its answers are read by the carer's; it gives no amount
    itself): the move page says so, in Welsh too, and the move is made (once an IndexError
    in an error box)."""
    import rasdesk.ui.main_window as main_window

    shown: list[Exception] = []  # an error box would wait for a person: kept here instead
    monkeypatch.setattr(main_window, "show_error", lambda _parent, exc: shown.append(exc))
    rulesets.install(EXAMPLE_B)
    person = new_case(window.session.store, "Alys Pritchard", "person", PERSON)
    _install_next_year(tmp_path)
    window.go(("move", person))
    page = window.page
    assert isinstance(page, MoveRulesetPage), shown
    words = visible_text(page)
    assert "Before: no amount of its own" in words and "After: no amount of its own" in words
    window.act("language")
    assert "dim swm ei hun" in visible_text(window.page)
    window.page.move_button.click()  # type: ignore[union-attr]
    assert window.session.version(person)["ruleset_sha256"] == rulesets.current_sha256()
