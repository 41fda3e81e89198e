"""Fixtures of the server tests: each backend (a SQLite file, a real PostgreSQL), a
running server on it with the demo ruleset published, a freshly enrolled device."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.helpers import Bundles, enrol, make_bundles
from tests.support_postgres import postgresql_cluster, postgresql_db, postgresql_url
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    publish_ruleset,
    running_server,
)

__all__ = ["postgresql_cluster", "postgresql_db", "postgresql_url"]

BACKENDS = ["sqlite", "postgresql"]


def new_database(kind: str, request: pytest.FixtureRequest, folder: Path) -> str:
    if kind == "postgresql":
        cluster = request.getfixturevalue("postgresql_cluster")
        url: str = cluster.create_database()
        return url
    return f"sqlite:///{folder / 'server.db'}"


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty server database on each backend."""
    return new_database(request.param, request, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """One server per backend for a test module, the demo ruleset published."""
    url = new_database(request.param, request, tmp_path_factory.mktemp("server"))
    publish_ruleset(url, DEMO_RULESET, DEMO_KEY)
    with running_server(url) as running:
        yield running


@pytest.fixture
def token(server: ServerProcess) -> str:
    """The token of a device enrolled just now."""
    return enrol(server.api, enrol_code(server.database, "Sam Patel"))[1]


@pytest.fixture(scope="session")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Bundles:
    return make_bundles(tmp_path_factory.mktemp("store"))
