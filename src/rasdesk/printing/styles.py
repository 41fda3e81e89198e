"""The three letter styles (RNIB Clear Print; DH easy-read guidance): sizes in points.
No italics, no justified text, black on white; meaning never carried by colour."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LetterStyle:
    name: str
    body: float  # the smallest text anywhere on the letter
    leading: float
    heading: float
    title: float
    summary: float
    picture_mm: float = 0.0
    stacked: bool = False  # question, answer and points one under another (reflows)


STYLES: dict[str, LetterStyle] = {
    "standard": LetterStyle("standard", body=14, leading=19, heading=18, title=24, summary=18),
    "large": LetterStyle(
        "large", body=18, leading=27, heading=24, title=30, summary=24, stacked=True
    ),
    "easy": LetterStyle(
        "easy", body=16, leading=25, heading=22, title=28, summary=24, picture_mm=28, stacked=True
    ),
}


def default_style(format_needs: list[str]) -> str:
    """The style the person's recorded communication needs call for."""
    if "easy_read" in format_needs:
        return "easy"
    if "large_print" in format_needs:
        return "large"
    return "standard"
