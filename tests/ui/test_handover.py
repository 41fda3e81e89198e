"""Defect 2: "Hand to the person" cannot be escaped without the PIN. The walk presses every
control (the mode bar's too, each look in its panel) and key (the bar's Alt keys, digits,
Enter, Escape, Ctrl+R, Ctrl+P…) on every page reachable while handed over, from a format-1
person's draft, a carer's draft linked to another person, a format-2 draft with views,
evidence and who answered, and a review carrying last time's answers. It proves the person
never reaches another case, the budget page, the Sending page, the review or ruleset-move
pages, a finalise or print action, the print, folder, file or Amend dialogs or any window
but Take back (nor do those open when asked for directly), and that nothing on screen or
announced names another case's person or reference. Every page the window can build but
these two is refused while handed over; a wrong PIN in Take back says so."""

from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QWidget,
)

from rasdesk.platform import rulesets
from rasdesk.platform.paths import resources_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.storage.demo import DEMO_PIN
from rasdesk.storage.queries import list_cases
from rasdesk.storage.store import Person
from rasdesk.ui import accessible, decision_nav, main_window, page_builder, work
from rasdesk.ui.answer_record import Recorded
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers_v2 import CheckAnswersV2Page
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.question_v2 import QuestionV2Page
from rasdesk.ui.pin_dialog import TakeBackDialog
from rasdesk.ui.widgets.mode_bar import LOOKS
from tests.ui.conftest import case_named
from tests.ui.drive import visible_text

ALLOWED = ("question", "check", "lock")
SIGNED_A = resources_dir() / "examples" / "a-points-table" / "points-table.ruleset.signed.json"


def close_dialogs_soon(opened: list[str]) -> QTimer:
    """Every modal dialog that opens is noted and closed (Take back: Cancel)."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        opened.append(type(dialog).__name__)
        dialog.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(close)
    timer.start()
    return timer


@pytest.fixture
def no_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    tried: list[str] = []
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(
            QFileDialog, name, lambda *a, _n=name, **k: tried.append(_n) or ("", "")
        )
    for name in ("exec", "open", "show"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, _n=name, **k: tried.append(_n) or 0)
    from rasdesk.ui.amend import AmendDialog
    from rasdesk.ui.folder_dialog import FolderDialog
    from rasdesk.ui.print_dialog import PrintDialog

    for dialog in (PrintDialog, FolderDialog, AmendDialog):  # the app's own: none may open
        for name in ("exec", "open"):
            monkeypatch.setattr(
                dialog, name, lambda *a, _d=dialog, **k: tried.append(_d.__name__) or 0
            )
    yield tried


def controls(win: MainWindow, bar: bool) -> dict[tuple[str, object], QWidget]:
    """Every control a person could press now: buttons, links and the like, each under a
    key that stays the same while the page is rebuilt (its kind and place among the shown
    ones of that kind), so a control that greys out others leaves the rest their keys. The
    mode bar's (the same on every page) only when ``bar``, each look in the Looks panel too,
    as pressing Looks shows them."""
    found: dict[tuple[str, object], QWidget] = {}
    counts: Counter[str] = Counter()
    bar_names = {id(b): n for n, b in win.mode_bar.buttons.items()}
    for widget in win.findChildren(QWidget):
        key: tuple[str, object]
        if win.mode_bar.isAncestorOf(widget):
            name = bar_names.get(id(widget))
            if not bar or name is None:
                continue
            if not (widget.isVisible() or (name in LOOKS and not widget.isHidden())):
                continue
            key = ("bar", name)
        else:
            pressable = isinstance(widget, QAbstractButton) or (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(widget, QLineEdit)
                and widget.objectName() == "link"
            )
            if not widget.isVisible() or not pressable:
                continue
            kind = type(widget).__name__
            key = (kind, counts[kind])
            counts[kind] += 1
        if widget.isEnabled():
            found[key] = widget
    return found


def press(widget: QWidget) -> None:
    if isinstance(widget, QAbstractButton):
        widget.click()
    else:
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Return)


NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
#: Keys a person might press on any page, where the focus is (the page's first control):
#: answers' digits, Enter, Ctrl+Enter (Continue from the notes), Ctrl+R (read aloud),
#: Escape, Backspace, Ctrl+P and Ctrl+S (print, save).
PAGE_KEYS = [
    (Qt.Key.Key_1, NO),
    (Qt.Key.Key_2, NO),
    (Qt.Key.Key_9, NO),
    (Qt.Key.Key_Escape, NO),
    (Qt.Key.Key_Backspace, NO),
    (Qt.Key.Key_R, CTRL),
    (Qt.Key.Key_P, CTRL),
    (Qt.Key.Key_S, CTRL),
    (Qt.Key.Key_Return, CTRL),
    (Qt.Key.Key_Return, NO),
]
#: Every Alt key the mode bar has ever had (pressed where it is shown: first and last page).
BAR_KEYS = [(Qt.Key(ord(letter)), ALT) for letter in "ACEHKLOST"]
Key = tuple[Qt.Key, Qt.KeyboardModifier]


def press_key(qtbot, win: MainWindow, key: Key) -> None:  # type: ignore[no-untyped-def]
    """In through the window, as the window system delivers keys (so Alt shortcuts work);
    a shortcut clicks its button after a moment (``animateClick``): wait for it."""
    QTest.keyClick(win.windowHandle(), key[0], key[1])
    qtbot.wait(150 if key[1] == ALT else 1)


def shown_words(win: MainWindow) -> str:
    """All a person could see or hear: the window's words, each choice of a drop-down, and
    what was announced."""
    combos = [
        box.itemText(i)
        for box in win.findChildren(QComboBox)
        if box.isVisible()
        for i in range(box.count())
    ]
    return "\n".join([visible_text(win), *combos, *accessible.said])


def other_windows(win: MainWindow) -> list[QWidget]:
    """Windows open beside the main one (the Looks panel is part of the bar)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not win and w is not win.mode_bar.panel
    ]


