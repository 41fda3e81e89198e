"""espeak-ng as a library, for a laptop with no ``espeak-ng`` program (Windows): the
shared library and its voice data (English and Welsh) come with the ``espeakng-loader``
package, a dependency of the app that the Windows installer bundles, so reading aloud
needs nothing else installed. Speech is made in memory (espeak-ng's synchronous mode)
and returned as a 16-bit mono WAV file's bytes.

Only one synthesis runs at a time (espeak-ng keeps its state per process). espeak-ng is
GPL-3.0-or-later; its licence travels with the installer (``packaging/``).
"""

from __future__ import annotations

import ctypes
import io
import threading
import wave
from pathlib import Path
from typing import Any

from rasdesk.domain.errors import RasdeskError

_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: samples to the callback, nothing played
_RATE = 1  # espeakRATE, words a minute
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)

_lock = threading.Lock()
_state: dict[str, Any] = {}


def library_files() -> tuple[Path, Path] | None:
    """The espeak-ng shared library and its data folder, or None where not installed."""
    try:
        import espeakng_loader  # type: ignore[import-untyped]
    except ImportError:
        return None
    library, data = Path(espeakng_loader.get_library_path()), Path(espeakng_loader.__file__)
    data = data.parent / "espeak-ng-data"
    return (library, data) if library.is_file() and data.is_dir() else None


def available() -> bool:
    return library_files() is not None


def _open() -> tuple[Any, int, list[bytes]]:
    if "lib" in _state:
        return _state["lib"], _state["rate"], _state["samples"]
    found = library_files()
    if found is None:
        raise RasdeskError(
            "reading aloud needs espeak-ng: install the espeak-ng program (on Debian or "
            "Ubuntu, `apt-get install espeak-ng`) or the espeakng-loader package"
        )
    library, data = found
    try:
        lib = ctypes.CDLL(str(library))
    except OSError as exc:
        raise RasdeskError(f"the espeak-ng library could not be loaded: {exc}") from None
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    rate = lib.espeak_Initialize(_SYNCHRONOUS, 0, str(data).encode("utf-8"), 0)
    if rate <= 0:
        raise RasdeskError(f"espeak-ng could not start with its voices in {data}")
    samples: list[bytes] = []

    def collect(wav: Any, count: int, _events: Any) -> int:
        if count > 0 and wav:
            samples.append(ctypes.string_at(wav, count * 2))
        return 0  # go on

    callback = _CALLBACK(collect)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    _state.update(lib=lib, rate=rate, samples=samples, callback=callback)  # kept alive
    return lib, rate, samples


def synth_wav(runs: list[tuple[str, str]], speed: int) -> bytes:
    """``(voice, text)`` runs spoken one after another, as one WAV file's bytes."""
    with _lock:
        lib, rate, samples = _open()
        samples.clear()
        for voice, text in runs:
            # The library's data names British English "en" (the program takes "en-gb").
            names = (voice, voice.split("-")[0])
            if all(lib.espeak_SetVoiceByName(n.encode("ascii")) != 0 for n in names):
                raise RasdeskError(f"espeak-ng has no voice {voice!r}")
            lib.espeak_SetParameter(_RATE, int(speed), 0)
            data = text.encode("utf-8") + b"\0"
            if lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None):
                raise RasdeskError(f"espeak-ng could not speak the {voice} text")
            lib.espeak_Synchronize()
        pcm = b"".join(samples)
        samples.clear()
    if not pcm:
        raise RasdeskError("there was nothing to read aloud")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)
    return buffer.getvalue()
