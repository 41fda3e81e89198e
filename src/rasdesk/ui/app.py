"""Starting the desktop app: ``rasdesk`` on the user's profile, ``rasdesk demo`` on a
throwaway one. Sets up Qt (fonts, translations, the crash handler), opens the case store,
and shows the window — or a calm explanation of why it cannot (e.g. no password store).

``rasdesk demo --self-test`` starts the real app offscreen, builds the case list and prints
one JSON line saying what it found (pictures, fonts, the Welsh translation); the packaging
checks use it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform import demo_home, paths, settings
from rasdesk.platform.logs import setup_logging
from rasdesk.storage.profile import store_path
from rasdesk.ui import errors, i18n, theme
from rasdesk.ui.session import Opener, Session

# What is imported above is what the first window needs. The password store (keyring),
# the case store (SQLCipher, sqlite-utils), the rulesets (cryptography) and every page but
# the PIN's are imported once that window is painted (``Opening``), while the assessor
# types the PIN — or at once, if the PIN comes first (tests/ui/test_start.py). Importing
# them on a thread meanwhile gains nothing: imports hold Python's lock, so the first paint
# would wait for them instead (docs/packaging.md, start-up figures).


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("rasdesk")
    app.setOrganizationName("rasdesk")
    app.setDesktopFileName("uk.rasdesk.Rasdesk")
    return app


class UserOpener:
    """Opens the user's store (an ``Opener``): its key and the PIN's hash are read from the
    password store first (``read_secrets``; ``Opening`` does it as its first step, so the
    PIN can be hashed while it is typed, before the store's modules are even imported)."""

    def __init__(self) -> None:
        self.key: bytes | None = None
        self.pin_hash: str | None = None

    def read_secrets(self) -> str | None:
        """The PIN's stored hash (None: no PIN set); the store's key read with it, once.
        The two reads go to the password store side by side (each is a round trip of its
        own to the Secret Service: a new D-Bus connection and key exchange), once it is
        known to be usable."""
        if self.key is None:
            from concurrent.futures import ThreadPoolExecutor

            from rasdesk.platform import pin, secrets

            secrets.require_usable()  # the backend chosen and checked once, on this thread
            with ThreadPoolExecutor(1, thread_name_prefix="rasdesk-pin-read") as pool:
                pin_hash = pool.submit(pin.stored_hash)
                key = secrets.database_key(create=not store_path().exists())
                self.pin_hash, self.key = pin_hash.result(), key
        return self.pin_hash

    def __call__(self) -> tuple[Any, bytes]:
        from rasdesk.storage.profile import open_user_store_and_key

        self.read_secrets()
        return open_user_store_and_key(self.key)


def _opener(*, demo: bool, demo_keyring: bool = False) -> Opener:
    """Opens the profile's store: the user's (its key from the password store), or for the
    demo a new demo profile (with ``demo_keyring``, in the in-memory password store)."""
    if not demo:
        return UserOpener()

    def open_store() -> tuple[Any, bytes]:
        from rasdesk.platform import secrets
        from rasdesk.storage.demo import make_demo_profile

        if demo_keyring:
            from rasdesk.platform.demo_keyring import use_demo_keyring

            use_demo_keyring()
        return make_demo_profile(), secrets.database_key(create=False)

    return open_store


def needs_setup() -> bool:
    """First run is not finished: no PIN, or no ruleset installed (the store is open)."""
    from rasdesk.platform import pin, rulesets

    return not pin.has_pin() or rulesets.current_sha256() is None


def open_session(*, demo: bool) -> tuple[Session, bool]:
    """The session, its store open, and whether first-run set-up is needed."""
    session = Session.opening(store_path(), _opener(demo=demo), demo=demo)
    session.open()
    return session, needs_setup()


def _looks_set_up() -> bool:
    """A guess from files alone (no password store, no store opened): a store and a current
    ruleset exist, so the app can open on the PIN page. ``Opening`` checks it once the store
    is open and turns to first-run set-up if the PIN is in fact missing."""
    return store_path().exists() and (paths.rulesets_dir() / "current.json").exists()


def _window(session: Session, needs_setup: bool) -> Any:
    from rasdesk.ui.main_window import MainWindow

    language = settings.load()["languages"][0]
    session.app_modes = session.app_modes.with_language(language)
    return MainWindow(session, needs_setup=needs_setup)


def make_window(*, demo: bool) -> Any:
    """The window, its store open (tests and tools, which unlock at once)."""
    session, setup = open_session(demo=demo)
    return _window(session, setup)


class Opening(QObject):
    """Opens the store of a window shown before it: just after the window's first paint,
    in short steps so typing the PIN is never held up long (the store's key and the PIN's
    hash read from the password store, so the PIN is hashed as it is typed; the store's
    modules imported; the store opened; the current ruleset verified; the case list page
    built, hidden). A PIN tried before then opens the store first, and the case list is
    built while that PIN is hashed (``MainWindow._while_hashing``). A store that cannot be
    opened is explained, and the app ends with its exit code."""

    def __init__(
        self, window: Any, session: Session, check_setup: bool, user: UserOpener | None = None
    ) -> None:
        """``user``: the session's opener, on the user's profile (its secrets read first)."""
        super().__init__(window)
        self.window, self.session, self.check_setup = window, session, check_setup
        self.user = user
        self.started = False
        self.code = 0
        # The window's own first paint, not any widget's: a filter on the whole app would be
        # handed Qt's private objects, which costs PySide6 every class it knows, with their
        # enums, before that paint (ui/inactivity.py).
        window.installEventFilter(self)
        QTimer.singleShot(1000, self, self.start)  # painted or not (a hidden window)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.started:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)  # once this first paint is done
        return False

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self.window.removeEventFilter(self)
        # The store's opening, cut where the loop can take the keys typed meanwhile: the
        # secrets read (not the demo's: its password store is its own, filled when its
        # store is made), the store's modules imported, then the store opened.
        steps = [] if self.user is None else [self._secrets]
        steps += [self._modules, self._open, self._ruleset, self._pages]
        self._next(steps)

    def _next(self, steps: list[Any]) -> None:
        if steps and self.code == 0:
            step = steps.pop(0)
            step()
            QTimer.singleShot(0, self, lambda: self._next(steps))

    def _expect(self, stored: str | None) -> None:
        """The next PIN, the one that opens the app, is checked against ``stored``."""
        window = self.window
        starting = window.route[0] == "lock" and window.starting
        # Not expected twice: that would drop the hash begun as the PIN was typed.
        if stored is not None and starting and window.attempts.stored != stored:
            window.attempts.expect(stored)  # hashed from now on as it is typed

    def _secrets(self) -> None:
        assert self.user is not None
        try:
            self._expect(self.user.read_secrets())
        except (RasdeskError, OSError):
            return  # read again when the store opens, which says what is wrong

    def _modules(self) -> None:
        if self.session.demo:
            import rasdesk.storage.demo  # the demo's store is made, not opened
        else:
            import rasdesk.storage.store  # noqa: F401

    def _open(self) -> None:
        from rasdesk.platform import pin, rulesets

        try:
            self.session.open()
            # The PIN's hash is read with the store's key, so Enter does not wait for it.
            stored = self.user.pin_hash if self.user is not None else pin.stored_hash()
            if self.check_setup and (stored is None or rulesets.current_sha256() is None):
                self.window.set_up_first()
            else:
                self._expect(stored)  # only for the PIN still to come
        except (RasdeskError, OSError) as exc:
            self.code = exc.exit_code if isinstance(exc, RasdeskError) else 1
            errors.show_error(None, exc)
            QApplication.exit(self.code)

    def _ruleset(self) -> None:
        # Verified once per sitting, for the status line; a failure is said there, later.
        with contextlib.suppress(Exception):
            self.session.current_ruleset()

    def _pages(self) -> None:
        import rasdesk.sync  # noqa: F401  (the case list asks whether sending can start)

        self.window.prepare_cases()  # the page the PIN opens, built, never shown before it


def start_window(*, demo: bool) -> tuple[Any, Opening | None]:
    """The window for ``run``: on the PIN page at once, its store opened after the first
    paint; or, on a profile not set up yet, first-run set-up with the store open."""
    if not demo and not _looks_set_up():
        return make_window(demo=False), None
    opener = _opener(demo=demo, demo_keyring=demo)
    session = Session.opening(store_path(), opener, demo=demo)
    window = _window(session, False)
    user = opener if isinstance(opener, UserOpener) else None
    return window, Opening(window, session, check_setup=not demo, user=user)


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
        **_voice_check(),
    }
    report["ok"] = bool(
        rows
        and report["pictures"]
        and fonts
        and report["welsh_translation"]
        and (report["espeak_program"] or report["welsh_voice_bytes"])
    )
    return report


