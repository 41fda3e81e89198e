"""Reading the cells of a ruleset workbook exactly, and saying where each problem is.

openpyxl gives numeric cells as ``int`` or ``float``. A float is turned into a decimal
through its shortest ``repr`` (4.2 typed as a number becomes "4.2", never
4.2000000000000001776…), and only if that decimal reads back as the same float. Money is
always a decimal string in the ruleset; other numbers keep their form: a whole-number
cell becomes a JSON integer, a text cell ("0.80") stays exactly as written.

Every problem is a ``Problem`` whose path names the cell, ``questions!K7``, or, when
the column is not in the sheet, ``sheet questions, row 7, column show_if``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rasdesk.authoring.conditions_text import ConditionSyntaxError, parse_condition
from rasdesk.domain.errors import Problem

ID = re.compile(r"[a-z0-9_]+")
_PLAIN = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_TRUE = ("true", "yes", "y", "1")
_FALSE = ("false", "no", "n", "0")


class CellError(ValueError):
    """A cell value that does not fit its column."""


@dataclass(frozen=True, slots=True)
class Loc:
    """Where something came from: a cell (``column`` set) or a whole row."""

    sheet: str
    row: int | None = None
    column: str | None = None
    letter: str | None = None
    #: Said before the message, for places that are not one row (an allocation's keys).
    note: str | None = None

    def path(self) -> str:
        if self.row is None:
            return f"sheet {self.sheet}"
        if self.column is None:
            return f"sheet {self.sheet}, row {self.row}"
        if self.letter is None:
            return f"sheet {self.sheet}, row {self.row}, column {self.column}"
        return f"{self.sheet}!{self.letter}{self.row}"


@dataclass(slots=True)
class Row:
    sheet: str
    number: int
    values: dict[str, Any]  # header → non-empty cell value
    letters: dict[str, str]  # header → column letter, for every header of the sheet

    def loc(self, column: str | None = None) -> Loc:
        if column is None:
            return Loc(self.sheet, self.number)
        return Loc(self.sheet, self.number, column, self.letters.get(column))


@dataclass(slots=True)
class Ctx:
    """Problems found so far, and the location of every JSON path built from a cell."""

    problems: list[tuple[Loc, str]] = field(default_factory=list)
    locs: dict[str, Loc] = field(default_factory=dict)
    #: A required sheet or column is missing: the ruleset check would only add noise.
    broken: bool = False

    def bad(self, loc: Loc, message: str) -> None:
        self.problems.append((loc, message))

    def value(self, row: Row, column: str, kind: str, path: str | None = None) -> Any:
        """The converted value of a cell, or ``None`` when empty or bad (bad is noted)."""
        raw = row.values.get(column)
        if raw is None:
            return None
        if path is not None:
            self.locs[path] = row.loc(column)
        try:
            return convert(kind, raw)
        except CellError as exc:
            self.bad(row.loc(column), str(exc))
            return None

    def as_problems(self) -> list[Problem]:
        return [Problem(loc.path(), _with_column(loc, msg)) for loc, msg in self.problems]


def _with_column(loc: Loc, message: str) -> str:
    if loc.note:
        message = f"{loc.note}: {message}"
    return f"{loc.column}: {message}" if loc.column and loc.letter else message


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(kind: str, value: Any) -> Any:
    """One non-empty cell value as the ruleset JSON value of a column of ``kind``."""
    if kind == "text":
        return value if isinstance(value, str) else _plain_text(value)
    if kind in ("str", "id"):
        text = (value if isinstance(value, str) else _plain_text(value)).strip()
        if kind == "id" and not ID.fullmatch(text):
            raise CellError(f'"{text}" is not a valid id (use lower-case letters, digits and _)')
        return text
    if kind in ("dec", "money"):
        return _decimal(value, money=kind == "money")
    if kind == "int":
        got = _decimal(value, money=False)
        if not isinstance(got, int):
            raise CellError(f"expected a whole number, found {_shown(value)}")
        return got
    if kind == "bool":
        return _bool(value)
    if kind == "date":
        return _date(value)
    if kind == "cond":
        try:
            return parse_condition(value if isinstance(value, str) else _plain_text(value))
        except ConditionSyntaxError as exc:
            raise CellError(f"this condition cannot be read: {exc}") from None
    if kind == "ids":
        return _ids(value)
    if kind == "none":
        if isinstance(value, str) and value.strip().lower() == "none":
            return []
        raise CellError(
            f'the only value allowed here is "none" (an empty list), found {_shown(value)}'
        )
    raise AssertionError(kind)


def _shown(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else _plain_text(value)


def _plain_text(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        got = _float_decimal(value)
        return format(got, "f") if got is not None else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _float_decimal(value: float) -> Decimal | None:
    """The exact decimal a person typed, from openpyxl's float (``None`` if not a number)."""
    if not math.isfinite(value):
        return None
    got = Decimal(repr(value))
    return got if float(got) == value else None


def _decimal(value: Any, *, money: bool) -> int | str:
    if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
        raise CellError(f"expected a number, found {_shown(value)}")
    if isinstance(value, int):
        return str(value) if money else value
    if isinstance(value, float):
        got = _float_decimal(value)
        if got is None:
            raise CellError(f"expected a number, found {value!r}")
        text = format(got, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if not money and "." not in text:
            return int(text)
        return text
    text = str(value).strip()
    if not _PLAIN.fullmatch(text):
        hint = ""
        try:
            Decimal(text.replace(",", "").replace("£", ""))
            hint = " (no £ sign, commas or exponent)"
        except InvalidOperation:
            pass
        raise CellError(f'"{text}" is not a number written like 4.20{hint}')
    return text


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _plain_text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"expected TRUE or FALSE, found {_shown(value)}")


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()  # the ruleset check says if it is not YYYY-MM-DD
    raise CellError(f"expected a date written YYYY-MM-DD, found {_shown(value)}")


def _ids(value: Any) -> list[str]:
    text = value if isinstance(value, str) else _plain_text(value)
    parts = [p.strip() for p in text.split(",")]
    for part in parts:
        if not ID.fullmatch(part):
            shown = f'"{part}"' if part else "an empty entry"
            raise CellError(
                f"{shown} is not a valid id; write ids separated by commas, like: eating, washing"
            )
    return parts
