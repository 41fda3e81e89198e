"""The ruleset workbook's layout: which sheets, which columns, and what each cell holds.

One place that both directions read (``workbook_read`` builds a ruleset from a workbook,
``workbook_write`` exports one), so the two cannot drift apart. docs/ruleset-workbook.md
describes the same layout for people.

Column kinds: ``id`` (lower-case id), ``str`` (plain text), ``text`` (one column per
language of the ruleset: ``text_en``, ``text_cy``, …), ``bool``, ``dec`` (points and
factors: a number cell or a plain decimal), ``money`` (always a decimal string in the
ruleset), ``int``, ``date`` (YYYY-MM-DD), ``cond`` (a readable condition, see
``conditions_text``), ``ids`` (comma-separated ids).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str
    required: bool = False


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    required: bool
    about: str

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


def _c(name: str, kind: str = "str", required: bool = False) -> Column:
    return Column(name, kind, required)


_Q = _c("questionnaire", "id", True)

SETTINGS = Sheet(
    "settings",
    (_c("key", "str", True), _c("value", "str")),
    True,
    "One row per setting: format, id, version, council, title_en (title_cy, …), "
    "effective_from, effective_to, currency, languages (comma-separated, en first).",
)
QUESTIONNAIRES = Sheet(
    "questionnaires",
    (_c("id", "id", True), _c("kind", "str", True), _c("title", "text", True)),
    True,
    "One row per questionnaire; kind is person or carer.",
)
SECTIONS = Sheet(
    "sections",
    (
        _Q,
        _c("id", "id", True),
        _c("title", "text", True),
        _c("easy_read", "text"),
        _c("weight", "dec"),
        _c("max_points", "dec"),
    ),
    True,
    "One row per section (needs domain), in order.",
)
QUESTIONS = Sheet(
    "questions",
    (
        _Q,
        _c("section", "id", True),
        _c("id", "id", True),
        _c("type", "str", True),
        _c("required", "bool"),
        _c("text", "text", True),
        _c("easy_read", "text"),
        _c("help", "text"),
        _c("picture", "id"),
        _c("show_if", "cond"),
        _c("scoring", "str"),
        _c("unit", "text"),
        _c("min", "dec"),
        _c("max", "dec"),
    ),
    True,
    "One row per question, in order; type is single, multiple, number or text.",
)
OPTIONS = Sheet(
    "options",
    (
        _Q,
        _c("question", "id", True),
        _c("id", "id", True),
        _c("text", "text", True),
        _c("easy_read", "text"),
        _c("points", "dec", True),
        _c("exclusive", "bool"),
    ),
    False,
    "The answers of single and multiple questions, in order; exclusive: chosen only alone.",
)
BANDS = Sheet(
    "bands",
    (_Q, _c("question", "id", True), _c("from", "dec", True), _c("points", "dec", True)),
    False,
    "Points by value for number questions, lowest 'from' first.",
)
ALLOCATION = Sheet(
    "allocation",
    (_Q, _c("key", "str", True), _c("value", "str")),
    True,
    "One row per setting of each questionnaire's allocation (see ALLOCATION_KEYS).",
)
TABLE = Sheet(
    "table",
    (_Q, _c("from_points", "dec", True), _c("amount", "money", True)),
    False,
    "The step table of a questionnaire whose method is table.",
)
POINT_ADJUSTMENTS = Sheet(
    "point_adjustments",
    (
        _Q,
        _c("id", "id", True),
        _c("label", "text", True),
        _c("explain", "text"),
        _c("when", "cond"),
        _c("sections", "ids"),
        _c("multiply", "dec", True),
    ),
    False,
    "Multipliers on section points, applied in order.",
)
ADJUSTMENTS = Sheet(
    "adjustments",
    (
        _Q,
        _c("id", "id", True),
        _c("label", "text", True),
        _c("explain", "text"),
        _c("when", "cond"),
        _c("multiply", "dec"),
        _c("add", "money"),
    ),
    False,
    "Changes to the money amount, applied in order: exactly one of multiply or add.",
)
FLAGS = Sheet(
    "flags",
    (
        _Q,
        _c("id", "id", True),
        _c("label", "text", True),
        _c("when_points_above", "dec"),
        _c("when_weekly_above", "money"),
    ),
    False,
    "Named warnings; exactly one of when_points_above or when_weekly_above.",
)

SHEETS: tuple[Sheet, ...] = (
    SETTINGS,
    QUESTIONNAIRES,
    SECTIONS,
    QUESTIONS,
    OPTIONS,
    BANDS,
    ALLOCATION,
    TABLE,
    POINT_ADJUSTMENTS,
    ADJUSTMENTS,
    FLAGS,
)
SHEET_BY_NAME = {s.name: s for s in SHEETS}
#: Sheets a build ignores: the notes sheet the export writes, and any starting with "#".
NOTES_SHEET = "README"

#: settings keys → kind; title is a text key (title_en, title_cy, …).
SETTINGS_KEYS: dict[str, str] = {
    "format": "str",
    "id": "str",
    "version": "str",
    "council": "str",
    "effective_from": "date",
    "effective_to": "date",
    "currency": "str",
    "languages": "ids",
}
SETTINGS_DEFAULTS = {"format": "rasdesk-ruleset/1", "currency": "GBP"}
#: the ruleset's top-level keys in the order a built ruleset writes them
TOP_ORDER = (
    "format",
    "id",
    "version",
    "council",
    "title",
    "effective_from",
    "effective_to",
    "currency",
    "languages",
)
SETTINGS_REQUIRED = ("id", "version", "council", "effective_from", "languages")

#: allocation keys → kind. ``rounding_*``, ``points_rounding_*`` and ``calibration_*``
#: fill the nested objects of the same name.
ALLOCATION_KEYS: dict[str, str] = {
    "period": "str",
    "method": "str",
    "rate": "money",
    "points_rounding_to": "dec",
    "points_rounding_mode": "str",
    "minimum_points": "dec",
    "minimum": "money",
    "maximum": "money",
    "rounding_to": "dec",
    "rounding_mode": "str",
    "annual_factor": "dec",
    "sign_off_above": "money",
    "illustrative_hourly_rate": "money",
    "calibration_sample_size": "int",
    "calibration_sample_weekly_cost": "money",
    "calibration_sample_points": "dec",
    "calibration_contingency": "dec",
    "calibration_date": "date",
    # "none": the list is present and empty (only needed to keep a ruleset's exact shape).
    "point_adjustments": "none",
    "adjustments": "none",
    "flags": "none",
}
#: The order of the allocation object's keys in a built ruleset (spec §1.1).
ALLOCATION_ORDER = (
    "period",
    "method",
    "rate",
    "table",
    "point_adjustments",
    "points_rounding",
    "minimum_points",
    "adjustments",
    "minimum",
    "maximum",
    "rounding",
    "annual_factor",
    "sign_off_above",
    "flags",
    "illustrative_hourly_rate",
    "calibration",
)
NESTED = {"points_rounding": ("to", "mode"), "rounding": ("to", "mode")}
CALIBRATION_FIELDS = ("sample_size", "sample_weekly_cost", "sample_points", "contingency", "date")


def header_names(sheet: Sheet, languages: tuple[str, ...]) -> list[str]:
    """The column headers of ``sheet`` for a ruleset in ``languages``, in order."""
    out: list[str] = []
    for col in sheet.columns:
        if col.kind == "text":
            out.extend(f"{col.name}_{lang}" for lang in languages)
        else:
            out.append(col.name)
    return out


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
