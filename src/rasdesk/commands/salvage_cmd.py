"""``rasdesk case salvage``: when the case store is damaged, keep everything that can still
be read in a new store that takes its place (the damaged file is kept beside it)."""

from __future__ import annotations

import argparse
from typing import Any


def salvage_cmd(args: argparse.Namespace) -> int:
    from rasdesk.platform import secrets
    from rasdesk.storage.profile import store_path
    from rasdesk.storage.salvage import salvage

    path = store_path()
    if not path.exists():
        print(f"There is no case store at {path}: nothing to salvage.")
        return 0
    done = salvage(path, secrets.database_key(create=False))
    lost = sum(done.lost.values())
    print(f"Salvaged {path}: every row that could still be read is in the case store again.")
    for table, count in done.copied.items():
        extra = f", {done.lost[table]} could not be read" if done.lost.get(table) else ""
        print(f"  {table}: {count} kept{extra}")
    print(f"The damaged file is kept, unchanged, as {done.damaged_copy}.")
    if lost:
        print(
            f"{lost} row(s) could not be read: check the cases with 'rasdesk case list', and "
            "ask your IT team whether a backup holds them."
        )
    return 0


def register(cs: Any) -> None:
    """Add ``salvage`` to the ``rasdesk case`` subcommands."""
    s = cs.add_parser(
        "salvage",
        help="the case store is damaged: keep all that can be read in a new store",
    )
    s.set_defaults(func=salvage_cmd)
