"""The server stays up for everyone else (issue 14, items 4, 8 and 10): slow clients are cut
off, a PostgreSQL outage is one log line and 503s, guessing enrolment codes is slowed."""

from __future__ import annotations

import resource
import select
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.server.helpers import Bundles, call, enrol, put
from tests.support_postgres import postgres_available, postgres_cluster
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    publish_ruleset,
    running_server,
)

ATTACKERS = 1200


def _health_while(server: ServerProcess, stop: threading.Event, out: list[int]) -> None:
    while not stop.is_set():
        try:
            out.append(call("GET", f"{server.api}/health")[0])
        except OSError:  # a timeout or a refused connection: /health is down
            out.append(0)
        time.sleep(0.2)


def test_slow_clients_are_cut_off_and_health_stays_up(tmp_path: Path) -> None:
    """Item 4: main held half-sent requests for ever (slowloris)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < ATTACKERS + 200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, ATTACKERS + 500), hard))
    extra = ("--header-timeout", "2", "--body-timeout", "3")
    with running_server(str(tmp_path / "s.db"), extra=extra) as server:
        socks = []
        for _ in range(ATTACKERS):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.sendall(b"POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
        stop, statuses = threading.Event(), []
        poller = threading.Thread(target=_health_while, args=(server, stop, statuses))
        poller.start()
        open_ = set(socks)
        by_fd = {s.fileno(): s for s in socks}
        watch = select.poll()
        for fd in by_fd:
            watch.register(fd, select.POLLIN)
        deadline = time.monotonic() + 9  # the header timeout is 2 s
        try:
            while open_ and time.monotonic() < deadline:
                for s in list(open_):  # a header line every half second: never complete
                    try:
                        s.send(b"X-Slow: yes\r\n")
                    except OSError:
                        open_.discard(s)
                for fd, _ in watch.poll(500):
                    s = by_fd[fd]
                    try:
                        closed = not s.recv(4096)
                    except OSError:
                        closed = True
                    if closed:
                        open_.discard(s)
                        watch.unregister(fd)
        finally:
            stop.set()
            poller.join()
            for s in socks:
                s.close()
        assert len(open_) < ATTACKERS * 0.02, f"{len(open_)} slow connections still open"
        assert statuses and all(code == 200 for code in statuses), statuses
        # A body that stops half-way is answered 408 (main waited for ever).
        with socket.create_connection(("127.0.0.1", server.port), timeout=20) as s:
            s.sendall(
                b"POST /api/v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b'Content-Length: 1000\r\n\r\n{"code": '
            )
            answer = b""
            while chunk := s.recv(4096):  # the headers and the body may come apart
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 408"), answer
        assert b"too_slow" in answer
        assert call("GET", f"{server.api}/health")[0] == 200


def test_failed_enrolments_are_limited_per_address_and_logged(tmp_path: Path) -> None:
    """Item 10: main let anyone try 280 codes a second, and said nothing."""
    database = str(tmp_path / "s.db")
    with running_server(database) as server:
        for i in range(10):
            status, body = call(
                "POST", f"{server.api}/enrol", {"code": f"WRONG-{i:04d}", "device_name": "x"}
            )
            assert (status, body["error"]) == (403, "enrolment_refused")
        good = enrol_code(database, "Sam Patel")
        status, body = call("POST", f"{server.api}/enrol", {"code": good, "device_name": "x"})
        assert (status, body["error"]) == (429, "too_many_attempts"), body
        log = server.log()
    assert log.count("enrolment refused for 127.0.0.1") == 10
    assert "10 failed codes" in log


def test_postgres_outage_is_503_logged_once_and_recovers(bundles: Bundles) -> None:
    """Item 8: main answered 500 with a traceback per request while PostgreSQL was down."""
    if not postgres_available():
        pytest.skip("PostgreSQL 15 binaries are not installed")
    with postgres_cluster() as cluster:
        url = cluster.create_database()
        publish_ruleset(url, DEMO_RULESET, DEMO_KEY)
        with running_server(url) as server:
            token = enrol(server.api, enrol_code(url, "Sam Patel"))[1]
            assert put(server.api, token, bundles.fresh())[0] == 201
            cluster.stop("immediate")
            for _ in range(20):
                for status, body in (
                    put(server.api, token, bundles.fresh()),
                    call("POST", f"{server.api}/receipts", {"version_uuids": []}, token=token),
                    call("POST", f"{server.api}/enrol", {"code": "AAAA", "device_name": "x"}),
                ):
                    assert (status, body["error"]) == (503, "unavailable"), body
            cluster.start()
            assert put(server.api, token, bundles.fresh())[0] == 201
            log = server.log()
    assert "Traceback" not in log
    assert log.count("the database is unavailable") == 1, log
    assert log.count("the database is back after") == 1, log
