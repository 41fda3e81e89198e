"""The app sends finalised cases in the background to a real rasdesk-server on
127.0.0.1, shows where sending stands in words, and says so when its access is withdrawn."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from rasdesk.platform import paths, pin, rulesets, trust
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.sync import enrol
from rasdesk.ui.app import make_window
from rasdesk.ui.main_window import MainWindow
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    enrol_code,
    export_rows,
    publish_ruleset,
    revoke,
    running_server,
)
from tests.ui.conftest import unlock_at_start


@pytest.fixture
def server(tmp_path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    database = f"sqlite:///{tmp_path / 'server.db'}"
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as running:
        yield running


def test_finalised_cases_are_sent_in_the_background(qtbot, server) -> None:  # type: ignore[no-untyped-def]
    trust.add_key(DEMO_KEY)
    rulesets.install(DEMO_RULESET)
    pin.set_pin("2468")
    device = enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    win = make_window(demo=False)
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    unlock_at_start(win, "2468")
    assert "waiting" not in win.sync_status.text()

    case = win.session.start_case(Person("Nia Morgan"), "person", None)
    answers = json.loads((paths.demo_dir() / "answers" / "person-example.json").read_text())
    for question, value in answers["answers"].items():
        win.session.store.set_answer(case, question, value)
    lifecycle.finalise(win.session.store, case)
    win.sync.refresh()
    assert "1 waiting to send" in win.sync_status.text()

    win.sync.run_now()
    qtbot.waitUntil(lambda: win.sync_status.text() == "All sent", timeout=30_000)
    rows = export_rows(server.database)
    assert [r["case_uuid"] for r in rows] == [case]
    bundle = json.loads(win.session.version(case)["bundle"])
    assert bundle["assessor"]["device_id"] == device.device_id  # the laptop that assessed
    assert win.session.store.case_row(case)["state"] == "sent"

    revoke(server.database, device.device_id)
    win.sync.run_now()
    qtbot.waitUntil(lambda: "withdrawn" in win.sync_status.text(), timeout=30_000)
    win.close()
    win.session.store.close()


def test_first_run_gets_the_published_ruleset_when_enrolled(qtbot, server) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.ui.pages.first_run import FirstRunPage

    trust.add_key(DEMO_KEY)
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    assert rulesets.current_sha256() is None
    page = FirstRunPage(lambda: None)
    qtbot.addWidget(page)
    page.fetch_ruleset()
    qtbot.waitUntil(lambda: rulesets.current_sha256() is not None, timeout=30_000)
    qtbot.waitUntil(lambda: "Installed:" in page.ruleset_state.text(), timeout=5_000)
