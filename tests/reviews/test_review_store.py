"""Reviews in the case store: pre-filled answers and their marks (schema v4), the carer's
assessment reviewed with the person's, what changed since last time, and the letter."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.printing.case_letter import letter_for_case
from rasdesk.printing.render import render
from rasdesk.storage import lifecycle, prefilled, review
from rasdesk.storage.connection import DatabaseError
from rasdesk.storage.store import CaseStore
from tests.reviews import helpers as h
from tests.storage.helpers import answered_case, demo_answers, new_store


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    s = new_store(tmp_path)
    yield s  # type: ignore[misc]
    s.close()


def finalised_with_carer(store: CaseStore) -> tuple[str, str]:
    person = answered_case(store, "Ann Ray", council_ref="WX-7")
    lifecycle.finalise(store, person)
    carer = answered_case(store, "Rhys Ray", answers="carer-example", linked_case=person)
    lifecycle.finalise(store, carer)
    return person, carer


def test_review_prefills_marks_and_reviews_the_carer_too(store: CaseStore) -> None:
    person, carer = finalised_with_carer(store)
    started = review.start_review(store, person, *h.signed(h.next_year(h.rate_only)))
    new = store.case_row(started.case_uuid)
    assert (new["review_of"], new["person_name"], new["council_ref"]) == (person, "Ann Ray", "WX-7")
    vid = new["current_version"]
    assert set(prefilled.to_check(store, vid)) == set(demo_answers())
    [carer_review] = started.carers
    carer_row = store.case_row(carer_review.case_uuid)
    assert (carer_row["review_of"], carer_row["linked_case_uuid"]) == (carer, started.case_uuid)
    # The marks: confirmed once, never rewritten, never on a finalised version.
    with pytest.raises(CaseStateError, match="not checked yet"):
        lifecycle.finalise(store, started.case_uuid)
    assert prefilled.confirm(store, started.case_uuid, ["washing"]) == ["washing"]
    with pytest.raises(DatabaseError, match="only ever confirmed, once"):
        store.db.execute("UPDATE prefilled SET confirmed_at = 'x' WHERE question = 'washing'")
    with pytest.raises(DatabaseError, match="only removed by a purge"):
        store.db.execute("DELETE FROM prefilled")
    with pytest.raises(InputError, match="not an answer from last time"):
        prefilled.confirm(store, started.case_uuid, ["nonsense"])
    prefilled.confirm(store, started.case_uuid)
    lifecycle.finalise(store, started.case_uuid)
    with pytest.raises(DatabaseError, match="pre-filled on a draft"):
        store.db.execute("INSERT INTO prefilled VALUES (?, 'x', 'y', 'z', NULL)", (vid,))
    events = [
        r[0] for r in store.db.execute("SELECT event FROM audit WHERE version_uuid = ?", (vid,))
    ]
    assert events.count("confirmed") == len(demo_answers()) and "review started" in events


def test_nothing_to_review_from_a_draft(store: CaseStore) -> None:
    draft = answered_case(store)
    with pytest.raises(InputError, match="no finalised assessment to review from"):
        review.start_review(store, draft, *h.signed(h.next_year()))


def test_since_last_time_separates_rules_from_answers(store: CaseStore) -> None:
    person, _ = finalised_with_carer(store)
    started = review.start_review(store, person, *h.signed(h.next_year(h.rate_only)))
    store.set_answer(started.case_uuid, "night_help", 1)  # 6 → 3 points, no night add-on
    since = review.since_last_time(store, started.case_uuid)
    assert since.last.weekly == Decimal("301.20")
    assert since.last_under_new_rules is not None and since.now is not None
    assert (since.last_under_new_rules.weekly, since.now.weekly) == (Decimal("319.50"), Decimal("261.00"))  # fmt: skip
    assert (since.from_rules, since.from_answers) == (Decimal("18.30"), Decimal("-58.50"))
    assert since.from_rules + since.from_answers == since.total
    [change] = since.answers
    assert (change.question, change.before, change.now) == ("night_help", 3, 1)
    assert (change.points_before, change.points_now) == (Decimal(6), Decimal(3))
    areas = {a.section: (a.before, a.now) for a in since.areas if a.before != a.now}
    assert areas == {"staying_safe": (Decimal(11), Decimal(8))}


def test_split_unknown_when_a_new_question_must_be_answered(store: CaseStore) -> None:
    person, _ = finalised_with_carer(store)
    started = review.start_review(store, person, *h.signed(h.next_year(h.question_added)))
    assert started.plan.carry.asked_again == ("transport",)
    since = review.since_last_time(store, started.case_uuid)
    assert since.now is None and since.from_rules is None
    store.set_answer(started.case_uuid, "transport", "yes")
    since = review.since_last_time(store, started.case_uuid)
    assert since.now is not None and since.now.weekly == Decimal("301.20")
    assert since.from_rules is None and since.total == 0


def test_the_review_letter_says_what_changed(store: CaseStore, tmp_path: Path) -> None:
    person, _ = finalised_with_carer(store)
    started = review.start_review(store, person, *h.signed(h.next_year(h.rate_only)))
    store.set_answer(started.case_uuid, "washing", "all")
    for lang, expect in [
        ("en", ["What has changed since your last assessment",
                "Last time your indicative budget was £301.20 a week. Now it is £337.50 a week.",
                "That is £36.30 a week more.",
                "Of this, £18.30 more comes from the council's new rates and rules, and £18.00 more from changes in your answers.",
                "The council's rules changed since last time (version 2026.1 to 2027.1)."]),
        ("cy", ["Beth sydd wedi newid ers eich asesiad diwethaf",
                "Mae hynny £36.30 yr wythnos yn fwy."]),
    ]:  # fmt: skip
        letter, style = letter_for_case(store, started.case_uuid, lang)
        pdf = tmp_path / f"review-{lang}.pdf"
        pdf.write_bytes(render(letter, style))
        text = " ".join(
            subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        for sentence in expect:
            assert sentence in text, sentence
    # The answer that changed, with its points, in the letter's words.
    assert any(line.startswith("How much help do you need to keep yourself clean") and "Last time: “I need help with most of my washing” (10 points). Now:" in line for line in letter_for_case(store, started.case_uuid, "en")[0].changes)  # fmt: skip


def test_the_easy_read_letter_says_it_in_short_sentences(store: CaseStore, tmp_path: Path) -> None:
    person, _ = finalised_with_carer(store)
    started = review.start_review(store, person, *h.signed(h.next_year(h.rate_only)))
    store.set_answer(started.case_uuid, "washing", "all")
    letter, _ = letter_for_case(store, started.case_uuid, "en")
    assert letter.changes_easy[:6] == [
        "Last time your budget was £301.20 each week.",
        "Now it is £337.50 each week.",
        "The council changed its rates.",
        "That gives you £18.30 more each week.",
        "Your answers changed.",
        "That gives you £18.00 more each week.",
    ]
    assert all(len(s.split()) <= 15 for s in letter.changes_easy[:-1])  # the last quotes a question
    pdf = tmp_path / "easy.pdf"
    pdf.write_bytes(render(letter, "easy"))
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "That gives you £18.30 more each week." in text
    assert "Of this, £18.30 more comes from" not in text  # the standard wording is not repeated


def test_a_review_letter_after_last_time_was_purged(store: CaseStore) -> None:
    """The council holds last year's case and it was purged: the review's letter is still
    made, without the comparison (there is nothing left to compare with)."""
    person = answered_case(store, "Ann Ray")
    lifecycle.finalise(store, person)
    vid = store.current_version(person)["version_uuid"]
    for step in ("queued", "sending"):
        lifecycle.transition(store, vid, step)
    lifecycle.record_receipt(store, vid, "R-1", "2026-01-01T00:00:00Z")
    started = review.start_review(store, person, *h.signed(h.next_year(h.rate_only)))
    assert letter_for_case(store, started.case_uuid, "en")[0].changes
    assert lifecycle.purge(store, "2026-02-01") == 1
    with pytest.raises(InputError, match="no finalised version left to compare with"):
        review.since_last_time(store, started.case_uuid)
    letter, _ = letter_for_case(store, started.case_uuid, "en")
    assert letter.changes == [] and letter.weekly == Decimal("319.50")


def _v2_yearly(show_week: bool) -> tuple[object, bytes]:
    """The format-2 demo with its amount a year's (its parts weekly), stating the week's
    figure too when ``show_week``; signed with the DEMO key."""
    import json

    from rasdesk.domain.parse_v2 import parse_any
    from rasdesk.domain.signing import load_private_key, sign_envelope
    from rasdesk.platform.paths import demo_dir

    doc = json.loads((demo_dir() / "demo-v2.ruleset.json").read_text("utf-8"))
    doc["version"] = "2027.2"
    amount = next(q for q in doc["questionnaires"] if q["id"] == "person")["amounts"][0]
    amount["period"] = "year"
    for part in amount["parts"]:
        part["period"] = "week"
    amount["conversions"] = [{"from": "week", "to": "year", "multiply": "52"}]
    amount["show_also"] = []
    if show_week:
        amount["conversions"].append({"from": "year", "to": "week", "divide": "52"})
        amount["show_also"] = ["week"]
    payload = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    key = load_private_key((demo_dir() / "DEMO-ONLY-signing-key.pem").read_bytes())
    return parse_any(payload), sign_envelope(payload, key)


@pytest.mark.parametrize("show_week", [True, False])
def test_a_review_on_format2_compares_money_only_in_one_period(
    store: CaseStore, show_week: bool
) -> None:
    from rasdesk.printing.since_words import sentences

    person = answered_case(store, "Ann Ray")
    lifecycle.finalise(store, person)
    ruleset, signed = _v2_yearly(show_week)
    started = review.start_review(store, person, ruleset, signed)  # type: ignore[arg-type]
    prefilled.confirm(store, started.case_uuid)
    store.set_answer(started.case_uuid, "nursing", "yes")
    since = review.since_last_time(store, started.case_uuid)
    said = sentences(since)
    assert since.last_figure.as_dict() == {"amount": "301.20", "period": "week"}
    if show_week:  # the year's £42,748.16 is also stated as £822.08 a week: compared in weeks
        assert since.now_figure is not None and since.now_figure.as_dict() == {"amount": "822.08", "period": "week"}  # fmt: skip
        assert since.total == Decimal("520.88")
        assert "That is £520.88 a week more." in said
    else:  # no week's figure: both given, no difference claimed
        assert since.now_figure is not None and since.now_figure.as_dict() == {"amount": "42748.16", "period": "year"}  # fmt: skip
        assert since.total is None and since.from_answers is None
        assert said[0] == "Last time your indicative budget was £301.20 a week. Now it is £42,748.16 a year."  # fmt: skip
        assert said[1].startswith("The council now works the budget out for a different period")
        assert not any("more" in line or "less" in line for line in said[:3])
    lifecycle.finalise(store, started.case_uuid)
    assert store.case_row(started.case_uuid)["review_of"] == person
