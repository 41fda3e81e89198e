"""The assessor's PIN, which unlocks the app after the inactivity lock.

Only a slow salted hash (scrypt) is kept, in the OS password store beside the case store's
key — never in a file — so a lost laptop gives no quick way to test PINs offline. A PIN is
4 to 12 digits: easy to type at a kitchen table, and never a person's data.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets as _random

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
    check_new_pin(pin)
    salt = _random.token_bytes(16)
    secrets.set_secret(_ENTRY, f"scrypt${salt.hex()}${_hash(pin, salt).hex()}")


def has_pin() -> bool:
    return secrets.get_secret(_ENTRY) is not None


def pin_matches(pin: str) -> bool:
    stored = secrets.get_secret(_ENTRY)
    if stored is None:
        return False
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
        salt, digest = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(_hash(pin, salt), digest)