def secrets_beside(win: MainWindow, case: str) -> list[str]:
    """The names and references of every other person with a case on this laptop (a
    review's earlier case is the same person's: not another)."""
    row = win.session.store.case_row(case)
    mine = {row["person_name"], row.get("council_ref")}
    others = [c for c in list_cases(win.session.store) if c.case_uuid != case]
    words = [c.person_name for c in others] + [c.council_ref for c in others if c.council_ref]
    return [w for w in words if w not in mine]


def page_kind(win: MainWindow) -> tuple[str, str]:
    """The page's class and, on a question, the question's type (the keys it answers to)."""
    step = getattr(win.page, "step", None)
    return type(win.page).__name__, step.question.type if step is not None else ""


def walk_handed(qtbot, win: MainWindow, case: str, no_file_dialogs: list[str]) -> set[tuple]:  # type: ignore[no-untyped-def,type-arg]
    """Hand ``case`` (open on one of its questions) to the person and press everything.
    Returns the routes walked."""
    secrets = secrets_beside(win, case)
    assert secrets
    assert win.route[0] == "question" and win.route[1] == case
    win.act("handed")
    assert win.modes().handed and win.handed_case == case
    accessible.said.clear()
    opened: list[str] = []
    timer = close_dialogs_soon(opened)
    seen: set[tuple] = set()  # type: ignore[type-arg]
    todo = [win.route]
    pressed = 0
    keyed: set[tuple[str, str]] = set()
    while todo:
        route = todo.pop()
        if route in seen:
            continue
        seen.add(route)
        bar = len(seen) == 1 or route[0] == "check"  # the bar: on the first page and the last
        done: set[tuple[str, object]] = set()
        win.go(route)
        kind = page_kind(win)  # keys: once on each kind of page (they do the same on each)
        typed = [] if kind in keyed else PAGE_KEYS + (BAR_KEYS if bar else [])
        keyed.add(kind)
        while True:
            win.go(route)
            here: dict[tuple[str, object], QWidget | Key] = {**controls(win, bar)}
            here.update({("key", key): key for key in typed})
            left = [key for key in here if key not in done]
            if not left:
                break
            done.add(left[0])
            widget = here[left[0]]
            if isinstance(widget, QWidget):
                press(widget)
                qtbot.wait(1)
            else:
                press_key(qtbot, win, widget)
            pressed += 1
            assert not other_windows(win), f"{widget!r} opened {other_windows(win)}"
            if win.route[0] == "lock":
                assert win.page is not None and not any(s in shown_words(win) for s in secrets)
                win.locked_route, locked = None, win.locked_route
                win.route = locked or route  # back to the person's page without the PIN
                continue
            assert win.route[0] in ALLOWED, f"{widget!r} led to {win.route}"
            assert win.case_uuid() == case and win.modes().handed
            shown = shown_words(win)
            leaked = [s for s in secrets if s in shown]
            assert not leaked, f"{leaked} on screen after pressing {widget!r}"
            if win.route not in seen:
                todo.append(win.route)
    win.mode_bar.panel.hide()
    timer.stop()
    assert no_file_dialogs == []
    assert set(opened) <= {"TakeBackDialog"}, opened
    kinds = {r[0] for r in seen}
    assert kinds == {"question", "check"}, sorted(seen)  # the walk reached the check page too
    assert pressed > 30
    print(f"walked {len(seen)} pages, {pressed} presses")  # the figures, with -s
    assert win.session.is_draft(case)  # nothing finalised
    return seen


