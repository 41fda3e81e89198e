"""A fixed clock for the sample scripts (print-samples.py, print-samples-v2.py): every
storage module's ``now`` answers the same moment, so the samples' dates and their PNGs do
not change from one run to the next. Each storage module imports ``now`` by name (cases are
made in case_rows, answers kept in answers_notes, finalised in lifecycle), so each is set."""

from __future__ import annotations

import importlib
import pkgutil


def fix_store_clock(at: str) -> None:
    import rasdesk.storage as storage

    for info in pkgutil.iter_modules(storage.__path__):
        module = importlib.import_module(f"rasdesk.storage.{info.name}")
        if callable(getattr(module, "now", None)):
            module.now = lambda: at  # type: ignore[attr-defined]
