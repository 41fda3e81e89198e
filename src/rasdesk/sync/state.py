"""Small pieces a run keeps between runs: the last run's time and outcome, the server's
"not before" (a long 429 Retry-After), the one-run-at-a-time lock, and backoff times.

``data/sync/state.json`` holds no personal data: times, an outcome, a sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from rasdesk.domain.errors import InputError, SyncError
from rasdesk.platform.files import MAX_SMALL_BYTES, read_json, write_atomic
from rasdesk.platform.locks import try_lock
from rasdesk.sync.device import sync_dir


@dataclass(frozen=True, slots=True)
class RunState:
    last_run_at: str | None = None
    last_outcome: str | None = None
    last_message: str | None = None
    not_before: str | None = None  # the server asked us to wait until then (429)
    #: when the first of the runs in a row that could not reach the server began (the
    #: app says "cannot reach the council since 14:05"); None once a run gets through
    offline_since: str | None = None


def state_file() -> Path:
    return sync_dir() / "state.json"


def load_state() -> RunState:
    try:
        data = read_json(state_file(), "sync state file", MAX_SMALL_BYTES)
        return RunState(**{k: v for k, v in data.items() if k in RunState.__slots__})
    except (InputError, TypeError, AttributeError):
        return RunState()  # missing or damaged: only informational, start afresh


def save_state(state: RunState) -> None:
    write_atomic(state_file(), (json.dumps(asdict(state), indent=2) + "\n").encode())


def iso(when: dt.datetime) -> str:
    """The store's timestamp form (UTC, milliseconds, Z), so times compare as text."""
    return when.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def after(seconds: float) -> str:
    return iso(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds))


def backoff_seconds(attempts: int, base: float, cap: float, rng: random.Random) -> float:
    """Wait after the ``attempts``-th failure: exponential, capped, with jitter (half to
    all of it), so many laptops coming back online do not all knock at once."""
    full = min(cap, base * 2 ** max(0, attempts - 1))
    return rng.uniform(full / 2, full)


@contextmanager
def run_lock() -> Iterator[None]:
    """One sync run at a time per profile (the app's background run and ``rasdesk sync``).
    The OS drops the lock if the process dies, so a crash leaves nothing stale."""
    path = sync_dir() / "run.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+b")  # noqa: SIM115  (held for the whole run)
    try:
        if not try_lock(fh):
            raise SyncError("a sync is already running on this laptop; wait for it to finish")
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the lock
