"""Opening the desktop app from the command line: ``rasdesk`` (no command) on the user's
profile, ``rasdesk demo`` on a throwaway profile with fictional cases. Qt is imported only
here, only when the app is wanted, so every other command starts without it."""

from __future__ import annotations

import argparse
from typing import Any


def open_app(args: argparse.Namespace) -> int:
    try:
        from rasdesk.ui.app import run
    except ImportError as exc:  # the core can be installed without the app extra
        print(
            f"rasdesk: the desktop app needs PySide6, which is not installed ({exc}); "
            "install rasdesk with its app extra: pip install 'rasdesk[app]'"
        )
        return 1
    return run(demo=getattr(args, "demo", False), self_test=getattr(args, "self_test", False))


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="open the app on a throwaway profile with the DEMO ruleset and fictional cases",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, check the case list, pictures, fonts and Welsh; print JSON",
    )
    p.set_defaults(func=open_app, demo=True)
