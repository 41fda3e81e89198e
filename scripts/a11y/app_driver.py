"""The real app on a throwaway demo profile, for the AT-SPI and Orca checks
(scripts/stage-a11y.sh). Runs in .venv; reads one command a line on stdin and answers one
JSON line on stdout once the page has settled:

    go ["question", "@John Evans", "washing", false]   open a page ("@Name": that case)
    look {"contrast": true, "language": "cy"}          change the looks of the page shown
    keys ["1", "Return", "Tab", "ctrl+Return"]          type into the app (QTest)
    next                                               answer (first choice, or 3) and go on
    prepare "decision"                                 cases for the later pages (see prepare)
    record                                             a format-2 question: open "Who answered"
    focus "The person's view"                          give the page's control of that name the
                                                       keyboard focus (no key event: see next)
    where                                              what the page shows (no change)
    poke                                               an event Orca logs but does not say
                                                       (it flushes Orca's buffered log)
    quit

Each answer says the page kind, its heading, its question and answers, the £ figure, and
the Change links, so the reader can compare what AT-SPI exposes with what is on screen.
John Evans's draft is completed from the demo's person example, so it reaches a budget.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

# Always a fresh profile: the demo keys live in this process only (use_demo_keyring), so a
# profile left by an earlier run (the AT-SPI check, then Orca) could never be opened.
os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-a11y-")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.ui.fill

from rasdesk.platform.demo_keyring import use_demo_keyring

use_demo_keyring()

from PySide6.QtCore import QSocketNotifier, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402
from tests.ui.fill import fill_answers  # noqa: E402

from rasdesk.storage.queries import list_cases  # noqa: E402
from rasdesk.ui import theme  # noqa: E402
from rasdesk.ui.app import application, make_window  # noqa: E402
from rasdesk.ui.main_window import MainWindow  # noqa: E402
from rasdesk.ui.pages.check_answers import CheckAnswersPage  # noqa: E402
from rasdesk.ui.pages.new_case import NewCasePage  # noqa: E402
from rasdesk.ui.pages.question import QuestionPage  # noqa: E402
from rasdesk.ui.pages.result import ResultPage  # noqa: E402
from rasdesk.ui.pages.result_v2 import ResultV2Page  # noqa: E402


def describe(win: MainWindow) -> dict[str, object]:
    page = win.page
    heading = page.findChild(QLabel, "h1") if page is not None else None
    info: dict[str, object] = {
        "route": [str(part) for part in win.route],
        "page": type(page).__name__,
        "heading": heading.accessibleName() if heading is not None else "",
        "window": win.windowTitle(),
        "focus": (QApplication.focusWidget() or win).accessibleName(),
    }
    if isinstance(page, QuestionPage):
        info["question"] = page.heading.text()
        info["answers"] = [b.accessibleName() for b in getattr(page.answer, "buttons", [])]
    if isinstance(page, ResultPage):
        info["weekly"] = page.weekly.text()
    if isinstance(page, ResultV2Page):
        info["totals"] = [f for (_amount, what), f in page.figures.items() if what == "total"]
        info["description"] = page.heading.accessibleDescription()
    if isinstance(page, CheckAnswersPage):
        info["links"] = [w.accessibleName() for w in page.change_links.values()]
    return info


def go_on(win: MainWindow) -> None:
    """What a person does to move on: choose the first answer (or type 3) and continue; on
    the check page, Continue to the budget. Done through the page's own controls, without
    key events (each key makes Qt's bridge wait on Orca; see docs/accessibility.md)."""
    page = win.page
    if isinstance(page, QuestionPage):
        answer = page.answer
        if hasattr(answer, "pick"):
            answer.pick(0)
        elif hasattr(answer, "edit"):
            answer.edit.setText("3")
        else:
            answer.setPlainText("3")
        page.next.click()
    elif isinstance(page, CheckAnswersPage):
        page.continue_button.setFocus()
        page.continue_button.click()
    elif isinstance(page, NewCasePage):
        page.name.setText("Siân Orca")
        page.submit()


def prepare(win: MainWindow, what: str, cases: dict[str, str]) -> None:
    """Cases for the pages the demo has none for, made through the store as the tests do:
    "decision": Alys's support plan, one item, finalised (the plan summary, the decision);
    "review": next year's format-1 ruleset installed (John's draft can move to it) and a
    review of Gareth, last time's answers confirmed ("since last time");
    "format2": the demo's format-2 ruleset installed and a format-2 draft, every answer
    given ("Gwen Format2": its questions, check page and budget);
    "format2-plan": Gwen Format2 finalised with a support plan of one item, finalised (the
    format-2 plan summary and decision, an NHS part shown), and "Owain Format2", a finalised
    assessment on example (d) with two amounts (the plan page's amount choice);
    "views": a draft on example (a) where a multiple-choice and a number question may not
    apply (tests/ui/na_views.py), with the person's and the assessor's views, who answered,
    evidence, a view that does not apply, and views of "outings" that differ with no agreed
    answer ("Nia Views")."""
    from rasdesk.platform import rulesets
    from rasdesk.platform.paths import demo_dir
    from rasdesk.storage import decisions, lifecycle, prefilled

    store = win.session.store
    if what == "decision":
        alys = cases["Alys Pritchard"]
        decisions.add_item(
            store,
            alys,
            {
                "kind": "Personal care",
                "provider": "Helping Hands agency",
                "quantity": "10",
                "unit": "hours",
                "rate": "24.50",
            },
        )
        lifecycle.finalise(store, alys)
    elif what == "review":
        from tests.reviews import helpers as h

        from rasdesk.ui import reviews

        _ruleset, signed = h.signed(h.next_year(h.rate_only))
        path = Path(tempfile.mkdtemp(prefix="rasdesk-a11y-rs-")) / "demo-2027.ruleset.signed.json"
        path.write_bytes(signed)
        rulesets.install(path)
        review = reviews.start_review(win.session, cases["Gareth Hughes"])
        prefilled.confirm(store, review)
        cases["Gareth review"] = review
    elif what == "format2":
        from rasdesk.storage.store import Person

        example = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())
        verified = rulesets.install(demo_dir() / "demo-v2.ruleset.signed.json")
        case, _ = store.new_case(
            Person(name="Gwen Format2", date_of_birth="1950-02-03"),
            example["questionnaire"],
            verified.ruleset,
            verified.signed_bytes,
        )
        for qid, value in example["answers"].items():
            store.set_answer(case, qid, value)
        cases["Gwen Format2"] = case
    elif what == "format2-plan":
        from rasdesk.storage.store import Person

        gwen = cases["Gwen Format2"]
        lifecycle.finalise(store, gwen)
        decisions.add_item(
            store,
            gwen,
            {
                "kind": "Personal care",
                "provider": "Helping Hands agency",
                "quantity": "24",
                "unit": "hours",
                "rate": "24.50",
            },
        )
        lifecycle.finalise(store, gwen)
        signed_d = demo_dir().parent / "examples" / "d-person-and-carer"
        verified = rulesets.install(signed_d / "person-and-carer.ruleset.signed.json")
        owain, _ = store.new_case(
            Person(name="Owain Format2"), "person", verified.ruleset, verified.signed_bytes
        )
        worked = (signed_d / "expected.jsonl").read_text().splitlines()[1]
        for qid, value in json.loads(worked, parse_float=Decimal)["answers"].items():
            store.set_answer(owain, qid, value)
        lifecycle.finalise(store, owain)
        cases["Owain Format2"] = owain
    elif what == "views":
        from tests.ui.na_views import EXAMPLE_A, na_views_ruleset

        from rasdesk.storage.store import Person

        folder = Path(tempfile.mkdtemp(prefix="rasdesk-a11y-views-"))
        verified = rulesets.install(na_views_ruleset(folder))
        case, _ = store.new_case(
            Person(name="Nia Views"), "person", verified.ruleset, verified.signed_bytes
        )
        worked = (EXAMPLE_A.parent / "expected.jsonl").read_text().splitlines()[0]
        na = {"not_applicable": True}
        answers = json.loads(worked)["answers"] | {
            "washing": {
                "agreed": "some",
                "views": {"person": "all", "assessor": "some"},
                "answered_by": "person_helped",
                "evidence": "Seen at the visit: needs help to get in the bath.",
            },
            "activities": {
                "agreed": ["shopping"],
                "views": {"person": na, "assessor": ["shopping"]},
            },
            "outings": {"views": {"person": na, "assessor": Decimal(2)}},  # differ: none agreed
        }
        for qid, value in answers.items():
            store.set_answer(case, qid, value)
        cases["Nia Views"] = case
    else:
        raise SystemExit(f"app_driver: nothing to prepare called {what!r}")


