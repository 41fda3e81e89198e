"""#12 point 5 and #13 point 3: sending can be set up, started and followed from the app,
against a real rasdesk-server subprocess on 127.0.0.1 and a real encrypted case store.

- enrolment from the app (server address + one-time code), with its own words for a bad
  address, a server that is down, a wrong or expired code and an untrusted certificate,
  and words that say it worked;
- "Send now" sends, the case list's tabs and counts follow at once, the status line says
  "All sent", and a sent case shows the council's receipt and when it was received;
- an unreachable council is said in words, with the time it was first found so;
- the status changes ("Saved", "Sent", "Locked", "Cannot reach the council") are
  announced: in the window's announcer and as Qt's announcement event."""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QLabel

from rasdesk.platform import paths, pin, rulesets, trust
from rasdesk.storage import lifecycle
from rasdesk.storage.store import Person
from rasdesk.sync import enrol, sync_status
from rasdesk.sync.state import load_state
from rasdesk.ui import accessible
from rasdesk.ui.app import make_window
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.case_list import CaseListPage
from rasdesk.ui.pages.result import ResultPage
from rasdesk.ui.pages.sending import SendingPage
from rasdesk.ui.sending_words import clock, day_and_time
from tests.support_postgres import free_port
from tests.support_server import (
    DEMO_KEY,
    DEMO_RULESET,
    ServerProcess,
    enrol_code,
    export_rows,
    publish_ruleset,
    running_server,
)
from tests.sync.proxy import FaultProxy
from tests.sync.test_truststore import make_ca_and_leaf
from tests.ui.conftest import unlock_at_start

PIN = "2468"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    database = f"sqlite:///{tmp_path / 'server.db'}"
    publish_ruleset(database, DEMO_RULESET, DEMO_KEY)
    with running_server(database) as running:
        yield running


