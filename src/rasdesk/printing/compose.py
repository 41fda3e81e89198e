"""What a letter says in one style, as a ``Document`` of language-marked blocks: the only
place where the letter's words are put in order. Every renderer takes its words from here.

A bilingual letter (``compose_bilingual``) is every section in Welsh, then the same section
in English: both complete, Welsh first (Welsh Language Standards).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rasdesk.printing.blocks import (
    Block,
    Callout,
    Document,
    Entry,
    Heading,
    Keep,
    Para,
    Picture,
    Section,
    Table,
)
from rasdesk.printing.easy import whole_pounds
from rasdesk.printing.letter import Area, Letter
from rasdesk.printing.words import WORDS, long_date


def sentences(text: str) -> list[str]:
    """Easy read: one idea per line (a sentence, or a line the engine broke)."""
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+|\n", text.strip()) if s.strip()]


def title_of(letter: Letter, style: str) -> str:
    w = WORDS[letter.lang]
    if style == "easy":
        return w["title.easy"]
    return w["title.carer" if letter.kind == "carer" else "title"]


def compose(letter: Letter, style: str) -> Document:
    """The letter in ``style`` (standard, large or easy) as a document."""
    w = WORDS[letter.lang]
    easy = style == "easy"
    title = title_of(letter, style)
    doc = Document(
        title=f"{title} — {letter.person.get('name', '')}",
        lang=letter.lang,
        author=letter.council,
        style=style,
        draft=(Para(w["draft.easy" if easy else "draft"], letter.lang, "strong"),)
        if letter.draft
        else (),
        page=w["page.easy" if easy else "page"],
    )
    doc.sections = sections(letter, style)
    if style == "easy":
        doc.sections = [_whole_pounds(section) for section in doc.sections]
    return doc


def _whole_pounds(section: Section) -> Section:
    """Easy read: "£45" where "£45.00" says no more (every passage of the section)."""

    def fix(block: Block) -> Block:
        if isinstance(block, Para | Heading):
            return replace(block, text=whole_pounds(block.text))
        if isinstance(block, Callout):
            return Callout(tuple(replace(p, text=whole_pounds(p.text)) for p in block.lines))
        if isinstance(block, Keep):
            return Keep(tuple(fix(b) for b in block.blocks))
        if isinstance(block, Entry):
            lines = tuple(whole_pounds(t) for t in block.answer_lines)
            return replace(block, answer_lines=lines)
        return block

    return Section(section.key, section.lang, [fix(b) for b in section.blocks])


def compose_bilingual(first: Letter, second: Letter, style: str) -> Document:
    """One letter in two languages (``first`` is Welsh): each section in ``first``'s
    language, then the same section in ``second``'s."""
    one, two = compose(first, style), compose(second, style)
    doc = Document(
        title=f"{title_of(first, style)} / {title_of(second, style)} — "
        f"{first.person.get('name', '')}",
        lang=first.lang,
        author=first.council,
        style=style,
        draft=one.draft + two.draft,
        page=f"{one.page} / {two.page}",
    )
    for a, b in zip(one.sections, two.sections, strict=True):
        doc.sections += [a, b]
    return doc


def sections(letter: Letter, style: str) -> list[Section]:
    w, lang = WORDS[letter.lang], letter.lang
    easy = style == "easy"
    out = [
        Section(
            "head",
            lang,
            [Para(letter.council, lang, "council"), Heading(title_of(letter, style), lang, 1)],
        ),
        Section("details", lang, [_details(letter)]),
        Section("summary", lang, [_summary(letter, easy)]),
    ]
    if letter.changes:  # a review: what changed since last time (printing/since_words.py)
        changed: list[Block] = [Heading(letter.changes_title, lang, 2)]
        said = letter.changes_easy if easy and letter.changes_easy else letter.changes
        out.append(Section("changes", lang, changed + [Para(s, lang) for s in said]))
    out.append(Section("told_us", lang, _told_us(letter, style)))
    how: list[Block] = [Heading(w["how.easy" if easy else "how"], lang, 2)]
    for step in letter.how:
        if step.step == "contact":
            continue  # said under "questions", where a person looks for it
        how += [Para(s, lang) for s in (sentences(step.easy_read) if easy else [step.text])]
    out.append(Section("how", lang, how))
    for key in ("next", "questions"):
        blocks: list[Block] = [Heading(w[f"{key}.easy" if easy else key], lang, 2)]
        for n in (1, 2, 3, 4) if easy else (1, 2, 3):
            name = f"{key}.easy_{n}" if easy else f"{key}_{n}"
            if name in ("next_3", "next.easy_4") and not letter.charges_line:
                continue  # not charged: the council's own closing words (in "how") say so
            blocks.append(Para(w[name], lang))
        if key == "questions":
            blocks += [
                Para(s.easy_read if easy else s.text, lang)
                for s in letter.how
                if s.step == "contact"
            ]
        out.append(Section(key, lang, blocks))
    # The fingerprint must be whole on one page: it is what lets the figure be checked.
    check: list[Block] = [Heading(w["reproduce"], lang, 2)]
    if easy:
        check.append(Para(w["reproduce.easy"], lang))
    ruleset = dict(letter.ruleset)
    # In groups of 8, as key fingerprints are shown: the line can wrap in every renderer,
    # and a reader (or a screen reader) can keep their place.
    sha = ruleset.get("sha256", "")
    ruleset["sha256"] = " ".join(sha[i : i + 8] for i in range(0, len(sha), 8))
    check.append(Para(w["reproduce_1"].format(council=letter.council, **ruleset), lang))
    out.append(Section("reproduce", lang, [Keep(tuple(check))]))
    return out


