"""The voice behind "Read aloud": for each language, the platform's own voice through Qt's
text-to-speech where it has one for that language (Windows' English voices, speech-
dispatcher's on Linux), otherwise espeak-ng, which has English and Welsh: the
``espeak-ng`` program where installed, else the espeak-ng library and voices that come
with the app (``printing/espeak_lib.py``; the Windows installer bundles them), played
through Qt Multimedia. Nothing needs the internet.

``Speaker.say(runs, speed)`` speaks ``(language, text)`` runs one after another and emits
``done`` after the last (``failed`` with the reason where no voice can speak); ``stop()``
stops at once.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QUrl, Signal

from rasdesk.domain.errors import RasdeskError
from rasdesk.printing.audio import DEFAULT_SPEED, VOICES, espeak_command, has_program

SKIP_ENGINES = {"mock"}  # Qt's engine for its own tests: it says nothing
LANGUAGES = {"en": "English", "cy": "Welsh"}  # QLocale.Language names
_voices: dict[str, Any] = {}  # language → (QTextToSpeech, QVoice) or None, found once


def qt_voice(lang: str) -> Any:
    """Qt's text-to-speech engine set to a voice for ``lang`` (British first for English),
    or None where the platform has none (then espeak-ng speaks)."""
    if lang in _voices:
        return _voices[lang]
    _voices[lang] = None
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # Qt without its text-to-speech module
        return None
    wanted = getattr(QLocale.Language, LANGUAGES.get(lang, ""), None)
    if wanted is None:
        return None
    for engine in QTextToSpeech.availableEngines():
        if engine in SKIP_ENGINES:
            continue
        tts = QTextToSpeech(engine)
        if tts.state() == QTextToSpeech.State.Error:
            continue
        locales = [loc for loc in tts.availableLocales() if loc.language() == wanted]
        locales.sort(key=lambda loc: loc.territory() != QLocale.Country.UnitedKingdom)
        for locale in locales:
            tts.setLocale(locale)
            if tts.availableVoices():
                tts.setVoice(tts.availableVoices()[0])
                _voices[lang] = tts
                return tts
    return None


def qt_rate(speed: int) -> float:
    """espeak-ng's words a minute as Qt's rate (-1 … 1, 0 the platform's normal)."""
    return max(-1.0, min(1.0, (speed - DEFAULT_SPEED) / 100))


class Speaker(QObject):
    done = Signal()  # the last run was spoken
    failed = Signal(str)  # no voice could speak: what to do about it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue: list[tuple[str, str]] = []
        self.speed = DEFAULT_SPEED
        self.process: QProcess | None = None  # espeak-ng, the program
        self.tts: Any = None  # Qt's text-to-speech, while it speaks
        self.effect: Any = None  # the bundled library's speech, played
        self._wav: Path | None = None

    @property
    def busy(self) -> bool:
        return any(x is not None for x in (self.process, self.tts, self.effect))

    def say(self, runs: list[tuple[str, str]], speed: int) -> None:
        """Speak ``runs`` in order (stopping anything still speaking first)."""
        self.stop()
        self.queue, self.speed = list(runs), speed
        self._next()

    def _next(self) -> None:
        try:
            self._speak_next()
        except RasdeskError as exc:
            self.stop()
            self.failed.emit(str(exc))

    def _speak_next(self) -> None:
        self._clear()
        if not self.queue:
            self.done.emit()
            return
        lang, text = self.queue[0]
        tts = qt_voice(lang)
        if tts is not None:
            self.queue.pop(0)
            self._say_qt(tts, text)
        elif has_program():
            self.queue.pop(0)
            self._say_program(lang, text)
        else:  # the library: the rest of the page as one recording
            runs, self.queue = self.queue, []
            self._say_library(runs)

    def _say_qt(self, tts: Any, text: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.tts = tts
        tts.setRate(qt_rate(self.speed))

        def changed(state: Any) -> None:
            if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
                tts.stateChanged.disconnect(changed)
                if self.tts is tts:
                    self.tts = None
                    self._next()

        tts.stateChanged.connect(changed)
        tts.say(text)

    def _say_program(self, lang: str, text: str) -> None:
        argv = espeak_command(lang, self.speed)
        process = QProcess(self)
        process.finished.connect(self._process_finished)
        self.process = process
        process.start(argv[0], argv[1:])
        process.write(text.encode("utf-8"))
        process.closeWriteChannel()

    def _process_finished(self) -> None:
        if self.process is not None and self.sender() is self.process:
            self.process.deleteLater()
            self.process = None
            self._next()

    def _say_library(self, runs: list[tuple[str, str]]) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        from rasdesk.printing import espeak_lib

        if not espeak_lib.available():
            espeak_command(runs[0][0])  # raises the message saying how to install espeak-ng
        unknown = [lang for lang, _ in runs if lang not in VOICES]
        if unknown:
            raise RasdeskError(f'no voice for language {unknown[0]!r}: use "en" or "cy"')
        data = espeak_lib.synth_wav([(VOICES[lang], text) for lang, text in runs], self.speed)
        fd, name = tempfile.mkstemp(prefix="rasdesk-voice-", suffix=".wav")  # owner-only
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        self._wav = Path(name)  # deleted once spoken or stopped
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(name))
        effect.playingChanged.connect(self._effect_changed)
        effect.statusChanged.connect(self._effect_status)
        self.effect = effect
        effect.play()

    def _effect_changed(self) -> None:
        effect = self.effect
        if effect is not None and self.sender() is effect and not effect.isPlaying():
            self._next()  # played to the end

    def _effect_status(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self.effect
        if effect is not None and effect.status() == QSoundEffect.Status.Error:
            self.stop()  # no sound output to play it on
            self.failed.emit(
                self.tr("The voice could not be played: this computer has no sound output.")
            )

    def _clear(self) -> None:
        """Let go of the voice that just finished (or is being stopped)."""
        process, self.process = self.process, None
        if process is not None:
            process.finished.disconnect(self._process_finished)
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()
        tts, self.tts = self.tts, None
        if tts is not None:
            tts.stop()
        effect, self.effect = self.effect, None
        if effect is not None:
            effect.playingChanged.disconnect(self._effect_changed)
            effect.statusChanged.disconnect(self._effect_status)
            effect.stop()
            effect.deleteLater()
        if self._wav is not None:
            self._wav.unlink(missing_ok=True)
            self._wav = None

    def stop(self) -> None:
        """Stop speaking at once; ``done`` is not emitted."""
        self.queue = []
        self._clear()
