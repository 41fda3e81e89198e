"""Nothing lost, nothing duplicated, nothing damaged when the writer dies mid-write.

A child process (tests/storage/crash_writer.py) saves answers and notes as fast as it can,
printing ``ok <seq> ...`` after each save has returned. The parent reads those
acknowledgements and, after a random number of them (or at a random moment during
start-up, which may fall in the store's creation or migration), kills the child with
SIGKILL, then opens the store and checks:

- ``PRAGMA integrity_check`` is ok, and the schema is wholly at one version;
- there is exactly one case (a restart never starts a second);
- the history of the version is exactly every acknowledged write, in order, each followed
  at most by the one write that was in flight at the kill (a write may land without its
  acknowledgement; it lands whole, answer row and audit event together, or not at all);
- the answers and notes tables, and the audit trail, agree with that history, and the
  current answers are the last ones written.

Then it starts the writer again, with new values, and repeats. SIGKILL leaves the
operating system's file cache intact, so this tests atomicity and ordering, not a power
cut; ``synchronous=FULL`` is what covers that.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from rasdesk.domain.bundle import canonical
from rasdesk.storage.connection import connect
from rasdesk.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from rasdesk.storage.store import CaseStore
from tests.storage.crash_writer import CASE_NAME, planned

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

WRITER = Path(__file__).with_name("crash_writer.py")
KEY = bytes.fromhex("c0ffee00" * 8)  # a test key, not a secret
KILLS = 40
SEED = int(os.environ.get("RASDESK_CRASH_SEED", "20261123"))
LINE_TIMEOUT = 30.0  # seconds; only reached if the writer hangs


@dataclass
class Run:
    first: int  # the seq of its first write
    acked: list[int] = field(default_factory=list)
    case_uuid: str | None = None  # set once it printed "case <uuid>" (it then began writing)
    killed: bool = True

    @property
    def in_flight(self) -> int | None:
        """The seq of the write that may have landed without its acknowledgement."""
        return self.first + len(self.acked) if self.killed and self.case_uuid else None


def start_writer(path: Path, first: int, count: int, log: Path) -> subprocess.Popen[str]:
    with log.open("a") as err:
        return subprocess.Popen(
            [sys.executable, str(WRITER), str(path), KEY.hex(), str(first), str(count)],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            cwd=path.parent,
        )


def lines_of(proc: subprocess.Popen[str]) -> queue.Queue[str | None]:
    """The child's lines as they come (``None`` at end), read on a thread so that a hung
    child is a timeout, not a hung test."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def take(run: Run, line: str) -> None:
    """Record one line of the writer's output, checking it says what was planned."""
    if line.startswith("case "):
        assert run.case_uuid is None and not run.acked, line
        run.case_uuid = line.split()[1]
        return
    seq = run.first + len(run.acked)
    _kind, question, value = planned(seq)
    assert line == f"ok {seq} {question} {value}", f"unexpected line {line!r}"
    run.acked.append(seq)


def drive(path: Path, run: Run, log: Path, *, acks: int | None, delay: float, count: int) -> None:
    """Run the writer; SIGKILL it after ``acks`` acknowledgements (then ``delay`` s), or,
    with ``acks=None``, ``delay`` s after it started. ``killed=False`` runs to the end."""
    proc = start_writer(path, run.first, count, log)
    lines = lines_of(proc)
    try:
        if not run.killed:
            assert proc.wait(timeout=LINE_TIMEOUT) == 0, log.read_text()
        elif acks is None:
            time.sleep(delay)
        else:
            while len(run.acked) < acks:
                line = lines.get(timeout=LINE_TIMEOUT)
                assert line is not None, f"the writer stopped by itself:\n{log.read_text()}"
                take(run, line)
            if delay:
                time.sleep(delay)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=LINE_TIMEOUT)
    if run.killed:
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, log.read_text())
    # Lines the child printed before it died are acknowledgements too.
    while (line := lines.get(timeout=LINE_TIMEOUT)) is not None:
        take(run, line)


