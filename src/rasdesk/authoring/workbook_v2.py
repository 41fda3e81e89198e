"""The ruleset workbook for format 2 (docs/ruleset-workbook.md, "Format 2"): building a
``rasdesk-ruleset/2`` document from a workbook and exporting one to a workbook.

``assemble_v2(ctx, wb)`` reads the sheets of ``workbook_v2_layout.NODES`` (a parent before
its children) into the document, remembering the cell of every JSON path it builds, so the
format-2 ruleset check's problems are reported at the cell a person edits
(``workbook.build_ruleset`` does that for both formats). ``export_rows_v2(doc)`` is the
reverse: the rows of each sheet. Building an exported workbook gives back the same
document (the few shapes it writes one way are listed in the docs).
"""

from __future__ import annotations

from typing import Any

from rasdesk.authoring.conditions_text import condition_text
from rasdesk.authoring.workbook_cells import CellError, Ctx, Loc, Row
from rasdesk.authoring.workbook_layout import NOTES_SHEET, SETTINGS, Sheet
from rasdesk.authoring.workbook_read import Book, _settings
from rasdesk.authoring.workbook_v2_layout import (
    CALIBRATION,
    CHILDREN,
    CONTACT_ORDER,
    NODE_BY_SHEET,
    NODES,
    QUANTITY,
    SETTINGS_KEYS_V2,
    SETTINGS_TEXTS_V2,
    TOP_ORDER_V2,
    Field,
    Node,
)

#: Every sheet of a format-2 workbook, settings first.
SHEETS_V2: tuple[Sheet, ...] = (SETTINGS, *(n.as_sheet() for n in NODES))
_SHEET_NAMES = tuple(s.name for s in SHEETS_V2)


# ---------------------------------------------------------------------------------- build


class _Tree:
    """Entries read so far: node sheet → entry key → (object, JSON path, row)."""

    def __init__(self) -> None:
        self.index: dict[str, dict[tuple[str, ...], tuple[dict[str, Any], str]]] = {
            n.sheet: {} for n in NODES
        }
        #: Parents whose own row is wrong: rows naming them say nothing more.
        self.broken: dict[str, set[tuple[str, ...]]] = {n.sheet: set() for n in NODES}


def check_sheets_v2(ctx: Ctx, wb: Any) -> None:
    """Unknown sheets and missing required sheets of a format-2 workbook."""
    for name in wb.sheetnames:
        if name in _SHEET_NAMES or name == NOTES_SHEET or name.startswith("#"):
            continue
        ctx.bad(
            Loc(name),
            f'unknown sheet "{name}"; the sheets of a format-2 workbook are '
            f'{", ".join(_SHEET_NAMES)} (a sheet named "{NOTES_SHEET}" or starting with "#" '
            "is ignored)",
        )
    for sheet in SHEETS_V2:
        if sheet.required and sheet.name not in wb.sheetnames:
            ctx.bad(Loc(sheet.name), f'the sheet "{sheet.name}" is missing')
            ctx.broken = True


def assemble_v2(ctx: Ctx, wb: Any) -> dict[str, Any]:
    """The format-2 ruleset document in ``wb``; problems go to ``ctx``."""
    check_sheets_v2(ctx, wb)
    book = Book(ctx, wb)
    contact_keys = ("contact_phone", "contact_email", "contact_web")
    flat = _settings(
        book,
        SETTINGS_KEYS_V2,
        SETTINGS_TEXTS_V2,
        (*TOP_ORDER_V2, *contact_keys, "contact_address", "contact_hours"),
    )
    contact: dict[str, Any] = {}
    for name in CONTACT_ORDER:
        if f"contact_{name}" in flat:
            contact[name] = flat.pop(f"contact_{name}")
            if f"$.contact_{name}" in ctx.locs:
                ctx.locs[f"$.contact.{name}"] = ctx.locs[f"$.contact_{name}"]
    doc: dict[str, Any] = dict(flat)
    if contact:
        doc["contact"] = contact
        ctx.locs.setdefault("$.contact", Loc(SETTINGS.name))
    doc["questionnaires"] = []
    ctx.locs.setdefault("$.questionnaires", Loc("questionnaires"))
    tree = _Tree()
    for node in NODES:
        for row in book.rows(node.as_sheet()):
            _read_row(book, tree, doc, node, row)
    _finish(ctx, doc, None)
    return {k: doc[k] for k in TOP_ORDER_V2 if k in doc}


