"""Schema migrations, each tested from a real file of the version before it.

tests/storage/fixtures/schema-vN.db are real encrypted stores at schema version N, made by
fixtures/make_fixtures.py (see there: made once, when version N was current, and never
regenerated) with the published test key ``FIXTURE_KEY``. Each test works on a copy.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from rasdesk.domain.bundle import open_bundle
from rasdesk.domain.errors import StorageError
from rasdesk.storage import lifecycle, migrations, queries
from rasdesk.storage.connection import DatabaseError, connect
from rasdesk.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from rasdesk.storage.store import CaseStore, Person
from tests.storage.fixtures import make_fixtures as fx
from tests.storage.helpers import demo_answers, demo_ruleset

EARLIER = list(range(1, SCHEMA_VERSION))  # every version a store may be migrated from
BROKEN = """
    CREATE TABLE half_made (id INTEGER PRIMARY KEY, what TEXT);
    INSERT INTO half_made (what) VALUES ('should never be seen');
    CREATE INDEX half_made_by_what ON half_made(what);
    DROP TRIGGER answers_append_only;
    UPDATE cases SET person_name = 'overwritten';
    INSERT INTO no_such_table VALUES (1);
    CREATE TABLE after_the_error (id INTEGER);
"""


def copy_of(version: int, folder: Path) -> Path:
    path = folder / f"copy-of-schema-v{version}.db"
    shutil.copyfile(fx.fixture_path(version), path)
    return path


def schema(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    return db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()


def dump(db: sqlite_utils.Database, like: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every row of every ordinary table (FTS's own tables aside), as {table: (columns,
    rows)}. With ``like``, only those tables and columns: a migration may add a column
    (with a default) or a table, but must not change what was there."""
    if like is None:
        tables = {
            r[0]: None
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'cases_fts%' ORDER BY name"
            )
        }
    else:
        tables = {t: cols for t, (cols, _) in like.items()}
    out: dict[str, Any] = {}
    for table, cols in tables.items():
        names = cols or tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})"))
        select = ", ".join(f'"{c}"' for c in names)
        out[table] = (names, db.execute(f"SELECT {select} FROM {table} ORDER BY rowid").fetchall())
    return out


def fresh_schema(folder: Path, version: int) -> list[tuple[Any, ...]]:
    db = connect(folder / f"fresh-v{version}.db", fx.FIXTURE_KEY)
    try:
        migrate(db, target=version)
        return schema(db)
    finally:
        db.conn.close()


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def case_named(store: CaseStore, name: str) -> str:
    [case_uuid] = [
        r[0] for r in store.db.execute("SELECT case_uuid FROM cases WHERE person_name = ?", (name,))
    ]
    return str(case_uuid)


def plain(answers: dict[str, Any]) -> dict[str, Any]:
    return {q: list(v) if isinstance(v, tuple) else v for q, v in answers.items()}


