"""Logging to a rotating file in the log folder. Logs carry ids and events, never a
person's name, answers or notes."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from rasdesk.platform import paths

_current: tuple[Path, logging.Handler] | None = None


def setup_logging(level: int = logging.INFO) -> None:
    """Send rasdesk's log to ``log/rasdesk.log`` (1 MB × 5 files). Idempotent; follows a
    change of ``RASDESK_HOME`` within one process (tests, the demo)."""
    global _current
    folder = paths.log_dir()
    if _current is not None and _current[0] == folder:
        return
    root = logging.getLogger("rasdesk")
    if _current is not None:
        root.removeHandler(_current[1])
        _current[1].close()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "rasdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only profile must not stop the work
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    _current = (folder, handler)