def test_handed_over_no_way_out_but_the_pin(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, no_file_dialogs, tmp_path
) -> None:
    win = window
    case = case_named(win, "John Evans")
    win.open_case(case)
    first = win.page
    assert isinstance(first, QuestionPage)
    win.go(("question", case, first.step.question.id, False))
    seen = walk_handed(qtbot, win, case, no_file_dialogs)
    assert len(seen) > 10
    # Even asked directly (a stray shortcut, a queued click): no print dialog, no folder
    # or file dialog, no amendment while the person holds the laptop.
    from rasdesk.ui import letter_print
    from rasdesk.ui.amend import amend_case
    from rasdesk.ui.letter_options import LetterChoice

    assert win.handed_case == case
    opened: list[str] = []
    timer = close_dialogs_soon(opened)
    alys = case_named(win, "Alys Pritchard")  # finalised: amendable, printable
    before = win.session.version(alys)["version_uuid"]
    for case_id in (case, alys):
        win.choose_print(case_id)
        decision_nav.choose_print(win, case_id)  # the decision letter's save dialog
        amend_case(win, case_id)
        win.finalise(case_id)
        letter_print.carry_out(
            win,
            case_id,
            LetterChoice("standard", "en", True, "save", "pdf", tmp_path, "letter.pdf"),
            lambda _v: opened.append("letter made"),
        )
        qtbot.wait(100)
    qtbot.waitUntil(lambda: not work._running, timeout=30_000)  # anything started, done
    timer.stop()
    assert no_file_dialogs == [] and opened == []
    assert not other_windows(win)
    assert win.session.version(alys)["version_uuid"] == before  # nothing amended
    assert win.session.is_draft(case) and win.route[0] == "question"  # nothing finalised
    assert not list(tmp_path.iterdir())  # no letter saved
    assert not win.session.case(alys)["notes_on_letter"]  # no consent recorded


def test_a_carers_draft_handed_over_never_shows_the_person_cared_for(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, no_file_dialogs
) -> None:
    win = window
    case = case_named(win, "Rhys Pritchard")  # linked to Alys Pritchard's case
    assert win.session.store.case_row(case)["linked_case_uuid"] == case_named(win, "Alys Pritchard")
    win.open_case(case)
    assert isinstance(win.page, QuestionPage)
    seen = walk_handed(qtbot, win, case, no_file_dialogs)
    assert len(seen) > 5


