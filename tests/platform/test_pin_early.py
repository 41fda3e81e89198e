"""The PIN checked at start-up without waiting (issue 20, a fast start): its stored hash
read once with the store (``PinAttempts.expect``), and the PIN hashed on a worker thread
while it is typed (``EarlyHash``). The check itself is unchanged: the scrypt hash of what
was entered, against the hash kept in the password store; a wrong PIN is counted."""

from __future__ import annotations

import pytest

from rasdesk.platform import pin, secrets
from rasdesk.platform.pin_attempts import PinAttempts


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names read from the password store, in order."""
    seen: list[str] = []
    real = secrets.get_secret

    def counted(name: str) -> str | None:
        seen.append(name)
        return real(name)

    monkeypatch.setattr(secrets, "get_secret", counted)
    return seen


def test_a_hash_made_while_typing_is_the_one_compared() -> None:
    pin.set_pin("2468")
    stored = pin.stored_hash()
    assert stored is not None
    early = pin.EarlyHash(stored)
    for text in ("2", "24", "246"):  # too short to be a PIN: nothing hashed
        early.typed(text)
        assert early.pending == {}
    early.typed("2468")
    assert list(early.pending) == ["2468"]
    assert pin.pin_matches("2468", stored, early)
    early.typed("1357")
    assert not pin.pin_matches("1357", stored, early)  # hashed early, and still wrong
    early.typed("2468")
    assert not pin.pin_matches("1357", stored, early)  # another text: hashed now, wrong
    assert early.pending == {}  # forgotten once used
    early.forget()


def test_an_early_hash_with_another_salt_is_not_used() -> None:
    pin.set_pin("2468")
    old = pin.stored_hash()
    assert old is not None
    early = pin.EarlyHash(old)
    early.typed("2468")
    pin.set_pin("2468")  # the same PIN set again: a new salt
    assert pin.stored_hash() != old
    assert pin.pin_matches("2468", pin.stored_hash(), early)  # hashed again with the new salt
    early.forget()


def test_the_expected_hash_serves_one_try_and_a_wrong_pin_is_counted(reads: list[str]) -> None:
    pin.set_pin("2468")
    attempts = PinAttempts(30)
    attempts.expect(pin.stored_hash())
    reads.clear()
    for text in ("1", "13", "135", "1357"):
        attempts.typing(text)
    outcome = attempts.check("1357")
    assert not outcome.ok and outcome.wrong_in_a_row == 1 and attempts.wrong == 1
    assert reads == []  # the hash read with the store was used, not read again
    assert attempts.check("2468").ok  # a later try reads the password store afresh
    assert reads == ["assessor-pin"] and attempts.wrong == 0


def test_no_pin_set_means_no_pin_matches() -> None:
    attempts = PinAttempts(30)
    attempts.expect(None)
    attempts.typing("1234")
    assert not attempts.check("1234").ok
    assert not pin.pin_matches("1234", "not a hash")


def test_a_pin_tried_at_once_is_hashed_while_before_check_works() -> None:
    """Entered without typing (no hash begun): ``check`` begins its hash on the worker
    thread, then runs ``before_check`` (the app opens its store and builds the case list
    there), then compares; a wrong one is counted the same."""
    pin.set_pin("2468")
    begun: list[str] = []

    def before_check() -> None:
        assert attempts.early is not None
        begun.extend(attempts.early.pending)

    attempts = PinAttempts(30, before_check=before_check)
    attempts.expect(pin.stored_hash())
    outcome = attempts.check("1357")
    assert begun == ["1357"] and not outcome.ok and attempts.wrong == 1
    attempts.expect(pin.stored_hash())
    assert attempts.check("2468").ok and begun == ["1357", "2468"] and attempts.wrong == 0


def test_a_pin_not_expected_is_read_afresh_and_hashed_while_the_page_is_built(
    reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No hash expected (the demo's store is made when the PIN comes; a later lock): the
    hash is read at the try, the PIN hashed on the worker thread while ``while_hashing``
    runs, then compared; wrong PINs are counted, and no PIN set opens nothing."""
    pin.set_pin("2468")
    hashing: list[str] = []
    real_typed = pin.EarlyHash.typed

    def typed(self: pin.EarlyHash, text: str) -> None:
        real_typed(self, text)
        hashing.extend(self.pending)

    monkeypatch.setattr(pin.EarlyHash, "typed", typed)
    begun: list[str] = []

    def while_hashing() -> None:
        begun.append(reads[-1])
        assert hashing  # begun on the worker thread, before the page is built
        hashing.clear()
        assert attempts.early is None  # taken for this try: the next one reads again

    attempts = PinAttempts(30, while_hashing=while_hashing)
    reads.clear()
    assert not attempts.check("1357").ok and attempts.wrong == 1
    assert attempts.check("2468").ok and attempts.wrong == 0
    assert reads == ["assessor-pin", "assessor-pin"] and begun == reads
    secrets.set_secret("assessor-pin", "x")  # no usable hash kept: nothing matches
    attempts.while_hashing = None
    assert not attempts.check("2468").ok and attempts.wrong == 1
