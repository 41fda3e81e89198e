"""The format-2 demo's sample answers (resources/demo/answers-v2/) and the worked
examples' answers (resources/examples/*/expected.jsonl), read for the tests that need a
person's or a carer's answers without writing them out again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasdesk.platform.paths import demo_dir


def demo_v2_answers(name: str) -> dict[str, Any]:
    """The ``answers`` of ``answers-v2/{name}.json`` (a new dict each time)."""
    doc = json.loads((demo_dir() / "answers-v2" / f"{name}.json").read_text("utf-8"))
    answers: dict[str, Any] = doc["answers"]
    return answers


EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def worked_example_answers(example: str, line: int) -> dict[str, Any]:
    """The ``answers`` of line ``line`` (counted from 1) of the worked example's
    ``expected.jsonl``: the answers its README works out by hand."""
    lines = (EXAMPLES / example / "expected.jsonl").read_text("utf-8").splitlines()
    answers: dict[str, Any] = json.loads(lines[line - 1])["answers"]
    return answers
