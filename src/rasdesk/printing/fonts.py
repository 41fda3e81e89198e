"""Fonts for letters, embedded in every PDF: Atkinson Hyperlegible Next (OFL, vendored under
resources/fonts), which has every English and Welsh letter (ŵ ŷ included). A character it
truly lacks is set in DejaVu Sans (Debian's fonts-dejavu-core, or a copy beside Atkinson)
*for that character only*: ``markup`` wraps each such run in ``<font face="DejaVu-…">`` for
reportlab's paragraphs, and the accessible copy gives typst the same two families in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform.paths import resources_dir

PRIMARY = "Atkinson"
FALLBACK = "DejaVu"
# The names typst knows the two families by (the fonts' own family names).
FAMILY_NAMES = ("Atkinson Hyperlegible Next", "DejaVu Sans")
_FILES = {
    PRIMARY: ("AtkinsonHyperlegibleNext-Regular.ttf", "AtkinsonHyperlegibleNext-Bold.ttf"),
    FALLBACK: ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font_dirs() -> list[Path]:
    """The folders the letter fonts are found in (Atkinson's first)."""
    return [resources_dir() / "fonts", DEJAVU_DIR]


def _find(name: str) -> Path | None:
    for folder in font_dirs():
        if (folder / name).is_file():
            return folder / name
    return None


@lru_cache(maxsize=4)
def _register(family: str) -> frozenset[int] | None:
    """Register ``family`` (regular and bold, as one family for ``<b>``/``<font face>``);
    the characters it has, or None when its files are missing."""
    regular, bold = (_find(n) for n in _FILES[family])
    if regular is None or bold is None:
        return None
    reg = TTFont(f"{family}-Regular", str(regular))
    pdfmetrics.registerFont(reg)
    pdfmetrics.registerFont(TTFont(f"{family}-Bold", str(bold)))
    for bold_flag, italic, name in (
        (0, 0, "Regular"),
        (1, 0, "Bold"),
        (0, 1, "Regular"),
        (1, 1, "Bold"),
    ):
        addMapping(family, bold_flag, italic, f"{family}-{name}")
    return frozenset(reg.face.charToGlyph)


@dataclass(frozen=True, slots=True)
class LetterFonts:
    regular: str
    bold: str
    covered: frozenset[int]  # the characters Atkinson has


def letter_fonts() -> LetterFonts:
    """Atkinson Hyperlegible Next, registered with reportlab."""
    covered = _register(PRIMARY)
    if covered is None:
        raise RasdeskError(
            "the letter font Atkinson Hyperlegible Next is missing from resources/fonts: "
            "reinstall rasdesk"
        )
    return LetterFonts(f"{PRIMARY}-Regular", f"{PRIMARY}-Bold", covered)


def missing(text: str) -> set[str]:
    """The characters of ``text`` that Atkinson Hyperlegible Next lacks."""
    covered = letter_fonts().covered
    return {c for c in text if not c.isspace() and ord(c) not in covered}


def markup(text: str, bold: bool = False) -> str:
    """``text`` escaped for a reportlab Paragraph, each run of characters Atkinson lacks
    in DejaVu Sans (glyph by glyph: the rest stays in Atkinson), bold in a bold paragraph."""
    covered = letter_fonts().covered
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            if _register(FALLBACK) is None:
                raise RasdeskError(
                    f"the letter needs {''.join(sorted(set(run)))!r}, which Atkinson Hyperlegible "
                    "Next lacks: install Debian's fonts-dejavu-core"
                )
            face = f"{FALLBACK}-{'Bold' if bold else 'Regular'}"
            out.append(f'<font face="{face}">{escape("".join(run))}</font>')
            run.clear()

    for c in text:
        if c.isspace() or ord(c) in covered:
            flush()
            out.append(escape(c))
        else:
            run.append(c)
    flush()
    return "".join(out)


def pick(text: str) -> tuple[str, str]:
    """(regular, bold) reportlab font names for ``text``: Atkinson Hyperlegible Next, or
    DejaVu Sans where some character is missing and the caller cannot mix fonts."""
    if not missing(text):
        fonts = letter_fonts()
        return fonts.regular, fonts.bold
    if _register(FALLBACK) is None:
        raise RasdeskError(
            "no font with every character of this text was found: install Debian's "
            "fonts-dejavu-core or reinstall rasdesk (resources/fonts)"
        )
    return f"{FALLBACK}-Regular", f"{FALLBACK}-Bold"
