"""Starting the app as ``rasdesk`` and ``rasdesk demo`` do (issue 20, a fast start): the
first window is the PIN page, shown before the password store, the case store, the
rulesets or any other page are imported; the store opens just after the first paint (or at
once, when the PIN comes first); the PIN then opens an interactive case list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rasdesk.platform import paths, rulesets, trust
from rasdesk.storage.demo import DEMO_PIN, make_demo_profile
from rasdesk.storage.profile import open_user_store
from rasdesk.ui.app import start_window
from rasdesk.ui.pages.case_list import CaseListPage
from rasdesk.ui.pages.first_run import FirstRunPage
from rasdesk.ui.pages.lock import LockPage

#: Nothing of these may be imported before the first window is shown.
HEAVY = (
    "keyring",
    "sqlcipher3",
    "sqlite_utils",
    "cryptography",
    "reportlab",
    "openpyxl",
    "starlette",
    "httpx",
    "truststore",
    "PIL",
    "pypdfium2",
    "typst",
    "espeakng_loader",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
    "PySide6.QtTextToSpeech",
    "PySide6.QtMultimedia",
    "rasdesk.storage.store",
    "rasdesk.storage.connection",
    "rasdesk.platform.rulesets",
    "rasdesk.printing",
    "rasdesk.sync",
    "rasdesk.server",
    "rasdesk.commands.case",
    "rasdesk.ui.pages.case_list",
    "rasdesk.ui.pages.question",
)

#: The real start, up to the moment the event loop would begin: the window is shown. The
#: modules loaded then are printed, and the app ends there (no loop, no store opened).
SHOWN = """
import json, sys
from PySide6.QtWidgets import QApplication

def shown(*_args):
    windows = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(json.dumps({"windows": windows, "modules": sorted(sys.modules)}))
    return 0