def main() -> int:
    app = application()
    theme.load_fonts()
    win = make_window(demo=True)
    assert isinstance(win, MainWindow)
    win.resize(1100, 820)
    win.show()
    from rasdesk.storage.demo import DEMO_PIN

    win.page.pin.setText(DEMO_PIN)  # type: ignore[union-attr]  # it opens on the PIN
    win.page.try_unlock()  # type: ignore[union-attr]
    cases = {c.person_name: c.case_uuid for c in list_cases(win.session.store)}
    fill_answers(win, cases["John Evans"])

    def answer(words: dict[str, object]) -> None:
        print(json.dumps(words), flush=True)

    def run(line: str) -> None:
        command, _space, rest = line.strip().partition(" ")
        if command == "go":
            route = [
                cases[p[1:]] if isinstance(p, str) and p.startswith("@") else p
                for p in json.loads(rest)
            ]
            win.go(tuple(route))
        elif command == "look":
            wanted = json.loads(rest)
            win.set_modes(replace(win.modes(), **wanted))
        elif command == "keys":
            # Keys typed into the app itself (QTest, as the tests do): Orca hears what they
            # cause without Qt's AT-SPI key-event round trip (see docs/accessibility.md).
            for name in json.loads(rest):
                target = QApplication.focusWidget() or win
                if len(name) == 1:
                    QTest.keyClicks(target, name)
                else:
                    mods = (
                        Qt.KeyboardModifier.ControlModifier
                        if name.startswith("ctrl+")
                        else Qt.KeyboardModifier.NoModifier
                    )
                    QTest.keyClick(target, getattr(Qt.Key, "Key_" + name.split("+")[-1]), mods)
                app.processEvents()
        elif command == "next":
            go_on(win)
        elif command == "record":
            fields = getattr(win.page, "record_fields", None)
            if fields is not None:
                fields.more.setChecked(True)
        elif command == "focus":
            wanted = json.loads(rest)
            page = win.page
            found = [
                w
                for w in (page.findChildren(QWidget) if page is not None else [])
                if w.accessibleName() == wanted
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus  # a control, not its label
                and w.isVisibleTo(page)
                and w.isEnabled()
            ]
            if found:
                found[0].setFocus()
        elif command == "poke":  # the window's description changed: nothing is focused
            win.setAccessibleDescription("" if win.accessibleDescription() else " ")
        elif command == "prepare":
            prepare(win, json.loads(rest), cases)
        elif command == "quit":
            win.close()
            app.quit()
            return
        QTimer.singleShot(400, lambda: answer(describe(win)))

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def readable() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        run(line)

    notifier.activated.connect(readable)
    QTimer.singleShot(800, lambda: answer(describe(win)))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
