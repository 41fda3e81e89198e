"""Time and secrets for the server: UTC timestamps, codes, tokens, receipts, hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

#: Enrolment codes are read aloud and typed: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"


def now() -> str:
    """The current UTC time as ``2026-01-31T09:15:00.123Z`` (sorts as time does)."""
    return stamp(dt.datetime.now(dt.UTC))


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def later(hours: float) -> str:
    return stamp(dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours))


def hashed(secret: str) -> str:
    """What is stored for a code or token. Both are long random strings, so a plain
    SHA-256 is enough: there is nothing to guess a dictionary from."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    """A one-time enrolment code such as ``K7QF-M3XP-9RTA-WH4N`` (about 74 bits)."""
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def normal_code(code: str) -> str:
    """Codes are compared without case, spaces or dashes (as a person may type them)."""
    return "".join(c for c in code.upper() if c.isalnum())


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_receipt() -> str:
    """A receipt a person can read out: ``RD-`` and 20 characters in groups of four."""
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(20))
    return "RD-" + "-".join(chars[i : i + 4] for i in range(0, 20, 4))
