"""A real ``rasdesk-server`` for tests: a subprocess on 127.0.0.1, and its admin commands.

API (for the server tests and the sync client's tests):

- ``running_server(database: str, *, port: int | None = None, quiet: bool = True,
  extra: Sequence[str] = ()) -> Iterator[ServerProcess]`` — a context manager: runs
  ``rasdesk-server serve --database DATABASE --host 127.0.0.1 --port PORT [EXTRA…]`` (e.g.
  ``("--header-timeout", "2")``) as a subprocess (a free port unless given), waits
  until ``GET /api/v1/health`` answers (30 s at most, else RuntimeError with its log), and
  stops it afterwards (SIGTERM, then SIGKILL).
- ``ServerProcess``: ``.process`` (the Popen), ``.url`` ("http://127.0.0.1:PORT"), ``.api`` (url + "/api/v1"),
  ``.database``, ``.port``, ``.log_path`` (its stdout and stderr), ``.log()`` (the text),
  ``.kill()`` (SIGKILL, no clean-up, like a crash), ``.stop()`` (SIGTERM), ``.start()``
  (after kill/stop, on the same port, waits for health), ``.restart()`` (kill + start),
  ``.alive()``.
- ``enrol_code(database, assessor, expires_hours=None) -> str`` — a one-time code
  (``rasdesk-server enrol-code``).
- ``publish_ruleset(database, path, trust_key_path) -> None``
  (``rasdesk-server publish-ruleset``).
- ``revoke(database, device_id) -> None`` (``rasdesk-server revoke``).
- ``export_rows(database, fmt="jsonl", since=None) -> list[dict]`` — the export, parsed:
  for jsonl, JSON values (flags a list, recompute_agrees a bool); for csv, amounts and
  parts, text.
- ``server_cli(*args, check=True) -> subprocess.CompletedProcess[str]`` — any
  ``rasdesk-server`` command (raises on a non-zero exit when ``check``).
- ``DEMO_RULESET``, ``DEMO_KEY``: the demo signed ruleset and its public key.

Each runs the real command in a subprocess. ``database`` is a SQLite path, a
``sqlite:///…`` URL or a ``postgresql://…`` URL (see tests/support_postgres.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasdesk.platform.paths import demo_dir
from tests.support_postgres import free_port

DEMO_RULESET = demo_dir() / "demo.ruleset.signed.json"
DEMO_KEY = demo_dir() / "DEMO-public-key.pem"


def _command() -> list[str]:
    script = Path(sys.executable).parent / "rasdesk-server"
    return [str(script)] if script.exists() else [sys.executable, "-m", "rasdesk.server.cli"]


def server_cli(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*_command(), *map(str, args)], capture_output=True, text=True, timeout=300
    )
    if check and done.returncode != 0:
        raise RuntimeError(
            f"rasdesk-server {' '.join(map(str, args))} exited {done.returncode}:\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return done


def enrol_code(database: str, assessor: str, expires_hours: float | None = None) -> str:
    extra = [] if expires_hours is None else ["--expires-hours", str(expires_hours)]
    done = server_cli("enrol-code", "--database", database, "--assessor", assessor, *extra)
    return done.stdout.strip()


def publish_ruleset(database: str, path: str | Path, trust_key_path: str | Path) -> None:
    server_cli("publish-ruleset", "--database", database, path, "--trust", trust_key_path)


def revoke(database: str, device_id: str) -> None:
    server_cli("revoke", "--database", database, device_id)


def export_rows(
    database: str, fmt: str = "jsonl", since: str | None = None
) -> list[dict[str, Any]]:
    extra = [] if since is None else ["--since", since]
    out = server_cli("export", "--database", database, "--format", fmt, *extra).stdout
    if fmt in ("csv", "amounts", "parts"):
        return list(csv.DictReader(io.StringIO(out)))
    return [json.loads(line) for line in out.splitlines() if line.strip()]


class ServerProcess:
    def __init__(
        self,
        database: str,
        port: int,
        log_path: Path,
        quiet: bool = True,
        extra: Sequence[str] = (),
    ) -> None:
        self.database = database
        self.extra = list(extra)
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.api = f"{self.url}/api/v1"
        self.log_path = log_path
        self.quiet = quiet
        self.process: subprocess.Popen[bytes] | None = None

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace") if self.log_path.exists() else ""

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout: float = 30) -> None:
        if self.alive():
            raise RuntimeError("the server is already running")
        argv = [
            *_command(),
            "serve",
            "--database",
            self.database,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        if self.quiet:
            argv.append("--quiet")
        argv += self.extra
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                argv,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"rasdesk-server exited {self.process.returncode} at start:\n{self.log()}"
                )
            try:
                with urllib.request.urlopen(f"{self.api}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"rasdesk-server did not answer /health in {timeout} s:\n{self.log()}")

    def _signal(self, sig: signal.Signals) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def kill(self) -> None:
        """SIGKILL: the process dies at once, as in a crash or a pulled plug."""
        self._signal(signal.SIGKILL)

    def stop(self) -> None:
        """SIGTERM: a clean shutdown."""
        self._signal(signal.SIGTERM)

    def restart(self) -> None:
        self.kill()
        self.start()


@contextmanager
def running_server(
    database: str, *, port: int | None = None, quiet: bool = True, extra: Sequence[str] = ()
) -> Iterator[ServerProcess]:
    folder = Path(tempfile.mkdtemp(prefix="rasdesk-server-"))
    server = ServerProcess(database, port or free_port(), folder / "server.log", quiet, extra)
    try:
        server.start()
        yield server
    except BaseException:
        # What the server said is the best clue to a failing test: show it.
        print(f"--- rasdesk-server log ({server.log_path}) ---\n{server.log()}", file=sys.stderr)
        raise
    finally:
        server.stop()
        try:
            os.unlink(server.log_path)
            folder.rmdir()
        except OSError:
            pass