def _read_row(book: Book, tree: _Tree, doc: dict[str, Any], node: Node, row: Row) -> None:
    ctx = book.ctx
    parent, ppath = doc, "$"
    if node.parent is not None:
        names = [book.need(row, c, "id") for c in node.link]
        if any(n is None for n in names):
            _mark_broken(tree, node, row)
            return
        key = tuple(str(n) for n in names)
        found = tree.index[node.parent].get(key)
        if found is None:
            _mark_broken(tree, node, row)
            if key not in tree.broken[node.parent]:
                ctx.bad(row.loc(node.link[-1]), _unknown(node, key))
            return
        parent, ppath = found
    if node.by is not None:
        by = book.need(row, node.by, "str")
        if by is None:
            return
        holder = parent.setdefault(node.into, {})
        if not isinstance(holder, dict):
            return
        if by in holder:
            ctx.bad(row.loc(node.by), f'the {node.by} "{by}" has two rows for the same entry')
            return
        path = f"{ppath}.{node.into}.{by}"
        obj = _read_fields(book, node, row, path)
        holder[by] = obj
        ctx.locs[path] = row.loc()
        return
    holder = parent.get(node.into)
    if holder is not None and not isinstance(holder, list):
        ctx.bad(
            row.loc(node.link[-1]),
            f'"{node.link[-1]}" already has its {node.into} in the {node.parent} sheet; give '
            f"it there or in rows of the {node.sheet} sheet, not both",
        )
        return
    holder = parent.setdefault(node.into, [])
    path = f"{ppath}.{node.into}[{len(holder)}]"
    obj = _read_fields(book, node, row, path)
    if node.key:
        own = tuple(
            str(row.values.get(c) if c != "id" else obj.get("id", "")).strip() for c in node.key
        )
        if "id" not in obj:
            _mark_broken(tree, node, row)
            return
        if own in tree.index[node.sheet]:
            first = tree.index[node.sheet][own][1]
            where = ctx.locs.get(f"{first}.id") or ctx.locs.get(first)
            ctx.bad(
                row.loc("id"),
                f'the id "{own[-1]}" is used twice in the {node.sheet} sheet'
                + (f" (first at {where.path()})" if where else ""),
            )
            tree.broken[node.sheet].add(own)
            return
        tree.index[node.sheet][own] = (obj, path)
    for name in _REQUIRED_LISTS.get(node.sheet, ()):
        obj[name] = []
        ctx.locs.setdefault(f"{path}.{name}", Loc(_child_sheet(node, name)))
    ctx.locs[path] = row.loc()
    holder.append(obj)


#: Lists a format-2 entry always has (the others only when a row or empty_lists says so).
_REQUIRED_LISTS = {
    "questionnaires": ("sections", "amounts"),
    "sections": ("questions",),
    "amounts": ("parts",),
}


def _child_sheet(node: Node, key: str) -> str:
    for child in CHILDREN[node.sheet]:
        if child.into == key:
            return child.sheet
    return ""


def _mark_broken(tree: _Tree, node: Node, row: Row) -> None:
    if node.key:
        tree.broken[node.sheet].add(tuple(str(row.values.get(c, "")).strip() for c in node.key))


def _unknown(node: Node, key: tuple[str, ...]) -> str:
    parent = NODE_BY_SHEET[node.parent or ""]
    what = parent.sheet.rstrip("s")
    where = ", ".join(f'{c} "{v}"' for c, v in zip(node.link[:-1], key[:-1], strict=True))
    return (
        f'unknown {what} "{key[-1]}"'
        + (f" of {where}" if where else "")
        + f"; it must be in the {parent.sheet} sheet"
    )


