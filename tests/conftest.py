"""Test-wide set-up: every test gets its own RASDESK_HOME, so no test ever reads or writes
a real profile, trust store or case store."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import keyring.backend
import pytest

from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def rasdesk_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("rasdesk-home")
    monkeypatch.setenv("RASDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """A fresh in-memory password store for every test (this machine has none)."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def no_keyring() -> None:
    """No usable password store, as on a machine without one."""
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def installed(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo ruleset installed, its DEMO key trusted (in this test's RASDESK_HOME)."""
    from rasdesk.platform.paths import demo_dir
    from tests.cli.helpers import run

    demo = demo_dir()
    assert run(capsys, "trust", "add", demo / "DEMO-public-key.pem")[0] == 0
    assert run(capsys, "ruleset", "install", demo / "demo.ruleset.signed.json")[0] == 0


# The fuzz stage (tests/fuzz) runs on its own, from scripts/stage-fuzz.sh, with a time budget.
collect_ignore = [] if os.environ.get("RASDESK_FUZZ") else ["fuzz"]
