"""Logging to a rotating file in the log folder. Logs carry ids and events, never a
person's name, answers or notes."""

from __future__ import annotations

import logging
import logging.handlers

from rasdesk.platform import paths

_configured = False


def setup_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "rasdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only profile must not stop the work
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("rasdesk")
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
