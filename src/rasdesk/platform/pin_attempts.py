"""Wrong PINs in a row, and the lockout they earn (issue: security at the table).

The first ``FREE_TRIES`` wrong PINs cost nothing. After that each further try must wait:
the administrator's ``pin_lockout_seconds`` after the 5th wrong PIN, doubling with each one
more. After ``CLOSE_AFTER`` wrong PINs in a row the app closes the case store and must be
started again. The count survives a restart (``pin-attempts.json`` in the data folder
holds only the number), so starting again does not give ten more free tries. A right PIN
resets it. Each lockout is logged with the count and the wait only: no names, no PINs.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from rasdesk.platform import paths, pin
from rasdesk.platform.files import write_atomic

FREE_TRIES = 5
CLOSE_AFTER = 10
_LOG = logging.getLogger("rasdesk.pin")


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool
    wrong_in_a_row: int = 0
    wait_seconds: int = 0  # before the next try is taken
    closed: bool = False  # the case store must be closed; start the app again


def _read_count() -> int:
    try:
        data = json.loads(paths.data_dir().joinpath("pin-attempts.json").read_text("utf-8"))
        count = data.get("wrong_in_a_row", 0) if isinstance(data, dict) else 0
    except (OSError, ValueError):
        return 0
    return count if isinstance(count, int) and count >= 0 else 0


def _write_count(count: int) -> None:
    path = paths.data_dir() / "pin-attempts.json"
    write_atomic(path, (json.dumps({"wrong_in_a_row": count}) + "\n").encode())


class PinAttempts:
    """One per running app: every PIN the assessor types goes through ``check``."""

    def __init__(
        self,
        base_wait: int,
        clock: Callable[[], float] = time.monotonic,
        before_check: Callable[[], None] | None = None,
        while_hashing: Callable[[], None] | None = None,
    ) -> None:
        """``before_check`` runs before each PIN is tested (the app opens its store there if
        the PIN came before the store was open); then the PIN's hash is made on a worker
        thread (begun before ``before_check`` when the stored hash is expected) while
        ``while_hashing`` runs (the app builds the page the PIN opens, hidden); then the
        hashes are compared."""
        self.base_wait, self.clock, self.before_check = base_wait, clock, before_check
        self.while_hashing = while_hashing
        self.stored: str | None = None  # the PIN's hash, read with the store (``expect``)
        self.early: pin.EarlyHash | None = None
        self.wrong = _read_count()
        self.next_try_at = 0.0
        if self.wrong >= FREE_TRIES:  # restarted while locked out: the wait starts again
            self.next_try_at = self.clock() + self.wait_for(self.wrong)

    def wait_for(self, wrong: int) -> int:
        """The wait earned by ``wrong`` wrong PINs in a row."""
        if wrong < FREE_TRIES:
            return 0
        return int(self.base_wait * 2 ** min(wrong - FREE_TRIES, 10))

    def seconds_to_wait(self) -> int:
        return max(0, int(self.next_try_at - self.clock() + 0.999))

    @property
    def closed(self) -> bool:
        return self.wrong >= CLOSE_AFTER

    def expect(self, stored: str | None) -> None:
        """The PIN's stored hash, just read from the password store (with the store's key,
        at start-up): the next try is checked against it without reading it again, and the
        PIN is hashed while it is typed (``typing``). Later tries read it afresh."""
        self.stored = stored
        self.early = pin.EarlyHash(stored) if stored is not None else None

    def typing(self, text: str) -> None:
        """The PIN box now holds ``text``: hash it already, if a try is expected."""
        if self.early is not None and not self.seconds_to_wait():
            self.early.typed(text)

    def check(self, entered: str) -> Outcome:
        """Test ``entered``; a try during a wait is not taken (and not counted)."""
        waiting = self.seconds_to_wait()
        if waiting:
            return Outcome(False, self.wrong, waiting)
        if self.early is not None:  # hashed on its thread while ``before_check`` works
            self.early.typed(entered)
        if self.before_check is not None:
            self.before_check()
        stored, early, self.stored, self.early = self.stored, self.early, None, None
        if stored is None:  # not expected: read afresh, and hashed from now
            stored = pin.stored_hash()
            early = pin.EarlyHash(stored) if stored is not None else None
            if early is not None:
                early.typed(entered)
        try:
            if self.while_hashing is not None:
                self.while_hashing()
            matches = stored is not None and pin.pin_matches(entered, stored, early)
        finally:
            if early is not None:
                early.forget()
        if matches:
            if self.wrong:
                _write_count(0)
            self.wrong = 0
            return Outcome(True)
        self.wrong += 1
        _write_count(self.wrong)
        if self.wrong >= CLOSE_AFTER:
            _LOG.warning(
                "PIN lockout: %d wrong PINs in a row; the case store is closed", self.wrong
            )
            return Outcome(False, self.wrong, 0, closed=True)
        wait = self.wait_for(self.wrong)
        if wait:
            self.next_try_at = self.clock() + wait
            _LOG.warning("PIN lockout: %d wrong PINs in a row; next try in %d s", self.wrong, wait)
        return Outcome(False, self.wrong, wait)
