"""What the print dialog offers for one case's letter, and what the assessor chose.

The defaults come from the person's recorded needs (Accessible Information Standard), not
from the screen: the style their format needs call for, and their recorded language —
Welsh first and English after it ("cy+en") when their language is Welsh and the council
offers both languages. The default file name is per case and version and never the name
of a file already in the folder (``platform/saved_copies.py``).

Two letters go through the same dialog: the assessment letter (the indicative budget) and
the decision letter (the final budget and its reasons), in the same languages. The
decision letter carries none of the person's notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasdesk.platform.saved_copies import free_path, letter_name
from rasdesk.printing.styles import STYLES, default_style
from rasdesk.ui.session import Session

BILINGUAL = "cy+en"
LETTERS = ("assessment", "decision")


@dataclass(frozen=True, slots=True)
class LetterOptions:
    styles: tuple[str, ...]
    style: str  # the default: from the recorded format needs
    languages: tuple[str, ...]  # "en", "cy", "cy+en" as the council offers them
    language: str  # the default: the person's recorded language
    notes: bool  # the consent recorded so far to put the person's notes on the letter
    has_notes: bool
    reference: str  # the council's reference, else the case's short id
    version: int
    draft: bool
    needs: tuple[str, ...]  # the recorded format needs (audio, braille … offered first)
    letter: str = "assessment"  # or "decision"

    @property
    def carries_notes(self) -> bool:
        """Only the assessment letter can put the person's own words on paper."""
        return self.letter == "assessment"

    def file_name(self, stem: str, kind: str, folder: Path) -> str:
        """The default name for a ``kind`` of copy in ``folder``: free, never overwriting."""
        name = letter_name(stem, self.reference, self.version, kind, draft=self.draft)
        return free_path(folder, name).name


@dataclass(frozen=True, slots=True)
class LetterChoice:
    """What the assessor asked for in the print dialog."""

    style: str
    language: str
    notes: bool
    action: str  # "print" or "save"
    kind: str = "pdf"  # for "save": pdf, accessible, audio or braille
    folder: Path | None = None
    name: str = ""
    printer: str = ""
    copies: int = 1
    letter: str = "assessment"  # or "decision"


def offered_languages(settings_languages: list[str]) -> tuple[str, ...]:
    """The letter languages the council offers: each of its languages, and a bilingual
    letter (Welsh first) when it offers both."""
    offered = tuple(lang for lang in ("en", "cy") if lang in settings_languages) or ("en",)
    return (*offered, BILINGUAL) if len(offered) == 2 else offered


def default_language(recorded: str, needs: list[str], offered: tuple[str, ...]) -> str:
    welsh = recorded == "cy" or "welsh" in needs
    if welsh and BILINGUAL in offered:
        return BILINGUAL
    if welsh and "cy" in offered:
        return "cy"
    return "en" if "en" in offered else offered[0]


def options_for(session: Session, case_uuid: str, letter: str = "assessment") -> LetterOptions:
    if letter not in LETTERS:
        raise ValueError(f"no such letter: {letter!r}")
    case = session.case(case_uuid)
    version = session.version(case_uuid)
    needs = list(case["format_needs"])
    offered = offered_languages(list(session.settings()["languages"]))
    return LetterOptions(
        styles=tuple(STYLES),
        style=default_style(needs),
        languages=offered,
        language=default_language(case["language"], needs, offered),
        notes=bool(case["notes_on_letter"]),
        has_notes=any(text.strip() for text in session.notes(case_uuid).values()),
        reference=case["council_ref"] or case_uuid[:8],
        version=int(version["number"]),
        draft=version["state"] == "draft",
        needs=tuple(needs),
        letter=letter,
    )
