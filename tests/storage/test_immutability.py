"""A finalised case version is byte-for-byte immutable (DESIGN.md, Case lifecycle): the
database itself refuses any change to it, the API refuses too, and a correction is a new
version that supersedes the old one, carries a reason and leaves the old bytes alone.
Each bundle's sha256 can be checked by anyone with a JSON library (sync spec)."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import CaseStateError, InputError
from rasdesk.storage import lifecycle, queries
from rasdesk.storage.connection import dbapi2
from rasdesk.storage.store import CaseStore
from tests.storage.helpers import answered_case, new_store

IntegrityError = dbapi2.IntegrityError


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = new_store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def finalised(store: CaseStore) -> tuple[str, str]:
    """A finalised case with a note: (case_uuid, version_uuid)."""
    case_uuid = answered_case(store, name="Ffion Immutable", council_ref="IM-1")
    store.set_note(case_uuid, "general", "Ffion's own words, kept with the case.")
    lifecycle.finalise(store, case_uuid)
    return case_uuid, store.current_version(case_uuid)["version_uuid"]


def stored(store: CaseStore, version_uuid: str) -> dict[str, Any]:
    cur = store.db.execute("SELECT * FROM versions WHERE version_uuid = ?", (version_uuid,))
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def bundle_bytes(store: CaseStore, version_uuid: str) -> bytes:
    data: bytes = store.db.execute(
        "SELECT bundle FROM versions WHERE version_uuid = ?", (version_uuid,)
    ).fetchone()[0]
    return data


def verify_independently(data: bytes) -> dict[str, Any]:
    """The sync spec's check, with nothing from rasdesk: plain json and hashlib."""
    doc: dict[str, Any] = json.loads(data)
    body = {k: v for k, v in doc.items() if k != "sha256"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == doc["sha256"]
    # And the stored bytes are themselves that canonical form, sha256 included.
    again = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert again.encode("utf-8") == data
    return doc


def counts(store: CaseStore) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("answers", "notes", "audit", "versions")
    )


def test_the_export_is_the_stored_bytes_and_stays_so(
    store: CaseStore, finalised: tuple[str, str]
) -> None:
    case_uuid, vid = finalised
    data = bundle_bytes(store, vid)
    assert queries.export_bundle(store, case_uuid) == data
    doc = verify_independently(data)
    assert doc["sha256"] == stored(store, vid)["bundle_sha256"] == open_bundle(data)["sha256"]
    # Sending it moves the state along, and the bytes do not move at all.
    for state in ("queued", "sending", "failed", "sending"):
        lifecycle.transition(store, vid, state, reason="test")
    lifecycle.record_receipt(store, vid, "R-1", "2026-01-01T00:00:00.000Z")
    assert queries.export_bundle(store, case_uuid) == data == bundle_bytes(store, vid)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("bundle", b"{}"),
        ("bundle", None),
        ("bundle_sha256", "0" * 64),
        ("ruleset_sha256", "f" * 64),
        ("supersedes", "00000000-0000-4000-8000-000000000000"),
        ("amendment_reason", "rewritten after the fact"),
        ("finalised_at", "2020-01-01T00:00:00.000Z"),
        ("number", 7),
        ("case_uuid", "00000000-0000-4000-8000-000000000001"),
        ("version_uuid", "00000000-0000-4000-8000-000000000002"),
        ("assessor", "Someone Else"),
        ("device_id", "another-device"),
        ("started_at", "2020-01-01T00:00:00.000Z"),
    ],
)
def test_sql_cannot_change_a_finalised_version(
    store: CaseStore, finalised: tuple[str, str], column: str, value: object
) -> None:
    _, vid = finalised
    before = stored(store, vid)
    with pytest.raises(IntegrityError, match="a finalised case version cannot change"):
        store.db.execute(f"UPDATE versions SET {column} = ? WHERE version_uuid = ?", (value, vid))
    assert stored(store, vid) == before


