"""UI tests: the real app, offscreen, on a demo profile in this test's RASDESK_HOME."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")  # tests/domain runs without Qt; this folder needs it

from rasdesk.ui.app import make_window
from rasdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from rasdesk.ui import theme

    theme.load_fonts()
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    unlock_at_start(win)
    yield win
    win.close()
    win.session.store.close()


def case_named(win: MainWindow, name: str) -> str:
    from rasdesk.storage.queries import list_cases

    return next(c.case_uuid for c in list_cases(win.session.store) if c.person_name == name)


def unlock_at_start(win: MainWindow, pin: str = "1234") -> None:
    """The app opens locked (the PIN at start): type the PIN (the demo's: 1234) as the
    assessor would."""
    from rasdesk.ui.pages.lock import LockPage

    assert isinstance(win.page, LockPage), "the app did not ask for the PIN at start"
    win.page.pin.setText(pin)
    win.page.try_unlock()
