"""The letter in braille, as a braille-ready file (``.brf``: North American braille ASCII,
40 cells a line, 25 lines a page, a form feed between pages) for a braille embosser or a
braille display: English in Unified English Braille grade 2, Welsh in Welsh grade 2.

The translation is liblouis's (Debian's ``liblouis-bin``: its ``lou_translate`` program and
tables ``en-ueb-g2.ctb`` and ``cy-cy-g2.ctb``), run on the same passages as every other
copy of the letter (``blocks.Document``), each in its own language's table.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap

from rasdesk.domain.errors import RasdeskError
from rasdesk.printing.audio import document_parts
from rasdesk.printing.blocks import Document

TABLES = {"en": "en-us-brf.dis,en-ueb-g2.ctb", "cy": "en-us-brf.dis,cy-cy-g2.ctb"}
CELLS, LINES = 40, 25


def lou_translate() -> str:
    """The liblouis translator, or an error saying how to install it."""
    found = shutil.which("lou_translate")
    if found is None:
        raise RasdeskError(
            "braille needs liblouis, which is not installed: on Debian or Ubuntu, "
            "`apt-get install liblouis-bin` (the council's server has it)"
        )
    return found


def translate(lines: list[str], lang: str) -> list[str]:
    """Each line translated to braille ASCII in ``lang``'s grade 2 table."""
    if lang not in TABLES:
        raise RasdeskError(f'no braille table for language {lang!r}: use "en" or "cy"')
    clean = [" ".join(line.split()) for line in lines]
    result = subprocess.run(
        [lou_translate(), "--forward", TABLES[lang]],
        input="\n".join(clean).encode("utf-8") + b"\n",
        capture_output=True,
        timeout=120,
        check=False,
    )
    out = result.stdout.decode("ascii", "replace").splitlines()
    if result.returncode != 0 or len(out) != len(clean):
        err = result.stderr.decode("utf-8", "replace").strip()
        raise RasdeskError(f"liblouis could not translate the {lang} text: {err or 'no output'}")
    return out


def braille_document(doc: Document) -> bytes:
    """The letter as a .brf file: every passage, in reading order, each paragraph starting
    on a new line indented two cells."""
    parts = [(lang, text) for lang, text in document_parts(doc) if text.strip()]
    runs: list[tuple[str, list[str]]] = []
    for lang, text in parts:
        if runs and runs[-1][0] == lang:
            runs[-1][1].append(text)
        else:
            runs.append((lang, [text]))
    lines: list[str] = []
    for lang, texts in runs:
        for para in translate(texts, lang):
            lines += textwrap.wrap(
                para, CELLS, initial_indent="  ", break_long_words=True, break_on_hyphens=False
            ) or [""]
    pages = [lines[i : i + LINES] for i in range(0, len(lines), LINES)]
    body = "\f".join("\r\n".join(page) + "\r\n" for page in pages)
    return body.encode("ascii")
