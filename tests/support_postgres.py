"""A throwaway PostgreSQL 15 cluster for tests, from Debian's postgresql-15.

API (for the server tests and the sync client's tests):

- ``postgres_cluster() -> Iterator[Cluster]`` — a context manager: ``initdb`` in a new temp
  folder, ``pg_ctl start`` listening only on 127.0.0.1 on a free port (trust auth, the
  socket in that folder), run as the ``postgres`` user via ``runuser`` when we are root,
  else as ourselves. Stopped (``pg_ctl stop -m immediate``) and deleted afterwards.
  ``Cluster.url(dbname="postgres")`` is a ``postgresql://postgres@127.0.0.1:PORT/dbname``
  URL; ``Cluster.create_database(name=None) -> str`` makes a new empty database and
  returns its URL (each test can have its own without a new cluster);
  ``Cluster.stop(mode="fast")`` (``"immediate"`` is a crash) and ``Cluster.start()`` take
  the server down and bring it back on the same port (for fault tests).
- ``postgres_available() -> bool`` — whether the postgresql-15 binaries are installed.
- pytest fixtures (import them into a conftest.py, e.g.
  ``from tests.support_postgres import postgresql_cluster, postgresql_url, postgresql_db``):
  ``postgresql_cluster`` (session: one cluster for the run), ``postgresql_url``
  (session: the URL of one database "rasdesk" in it), ``postgresql_db`` (function: the URL
  of a new empty database for this test). They skip ONLY if the postgresql-15 binaries are
  missing; CI installs them (scripts/setup.sh), so there they always run.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("RASDESK_PG_BIN", "/usr/lib/postgresql/15/bin"))


def postgres_available() -> bool:
    return all((PG_BIN / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _as_owner(argv: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: as root, run it as the `postgres` user.
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@dataclass
class Cluster:
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=200"
        )
        _run(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "postgres.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            "pg_ctl start",
        )

    def stop(self, mode: str = "fast") -> None:
        """Stop PostgreSQL (``immediate`` is a crash); ``start()`` brings it back, same port."""
        _run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"], "pg_ctl stop"
        )


def _run(argv: list[str], what: str) -> None:
    # From "/": the postgres user may not be allowed into our working folder (/root/...).
    done = subprocess.run(_as_owner(argv), capture_output=True, text=True, timeout=120, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@contextmanager
def postgres_cluster() -> Iterator[Cluster]:
    if not postgres_available():
        raise RuntimeError(
            f"PostgreSQL 15 is not installed ({PG_BIN}): apt-get install postgresql-15"
        )
    folder = Path(tempfile.mkdtemp(prefix="rasdesk-pg-"))
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
    cluster = Cluster(folder, free_port())
    try:
        _run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(cluster.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            "initdb",
        )
        cluster.start()
        cluster.create_database("rasdesk")
        yield cluster
    finally:
        if (cluster.data / "postmaster.pid").exists():
            subprocess.run(
                _as_owner(
                    [
                        str(PG_BIN / "pg_ctl"),
                        "-D",
                        str(cluster.data),
                        "-m",
                        "immediate",
                        "-w",
                        "stop",
                    ]
                ),
                capture_output=True,
                timeout=60,
                cwd="/",
            )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgresql_cluster() -> Iterator[Cluster]:
    if not postgres_available():
        pytest.skip(f"PostgreSQL 15 binaries are not installed in {PG_BIN} (apt: postgresql-15)")
    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def postgresql_url(postgresql_cluster: Cluster) -> str:
    """The URL of the database "rasdesk" in the session's cluster (shared by tests)."""
    return postgresql_cluster.url("rasdesk")


@pytest.fixture
def postgresql_db(postgresql_cluster: Cluster) -> str:
    """The URL of a new, empty database for this test alone."""
    return postgresql_cluster.create_database()