def test_sql_cannot_send_a_finalised_version_back_to_draft(
    store: CaseStore, finalised: tuple[str, str]
) -> None:
    case_uuid, vid = finalised
    with pytest.raises(IntegrityError, match="cannot go back to draft"):
        store.db.execute("UPDATE versions SET state = 'draft' WHERE version_uuid = ?", (vid,))
    with pytest.raises(CaseStateError):
        store.set_answer(case_uuid, "night_help", 6)
    assert stored(store, vid)["state"] == "finalised"


def test_sql_cannot_add_rewrite_or_remove_answers_notes_or_audit_of_a_finalised_version(
    store: CaseStore, finalised: tuple[str, str]
) -> None:
    _, vid = finalised
    before = counts(store)
    refused = [
        (
            "INSERT INTO answers (version_uuid, question, value, at, mono_ns, session) VALUES (?, 'night_help', '6', 'now', 0, 'x')",
            "answers can only be given on a draft",
        ),
        (
            "INSERT INTO notes (version_uuid, question, text, at) VALUES (?, 'general', 'later', 'now')",
            "notes can only be written on a draft",
        ),
        ("UPDATE answers SET value = '6' WHERE version_uuid = ?", "answers are never rewritten"),
        ("UPDATE notes SET text = 'rewritten' WHERE version_uuid = ?", "notes are never rewritten"),
        ("UPDATE audit SET new = 'rewritten' WHERE version_uuid = ?", "append-only"),
        ("DELETE FROM answers WHERE version_uuid = ?", "only removed by a purge after a receipt"),
        ("DELETE FROM notes WHERE version_uuid = ?", "only removed by a purge after a receipt"),
        ("DELETE FROM audit WHERE version_uuid = ?", "only cut by a purge after a receipt"),
    ]  # fmt: skip
    for sql, words in refused:
        with pytest.raises(IntegrityError, match=words):
            store.db.execute(sql, (vid,))
    # Still refused once it is on its way to the council.
    lifecycle.transition(store, vid, "queued")
    with pytest.raises(IntegrityError, match="answers can only be given on a draft"):
        store.db.execute(refused[0][0], (vid,))
    assert counts(store) == (*before[:2], before[2] + 1, before[3])  # only the "queued" event


def test_the_api_refuses_to_change_a_finalised_version(
    store: CaseStore, finalised: tuple[str, str]
) -> None:
    case_uuid, vid = finalised
    data, before = bundle_bytes(store, vid), counts(store)
    with pytest.raises(CaseStateError, match="amend it with a reason"):
        store.set_answer(case_uuid, "night_help", 6)
    with pytest.raises(CaseStateError):
        store.set_answer(case_uuid, "night_help", None)
    with pytest.raises(CaseStateError):
        store.set_note(case_uuid, "general", "a later thought")
    with pytest.raises(CaseStateError):
        lifecycle.finalise(store, case_uuid)
    assert counts(store) == before and bundle_bytes(store, vid) == data


def test_a_version_without_a_receipt_cannot_be_deleted(
    store: CaseStore, finalised: tuple[str, str]
) -> None:
    case_uuid, vid = finalised
    draft = answered_case(store, name="Draft Person")
    draft_vid = store.current_version(draft)["version_uuid"]
    for version_uuid in (vid, draft_vid):
        with pytest.raises(IntegrityError, match="only a version with a server receipt"):
            store.db.execute("DELETE FROM versions WHERE version_uuid = ?", (version_uuid,))
    assert lifecycle.purge(store, "9999-12-31") == 0  # nothing has a receipt
    assert stored(store, vid)["bundle"] == queries.export_bundle(store, case_uuid)

    # With the council's receipt, the retention purge may remove it (and only it).
    lifecycle.record_receipt(store, vid, "R-1", "2026-01-01T00:00:00.000Z")
    assert lifecycle.purge(store, "2026-02-01") == 1
    assert store.db.execute("SELECT count(*) FROM versions WHERE version_uuid = ?", (vid,)).fetchone() == (0,)  # fmt: skip
    assert store.current_version(draft)["version_uuid"] == draft_vid


