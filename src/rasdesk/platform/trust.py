"""The trust store: which Ed25519 public keys may sign rulesets on this computer.

Two places: keys the user added (``config/trusted-keys``) and keys council IT put in the
machine-wide site config (``trusted-keys`` there), which users cannot remove. Each key is
a PEM file named after its key id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rasdesk.domain.errors import InputError
from rasdesk.domain.signing import keyid_of, load_public_key, public_pem
from rasdesk.platform import paths
from rasdesk.platform.files import read_bytes, write_atomic


@dataclass(frozen=True, slots=True)
class TrustedKey:
    keyid: str
    key: Ed25519PublicKey
    origin: str  # "user", "administrator" or "command line"
    path: Path | None


def _scan(folder: Path, origin: str) -> list[TrustedKey]:
    out: list[TrustedKey] = []
    if not folder.is_dir():
        return out
    for pem in sorted(folder.glob("*.pem")):
        try:
            key = load_public_key(pem.read_bytes(), str(pem))
        except (InputError, OSError):
            continue  # a stray file is not a key; `trust list` shows only real keys
        out.append(TrustedKey(keyid_of(key), key, origin, pem))
    return out


def trusted_keys(extra: list[Path] | None = None) -> dict[str, TrustedKey]:
    """Administrator keys, user keys, and keys named on the command line (``--trust``)."""
    keys: dict[str, TrustedKey] = {}
    for tk in _scan(paths.site_keys_dir(), "administrator") + _scan(paths.user_keys_dir(), "user"):
        keys.setdefault(tk.keyid, tk)
    for path in extra or []:
        key = load_public_key(read_bytes(path, "public key file"), str(path))
        keys.setdefault(keyid_of(key), TrustedKey(keyid_of(key), key, "command line", Path(path)))
    return keys


def add_key(pem_path: Path) -> TrustedKey:
    key = load_public_key(read_bytes(pem_path, "public key file"), str(pem_path))
    keyid = keyid_of(key)
    target = paths.user_keys_dir() / f"{keyid}.pem"
    write_atomic(target, public_pem(key))
    return TrustedKey(keyid, key, "user", target)


def remove_key(keyid: str) -> TrustedKey:
    keys = trusted_keys()
    matches = [
        tk
        for kid, tk in keys.items()
        if kid == keyid or (len(keyid) >= 8 and kid.startswith(keyid))
    ]
    if not matches:
        raise InputError(f"no trusted key has the id {keyid}; see: rasdesk trust list")
    if len(matches) > 1:
        raise InputError(f"{keyid} matches more than one key; give more of the id")
    found = matches[0]
    if found.origin != "user":
        raise InputError(
            f"the key {found.keyid[:16]}… is set by your administrator ({found.path}) and cannot be removed here"
        )
    assert found.path is not None
    found.path.unlink()
    return found