def schema_of(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def schemas_by_version(folder: Path) -> list[list[tuple[Any, ...]]]:
    """What a store at each schema version 0..SCHEMA_VERSION holds, built afresh."""
    found = []
    for version in range(SCHEMA_VERSION + 1):
        db = connect(folder / f"schema-{version}.db", KEY)
        try:
            migrate(db, target=version)
            found.append(schema_of(db))
        finally:
            db.conn.close()
    return found


def check_store(path: Path, runs: list[Run], schemas: list[list[tuple[Any, ...]]]) -> int:
    """Check the store against every run so far. Returns how many writes landed without
    their acknowledgement."""
    db = connect(path, KEY)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # Each migration lands whole, with its version number, or not at all: the schema
        # is exactly that of a new store at the version found.
        version = schema_version(db)
        assert 0 <= version <= SCHEMA_VERSION
        assert schema_of(db) == schemas[version], f"a half-made schema at version {version}"
        uuids: list[str] = []
        if version > 0:
            rows = db.execute("SELECT case_uuid FROM cases WHERE person_name = ?", (CASE_NAME,))
            uuids = [r[0] for r in rows]
        started = {r.case_uuid for r in runs if r.case_uuid}
        assert len(started) <= 1, f"a restart started another case: {started}"
        # A case a writer saw is there. Making the case, like a write, may land without its
        # acknowledgement: a writer killed between committing it and printing "case <uuid>"
        # leaves one case nobody has seen yet (the next run finds it, never a second).
        assert set(uuids) == started or (not started and len(uuids) == 1), (uuids, started)
        if not uuids:
            return 0
        [case_uuid] = uuids
        store = CaseStore(db, "crash test")
        version_uuid = store.current_version(case_uuid)["version_uuid"]
        events = db.execute(
            "SELECT event, question, old, new FROM audit WHERE version_uuid = ?"
            " AND event IN ('answer', 'note') ORDER BY id",
            (version_uuid,),
        ).fetchall()

        # The history must be: for each run, its acknowledged writes in order, then
        # perhaps the one that was in flight when it was killed.
        history: list[tuple[str, str, str]] = []
        unacknowledged = 0
        for run in runs:
            for seq in run.acked:
                want = planned(seq)
                got = events[len(history)] if len(history) < len(events) else None
                assert got is not None and (got[0], got[1], got[3]) == want, (
                    f"acknowledged write {seq} {want} is missing: found {got} at "
                    f"position {len(history)}"
                )
                history.append(want)
            if run.in_flight is not None and len(history) < len(events):
                got = events[len(history)]
                if (got[0], got[1], got[3]) == planned(run.in_flight):
                    history.append(planned(run.in_flight))
                    unacknowledged += 1
        assert len(events) == len(history), f"writes nobody made: {events[len(history) :]}"

        answers = db.execute(
            "SELECT question, value FROM answers WHERE version_uuid = ? ORDER BY id",
            (version_uuid,),
        ).fetchall()
        assert answers == [(q, v) for kind, q, v in history if kind == "answer"]
        notes = db.execute(
            "SELECT question, text FROM notes WHERE version_uuid = ? ORDER BY id", (version_uuid,)
        ).fetchall()
        assert notes == [(q, v) for kind, q, v in history if kind == "note"]

        # Each answer's audit event names the value it replaced; the latest value stands.
        latest: dict[str, str] = {}
        for event, question, old, new in events:
            if event == "answer":
                assert old == latest.get(question), (question, old, latest.get(question))
                latest[question] = new
        current = store.answers(version_uuid)
        assert {q: canonical(v).decode() for q, v in current.items()} == latest
        assert store.notes(version_uuid) == ({"general": notes[-1][1]} if notes else {})
        return unacknowledged
    finally:
        db.conn.close()


def test_every_acknowledged_write_survives_sigkill(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    path = tmp_path / "cases.db"
    log = tmp_path / "writer-stderr.txt"
    schemas = schemas_by_version(tmp_path / "schemas")
    runs: list[Run] = []
    next_seq = 0
    unacknowledged = startup_kills = 0
    started = time.monotonic()
    for kill in range(KILLS):
        run = Run(next_seq)
        runs.append(run)
        if kill == 0 or rng.random() < 0.2:
            # Somewhere in start-up: imports, opening, creating or migrating, the case.
            drive(path, run, log, acks=None, delay=rng.uniform(0.05, 0.6), count=100_000)
            startup_kills += 1
        else:
            pause = rng.choice([0.0, 0.0, rng.uniform(0, 0.004)])
            drive(path, run, log, acks=rng.randint(1, 40), delay=pause, count=100_000)
        context = f"seed {SEED}, kill {kill + 1}"
        try:
            unacknowledged = check_store(path, runs, schemas)
        except AssertionError as exc:
            raise AssertionError(f"{context}: {exc}") from exc
        # Never reuse a seq: the in-flight one may have landed.
        next_seq = run.in_flight + 1 if run.in_flight is not None else run.first

    # Finally a writer that is left alone finishes, and its writes are all there.
    last = Run(next_seq, killed=False)
    runs.append(last)
    drive(path, last, log, acks=None, delay=0, count=6)
    assert len(last.acked) == 6
    check_store(path, runs, schemas)

    acked = sum(len(r.acked) for r in runs)
    assert acked > KILLS * 5, "the writer was killed before it wrote much: the test proved little"
    print(
        f"\ncrash safety: {KILLS} kills ({startup_kills} in start-up), {acked} acknowledged "
        f"writes, {unacknowledged} landed without their acknowledgement, "
        f"{time.monotonic() - started:.1f} s (seed {SEED})"
    )


def test_a_store_killed_while_being_created_opens_and_carries_on(tmp_path: Path) -> None:
    """Kills aimed at the end of a first start-up, when the store file is being created,
    keyed and migrated and the case started: whatever is left is a whole schema version,
    and the next writer finishes the job."""
    rng = random.Random(SEED + 1)
    log = tmp_path / "writer-stderr.txt"
    schemas = schemas_by_version(tmp_path / "schemas")
    probe = Run(0, killed=False)
    began = time.monotonic()
    drive(tmp_path / "probe.db", probe, log, acks=None, delay=0, count=0)
    ready = time.monotonic() - began  # how long start-up takes on this machine, now
    for attempt in range(5):
        path = tmp_path / f"new-{attempt}.db"
        killed = Run(0)
        drive(path, killed, log, acks=None, delay=rng.uniform(0.6, 1.0) * ready, count=100_000)
        check_store(path, [killed], schemas)
        after = Run(killed.in_flight + 1 if killed.in_flight is not None else 0, killed=False)
        drive(path, after, log, acks=None, delay=0, count=3)
        assert len(after.acked) == 3
        check_store(path, [killed, after], schemas)
        db = connect(path, KEY)
        try:
            assert schema_version(db) == SCHEMA_VERSION
        finally:
            db.conn.close()
