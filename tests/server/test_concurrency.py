"""Two server processes on one database (as behind a load balancer) receiving the same
version, or rival amendments of one case, at the same moment."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from rasdesk.domain.bundle import seal
from rasdesk.domain.jsonio import loads_strict
from tests.server.helpers import Bundles, enrol, put
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    export_rows,
    publish_ruleset,
    running_server,
)

ROUNDS = 25


@pytest.fixture
def two_servers(database: str) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with ExitStack() as stack:
        a = stack.enter_context(running_server(database))
        b = stack.enter_context(running_server(database))
        yield a, b


def at_once(*calls: tuple[Any, ...]) -> list[tuple[int, Any]]:
    """``put(*args)`` for each args, in threads released together by a barrier."""
    barrier = threading.Barrier(len(calls))
    results: list[tuple[int, Any]] = [(0, None)] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        results[i] = put(*calls[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_the_same_version_at_once_gives_one_row_and_one_receipt(
    two_servers: tuple[ServerProcess, ServerProcess], bundles: Bundles
) -> None:
    a, b = two_servers
    token_a = enrol(a.api, enrol_code(a.database, "Sam Patel"))[1]
    token_b = enrol(b.api, enrol_code(a.database, "Sam Patel"), "second laptop")[1]
    sent = []
    for _ in range(ROUNDS):
        data = bundles.fresh()
        sent.append(loads_strict(data)["version_uuid"])
        answers = at_once((a.api, token_a, data), (b.api, token_b, data), (b.api, token_a, data))
        assert [status for status, _ in answers] == [201, 201, 201], answers
        assert answers[0][1] == answers[1][1] == answers[2][1]
    # (The servers' logs show how often two copies really met: "arrived twice at once".)
    rows = export_rows(a.database)
    assert sorted(r["version_uuid"] for r in rows) == sorted(sent)


def test_rival_amendments_at_once_one_wins(
    two_servers: tuple[ServerProcess, ServerProcess], bundles: Bundles
) -> None:
    a, b = two_servers
    token = enrol(a.api, enrol_code(a.database, "Sam Patel"))[1]
    for _ in range(ROUNDS // 2):
        first = bundles.fresh()
        assert put(a.api, token, first)[0] == 201
        head = loads_strict(first)["version_uuid"]
        rivals = [
            seal(
                dict(
                    loads_strict(first),
                    version_uuid=str(uuid.uuid4()),
                    supersedes=head,
                    amendment_reason=f"rival {n}",
                )
            )[0]
            for n in range(2)
        ]
        answers = at_once((a.api, token, rivals[0]), (b.api, token, rivals[1]))
        assert sorted(status for status, _ in answers) == [201, 409], answers
        loser = next(body for status, body in answers if status == 409)
        winner = next(body for status, body in answers if status == 201)
        assert loser["error"] == "supersedes_conflict"
        assert loser["head_version"] == winner["version_uuid"]
    rows = export_rows(a.database)
    assert len(rows) == 2 * (ROUNDS // 2)
