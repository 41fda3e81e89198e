"""One letter ``Document``, any of the copies a person can keep: the printed PDF
(reportlab), the accessible tagged PDF/UA-1 (typst), the letter read aloud (WAV, espeak-ng)
or in braille (BRF, liblouis) — as bytes, for the app to save or print. The words are the
same in every copy because every renderer reads the one Document."""

from __future__ import annotations

import tempfile
from pathlib import Path

from rasdesk.domain.errors import InputError
from rasdesk.printing.blocks import Document

KINDS = ("pdf", "accessible", "audio", "braille")


def render_copy(doc: Document, kind: str) -> bytes:
    """The bytes of ``doc`` as a ``kind`` of copy (see ``KINDS``)."""
    if kind == "pdf":
        from rasdesk.printing.render import render_document

        return render_document(doc)
    if kind == "accessible":
        from rasdesk.printing.accessible import render_accessible

        return render_accessible(doc)
    if kind == "audio":
        from rasdesk.printing.audio import speak_document

        with tempfile.TemporaryDirectory(prefix="rasdesk-audio-") as tmp:
            out = Path(tmp) / "letter.wav"
            speak_document(doc, out)
            return out.read_bytes()
    if kind == "braille":
        from rasdesk.printing.braille import braille_document

        return braille_document(doc)
    raise InputError(f"no such kind of copy {kind!r}: use {', '.join(KINDS)}")
