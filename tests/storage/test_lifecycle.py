"""The case lifecycle in the store: drafts, finalising, amendments, the send states,
receipts and the retention purge; carers' links and search."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import AnswersError, CaseStateError, InputError
from rasdesk.storage import lifecycle, queries
from rasdesk.storage.store import CaseStore, Person
from tests.storage.helpers import answered_case, demo_ruleset, new_store


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    s = new_store(tmp_path)
    yield s
    s.close()


def test_each_answer_change_is_one_row_with_its_audit_event(store: CaseStore) -> None:
    case = answered_case(store)
    vid = store.current_version(case)["version_uuid"]
    before = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
    store.set_answer(case, "washing", "all")
    store.set_answer(case, "washing", "all")  # unchanged: nothing written
    store.set_answer(case, "night_help", 5)
    assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == before + 2
    assert store.answers(vid)["washing"] == "all"
    events = store.db.execute(
        "SELECT event, question, old, new, actor FROM audit WHERE version_uuid = ? AND question = 'washing' ORDER BY id",
        (vid,),
    ).fetchall()
    assert events[-1][0] == "answer" and events[-1][2] == '"lots"' and events[-1][3] == '"all"'
    assert events[-1][4] == "Sam Patel"
    store.set_answer(case, "washing", None)  # cleared
    assert "washing" not in store.answers(vid)


def test_bad_answers_are_refused_and_nothing_is_written(store: CaseStore) -> None:
    case = answered_case(store)
    count = store.db.execute("SELECT count(*) FROM answers").fetchone()[0]
    with pytest.raises(AnswersError):
        store.set_answer(case, "washing", "sometimes")
    with pytest.raises(AnswersError):
        store.set_answer(case, "night_help", 99)
    with pytest.raises(InputError, match="no question"):
        store.set_answer(case, "nope", 1)
    assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == count


def test_finalise_refuses_missing_answers_naming_them(store: CaseStore) -> None:
    verified = demo_ruleset()
    case, _ = store.new_case(Person("A Person"), "person", verified.ruleset, verified.signed_bytes)
    store.set_answer(case, "washing", "some")
    with pytest.raises(AnswersError) as caught:
        lifecycle.finalise(store, case)
    assert "$.answers.eating_drinking" in [p.path for p in caught.value.problems]
    assert store.current_version(case)["state"] == "draft"


def test_finalised_result_is_the_engines_and_the_bundle_matches_the_spec(store: CaseStore) -> None:
    case = answered_case(store, council_ref="R-1", format_needs=("large_print",), language="cy")
    store.set_note(case, "washing", "I like a bath, not a shower")
    digest = lifecycle.finalise(store, case)
    bundle = open_bundle(queries.export_bundle(store, case))
    assert bundle["sha256"] == digest and bundle["result"]["weekly"] == "301.20"
    assert set(bundle) == {
        "format",
        "case_uuid",
        "version_uuid",
        "supersedes",
        "amendment_reason",
        "questionnaire",
        "person",
        "linked_case_uuid",
        "answers",
        "notes",
        "ruleset",
        "result",
        "assessor",
        "started_at",
        "finalised_at",
        "audit",
        "sha256",
    }
    assert bundle["person"] == {
        "name": "Siân Jones",
        "date_of_birth": None,
        "council_ref": "R-1",
        "format_needs": ["large_print"],
        "language": "cy",
        # the needs coded by the Accessible Information Standard (rasdesk.cld.ais)
        "communication_needs": [
            {
                "need": "large_print",
                "snomed": "957331000000109",
                "term": "Requires written information in at least 20 point sans serif font",
            }
        ],
    }
    assert bundle["notes"] == {"washing": "I like a bath, not a shower"}
    assert bundle["ruleset"]["sha256"] == demo_ruleset().ruleset.sha256
    assert any(
        "Eich cyllideb wythnosol" in e["text"] for e in bundle["result"]["explanation"]
    )  # in Welsh
    assert [e["event"] for e in bundle["audit"]][:1] == ["case started"]
    row = queries.list_cases(store)[0]
    assert (row.state, row.weekly) == ("finalised", "301.20")


def test_amend_needs_a_reason_and_a_finalised_version(store: CaseStore) -> None:
    case = answered_case(store)
    with pytest.raises(CaseStateError, match="already has a draft"):
        lifecycle.amend(store, case, "why")
    lifecycle.finalise(store, case)
    with pytest.raises(InputError, match="reason"):
        lifecycle.amend(store, case, "  ")
    new = lifecycle.amend(store, case, "Night help was 5 nights, not 3", {"night_help": 5})
    version = store.current_version(case)
    assert version["version_uuid"] == new and version["number"] == 2 and version["state"] == "draft"
    assert (
        store.answers(new)["night_help"] == 5 and store.answers(new)["washing"] == "lots"
    )  # carried over
    lifecycle.finalise(store, case)
    assert (
        open_bundle(queries.export_bundle(store, case))["amendment_reason"]
        == "Night help was 5 nights, not 3"
    )


def test_send_states_follow_the_lifecycle(store: CaseStore) -> None:
    case = answered_case(store)
    lifecycle.finalise(store, case)
    vid = store.current_version(case)["version_uuid"]
    with pytest.raises(CaseStateError):
        lifecycle.transition(store, vid, "sent")  # not without sending
    for state in ("queued", "sending", "failed", "sending", "quarantined"):
        lifecycle.transition(
            store,
            vid,
            state,
            reason="409: another version is the head" if state == "quarantined" else None,
        )
    assert queries.list_cases(store, state="quarantined")[0].case_uuid == case
    assert store.current_version(case)["state_reason"].startswith("409")
    for state in ("queued", "sending"):
        lifecycle.transition(store, vid, state)
    lifecycle.record_receipt(store, vid, "RCPT-1", "2026-05-01T10:00:00Z")
    assert queries.list_cases(store, state="sent")[0].case_uuid == case
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    with pytest.raises(CaseStateError):
        lifecycle.transition(store, vid, "queued")  # sent is final


def test_purge_only_removes_versions_with_receipts_before_the_date(store: CaseStore) -> None:
    sent = answered_case(store, name="Sent Early")
    late = answered_case(store, name="Sent Late")
    draft = answered_case(store, name="Still A Draft")
    for case, when in ((sent, "2026-01-10T09:00:00Z"), (late, "2026-09-10T09:00:00Z")):
        lifecycle.finalise(store, case)
        vid = store.current_version(case)["version_uuid"]
        for state in ("queued", "sending"):
            lifecycle.transition(store, vid, state)
        lifecycle.record_receipt(store, vid, f"R-{case[:4]}", when)
    assert lifecycle.purge(store, "2026-06-01") == 1
    names = {r.person_name for r in queries.list_cases(store)}
    assert names == {"[purged]", "Sent Late", "Still A Draft"}
    assert store.db.execute("SELECT count(*) FROM receipts").fetchone()[0] == 2  # proof kept
    info = queries.show_case(store, sent)
    assert info["versions"] == [] and [h["event"] for h in info["history"]] == ["purged"]
    assert not queries.list_cases(store, search="Early")
    assert queries.show_case(store, draft)["versions"][0]["state"] == "draft"


def test_carers_assessment_is_linked_to_the_person(store: CaseStore) -> None:
    person = answered_case(store, name="Cared For")
    carer = answered_case(store, name="The Carer", answers="carer-example", linked_case=person[:10])
    assert store.case_row(carer)["linked_case_uuid"] == person
    assert queries.show_case(store, person)["carers_assessments"] == [carer]
    lifecycle.finalise(store, carer)
    bundle = open_bundle(queries.export_bundle(store, carer))
    assert bundle["linked_case_uuid"] == person and bundle["result"]["weekly"] == "35.00"


def test_search_names_and_references(store: CaseStore) -> None:
    for name, ref in (
        ("Siân Jones", "AB-1001"),
        ("Sean Jonas", "AB-2002"),
        ("Gwilym Ifans", "CD-3003"),
    ):
        answered_case(store, name=name, council_ref=ref)
    found = lambda text: sorted(r.person_name for r in queries.list_cases(store, search=text))  # noqa: E731
    assert found("sian") == ["Siân Jones"]  # diacritics folded
    assert found("jon") == ["Sean Jonas", "Siân Jones"]
    assert found("ab 2002") == ["Sean Jonas"]
    assert found("gwilym ifans") == ["Gwilym Ifans"]
    assert found('"; DROP TABLE cases; --') == []
    with pytest.raises(InputError):
        found("   ")


def test_resolve_case_prefixes(store: CaseStore) -> None:
    case = answered_case(store)
    assert store.resolve(case[:8]) == case
    with pytest.raises(InputError, match="at least the first 8"):
        store.resolve(case[:4])
    with pytest.raises(InputError, match="no case"):
        store.resolve("ffffffff")


def test_search_with_many_matches_walks_newest_first_with_the_same_answer(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(6):
        answered_case(store, name=f"Megan Jones {i}", council_ref=f"MJ-{i}")
    answered_case(store, name="Other Person")
    few = [r.case_uuid for r in queries.list_cases(store, search="jones", limit=4)]
    drafts = [r.case_uuid for r in queries.list_cases(store, search="jones", state="draft")]
    monkeypatch.setattr(queries, "SEARCH_LOOKUP_MAX", 2)  # now 6 matches are "many"
    assert [r.case_uuid for r in queries.list_cases(store, search="jones", limit=4)] == few
    assert [r.case_uuid for r in queries.list_cases(store, search="jones", state="draft")] == drafts
    assert len(drafts) == 6 and queries.list_cases(store, search="zzz") == []


def test_an_amendment_with_a_bad_answer_leaves_no_new_version(store: CaseStore) -> None:
    case = answered_case(store)
    lifecycle.finalise(store, case)
    versions = store.db.execute("SELECT count(*) FROM versions").fetchone()[0]
    with pytest.raises(AnswersError):
        lifecycle.amend(store, case, "typo fix", {"night_help": 3, "washing": "sometimes"})
    assert store.db.execute("SELECT count(*) FROM versions").fetchone()[0] == versions
    assert store.current_version(case)["state"] == "finalised"