def _read_fields(book: Book, node: Node, row: Row, path: str) -> dict[str, Any]:
    ctx = book.ctx
    obj: dict[str, Any] = {}
    for f in node.fields:
        at = f"{path}.{f.key}"
        if f.kind == "child":
            continue
        if f.kind == "text":
            _put(obj, f.key, book.text(row, f.col, at, required=f.required))
        elif f.kind == "period":
            _put(obj, f.key, _read_period(book, row, at, f.required))
        elif f.kind == "rounding":
            _put(
                obj, f.key, _read_group(ctx, row, at, f"{f.key}_", (("to", "dec"), ("mode", "str")))
            )
        elif f.kind == "calibration":
            _put(obj, f.key, _read_group(ctx, row, at, "calibration_", CALIBRATION))
        elif f.kind == "quantity":
            _put(obj, f.key, _read_quantity(ctx, row, at))
        elif f.kind == "hours":
            rate = ctx.value(row, "illustrative_hourly_rate", "money", f"{at}.hourly_rate")
            if rate is not None:
                obj[f.key] = {"hourly_rate": rate}
                ctx.locs[at] = row.loc("illustrative_hourly_rate")
        elif f.kind == "rateref":
            _put(obj, f.key, ctx.value(row, "rate", "id", at))
        elif f.kind == "empty":
            _put(obj, f.key, ctx.value(row, "empty_lists", "ids", at))
        elif f.required:
            _put(obj, f.key, book.need(row, f.col, f.kind, at))
        else:
            _put(obj, f.key, ctx.value(row, f.col, f.kind, at))
    return obj


def _read_period(book: Book, row: Row, at: str, required: bool) -> Any:
    per = (
        book.need(row, "period", "str", at)
        if required
        else book.ctx.value(row, "period", "str", at)
    )
    covers = book.text(row, "covers", f"{at}.covers")
    if covers is None:
        return per if per != "one_off" else {"per": per}
    if per is None:
        book.ctx.bad(row.loc("covers"), "covers needs a period in the period column")
        return None
    return {"per": per, "covers": covers}


def _read_group(
    ctx: Ctx, row: Row, at: str, prefix: str, names: tuple[tuple[str, str], ...]
) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for name, kind in names:
        _put(out, name, ctx.value(row, f"{prefix}{name}", kind, f"{at}.{name}"))
    if out:
        ctx.locs[at] = row.loc(f"{prefix}{next(iter(out))}")
    return out or None


def _read_quantity(ctx: Ctx, row: Row, at: str) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for name, kind in QUANTITY:
        if name == "options":
            raw = ctx.value(row, "quantity_options", "str", f"{at}.options")
            if raw is not None:
                try:
                    out[name] = options_map(raw)
                except CellError as exc:
                    ctx.bad(row.loc("quantity_options"), str(exc))
            continue
        _put(out, name, ctx.value(row, f"quantity_{name}", kind, f"{at}.{name}"))
    if out:
        ctx.locs[at] = row.loc(f"quantity_{next(iter(out))}")
    return out or None


def options_map(text: str) -> dict[str, str]:
    """``none=0, some=2.5`` → ``{"none": "0", "some": "2.5"}`` (the quantity per option)."""
    from rasdesk.authoring.workbook_cells import convert

    out: dict[str, str] = {}
    for piece in text.split(","):
        name, eq, value = piece.partition("=")
        name = name.strip()
        if not eq or not name:
            raise CellError(
                f'"{piece.strip()}" is not "option=quantity"; write the quantity of each option '
                "like: none=0, some=3, every=7"
            )
        ident = convert("id", name)
        if ident in out:
            raise CellError(f'the option "{ident}" is given twice')
        got = convert("dec", value.strip() or "?")
        out[ident] = str(got)
    return out


def _finish(ctx: Ctx, obj: Any, node: Node | None, path: str = "$") -> None:
    """Lists named in ``empty_lists`` made present and empty; keys in the spec's order."""
    for child in CHILDREN[None if node is None else node.sheet]:
        held = obj.get(child.into)
        if isinstance(held, list):
            for i, entry in enumerate(held):
                _finish(ctx, entry, child, f"{path}.{child.into}[{i}]")
    if node is None:
        return
    lists = [f.key for f in node.fields if f.kind == "child"]
    loc = ctx.locs.get(f"{path}.empty_lists")
    for name in obj.pop("empty_lists", None) or ():
        if name not in lists:
            problem = f'"{name}" is not a list of a {node.sheet} entry ({", ".join(lists)})'
        elif obj.get(name):
            problem = f'"{name}" has rows in its sheet, so it is not empty'
        else:
            obj[name] = []
            continue
        if loc is not None:
            ctx.bad(loc, f"empty_lists: {problem}")
    ordered = {f.key: obj[f.key] for f in node.fields if f.key in obj}
    obj.clear()
    obj.update(ordered)


