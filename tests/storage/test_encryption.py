"""Case data is encrypted at rest (DESIGN.md, Security model): nothing a person said can be
read from the store's files, the store opens only with its key, a wrong key changes
nothing, and without a usable password store rasdesk refuses rather than falls back.

The "must show" of the store issue: a case for a person with a distinctive name, reference,
text answers and a note, finalised, then the raw bytes of the database file and its WAL
(read while the store is open and again after it is closed) hold none of them, in UTF-8
or UTF-16.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from rasdesk.domain.bundle import canonical, open_bundle
from rasdesk.domain.errors import SecretStoreUnavailable, StorageError
from rasdesk.domain.signing import load_private_key, sign_envelope
from rasdesk.platform.rulesets import Verified, verify_signed_bytes
from rasdesk.storage import lifecycle, queries
from rasdesk.storage.connection import connect
from rasdesk.storage.profile import open_user_store, store_path
from rasdesk.storage.store import CaseStore, Person
from tests.memory_keyring import MemoryKeyring
from tests.storage.helpers import DEMO, demo_answers

KEY = bytes(range(32))
NAME = "Bethan Zephaniah-Quill"
REF = "ZQ-998877"
DATE_OF_BIRTH = "1941-07-29"
#: Answers to the two text questions added to the demo ruleset below (the demo has none).
TEXT_ANSWERS = {
    "living_situation": "Lives with her sister Gwenllïan above the Xylophone Repair Shop",
    "what_matters": "Feeding the peacocks at Quixwold Farm every Thursday",
}
NOTE = "Prefers Beth; her Vortexmaster walking frame squeaks on the landing"
SECRETS = [NAME, REF, DATE_OF_BIRTH, *TEXT_ANSWERS.values(), NOTE]


def needles(texts: list[str]) -> list[bytes]:
    """Each text, and each of its longer words, as the bytes a leak would show: UTF-8,
    UTF-16 (both byte orders: SQLite may store text as either) and JSON-escaped ASCII."""
    found: set[bytes] = set()
    for text in texts:
        pieces = [text, *(w for w in text.replace("-", " ").split() if len(w) >= 6)]
        for piece in pieces:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.add(piece.encode(encoding))
            found.add(json.dumps(piece).strip('"').encode("ascii"))
    return sorted(found)


def leaks(paths: list[Path], texts: list[str]) -> list[str]:
    """Which of ``texts`` (in any encoding above) appear in the bytes of ``paths``."""
    found = []
    for path in paths:
        data = path.read_bytes()
        found += [f"{path.name}: {n!r}" for n in needles(texts) if n in data]
    return found


def files_of(path: Path) -> list[Path]:
    """The database and whichever of its -wal and -shm files exist now."""
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def ruleset_with_text_questions() -> Verified:
    """The demo ruleset with two free-text questions, signed with the demo key (test only)."""
    doc = json.loads((DEMO / "demo.ruleset.json").read_text("utf-8"), parse_float=Decimal)
    person = next(q for q in doc["questionnaires"] if q["id"] == "person")
    person["sections"][0]["questions"] += [
        {"id": "living_situation", "type": "text", "text": {"en": "Who do you live with?", "cy": "Gyda phwy ydych chi'n byw?"}},
        {"id": "what_matters", "type": "text", "text": {"en": "What matters most to you?", "cy": "Beth sy'n bwysig i chi?"}},
    ]  # fmt: skip
    key = load_private_key((DEMO / "DEMO-ONLY-signing-key.pem").read_bytes())
    signed = sign_envelope(canonical(doc), key)
    return verify_signed_bytes(signed, "test ruleset", [DEMO / "DEMO-public-key.pem"])


def finalised_secret_case(store: CaseStore) -> str:
    verified = ruleset_with_text_questions()
    case_uuid, _ = store.new_case(
        Person(NAME, date_of_birth=DATE_OF_BIRTH, council_ref=REF, format_needs=("large_print",)),
        "person",
        verified.ruleset,
        verified.signed_bytes,
    )
    for question, value in {**demo_answers(), **TEXT_ANSWERS}.items():
        store.set_answer(case_uuid, question, value)
    store.set_note(case_uuid, "general", NOTE)
    lifecycle.finalise(store, case_uuid)
    return case_uuid


def test_the_scan_sees_plaintext_in_an_unencrypted_database(tmp_path: Path) -> None:
    """The check below can fail: the same words in a plain SQLite file, stored as UTF-8 or
    as UTF-16, are found by ``leaks``."""
    for encoding in ("UTF-8", "UTF-16le", "UTF-16be"):
        path = tmp_path / f"plain-{encoding}.db"
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA encoding = '{encoding}'")
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(s,) for s in SECRETS])
        conn.commit()
        conn.close()
        assert path.read_bytes().startswith(b"SQLite format 3\x00")
        for secret in SECRETS:
            assert leaks([path], [secret]), (encoding, secret)


def test_nothing_said_can_be_read_from_the_files_while_open_or_after_close(
    rasdesk_home: Path, memory_keyring: MemoryKeyring
) -> None:
    store = open_user_store()
    case_uuid = finalised_secret_case(store)
    path = store_path()
    bundle = open_bundle(queries.export_bundle(store, case_uuid))
    # The words really are in the case (so their absence from the files means something).
    assert bundle["person"]["name"] == NAME and bundle["person"]["council_ref"] == REF
    assert bundle["answers"]["what_matters"] == TEXT_ANSWERS["what_matters"]
    assert bundle["notes"] == {"general": NOTE}

    # While open, the recent writes sit in the WAL: check it holds them, encrypted.
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert leaks(files_of(path), SECRETS) == []
    assert not path.read_bytes().startswith(b"SQLite format 3")

    store.close()
    assert leaks(files_of(path), SECRETS) == []
    assert not path.read_bytes().startswith(b"SQLite format 3")
    # Nor anywhere else in the profile (settings, logs, rulesets...).
    everything = [p for p in rasdesk_home.rglob("*") if p.is_file()]
    assert path in everything and leaks(everything, SECRETS) == []

    # The key in the password store opens it, and everything is there.
    [hex_key] = memory_keyring.entries.values()
    db = connect(path, bytes.fromhex(hex_key))
    try:
        row = db.execute(
            "SELECT person_name, council_ref FROM cases WHERE case_uuid = ?", (case_uuid,)
        ).fetchone()
        assert row == (NAME, REF)
    finally:
        db.conn.close()


def test_a_wrong_key_is_refused_plainly_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    store = CaseStore.open(path, KEY, "Sam Patel")
    case_uuid = finalised_secret_case(store)
    store.close()
    before = fingerprint(tmp_path)
    assert list(before) == ["cases.db"]

    wrong = bytes(reversed(KEY))
    with pytest.raises(StorageError) as caught:
        connect(path, wrong)
    message = str(caught.value)
    assert str(path) in message and "Nothing was changed" in message
    # Plain words, not the library's ("file is not a database", "hmac check failed").
    for jargon in ("file is not a database", "hmac", "sqlcipher", "Error", "Traceback"):
        assert jargon not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    with pytest.raises(StorageError):
        CaseStore.open(path, wrong, "Sam Patel")
    assert fingerprint(tmp_path) == before  # not a byte, and no -wal or -shm left behind

    store = CaseStore.open(path, KEY, "Sam Patel")
    try:
        assert [c.case_uuid for c in queries.list_cases(store, search="zephaniah")] == [case_uuid]
    finally:
        store.close()


def test_a_key_of_the_wrong_length_and_a_file_that_is_not_a_store_are_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cases.db"
    with pytest.raises(StorageError, match="32 bytes"):
        connect(path, KEY[:31])
    assert not path.exists()
    path.write_bytes(b"Not a case store, just a letter to the council.\n" * 100)
    before = fingerprint(tmp_path)
    with pytest.raises(StorageError, match="not a rasdesk case store"):
        connect(path, KEY)
    assert fingerprint(tmp_path) == before


def test_the_user_store_opens_with_the_key_kept_in_the_password_store(
    memory_keyring: MemoryKeyring,
) -> None:
    assert memory_keyring.entries == {}
    store = open_user_store()
    case_uuid = finalised_secret_case(store)
    store.close()
    # One key, 32 random bytes, made on first use and kept only in the password store.
    [(service, _user)] = memory_keyring.entries
    assert service == "rasdesk" and len(bytes.fromhex(memory_keyring.entries[service, _user])) == 32
    key_before = dict(memory_keyring.entries)

    store = open_user_store()
    try:
        assert store.case_row(case_uuid)["person_name"] == NAME
    finally:
        store.close()
    assert memory_keyring.entries == key_before  # the same key, not a new one


@pytest.mark.usefixtures("no_keyring")
def test_without_a_password_store_no_case_store_is_made() -> None:
    with pytest.raises(SecretStoreUnavailable) as caught:
        open_user_store()
    assert caught.value.exit_code == 1
    assert "password store" in str(caught.value)
    # Never a plaintext fallback: no store file at all.
    assert not store_path().exists() and not store_path().parent.joinpath("cases.db-wal").exists()


def test_an_existing_store_is_refused_when_the_password_store_goes(
    memory_keyring: MemoryKeyring,
) -> None:
    open_user_store().close()
    before = fingerprint(store_path().parent)
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(SecretStoreUnavailable) as caught:
        open_user_store()
    assert caught.value.exit_code == 1 and "password store" in str(caught.value)
    assert fingerprint(store_path().parent) == before


def test_a_store_whose_key_entry_is_gone_is_refused_and_no_new_key_is_made(
    memory_keyring: MemoryKeyring,
) -> None:
    store = open_user_store()
    case_uuid = finalised_secret_case(store)
    store.close()
    key = dict(memory_keyring.entries)
    before = fingerprint(store_path().parent)

    memory_keyring.entries.clear()  # e.g. a new user account, or the entry was deleted
    with pytest.raises(StorageError) as caught:
        open_user_store()
    assert "not in this computer's password store" in str(caught.value)
    assert memory_keyring.entries == {}  # a new key would lock the cases away for good
    assert fingerprint(store_path().parent) == before

    memory_keyring.entries.update(key)  # the entry comes back: the cases are all there
    store = open_user_store()
    try:
        assert store.case_row(case_uuid)["council_ref"] == REF
    finally:
        store.close()


def test_no_sqlite_utils_plugin_hooks_the_encrypted_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package installed beside rasdesk that registers a sqlite-utils plugin never gets
    the store's connection (and opening scans no entry points for plugins)."""
    import sqlite_utils.plugins

    def plugin_scan(*_: object) -> None:
        raise AssertionError("sqlite-utils's plugins were loaded")

    monkeypatch.setattr(sqlite_utils.plugins, "ensure_plugins_loaded", plugin_scan)
    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded", plugin_scan)
    hooked: list[object] = []

    class Plugin:
        @sqlite_utils.hookimpl
        def prepare_connection(self, conn: object) -> None:
            hooked.append(conn)

    plugin = Plugin()
    sqlite_utils.plugins.pm.register(plugin)
    try:
        db = connect(tmp_path / "cases.db", KEY)
        db.conn.close()
    finally:
        sqlite_utils.plugins.pm.unregister(plugin)
    assert hooked == []
