"""Read aloud on the question page and the budget page: a named control reached by the
keyboard (Tab) and by Ctrl+R, speaking the question and its answers in the ruleset's words
in the case's language, stopping when pressed again or when the page goes; the voice speed
is a named choice and is remembered. The voice: Qt's text-to-speech where the platform has
one for the language (Qt's own test engine stands in for it), else espeak-ng — the
program, or without it the library and voices the app brings (a Windows laptop)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from rasdesk.ui.main_window import MainWindow
from rasdesk.ui.pages.question import QuestionPage
from rasdesk.ui.pages.result import ResultPage
from rasdesk.ui.widgets import read_aloud, speaker
from tests.ui.conftest import case_named
from tests.ui.drive import focus, key, named, tab_to


@pytest.fixture(autouse=True)
def platform_voices(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """No platform voice (the engines this machine may have are not used) unless a test
    lets Qt's own test engine stand in for one."""
    skipped = set(speaker.SKIP_ENGINES)
    monkeypatch.setattr(speaker, "SKIP_ENGINES", skipped)
    monkeypatch.setattr(speaker, "_voices", {})
    from PySide6.QtTextToSpeech import QTextToSpeech

    real = QTextToSpeech.availableEngines
    monkeypatch.setattr(
        QTextToSpeech, "availableEngines", staticmethod(lambda: [e for e in real() if e == "mock"])
    )
    yield skipped


def _first_question(win: MainWindow) -> tuple[str, str]:
    john = case_named(win, "John Evans")
    return john, win.session.questionnaire(john).sections[0].questions[0].id


def test_read_aloud_is_named_reached_by_tab_and_speaks_the_question(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, QuestionPage)
    control = tab_to(named("Read aloud"))
    assert isinstance(control, QPushButton) and "Ctrl+R" in control.accessibleDescription()
    question = window.session.questionnaire(john).sections[0].questions[0]
    parts = page.read_aloud.parts()
    assert parts[0] == ("en", question.text.get("en"))
    assert [t for _, t in parts[1:]] == [o.text.get("en") for o in question.options]
    key(Qt.Key.Key_Space)  # pressed from the keyboard
    assert page.read_aloud.speaking and control.text() == "Stop reading"
    assert page.read_aloud.process is not None
    assert page.read_aloud.process.arguments()[:2] == ["-v", "en-gb"]
    key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # the key stops it
    assert not page.read_aloud.speaking and control.text() == "Read aloud"
    key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # and starts it again
    assert page.read_aloud.speaking
    window.go(("check", john))  # the page goes: the voice stops
    qtbot.wait(20)
    assert not page.read_aloud.speaking or page.read_aloud.process is None


def test_welsh_case_is_read_in_welsh_and_the_speed_is_remembered(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    window.act("language")  # Cymraeg
    qtbot.wait(20)
    assert window.modes().language == "cy"
    page = window.page
    assert isinstance(page, QuestionPage)
    question = window.session.questionnaire(john).sections[0].questions[0]
    assert page.read_aloud.parts()[0] == ("cy", question.text.get("cy"))
    page.read_aloud.start()
    assert page.read_aloud.process is not None
    assert page.read_aloud.process.arguments()[:2] == ["-v", "cy"]
    page.read_aloud.stop()
    speed = tab_to(lambda w: isinstance(w, QComboBox) and w.accessibleName() != "")
    assert isinstance(speed, QComboBox)
    # Labelled on screen, in Welsh, and the label is the combo's buddy (a screen reader
    # hears "labelled by": Qt names a combo by its choice on Linux).
    label = page.read_aloud.speed_label
    assert label.isVisible() and label.buddy() is speed
    assert label.text() == "Cyflymder y llais"
    speed.setCurrentIndex(2)
    assert read_aloud.saved_speed() == read_aloud.SPEEDS[2]
    assert focus() is speed


def test_the_budget_page_reads_the_explanation_step_by_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    alys = case_named(window, "Alys Pritchard")
    window.go(("result", alys))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, ResultPage)
    assert tab_to(lambda w: w is page.read_aloud.button).accessibleName()  # named, either language
    lang = window.modes().language  # the case's language
    budget, _ = window.session.budget(alys, lang)
    parts = page.read_aloud.parts()
    steps = [s["text"] for s in budget["explanation"]]
    assert [t for _, t in parts[-len(steps) :]] == steps and {g for g, _ in parts} == {lang}
    assert page.weekly.text() in [t for _, t in parts]


