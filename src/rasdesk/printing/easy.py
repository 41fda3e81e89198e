"""Easy read (Mencap / Department of Health guidance) in every renderer and the app: a
picture beside every answer option, and no decimals shown where a whole number says the
same ("£45", not "£45.00"; "£301.20" keeps its pence).

Option pictures: a format-2 ruleset may name a picture for each option (``pictures``, from
``QuestionExtra.pictures``), and that picture is used. A format-1 ruleset has none, so a
picture is chosen from what the option means for the scores: the options of a single-choice
question, ranked by their points, run from "no help" (``help-none``, the fewest points)
through ``help-some`` and ``help-lot`` to "help with everything" (``help-full``, the most);
an exclusive "none of these" option is ``help-none``; any other option (a multiple-choice
task) shows the question's own picture.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from rasdesk.domain.model import Question
from rasdesk.platform.paths import resources_dir

HELP_LEVELS = ("help-none", "help-some", "help-lot", "help-full")
_WHOLE_POUNDS = re.compile(r"(£\d[\d,]*)\.00(?!\d)")


def whole_pounds(text: str) -> str:
    """'£45.00' → '£45' (pence are kept when there are any)."""
    return _WHOLE_POUNDS.sub(r"\1", text)


def picture_file(name: str | None) -> Path | None:
    """The SVG a picture name means, or None when there is none. A ruleset's picture names
    are ids (lower-case letters, digits and ``_``), so ``help_none`` finds ``help-none.svg``."""
    if not name:
        return None
    folder = resources_dir() / "pictures"
    for stem in (name, name.replace("_", "-")):
        path = folder / f"{stem}.svg"
        if path.is_file():
            return path
    return None


def option_picture(
    question: Question, option_id: str, pictures: Mapping[str, str] | None = None
) -> str | None:
    """The picture (a name in resources/pictures) beside one answer option."""
    if pictures and option_id in pictures:
        return pictures[option_id]
    if question.exclusive_option == option_id:
        return HELP_LEVELS[0]
    if question.type != "single":
        return question.picture
    levels = sorted({o.points for o in question.options})
    points = question.option_by_id[option_id].points
    if len(levels) < 2:
        return question.picture
    rank = levels.index(points) / (len(levels) - 1)
    return HELP_LEVELS[round(rank * (len(HELP_LEVELS) - 1))]
