"""Test-wide set-up: every test gets its own RASDESK_HOME, so no test ever reads or writes
a real profile, trust store or case store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def rasdesk_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("rasdesk-home")
    monkeypatch.setenv("RASDESK_HOME", str(home))
    return home