def versions_of(store: CaseStore, case_uuid: str) -> list[dict[str, Any]]:
    cur = store.db.execute(
        "SELECT * FROM versions WHERE case_uuid = ? ORDER BY number", (case_uuid,)
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def check_fixture_content(store: CaseStore) -> None:
    """What make_fixtures.py put in every fixture is all there, and still makes sense."""
    olwen = case_named(store, fx.PERSON.name)
    sian = case_named(store, fx.CARER.name)
    iolo = case_named(store, fx.SENT.name)
    assert store.db.execute("SELECT count(*) FROM cases").fetchone() == (3,)

    row = store.case_row(olwen)
    assert (row["council_ref"], row["date_of_birth"], row["language"], row["helper"]) == (
        fx.PERSON.council_ref,
        fx.PERSON.date_of_birth,
        "cy",
        fx.PERSON.helper,
    )
    v1, v2 = versions_of(store, olwen)
    assert (v1["state"], v2["state"]) == ("finalised", "draft")
    assert v2["supersedes"] == v1["version_uuid"] and v2["amendment_reason"] == fx.AMENDMENT[0]
    bundle = open_bundle(v1["bundle"])  # its sha256 still verifies
    assert bundle["sha256"] == v1["bundle_sha256"] and bundle["version_uuid"] == v1["version_uuid"]
    assert bundle["answers"] == fx.person_answers() and bundle["notes"] == fx.NOTES
    assert bundle["person"]["format_needs"] == list(fx.PERSON.format_needs)
    assert plain(store.answers(v1["version_uuid"])) == fx.person_answers()
    assert plain(store.answers(v2["version_uuid"])) == {**fx.person_answers(), **fx.AMENDMENT[1]}
    assert store.notes(v2["version_uuid"]) == fx.NOTES
    events = [r[0] for r in store.db.execute("SELECT event FROM audit WHERE case_uuid = ? ORDER BY id", (olwen,))]  # fmt: skip
    assert [e for e in events if e not in ("answer", "note")] == ["case started", "finalised", "amended"]  # fmt: skip
    assert events.count("answer") == len(fx.person_answers()) + 1 and events.count("note") == 2
    outbox = store.db.execute("SELECT version_uuid FROM outbox").fetchall()
    assert outbox == [(v1["version_uuid"],)]

    carer = store.case_row(sian)
    assert carer["kind"] == "carer" and carer["linked_case_uuid"] == olwen
    [sv] = versions_of(store, sian)
    assert plain(store.answers(sv["version_uuid"])) == fx.CARER_ANSWERS
    assert store.notes(sv["version_uuid"]) == {"general": fx.CARER_NOTE}

    [iv] = versions_of(store, iolo)
    assert iv["state"] == "sent" and store.case_row(iolo)["state"] == "sent"
    receipt = store.db.execute(
        "SELECT receipt, received_at, bundle_sha256 FROM receipts WHERE version_uuid = ?",
        (iv["version_uuid"],),
    ).fetchone()
    assert receipt == (*fx.RECEIPT, iv["bundle_sha256"])

    [(sha256,)] = store.db.execute("SELECT sha256 FROM rulesets").fetchall()
    assert v1["ruleset_sha256"] == sha256 and store.ruleset(sha256).sha256 == sha256


def test_every_earlier_schema_version_has_a_fixture() -> None:
    """Adding schema version N + 1 needs schema-vN.db (make_fixtures.py, before the migration)."""
    missing = [v for v in EARLIER if not fx.fixture_path(v).exists()]
    assert missing == [], f"no fixture for schema version(s) {missing}: see make_fixtures.py"


@pytest.mark.parametrize("version", EARLIER)
def test_the_fixture_is_a_real_encrypted_store_at_its_version(version: int, tmp_path: Path) -> None:
    path = copy_of(version, tmp_path)
    assert not path.read_bytes().startswith(b"SQLite format 3")
    db = connect(path, fx.FIXTURE_KEY)
    try:
        assert schema_version(db) == version
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        check_fixture_content(CaseStore(db, "test"))
    finally:
        db.conn.close()


@pytest.mark.parametrize("version", EARLIER)
def test_released_migrations_still_build_the_released_schema(version: int, tmp_path: Path) -> None:
    """A released migration is never edited: running them today on an empty store gives
    exactly the schema of the fixture written when that version was current."""
    db = connect(copy_of(version, tmp_path), fx.FIXTURE_KEY)
    try:
        assert fresh_schema(tmp_path, version) == schema(db)
    finally:
        db.conn.close()


@pytest.mark.parametrize("version", EARLIER)
def test_each_migration_from_the_previous_versions_file(version: int, tmp_path: Path) -> None:
    """One step, version → version + 1: the data is untouched, and the schema is what a new
    store at version + 1 has."""
    db = connect(copy_of(version, tmp_path), fx.FIXTURE_KEY)
    try:
        before = dump(db)
        assert migrate(db, target=version + 1) == version + 1
        assert schema_version(db) == version + 1
        assert dump(db, before) == before
        assert schema(db) == fresh_schema(tmp_path, version + 1)
        check_fixture_content(CaseStore(db, "test"))
    finally:
        db.conn.close()


@pytest.mark.parametrize("version", EARLIER)
def test_an_old_store_opens_migrated_with_everything_searchable_and_usable(
    version: int, tmp_path: Path
) -> None:
    path = copy_of(version, tmp_path)
    db = connect(path, fx.FIXTURE_KEY)
    before = dump(db)
    db.conn.close()

    store = CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel")  # the real way in: migrates
    try:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert dump(store.db, before) == before
        check_fixture_content(store)
        # Search finds the cases that were there before full-text search existed (v2).
        olwen = case_named(store, fx.PERSON.name)
        sian = case_named(store, fx.CARER.name)
        iolo = case_named(store, fx.SENT.name)
        for words, found in [
            ("olwen", [olwen]),
            ("prydderch olw", [olwen]),
            ("FX-100002", [sian]),
            ("sian", [sian]),  # diacritics folded: Siân
            ("fixture", [olwen, sian, iolo]),
            ("FX-1000", [olwen, sian, iolo]),
        ]:
            got = {c.case_uuid for c in queries.list_cases(store, search=words)}
            assert got == set(found), words

        # And the store carries on: the amendment is finalised, a new case is findable.
        v1_bundle = versions_of(store, olwen)[0]["bundle"]
        lifecycle.finalise(store, olwen)
        new = open_bundle(queries.export_bundle(store, olwen))
        assert new["supersedes"] == versions_of(store, olwen)[0]["version_uuid"]
        assert new["answers"]["night_help"] == 4
        assert versions_of(store, olwen)[0]["bundle"] == v1_bundle
        verified = demo_ruleset()
        case_uuid, _ = store.new_case(
            Person("Tomos Newcase"), "person", verified.ruleset, verified.signed_bytes
        )
        for question, value in demo_answers().items():
            store.set_answer(case_uuid, question, value)
        assert [c.case_uuid for c in queries.list_cases(store, search="tomos")] == [case_uuid]
        store.db.execute(
            "UPDATE cases SET person_name = 'Olwen Renamed' WHERE case_uuid = ?", (olwen,)
        )
        assert [c.case_uuid for c in queries.list_cases(store, search="renamed")] == [olwen]
        assert queries.list_cases(store, search="prydderch") == []
    finally:
        store.close()


def test_v2_indexes_the_cases_already_there(tmp_path: Path) -> None:
    db = connect(copy_of(1, tmp_path), fx.FIXTURE_KEY)
    try:
        assert "cases_fts" not in {r[1] for r in schema(db)}
        migrate(db, target=2)
        indexed = db.execute("SELECT rowid, person_name, council_ref FROM cases_fts ORDER BY rowid")
        cases = db.execute("SELECT rowid, person_name, council_ref FROM cases ORDER BY rowid")
        assert indexed.fetchall() == cases.fetchall()
        db.execute("INSERT INTO cases_fts(cases_fts) VALUES ('integrity-check')")  # raises if not
    finally:
        db.conn.close()


def test_v3_guards_the_rows_already_there(tmp_path: Path) -> None:
    """v3 refuses sending a finalised version back to draft, and rewriting a note."""
    db = connect(copy_of(2, tmp_path), fx.FIXTURE_KEY)
    try:
        store = CaseStore(db, "test")
        olwen = case_named(store, fx.PERSON.name)
        v1 = versions_of(store, olwen)[0]["version_uuid"]
        # Version 2 lacked both guards (this is the gap v3 closes).
        db.execute("SAVEPOINT v2")
        db.execute("UPDATE notes SET text = 'changed' WHERE version_uuid = ?", (v1,))
        db.execute("UPDATE versions SET state = 'draft' WHERE version_uuid = ?", (v1,))
        db.execute("ROLLBACK TO v2")
        db.execute("RELEASE v2")

        migrate(db, target=3)
        with pytest.raises(DatabaseError, match="notes are never rewritten"):
            db.execute("UPDATE notes SET text = 'changed' WHERE version_uuid = ?", (v1,))
        with pytest.raises(DatabaseError, match="cannot go back to draft"):
            db.execute("UPDATE versions SET state = 'draft' WHERE version_uuid = ?", (v1,))
        assert store.notes(v1) == fx.NOTES and versions_of(store, olwen)[0]["state"] == "finalised"
    finally:
        db.conn.close()


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    path = copy_of(1, tmp_path)
    CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel").close()
    before = fingerprint(tmp_path)
    db = connect(path, fx.FIXTURE_KEY)
    try:
        shape, rows = schema(db), dump(db)
        assert migrate(db) == SCHEMA_VERSION and migrate(db) == SCHEMA_VERSION
        assert schema(db) == shape and dump(db) == rows and schema_version(db) == SCHEMA_VERSION
    finally:
        db.conn.close()
    CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel").close()
    assert fingerprint(tmp_path) == before  # not a byte written


def test_a_store_from_a_newer_rasdesk_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    store = CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel")
    verified = demo_ruleset()
    store.new_case(Person("Future Person"), "person", verified.ruleset, verified.signed_bytes)
    store.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    store.close()
    before = fingerprint(tmp_path)
    assert list(before) == ["cases.db"]

    with pytest.raises(StorageError) as caught:
        CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel")
    message = str(caught.value)
    assert f"schema {SCHEMA_VERSION + 1}" in message and "newer rasdesk" in message
    assert "Update rasdesk" in message and "nothing was changed" in message
    # Not a byte changed, and not held open either (no -wal or -shm left behind).
    assert fingerprint(tmp_path) == before

    db = connect(path, fx.FIXTURE_KEY)
    try:
        shape = schema(db)
        with pytest.raises(StorageError, match="newer rasdesk"):
            migrate(db)
        assert schema_version(db) == SCHEMA_VERSION + 1 and schema(db) == shape
    finally:
        db.conn.close()
    assert fingerprint(tmp_path) == before


def test_a_migration_that_fails_midway_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last migration breaks after creating a table, dropping a trigger and changing
    rows: the store is left exactly at the version before, with nothing half made."""
    last = SCHEMA_VERSION - 1
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS[:-1], BROKEN))
    db = connect(copy_of(last, tmp_path), fx.FIXTURE_KEY)
    try:
        shape, rows = schema(db), dump(db)
        with pytest.raises(StorageError, match=r"no_such_table.*nothing was changed"):
            migrate(db)
        assert not db.conn.in_transaction
        assert schema_version(db) == last
        assert schema(db) == shape and dump(db) == rows  # no half_made, trigger still there
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

        monkeypatch.undo()  # the real migration then runs on the same store
        assert migrate(db) == SCHEMA_VERSION
        check_fixture_content(CaseStore(db, "test"))
    finally:
        db.conn.close()


def test_a_failure_after_earlier_steps_keeps_those_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each migration is its own transaction: from v1, every step before the broken last
    one is kept, with its version number; the broken one leaves no trace."""
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS[:-1], BROKEN))
    path = copy_of(1, tmp_path)
    with pytest.raises(StorageError, match="could not be updated to schema"):
        CaseStore.open(path, fx.FIXTURE_KEY, "Sam Patel")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # closed, not held open
    db = connect(path, fx.FIXTURE_KEY)
    try:
        assert schema_version(db) == SCHEMA_VERSION - 1
        assert schema(db) == fresh_schema(tmp_path, SCHEMA_VERSION - 1)
        check_fixture_content(CaseStore(db, "test"))
    finally:
        db.conn.close()