def _details(letter: Letter) -> Table:
    w, person = WORDS[letter.lang], letter.person
    status = (
        w["status.finalised"].format(date=long_date(letter.finalised_at, letter.lang))
        if not letter.draft
        else w["status.draft"]
    )
    rows = (
        (w["for"], person.get("name") or ""),
        (w["date_of_birth"], long_date(person.get("date_of_birth"), letter.lang)),
        (w["council_ref"], person.get("council_ref") or "—"),
        (w["assessment_date"], long_date(letter.started_at, letter.lang)),
        (w["assessor"], letter.assessor),
        (w["status"], status),
    )
    return Table(None, rows, letter.lang, (75, None))


def _summary(letter: Letter, easy: bool) -> Callout:
    w, lang = WORDS[letter.lang], letter.lang
    if letter.amounts:  # format 2: every amount, part, funder and period
        paras = []
        for amount in letter.amounts:
            paras.append(Para(amount.title, lang, "summary"))
            said = amount.parts_easy if easy and amount.parts_easy else amount.parts
            paras += [Para(line, lang) for line in said]
            paras += [Para(s.easy_read if easy else s.text, lang) for s in amount.totals]
        for step in letter.how:
            if step.step in ("sign_off", "flag", "notice"):
                paras.append(Para(step.easy_read if easy else step.text, lang, "strong"))
        return Callout(tuple(paras))
    if easy:
        lines = [
            w["summary.easy"].format(weekly=letter.weekly_text),
            w["summary_year.easy"].format(annual=letter.annual_text),
        ]
    else:
        lines = [w["summary"].format(weekly=letter.weekly_text, annual=letter.annual_text)]
    paras = [Para(line, lang, "summary") for line in lines]
    # Sign-off and flags belong beside the figure, not pages later.
    for step in letter.how:
        if step.step in ("sign_off", "flag"):
            paras.append(Para(step.easy_read if easy else step.text, lang, "strong"))
    return Callout(tuple(paras))


def _answers_table(area: Area, lang: str) -> Table:
    w = WORDS[lang]
    rows = []
    for line in area.lines:
        answer = line.answer + (f" — {w['your_words']}: “{line.note}”" if line.note else "")
        rows.append((line.question, answer, line.points))
    columns = (w["col_question"], w["col_answer"], w["col_points"])
    return Table(columns, tuple(rows), lang, (78, 60, None))


def _told_us(letter: Letter, style: str) -> list[Block]:
    w, lang = WORDS[letter.lang], letter.lang
    easy = style == "easy"
    out: list[Block] = [
        Heading(w["told_us.easy" if easy else "told_us"], lang, 2),
        Para(w["told_us_intro.easy" if easy else "told_us_intro"], lang),
    ]
    for area in letter.areas:
        title = Heading(area.title_easy if easy else area.title, lang, 3)
        summary = Para(area.summary.easy_read if easy else area.summary.text, lang)
        if style == "standard":
            out += [Keep((title, _answers_table(area, lang))), summary]
            continue
        # One group per answer, kept on one page; the area's title stays with its first.
        for i, line in enumerate(area.lines):
            question = line.question_easy if easy else line.question
            entry = Entry(
                question=question,
                answer_lines=tuple((line.answer_easy if easy else line.answer).split("\n")),
                points=line.points,
                note=f"{w['your_words']}: “{line.note}”" if line.note else None,
                picture=Picture(line.picture, w["picture"].format(what=question)) if easy else None,
                lang=lang,
            )
            out.append(Keep((title, entry)) if i == 0 else entry)
        if not area.lines:
            out.append(title)
        out.append(summary)
    if letter.general_note:
        out += [Heading(w["your_words"], lang, 3), Para(f"“{letter.general_note}”", lang)]
    return out
