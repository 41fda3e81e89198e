"""The ``rasdesk`` command: parse arguments, run one subcommand, turn errors into words.

Exit codes: 0 ok, 2 bad input or usage, 3 signature or trust failure, 1 anything else.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from rasdesk import __version__
from rasdesk.commands import app_cmds
from rasdesk.domain.errors import InputError, RasdeskError
from rasdesk.platform import paths
from rasdesk.platform.logs import setup_logging

#: The command modules, in the order ``rasdesk --help`` lists them. Each is imported only
#: when the full parser is built: opening the app (``rasdesk``, ``rasdesk demo``) needs none
#: of them, and importing them all (storage, printing, sync) would slow its start.
COMMAND_MODULES = (
    "keys",
    "ruleset",
    "compute",
    "case",
    "print_letter",
    "policy_cmds",
    "app_cmds",
    "sync_cmds",
)


def opens_the_app(argv: Sequence[str]) -> bool:
    """``rasdesk`` with no arguments, or ``rasdesk demo …``: the app, and nothing else."""
    return not argv or argv[0] == "demo"


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: only the app's own when ``argv`` opens the app."""
    parser = argparse.ArgumentParser(
        prog="rasdesk",
        description="Offline personal-budget assessments from a council's signed RAS ruleset.",
        epilog="Set RASDESK_HOME to keep every file rasdesk writes under one folder.",
    )
    parser.add_argument("--version", action="version", version=f"rasdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.set_defaults(func=app_cmds.open_app)  # no command: open the app
    if argv is not None and opens_the_app(argv):
        app_cmds.register(sub)
        return parser
    for name in COMMAND_MODULES:
        importlib.import_module(f"rasdesk.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    if (
        args.func is not app_cmds.open_app
    ):  # the app sets up its own log (the demo's in its profile)
        setup_logging()
    try:
        _text_only(args)
        code: int = args.func(args)
        return code
    except RasdeskError as exc:
        print(f"rasdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rasdesk: stopped", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(f"rasdesk: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        return unexpected(exc)


def _text_only(args: argparse.Namespace) -> None:
    """Refuse an argument that is not text: bytes that are not UTF-8 reach Python as lone
    surrogates, which no file, database or terminal can hold. (A path is bytes to the
    system, but rasdesk writes its paths in messages and files too.)"""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    shown = item.encode("utf-8", "backslashreplace").decode()
                    raise InputError(
                        f"the {name.replace('_', ' ')} '{shown}' is not UTF-8 text; type it again "
                        "(or rename the file) with ordinary characters"
                    ) from None


#: The words every unforeseen error starts with; the fuzz stage treats them as a defect.
UNEXPECTED = "something went wrong that rasdesk did not expect"


def unexpected(exc: Exception) -> int:
    """A calm message for an error nothing foresaw (a damaged store's, or a bug's); the
    traceback goes to the log file, never to the person."""
    store_error = _store_error(exc)
    if store_error is not None:
        print(f"rasdesk: {store_error}", file=sys.stderr)
        return store_error.exit_code
    logging.getLogger("rasdesk.cli").exception("unexpected error")
    print(
        f"rasdesk: {UNEXPECTED} ({type(exc).__name__}: {str(exc)[:200]}). Nothing more was "
        f"changed. The details are in the log ({paths.log_dir() / 'rasdesk.log'}): please send "
        "it to your IT team.",
        file=sys.stderr,
    )
    return 1


def _store_error(exc: Exception) -> RasdeskError | None:
    """The words for a case-store error that escaped its command (a damaged page read)."""
    sqlcipher = sys.modules.get("sqlcipher3")  # loaded only by commands that open the store
    if sqlcipher is None or not isinstance(exc, sqlcipher.dbapi2.DatabaseError):
        return None
    from rasdesk.storage.faults import explain
    from rasdesk.storage.profile import store_path

    return explain(exc, store_path())


if __name__ == "__main__":
    sys.exit(main())
