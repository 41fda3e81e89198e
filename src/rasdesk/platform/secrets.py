"""Secrets in the operating system's password store, through keyring.

The case store's key is 32 random bytes (a raw 256-bit SQLCipher key, not a passphrase),
created on first use and kept only in the OS store: the Secret Service (GNOME Keyring,
KWallet) on Linux, the Credential Manager on Windows, the Keychain on macOS. With no
usable store rasdesk refuses to store cases and says why; it never writes the key to a
file, and it does not accept keyrings.alt's file backends.

The backend is the platform's own, chosen by name (``platform_backend``), not found by
keyring's discovery: that scans every installed package's entry points and asks each
backend whether it can run (a tenth of a second at start-up), and it could pick a
plugin's backend, such as keyrings.alt's files. A backend set with ``keyring.set_keyring``
first (the demo's in-memory one, the tests') or named in ``PYTHON_KEYRING_BACKEND`` is
used instead, and still checked (keyring's own configuration file is not read).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import secrets as _random
import sys
from typing import Any

from rasdesk.domain.errors import SecretStoreUnavailable, StorageError
from rasdesk.platform import paths

# keyring is imported only when a secret is first wanted: importing it and finding the
# password store take a good part of a second, which the app spends after its first
# window is on screen (ui/app.py), and which commands that never need a secret never spend.

SERVICE = "rasdesk"
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

_HOW = (
    "rasdesk keeps the key of its encrypted case store only in your computer's password "
    "store, and will not store cases without one. On Linux, install and unlock GNOME Keyring "
    "or KWallet (a Secret Service provider); on Windows the Credential Manager and on macOS "
    "the Keychain are used automatically. Your IT team can help."
)


def platform_backend() -> Any:  # a keyring.backend.KeyringBackend
    """This platform's password store, by name: the Credential Manager on Windows, the
    Keychain on macOS, the Secret Service elsewhere (Linux, the BSDs)."""
    if sys.platform == "win32":
        from keyring.backends.Windows import WinVaultKeyring

        return WinVaultKeyring()
    if sys.platform == "darwin":
        from keyring.backends.macOS import Keyring as MacKeyring

        return MacKeyring()
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    return SecretServiceKeyring()  # type: ignore[no-untyped-call]


def named_backend(name: str) -> Any:
    """The backend class ``name`` names (``PYTHON_KEYRING_BACKEND``: module.Class), made."""
    module, _, cls = name.rpartition(".")
    try:
        return getattr(importlib.import_module(module), cls)()
    except (ImportError, AttributeError, ValueError, TypeError) as exc:
        raise SecretStoreUnavailable(
            f"PYTHON_KEYRING_BACKEND names a password store that cannot be loaded ({exc}). {_HOW}"
        ) from None


def backend() -> Any:
    """The password store rasdesk uses: the one set with ``keyring.set_keyring`` if any
    (the demo's, the tests'), else the one ``PYTHON_KEYRING_BACKEND`` names, else the
    platform's (``platform_backend``); set once."""
    import keyring.core

    # keyring keeps the backend set or found in this module variable; it is None until one
    # is set, and asking keyring.get_keyring() then would run its discovery.
    if getattr(keyring.core, "_keyring_backend", None) is None:
        name = os.environ.get("PYTHON_KEYRING_BACKEND", "").strip()
        keyring.core.set_keyring(named_backend(name) if name else platform_backend())
    return keyring.core.get_keyring()


#: The backend last found usable: the check asks the Secret Service whether it runs (a
#: D-Bus connection), once per process rather than before every read.
_usable: list[Any] = []


def backend_problem() -> str | None:
    """Why the current keyring backend cannot be used, or None if it can."""
    current = backend()
    if _usable and _usable[0] is current:
        return None
    backends = getattr(current, "backends", [current])  # a ChainerBackend holds several
    usable = [b for b in backends if not type(b).__module__.startswith(_REFUSED_MODULES)]
    usable = [b for b in usable if _priority(b) > 0]
    if not usable:
        return f"no usable password store was found (keyring found: {type(current).__module__})"
    _usable[:] = [current]
    return None


def _priority(b: Any) -> float:
    """The backend's own answer to "can you run here" (keyring's discovery asks the same):
    above 0 if it can; a backend that cannot says so by raising."""
    try:
        return float(b.priority)
    except Exception:  # keyring backends raise RuntimeError and others when they cannot run
        return 0.0


def _username(name: str) -> str:
    # One entry per profile folder, so a demo or test profile never meets a real one.
    where = hashlib.sha256(str(paths.data_dir().resolve()).encode()).hexdigest()[:16]
    return f"{name}@{where}"


#: win32cred.CRED_PERSIST_LOCAL_MACHINE: the credential stays on this computer. keyring's
#: Windows backend defaults to CRED_PERSIST_ENTERPRISE, which roams with the user's profile
#: to every computer they sign in to: the key of this laptop's case store must not.
CRED_PERSIST_LOCAL_MACHINE = 2


def keep_on_this_computer(backend: Any) -> None:  # a keyring.backend.KeyringBackend
    """Make Windows Credential Manager entries local-machine (never roaming) for ``backend``
    and every backend it chains to. Other password stores are per-computer already."""
    for b in getattr(backend, "backends", [backend]):
        if (
            type(b).__module__ == "keyring.backends.Windows"
            and type(b).__name__ == "WinVaultKeyring"
        ):
            b.persist = CRED_PERSIST_LOCAL_MACHINE


def _check() -> Any:
    """The keyring module, once its backend is known to be usable."""
    import keyring

    problem = backend_problem()
    if problem:
        raise SecretStoreUnavailable(f"{problem}. {_HOW}")
    keep_on_this_computer(keyring.get_keyring())  # the one backend_problem found usable
    return keyring


def require_usable() -> None:
    """Raise ``SecretStoreUnavailable``, saying why, unless the password store can be used
    (its backend chosen and checked now: before reads on several threads at once)."""
    _check()


def get_secret(name: str) -> str | None:
    keyring = _check()
    try:
        value: str | None = keyring.get_password(SERVICE, _username(name))
        return value
    except Exception as exc:  # KeyringError, or the Secret Service gone since it was checked
        raise SecretStoreUnavailable(f"the password store did not answer ({exc}). {_HOW}") from None


def set_secret(name: str, value: str) -> None:
    keyring = _check()
    try:
        keyring.set_password(SERVICE, _username(name), value)
    except Exception as exc:  # KeyringError, or the Secret Service gone since it was checked
        raise SecretStoreUnavailable(
            f"the password store refused to save ({exc}). {_HOW}"
        ) from None


def database_key(*, create: bool) -> bytes:
    """The case store's 32-byte key. ``create`` makes one only when there is no store yet:
    a new key for an existing store would lock its cases away."""
    stored = get_secret("database-key")
    if stored is None:
        if not create:
            raise StorageError(
                "the case store exists but its key is not in this computer's password store, so it "
                "cannot be opened. If you moved to a new computer or user account, the cases must be "
                "sent from the old one; ask your IT team."
            )
        stored = _random.token_hex(32)
        set_secret("database-key", stored)
    key = bytes.fromhex(stored)
    if len(key) != 32:
        raise StorageError(
            "the case store key in the password store is damaged (it is not 32 bytes)"
        )
    return key