def _voice_check() -> dict[str, object]:
    """Read aloud can speak Welsh: the espeak-ng program, or the library and voices the
    bundle brings (a short Welsh phrase spoken into memory)."""
    from rasdesk.domain.errors import RasdeskError
    from rasdesk.printing import espeak_lib
    from rasdesk.printing.audio import has_program

    try:
        wav = espeak_lib.synth_wav([("cy", "Bore da.")], 150) if espeak_lib.available() else b""
    except RasdeskError:
        wav = b""
    return {"espeak_program": has_program(), "welsh_voice_bytes": len(wav)}


def run(*, demo: bool = False, self_test: bool = False) -> int:
    home: tuple[Path, IO[bytes]] | None = None
    before = os.environ.get("RASDESK_HOME")
    if demo:
        home = demo_home.create()  # also removes the folders of demos that were killed
        os.environ["RASDESK_HOME"] = str(home[0])
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    setup_logging()
    try:
        app = application()
        errors.install_crash_handler()
        fonts_loaded = theme.load_fonts()
        try:
            window, opening = start_window(demo=demo)
            if self_test:  # typing the PIN opens the store, as when it is typed at once
                report = _self_test(window, fonts_loaded)
                print(json.dumps(report, ensure_ascii=False))
                return 0 if report["ok"] else 1
        except (RasdeskError, OSError) as exc:
            if self_test:
                print(json.dumps({"ok": False, "error": str(exc)}))
                return 1
            errors.show_error(None, exc)
            return exc.exit_code if isinstance(exc, RasdeskError) else 1
        window.show()
        code = int(app.exec())
        return code or (opening.code if opening is not None else 0)
    finally:
        if home is not None:
            demo_home.remove(*home)
            if before is None:
                os.environ.pop("RASDESK_HOME", None)
            else:
                os.environ["RASDESK_HOME"] = before
