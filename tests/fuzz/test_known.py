"""The defects issue 14 lists, replayed as fixed examples through the same fork runner and
contract as the generated ones (so the stage shows each of them on the commit it fixes,
and would show it again if it came back). Cases the contract alone cannot see (an exit code
that is in the set but wrong, a misleading message, a device replaced) say what they expect.

Items owned by the server's half of the issue that main does not fix yet are marked
``xfail(strict=True)`` with the item number: the day they are fixed, the mark must go.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from rasdesk.cli import main as rasdesk_main
from rasdesk.server.cli import main as server_main
from tests.fuzz.conftest import OPEN_SERVER_ITEMS, Profile, use_file_keyring
from tests.fuzz.forkrun import Outcome, check, fork_run, real_run


@dataclass(frozen=True)
class Known:
    item: int
    argv: Callable[[Profile], list[str | bytes]]
    code: int | None = None  # the exit code it must give, when the contract is not enough
    not_said: str | None = None  # words stderr must not say
    setup: Callable[[], None] | None = None  # run in the child, in a fresh profile
    server: bool = False
    real: bool = False  # run the installed script (non-UTF-8 arguments)
    marks: tuple[pytest.MarkDecorator, ...] = field(default=())


def i(prof: Profile, name: str) -> str:
    return str(prof.pools.folder / name)


def out(prof: Profile, name: str) -> str:
    return str(prof.pools.folder / "out" / name)


SIGNED = str(Path(__file__).resolve().parents[2] / "resources/demo/demo.ruleset.signed.json")
DOC = SIGNED.replace(".signed.json", ".json")
KEY = str(Path(SIGNED).parent / "DEMO-ONLY-signing-key.pem")


def _deep_settings() -> None:
    from rasdesk.platform import settings

    settings.user_file().parent.mkdir(parents=True, exist_ok=True)
    settings.user_file().write_bytes(b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def _zero_key() -> None:
    from rasdesk.platform import paths

    paths.user_keys_dir().mkdir(parents=True, exist_ok=True)
    (paths.user_keys_dir() / "zero.pem").symlink_to("/dev/zero")


def _server_xfail(item: int) -> tuple[pytest.MarkDecorator, ...]:
    return (pytest.mark.xfail(strict=True, reason=f"issue 14 item {item}: the server's half"),)


KNOWN: dict[str, Known] = {
    # 11: deep JSON and integers over 4,300 digits, wherever JSON is read
    "compute deep": Known(
        11, lambda p: ["compute", "--ruleset", SIGNED, "--answers", i(p, "deep.json")]
    ),
    "compute bigint": Known(
        11, lambda p: ["compute", "--ruleset", SIGNED, "--answers", i(p, "bigint.json")]
    ),
    "compute jsonl deep": Known(
        11, lambda p: ["compute", "--ruleset", SIGNED, "--answers", i(p, "deep.jsonl")], code=2
    ),
    "ruleset check deep": Known(11, lambda p: ["ruleset", "check", i(p, "deep.json")]),
    "ruleset check bigint": Known(11, lambda p: ["ruleset", "check", i(p, "bigint.json")]),
    "ruleset diff deep": Known(11, lambda p: ["ruleset", "diff", DOC, i(p, "deep.json")]),
    "ruleset export deep": Known(
        11, lambda p: ["ruleset", "export", i(p, "deep.json"), "-o", out(p, "x.xlsx")]
    ),
    "ruleset sign deep": Known(
        11,
        lambda p: [
            "ruleset",
            "sign",
            i(p, "deep.json"),
            "--key",
            KEY,
            "-o",
            out(p, "x.signed.json"),
        ],
    ),
    "ruleset verify deep payload": Known(
        11, lambda p: ["ruleset", "verify", i(p, "deep.signed.json")]
    ),
    "case new deep": Known(
        11, lambda p: ["case", "new", "--name", "X", "--answers", i(p, "deep.json")]
    ),
    "case amend deep": Known(
        11, lambda p: ["case", "amend", p.cases[1], "--reason", "r", "--answers", i(p, "deep.json")]
    ),
    "policy check deep": Known(11, lambda p: ["policy", "check", i(p, "policy-deep.json")]),
    "policy check bigint": Known(11, lambda p: ["policy", "check", i(p, "policy-bigint.json")]),
    "settings file deep": Known(11, lambda p: ["policy", "show"], setup=_deep_settings),
    # 13: tracebacks
    "calibrate 38-digit cost": Known(
        13, lambda p: ["ruleset", "calibrate", SIGNED, "--sample", i(p, "cost38.csv")]
    ),
    "case list huge limit": Known(
        13, lambda p: ["case", "list", "--limit", "99999999999999999999"]
    ),
    "enrol broken IPv6 address": Known(
        13, lambda p: ["enrol", "--server", "http://[::1", "--code", "x"]
    ),
    "sync timeout nan": Known(13, lambda p: ["sync", "--timeout", "nan"], code=2),
    "sync timeout -1": Known(13, lambda p: ["sync", "--timeout", "-1"], code=2),
    "sync timeout inf": Known(13, lambda p: ["sync", "--timeout", "inf"], code=2),
    "sync timeout 0": Known(13, lambda p: ["sync", "--timeout", "0"], code=2),
    # 14: resources
    "build one far cell": Known(
        14, lambda p: ["ruleset", "build", i(p, "far.xlsx"), "-o", out(p, "far.json")]
    ),
    "build 600,000 cells": Known(
        14, lambda p: ["ruleset", "build", i(p, "cells.xlsx"), "-o", out(p, "cells.json")], code=2
    ),
    "answer 1e999999999": Known(
        14, lambda p: ["case", "answer", p.cases[0], "night_help", "1e999999999"], code=2
    ),
    "compute /dev/zero": Known(
        14, lambda p: ["compute", "--ruleset", SIGNED, "--answers", "/dev/zero"], code=2
    ),
    "compute link to /dev/zero": Known(
        14, lambda p: ["compute", "--ruleset", SIGNED, "--answers", i(p, "zero-link.json")], code=2
    ),
    "compute named pipe": Known(
        14, lambda p: ["compute", "--ruleset", SIGNED, "--answers", i(p, "pipe.json")], code=2
    ),
    "compute 3 GiB file": Known(
        14,
        lambda p: ["compute", "--ruleset", SIGNED, "--answers", i(p, "huge-sparse.json")],
        code=2,
    ),
    "trusted key linked to /dev/zero": Known(
        14,
        lambda p: [
            "compute",
            "--ruleset",
            SIGNED,
            "--answers",
            DOC.replace("demo.ruleset.json", "answers/person-example.json"),
        ],
        code=0,
        setup=_zero_key,
    ),
    # 15: exit codes and messages
    "tampered payloadType": Known(
        15, lambda p: ["ruleset", "verify", i(p, "tampered-type.signed.json")], code=3
    ),
    "policy check /dev/zero": Known(
        15, lambda p: ["policy", "check", "/dev/zero"], code=2, not_said="no such policy file"
    ),
    "export --force onto a device": Known(
        15, lambda p: ["case", "export", p.cases[1], "-o", out(p, "device"), "--force"], code=2
    ),
    "keygen --force onto a pipe": Known(
        15,
        lambda p: ["keygen", "--private", out(p, "pipe"), "--public", out(p, "pub.pem"), "--force"],
        code=2,
    ),
    # the server's command (items 13 and 15 of the server's half)
    "server --database broken IPv6": Known(
        13, lambda p: ["devices", "--database", "postgresql://u@[::1/db"], server=True
    ),
    "server serve --port 99999": Known(
        13,
        lambda p: ["serve", "--database", i(p, "server.db"), "--port", "99999"],
        code=2,
        server=True,
    ),
    "server enrol-code non-UTF-8 assessor": Known(
        13,
        lambda p: ["enrol-code", "--database", i(p, "server.db"), "--assessor", b"Bad \xff name"],
        server=True,
        real=True,
    ),
    "server revoke non-UTF-8 id": Known(
        13,
        lambda p: ["revoke", "--database", i(p, "server.db"), b"\xff\xfe"],
        server=True,
        real=True,
    ),
    "server serve on a taken port": Known(
        15,
        lambda p: ["serve", "--database", i(p, "server.db"), "--port", str(p.server.port)],
        code=1,
        server=True,
    ),
}

#: The server's own cases, xfail while their item is open (conftest.OPEN_SERVER_ITEMS).
SERVER_OPEN = {n: k.item for n, k in KNOWN.items() if k.server and k.item in OPEN_SERVER_ITEMS}


def _params() -> list[object]:
    out = []
    for name, known in KNOWN.items():
        marks = _server_xfail(SERVER_OPEN[name]) if name in SERVER_OPEN else known.marks
        out.append(pytest.param(name, marks=marks, id=f"item{known.item}: {name}"))
    return out


def _run(prof: Profile, known: Known) -> Outcome:
    argv = known.argv(prof)
    env = dict(prof.env)
    if known.setup is not None:
        env["RASDESK_HOME"] = str(prof.pools.folder / f"home-{abs(hash(known))}")
        env["RASDESK_TEST_KEYRING"] = env["RASDESK_HOME"] + ".keyring.json"
    if known.real:
        return real_run(
            "rasdesk-server" if known.server else "rasdesk", argv, env, prof.pools.folder
        )
    assert all(isinstance(a, str) for a in argv)
    main = server_main if known.server else rasdesk_main

    def prepare() -> None:
        use_file_keyring()
        if known.setup is not None:
            known.setup()
            if known.argv(prof)[0] == "compute":  # the demo key must be trusted for compute
                rasdesk_main(
                    [
                        "trust",
                        "add",
                        SIGNED.replace("demo.ruleset.signed.json", "DEMO-public-key.pem"),
                    ]
                )

    return fork_run(main, [str(a) for a in argv], env, prof.pools.folder, prepare)


@pytest.mark.parametrize("name", _params())
def test_known(profile: Profile, name: str) -> None:
    known = KNOWN[name]
    device = profile.pools.folder / "out" / "device"
    done = _run(profile, known)
    check(done)
    if known.code is not None:
        assert done.code == known.code, done.report()
    if known.not_said is not None:
        assert known.not_said not in done.stderr, done.report()
    if device.exists() or device.is_symlink():
        assert stat.S_ISCHR(os.lstat(device).st_mode), "a command replaced a device node"
