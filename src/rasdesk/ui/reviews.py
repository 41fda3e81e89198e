"""The app's joins to reviews and ruleset moves: where opening a draft should go first (a
newer ruleset to move to, answers from last time to check), starting a review, confirming
a pre-filled answer on Continue, stale marks for the case list, and the "what changed since
last time" box the check and budget pages show. The rules live in rasdesk.reviews and
rasdesk.storage; this only asks them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from rasdesk.domain.errors import InputError
from rasdesk.platform import rulesets
from rasdesk.storage.stale import Stale, stale_drafts
from rasdesk.ui.session import Session
from rasdesk.ui.widgets.page import label

# Reviews, pre-filled answers and the question flow (and the budget engines behind them)
# are imported by the functions that use them: the case list, built while the PIN is
# checked at start-up, needs only the stale marks (docs/packaging.md, start-up figures).


def is_review(session: Session, case: str) -> bool:
    return session.store.case_row(case)["review_of"] is not None


def to_check(session: Session, case: str) -> list[str]:
    if not session.is_draft(case):
        return []
    from rasdesk.storage import prefilled

    return prefilled.to_check(session.store, session.version(case)["version_uuid"])


def is_unchecked(session: Session, case: str, question: str) -> bool:
    return question in to_check(session, case)


def newer_ruleset(session: Session, case: str) -> Any | None:
    """The installed current ruleset when this draft is pinned to another one that has the
    same questionnaire (so it can move), else None."""
    if not session.is_draft(case):
        return None
    sha = rulesets.current_sha256()
    if sha is None or sha == session.version(case)["ruleset_sha256"]:
        return None
    verified = session.current_ruleset()
    if verified is None or session.store.case_row(case)["questionnaire"] not in (
        verified.ruleset.questionnaire_by_id
    ):
        return None
    return verified


def opening_route(
    session: Session, case: str, *, offer_move: bool = True
) -> tuple[Any, ...] | None:
    """Where a draft opens first: the move prompt, or the first answer from last time to
    check (in questionnaire order); None to open it as usual."""
    if offer_move and newer_ruleset(session, case) is not None:
        return ("move", case)
    waiting = set(to_check(session, case))
    if waiting:
        from rasdesk.ui import flow

        path = flow.shown_questions(session.form(case), session.answers(case))
        for _section, question in path:
            if question.id in waiting:
                return ("question", case, question.id, False)
    return None


def confirm(session: Session, case: str, question: str) -> None:
    """Continue on a question from last time confirms it (the assessor checked it)."""
    if is_unchecked(session, case, question):
        from rasdesk.storage import prefilled

        prefilled.confirm(session.store, case, [question])


def start_review(session: Session, case: str) -> str:
    """A review of ``case`` under the installed ruleset, format 1 or 2 (last time's case may
    be of either format: a format-1 case reviewed under a format-2 ruleset carries its
    answers over the upgrade as ``rasdesk case review`` does, docs/case-store.md)."""
    from rasdesk.storage import review

    verified = session.current_ruleset()
    if verified is None:
        raise InputError("no ruleset is installed: install your council's ruleset first")
    from rasdesk.sync.device import enrolled_device_id

    started = review.start_review(
        session.store,
        case,
        verified.ruleset,
        verified.signed_bytes,
        device_id=enrolled_device_id(),
    )
    return started.case_uuid


def stale(session: Session) -> dict[str, Stale]:
    days = int(session.settings()["draft_max_age_days"])
    return stale_drafts(session.store, rulesets.current_sha256(), days, dt.date.today())


def stale_words(found: Stale) -> list[str]:
    out = []
    if found.old_ruleset:
        out.append(
            QCoreApplication.translate(
                "Reviews", "Uses an older ruleset: open it to move it to the new one."
            )
        )
    if found.too_old:
        out.append(
            QCoreApplication.translate(
                "Reviews", "Started {days} days ago: longer than the council allows."
            ).format(days=found.age_days)
        )
    return out


def prefilled_mark() -> QLabel:
    """The mark beside an answer from last time until it is confirmed."""
    mark = label(QCoreApplication.translate("Reviews", "From last time — check it"), "warning")
    mark.setAccessibleName(
        QCoreApplication.translate(
            "Reviews", "This answer is from last time. Check it with the person."
        )
    )
    return mark


def since_sentences(session: Session, case: str, lang: str) -> tuple[str, list[str]]:
    from rasdesk.printing.since_words import WORDS, sentences
    from rasdesk.storage import review

    since = review.since_last_time(session.store, case, lang)
    lines = sentences(since, lang)
    if since.now_why is not None:  # a carer's facts: what the person's case must give first
        from rasdesk.ui.linked_words import problem_words

        lines += problem_words(session, case, since.now_why, lang)
    return WORDS[lang]["title"], lines


def since_or_gone(session: Session, case: str, lang: str) -> tuple[str, list[str]]:
    """``since_sentences``, or, when last time's case was purged from this laptop (the
    council holds it, after its receipt), the title and why nothing can be compared."""
    try:
        return since_sentences(session, case, lang)
    except InputError:
        from rasdesk.printing.since_words import WORDS

        gone = QCoreApplication.translate(
            "Reviews",
            "Last time's assessment is no longer kept on this laptop (the council holds it), "
            "so what changed cannot be shown here.",
        )
        return WORDS[lang]["title"], [gone]


def since_box(session: Session, case: str, lang: str) -> QWidget | None:
    """For a review: what changed since last time, in the letter's own sentences."""
    if not is_review(session, case):
        return None
    title, lines = since_or_gone(session, case, lang)
    box = QFrame()
    box.setObjectName("card")
    layout = QVBoxLayout(box)
    layout.addWidget(label(title, "h2"))
    for line in lines:
        layout.addWidget(label(line))
    return box
