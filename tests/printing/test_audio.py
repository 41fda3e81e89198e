"""Read aloud with espeak-ng: the demo's first question and its answers, in English and in
Welsh, spoken into a WAV file that is not silent and lasts about as long as the words need;
the whole letter as audio through ``rasdesk print --audio``; a clear message without it."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest

from rasdesk.domain.errors import RasdeskError
from rasdesk.printing import espeak_lib
from rasdesk.printing.audio import espeak_command, speak_to_wav
from rasdesk.printing.speech import question_parts
from tests.storage.helpers import demo_ruleset


def measure(path: Path) -> tuple[float, float, float]:
    """(seconds, RMS level 0..1, share of the time above a whisper), read back with wave."""
    with wave.open(str(path), "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
    window = rate // 20  # 50 ms
    loud = [
        max(abs(s) for s in samples[i : i + window]) > 1000
        for i in range(0, len(samples) - window, window)
    ]
    return len(samples) / rate, rms, sum(loud) / len(loud)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_demo_s_first_question_read_aloud(tmp_path: Path, lang: str) -> None:
    ruleset = demo_ruleset().ruleset
    first = ruleset.questionnaires[0].sections[0].questions[0]
    parts = question_parts(first, lang)
    assert parts[0] == first.text.get(lang) and len(parts) == 1 + len(first.options)
    out = tmp_path / f"question-{lang}.wav"
    speak_to_wav([(lang, p) for p in parts], out)
    seconds, rms, voiced = measure(out)
    words = sum(len(p.split()) for p in parts)
    # At 150 words a minute with pauses: between 0.25 s and 1 s a word.
    assert 0.25 * words < seconds < 1.0 * words, (seconds, words)
    assert rms > 0.02 and voiced > 0.4, (rms, voiced)


def test_welsh_and_english_use_their_own_voices() -> None:
    assert espeak_command("cy")[1:3] == ["-v", "cy"]
    assert espeak_command("en")[1:3] == ["-v", "en-gb"]
    assert espeak_command("en", speed=9999)[4] == "300"  # bounded


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_without_the_program_the_bundled_library_speaks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    """A Windows laptop: no espeak-ng program, only the library and voices the installer
    brings (espeakng-loader); the same question, in English and in Welsh."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert espeak_lib.available()
    first = demo_ruleset().ruleset.questionnaires[0].sections[0].questions[0]
    parts = question_parts(first, lang)
    out = tmp_path / f"library-{lang}.wav"
    speak_to_wav([(lang, p) for p in parts], out)
    seconds, rms, voiced = measure(out)
    words = sum(len(p.split()) for p in parts)
    assert 0.25 * words < seconds < 1.0 * words, (seconds, words)
    assert rms > 0.02 and voiced > 0.4, (rms, voiced)


def test_a_clear_message_without_espeak_ng(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without espeak-ng …
    monkeypatch.setattr(espeak_lib, "library_files", lambda: None)  # … nor the library
    with pytest.raises(RasdeskError, match="apt-get install espeak-ng"):
        speak_to_wav([("en", "Hello.")], tmp_path / "x.wav")
    assert not (tmp_path / "x.wav").exists()
