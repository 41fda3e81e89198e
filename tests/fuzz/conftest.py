"""The fuzz stage's shared set-up: the hostile inputs, a prepared profile (trusted demo key,
installed ruleset, a draft and a finalised case, enrolled with a real server) and that
server, a ``rasdesk-server serve`` subprocess on 127.0.0.1. Run by scripts/stage-fuzz.sh
(``RASDESK_FUZZ=1``); the ordinary test run leaves this folder out."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rasdesk.cli import main as rasdesk_main
from tests.fuzz import hostile
from tests.fuzz.forkrun import Outcome, fork_run
from tests.server.helpers_v2 import SIGNED
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    publish_ruleset,
    running_server,
)

#: The format-2 example whose answers have every kind of record (views, not applicable,
#: who answered, a linked case's answers): the endpoint fuzzer's format-2 bundle.
V2_EXAMPLE = SIGNED["b"]


def use_file_keyring() -> None:
    import keyring

    from tests.file_keyring import FileKeyring

    keyring.set_keyring(FileKeyring())


@dataclass
class Profile:
    home: Path
    env: dict[str, str]
    cases: list[str]  # a draft, then a finalised one
    pools: hostile.Pools
    server: ServerProcess

    def run(self, *argv: str) -> Outcome:
        return fork_run(rasdesk_main, argv, self.env, self.pools.folder, use_file_keyring)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    db = str(tmp_path_factory.mktemp("fuzz-server") / "server.db")
    # Both formats published, so that bundles of either are recomputed under fuzzing.
    for signed in (DEMO_RULESET, hostile.DEMO / "demo-v2.ruleset.signed.json", V2_EXAMPLE):
        publish_ruleset(db, signed, DEMO_KEY)
    with running_server(db) as srv:
        yield srv


@pytest.fixture(scope="session")
def profile(tmp_path_factory: pytest.TempPathFactory, server: ServerProcess) -> Profile:
    folder = tmp_path_factory.mktemp("fuzz")
    pools = hostile.make(folder / "inputs")
    home = folder / "home"
    env = {
        "RASDESK_HOME": str(home),
        "RASDESK_TEST_KEYRING": str(folder / "keyring.json"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    prof = Profile(home, env, [], pools, server)
    demo = hostile.DEMO
    steps = [
        ("trust", "add", str(demo / "DEMO-public-key.pem")),
        ("ruleset", "install", str(demo / "demo.ruleset.signed.json")),
        ("enrol", "--server", server.url, "--code", enrol_code(server.database, "Fuzz Tester")),
    ]
    for argv in steps:
        done = prof.run(*argv)
        assert done.code == 0, done.report()
    answers = str(demo / "answers" / "person-example.json")
    for extra in ((), ("--finalise",)):
        done = prof.run("case", "new", "--name", "Fuzz Person", "--answers", answers, *extra)
        assert done.code == 0, done.report()
        prof.cases.append(done.stdout.decode().strip())
    assert all(re.fullmatch(r"[0-9a-f-]{36}", c) for c in prof.cases), prof.cases
    return prof


#: Items of issue 14's server half that main does not fix yet. Their triggers are left out
#: of the generated runs and replayed as strict xfails; when one is fixed, take it out here.
OPEN_SERVER_ITEMS: set[int] = set()


def examples(default: int) -> int:
    """Examples per generated test: FUZZ_EXAMPLES scales the whole stage."""
    return int(os.environ.get("FUZZ_EXAMPLES", default))
