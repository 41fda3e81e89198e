"""Building a ruleset document (spec §1.1) from the rows of a ruleset workbook.

Row order is ruleset order. Each JSON path built from a cell remembers that cell, so the
problems the ruleset check (``parse_ruleset``) finds are reported at the sheet, row and
column a person edits. The allocation sheets are assembled in ``workbook_alloc``.
"""

from __future__ import annotations

from typing import Any

from rasdesk.authoring.workbook_alloc import read_allocations
from rasdesk.authoring.workbook_cells import Ctx, Loc, Row
from rasdesk.authoring.workbook_layout import (
    BANDS,
    OPTIONS,
    QUESTIONNAIRES,
    QUESTIONS,
    SECTIONS,
    SETTINGS,
    SETTINGS_DEFAULTS,
    SETTINGS_KEYS,
    SETTINGS_REQUIRED,
    TOP_ORDER,
)
from rasdesk.authoring.workbook_sheets import check_sheets, read_rows
from rasdesk.domain.parse_questions import QUESTION_TYPES
from rasdesk.domain.reader import LANG_PATTERN


class Book:
    """The document being built, with the indexes the later sheets look things up in."""

    def __init__(self, ctx: Ctx, wb: Any) -> None:
        self.ctx = ctx
        self.wb = wb
        self.languages: tuple[str, ...] = ("en",)
        #: questionnaire id → (object, JSON path)
        self.questionnaires: dict[str, tuple[dict[str, Any], str]] = {}
        #: (questionnaire id, section id) → (object, JSON path); the same for questions
        self.sections: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        self.questions: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        #: questions whose own row is wrong: rows naming them say nothing more
        self.broken_questions: set[tuple[str, str]] = set()

    def rows(self, sheet: Any) -> list[Row]:
        return read_rows(self.ctx, self.wb, sheet, self.languages)

    def need(self, row: Row, column: str, kind: str, path: str | None = None) -> Any:
        """A required cell: an empty one is reported."""
        if column not in row.letters:
            return None  # the whole column is missing: said once, at row 1
        if column not in row.values:
            self.ctx.bad(row.loc(column), f"this cell is empty; every row needs a {column}")
            return None
        return self.ctx.value(row, column, kind, path)

    def text(self, row: Row, base: str, path: str, *, required: bool = False) -> Any:
        """A text map from the ``base_<lang>`` columns; ``None`` when all are empty."""
        out: dict[str, str] = {}
        self.ctx.locs[path] = row.loc(f"{base}_en")
        for lang in self.languages:
            got = self.ctx.value(row, f"{base}_{lang}", "text", f"{path}.{lang}")
            if got is not None:
                out[lang] = got
        if required and "en" not in out:
            self.ctx.bad(row.loc(f"{base}_en"), "the English text is empty; it is required")
        return out or None

    def questionnaire(self, row: Row) -> tuple[str, dict[str, Any], str] | None:
        qid = self.need(row, "questionnaire", "id")
        if qid is None:
            return None
        if qid not in self.questionnaires:
            self.ctx.bad(
                row.loc("questionnaire"),
                f'unknown questionnaire "{qid}"; it must be an id in the questionnaires sheet',
            )
            return None
        obj, path = self.questionnaires[qid]
        return qid, obj, path

    def unique(self, index: dict[Any, Any], key: Any, row: Row, what: str) -> bool:
        if key in index:
            first = index[key][1]
            where = self.ctx.locs.get(f"{first}.id") or self.ctx.locs.get(first)
            self.ctx.bad(
                row.loc("id"),
                f'the {what} id "{key[-1] if isinstance(key, tuple) else key}" is used twice'
                + (f" (first at {where.path()})" if where else ""),
            )
            return False
        return True


def assemble(ctx: Ctx, wb: Any) -> dict[str, Any]:
    """The ruleset document in ``wb``; problems go to ``ctx``."""
    check_sheets(ctx, wb)
    book = Book(ctx, wb)
    doc = _settings(book)
    doc["questionnaires"] = _questionnaires(book)
    ctx.locs.setdefault("$.questionnaires", Loc(QUESTIONNAIRES.name))
    _sections(book)
    _questions(book)
    _options(book)
    _bands(book)
    read_allocations(book)
    for obj, path in book.questions.values():
        _finish_question(ctx, obj, path)
    return doc


def _finish_question(ctx: Ctx, obj: dict[str, Any], path: str) -> None:
    """Drop the lists a question's type does not have; a choice needs options."""
    if obj["type"] in ("single", "multiple") and not obj["options"]:
        loc = ctx.locs.get(f"{path}.type") or ctx.locs.get(path)
        if loc is not None:
            ctx.bad(
                loc,
                f"a {obj['type']} question needs its answers in the options sheet; "
                f'no row there names question "{obj["id"]}"',
            )
    if not obj["options"]:
        del obj["options"]
    if not obj["bands"]:
        del obj["bands"]


