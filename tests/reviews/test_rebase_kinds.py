"""Moving a draft to next year's ruleset, for each kind of change a council makes: what
carried over, what is asked again, the figure before and after, and that nothing was
silently dropped (the old answer is still in the case's history, with the reason)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.storage import lifecycle, rebase
from rasdesk.storage.store import CaseStore
from tests.reviews import helpers as h
from tests.storage.helpers import answered_case, demo_answers, demo_ruleset, new_store

EVERY_ANSWER = set(demo_answers())  # the 14 answers of person-example (£301.20 a week)


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    s = new_store(tmp_path)
    yield s  # type: ignore[misc]
    s.close()


def move(store: CaseStore, change: Callable[[h.Doc], None]) -> tuple[str, rebase.RebasePlan]:
    case_uuid = answered_case(store)
    ruleset, signed = h.signed(h.next_year(change))
    plan = rebase.rebase_draft(store, case_uuid, ruleset, signed)
    version = store.current_version(case_uuid)
    assert version["ruleset_sha256"] == ruleset.sha256 and version["number"] == 1
    # What the store now holds is exactly what the plan says carried over.
    assert set(store.answers(version["version_uuid"])) == set(plan.carry.carried)
    return case_uuid, plan


def history(store: CaseStore, case_uuid: str) -> list[tuple[str, str | None, str | None]]:
    return store.db.execute(
        "SELECT event, question, reason FROM audit WHERE case_uuid = ? AND event NOT IN ('answer', 'case started') ORDER BY id",
        (case_uuid,),
    ).fetchall()


def test_rate_only(store: CaseStore) -> None:
    case_uuid, plan = move(store, h.rate_only)
    assert set(plan.carry.carried) == EVERY_ANSWER and plan.carry.asked_again == ()
    assert plan.before is not None and plan.after is not None
    assert (plan.before.weekly, plan.after.weekly) == (Decimal("301.20"), Decimal("319.50"))
    assert plan.difference == Decimal("18.30")
    assert "person: The rate changed: £4.20 → £4.50 a point, +7.1%." in plan.changes
    assert lifecycle.preview(store, case_uuid).weekly == Decimal("319.50")
    [(event, _, reason)] = history(store, case_uuid)
    assert event == "moved to ruleset" and '"after_weekly": "319.50"' in reason


def test_question_added(store: CaseStore) -> None:
    case_uuid, plan = move(store, h.question_added)
    assert set(plan.carry.carried) == EVERY_ANSWER
    assert plan.carry.asked_again == ("transport",)
    [lost] = plan.carry.not_carried
    assert lost.reason == "new required question" and "transport" in lost.words
    assert plan.before is not None and plan.before.weekly == Decimal("301.20")
    assert plan.after is None  # not until the new question is answered
    assert "person: Question transport (Can you use public transport?) was added to section community." in plan.changes  # fmt: skip
    assert ("to ask", "transport", lost.words) in history(store, case_uuid)
    with pytest.raises(Exception, match="transport"):
        lifecycle.finalise(store, case_uuid)
    store.set_answer(case_uuid, "transport", "no")  # 4 more points at £4.20
    assert lifecycle.preview(store, case_uuid).weekly == Decimal("318.00")


def test_option_removed(store: CaseStore) -> None:
    case_uuid, plan = move(store, h.option_removed)
    assert set(plan.carry.carried) == EVERY_ANSWER - {"washing"}
    assert plan.carry.asked_again == ("washing",)
    [lost] = plan.carry.not_carried
    assert lost.reason == "option removed" and lost.old == "lots"
    assert '"I need help with most of my washing" (lots) is no longer an option' in lost.words
    assert (plan.before.weekly if plan.before else None, plan.after) == (Decimal("301.20"), None)
    # Nothing silently dropped: the old answer is in the history, cleared with the reason.
    vid = store.current_version(case_uuid)["version_uuid"]
    rows = store.db.execute(
        "SELECT value FROM answers WHERE version_uuid = ? AND question = 'washing' ORDER BY id",
        (vid,),
    ).fetchall()
    assert rows == [('"lots"',), (None,)]
    assert ("not carried over", "washing", lost.words) in history(store, case_uuid)
    store.set_answer(case_uuid, "washing", "all")
    assert lifecycle.preview(store, case_uuid).weekly == Decimal("318.00")  # 4 points more


def test_number_range_narrowed(store: CaseStore) -> None:
    case_uuid, plan = move(store, h.range_narrowed)
    assert set(plan.carry.carried) == EVERY_ANSWER - {"night_help"}
    assert plan.carry.asked_again == ("night_help",)
    [lost] = plan.carry.not_carried
    assert lost.reason == "number outside the new range" and lost.old == 3
    assert "the answer 3 is outside the new range (0 to 2)" in lost.words
    assert plan.after is None and plan.before is not None
    assert "person: Question night_help: the largest answer (max) changed from 7 to 2." in plan.changes  # fmt: skip
    store.set_answer(case_uuid, "night_help", 2)  # 3 points, not 6, and no night add-on
    assert lifecycle.preview(store, case_uuid).weekly == Decimal("243.60")


def test_section_moved(store: CaseStore) -> None:
    _case_uuid, plan = move(store, h.section_moved)
    assert set(plan.carry.carried) == EVERY_ANSWER and plan.carry.asked_again == ()
    assert plan.carry.notes == (
        'falls ("Have you fallen in the last six months?") moved from section moving_around to staying_safe.',
    )
    assert plan.before is not None and plan.after is not None
    assert plan.before.weekly == plan.after.weekly == Decimal("301.20")
    points = {s.id: s.points for s in plan.after.sections}
    assert (points["moving_around"], points["staying_safe"]) == (Decimal(5), Decimal(15))
    assert "person: Question falls: the section changed from moving_around to staying_safe." in plan.changes  # fmt: skip


def test_question_removed_is_listed_and_kept_in_history(store: CaseStore) -> None:
    def removed(doc: h.Doc) -> None:
        h.section(doc, "relationships_activities")["questions"].pop(1)  # activities

    case_uuid, plan = move(store, removed)
    assert set(plan.carry.carried) == EVERY_ANSWER - {"activities"}
    assert plan.carry.asked_again == ()  # a removed question cannot be asked
    [lost] = plan.carry.not_carried
    assert lost.reason == "question removed" and "activities" in lost.words
    assert plan.after is not None and plan.after.weekly == Decimal("301.20")  # it scored 0
    assert ("not carried over", "activities", lost.words) in history(store, case_uuid)


def test_only_a_draft_moves_and_not_to_the_same_ruleset(store: CaseStore) -> None:
    case_uuid = answered_case(store)
    same = demo_ruleset()
    with pytest.raises(InputError, match="already uses ruleset"):
        rebase.rebase_draft(store, case_uuid, same.ruleset, same.signed_bytes)
    lifecycle.finalise(store, case_uuid)
    with pytest.raises(CaseStateError, match="cannot change"):
        rebase.rebase_draft(store, case_uuid, *h.signed(h.next_year(h.rate_only)))

    def no_person(doc: h.Doc) -> None:
        h.person(doc)["id"] = "adult"

    other = answered_case(store, "Second Person")
    with pytest.raises(InputError, match='has no questionnaire "person"'):
        rebase.rebase_draft(store, other, *h.signed(h.next_year(no_person)))
