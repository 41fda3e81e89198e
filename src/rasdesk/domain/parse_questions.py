"""Reading one questionnaire's sections and questions (spec §1.1), with every problem
reported at its JSON path."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rasdesk.domain.decimals import ONE, ZERO
from rasdesk.domain.model import Band, Option, Question, Section
from rasdesk.domain.parse_conditions import QuestionIndex, read_condition
from rasdesk.domain.reader import Reader

QUESTION_TYPES = ("single", "multiple", "number", "text")
_COMMON = ("required", "easy_read", "help", "picture", "show_if")
_FIELDS = {
    "single": (*_COMMON, "options"),
    "multiple": (*_COMMON, "options", "scoring"),
    "number": (*_COMMON, "unit", "min", "max", "bands"),
    "text": _COMMON,
}


def index_questions(sections: Any) -> dict[str, tuple[str, frozenset[str]]]:
    """A forgiving first look: question id → (type, option ids), so that conditions can be
    checked wherever in the questionnaire their questions stand. Bad shapes are skipped
    here and reported by the full read."""
    index: dict[str, tuple[str, frozenset[str]]] = {}
    for section in sections if isinstance(sections, list) else []:
        questions = section.get("questions") if isinstance(section, dict) else None
        for q in questions if isinstance(questions, list) else []:
            if not isinstance(q, dict) or not isinstance(q.get("id"), str):
                continue
            opts: list[Any] = q["options"] if isinstance(q.get("options"), list) else []
            ids = frozenset(
                o["id"] for o in opts if isinstance(o, dict) and isinstance(o.get("id"), str)
            )
            index.setdefault(q["id"], (str(q.get("type")), ids))
    return index


def read_section(r: Reader, value: Any, path: str, index: QuestionIndex) -> Section | None:
    raw = r.obj(value, path, ("id", "title", "questions"), ("easy_read", "weight", "max_points"))
    if raw is None:
        return None
    sid = r.ident(raw.get("id"), f"{path}.id")
    title = r.text(raw.get("title"), f"{path}.title")
    easy = r.text(raw["easy_read"], f"{path}.easy_read") if "easy_read" in raw else None
    weight: Decimal | None = ONE
    if "weight" in raw:
        weight = r.decimal(raw["weight"], f"{path}.weight", minimum=ZERO)
    cap = None
    if "max_points" in raw:
        cap = r.decimal(raw["max_points"], f"{path}.max_points", minimum=ZERO)
    items = r.items(raw.get("questions"), f"{path}.questions", non_empty=True)
    questions = [
        read_question(r, q, f"{path}.questions[{i}]", index, sid or "") for i, q in enumerate(items)
    ]
    if sid is None or title is None or weight is None or any(q is None for q in questions):
        return None
    if "max_points" in raw and cap is None:
        return None
    return Section(sid, title, easy, weight, cap, tuple(q for q in questions if q is not None))


def read_question(
    r: Reader, value: Any, path: str, index: QuestionIndex, section_id: str
) -> Question | None:
    if not isinstance(value, dict):
        r.obj(value, path, (), ())
        return None
    qtype = value.get("type")
    if qtype not in QUESTION_TYPES:
        r.add(f"{path}.type", f"expected one of {', '.join(QUESTION_TYPES)}, found {qtype!r}")
        return None
    raw = r.obj(value, path, ("id", "type", "text"), _FIELDS[qtype])
    assert raw is not None
    before = len(r.problems)
    qid = r.ident(raw.get("id"), f"{path}.id")
    text = r.text(raw.get("text"), f"{path}.text")
    required = qtype != "text"
    if "required" in raw:
        got = r.boolean(raw["required"], f"{path}.required")
        required = required if got is None else got
    easy = r.text(raw["easy_read"], f"{path}.easy_read") if "easy_read" in raw else None
    help_text = r.text(raw["help"], f"{path}.help") if "help" in raw else None
    picture = r.ident(raw["picture"], f"{path}.picture") if "picture" in raw else None
    show_if = (
        read_condition(r, raw["show_if"], f"{path}.show_if", index) if "show_if" in raw else None
    )
    options: tuple[Option, ...] = ()
    scoring = "sum"
    if qtype in ("single", "multiple"):
        options = _read_options(r, raw.get("options"), f"{path}.options")
        if "options" not in raw:
            r.add(path, f'a {qtype} question needs "options"')
        if "scoring" in raw:
            scoring = raw["scoring"]
            if scoring not in ("sum", "max"):
                r.add(f"{path}.scoring", f'expected "sum" or "max", found {scoring!r}')
        _check_exclusive(r, qtype, raw.get("options"), options, f"{path}.options")
    unit = minimum = maximum = None
    bands: tuple[Band, ...] = ()
    if qtype == "number":
        unit = r.text(raw["unit"], f"{path}.unit") if "unit" in raw else None
        minimum = r.decimal(raw["min"], f"{path}.min") if "min" in raw else None
        maximum = r.decimal(raw["max"], f"{path}.max") if "max" in raw else None
        if minimum is not None and maximum is not None and minimum > maximum:
            r.add(f"{path}.max", f"max ({maximum}) is below min ({minimum})")
        bands = _read_bands(r, raw.get("bands", []), f"{path}.bands")
    if len(r.problems) > before or qid is None or text is None:
        return None
    return Question(
        id=qid,
        type=qtype,
        required=required,
        text=text,
        easy_read=easy,
        help=help_text,
        picture=picture,
        show_if=show_if,
        options=options,
        scoring=scoring,
        unit=unit,
        minimum=minimum,
        maximum=maximum,
        bands=bands,
        section_id=section_id,
        option_by_id={o.id: o for o in options},
        exclusive_option=next((o.id for o in options if o.exclusive), None),
    )


def _read_options(r: Reader, value: Any, path: str) -> tuple[Option, ...]:
    out: list[Option] = []
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path, non_empty=True)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "text", "points"), ("easy_read", "exclusive"))
        if raw is None:
            continue
        oid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((oid, f"{where}.id"))
        text = r.text(raw.get("text"), f"{where}.text")
        easy = r.text(raw["easy_read"], f"{where}.easy_read") if "easy_read" in raw else None
        points = (
            r.decimal(raw.get("points"), f"{where}.points", minimum=ZERO)
            if "points" in raw
            else None
        )
        exclusive = (
            r.boolean(raw["exclusive"], f"{where}.exclusive") if "exclusive" in raw else None
        )
        if oid and text and points is not None:
            out.append(Option(oid, text, easy, points, exclusive is True))
    r.unique(ids, "option")
    return tuple(out)


def _check_exclusive(
    r: Reader, qtype: str, raw_options: Any, options: tuple[Option, ...], path: str
) -> None:
    """``exclusive`` belongs on a multiple question's options, at most one per question,
    and never on its only option (docs/ruleset-decisions.md, "Exclusive options")."""
    marked = [
        i
        for i, o in enumerate(raw_options if isinstance(raw_options, list) else [])
        if isinstance(o, dict) and o.get("exclusive") is True
    ]
    if not marked:
        return
    if qtype != "multiple":
        r.add(
            f"{path}[{marked[0]}].exclusive",
            'only the options of a "multiple" question can be exclusive: '
            "a single question's answers already exclude each other",
        )
    elif len(marked) > 1:
        r.add(
            f"{path}[{marked[1]}].exclusive",
            f"a question can have only one exclusive option; options[{marked[0]}] is already "
            "exclusive",
        )
    elif len(raw_options) < 2:
        r.add(
            f"{path}[{marked[0]}].exclusive",
            "an exclusive option needs other options to exclude; "
            'remove "exclusive" or add the other answers',
        )


def _read_bands(r: Reader, value: Any, path: str) -> tuple[Band, ...]:
    out: list[Band] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("from", "points"), ())
        if raw is None:
            continue
        start = r.decimal(raw.get("from"), f"{where}.from") if "from" in raw else None
        points = (
            r.decimal(raw.get("points"), f"{where}.points", minimum=ZERO)
            if "points" in raw
            else None
        )
        if start is None or points is None:
            continue
        if out and start <= out[-1].start:
            r.add(f"{where}.from", f"bands must go up: {start} does not come after {out[-1].start}")
            continue
        out.append(Band(start, points))
    return tuple(out)