def test_an_amendment_chain_supersedes_and_leaves_earlier_bytes_alone(store: CaseStore) -> None:
    case_uuid = answered_case(store, name="Gethin Chain", council_ref="CH-3")
    store.set_note(case_uuid, "washing", "Uses a bath lift.")
    lifecycle.finalise(store, case_uuid)
    v1 = store.current_version(case_uuid)["version_uuid"]
    v1_exported = queries.export_bundle(store, case_uuid)
    reasons = ["Night help is five nights, not three", "Washing needs grew after a fall"]
    changes: list[dict[str, Any]] = [
        {"night_help": 5},
        {"washing": "all", "home_tasks": ["shopping", "cleaning", "laundry"]},
    ]

    versions = [v1]
    for reason, answers in zip(reasons, changes, strict=True):
        new = lifecycle.amend(store, case_uuid, f"  {reason} ", answers)
        assert bundle_bytes(store, v1) == v1_exported  # untouched while the amendment is a draft
        lifecycle.finalise(store, case_uuid)
        assert bundle_bytes(store, v1) == v1_exported
        versions.append(new)

    docs = [verify_independently(bundle_bytes(store, v)) for v in versions]
    assert [d["version_uuid"] for d in docs] == versions
    assert [d["supersedes"] for d in docs] == [None, versions[0], versions[1]]
    assert [d["amendment_reason"] for d in docs] == [None, *reasons]  # kept, trimmed
    assert [d["answers"]["night_help"] for d in docs] == [3, 5, 5]
    assert [d["answers"]["washing"] for d in docs] == ["lots", "lots", "all"]
    assert docs[2]["answers"]["home_tasks"] == ["shopping", "cleaning", "laundry"]
    assert all(d["notes"] == {"washing": "Uses a bath lift."} for d in docs)
    assert len({d["sha256"] for d in docs}) == 3
    assert [stored(store, v)["bundle_sha256"] for v in versions] == [d["sha256"] for d in docs]
    # Each amendment's own audit trail says why it was made.
    assert [(a["event"], a["reason"]) for a in docs[1]["audit"] if a["event"] == "amended"] == [
        ("amended", reasons[0])
    ]
    # The export is the latest; the earlier ones are kept, as they were.
    assert queries.export_bundle(store, case_uuid) == bundle_bytes(store, versions[2])
    assert open_bundle(v1_exported)["answers"]["night_help"] == 3
    shown = queries.show_case(store, case_uuid)["versions"]
    assert [(v["number"], v["state"], v["supersedes"]) for v in shown] == [
        (1, "finalised", None),
        (2, "finalised", versions[0]),
        (3, "finalised", versions[1]),
    ]


def test_a_bundle_with_any_one_byte_changed_is_rejected(
    store: CaseStore, finalised: tuple[str, str]
) -> None:
    _, vid = finalised
    data = bundle_bytes(store, vid)
    assert open_bundle(data)["version_uuid"] == vid
    text = data.decode("utf-8")
    targeted = [
        data.index(b"Ffion") + 1,  # the person's name
        data.index(b'"weekly":"') + len(b'"weekly":"'),  # the first digit of the budget
        data.index(b'"night_help":') + len(b'"night_help":'),  # a number answer
        data.index(b'"sha256":"', data.index(b'"result"')) + 12,  # the pinned ruleset's sha256
        len(data) - 3,  # the bundle's own sha256
        text.index('"format":"rasdesk-case/1"') + 10,
    ]
    positions = targeted + random.Random(7).sample(range(len(data)), 250)
    for position in positions:
        for new in {data[position] ^ 0x01, ord("0") if data[position] != ord("0") else ord("1")}:
            changed = bytearray(data)
            changed[position] = new
            with pytest.raises(InputError):
                open_bundle(bytes(changed))
    # The targeted changes are reported as changes, in plain words.
    changed = bytearray(data)
    changed[targeted[0]] = ord("X")
    with pytest.raises(InputError, match="has been changed: its sha256 does not match"):
        open_bundle(bytes(changed))
