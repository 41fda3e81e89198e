"""The child process of test_kill.py: the real app on a real (file-keyring) profile,
answering questions by keyboard for ever, printing each answer once the app has it.
The test kills it with SIGKILL at a random moment."""

from __future__ import annotations

import random
import sys
import time

from PySide6.QtWidgets import QApplication

from rasdesk.platform import paths, pin, rulesets, trust
from rasdesk.ui import theme
from rasdesk.ui.app import application, make_window
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.widgets.answers import ChoiceAnswer, NumberAnswer
from tests.ui.conftest import unlock_at_start
from tests.ui.drive import digit, enter, named, tab_to, type_text


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def main() -> None:
    seed = int(sys.argv[1])
    rng = random.Random(seed)
    demo = paths.demo_dir()
    trust.add_key(demo / "DEMO-public-key.pem")
    rulesets.install(demo / "demo.ruleset.signed.json")
    pin.set_pin("2468")
    app = application()
    theme.load_fonts()
    win = make_window(demo=False)
    assert isinstance(win, MainWindow)
    win.show()
    win.activateWindow()
    settle(app)
    unlock_at_start(win, "2468")
    people = 0
    while True:
        if not isinstance(win.page, QuestionPage):
            win.go(("cases",))
            settle(app)
            tab_to(named("New assessment"))
            enter()
            people += 1
            type_text(f"Person {people}")
            enter()
            settle(app)
            print(f"case {win.case_uuid()}", flush=True)
        page = win.page
        assert isinstance(page, QuestionPage)
        qid = page.step.question.id
        if isinstance(page.answer, ChoiceAnswer):
            n = rng.randint(1, len(page.answer.buttons))
            digit(n)
            value = page.answer.value()
        elif isinstance(page.answer, NumberAnswer):
            page.answer.edit.selectAll()
            number = rng.randint(0, 7)
            type_text(str(number))
            value = number
        else:
            continue
        print(f"saved {win.case_uuid()} {qid} {value!r}", flush=True)
        time.sleep(rng.random() * 0.01)
        enter()
        settle(app)


if __name__ == "__main__":
    main()
