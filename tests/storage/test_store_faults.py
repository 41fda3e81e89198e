"""Issue 14 item 12: a full disk and a damaged page of the encrypted store, said in words —
what happened, what was kept, what to do — and nothing that was saved is lost.

The full disk is real: a 2 MiB tmpfs (as root, which CI is), filled by another file; where
mounting is not allowed, SQLite's own page limit gives the same SQLITE_FULL. The damage is
real too: bytes of the encrypted file overwritten, so SQLCipher's page check fails."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasdesk.storage import queries
from rasdesk.storage.connection import DatabaseError
from rasdesk.storage.faults import StoreDamaged, StoreFull, explain
from rasdesk.storage.salvage import salvage
from rasdesk.storage.store import CaseStore
from tests.storage.helpers import answered_case, new_store

KEY = bytes(range(32))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_full_disk_says_so_and_keeps_everything(small_disk: Path) -> None:
    store = new_store(small_disk)
    case = answered_case(store)
    before = store.answers(store.current_version(case)["version_uuid"])
    _fill(small_disk)
    with pytest.raises(StoreFull) as exc:
        for _ in range(50):
            store.set_note(case, "general", os.urandom(20_000).hex())
    words = str(exc.value)
    assert "is full, so this change was not saved" in words
    assert "Everything saved before it is kept" in words and "Free some space" in words
    store.close()
    # Still full: opening again must not call it "not a rasdesk case store".
    try:
        again = CaseStore.open(small_disk / "cases.db", KEY, "Sam")
    except StoreFull:
        pass
    else:
        again.close()
    (small_disk / "filler").unlink()
    again = CaseStore.open(small_disk / "cases.db", KEY, "Sam")
    assert again.answers(again.current_version(case)["version_uuid"]) == before
    again.close()


def test_page_limit_is_a_full_disk_too(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    case = answered_case(store)
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreFull, match="this change was not saved"):
        store.set_note(case, "general", "x" * 200_000)
    store.db.conn.execute("PRAGMA max_page_count = 1073741823")
    store.set_note(case, "general", "it fits now")
    store.close()


def _read_each(path: Path, cases: list[str]) -> tuple[int, list[str]]:
    """(cases read whole, the words for each that could not be) from the store at ``path``."""
    store = CaseStore.open(path, KEY, "Sam")
    readable, damaged = 0, []
    try:
        for case in cases:
            try:
                store.case_row(case)
                store.answers(store.current_version(case)["version_uuid"])
                readable += 1
            except DatabaseError as exc:
                found = explain(exc, path)
                assert isinstance(found, StoreDamaged), exc
                damaged.append(str(found))
    finally:
        store.close()
    return readable, damaged


def test_damaged_page_is_named_and_the_rest_stays_readable(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    cases = [answered_case(store, name=f"Person {i}") for i in range(30)]
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = tmp_path / "cases.db"
    original = path.read_bytes()
    pages = len(original) // 4096
    # Damage one page at a time, from the end, until one holds some cases' answers only.
    for page in range(pages - 1, pages // 2, -1):
        damaged_bytes = bytearray(original)
        damaged_bytes[page * 4096 + 200 : page * 4096 + 300] = b"\xff" * 100
        path.write_bytes(bytes(damaged_bytes))
        readable, damaged = _read_each(path, cases)
        if damaged and readable:
            break
    else:
        pytest.fail("no single damaged page left some cases readable")
    assert "is damaged: part of the file cannot be read" in damaged[0]
    assert "changed and deleted nothing" in damaged[0] and "rasdesk case salvage" in damaged[0]
    assert path.read_bytes() == bytes(damaged_bytes)  # rasdesk rewrote and deleted nothing

    # Salvage: every case that could be read is in a new store; the damaged file is kept.
    done = salvage(path, KEY)
    assert done.damaged_copy.read_bytes() == bytes(damaged_bytes)
    # (A damaged index page loses no rows at all: the index is made again from the table.)
    assert sum(done.copied.values()) > len(cases) and done.copied["cases"] <= len(cases)
    after, still_damaged = _read_each(path, cases)
    assert not still_damaged and after > readable
    store = CaseStore.open(path, KEY, "Sam")
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = queries.list_cases(store, search="Person")
        assert len(found) == done.copied["cases"]  # the search index was made again
        store.set_note(cases[0], "general", "written after the salvage")  # triggers work
    finally:
        store.close()
