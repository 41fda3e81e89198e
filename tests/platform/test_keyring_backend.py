"""The password store rasdesk uses is the platform's own, chosen by name (never keyring's
discovery, which scans installed plugins and could pick keyrings.alt's files); one set
with keyring.set_keyring (the demo's, the tests') is used instead; the "can it run" check
is asked once, not before every read."""

from __future__ import annotations

import sys
from typing import Any

import keyring.backend
import keyring.core
import pytest
from keyring.backends import SecretService, Windows, macOS

from rasdesk.domain.errors import SecretStoreUnavailable
from rasdesk.platform import secrets
from tests.memory_keyring import MemoryKeyring


@pytest.fixture
def nothing_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """No backend set yet, as in the app before its first secret; discovery must not run."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    def no_discovery(*_: Any) -> None:
        raise AssertionError("keyring's discovery ran")

    monkeypatch.setattr(keyring.core, "init_backend", no_discovery)
    monkeypatch.setattr(keyring.backend, "get_all_keyring", no_discovery)


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", SecretService.Keyring),
        ("win32", Windows.WinVaultKeyring),
        ("darwin", macOS.Keyring),
    ],
)
def test_the_platforms_own_backend_is_chosen_by_name(
    nothing_set: None, monkeypatch: pytest.MonkeyPatch, platform: str, expected: type
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    chosen = secrets.backend()
    assert type(chosen) is expected
    assert not type(chosen).__module__.startswith("keyrings")
    assert keyring.core.get_keyring() is chosen  # set once: later reads use the same


def test_the_windows_backend_chosen_keeps_secrets_on_this_computer(
    nothing_set: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    chosen = secrets.backend()
    secrets.keep_on_this_computer(chosen)  # what every read and write does first
    assert vars(chosen)["_persist"] == secrets.CRED_PERSIST_LOCAL_MACHINE


def test_without_a_secret_service_the_store_is_refused_calmly(
    nothing_set: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/rasdesk-test-bus")
    with pytest.raises(SecretStoreUnavailable, match="no usable password store"):
        secrets.database_key(create=True)


def test_a_backend_set_first_is_used_and_checked_once(memory_keyring: MemoryKeyring) -> None:
    asked: list[int] = []

    class Counted(MemoryKeyring):
        @property
        def priority(self) -> float:  # type: ignore[override]
            asked.append(1)
            return 1.0

    counted = Counted()
    keyring.core.set_keyring(counted)
    secrets.set_secret("a", "1")
    assert secrets.get_secret("a") == "1" and secrets.get_secret("b") is None
    assert secrets.backend() is counted and len(asked) == 1
    keyring.core.set_keyring(memory_keyring)  # another backend is checked again
    assert secrets.get_secret("a") is None


def test_a_password_store_that_fails_mid_read_is_said_calmly(memory_keyring: MemoryKeyring) -> None:
    class Gone(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise OSError("the D-Bus connection was closed")

    keyring.core.set_keyring(Gone())
    with pytest.raises(SecretStoreUnavailable, match="did not answer"):
        secrets.get_secret("database-key")


def test_a_backend_named_in_the_environment_is_used_and_a_file_one_refused(
    nothing_set: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.memory_keyring.MemoryKeyring")
    assert type(secrets.backend()) is MemoryKeyring
    secrets.set_secret("a", "1")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(MemoryKeyring, "__module__", "keyrings.alt.file")
    with pytest.raises(SecretStoreUnavailable, match="no usable password store"):
        secrets.get_secret("a")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.Backend")
    with pytest.raises(SecretStoreUnavailable, match="cannot be loaded"):
        secrets.get_secret("a")
