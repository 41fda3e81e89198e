"""Screenshots of the real app for docs/screenshots/, taken on a demo profile.

    xvfb-run -a .venv/bin/python scripts/screenshots.py [FOLDER]     (a real X window)
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py  (no X server)

Each picture is the whole window (QWidget.grab) after the page has settled.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-shots-")

from rasdesk.platform.demo_keyring import use_demo_keyring

use_demo_keyring()

from rasdesk.storage.queries import list_cases  # noqa: E402
from rasdesk.ui import theme  # noqa: E402
from rasdesk.ui.app import application, make_window  # noqa: E402
from rasdesk.ui.main_window import MainWindow  # noqa: E402
from rasdesk.ui.modes import Modes  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    theme.load_fonts()
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    win.resize(1100, 820)
    win.show()

    def snap(name: str) -> None:
        for _ in range(10):
            app.processEvents()
        path = out / f"{name}.png"
        win.grab().save(str(path))
        print(path)

    def case(name: str) -> str:
        return next(c.case_uuid for c in list_cases(win.session.store) if c.person_name == name)

    def looks(case_uuid: str, modes: Modes) -> None:
        win.session.set_modes(case_uuid, modes)
        win.go(win.route)

    snap("01-case-list")
    mary = case("Mary Lewis")
    win.open_case(mary)
    looks(mary, Modes())
    snap("02-question-standard")
    looks(mary, Modes(large=True))
    snap("03-question-large-print")
    looks(mary, Modes(easy=True))
    snap("04-question-easy-read")
    looks(mary, Modes(easy=True, language="cy"))
    snap("05-question-welsh-easy-read")
    looks(mary, Modes(contrast=True))
    snap("06-question-high-contrast")
    looks(mary, Modes())
    john = case("John Evans")
    win.go(("check", john))
    looks(john, Modes())
    snap("07-check-answers")
    alys = case("Alys Pritchard")
    win.go(("result", alys))
    looks(alys, Modes())
    snap("08-result")
    looks(alys, Modes(language="cy"))
    snap("09-result-welsh")
    win.lock()
    snap("10-locked")
    win.session.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
