"""Property: a "new version" of a ruleset with the same content (only the version number
differs) carries every answer over and gives exactly the same figure."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rasdesk.domain.answers import check_answer, check_answers, json_value
from rasdesk.domain.errors import AnswersError, RulesetError
from rasdesk.reviews.rebase_plan import plan_rebase
from rasdesk.storage import lifecycle, rebase
from rasdesk.storage.store import Person
from tests.domain.builders import build, questionnaire
from tests.domain.test_properties import _demo_answers, answers, rulesets
from tests.reviews import helpers as h
from tests.storage.helpers import new_store


def same_content_new_version(doc: dict[str, Any], version: str) -> dict[str, Any]:
    twin = copy.deepcopy(doc)
    twin["version"] = version
    return twin


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=rulesets(),
    given_answers=answers,
    required=st.sets(st.sampled_from(["washing", "tasks", "nights", "notes"])),
    version=st.from_regex(r"[0-9]{4}\.[0-9]{1,2}", fullmatch=True),
)
def test_identity_new_version_carries_everything_and_keeps_the_figure(
    doc: dict[str, Any], given_answers: dict[str, Any], required: set[str], version: str
) -> None:
    # The answers as the store holds them (typed), read before any question is required.
    typed = dict(check_answers(build(doc).questionnaires[0], given_answers).given)
    for section in questionnaire(doc)["sections"]:
        for q in section["questions"]:
            q["required"] = q["id"] in required
    old = build(doc)
    new = build(same_content_new_version(doc, version if version != doc["version"] else "2"))
    plan = plan_rebase(old, new, "person", typed)
    assert plan.carry.carried == typed
    assert plan.carry.not_carried == () and plan.carry.notes == ()
    assert [c for c in plan.changes if not c.startswith("The version changed")] == []
    if plan.before is None:  # a required answer is missing: missing under both
        assert plan.after is None
    else:
        assert plan.after is not None
        assert plan.after.as_dict()["weekly"] == plan.before.as_dict()["weekly"]
        assert plan.after.as_dict()["annual"] == plan.before.as_dict()["annual"]
        assert plan.after.as_dict()["sections"] == plan.before.as_dict()["sections"]
        assert plan.after.total_points == plan.before.total_points


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_identity_move_in_the_store_keeps_every_answer_and_the_figure(
    data: st.DataObject, tmp_path_factory: Any
) -> None:
    """The same, through the case store, on the demo ruleset with random demo answers."""
    old_ruleset, old_signed = h.signed(h.demo_doc())
    new_ruleset, new_signed = h.signed(h.next_year())
    given_answers = data.draw(st.composite(lambda draw: _demo_answers(draw, old_ruleset.questionnaire_by_id["person"]))())  # fmt: skip
    store = new_store(Path(tmp_path_factory.mktemp("store")))
    try:
        case_uuid, vid = store.new_case(Person("Random Answers"), "person", old_ruleset, old_signed)
        for question, value in given_answers.items():
            store.set_answer(case_uuid, question, value)
        before = store.answers(vid)
        try:
            figure_before = lifecycle.preview(store, case_uuid).weekly
        except AnswersError:  # some required answers not drawn: incomplete before and after
            figure_before = None
        plan = rebase.rebase_draft(store, case_uuid, new_ruleset, new_signed)
        assert store.answers(vid) == before and plan.carry.not_carried == ()
        if figure_before is None:
            assert plan.before is None and plan.after is None
        else:
            assert lifecycle.preview(store, case_uuid).weekly == figure_before
            assert plan.after is not None and plan.after.weekly == figure_before
    finally:
        store.close()


@st.composite
def changed(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    """Next year's version of ``doc``: options removed, the range narrowed, a question
    removed or made required, a new required question, a section's questions moved."""
    new = same_content_new_version(doc, "2")
    care, safety = questionnaire(new)["sections"]
    washing, tasks = care["questions"]
    if draw(st.booleans()):
        washing["options"] = draw(st.lists(st.sampled_from(washing["options"]), min_size=1, max_size=2, unique_by=lambda o: o["id"]))  # fmt: skip
    if draw(st.booleans()):
        tasks["options"] = tasks["options"][: draw(st.integers(1, 2))]
    nights = safety["questions"][0]
    nights["max"] = draw(st.integers(0, 7))
    nights["bands"] = [b for b in nights["bands"] if b["from"] <= nights["max"]] or [{"from": 0, "points": 0}]  # fmt: skip
    if draw(st.booleans()):
        safety["questions"].pop(1)  # the text question is removed
    if draw(st.booleans()):
        care["questions"].append({"id": "new_q", "type": "single", "required": True, "text": {"en": "New?"}, "options": [{"id": "yes", "text": {"en": "Yes"}, "points": 1}]})  # fmt: skip
    if draw(st.booleans()):
        safety["questions"].insert(0, care["questions"].pop(0))  # washing moves section
    return new


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rulesets(), given_answers=answers, data=st.data())
def test_nothing_is_silently_dropped(
    doc: dict[str, Any], given_answers: dict[str, Any], data: st.DataObject
) -> None:
    """Whatever the council changed, every answer either carries over unchanged (and is a
    valid answer under the new ruleset) or is listed with a reason."""
    old = build(doc)
    typed = dict(check_answers(old.questionnaires[0], given_answers).given)
    try:
        new = build(data.draw(changed(doc)))
    except RulesetError:  # e.g. a condition names an option that was removed
        assume(False)
        return
    plan = plan_rebase(old, new, "person", typed)
    listed = {n.question for n in plan.carry.not_carried if n.old is not None}
    assert set(plan.carry.carried) | listed == set(typed)
    assert not set(plan.carry.carried) & listed
    assert all(plan.carry.carried[q] == typed[q] for q in plan.carry.carried)
    q = new.questionnaires[0]
    for qid, value in plan.carry.carried.items():  # each one a valid answer there
        assert check_answer(q.question_by_id[qid], json_value(value)) == value
    if plan.carry.asked_again == () and plan.before is not None:
        assert plan.after is not None  # nothing to ask: the figure is there at once