def _put(obj: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        obj[key] = value


# --------------------------------------------------------------------------------- export


def export_rows_v2(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every sheet of a *valid* format-2 document (header → cell value)."""
    out: dict[str, list[dict[str, Any]]] = {s.name: [] for s in SHEETS_V2}
    settings = out[SETTINGS.name]
    for key in SETTINGS_KEYS_V2:
        if key == "languages":
            settings.append({"key": key, "value": ", ".join(doc[key])})
        elif key in doc:
            settings.append({"key": key, "value": doc[key]})
        if key == "council":
            settings.extend(_text_settings("title", doc["title"]))
    for name in CONTACT_ORDER:
        value = (doc.get("contact") or {}).get(name)
        if isinstance(value, dict):
            settings.extend(_text_settings(f"contact_{name}", value))
        elif value is not None:
            settings.append({"key": f"contact_{name}", "value": value})
    _walk(out, doc, None, ())
    return out


def _text_settings(base: str, words: dict[str, str]) -> list[dict[str, Any]]:
    return [{"key": f"{base}_{lang}", "value": text} for lang, text in words.items()]


def _walk(
    out: dict[str, list[dict[str, Any]]],
    obj: dict[str, Any],
    node: Node | None,
    key: tuple[str, ...],
) -> None:
    for child in CHILDREN[None if node is None else node.sheet]:
        held = obj.get(child.into)
        if held is None or isinstance(held, str):
            continue  # an item's rate given as one id is in the items sheet
        links = dict(zip(child.link, key, strict=True))
        entries = held.items() if isinstance(held, dict) else ((None, e) for e in held)
        for by, entry in entries:
            row: dict[str, Any] = dict(links)
            if child.by is not None:
                row[child.by] = by
            row.update(_write_fields(child, entry))
            out[child.sheet].append(row)
            own = tuple(str(entry["id"] if c == "id" else row[c]) for c in child.key)
            _walk(out, entry, child, own)


def _write_fields(node: Node, obj: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in node.fields:
        if f.kind == "empty":
            empty = [g.key for g in node.fields if g.kind == "child" and obj.get(g.key) == []]
            empty = [k for k in empty if k not in _REQUIRED_LISTS.get(node.sheet, ())]
            if empty:
                row["empty_lists"] = ", ".join(empty)
            continue
        if f.key not in obj or f.kind == "child":
            continue
        value = obj[f.key]
        row.update(_cells(f, value))
    return row


def _cells(f: Field, value: Any) -> dict[str, Any]:
    if f.kind == "text":
        return {f"{f.col}_{lang}": words for lang, words in value.items()}
    if f.kind == "cond":
        return {f.col: condition_text(value)}
    if f.kind == "ids":
        return {f.col: ", ".join(value)}
    if f.kind == "period":
        if isinstance(value, str):
            return {"period": value}
        cells: dict[str, Any] = {"period": value["per"]}
        for lang, words in (value.get("covers") or {}).items():
            cells[f"covers_{lang}"] = words
        return cells
    if f.kind == "rounding":
        return {f"{f.key}_{k}": v for k, v in value.items()}
    if f.kind == "calibration":
        return {f"calibration_{k}": v for k, v in value.items()}
    if f.kind == "quantity":
        cells = {f"quantity_{k}": v for k, v in value.items() if k != "options"}
        if "options" in value:
            cells["quantity_options"] = ", ".join(f"{k}={v}" for k, v in value["options"].items())
        return cells
    if f.kind == "hours":
        return {"illustrative_hourly_rate": value["hourly_rate"]}
    if f.kind == "rateref":
        return {"rate": value} if isinstance(value, str) else {}
    return {f.col: value}
