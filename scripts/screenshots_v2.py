"""Screenshots of format-2 cases in the real app for docs/screenshots/ (``format2-*.png``,
beside the others, which this leaves alone): a question with a number and its unit, a
question with the views, who answered and the evidence, *does not apply*, the check page,
the budget pages (periods, costed items, parts with their funders, the council's contact)
and the case list's figures; three views with the carer's own wording; easy read; at
1366×768 with a window manager, grabbed from the screen itself.

    xvfb-run -a -s "-screen 0 1366x768x24" bash -c \
        'openbox & sleep 1; .venv/bin/python scripts/screenshots_v2.py [FOLDER]'
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-shots-v2-")

from rasdesk.platform.demo_keyring import use_demo_keyring

use_demo_keyring()

from PySide6.QtWidgets import QApplication  # noqa: E402

from rasdesk.platform.paths import demo_dir, resources_dir  # noqa: E402
from rasdesk.platform.rulesets import load_signed_any  # noqa: E402
from rasdesk.storage import lifecycle  # noqa: E402
from rasdesk.storage.demo import DEMO_PIN  # noqa: E402
from rasdesk.storage.store import Person  # noqa: E402
from rasdesk.ui import theme  # noqa: E402
from rasdesk.ui.app import application, make_window  # noqa: E402
from rasdesk.ui.main_window import MainWindow  # noqa: E402
from rasdesk.ui.modes import Modes  # noqa: E402

EXAMPLES = resources_dir() / "examples"


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    application()
    theme.load_fonts()
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    win.show()
    settle(1.5)
    win.page.pin.setText(DEMO_PIN)  # type: ignore[union-attr]
    win.page.try_unlock()  # type: ignore[union-attr]
    store = win.session.store

    def snap(name: str, scroll_to: float | None = None) -> None:
        settle()
        if scroll_to is not None and win.page is not None:
            bar = win.page.scroll.verticalScrollBar()
            bar.setValue(int(bar.maximum() * scroll_to))
            settle(0.2)
        path = out / f"format2-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(path)

    def case(signed: Path, name: str, answers: dict[str, object], final: bool = False) -> str:
        verified = load_signed_any(signed)
        uuid, _ = store.new_case(Person(name), "person", verified.ruleset, verified.signed_bytes)
        win.session.set_modes(uuid, Modes())
        for qid, value in answers.items():
            store.set_answer(uuid, qid, value)
        if final:
            lifecycle.finalise(store, uuid)
        return uuid

    demo = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())["answers"]
    person = case(demo_dir() / "demo-v2.ruleset.signed.json", "Ffion Morgan", demo)
    signed_a = EXAMPLES / "a-points-table" / "points-table.ruleset.signed.json"
    first_a = json.loads(
        (EXAMPLES / "a-points-table" / "expected.jsonl").read_text().split("\n")[0]
    )
    example_a = case(signed_a, "Gwen Rowlands", first_a["answers"])
    washing = first_a["answers"]["washing"] | {"answered_by": "person_helped"}
    store.set_answer(example_a, "washing", washing)
    signed_d = EXAMPLES / "d-person-and-carer" / "person-and-carer.ruleset.signed.json"
    second_d = json.loads(
        (EXAMPLES / "d-person-and-carer" / "expected.jsonl").read_text().split("\n")[1]
    )
    example_d = case(signed_d, "Owain Price", second_d["answers"], final=True)
    case(demo_dir() / "demo-v2.ruleset.signed.json", "Rhys Price", demo, final=True)
    verified = load_signed_any(demo_dir() / "demo-v2.ruleset.signed.json")
    carer, _ = store.new_case(
        Person("Dewi Morgan"), "carer", verified.ruleset, verified.signed_bytes
    )
    for qid, value in {
        "caring_hours": 40,
        "health": "lots",
        "sleep": "lots",
        "time_for_yourself": "severe",
        "work_learning": "some",
        "relationships": "none",
    }.items():
        store.set_answer(carer, qid, value)
    lifecycle.finalise(store, carer)
    win.session.set_modes(carer, Modes())

    win.go(("question", person, "night_help", False))
    snap("01-question-number")
    win.go(("question", example_a, "washing", False))
    snap("02-question-views")
    win.go(("question", example_a, "washing", False))
    snap("03-question-views-evidence", scroll_to=1.0)
    win.go(("question", example_a, "special_diet", False))
    snap("04-question-not-applicable")
    win.go(("check", example_a))
    snap("05-check-answers", scroll_to=0.0)
    win.go(("result", person))
    snap("06-budget-week")
    win.go(("result", person))
    settle()
    win.page.scroll.ensureWidgetVisible(win.page.finalise_button, 50, 50)  # type: ignore[union-attr]
    snap("07-budget-explanation-end")
    win.go(("result", carer))
    snap("08-budget-one-off")
    win.go(("result", example_d))
    snap("09-budget-year-funders")
    win.go(("cases",))
    win.page.tabs.setCurrentIndex(1)  # type: ignore[union-attr]  # waiting to send
    snap("10-case-list")
    win.session.set_modes(person, Modes(language="cy"))
    win.go(("result", person))
    snap("11-budget-welsh")
    d_draft = case(signed_d, "Owain Price", {})
    store.set_answer(
        d_draft,
        "personal_care",
        {"agreed": "some", "views": {"person": "none", "assessor": "some", "carer": "all"}},
    )
    win.go(("question", d_draft, "personal_care", False))
    snap("12-question-three-views", scroll_to=1.0)
    win.session.set_modes(example_a, Modes(easy=True))
    win.go(("question", example_a, "activities", False))
    snap("13-question-easy-read-none-of-these")
    win.session.set_modes(example_a, Modes())
    win.go(("result", person))
    settle()
    win.page.scroll.ensureWidgetVisible(win.page.contact, 50, 200)  # type: ignore[union-attr]
    snap("14-budget-contact")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
