"""The real-window walk (scripts/stage-real-window.sh): the app on a real X screen (Xvfb)
with a window manager (openbox) and a real password store (gnome-keyring on a session
bus), driven by xdotool's real key presses through a whole person's assessment, then
through the format-2 pages (tests/realwindow/format2.py).

At every step it asserts from the real window: the window lies inside the screen (the
window manager's frame too); the question, every answer and Continue lie inside the
screen and inside the page's view (no scrolling needed); and nothing is clipped: every
visible label and button is given at least the size it needs; and no page scrolls on into
blank space after its end. It finalises the case
through the confirmation dialog with the real mouse, and grabs the screen at each page.

    python -m tests.realwindow.driver --look standard|large --shots DIR
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget

from rasdesk.platform import paths, pin, rulesets, settings, trust
from rasdesk.storage.profile import open_user_store
from rasdesk.ui import theme
from rasdesk.ui.accessible import ANNOUNCER
from rasdesk.ui.app import application, start_window
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from rasdesk.ui.widgets.answers import ChoiceAnswer, NumberAnswer

PIN = "2468"
problems: list[str] = []
#: Widgets that needed scrolling where a caller allows it (format 2's record fields below
#: the answers, its large-print answers); counted and printed, not hidden.
scrolled: list[str] = []


def wait(seconds: float, until: object = None) -> bool:
    """Let the app run (events, painting) up to ``seconds``, or until ``until()``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        if callable(until) and until():
            return True
        time.sleep(0.005)
    return not callable(until)


def xdo(*args: str) -> str:
    out = subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True)
    return out.stdout


def keys(*names: str) -> None:
    xdo("key", "--clearmodifiers", *names)
    wait(0.15)


def type_text(text: str) -> None:
    xdo("type", "--delay", "20", text)
    wait(0.15)


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def screen_rect() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.geometry()


