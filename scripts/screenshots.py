"""Screenshots of the real app for docs/screenshots/: every page in standard, large print,
high contrast, easy read and Welsh, on a 1366×768 screen with a window manager, grabbed
from the screen itself (``import -window root``: the frame and all) on a demo profile.

    xvfb-run -a -s "-screen 0 1366x768x24" bash -c \
        'openbox & sleep 1; .venv/bin/python scripts/screenshots.py [FOLDER]'

Names: ``{look}-{nn}-{page}.png``; look is standard, large, contrast, easy or welsh. Only
those are replaced: other screenshots in the folder (``format2-*.png``, from
scripts/screenshots_v2.py) are kept. Each PNG is saved again losslessly optimised (Pillow)
so the folder stays small.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-shots-")

from rasdesk.platform.demo_keyring import use_demo_keyring

use_demo_keyring()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from rasdesk.storage.demo import DEMO_PIN  # noqa: E402
from rasdesk.storage.queries import list_cases  # noqa: E402
from rasdesk.ui import reviews, theme  # noqa: E402
from rasdesk.ui.app import application, make_window  # noqa: E402
from rasdesk.ui.main_window import MainWindow  # noqa: E402
from rasdesk.ui.modes import Modes  # noqa: E402
from rasdesk.ui.pages.lock import LockPage  # noqa: E402

LOOKS = {
    "standard": Modes(),
    "large": Modes(large=True),
    "contrast": Modes(contrast=True),
    "easy": Modes(easy=True),
    "welsh": Modes(language="cy"),
}


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def small(path: Path) -> None:
    """The grab saved again as small as it goes without losing a pixel: a palette where the
    screen has few colours (most pages), else optimised RGB."""
    from PIL import Image

    with Image.open(path) as grabbed:
        image = grabbed.convert("RGB")
    colours = image.getcolors(256)
    if colours is not None:  # at most 256 colours: a palette loses nothing
        image = image.quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    image.save(path, optimize=True)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for look in LOOKS:
        for old in out.glob(f"{look}-*.png"):
            old.unlink()
    application()
    theme.load_fonts()
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    win.show()
    settle(1.5)

    def snap(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        small(path)
        print(path)

    def dialog_shot(name: str, opener: Callable[[], object]) -> None:
        """A dialog (which ``opener`` opens and which blocks until closed), once it is up."""

        def take() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(200, take)
                return
            snap(name)
            dialog.close()

        QTimer.singleShot(600, take)
        opener()

    def case(name: str) -> str:
        return next(c.case_uuid for c in list_cases(win.session.store) if c.person_name == name)

    assert isinstance(win.page, LockPage)
    import json

    from rasdesk.platform.paths import demo_dir
    from rasdesk.storage.store import Person

    full = win.session.start_case(Person("Dewi Jones", "1950-01-02"), "person", None)
    example = json.loads((demo_dir() / "answers" / "person-example.json").read_text("utf-8"))
    for question, value in example["answers"].items():
        win.session.store.set_answer(full, question, value)
    gareth = case("Gareth Hughes")  # sent: a review of it carries last time's answers over
    review = None
    for look, modes in LOOKS.items():
        win.session.app_modes = modes
        win.go(win.route)
        if look == "standard":
            snap(f"{look}-00-start-pin")
            win.page.pin.setText(DEMO_PIN)  # type: ignore[union-attr]
            win.page.try_unlock()  # type: ignore[union-attr]
        win.go(("cases",))
        snap(f"{look}-01-case-list")
        win.go(("sending",))
        snap(f"{look}-01a-sending")
        win.go(("new", "person", None))
        snap(f"{look}-02-new-case")
        mary, john, alys = case("Mary Lewis"), case("John Evans"), case("Alys Pritchard")
        if review is None:
            review = reviews.start_review(win.session, gareth)
        for who in (mary, john, alys, full, review):
            win.session.set_modes(who, modes)
        win.open_case(mary)
        snap(f"{look}-03-question")
        win.go(("question", john, "home_tasks", False))
        snap(f"{look}-04-question-multiple")
        win.go(("question", john, "night_help", False))
        snap(f"{look}-05-question-number")
        win.go(("check", full))
        snap(f"{look}-06-check-answers")
        win.go(("question", review, "washing", False))
        snap(f"{look}-06a-review-question-from-last-time")
        win.go(("changes", review))
        snap(f"{look}-06b-review-since-last-time")
        win.go(("result", full))
        snap(f"{look}-07-budget-draft")
        dialog_shot(f"{look}-07a-finalise-confirmation", win.page.finalise_button.click)  # type: ignore[union-attr]
        win.go(("result", alys))
        snap(f"{look}-08-budget-final")
        win.go(("check", alys))
        snap(f"{look}-08a-answers-finalised")
        dialog_shot(f"{look}-08b-print-dialog", partial(win.choose_print, alys))
        dialog_shot(f"{look}-08c-amend-dialog", win.page.amend_button.click)  # type: ignore[union-attr]
        win.go(("plan", alys))
        snap(f"{look}-08d-support-plan")
        win.go(("question", john, "washing", False))
        win.act("handed")
        snap(f"{look}-09-handed-to-the-person")
        dialog_shot(f"{look}-09a-take-back-pin", partial(win.act, "handed"))
        win.handed_case = None
        win.session.set_modes(john, modes)
        win.go(("question", john, "washing", False))
        win.mode_bar.open_looks()
        snap(f"{look}-10-looks-panel")
        win.mode_bar.panel.hide()
        win.go(("first_run",))
        snap(f"{look}-10a-first-run-set-up")
        win.go(("cases",))
        win.lock()
        snap(f"{look}-11-locked")
        win.page.pin.setText(DEMO_PIN)  # type: ignore[union-attr]
        win.page.try_unlock()  # type: ignore[union-attr]
    win.session.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
