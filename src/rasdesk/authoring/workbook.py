"""The ruleset workbook: a council's RAS team keeps its ruleset in a spreadsheet, and
rasdesk compiles it to the exact ruleset document (as ODK's XLSForm does for forms).

- ``build_ruleset(xlsx)`` → ruleset JSON bytes, checked by ``parse_ruleset``; every
  problem is reported in one ``InputError`` at its sheet, row and column.
- ``export_ruleset(json)`` → .xlsx bytes; ``build_ruleset(export_ruleset(r))`` gives back
  ``r`` (docs/ruleset-workbook.md lists the few shapes that are normalised).

Both read and write format 1 and format 2 (``rasdesk-ruleset/2``: the settings sheet's
``format`` row says which; ``workbook_v2`` has format 2's sheets).

The layout is in ``workbook_layout``; reading in ``workbook_sheets``/``workbook_read``/
``workbook_alloc``; writing in ``workbook_write``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from rasdesk.authoring.workbook_cells import Ctx, Loc
from rasdesk.authoring.workbook_layout import SETTINGS
from rasdesk.authoring.workbook_read import assemble
from rasdesk.authoring.workbook_sheets import open_workbook, read_rows
from rasdesk.authoring.workbook_v2 import assemble_v2
from rasdesk.authoring.workbook_write import export_document
from rasdesk.domain.errors import InputError, Problem, RulesetError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model_v2 import FORMAT_V2
from rasdesk.domain.parse import parse_ruleset
from rasdesk.domain.parse_v2 import parse_ruleset_v2

Parser = Callable[[bytes, str], object]

_LAST_STEP = re.compile(r"(\.[^.\[]+|\[[0-9]+\])$")
_FIRST_AT = re.compile(r"\(first at (\$[^)]*)\)")


def dumps_ruleset(doc: dict[str, Any]) -> bytes:
    """A ruleset document as the bytes ``build`` writes: 2-space indent, UTF-8, newline."""
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build_ruleset(data: bytes, source: str = "the workbook") -> bytes:
    """The ruleset document bytes of the workbook ``data``. Raises ``InputError``."""
    wb = open_workbook(data, source)
    ctx = Ctx()
    v2 = _format_of(wb) == FORMAT_V2
    doc = assemble_v2(ctx, wb) if v2 else assemble(ctx, wb)
    out = dumps_ruleset(doc)
    problems = ctx.as_problems()
    if not ctx.broken:
        problems.extend(_check(out, ctx, parse_ruleset_v2 if v2 else parse_ruleset))
    if problems:
        count = len(problems)
        raise InputError(
            f"{source} cannot be built into a ruleset ({count} problem"
            f"{'s' if count != 1 else ''}); fix each one and build again",
            problems,
        )
    return out


def export_ruleset(data: bytes, source: str = "the ruleset") -> bytes:
    """The .xlsx bytes of a ruleset document of either format; refused (``RulesetError``)
    if it is invalid."""
    try:
        head = loads_strict(data)
    except StrictJSONError:
        head = None  # parse_ruleset says what is wrong with it
    v2 = isinstance(head, dict) and head.get("format") == FORMAT_V2
    (parse_ruleset_v2 if v2 else parse_ruleset)(data, source)
    doc: dict[str, Any] = loads_strict(data)
    return export_document(doc)


def _format_of(wb: Any) -> str | None:
    """The settings sheet's ``format`` value (``None`` when it has none)."""
    for row in read_rows(Ctx(), wb, SETTINGS, ("en",)):
        if str(row.values.get("key", "")).strip().lower() == "format":
            return str(row.values.get("value", "")).strip()
    return None


def _check(out: bytes, ctx: Ctx, parse: Parser) -> list[Problem]:
    """The ruleset check's problems, moved to the cells they came from. A row that already
    has a layout problem gets no more (they would only repeat it)."""
    try:
        parse(out, "the built ruleset")
    except RulesetError as exc:
        reported = {(loc.sheet, loc.row) for loc, _ in ctx.problems}
        found: list[Problem] = []
        for p in exc.problems:
            loc = locate(p.path, ctx.locs)
            if loc is None:
                found.append(Problem(p.path, _relocate(p.message, ctx)))
                continue
            if loc.row is not None and (loc.sheet, loc.row) in reported:
                continue
            extra = Ctx(problems=[(loc, _relocate(p.message, ctx))])
            for problem in extra.as_problems():
                if problem not in found:
                    found.append(problem)
        if not found and not ctx.problems:
            found = list(exc.problems) or [Problem("$", exc.message)]
        return found
    return []


def locate(path: str, locs: dict[str, Loc]) -> Loc | None:
    """The location of the nearest JSON path at or above ``path`` built from a cell."""
    while path:
        if path in locs:
            return locs[path]
        m = _LAST_STEP.search(path)
        if m is None:
            return None
        path = path[: m.start()]
    return None


def _relocate(message: str, ctx: Ctx) -> str:
    def where(m: re.Match[str]) -> str:
        loc = locate(m.group(1), ctx.locs)
        return f"(first at {loc.path()})" if loc else m.group(0)

    return _FIRST_AT.sub(where, message)
