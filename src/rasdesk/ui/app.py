"""Starting the desktop app: ``rasdesk`` on the user's profile, ``rasdesk demo`` on a
throwaway one. Sets up Qt (fonts, translations, the crash handler), opens the case store,
and shows the window — or a calm explanation of why it cannot (e.g. no password store).

``rasdesk demo --self-test`` starts the real app offscreen, builds the case list and prints
one JSON line saying what it found (pictures, fonts, the Welsh translation); the packaging
checks use it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform import demo_home, paths, pin, rulesets, settings
from rasdesk.platform.logs import setup_logging
from rasdesk.ui import errors, i18n, theme
from rasdesk.ui.session import Session


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("rasdesk")
    app.setOrganizationName("rasdesk")
    app.setDesktopFileName("uk.rasdesk.Rasdesk")
    return app


def open_session(*, demo: bool) -> tuple[Session, bool]:
    """The session and whether first-run set-up is needed."""
    from rasdesk.platform import secrets
    from rasdesk.storage.profile import open_user_store, store_path

    if demo:
        from rasdesk.storage.demo import make_demo_profile

        store = make_demo_profile()
    else:
        store = open_user_store()
    key = secrets.database_key(create=False)
    session = Session(store, store_path(), key, demo=demo)
    needs_setup = not pin.has_pin() or rulesets.current_sha256() is None
    return session, needs_setup


def make_window(*, demo: bool) -> object:
    from rasdesk.ui.main_window import MainWindow

    session, needs_setup = open_session(demo=demo)
    language = settings.load()["languages"][0]
    session.app_modes = session.app_modes.with_language(language)
    return MainWindow(session, needs_setup=needs_setup)


def _self_test(window: object, fonts_loaded: list[str]) -> dict[str, object]:
    from rasdesk.ui.main_window import MainWindow
    from rasdesk.ui.pages.case_list import CaseListPage
    from rasdesk.ui.widgets.picture import picture_count

    assert isinstance(window, MainWindow)
    from rasdesk.storage.demo import DEMO_PIN
    from rasdesk.ui.pages.lock import LockPage

    if isinstance(window.page, LockPage):  # it opens locked: the demo's PIN, as typed
        window.page.pin.setText(DEMO_PIN)
        window.page.try_unlock()
    page = window.page
    rows = 0
    if isinstance(page, CaseListPage):
        rows = sum(
            1
            for widget in page.lists.values()
            for i in range(widget.count())
            if widget.item(i).data(Qt.ItemDataRole.UserRole)
        )
    fonts = sorted(p.name for p in (paths.resources_dir() / "fonts").glob("*.ttf"))
    report: dict[str, object] = {
        "case_list_rows": rows,
        "pictures": picture_count(),
        "fonts": fonts,
        "fonts_loaded": fonts_loaded,
        "welsh_translation": i18n.welsh_available(),
        "resources_dir": str(paths.resources_dir()),
        "translations_dir": str(paths.translations_dir()),
    }
    report["ok"] = bool(rows and report["pictures"] and fonts and report["welsh_translation"])
    return report


def run(*, demo: bool = False, self_test: bool = False) -> int:
    home: tuple[Path, IO[bytes]] | None = None
    before = os.environ.get("RASDESK_HOME")
    if demo:
        from rasdesk.platform.demo_keyring import use_demo_keyring

        home = demo_home.create()  # also removes the folders of demos that were killed
        os.environ["RASDESK_HOME"] = str(home[0])
        use_demo_keyring()
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    setup_logging()
    try:
        app = application()
        errors.install_crash_handler()
        fonts_loaded = theme.load_fonts()
        try:
            window = make_window(demo=demo)
        except (RasdeskError, OSError) as exc:
            if self_test:
                print(json.dumps({"ok": False, "error": str(exc)}))
                return 1
            errors.show_error(None, exc)
            return exc.exit_code if isinstance(exc, RasdeskError) else 1
        if self_test:
            report = _self_test(window, fonts_loaded)
            print(json.dumps(report, ensure_ascii=False))
            return 0 if report["ok"] else 1
        window.show()  # type: ignore[attr-defined]
        return int(app.exec())
    finally:
        if home is not None:
            demo_home.remove(*home)
            if before is None:
                os.environ.pop("RASDESK_HOME", None)
            else:
                os.environ["RASDESK_HOME"] = before