def _settings(
    book: Book,
    keys: dict[str, str] = SETTINGS_KEYS,
    texts: tuple[str, ...] = ("title",),
    order: tuple[str, ...] = TOP_ORDER,
) -> dict[str, Any]:
    """The settings sheet's values. ``texts`` are the text settings (``title_en``,
    ``title_cy``, …; the first, ``title``, is required); a text setting ``a_b`` goes to
    ``$.a.b`` (format 2's ``contact_address_en`` → ``$.contact.address.en``), the others
    stay flat (``contact_phone``) for the caller to place."""
    ctx = book.ctx
    found: dict[str, Any] = {}
    worded: dict[tuple[str, str], tuple[Row, str]] = {}
    seen: dict[str, int] = {}
    for row in book.rows(SETTINGS):
        key = book.need(row, "key", "str")
        if key is None:
            continue
        key = key.lower()
        if key in seen:
            ctx.bad(row.loc("key"), f'the setting "{key}" appears twice (first in row {seen[key]})')
            continue
        seen[key] = row.number
        text = next((t for t in texts if key.startswith(f"{t}_") and key not in keys), None)
        if text is not None:
            if "value" in row.values:
                worded[(text, key[len(text) + 1 :])] = (row, key)
            else:
                ctx.bad(row.loc("value"), f'the setting "{key}" needs a value')
            continue
        if key not in keys:
            known = ", ".join([*keys, *(f"{t}_en" for t in texts)])
            ctx.bad(row.loc("key"), f'unknown setting "{key}"; the settings are {known}')
            continue
        if "value" not in row.values:
            if key == "effective_to":
                found[key] = None  # no end date
                ctx.locs[f"$.{key}"] = row.loc("value")
            else:
                ctx.bad(row.loc("value"), f'the setting "{key}" needs a value')
            continue
        got = ctx.value(row, "value", keys[key], f"$.{key}")
        if got is not None:
            found[key] = got
    for key, default in SETTINGS_DEFAULTS.items():
        found.setdefault(key, default)
    present = SETTINGS.name in book.wb.sheetnames  # (a missing sheet is said once)
    for key in SETTINGS_REQUIRED:
        if present and key not in found and key not in seen:
            ctx.bad(Loc(SETTINGS.name), f'the setting "{key}" is missing: add a row with key {key}')
    langs = found.get("languages")
    if isinstance(langs, list) and langs and all(LANG_PATTERN.fullmatch(x) for x in langs):
        book.languages = tuple(langs)
    for text in texts:
        where = "$." + text.replace("_", ".", 1)
        words: dict[str, str] = {}
        for (kind, lang), (row, key) in worded.items():
            if kind != text:
                continue
            if lang not in book.languages:
                ctx.bad(
                    row.loc("key"),
                    f'"{key}": the language "{lang}" is not one of the ruleset\'s languages '
                    f"({', '.join(book.languages)})",
                )
                continue
            got = ctx.value(row, "value", "text", f"{where}.{lang}")
            if got is not None:
                words[lang] = got
                if lang == "en":
                    ctx.locs[where] = row.loc("value")
        if text == "title" and present and "en" not in words and "title_en" not in seen:
            ctx.bad(
                Loc(SETTINGS.name),
                'the setting "title_en" is missing: add a row with key title_en',
            )
        if words:
            found[text] = words
    ctx.locs["$"] = Loc(SETTINGS.name)
    return {k: found[k] for k in order if k in found}


def _questionnaires(book: Book) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row in book.rows(QUESTIONNAIRES):
        path = f"$.questionnaires[{len(out)}]"
        qid = book.need(row, "id", "id", f"{path}.id")
        if qid is None or not book.unique(book.questionnaires, qid, row, "questionnaire"):
            continue
        obj: dict[str, Any] = {"id": qid}
        kind = book.need(row, "kind", "str", f"{path}.kind")
        if kind is not None:
            obj["kind"] = kind
        title = book.text(row, "title", f"{path}.title", required=True)
        if title is not None:
            obj["title"] = title
        obj["sections"] = []
        obj["allocation"] = {}
        book.ctx.locs[path] = row.loc()
        book.ctx.locs[f"{path}.sections"] = Loc(SECTIONS.name, note=f'questionnaire "{qid}"')
        book.questionnaires[qid] = (obj, path)
        out.append(obj)
    return out


