"""Read aloud, offline, with espeak-ng (Debian's ``espeak-ng``, which has an English and a
Welsh voice): the letter as a WAV file (``rasdesk print … --audio F.wav``), and the command
line the app runs to speak a question or an explanation (``espeak_command``). Where there
is no ``espeak-ng`` program (Windows), the espeak-ng library and voices that come with the
app (``espeak_lib``, bundled by the installer) speak instead.

Each passage is spoken in its own language's voice; a bilingual letter switches voice
section by section. The pieces are joined with the standard library's ``wave`` module.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import wave
from collections.abc import Sequence
from pathlib import Path

from rasdesk.domain.errors import InputError, RasdeskError
from rasdesk.platform.files import write_new
from rasdesk.printing.blocks import Document, passages

VOICES = {"en": "en-gb", "cy": "cy"}
DEFAULT_SPEED = 150  # words a minute: espeak-ng's 175 is quick for a listener at the table
SPEEDS = (100, 300)  # the range the app's setting allows
MAX_CHARS = 200_000  # bounded input: a letter is a few thousand characters


def espeak() -> str:
    """The espeak-ng program, or an error saying how to install it."""
    found = shutil.which("espeak-ng")
    if found is None:
        raise RasdeskError(
            "reading aloud needs espeak-ng, which is not installed: on Debian or Ubuntu, "
            "`apt-get install espeak-ng`; on Windows, the rasdesk installer bundles it"
        )
    return found


def has_program() -> bool:
    """Whether the ``espeak-ng`` program is installed (else the bundled library speaks)."""
    return shutil.which("espeak-ng") is not None


def espeak_command(lang: str, speed: int = DEFAULT_SPEED, wav: Path | None = None) -> list[str]:
    """The espeak-ng command line that speaks standard input in ``lang``'s voice."""
    if lang not in VOICES:
        raise RasdeskError(f'no voice for language {lang!r}: use "en" or "cy"')
    speed = max(SPEEDS[0], min(SPEEDS[1], int(speed)))
    argv = [espeak(), "-v", VOICES[lang], "-s", str(speed), "--stdin"]
    if wav is not None:
        argv += ["-w", str(wav)]
    return argv


def spoken(text: str) -> str:
    """A passage as it should be heard: a heading or a table cell ends with a pause."""
    text = " ".join(text.split())
    return text if text[-1:] in ".?!:;" else f"{text}."


def speak_to_wav(parts: Sequence[tuple[str, str]], out: Path, speed: int = DEFAULT_SPEED) -> None:
    """Speak ``(language, text)`` parts, in order, into one WAV file at ``out``."""
    if sum(len(t) for _, t in parts) > MAX_CHARS:
        raise RasdeskError(f"too much text to read aloud (over {MAX_CHARS} characters)")
    runs: list[tuple[str, list[str]]] = []
    for lang, text in parts:
        if not text.strip():
            continue
        if runs and runs[-1][0] == lang:
            runs[-1][1].append(spoken(text))
        else:
            runs.append((lang, [spoken(text)]))
    if not has_program():
        from rasdesk.printing import espeak_lib

        if espeak_lib.available():  # no program: the library the app brings with it
            unknown = [lang for lang, _ in runs if lang not in VOICES]
            if unknown:
                raise RasdeskError(f'no voice for language {unknown[0]!r}: use "en" or "cy"')
            speed = max(SPEEDS[0], min(SPEEDS[1], int(speed)))
            data = espeak_lib.synth_wav(
                [(VOICES[lang], "\n".join(texts)) for lang, texts in runs], speed
            )
            write_new(out, data, 0o600, overwrite=True)
            return
    with tempfile.TemporaryDirectory(prefix="rasdesk-audio-") as tmp:
        pieces = []
        for i, (lang, texts) in enumerate(runs):
            piece = Path(tmp) / f"{i}.wav"
            result = subprocess.run(
                espeak_command(lang, speed, piece),
                input="\n".join(texts).encode("utf-8"),
                capture_output=True,
                timeout=600,
                check=False,
            )
            if result.returncode != 0 or not piece.is_file():
                err = result.stderr.decode("utf-8", "replace").strip()
                raise RasdeskError(
                    f"espeak-ng could not speak the {lang} text: {err or 'no output'}"
                )
            pieces.append(piece)
        _join(pieces, out)


def _join(pieces: list[Path], out: Path) -> None:
    params = None
    frames = []
    for piece in pieces:
        with wave.open(str(piece), "rb") as w:
            if params is None:
                params = w.getparams()
            frames.append(w.readframes(w.getnframes()))
    if params is None:
        raise RasdeskError("there was nothing to read aloud")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setparams(params)
        for chunk in frames:
            w.writeframes(chunk)
    write_new(out, buffer.getvalue(), 0o600, overwrite=True)


def document_parts(doc: Document) -> list[tuple[str, str]]:
    """A letter's passages as ``(language, text)``, in reading order (the draft warning
    first, once)."""
    parts = [(p.lang, p.text) for p in doc.draft]
    for section in doc.sections:
        parts += [(section.lang, text) for block in section.blocks for text in passages(block)]
    return parts


def speak_document(
    doc: Document, out: Path, *, overwrite: bool = False, speed: int = DEFAULT_SPEED
) -> None:
    """The letter read aloud into ``out`` (WAV)."""
    if out.exists() and not overwrite:
        raise InputError(f"{out}: already exists; choose another name or add --force")
    speak_to_wav(document_parts(doc), out, speed)