def test_a_platform_voice_speaks_where_it_has_the_language_espeak_ng_where_not(
    qtbot, window: MainWindow, platform_voices: set[str]
) -> None:  # type: ignore[no-untyped-def]
    platform_voices.clear()  # Qt's test engine as the platform's: British English, no Welsh
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, QuestionPage)
    voice = speaker.qt_voice("en")
    assert voice is not None and voice.engine() == "mock"
    assert voice.locale().name() == "en_GB"
    assert speaker.qt_voice("cy") is None  # no Welsh voice: espeak-ng's
    page.read_aloud.start()
    assert page.read_aloud.speaking and page.read_aloud.speaker.tts is voice
    assert page.read_aloud.process is None  # English: not espeak-ng
    qtbot.waitUntil(lambda: not page.read_aloud.speaking, timeout=30_000)  # spoken to the end
    assert page.read_aloud.button.text() == "Read aloud"
    window.act("language")  # Cymraeg: the same page in Welsh, spoken by espeak-ng
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, QuestionPage)
    page.read_aloud.start()
    assert page.read_aloud.speaker.tts is None and page.read_aloud.process is not None
    assert page.read_aloud.process.arguments()[:2] == ["-v", "cy"]
    page.read_aloud.stop()
    assert not page.read_aloud.speaking


def test_without_the_program_the_bundled_espeak_ng_speaks(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(tmp_path))  # a Windows laptop: no espeak-ng program
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, QuestionPage)
    page.read_aloud.start()
    spoken = page.read_aloud.speaker
    assert spoken.process is None and spoken.effect is not None
    wav = spoken._wav
    assert wav is not None and wav.stat().st_size > 44_100  # over a second of speech
    page.read_aloud.stop()  # stopped: nothing left behind
    assert not page.read_aloud.speaking and not wav.exists()


def test_no_voice_at_all_says_how_to_get_one(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from rasdesk.printing import espeak_lib

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(espeak_lib, "library_files", lambda: None)
    john, first = _first_question(window)
    window.go(("question", john, first, False))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, QuestionPage)
    page.read_aloud.start()
    assert not page.read_aloud.speaking and page.read_aloud.button.text() == "Read aloud"
    assert "espeak-ng" in page.read_aloud.button.toolTip()


def test_the_format2_budget_page_reads_its_figures_and_explanation(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    import json

    from rasdesk.platform.paths import demo_dir
    from rasdesk.platform.rulesets import install, load_signed_any
    from rasdesk.storage.store import Person
    from rasdesk.ui.pages.result_v2 import ResultV2Page

    signed = demo_dir() / "demo-v2.ruleset.signed.json"
    install(signed)
    verified = load_signed_any(signed)
    store = window.session.store
    case, _ = store.new_case(
        Person("Ffion Morgan", language="cy"), "person", verified.ruleset, verified.signed_bytes
    )
    answers = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())
    for question, value in answers["answers"].items():
        store.set_answer(case, question, value)
    window.open_case(case)
    window.go(("result", case))
    qtbot.wait(20)
    page = window.page
    assert isinstance(page, ResultV2Page)
    lang = window.modes().language
    assert tab_to(lambda w: w is page.read_aloud.button).accessibleName()
    parts = page.read_aloud.parts()
    texts = [t for _, t in parts]
    assert {g for g, _ in parts} == {lang}
    result, _q, _final = window.session.budget_v2(case, lang)
    steps = [s.text for s in result.explanation if s.step != "contact"]
    how = texts.index(page.tr("How the figures were worked out"))
    assert texts[how + 1 : how + 1 + len(steps)] == steps  # step by step, in order
    total = page.figures[(result.amounts[0].id, "total")]
    assert any(total in t for t in texts[:how])  # the figures first
    page.read_aloud.start()
    assert page.read_aloud.speaking
    window.go(("check", case))  # the page goes: the voice stops
    qtbot.wait(20)
    assert not page.read_aloud.speaking