QApplication.exec = shown
import rasdesk.cli
sys.exit(rasdesk.cli.main(sys.argv[1:]))
"""


def modules_when_shown(*argv: str, **extra_env: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra_env}
    done = subprocess.run(
        [sys.executable, "-c", SHOWN, *argv], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def heavy_in(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize("argv", [(), ("demo",)], ids=["rasdesk", "rasdesk demo"])
def test_the_first_window_is_shown_before_the_heavy_modules_are_imported(
    argv: tuple[str, ...],
) -> None:
    if not argv:  # the real path opens on the PIN page once the profile is set up
        make_demo_profile().close()
    found = modules_when_shown(*argv)
    assert found["windows"] == ["MainWindow"]
    assert "rasdesk.ui.pages.lock" in found["modules"]  # the PIN page was built
    assert heavy_in(found["modules"]) == []


def test_a_profile_not_set_up_opens_on_first_run_with_its_store_open(tmp_path: Path) -> None:
    found = modules_when_shown(  # nothing in this RASDESK_HOME yet; a password store
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        PYTHON_KEYRING_BACKEND="tests.file_keyring.FileKeyring",
        RASDESK_TEST_KEYRING=str(tmp_path / "keyring.json"),
    )
    assert found["windows"] == ["MainWindow"]
    assert "rasdesk.ui.pages.first_run" in found["modules"]
    assert "rasdesk.storage.store" in found["modules"]  # first run needs the store at once


def unlock(window: Any, pin: str = DEMO_PIN) -> None:
    assert isinstance(window.page, LockPage), "the app did not open on the PIN page"
    window.page.pin.setText(pin)
    window.page.try_unlock()


def case_list_rows(window: Any) -> int:
    assert isinstance(window.page, CaseListPage)
    from PySide6.QtCore import Qt

    return sum(
        1
        for widget in window.page.lists.values()
        for i in range(widget.count())
        if widget.item(i).data(Qt.ItemDataRole.UserRole)
    )


@pytest.mark.parametrize("demo", [False, True], ids=["real profile", "demo"])
def test_the_store_opens_after_the_first_paint_and_the_pin_opens_the_case_list(
    qtbot: Any, demo: bool
) -> None:
    if not demo:
        make_demo_profile().close()  # a set-up profile: PIN, trust, ruleset, cases
    window, opening = start_window(demo=demo)
    qtbot.addWidget(window)
    assert opening is not None and not window.session.is_open  # the PIN page comes first
    assert isinstance(window.page, LockPage) and window.page.pin.isEnabled()
    window.show()
    qtbot.waitUntil(lambda: window.session.is_open, timeout=20_000)  # after the paint
    qtbot.waitUntil(lambda: opening.started, timeout=5_000)
    unlock(window)
    assert case_list_rows(window) == 6
    assert "Ruleset: demo-council-ras" in window.ruleset_status.text()  # verified
    window.close()
    window.session.store.close()


def test_a_pin_typed_before_the_store_is_open_opens_it_first(qtbot: Any) -> None:
    make_demo_profile().close()
    window, _opening = start_window(demo=False)
    qtbot.addWidget(window)
    assert not window.session.is_open
    unlock(window, "0000")  # a wrong PIN is still wrong, and counted
    assert window.session.is_open and window.attempts.wrong == 1
    unlock(window)
    assert case_list_rows(window) == 6
    window.close()
    window.session.store.close()


def test_a_profile_whose_pin_is_missing_turns_to_first_run(qtbot: Any) -> None:
    """Store and ruleset there but no PIN (the set-up was left half done): the PIN page
    shown from the files alone gives way to first-run set-up once the store is open."""
    demo = paths.demo_dir()
    trust.add_key(demo / "DEMO-public-key.pem")
    rulesets.install(demo / "demo.ruleset.signed.json")
    open_user_store().close()
    window, opening = start_window(demo=False)
    qtbot.addWidget(window)
    assert isinstance(window.page, LockPage)
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.page, FirstRunPage), timeout=20_000)
    assert opening is not None and opening.code == 0
    window.close()
    window.session.store.close()


def test_the_case_list_is_built_hidden_and_the_pin_hash_read_while_the_pin_is_typed(
    qtbot: Any, monkeypatch: Any
) -> None:
    """Once the store is open the case list the PIN opens is built, outside the window and
    never shown, and the PIN's hash is read; Enter then shows that page (its lists read
    again) without another read of the password store."""
    from rasdesk.platform import secrets

    make_demo_profile().close()
    window, _opening = start_window(demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready is not None, timeout=20_000)
    page = window.ready[1]
    assert isinstance(page, CaseListPage) and page.parent() is None and not page.isVisible()
    assert isinstance(window.page, LockPage) and window.stack.count() == 1
    assert window.attempts.stored is not None
    reads: list[str] = []
    real = secrets.get_secret
    monkeypatch.setattr(secrets, "get_secret", lambda name: reads.append(name) or real(name))
    with window.session.store.db.conn:
        window.session.store.db.conn.execute("UPDATE cases SET person_name = 'Renamed Person'")
    for digit in DEMO_PIN:  # as typed: hashed meanwhile
        window.page.pin.insert(digit)
    window.page.try_unlock()
    assert window.page is page and page.isVisible() and window.ready is None
    assert reads == []  # the PIN's hash was read with the store
    assert case_list_rows(window) == 6
    assert "Renamed Person" in page.lists["drafts"].item(0).text()  # refreshed when shown
    window.close()
    window.session.store.close()


def test_the_secrets_are_read_first_and_the_pin_is_hashed_as_it_is_typed(qtbot: Any) -> None:
    """Opening's first step reads the store's key and the PIN's hash (one password-store
    visit), before the store is open: the PIN is hashed as it is typed from then on."""
    make_demo_profile().close()
    window, opening = start_window(demo=False)
    qtbot.addWidget(window)
    assert opening is not None and opening.user is not None
    opening._secrets()
    assert not window.session.is_open and window.attempts.stored is not None
    for digit in DEMO_PIN:
        window.page.pin.insert(digit)
    assert window.attempts.early is not None and DEMO_PIN in window.attempts.early.pending
    window.page.try_unlock()
    assert case_list_rows(window) == 6
    window.close()
    window.session.store.close()


def test_a_pin_at_once_is_hashed_while_the_case_list_is_built_hidden(
    qtbot: Any, monkeypatch: Any
) -> None:
    """The PIN entered the moment the page appears: its hash is begun, then the store is
    opened and the case list built outside the window, then the hashes compared. Nothing
    of the cases is in the window until the PIN is right; a wrong PIN is counted."""
    from rasdesk.platform import pin

    make_demo_profile().close()
    window, opening = start_window(demo=False)
    qtbot.addWidget(window)
    assert opening is not None
    opening._secrets()
    seen: list[str] = []
    real_prepare, real_matches = window.prepare_cases, pin.pin_matches

    def prepare() -> None:
        assert window.attempts.early is None or window.attempts.early.pending  # begun
        seen.append("case list built")
        real_prepare()

    def matches(entered: str, stored: Any = None, early: Any = None) -> bool:
        assert window.ready is not None  # built, but outside the window and hidden
        page = window.ready[1]
        assert page.parent() is None and not page.isVisible()
        assert isinstance(window.page, LockPage) and window.stack.count() == 1
        seen.append(f"compared {entered}")
        return bool(real_matches(entered, stored, early))

    monkeypatch.setattr(window, "prepare_cases", prepare)
    monkeypatch.setattr(pin, "pin_matches", matches)
    unlock(window, "0000")  # wrong, at once: counted, and the PIN page stays
    assert window.attempts.wrong == 1 and isinstance(window.page, LockPage)
    assert seen == ["case list built", "compared 0000"]
    unlock(window)
    assert seen[-1] == f"compared {DEMO_PIN}" and case_list_rows(window) == 6
    assert window.attempts.wrong == 0
    window.close()
    window.session.store.close()


def test_the_case_list_and_sending_status_do_not_bring_the_budget_engines() -> None:
    """The case list is built while the PIN is checked (or typed): its modules and the
    sending status it shows leave the budget engines, the lifecycle and the reviews to the
    pages that use them."""
    code = (
        "import json, sys\n"
        "import rasdesk.ui.pages.case_list, rasdesk.sync\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    later = (
        "rasdesk.domain.budget",
        "rasdesk.domain.budget_v2",
        "rasdesk.storage.lifecycle",
        "rasdesk.storage.review",
        "rasdesk.ui.flow",
    )
    assert [m for m in later if m in modules] == []


def test_the_key_and_the_pin_hash_are_read_side_by_side(monkeypatch: Any) -> None:
    """Each read is a round trip to the password store: the PIN's hash is read on a worker
    thread while the store's key is read; both are kept, nothing else is read."""
    import threading

    from rasdesk.platform import secrets
    from rasdesk.ui.app import UserOpener

    make_demo_profile().close()
    where: dict[str, str] = {}
    real = secrets.get_secret

    def read(name: str) -> str | None:
        assert name not in where, "read twice"
        where[name] = threading.current_thread().name
        return real(name)

    monkeypatch.setattr(secrets, "get_secret", read)
    opener = UserOpener()
    assert opener.read_secrets() is not None and opener.key is not None
    main = threading.main_thread().name
    assert where["database-key"] == main and where["assessor-pin"].startswith("rasdesk-pin-read")
    opener.read_secrets()  # once, not again
    assert len(where) == 2
    store, key = opener()
    assert key == opener.key
    store.close()