def test_a_format2_draft_handed_over_keeps_to_its_questions(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, no_file_dialogs
) -> None:
    """Example a: several views, not applicable, who answered, evidence. With the person:
    their own view's words, and none of the assessor's record (on the check page too)."""
    win = window
    rulesets.install(SIGNED_A)
    verified = load_signed_any(SIGNED_A)
    case, _ = win.session.store.new_case(
        Person("Ceri Owen", "1950-01-01", "WX-200001"),
        "person",
        verified.ruleset,
        verified.signed_bytes,
    )
    win.open_case(case)
    page = win.page
    assert isinstance(page, QuestionV2Page)
    qid = page.step.question.id
    option = page.step.question.options[0].id
    record = Recorded(option, {"person": option, "assessor": option}, "carer", None, "Dr Hughes")
    win.session.store.set_answer(case, qid, record.stored())
    win.go(("question", case, qid, False))
    assert "Dr Hughes" in visible_text(win)  # the assessor sees the record
    walk_handed(qtbot, win, case, no_file_dialogs)
    for route in (("question", case, qid, False), ("check", case)):
        win.go(route)
        assert isinstance(win.page, QuestionV2Page | CheckAnswersV2Page)
        words = visible_text(win)
        assert "Dr Hughes" not in words and "A carer" not in words, route  # the assessor's


def test_a_review_handed_over_keeps_to_its_questions(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path, no_file_dialogs
) -> None:
    """A review: last time's answers to check, and the check page's "what changed since
    last time"; never the "what changed" page, which leads to the budget."""
    from rasdesk.ui import reviews
    from tests.reviews import helpers as h

    win = window
    _ruleset, signed = h.signed(h.next_year(h.rate_only))
    path = tmp_path / "next-year.ruleset.signed.json"
    path.write_bytes(signed)
    rulesets.install(path)
    case = reviews.start_review(win.session, case_named(win, "Gareth Hughes"))
    win.open_case(case)
    assert win.route[0] == "question" and "From last time" in visible_text(win)
    seen = walk_handed(qtbot, win, case, no_file_dialogs)
    assert len(seen) > 10


def test_every_other_page_is_refused_while_handed_over(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Each page the window can build (read from its builder, so a new page is in this
    test the day it is added) is refused with the laptop handed over, for the handed case
    and for another one; only the handed case's questions and check page are not."""
    win = window
    case = case_named(win, "John Evans")
    other = case_named(win, "Mary Lewis")
    finalised = case_named(win, "Alys Pritchard")
    source = inspect.getsource(page_builder) + inspect.getsource(MainWindow.go)
    kinds = set(re.findall(r'kind == "(\w+)"', source)) | set(decision_nav.ROUTES)
    kinds |= set(re.findall(r'\("(\w+)"', main_window.__doc__ or ""))  # the routes it lists
    kinds |= {"cases", "sending", "first_run", "new", "result", "changes", "move"}
    win.open_case(case)
    assert isinstance(win.page, QuestionPage)
    qid = win.page.step.question.id
    win.act("handed")
    here = win.route
    for kind in sorted(kinds - {"question", "check", "lock", "closed"}):
        for route in ((kind,), (kind, case), (kind, finalised), (kind, "person", None)):
            win.go(route)
            assert win.route == here, f"{route} was shown while handed over"
    for route in (("question", other, qid, False), ("check", other), ("check", finalised)):
        win.go(route)
        assert win.route == here, f"{route} was shown while handed over"
    win.go(("check", case))
    assert win.route == ("check", case)


def test_back_on_the_first_question_stays_with_the_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "Mary Lewis")  # just started: on the first question
    win.open_case(case)
    win.act("handed")
    page = win.page
    assert isinstance(page, QuestionPage) and page.step.number == 1
    assert not page.back.isVisible()
    page._back()  # even if reached some other way
    assert win.route[0] == "question" and win.case_uuid() == case


def test_a_finalised_case_cannot_be_handed_over(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "Alys Pritchard")
    win.open_case(case)
    assert win.route[0] == "result"
    assert not win.mode_bar.buttons["handed"].isVisible()
    win.act("handed")
    assert not win.modes().handed and win.handed_case is None


def test_a_wrong_pin_in_take_back_says_so_and_the_right_one_takes_it_back(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "John Evans")
    win.open_case(case)
    win.act("handed")
    said: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TakeBackDialog)
        dialog.entry.pin.setText("9999")
        dialog.ok.click()
        said.append(dialog.entry.message.text() if dialog.isVisible() else "closed")
        dialog.entry.pin.setText(DEMO_PIN)
        dialog.ok.click()

    QTimer.singleShot(50, answer)
    win.act("handed")
    assert said and "not right" in said[0]
    assert not win.modes().handed and win.handed_case is None
    assert win.mode_bar.buttons["cases"].isVisible()
