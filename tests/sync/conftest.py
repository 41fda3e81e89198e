"""Fixtures of the sync client's tests: a real ``rasdesk-server`` subprocess on 127.0.0.1
(on a SQLite file, or on a real PostgreSQL 15), the demo ruleset published there and
trusted here, this test's own case store, and an enrolled laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support_postgres import postgresql_cluster, postgresql_db, postgresql_url
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    publish_ruleset,
    running_server,
)

from rasdesk.platform import trust
from rasdesk.storage.profile import open_user_store
from rasdesk.storage.store import CaseStore
from rasdesk.sync import Device, SyncOptions, enrol

__all__ = ["postgresql_cluster", "postgresql_db", "postgresql_url"]

#: Short waits for tests (never mocked time): a failed version is due again at once when
#: ``ignore_backoff`` is set, and a hung request is given up after a second.
FAST = SyncOptions(timeout=1.0, backoff_base=0.05, backoff_cap=0.2, ignore_backoff=True)


def sqlite_database(folder: Path) -> str:
    return f"sqlite:///{folder / 'server.db'}"


@pytest.fixture
def database(tmp_path: Path) -> str:
    """A new, empty server database (SQLite) with the demo ruleset published."""
    url = sqlite_database(tmp_path)
    publish_ruleset(url, DEMO_RULESET, DEMO_KEY)
    return url


@pytest.fixture
def server(database: str) -> Iterator[ServerProcess]:
    with running_server(database) as running:
        yield running


@pytest.fixture
def trusted() -> None:
    """This laptop trusts the DEMO key (so the server's demo ruleset is accepted)."""
    trust.add_key(DEMO_KEY)


@pytest.fixture
def store(trusted: None) -> Iterator[CaseStore]:
    """This test's own encrypted case store (in its RASDESK_HOME, key in the keyring)."""
    opened = open_user_store()
    try:
        yield opened
    finally:
        opened.close()


def enrol_with(server: ServerProcess, url: str | None = None) -> Device:
    return enrol(url or server.url, enrol_code(server.database, "Sam Patel"), "test laptop")


@pytest.fixture
def enrolled(server: ServerProcess) -> Device:
    return enrol_with(server)
