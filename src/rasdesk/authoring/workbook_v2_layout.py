"""The layout of a format-2 ruleset workbook (docs/ruleset-workbook.md, "Format 2").

Format 2 (docs/ruleset-v2.md) is a tree: questionnaires hold sections, questions, facts and
amounts; amounts hold parts, rules, conversions and flags; parts hold table rows, bands,
costed items, overlaps and adjustments. Each list of the tree is one sheet; each row is one
entry, and its first columns name the entry it belongs to (``questionnaire``, ``amount``,
``part`` …), as the format-1 workbook's ``options`` sheet names its ``question``.

``NODES`` is the one definition both directions read (``workbook_v2`` builds and exports),
in the order a build reads the sheets (a parent before its children). A ``Field`` is one
JSON key of an entry and the column(s) it is kept in: plain kinds as in the format-1
layout (``workbook_layout``), and a few that fill a small object from several columns:

- ``period``: ``period`` (week, month, year, one_off) and ``covers_en``, ``covers_cy``, … —
  a period with words is ``{"per", "covers"}``, one without is the plain word;
- ``rounding``: ``<key>_to`` and ``<key>_mode``;
- ``calibration``: ``calibration_sample_size`` … ``calibration_date`` (as format 1's);
- ``quantity``: ``quantity_answer``, ``quantity_options`` (``none=0, some=2``),
  ``quantity_value``, ``quantity_times``;
- ``hours``: ``illustrative_hourly_rate`` → ``{"hourly_rate": …}``;
- ``rateref``: an item's ``rate`` column (a rate id), or rows in ``item_rates`` (the list of
  rates by condition);
- ``child``: where a child sheet's list (or map) sits in the entry's keys (no column);
- ``empty``: ``empty_lists``: the optional lists that are present and empty (only needed
  to keep a ruleset's exact shape).
"""

from __future__ import annotations

from dataclasses import dataclass

from rasdesk.authoring.workbook_layout import SETTINGS_KEYS, TOP_ORDER, Column, Sheet


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    kind: str
    required: bool = False
    #: The column's name when it is not the key (``fixed_amount`` for a fixed part's amount).
    column: str | None = None

    @property
    def col(self) -> str:
        return self.column or self.key


@dataclass(frozen=True, slots=True)
class Node:
    """One sheet: the entries of one kind of list in the tree."""

    sheet: str
    #: The parent node's sheet (``None``: the document itself).
    parent: str | None
    #: The columns naming the parent entry: their values are the parent's ``key``.
    link: tuple[str, ...]
    #: The key in the parent entry: a list, or (``by`` set) a map keyed by column ``by``.
    into: str
    fields: tuple[Field, ...]
    about: str
    required: bool = False
    #: The columns whose values name an entry (for its children and for "used twice").
    key: tuple[str, ...] = ()
    by: str | None = None

    def columns(self) -> tuple[Column, ...]:
        cols = [Column(c, "id", True) for c in self.link]
        if self.by:
            cols.append(Column(self.by, "str", True))
        for f in self.fields:
            cols.extend(field_columns(f))
        return tuple(cols)

    def as_sheet(self) -> Sheet:
        return Sheet(self.sheet, self.columns(), self.required, self.about)


CALIBRATION = (
    ("sample_size", "int"),
    ("sample_weekly_cost", "money"),
    ("sample_points", "dec"),
    ("contingency", "dec"),
    ("date", "date"),
)
QUANTITY = (("answer", "id"), ("options", "str"), ("value", "dec"), ("times", "dec"))


def field_columns(f: Field) -> list[Column]:
    """The columns a field is kept in."""
    if f.kind in ("child",):
        return []
    if f.kind == "period":
        return [Column("period", "str", f.required), Column("covers", "text")]
    if f.kind == "rounding":
        return [Column(f"{f.key}_to", "dec"), Column(f"{f.key}_mode", "str")]
    if f.kind == "calibration":
        return [Column(f"calibration_{name}", kind) for name, kind in CALIBRATION]
    if f.kind == "quantity":
        return [Column(f"quantity_{name}", kind) for name, kind in QUANTITY]
    if f.kind == "hours":
        return [Column("illustrative_hourly_rate", "money")]
    if f.kind == "rateref":
        return [Column("rate", "id")]
    if f.kind == "empty":
        return [Column("empty_lists", "ids")]
    return [Column(f.col, f.kind, f.required)]


def _f(key: str, kind: str = "str", required: bool = False, column: str | None = None) -> Field:
    return Field(key, kind, required, column)