@pytest.fixture
def win(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real app (not the demo) on this test's profile: the council's key trusted, its
    ruleset installed, a PIN set; not enrolled."""
    trust.add_key(DEMO_KEY)
    rulesets.install(DEMO_RULESET)
    pin.set_pin(PIN)
    window = make_window(demo=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.sync.first.stop()  # the test says when to send
    window.show()
    qtbot.waitExposed(window)
    unlock_at_start(window, PIN)
    yield window
    window.close()
    window.session.store.close()


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Qt's accessibility announcement events as they are sent (each is passed on)."""
    seen: list[tuple[str, object]] = []
    send = QAccessible.updateAccessibility

    def spy(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            seen.append((event.message(), event.politeness()))
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", spy)
    return seen


def finalised_case(win: MainWindow, name: str) -> str:
    case = win.session.start_case(Person(name, council_ref="REF-1"), "person", None)
    answers = json.loads((paths.demo_dir() / "answers" / "person-example.json").read_text())
    for question, value in answers["answers"].items():
        win.session.store.set_answer(case, question, value)
    lifecycle.finalise(win.session.store, case)
    return case


def announcer(win: MainWindow) -> QLabel:
    found = win.findChild(QLabel, accessible.ANNOUNCER)
    assert found is not None
    return found


def open_sending_page(win: MainWindow) -> SendingPage:
    win.go(("cases",))
    assert isinstance(win.page, CaseListPage)
    (opener,) = [
        b for b in win.page.findChildren(type(win.page.open_button)) if "Sending to" in b.text()
    ]
    opener.click()
    assert isinstance(win.page, SendingPage)
    return win.page


def try_enrol(qtbot, page: SendingPage, address: str, code: str) -> str:  # type: ignore[no-untyped-def]
    page.form.message.setText("")
    page.done_words.hide()
    page.form.address.setText(address)
    page.form.code.setText(code)
    page.form.enrol_button.click()
    qtbot.waitUntil(
        lambda: bool(page.form.message.text()) or page.done_words.isVisible(), timeout=30_000
    )
    return page.form.message.text() if page.form.message.text() else page.done_words.text()


def test_enrolling_from_the_app_says_what_went_wrong_and_that_it_worked(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, server: ServerProcess, tmp_path: Path, events
) -> None:
    assert "not set up" in win.sync_status.text()
    page = open_sending_page(win)
    assert (
        page.form.address.isVisible()
        and page.form.code.isVisible()
        and not page.send_button.isVisible()
    )

    said = try_enrol(qtbot, page, "rasdesk.council.example", "ANY")
    assert "not a server address" in said and page.form.address.property("invalid")
    assert accessible.said[-1] == said  # announced, the field marked invalid

    said = try_enrol(qtbot, page, "http://192.0.2.10:8080", "ANY")  # plain http elsewhere
    assert "not a server address" in said

    said = try_enrol(qtbot, page, server.url, "")
    assert "Enter the enrolment code" in said and page.form.code.property("invalid")

    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there: the server is down
    said = try_enrol(qtbot, page, down, "ANY")
    assert said.startswith(f"Cannot reach a server at {down}") and "try again later" in said

    said = try_enrol(qtbot, page, server.url, "NOT-A-REAL-CODE")
    assert "did not accept that code" in said and page.form.code.property("invalid")
    assert not page.form.address.property("invalid")

    expired = enrol_code(server.database, "Sam Patel", expires_hours=0.0003)  # ~1 second
    time.sleep(1.5)
    said = try_enrol(qtbot, page, server.url, expired)
    assert "did not accept that code" in said and "out of date" in said

    _ca, cert, key = make_ca_and_leaf(tmp_path)  # a certificate this laptop does not trust
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FaultProxy(server.url, tls=context) as front:
        said = try_enrol(qtbot, page, front.url, enrol_code(server.database, "Sam Patel"))
    assert "certificate is not trusted" in said and "IT team" in said
    assert sync_status(win.session.store).enrolled is False  # nothing was kept

    said = try_enrol(qtbot, page, server.url, enrol_code(server.database, "Sam Patel"))
    assert said.startswith("Done: this laptop is set up to send cases to " + server.url)
    status = sync_status(win.session.store)
    assert status.enrolled and status.server_url == server.url
    assert not page.form.message.isVisible() and not page.form.code.property("invalid")
    assert any(said == message for message, _p in events)  # Qt's announcement, sent
    qtbot.waitUntil(lambda: not win.sync.running, timeout=30_000)  # the first send
    assert page.send_button.isVisible() and page.send_button.isEnabled()
    assert not page.form.address.isVisible()  # set up: the form has gone
    assert "This laptop sends to " + server.url in page.about.text()


def test_send_now_moves_the_case_to_sent_and_shows_its_receipt(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, server: ServerProcess, events
) -> None:
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    case = finalised_case(win, "Nia Morgan")
    win.go(("cases",))
    page = win.page
    assert isinstance(page, CaseListPage) and page.send_button is not None
    assert page.tabs.tabText(1) == "Waiting to send (1)" and page.tabs.tabText(2) == "Sent (0)"
    assert win.sync_status.text() == "1 waiting to send"

    page.send_button.click()
    qtbot.waitUntil(lambda: page.tabs.tabText(2) == "Sent (1)", timeout=30_000)
    # The list, its counts and the status line agree: nothing stale beside "All sent".
    assert page.tabs.tabText(1) == "Waiting to send (0)"
    assert win.sync_status.text() == "All sent"
    assert win.page is page and page.send_button.isEnabled()
    (row,) = export_rows(server.database)
    assert row["case_uuid"] == case
    line = page.lists["sent"].item(0).text()
    assert (
        "Nia Morgan" in line
        and "received by the council " + day_and_time(row["received_at"]) in line
    )
    assert "Sent to the council: 1" in accessible.said
    assert announcer(win).text() == "Sent to the council: 1"
    assert ("Sent to the council: 1", QAccessible.AnnouncementPoliteness.Polite) in events

    page.open_case(case)
    assert isinstance(win.page, ResultPage)
    receipt = win.page.receipt
    assert receipt.isVisible()
    assert receipt.accessibleName() == (
        f"Received by the council on {day_and_time(row['received_at'])}. Receipt: {row['receipt']}"
    )


def test_a_receipt_appears_on_an_open_case_when_background_sending_sends_it(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, server: ServerProcess
) -> None:
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    case = finalised_case(win, "Aled Rees")
    win.open_case(case)
    assert isinstance(win.page, ResultPage)
    receipt = win.page.receipt
    assert receipt.accessibleName().startswith("Not with the council yet")
    win.sync.run_now()  # the minute's run, not asked for
    qtbot.waitUntil(lambda: receipt.accessibleName().startswith("Received"), timeout=30_000)
    assert win.page.receipt is receipt  # the page was not rebuilt under the assessor


def test_an_unreachable_council_is_said_in_words_with_since_when(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, server: ServerProcess, events
) -> None:
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    finalised_case(win, "Nia Morgan")
    server.stop()
    win.go(("cases",))
    page = win.page
    assert isinstance(page, CaseListPage) and page.send_button is not None
    page.send_button.click()
    qtbot.waitUntil(lambda: "Cannot reach" in win.sync_status.text(), timeout=30_000)
    since = load_state().offline_since
    assert since is not None
    assert win.sync_status.text() == (
        f"Cannot reach the council since {clock(since)} — cases are kept safe here and will "
        "be sent when it can · 1 waiting to send"
    )
    assert clock(since) == time.strftime("%H:%M", time.localtime(_epoch(since)))
    assert "Cannot reach the council" in accessible.said
    assert ("Cannot reach the council", QAccessible.AnnouncementPoliteness.Polite) in events
    assert page.tabs.tabText(1) == "Waiting to send (1)"  # kept safe here

    before = len(events)
    win.sync.run_now()  # the next minute's run: still down, said again only in the line
    qtbot.waitUntil(lambda: not win.sync.running, timeout=30_000)
    assert load_state().offline_since == since  # since the first time, not the latest
    assert "Cannot reach the council" not in [m for m, _p in events[before:]]

    server.start()
    page.send_button.click()
    qtbot.waitUntil(lambda: win.sync_status.text() == "All sent", timeout=30_000)
    assert load_state().offline_since is None
    assert page.tabs.tabText(2) == "Sent (1)"


def _epoch(iso: str) -> float:
    import datetime as dt

    return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def test_sending_is_not_there_while_the_laptop_is_with_the_person(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, server: ServerProcess
) -> None:
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    finalised_case(win, "Somebody Else")
    case = win.session.start_case(Person("Nia Morgan"), "person", None)
    win.open_case(case)
    win.act("handed")
    assert win.handed_case == case
    route = win.route
    win.go(("sending",))
    assert win.route == route and not isinstance(win.page, SendingPage)
    win.go(("check", case))  # a page with the status line
    assert win.route == ("check", case) and win.statusBar().isVisible()
    assert win.sync_status.text() == ""  # nothing about the assessor's other cases
    route = win.route
    before = list(accessible.said)
    win.sync.send_now()
    qtbot.waitUntil(lambda: not win.sync.running, timeout=30_000)
    assert list(accessible.said) == before  # "Sent …" is not said to the person
    assert win.route == route


def test_saved_and_locked_are_announced(qtbot, window: MainWindow, events) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.ui.pages.question import QuestionPage

    window.open_case(window.session.start_case(Person("Eira Jones"), "person", None))
    page = window.page
    assert isinstance(page, QuestionPage)
    page.answer.buttons[0].click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: accessible.said[-1] == "Saved", timeout=5_000)
    assert ("Saved", QAccessible.AnnouncementPoliteness.Polite) in events
    window.lock()
    assert accessible.said[-1].startswith("Locked.")
    assert announcer(window).text().startswith("Locked.")


def test_first_run_enrols_and_gets_the_councils_ruleset_from_its_server(  # type: ignore[no-untyped-def]
    qtbot, server: ServerProcess
) -> None:
    """A council that hands out only a server address and a code: set-up can be finished
    in the app, with the ruleset from the council's server."""
    from rasdesk.ui.pages.first_run import FirstRunPage

    trust.add_key(DEMO_KEY)  # the council's key (its file, trusted as on the first-run page)
    window = make_window(demo=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.sync.first.stop()
    window.show()
    page = window.page
    assert isinstance(page, FirstRunPage)
    assert page.enrol_button.isVisible() and not page.fetch_button.isVisible()
    page.enrol_button.click()
    form = page.enrol_form
    assert form.isVisible() and page.focusWidget() is form.address
    form.address.setText(server.url)
    form.code.setText("WRONG")
    form.enrol_button.click()
    qtbot.waitUntil(lambda: "did not accept that code" in form.message.text(), timeout=30_000)
    form.code.setText(enrol_code(server.database, "Sam Patel"))
    form.enrol_button.click()
    qtbot.waitUntil(lambda: "Installed:" in page.ruleset_state.text(), timeout=30_000)
    assert "Done: this laptop can now send cases to " + server.url in page.trust_state.text()
    assert not form.isVisible() and page.fetch_button.isVisible()
    assert rulesets.current_sha256() is not None
    page.name.setText("Sam Patel")
    page.pin.setText(PIN)
    page.pin_again.setText(PIN)
    page.submit()
    assert isinstance(window.page, CaseListPage)
    assert window.page.send_button is not None and window.page.send_button.isVisible()
    window.close()
    window.session.store.close()


def test_what_is_typed_for_enrolling_survives_a_change_of_looks(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = open_sending_page(win)
    page.form.address.setText("https://rasdesk.council.example")
    page.form.code.setText("ABCD-EFGH")
    win.act("large")
    win.act("language")
    assert isinstance(win.page, SendingPage) and win.page is not page
    assert win.page.form.address.text() == "https://rasdesk.council.example"
    assert win.page.form.code.text() == "ABCD-EFGH"
    assert win.page.form.enrol_button.text() == "Cofrestru'r &gliniadur hwn"


def test_a_sent_format2_case_shows_its_receipt_on_its_budget_page(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, server: ServerProcess
) -> None:
    from rasdesk.ui.pages.result_v2 import ResultV2Page

    signed_v2 = paths.demo_dir() / "demo-v2.ruleset.signed.json"
    publish_ruleset(server.database, signed_v2, DEMO_KEY)
    rulesets.install(signed_v2)
    enrol(server.url, enrol_code(server.database, "Sam Patel"), "test laptop")
    case = win.session.start_case(Person("Nia Morgan", council_ref="REF-2"), "person", None)
    assert win.session.is_format2(case)
    answers = json.loads((paths.demo_dir() / "answers-v2" / "person-example.json").read_text())
    for question, value in answers["answers"].items():
        win.session.store.set_answer(case, question, value)
    lifecycle.finalise(win.session.store, case)
    win.open_case(case)
    page = win.page
    assert isinstance(page, ResultV2Page) and page.receipt is not None
    assert page.receipt.accessibleName().startswith("Not with the council yet")
    win.sync.run_now()  # the minute's run, not asked for
    qtbot.waitUntil(lambda: page.receipt.accessibleName().startswith("Received"), timeout=30_000)
    (row,) = export_rows(server.database)
    assert page.receipt.accessibleName() == (
        f"Received by the council on {day_and_time(row['received_at'])}. Receipt: {row['receipt']}"
    )
    assert win.page is page  # not rebuilt under the assessor


def council_policy_names_its_server() -> None:
    policy = paths.site_config_dir() / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"server_url": "https://rasdesk.council.example"}))


def test_the_administrators_server_is_filled_in_and_fixed(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Where the council's policy names its server, the assessor types only the code."""
    council_policy_names_its_server()
    page = open_sending_page(win)
    assert page.form.address.text() == "https://rasdesk.council.example"
    assert page.form.address.isReadOnly() and page.focusWidget() is page.form.code


def test_the_administrators_server_is_fixed_at_first_run_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.ui.pages.first_run import FirstRunPage

    council_policy_names_its_server()
    window = make_window(demo=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.sync.first.stop()
    window.show()
    page = window.page
    assert isinstance(page, FirstRunPage)
    page.enrol_button.click()
    form = page.enrol_form
    assert form.address.text() == "https://rasdesk.council.example"
    assert form.address.isReadOnly() and page.focusWidget() is form.code
    window.act("language")  # rebuilt: what was kept never replaces the policy's server
    again = window.page
    assert isinstance(again, FirstRunPage) and again.enrol_form.isVisible()
    assert again.enrol_form.address.text() == "https://rasdesk.council.example"
    window.close()
    window.session.store.close()
