"""Every control on every page can be reached by Tab and has an accessible name; targets
are at least 44 px tall; and first-run set-up refuses an untrusted, tampered or expired
ruleset with words that say why, installing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QWidget

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform import rulesets
from rasdesk.platform.paths import demo_dir
from rasdesk.ui.errors import describe
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.first_run import FirstRunPage
from tests.ui.conftest import case_named


def focusable(win: MainWindow) -> list[QWidget]:
    return [
        w
        for w in win.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
    ]


def routes(win: MainWindow) -> list[tuple[object, ...]]:
    john, alys = case_named(win, "John Evans"), case_named(win, "Alys Pritchard")
    first = win.session.questionnaire(john).sections[0].questions[0].id
    return [
        ("cases",),
        ("new", "person", None),
        ("new", "carer", alys),
        ("question", john, first, False),
        ("question", john, "night_help", False),
        ("check", john),
        ("result", alys),
        ("lock",),
        ("sending",),  # not enrolled: the enrolment form
        ("first_run",),
    ]


@pytest.mark.parametrize("large", [False, True])
def test_every_control_has_a_name_and_a_big_enough_target(
    qtbot, window: MainWindow, large: bool
) -> None:  # type: ignore[no-untyped-def]
    win = window
    for route in routes(win):
        if win.modes().large != large and route[0] in ("question", "check", "result"):
            win.go(route)
            win.act("large")
        win.go(route)
        if route == ("first_run",):
            win.page.enrol_button.click()  # type: ignore[union-attr]  # its enrolment form too
            assert win.page.enrol_form.isVisible()  # type: ignore[union-attr]
        qtbot.wait(10)
        widgets = focusable(win)
        assert widgets, route
        for widget in widgets:
            name = widget.accessibleName()
            assert name.strip(), f"{route[0]}: {type(widget).__name__} has no accessible name"
            if (
                isinstance(widget, QAbstractButton | QLineEdit)
                and widget.objectName() != "qt_scrollarea_viewport"
            ):
                if widget.isCheckable() if isinstance(widget, QAbstractButton) else False:
                    continue  # a radio/checkbox indicator: its whole row is the target
                assert widget.height() >= 44, f"{route[0]}: {name!r} is {widget.height()} px tall"
            if isinstance(widget, QPlainTextEdit):
                assert widget.height() >= 60


@pytest.fixture
def setup_page(qtbot, monkeypatch) -> tuple[FirstRunPage, list[BaseException]]:  # type: ignore[no-untyped-def]
    shown: list[BaseException] = []
    monkeypatch.setattr(
        "rasdesk.ui.pages.first_run.show_error", lambda _parent, exc: shown.append(exc)
    )
    page = FirstRunPage(lambda: None)
    qtbot.addWidget(page)
    return page, shown


def test_an_untrusted_ruleset_is_refused_with_words(setup_page) -> None:  # type: ignore[no-untyped-def]
    page, shown = setup_page
    assert not page.install_ruleset(demo_dir() / "demo.ruleset.signed.json")
    assert rulesets.current_sha256() is None
    title, words = describe(shown[0])
    assert title == "This ruleset cannot be trusted" and "key your council trusts" in words
    assert "a40406180bce61a0" in str(shown[0])  # the detail names the key


def test_a_tampered_ruleset_is_refused(setup_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.platform import trust

    page, shown = setup_page
    trust.add_key(demo_dir() / "DEMO-public-key.pem")
    envelope = json.loads((demo_dir() / "demo.ruleset.signed.json").read_text())
    import base64

    payload = base64.b64decode(envelope["payload"]).replace(b"2026.1", b"2026.9")
    envelope["payload"] = base64.b64encode(payload).decode()
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(envelope))
    assert not page.install_ruleset(tampered)
    assert rulesets.current_sha256() is None
    assert describe(shown[0])[0] == "This ruleset cannot be trusted"
    assert page.install_ruleset(demo_dir() / "demo.ruleset.signed.json")  # the real one works
    assert "Installed:" in page.ruleset_state.text()


def test_an_expired_ruleset_is_refused(setup_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.domain.signing import load_private_key, sign_envelope
    from rasdesk.platform import trust

    page, shown = setup_page
    doc = json.loads((demo_dir() / "demo.ruleset.json").read_text())
    doc["effective_to"] = "2026-05-01"
    key = demo_dir() / "DEMO-ONLY-signing-key.pem"
    if not key.exists():
        pytest.skip("the demo signing key is not in this tree")
    signed = tmp_path / "expired.json"
    signed.write_bytes(sign_envelope(json.dumps(doc).encode(), load_private_key(key.read_bytes())))
    trust.add_key(demo_dir() / "DEMO-public-key.pem")
    assert not page.install_ruleset(signed)
    assert isinstance(shown[0], RasdeskError) and "ended on 2026-05-01" in str(shown[0])
    assert rulesets.current_sha256() is None


def test_alt_keys_on_the_case_list_are_unique(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    texts = [
        b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and "&" in b.text()
    ]
    keys = [QKeySequence.mnemonic(t).toString() for t in texts]
    assert len(texts) >= 5  # the bar: Cases, Looks, Lock (the looks are in its panel)
    assert len(set(keys)) == len(keys), dict(zip(texts, keys, strict=True))


def test_the_installed_ruleset_is_named_in_the_page_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    """In Welsh, set-up names the installed ruleset by its Welsh title (it showed the
    English one); a ruleset without Welsh falls back to English."""
    from rasdesk.platform import trust

    trust.add_key(demo_dir() / "DEMO-public-key.pem")
    rulesets.install(demo_dir() / "demo.ruleset.signed.json")
    welsh = FirstRunPage(lambda: None, language="cy")
    english = FirstRunPage(lambda: None)
    qtbot.addWidget(welsh)
    qtbot.addWidget(english)
    assert "SET REOLAU ARDDANGOS" in welsh.ruleset_state.text()
    assert "DEMONSTRATION RULESET" in english.ruleset_state.text()