_NAMED = (
    _f("id", "id", True),
    _f("label", "text", True),
    _f("explain", "text"),
    _f("when", "cond"),
)
_EMPTY = _f("empty_lists", "empty")
_Q = ("questionnaire",)
_A = ("questionnaire", "amount")
_P = ("questionnaire", "amount", "part")

NODES: tuple[Node, ...] = (
    Node(
        "rates",
        None,
        (),
        "rates",
        (_f("id", "id", True), _f("label", "text", True), _f("amount", "money", True), _f("unit")),
        "Named unit costs of costed parts: unit is hour, night, day, week, visit, session or item.",
        key=("id",),
    ),
    Node(
        "questionnaires",
        None,
        (),
        "questionnaires",
        (
            _f("id", "id", True),
            _f("kind", "str", True),
            _f("title", "text", True),
            _f("views", "ids"),
            _f("facts", "child"),
            _f("sections", "child"),
            _f("amounts", "child"),
            _EMPTY,
        ),
        "One row per questionnaire; kind is person or carer; views: person, assessor, carer.",
        required=True,
        key=("id",),
    ),
    Node(
        "facts",
        "questionnaires",
        _Q,
        "facts",
        (
            _f("id", "id", True),
            _f("label", "text", True),
            _f("questionnaire", "id", True, "linked_questionnaire"),
            _f("question", "id", True),
        ),
        "Facts read from a linked case: the question of linked_questionnaire they are read from.",
    ),
    Node(
        "sections",
        "questionnaires",
        _Q,
        "sections",
        (
            _f("id", "id", True),
            _f("title", "text", True),
            _f("easy_read", "text"),
            _f("weight", "dec"),
            _f("max_points", "dec"),
            _f("eligible_if", "cond"),
            _f("questions", "child"),
        ),
        "One row per section (needs domain), in order; eligible_if: counts only when it holds.",
        required=True,
        key=("questionnaire", "id"),
    ),
    Node(
        "questions",
        "sections",
        ("questionnaire", "section"),
        "questions",
        (
            _f("id", "id", True),
            _f("type", "str", True),
            _f("required", "bool"),
            _f("text", "text", True),
            _f("easy_read", "text"),
            _f("help", "text"),
            _f("picture", "id"),
            _f("show_if", "cond"),
            _f("options", "child"),
            _f("scoring"),
            _f("unit", "text"),
            _f("min", "dec"),
            _f("max", "dec"),
            _f("bands", "child"),
            _f("not_applicable", "text"),
            _f("views", "child"),
        ),
        "One row per question, in order; not_applicable: the words of that answer, if allowed.",
        required=True,
        key=("questionnaire", "id"),
    ),
    Node(
        "options",
        "questions",
        ("questionnaire", "question"),
        "options",
        (
            _f("id", "id", True),
            _f("text", "text", True),
            _f("easy_read", "text"),
            _f("points", "dec", True),
            _f("picture", "id"),
            _f("exclusive", "bool"),
        ),
        "The answers of single and multiple questions, in order; exclusive: chosen only alone.",
    ),
    Node(
        "bands",
        "questions",
        ("questionnaire", "question"),
        "bands",
        (_f("from", "dec", True), _f("points", "dec", True)),
        "Points by value for number questions, lowest 'from' first.",
    ),
    Node(
        "question_views",
        "questions",
        ("questionnaire", "question"),
        "views",
        (_f("text", "text", True), _f("easy_read", "text")),
        "A question's words for one view (person, assessor or carer).",
        by="view",
    ),
    Node(
        "amounts",
        "questionnaires",
        _Q,
        "amounts",
        (
            _f("id", "id", True),
            _f("label", "text", True),
            _f("for", "str", True),
            _f("period", "period", True),
            _f("parts", "child"),
            _f("rules", "child"),
            _f("conversions", "child"),
            _f("show_also", "ids"),
            _f("sign_off_above", "money"),
            _f("flags", "child"),
            _f("illustrative_hours", "hours"),
            _f("notice", "text"),
            _f("closing", "text"),
            _EMPTY,
        ),
        "The amounts a questionnaire gives (for: person or carer), each with its period.",
        required=True,
        key=("questionnaire", "id"),
    ),
    Node(
        "parts",
        "amounts",
        _A,
        "parts",
        (
            _f("id", "id", True),
            _f("label", "text", True),
            _f("funder", "str", True),
            _f("funder_name", "text"),
            _f("earmarked", "text"),
            _f("explain", "text"),
            _f("period", "period"),
            _f("when", "cond"),
            _f("method", "str", True),
            _f("adjustments", "child"),
            _f("minimum", "money"),
            _f("maximum", "money"),
            _f("rounding", "rounding"),
            _f("rate", "money"),
            _f("table", "child"),
            _f("sections", "ids"),
            _f("overlaps", "child"),
            _f("point_adjustments", "child"),
            _f("points_rounding", "rounding"),
            _f("minimum_points", "dec"),
            _f("calibration", "calibration"),
            _f("items", "child"),
            _f("amount", "money", column="fixed_amount"),
            _f("bands", "child"),
            _EMPTY,
        ),
        "The parts of each amount, in order: funder council, nhs, ilf or other; method "
        "per_point, table, costed, fixed (fixed_amount) or banded.",
        required=True,
        key=("questionnaire", "amount", "id"),
    ),
    Node(
        "rules",
        "amounts",
        _A,
        "rules",
        (
            *_NAMED,
            _f("kind", "str", True),
            _f("part", "id", True),
            _f("limit", "money"),
            _f("replaces", "ids"),
        ),
        "Combined rules of an amount, applied in order: kind cap or floor (limit) or replace.",
    ),
    Node(
        "conversions",
        "amounts",
        _A,
        "conversions",
        (
            _f("from", "str", True),
            _f("to", "str", True),
            _f("multiply", "dec"),
            _f("divide", "dec"),
            _f("rounding", "rounding"),
        ),
        "Declared period conversions: exactly one of multiply or divide.",
    ),
    Node(
        "flags",
        "amounts",
        _A,
        "flags",
        (
            _f("id", "id", True),
            _f("label", "text", True),
            _f("part", "id"),
            _f("when_points_above", "dec"),
            _f("when_amount_above", "money"),
        ),
        "Named warnings: when_points_above (with part) or when_amount_above.",
    ),
    Node(
        "table",
        "parts",
        _P,
        "table",
        (_f("from_points", "dec", True), _f("amount", "money", True, "money")),
        "The step table of a table part, lowest from_points first.",
    ),
    Node(
        "part_bands",
        "parts",
        _P,
        "bands",
        (_f("when", "cond"), _f("amount", "money", True, "money"), _f("label", "text")),
        "The bands of a banded part: the first whose 'when' holds (empty on the last row).",
    ),
    Node(
        "items",
        "parts",
        _P,
        "items",
        (
            _f("id", "id", True),
            _f("label", "text", True),
            _f("quantity", "quantity"),
            _f("when", "cond"),
            _f("rate", "rateref"),
        ),
        "Costed items: quantity (an answer, options, or value; times) × a named rate.",
        key=("questionnaire", "amount", "part", "id"),
    ),
    Node(
        "item_rates",
        "items",
        ("questionnaire", "amount", "part", "item"),
        "rate",
        (_f("when", "cond"), _f("rate", "id", True)),
        "An item's rate by condition: the first whose 'when' holds (the last without one).",
    ),
    Node(
        "overlaps",
        "parts",
        _P,
        "overlaps",
        (
            _f("id", "id", True),
            _f("label", "text", True),
            _f("explain", "text"),
            _f("between", "ids", True),
            _f("smaller_counts", "dec", True),
        ),
        "Needs counted once: the largest of 'between' in full, the others × smaller_counts.",
    ),
    Node(
        "point_adjustments",
        "parts",
        _P,
        "point_adjustments",
        (*_NAMED, _f("sections", "ids"), _f("multiply", "dec", True)),
        "Multipliers on section points of a points part, applied in order.",
    ),
    Node(
        "adjustments",
        "parts",
        _P,
        "adjustments",
        (*_NAMED, _f("multiply", "dec"), _f("add", "money")),
        "Changes to a part's money, applied in order: exactly one of multiply or add.",
    ),
)
NODE_BY_SHEET = {n.sheet: n for n in NODES}
CHILDREN: dict[str | None, tuple[Node, ...]] = {
    parent: tuple(n for n in NODES if n.parent == parent)
    for parent in {None, *(n.sheet for n in NODES)}
}

#: settings keys of format 2 → kind; title, contact_address and contact_hours are texts
#: (title_en, contact_address_cy, …).
SETTINGS_KEYS_V2: dict[str, str] = {
    **SETTINGS_KEYS,
    "contact_phone": "str",
    "contact_email": "str",
    "contact_web": "str",
}
SETTINGS_TEXTS_V2 = ("title", "contact_address", "contact_hours")
CONTACT_ORDER = ("phone", "email", "web", "address", "hours")
TOP_ORDER_V2 = (
    *TOP_ORDER,
    "contact",
    "rates",
    "questionnaires",
)
