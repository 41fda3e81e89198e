"""How the app looks for the person at the table: large print, easy read, high contrast,
language, and "hand to the person". Remembered per case, in the user's config folder
(``ui-modes.json``, keyed by case id: it holds no personal data).

A new case starts from the person's recorded communication needs (Accessible Information
Standard): large print → large print, easy read → easy read, Welsh → Welsh.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from rasdesk.domain.errors import InputError
from rasdesk.platform import paths
from rasdesk.platform.files import MAX_SMALL_BYTES, read_json, write_atomic


@dataclass(frozen=True, slots=True)
class Modes:
    large: bool = False
    easy: bool = False
    contrast: bool = False
    language: str = "en"
    handed: bool = False  # handed to the person: assessor-only help and notes hidden

    def toggled(self, name: str) -> Modes:
        return replace(self, **{name: not getattr(self, name)})

    def with_language(self, language: str) -> Modes:
        return replace(self, language=language)


def modes_for_needs(format_needs: list[str], language: str) -> Modes:
    return Modes(
        large="large_print" in format_needs,
        easy="easy_read" in format_needs,
        language="cy" if language == "cy" or "welsh" in format_needs else "en",
    )


def _file() -> Any:
    return paths.config_dir() / "ui-modes.json"


def _read() -> dict[str, dict[str, Any]]:
    if not _file().exists():
        return {}
    try:  # bounded like every file rasdesk reads (a deep or huge file must not crash the app)
        data = read_json(_file(), "settings file", MAX_SMALL_BYTES)
    except InputError:
        return {}  # a damaged file only loses remembered looks, never data
    return data if isinstance(data, dict) else {}


def remembered(case_uuid: str) -> Modes | None:
    saved = _read().get(case_uuid)
    if not isinstance(saved, dict):
        return None
    fields = {k: saved[k] for k in ("large", "easy", "contrast", "language") if k in saved}
    try:
        modes = Modes(**fields)
    except TypeError:
        return None
    return modes if modes.language in ("en", "cy") else None


def remember(case_uuid: str, modes: Modes) -> None:
    data = _read()
    saved = asdict(modes)
    saved.pop("handed")  # handing over is for this sitting only
    data[case_uuid] = saved
    write_atomic(_file(), (json.dumps(data, indent=1) + "\n").encode())