def window_frame(win: MainWindow) -> QRect:
    """The window with the window manager's frame, as X says it is."""
    out = subprocess.run(
        ["xwininfo", "-id", str(int(win.winId())), "-frame"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    values = dict(
        line.strip().split(":", 1) for line in out.splitlines() if ":" in line and "  " in line
    )
    x, y = int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"])
    return QRect(x, y, int(values["Width"]), int(values["Height"]))


def clipped(widget: QWidget) -> str | None:
    """Why ``widget`` is not shown whole (its needed size is more than its shown size)."""
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                return f"needs {needed} px of height, shown in {widget.height()}"
        else:
            width = widget.sizeHint().width()
            if width > widget.width() + 2:
                return f"needs {width} px of width, shown in {widget.width()}"
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 2 or hint.height() > widget.height() + 2:
            return f"needs {hint.width()}×{hint.height()}, shown {widget.width()}×{widget.height()}"
    return None


def blank_after_the_end(win: MainWindow) -> int:
    """How far the page scrolls on past its last control (0: it ends with it)."""
    assert win.page is not None
    scroll = win.page.scroll
    bar = scroll.verticalScrollBar()
    if bar.maximum() == 0:
        return 0
    kept = bar.value()
    bar.setValue(bar.maximum())
    wait(0.05)
    inner = scroll.widget()
    bottoms = [
        w.mapTo(inner, QPoint(0, w.height())).y()
        for w in inner.findChildren(QWidget)
        if w.isVisible() and w.parentWidget() is not None and w.width() > 0
    ]
    seen = bar.value() + scroll.viewport().height()
    bar.setValue(kept)
    wait(0.05)
    margin = inner.layout().contentsMargins().bottom() if inner.layout() else 0
    return max(0, seen - max(bottoms, default=0) - margin)


def check_page(
    win: MainWindow, where: str, must_see: list[QWidget], scroll_ok: bool = False
) -> None:
    """The window inside the screen; ``must_see`` inside the screen and the page's view
    (no scrolling needed, unless ``scroll_ok``: then counted in ``scrolled``); no visible
    label or button clipped, none beyond the window's right edge; and the page does not
    scroll on into blank space after its end."""
    screen = screen_rect()
    frame = window_frame(win)
    if not screen.contains(frame):
        problems.append(f"{where}: the window {frame} is not inside the screen {screen}")
    assert win.page is not None
    view = global_rect(win.page.scroll.viewport())
    client = global_rect(win)
    for widget in must_see:
        box = global_rect(widget)
        name = widget.accessibleName() or type(widget).__name__
        in_page = win.page.scroll.widget().isAncestorOf(widget)
        if not screen.contains(box) and not (scroll_ok and in_page):
            problems.append(f"{where}: {name!r} {box} is off the screen {screen}")
        elif in_page and not view.contains(box):
            (scrolled if scroll_ok else problems).append(f"{where}: {name!r} needs scrolling")
    blank = blank_after_the_end(win)
    if blank > 24:
        problems.append(f"{where}: the page scrolls on {blank} px into blank space")
    found = shown_badly(win, where, client)
    if found:  # a label whose words just changed is laid out on the next events: look again
        wait(0.5)
        found = shown_badly(win, where, client)
    problems.extend(found)


def shown_badly(win: MainWindow, where: str, client: QRect) -> list[str]:
    """Every visible label or button of the window that is clipped or runs off its right."""
    found = []
    for widget in win.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not win:
            continue
        if widget.objectName() == ANNOUNCER and widget.maximumHeight() == 0:
            continue  # on question pages the announcer is for screen readers only, by design
        why = clipped(widget)
        text = getattr(widget, "text", lambda: "")()
        if why:
            found.append(f"{where}: {text[:50]!r} is clipped: {why}")
        box = global_rect(widget)
        if isinstance(widget, QLabel | QAbstractButton) and box.right() > client.right() + 1:
            found.append(f"{where}: {text[:50]!r} runs off the window's right edge")
    return found


def shot(folder: Path | None, name: str) -> None:
    if folder is not None:
        wait(0.2)
        subprocess.run(["import", "-window", "root", str(folder / f"{name}.png")], check=True)


def tab_to(win: MainWindow, name: str, limit: int = 60) -> None:
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is not None and focused.accessibleName() == name:
            return
        keys("Tab")
    raise AssertionError(f"Tab never reached {name!r}")


def prepare_profile() -> None:
    """A real profile: the council's key trusted, its ruleset installed, the assessor's
    name and PIN, the case store made, its key in the real password store."""
    demo = paths.demo_dir()
    trust.add_key(demo / "DEMO-public-key.pem")
    rulesets.install(demo / "demo.ruleset.signed.json")
    settings.set_user("assessor_name", "Real Window")
    pin.set_pin(PIN)
    open_user_store().close()  # as first-run set-up leaves it: the app then starts on the PIN
    import keyring

    backend = keyring.get_keyring()
    print(f"password store: {type(backend).__module__}.{type(backend).__name__}", flush=True)
    assert "SecretService" in type(backend).__module__ + type(backend).__name__, backend


def walk(look: str, shots: Path | None) -> dict[str, object]:
    prepare_profile()
    app = application()
    theme.load_fonts()
    win, opening = start_window(demo=False)  # as `rasdesk` starts: the PIN page first
    assert isinstance(win, MainWindow) and opening is not None
    assert not win.session.is_open, "the store was opened before the first paint"
    win.show()
    wait(3, lambda: win.isVisible() and window_frame(win).width() > 0)
    wait(1)
    xdo("windowactivate", "--sync", str(int(win.winId())))
    wait(0.3)
    check_page(win, "start (locked)", [])
    type_text(PIN)
    keys("Return")
    assert win.route[0] == "cases", f"the PIN did not open the cases: {win.route}"
    assert win.session.is_open and opening.code == 0
    if look == "large":
        keys("alt+s")  # Looks
        wait(0.3)
        keys("Return")  # Large print: the first look, which has the focus
        assert win.modes().large, "large print did not turn on"
    check_page(win, "case list", [])
    shot(shots, f"{look}-cases")
    tab_to(win, "New assessment")
    keys("Return")
    assert win.route[0] == "new", win.route
    type_text("Real Person")
    check_page(win, "new case", [])
    keys("Return")
    wait(1, lambda: isinstance(win.page, QuestionPage))
    if look == "large" and not win.modes().large:  # the case's own looks: large print too
        keys("alt+s")
        wait(0.3)
        keys("Return")
        assert win.modes().large, "large print did not turn on in the case"
    steps = 0
    while isinstance(win.page, QuestionPage):
        page = win.page
        qid = page.step.question.id
        must = [page.heading, page.next]
        if isinstance(page.answer, ChoiceAnswer):
            must += page.answer.buttons[:5]
        elif isinstance(page.answer, NumberAnswer):
            must.append(page.answer.edit)
        check_page(win, f"question {qid}", must)
        if steps < 2 or qid == "home_tasks":
            shot(shots, f"{look}-question-{qid}")
        if isinstance(page.answer, ChoiceAnswer):
            pick = min(2, len(page.answer.buttons))
            keys(str(pick))
            chosen = page.answer.buttons[pick - 1]
            box = global_rect(chosen)
            if not global_rect(page.scroll.viewport()).contains(box):
                problems.append(f"question {qid}: the answer chosen by key {pick} is not in view")
        elif isinstance(page.answer, NumberAnswer):
            type_text("2")
        else:
            type_text("fine")
        keys("Return")
        wait(2, lambda p=page: win.page is not p)
        steps += 1
        assert steps < 80, "the questions never ended"
    assert isinstance(win.page, CheckAnswersPage), f"after the questions: {win.route}"
    check_page(win, "check answers", [win.page.findChild(QLabel, "h1")])  # opens at the top
    shot(shots, f"{look}-check")
    tab_to(win, "Continue to the budget")  # the page opens at its heading
    keys("Return")
    wait(2, lambda: isinstance(win.page, ResultPage))
    assert isinstance(win.page, ResultPage), win.route
    check_page(win, "budget", [win.page.weekly])
    shot(shots, f"{look}-budget")
    case = win.case_uuid()
    assert case is not None
    # Finalise with the real mouse: the button, then the dialog's own Finalise.
    button = win.page.finalise_button
    win.page.scroll.ensureWidgetVisible(button)
    wait(0.3)
    centre = global_rect(button).center()
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:  # runs inside the dialog's own event loop
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        poll.stop()
        wait(0.5)
        shot(shots, f"{look}-finalise-dialog")
        seen["default"] = next(
            (b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()), None
        )
        yes = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == "Finalise")
        if not screen_rect().contains(global_rect(yes)):
            problems.append("the confirmation's Finalise button is off the screen")
        centre = global_rect(yes).center()
        xdo("mousemove", "--sync", str(centre.x()), str(centre.y()), "click", "1")

    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(in_the_dialog)
    poll.start()
    xdo("mousemove", "--sync", str(centre.x()), str(centre.y()), "click", "1")
    wait(5, lambda: "default" in seen)
    if seen.get("default") == "Finalise":
        problems.append("the confirmation's default is Finalise, not the safe choice")
    wait(15, lambda: win.session.version(case)["state"] == "finalised")
    state = win.session.version(case)["state"]
    assessor = win.session.version(case)["assessor"]
    wait(2, lambda: isinstance(win.page, ResultPage) and win.page.final)
    shot(shots, f"{look}-budget-final")
    from tests.realwindow.format2 import walk_format2

    format2_pages = walk_format2(
        win, look, check_page, keys, tab_to, wait, lambda name: shot(shots, name)
    )
    win.close()
    app.processEvents()
    return {
        "questions": steps,
        "state": state,
        "assessor": assessor,
        "format2_pages": format2_pages,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--look", choices=("standard", "large"), default="standard")
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    import faulthandler

    faulthandler.dump_traceback_later(150, exit=True)  # a hang says where, and ends the run
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    report = walk(args.look, args.shots)
    screen = screen_rect()
    report.update(
        look=args.look,
        screen=f"{screen.width()}x{screen.height()}",
        problems=problems,
        answers_needing_scrolling=scrolled,
    )
    print(json.dumps(report, indent=1))
    ok = not problems and report["state"] == "finalised" and report["assessor"] == "Real Window"
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
