"""The assessor's PIN, which unlocks the app after the inactivity lock.

Only a slow salted hash (scrypt) is kept, in the OS password store beside the case store's
key — never in a file — so a lost laptop gives no quick way to test PINs offline. A PIN is
4 to 12 digits: easy to type at a kitchen table, and never a person's data.

At start-up the app reads the stored hash once its store is open (``stored_hash``), and
hashes the PIN on a worker thread while it is being typed (``EarlyHash``): Enter then
waits for the comparison only, not for scrypt. The comparison is the same either way.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets as _random
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.platform import secrets

_ENTRY = "assessor-pin"
_N, _R, _P = 2**14, 8, 1


def check_new_pin(pin: str) -> None:
    if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 12):
        raise InputError("a PIN is 4 to 12 digits (0–9), with nothing else")


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def set_pin(pin: str) -> None:
    keep_hash(hash_new_pin(pin))


def hash_new_pin(pin: str) -> str:
    """The salted hash of a new ``pin`` as the password store keeps it (slow: scrypt)."""
    check_new_pin(pin)
    salt = _random.token_bytes(16)
    return f"scrypt${salt.hex()}${_hash(pin, salt).hex()}"


def keep_hash(stored: str) -> None:
    """Keep ``stored`` (from ``hash_new_pin``) in the password store as the PIN's hash."""
    secrets.set_secret(_ENTRY, stored)


def has_pin() -> bool:
    return stored_hash() is not None


def stored_hash() -> str | None:
    """The PIN's salted hash as the password store keeps it (``scrypt$salt$digest``), or
    None when no PIN is set."""
    return secrets.get_secret(_ENTRY)


def _parse(stored: str) -> tuple[bytes, bytes] | None:
    """The salt and the digest of a stored hash; None if it is not a scrypt hash."""
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
        salt, digest = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return None
    return (salt, digest) if scheme == "scrypt" else None


def pin_matches(pin: str, stored: str | None = None, early: EarlyHash | None = None) -> bool:
    """Whether ``pin`` is the assessor's: its scrypt hash against ``stored`` (read from the
    password store now when not given), the hash taken from ``early`` if it made it."""
    stored = stored_hash() if stored is None else stored
    parsed = None if stored is None else _parse(stored)
    if parsed is None:
        return False
    salt, digest = parsed
    hashed = early.digest(pin, salt) if early is not None else None
    return hmac.compare_digest(_hash(pin, salt) if hashed is None else hashed, digest)


class EarlyHash:
    """The PIN hashed while it is typed: each text the box holds that could be a PIN is
    hashed on a worker thread with the stored hash's salt (scrypt lets other threads run),
    the newest only; ``digest`` gives the hash of the PIN tried if it was made, waiting for
    it if it is still being made. Nothing is compared or counted here."""

    def __init__(self, stored: str) -> None:
        parsed = _parse(stored)
        self.salt = parsed[0] if parsed else None
        self.pending: dict[str, Any] = {}  # text -> concurrent.futures.Future of its hash
        self.pool: Any = None

    def typed(self, text: str) -> None:
        if self.salt is None or text in self.pending:
            return
        try:
            check_new_pin(text)
        except InputError:
            return  # not a PIN yet (too short): nothing to hash
        if self.pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self.pool = ThreadPoolExecutor(1, thread_name_prefix="rasdesk-pin")
        self.pending = {text: self.pool.submit(_hash, text, self.salt)}  # the newest only

    def digest(self, pin: str, salt: bytes) -> bytes | None:
        """The hash of ``pin`` with ``salt``, if it was begun; forgets every hash made."""
        future = self.pending.get(pin) if salt == self.salt else None
        self.pending = {}
        return None if future is None else bytes(future.result())

    def forget(self) -> None:
        self.pending = {}
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
