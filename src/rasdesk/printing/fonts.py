"""Fonts for letters, embedded in every PDF: Atkinson Hyperlegible (OFL, vendored under
resources/fonts) when it has every character of the letter, else DejaVu Sans (Debian's
fonts-dejavu-core, or a copy beside Atkinson). reportlab cannot mix fonts glyph by glyph,
so the choice is made for the whole letter."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform.paths import resources_dir

_FAMILIES = {
    "Atkinson": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
    "DejaVu": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
_SEARCH = (resources_dir() / "fonts", Path("/usr/share/fonts/truetype/dejavu"))


def _find(name: str) -> Path | None:
    for folder in _SEARCH:
        if (folder / name).is_file():
            return folder / name
    return None


@lru_cache(maxsize=8)
def _register(family: str) -> tuple[str, str, frozenset[int]] | None:
    regular, bold = (_find(n) for n in _FAMILIES[family])
    if regular is None or bold is None:
        return None
    reg = TTFont(f"{family}-Regular", str(regular))
    pdfmetrics.registerFont(reg)
    pdfmetrics.registerFont(TTFont(f"{family}-Bold", str(bold)))
    covered = frozenset(reg.face.charToGlyph)
    return f"{family}-Regular", f"{family}-Bold", covered


def pick(text: str) -> tuple[str, str]:
    """(regular, bold) font names that can set every character of ``text``."""
    needed = {ord(c) for c in text if not c.isspace()}
    for family in _FAMILIES:
        found = _register(family)
        if found and needed <= found[2]:
            return found[0], found[1]
    raise RasdeskError(
        "no font with every character of this letter was found: install Debian's fonts-dejavu-core "
        "or reinstall rasdesk (resources/fonts)"
    )
