"""Settings declared once with administrator policy on top; secrets only in a real
password store."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest

from rasdesk.domain.errors import InputError, SecretStoreUnavailable, StorageError
from rasdesk.platform import secrets, settings
from tests.memory_keyring import MemoryKeyring


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))


def test_defaults_user_and_policy(rasdesk_home: Path) -> None:
    assert settings.load()["inactivity_lock_minutes"] == 5
    settings.set_user("inactivity_lock_minutes", 10)
    settings.set_user("assessor_name", "Sam Patel")
    loaded = settings.load()
    assert loaded["inactivity_lock_minutes"] == 10 and loaded["assessor_name"] == "Sam Patel"
    write(
        rasdesk_home / "site" / "policy.json",
        {"inactivity_lock_minutes": 3, "languages": ["cy", "en"]},
    )
    loaded = settings.load()
    assert loaded["inactivity_lock_minutes"] == 3 and loaded.managed == {
        "inactivity_lock_minutes",
        "languages",
    }
    with pytest.raises(InputError, match="set by your administrator"):
        settings.set_user("inactivity_lock_minutes", 20)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ({"inactivity_lock_minutes": "five"}, "$.inactivity_lock_minutes"),
        ({"inactivity_lock_minutes": 0}, "1 to 240"),
        ({"languages": ["fr"]}, "$.languages"),
        ({"server_url": "http://council.example"}, "https://"),
        ({"lock": 5}, 'unknown setting "lock"'),
    ],
)
def test_malformed_policy_names_file_and_field(
    rasdesk_home: Path, content: object, words: str
) -> None:
    write(rasdesk_home / "site" / "policy.json", content)
    with pytest.raises(InputError) as caught:
        settings.load()
    assert "policy.json" in str(caught.value) and words in str(caught.value)


def test_unreadable_settings_file(rasdesk_home: Path) -> None:
    (rasdesk_home / "config").mkdir(parents=True)
    (rasdesk_home / "config" / "settings.json").write_text("{not json")
    with pytest.raises(InputError, match=r"settings\.json cannot be read"):
        settings.load()


def test_database_key_is_random_32_bytes_kept_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    key = secrets.database_key(create=True)
    assert len(key) == 32 and secrets.database_key(create=False) == key
    assert [bytes.fromhex(v) for v in memory_keyring.entries.values()] == [key]


def test_key_is_never_invented_for_an_existing_store(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(StorageError, match="not in this computer's password store"):
        secrets.database_key(create=False)
    assert memory_keyring.entries == {}


@pytest.mark.usefixtures("no_keyring")
def test_no_password_store_is_refused_with_reasons() -> None:
    with pytest.raises(SecretStoreUnavailable) as caught:
        secrets.database_key(create=True)
    assert "password store" in str(caught.value) and "GNOME Keyring" in str(caught.value)
    assert caught.value.exit_code == 1


def test_plaintext_file_backends_are_refused() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(SecretStoreUnavailable):
        secrets.database_key(create=True)


def test_windows_credentials_stay_on_this_computer() -> None:
    """The store key and sync token are written with local-machine persistence on Windows
    (keyring's default, enterprise, roams with the user's profile). keyring's real Windows
    backend class is used; only the Credential Manager itself is missing on Linux (so the
    value is read from where the backend keeps it: its getter needs win32cred)."""
    from keyring.backends.Windows import WinVaultKeyring

    from rasdesk.platform.secrets import CRED_PERSIST_LOCAL_MACHINE, keep_on_this_computer

    backend = WinVaultKeyring()
    assert "_persist" not in vars(backend)  # keyring's default: enterprise (roaming)
    keep_on_this_computer(backend)
    assert vars(backend)["_persist"] == CRED_PERSIST_LOCAL_MACHINE == 2
