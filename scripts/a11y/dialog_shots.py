"""Screenshots of the app's dialogs in high contrast (and standard), as a person sees them
on a real X screen: run under Xvfb with a window manager, each picture taken of the whole
screen with ImageMagick's ``import -window root``.

    xvfb-run -a -s "-screen 0 1280x1024x24" sh -c \\
        'openbox & .venv/bin/python scripts/a11y/dialog_shots.py docs/accessibility'

Writes ``hc-<dialog>.png`` (and ``std-<dialog>.png`` with ``--standard``) to FOLDER.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-dialogs-")

from rasdesk.platform.demo_keyring import use_demo_keyring

use_demo_keyring()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from rasdesk.platform.paths import demo_dir  # noqa: E402
from rasdesk.storage.queries import list_cases  # noqa: E402
from rasdesk.ui import theme  # noqa: E402
from rasdesk.ui.app import application, make_window  # noqa: E402
from rasdesk.ui.errors import show_error  # noqa: E402
from rasdesk.ui.main_window import MainWindow  # noqa: E402
from rasdesk.ui.pages.result import ResultPage  # noqa: E402


def fill_answers(win: MainWindow, case_uuid: str) -> None:
    """Every answer of the demo's person example, so the case can reach its budget."""
    example = json.loads((demo_dir() / "answers" / "person-example.json").read_text("utf-8"))
    for qid, value in example["answers"].items():
        number = isinstance(value, int | float) and not isinstance(value, bool)
        win.session.store.set_answer(case_uuid, qid, Decimal(str(value)) if number else value)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/accessibility")
    out.mkdir(parents=True, exist_ok=True)
    prefix = "std" if "--standard" in sys.argv else "hc"
    app = application()
    theme.load_fonts()
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    win.resize(1100, 820)
    win.show()
    if prefix == "hc":
        win.act("contrast")

    def case(name: str) -> str:
        return next(c.case_uuid for c in list_cases(win.session.store) if c.person_name == name)

    def shoot(name: str, opener: Callable[[], object]) -> None:
        """Open a dialog with ``opener`` (which blocks until it closes), photograph the screen
        once it is up, then close it."""

        def take() -> None:
            for _ in range(5):
                app.processEvents()
            path = out / f"{prefix}-{name}.png"
            subprocess.run(["import", "-window", "root", str(path)], check=True)
            print(path, flush=True)
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                dialog.close()

        QTimer.singleShot(1500, take)
        opener()

    john = case("John Evans")
    fill_answers(win, john)
    win.open_case(john)
    win.go(("result", john))
    page = win.page
    assert isinstance(page, ResultPage)
    shoot("finalise-confirmation", page._confirm)
    shoot(
        "letter-saved",
        lambda: QMessageBox.information(win, win.tr("Letter saved"), "The letter is saved."),
    )
    win.set_modes(win.modes().toggled("handed"))
    shoot("pin-dialog", win.take_back)
    shoot("file-dialog", lambda: win.choose_print(john))
    shoot("error-dialog", lambda: show_error(win, OSError(2, "No such file", "/tmp/x.json")))
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
