"""Defect 12: the PIN is asked for at start; after 5 wrong PINs in a row each try waits
longer (the wait from the administrator's policy), after 10 the case store is closed; each
lockout is logged without personal data, and the screen says it kindly."""

from __future__ import annotations

import json
import logging

import pytest
import sqlcipher3

from rasdesk.platform import paths
from rasdesk.platform.pin_attempts import PinAttempts
from rasdesk.storage.demo import DEMO_PIN
from rasdesk.storage.queries import list_cases
from rasdesk.ui.app import make_window
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.case_list import CaseListPage
from rasdesk.ui.pages.closed import ClosedPage
from rasdesk.ui.pages.lock import LockPage
from tests.ui.drive import visible_text


def started(qtbot, wait: int | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    if wait is not None:
        policy = paths.site_config_dir() / "policy.json"
        policy.parent.mkdir(parents=True, exist_ok=True)
        policy.write_text(json.dumps({"pin_lockout_seconds": wait}))
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    win.show()
    return win


def wrong(win: MainWindow, times: int) -> None:
    for _ in range(times):
        assert isinstance(win.page, LockPage)
        win.page.pin.setText("0000")
        win.page.try_unlock()


def test_the_app_opens_locked_and_the_pin_opens_the_cases(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = started(qtbot)
    assert isinstance(win.page, LockPage) and not win.mode_bar.isVisible()
    names = [c.person_name for c in list_cases(win.session.store)]
    assert not any(n in visible_text(win) for n in names)
    win.act("cases")  # the bar is hidden; even so, nothing opens without the PIN
    assert isinstance(win.page, LockPage) or win.route[0] == "lock"
    win.page.pin.setText(DEMO_PIN)  # type: ignore[union-attr]
    win.page.try_unlock()  # type: ignore[union-attr]
    assert isinstance(win.page, CaseListPage)
    win.close()


def test_five_wrong_pins_then_waits_from_the_policy_that_grow(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    win = started(qtbot, wait=7)
    now = [1000.0]
    win.attempts.clock = lambda: now[0]
    caplog.set_level(logging.WARNING, "rasdesk.pin")
    wrong(win, 4)
    assert "not right" in win.page.error.text()  # type: ignore[union-attr]
    assert win.attempts.seconds_to_wait() == 0
    wrong(win, 1)  # the 5th: now a wait
    assert win.attempts.seconds_to_wait() == 7
    page = win.page
    assert isinstance(page, LockPage)
    assert not page.pin.isEnabled() and "please wait" in page.error.text()
    # A try during the wait is not taken, even the right PIN.
    assert not win.attempts.check(DEMO_PIN).ok
    now[0] += 7
    page.entry._tick()
    assert page.pin.isEnabled()
    wrong(win, 1)  # the 6th: twice as long
    assert win.attempts.seconds_to_wait() == 14
    assert len([r for r in caplog.records if "PIN lockout" in r.getMessage()]) == 2
    for record in caplog.records:  # no PIN, no names in the log
        text = record.getMessage()
        assert "0000" not in text and DEMO_PIN not in text and "Evans" not in text
    now[0] += 14
    page.entry._tick()
    page.pin.setText(DEMO_PIN)
    page.try_unlock()
    assert isinstance(win.page, CaseListPage)
    assert win.attempts.wrong == 0 and PinAttempts(7).wrong == 0
    win.close()


def test_ten_wrong_pins_close_the_store_and_a_restart_still_waits(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    win = started(qtbot, wait=1)
    now = [0.0]
    win.attempts.clock = lambda: now[0]
    for _ in range(10):
        now[0] += 10_000
        if isinstance(win.page, LockPage):
            win.page.entry._tick()
            wrong(win, 1)
    assert isinstance(win.page, ClosedPage)
    assert "start it again" in visible_text(win) and not win.mode_bar.isVisible()
    with pytest.raises(sqlcipher3.ProgrammingError):  # the store is closed
        list_cases(win.session.store)
    assert any("case store is closed" in r.getMessage() for r in caplog.records)
    win.close()
    # Starting again does not give ten free tries: the count is kept, and the wait too.
    again = PinAttempts(1, clock=lambda: 0.0)
    assert again.wrong == 10 and again.seconds_to_wait() > 0


@pytest.mark.parametrize("value", [0, 3601, "30", True])
def test_the_policy_wait_is_checked(value: object) -> None:
    from rasdesk.domain.errors import InputError
    from rasdesk.platform import settings

    policy = paths.site_config_dir() / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"pin_lockout_seconds": value}))
    with pytest.raises(InputError) as err:
        settings.load()
    assert "pin_lockout_seconds" in str(err.value)


def test_only_the_policy_sets_the_wait() -> None:
    from rasdesk.domain.errors import InputError
    from rasdesk.platform import settings

    with pytest.raises(InputError):
        settings.set_user("pin_lockout_seconds", 1)


def test_take_back_counts_the_same_tries_waits_and_ten_close_the_store(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    """The person holding the laptop cannot try PINs in "Take back" without limit: the same
    count as the lock, the same waits after five, and the tenth closes the case store."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from rasdesk.ui.pin_dialog import TakeBackDialog
    from tests.ui.conftest import case_named, unlock_at_start

    win = started(qtbot, wait=30)
    unlock_at_start(win, DEMO_PIN)
    case = case_named(win, "John Evans")
    win.open_case(case)
    win.act("handed")
    assert win.handed_case == case
    now = [1000.0]
    win.attempts.clock = lambda: now[0]
    said: list[tuple[bool, str]] = []

    def try_wrong_pins() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TakeBackDialog)
        for _ in range(10):
            dialog.entry._tick()  # a wait over (the clock moved): the box takes a PIN again
            dialog.entry.pin.setText("0000")
            dialog.ok.click()
            if dialog.store_closed:
                return
            said.append((dialog.entry.pin.isEnabled(), dialog.entry.message.text()))
            now[0] += 10_000

    QTimer.singleShot(50, try_wrong_pins)
    win.act("handed")
    assert len(said) == 9
    assert all(enabled and "not right" in words for enabled, words in said[:4])
    enabled, words = said[4]  # the fifth: a wait, said kindly
    assert not enabled and "please wait" in words and "Nothing is lost" in words
    assert isinstance(win.page, ClosedPage) and win.handed_case == case
    assert "start it again" in visible_text(win) and not win.mode_bar.isVisible()
    assert "John Evans" not in visible_text(win)
    with pytest.raises(sqlcipher3.ProgrammingError):  # the store is closed
        list_cases(win.session.store)
    assert len([r for r in caplog.records if "PIN lockout" in r.getMessage()]) >= 5
    assert all("0000" not in r.getMessage() for r in caplog.records)
    win.close()
