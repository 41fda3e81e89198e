"""The trust store: which Ed25519 public keys may sign rulesets on this computer.

Administrator keys come from the machine-wide policy: the keys its ``trusted_keys`` names
(``platform.policy``) and any PEM files in the ``trusted-keys`` folder beside it. Users
cannot remove them. User keys are the ones a user added (``config/trusted-keys``, one PEM
file named after its key id) and keys named for one command (``--trust``); both count only
while the policy's ``allow_user_keys`` is true, and ``add_key`` refuses otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rasdesk.domain.errors import InputError, TrustError
from rasdesk.domain.signing import keyid_of, load_public_key, public_pem
from rasdesk.platform import paths, policy, settings
from rasdesk.platform.files import MAX_SMALL_BYTES, read_bytes, write_atomic


@dataclass(frozen=True, slots=True)
class TrustedKey:
    keyid: str
    key: Ed25519PublicKey
    origin: str  # "user", "administrator" or "command line"
    path: Path | None
    name: str = ""  # the name the policy gives it


def _scan(folder: Path, origin: str) -> list[TrustedKey]:
    out: list[TrustedKey] = []
    if not folder.is_dir():
        return out
    for pem in sorted(folder.glob("*.pem")):
        try:
            # Bounded and regular files only: a link to /dev/zero here must not hang rasdesk.
            key = load_public_key(read_bytes(pem, "public key file", MAX_SMALL_BYTES), str(pem))
        except InputError:
            continue  # a stray file is not a key; `trust list` shows only real keys
        out.append(TrustedKey(keyid_of(key), key, origin, pem))
    return out


def administrator_keys(current: settings.Settings | None = None) -> list[TrustedKey]:
    """The policy's ``trusted_keys``, then the site ``trusted-keys`` folder's PEM files."""
    named = [
        TrustedKey(pk.keyid, pk.key, "administrator", pk.file or settings.policy_file(), pk.name)
        for pk in policy.policy_keys(current)
    ]
    return named + _scan(paths.site_keys_dir(), "administrator")


def user_keys() -> list[TrustedKey]:
    """The keys this user added, whether or not the policy lets them count."""
    return _scan(paths.user_keys_dir(), "user")


def refusal(current: settings.Settings) -> str | None:
    """Why user keys are not allowed on this computer, or None when they are."""
    if current["allow_user_keys"]:
        return None
    return (
        f"your administrator allows only the ruleset keys they set ({settings.policy_file()}: "
        "allow_user_keys is false); ask your IT team to add the key"
    )


def trusted_keys(extra: list[Path] | None = None) -> dict[str, TrustedKey]:
    """Administrator keys, user keys, and keys named on the command line (``--trust``)."""
    current = settings.load()
    refused = refusal(current)
    if extra and refused:
        raise TrustError(f"--trust cannot be used: {refused}")
    keys: dict[str, TrustedKey] = {}
    for tk in administrator_keys(current) + ([] if refused else user_keys()):
        keys.setdefault(tk.keyid, tk)
    for path in extra or []:
        key = load_public_key(read_bytes(path, "public key file", MAX_SMALL_BYTES), str(path))
        keys.setdefault(keyid_of(key), TrustedKey(keyid_of(key), key, "command line", Path(path)))
    return keys


def add_key(pem_path: Path) -> TrustedKey:
    refused = refusal(settings.load())
    if refused:
        raise TrustError(f"cannot trust {pem_path}: {refused}")
    key = load_public_key(read_bytes(pem_path, "public key file", MAX_SMALL_BYTES), str(pem_path))
    keyid = keyid_of(key)
    target = paths.user_keys_dir() / f"{keyid}.pem"
    write_atomic(target, public_pem(key))
    return TrustedKey(keyid, key, "user", target)


def remove_key(keyid: str) -> TrustedKey:
    """Remove a key the user added (also when the policy has made user keys not count)."""
    keys: dict[str, TrustedKey] = {}
    for tk in administrator_keys() + user_keys():
        keys.setdefault(tk.keyid, tk)
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
