"""A draft with every answer of the demo's person example, so it reaches its budget."""

from __future__ import annotations

import json
from decimal import Decimal

from rasdesk.platform.paths import demo_dir
from rasdesk.ui.main_window import MainWindow


def fill_answers(win: MainWindow, case_uuid: str) -> None:
    example = json.loads((demo_dir() / "answers" / "person-example.json").read_text("utf-8"))
    for qid, value in example["answers"].items():
        number = isinstance(value, int) and not isinstance(value, bool)
        win.session.store.set_answer(case_uuid, qid, Decimal(value) if number else value)
