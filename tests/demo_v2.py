"""The format-2 demo's sample answers (resources/demo/answers-v2/), read once for the
tests that need a person's or a carer's answers without writing them out again."""

from __future__ import annotations

import json
from typing import Any

from rasdesk.platform.paths import demo_dir


def demo_v2_answers(name: str) -> dict[str, Any]:
    """The ``answers`` of ``answers-v2/{name}.json`` (a new dict each time)."""
    doc = json.loads((demo_dir() / "answers-v2" / f"{name}.json").read_text("utf-8"))
    answers: dict[str, Any] = doc["answers"]
    return answers