def _sections(book: Book) -> None:
    for row in book.rows(SECTIONS):
        found = book.questionnaire(row)
        if found is None:
            continue
        qid, q, qpath = found
        path = f"{qpath}.sections[{len(q['sections'])}]"
        sid = book.need(row, "id", "id", f"{path}.id")
        if sid is None or not book.unique(book.sections, (qid, sid), row, "section"):
            continue
        obj: dict[str, Any] = {"id": sid}
        _put(obj, "title", book.text(row, "title", f"{path}.title", required=True))
        _put(obj, "easy_read", book.text(row, "easy_read", f"{path}.easy_read"))
        for col in ("weight", "max_points"):
            _put(obj, col, book.ctx.value(row, col, "dec", f"{path}.{col}"))
        obj["questions"] = []
        book.ctx.locs[path] = row.loc()
        book.ctx.locs[f"{path}.questions"] = row.loc("id")
        book.sections[(qid, sid)] = (obj, path)
        q["sections"].append(obj)


def _questions(book: Book) -> None:
    ctx = book.ctx
    for row in book.rows(QUESTIONS):
        found = book.questionnaire(row)
        sid = book.need(row, "section", "id")
        if found is None or sid is None:
            continue
        qid = found[0]
        if (qid, sid) not in book.sections:
            ident = row.values.get("id")
            book.broken_questions.add((qid, str(ident).strip()))
            ctx.bad(
                row.loc("section"),
                f'unknown section "{sid}"; it must be a section of questionnaire "{qid}" '
                "in the sections sheet",
            )
            continue
        section, spath = book.sections[(qid, sid)]
        path = f"{spath}.questions[{len(section['questions'])}]"
        ident = book.need(row, "id", "id", f"{path}.id")
        if ident is None or not book.unique(book.questions, (qid, ident), row, "question"):
            continue
        qtype = book.need(row, "type", "str", f"{path}.type")
        obj: dict[str, Any] = {"id": ident, "type": qtype}
        _put(obj, "required", ctx.value(row, "required", "bool", f"{path}.required"))
        _put(obj, "text", book.text(row, "text", f"{path}.text", required=True))
        for col in ("easy_read", "help"):
            _put(obj, col, book.text(row, col, f"{path}.{col}"))
        _put(obj, "picture", ctx.value(row, "picture", "id", f"{path}.picture"))
        _put(obj, "show_if", ctx.value(row, "show_if", "cond", f"{path}.show_if"))
        obj["options"] = []
        _put(obj, "scoring", ctx.value(row, "scoring", "str", f"{path}.scoring"))
        _put(obj, "unit", book.text(row, "unit", f"{path}.unit"))
        for col in ("min", "max"):
            _put(obj, col, ctx.value(row, col, "dec", f"{path}.{col}"))
        obj["bands"] = []
        ctx.locs[path] = row.loc()
        book.questions[(qid, ident)] = (obj, path)
        section["questions"].append(obj)


def _question_of(book: Book, row: Row, types: tuple[str, ...], sheet: str) -> Any:
    found = book.questionnaire(row)
    ident = book.need(row, "question", "id")
    if found is None or ident is None:
        return None
    key = (found[0], ident)
    if key in book.broken_questions and key not in book.questions:
        return None
    if key not in book.questions:
        book.ctx.bad(
            row.loc("question"),
            f'unknown question "{ident}"; it must be a question of questionnaire '
            f'"{found[0]}" in the questions sheet',
        )
        return None
    obj, path = book.questions[key]
    if obj["type"] not in QUESTION_TYPES:
        return None  # the question's own row says what is wrong with its type
    if obj["type"] not in types:
        book.ctx.bad(
            row.loc("question"),
            f'question "{ident}" is a {obj["type"]} question; only {" and ".join(types)} '
            f"questions have rows in the {sheet} sheet",
        )
        return None
    return obj, path


def _options(book: Book) -> None:
    ctx = book.ctx
    for row in book.rows(OPTIONS):
        found = _question_of(book, row, ("single", "multiple"), OPTIONS.name)
        if found is None:
            continue
        question, qpath = found
        path = f"{qpath}.options[{len(question['options'])}]"
        obj: dict[str, Any] = {}
        _put(obj, "id", book.need(row, "id", "id", f"{path}.id"))
        _put(obj, "text", book.text(row, "text", f"{path}.text", required=True))
        _put(obj, "easy_read", book.text(row, "easy_read", f"{path}.easy_read"))
        _put(obj, "points", book.need(row, "points", "dec", f"{path}.points"))
        _put(obj, "exclusive", ctx.value(row, "exclusive", "bool", f"{path}.exclusive"))
        ctx.locs[path] = row.loc()
        question["options"].append(obj)


def _bands(book: Book) -> None:
    for row in book.rows(BANDS):
        found = _question_of(book, row, ("number",), BANDS.name)
        if found is None:
            continue
        question, qpath = found
        path = f"{qpath}.bands[{len(question['bands'])}]"
        obj: dict[str, Any] = {}
        _put(obj, "from", book.need(row, "from", "dec", f"{path}.from"))
        _put(obj, "points", book.need(row, "points", "dec", f"{path}.points"))
        book.ctx.locs[path] = row.loc()
        question["bands"].append(obj)


def _put(obj: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        obj[key] = value
