"""Easy read (#17 point 5) on the screens the person sees: every question page of the demo
and the check page (with its list of questions still to answer), in easy read, handed to
the person, in English and in Welsh — every sentence on screen or read by a screen reader
is at most 15 words (the ruleset's easy-read words and the app's own)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from rasdesk.ui import flow
from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.check_answers import CheckAnswersPage
from tests.printing.test_easy_read import MAX_WORDS
from tests.ui.conftest import case_named
from tests.ui.drive import visible_text


def long_sentences(text: str) -> set[str]:
    """Sentences over 15 words (a screen reader's list of items joined by "; ", and the
    progress line's "Question 8 of 14 · section" taken as the two pieces they are)."""
    parts = re.split(r"(?<=[.?!])\s+|\n|;\s+|\s+·\s+", text.strip())
    return {p for p in parts if len(p.split()) > MAX_WORDS}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_what_the_person_sees_in_easy_read_is_short(qtbot, window: MainWindow, lang: str) -> None:  # type: ignore[no-untyped-def]
    win = window
    case = case_named(win, "John Evans")  # a draft, some questions still to answer
    win.open_case(case)
    win.set_modes(replace(win.modes(), easy=True, language=lang))
    win.act("handed")
    assert win.modes().handed and win.modes().easy
    form = win.session.form(case)
    found: set[str] = set()
    pages = 0
    for _section, question in form.order():
        win.go(("question", case, question.id, False))
        if win.route[0] != "question":
            continue  # not asked with these answers
        found |= long_sentences(visible_text(win))
        pages += 1
    win.go(("check", case))
    assert isinstance(win.page, CheckAnswersPage) and win.page.summary is not None
    found |= long_sentences(visible_text(win))
    assert pages > 10
    assert flow.missing_required(form, win.session.answers(case))  # the list was shown
    assert found == set(), sorted(found)
