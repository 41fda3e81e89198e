"""Defects 1 and 4, the first day: set-up offers no Lock or Cases until it is done; the
untrusted-ruleset message points at the button that trusts the key, which says it worked;
and cases finalised in that same sitting carry the name given at set-up."""

from __future__ import annotations

import json

from rasdesk.platform import paths
from rasdesk.storage.queries import show_case
from rasdesk.storage.store import Person
from rasdesk.ui.app import make_window
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.case_list import CaseListPage
from rasdesk.ui.pages.first_run import FirstRunPage


def first_run(qtbot, monkeypatch) -> tuple[MainWindow, FirstRunPage, list[BaseException]]:  # type: ignore[no-untyped-def]
    shown: list[BaseException] = []
    monkeypatch.setattr(
        "rasdesk.ui.pages.first_run.show_error", lambda _parent, exc: shown.append(exc)
    )
    win = make_window(demo=False)
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    win.show()
    assert isinstance(win.page, FirstRunPage)
    return win, win.page, shown


def test_set_up_offers_no_lock_or_cases_until_it_is_done(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, page, _shown = first_run(qtbot, monkeypatch)
    assert not win.mode_bar.buttons["lock"].isVisible()
    assert not win.mode_bar.buttons["cases"].isVisible()
    win.act("lock")  # even by its Alt key: there is no PIN yet to unlock with
    win.act("cases")
    assert win.page is page


def test_untrusted_points_at_the_trust_button_and_trusting_says_so(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _win, page, _shown = first_run(qtbot, monkeypatch)
    demo = paths.demo_dir()
    assert not page.install_ruleset(demo / "demo.ruleset.signed.json")
    assert "Trust the council's key file" in page.trust_state.text()
    assert page.trust_button.hasFocus() or page.focusWidget() is page.trust_button
    assert page.trust_key(demo / "DEMO-public-key.pem")
    assert "now trusts the council's key" in page.trust_state.text()
    assert page.install_ruleset(demo / "demo.ruleset.signed.json")
    assert "Installed:" in page.ruleset_state.text()


def test_the_first_days_cases_carry_the_name_given_at_set_up(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, page, _shown = first_run(qtbot, monkeypatch)
    demo = paths.demo_dir()
    assert page.trust_key(demo / "DEMO-public-key.pem")
    assert page.install_ruleset(demo / "demo.ruleset.signed.json")
    page.name.setText("Siân Roberts")
    page.pin.setText("2580")
    page.pin_again.setText("2580")
    page.submit()
    assert isinstance(win.page, CaseListPage)
    case = win.session.start_case(Person("Nia Morgan"), "person", None)
    answers = json.loads((demo / "answers" / "person-example.json").read_text())["answers"]
    for question, value in answers.items():
        win.session.store.set_answer(case, question, value)
    win.finalise(case)  # as the budget page does: on a worker thread's own store
    qtbot.waitUntil(lambda: not win.session.is_draft(case), timeout=30_000)
    version = win.session.version(case)
    assert version["assessor"] == "Siân Roberts"
    assert json.loads(version["bundle"])["assessor"]["name"] == "Siân Roberts"
    shown = show_case(win.session.store, case)
    assert {v["assessor"] for v in shown["versions"]} == {"Siân Roberts"}  # every version
    assert {h["actor"] for h in shown["history"]} == {"Siân Roberts"}  # and every audit line


def test_what_is_typed_at_set_up_survives_new_looks_and_welsh(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, page, _shown = first_run(qtbot, monkeypatch)
    page.name.setText("Siân Roberts")
    page.pin.setText("2580")
    page.pin_again.setText("2580")
    page.enrol_button.click()
    page.enrol_form.address.setText("https://rasdesk.council.example")
    page.enrol_form.code.setText("ABCD-EFGH")
    win.act("language")
    win.act("large")
    again = win.page
    assert isinstance(again, FirstRunPage) and again is not page
    assert again.enrol_button.text() != page.enrol_button.text()  # in Welsh now
    assert again.name.text() == "Siân Roberts"
    assert again.pin.text() == "2580" and again.pin_again.text() == "2580"
    assert not again.enrol_form.isHidden() and again.enrol_button.isHidden()
    assert again.enrol_form.address.text() == "https://rasdesk.council.example"
    assert again.enrol_form.code.text() == "ABCD-EFGH"
    demo = paths.demo_dir()
    assert again.trust_key(demo / "DEMO-public-key.pem")
    assert again.install_ruleset(demo / "demo.ruleset.signed.json")
    again.submit()
    assert isinstance(win.page, CaseListPage)
    assert win.first_run_typed == {}  # set up: the PIN is not kept in memory
