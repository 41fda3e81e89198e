"""From format-2 ruleset bytes to a validated ``RulesetV2`` (docs/ruleset-v2.md §1), every
problem with its JSON path; and ``parse_any``, which reads either format by its ``format``.

The top-level fields shared with format 1 are checked as format 1 checks them (its
language checks are reused), and sections and questions by format 1's own reader.
"""

from __future__ import annotations

import json
from typing import Any

from rasdesk.domain.decimals import ZERO
from rasdesk.domain.errors import Problem, RulesetError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import FORMAT, Ruleset
from rasdesk.domain.model_v2 import (
    FORMAT_V2,
    UNITS,
    VIEWS,
    Contact,
    QuestionExtra,
    QuestionnaireV2,
    Rate,
    RulesetV2,
)
from rasdesk.domain.parse import (
    _languages,
    parse_ruleset,
    read_document,
    read_header,
    unique_questionnaire_ids,
)
from rasdesk.domain.parse_conditions import find_cycle, visibility_order
from rasdesk.domain.parse_v2_amounts import read_amount
from rasdesk.domain.parse_v2_parts import Scope
from rasdesk.domain.parse_v2_sections import index_v2, read_facts, read_section_v2
from rasdesk.domain.reader import Reader

_TOP_REQUIRED = (
    "format",
    "id",
    "version",
    "council",
    "title",
    "effective_from",
    "currency",
    "languages",
    "questionnaires",
)
_TOP_OPTIONAL = ("effective_to", "contact", "rates")

AnyRuleset = Ruleset | RulesetV2


def ruleset_format(data: bytes) -> str | None:
    """The ``format`` a document declares, or None if it is not a JSON object with one."""
    try:
        doc = loads_strict(data)
    except StrictJSONError:
        return None
    value = doc.get("format") if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


def parse_any(data: bytes, source: str = "the ruleset") -> AnyRuleset:
    """A format-1 or format-2 ruleset, by its ``format`` field (format 1 when unclear, so
    its messages name the expected format). A later format (``rasdesk-ruleset/3``) is
    refused in one sentence saying to update rasdesk, not as a pile of format-1 problems."""
    declared = ruleset_format(data)
    if declared == FORMAT_V2:
        return parse_ruleset_v2(data, source)
    if declared is not None and declared.startswith("rasdesk-ruleset/") and declared != FORMAT:
        named = json.dumps(declared[:40])  # quoted, control characters escaped
        raise RulesetError(
            f'{source} is a {named} ruleset; this rasdesk reads "{FORMAT}" and '
            f'"{FORMAT_V2}" only: update rasdesk (and rasdesk-server) to a version that reads it',
            [Problem("$.format", f"{named} is not a format this rasdesk reads")],
        )
    return parse_ruleset(data, source)


def parse_ruleset_v2(data: bytes, source: str = "the ruleset") -> RulesetV2:
    """Validate and build a format-2 ruleset from its exact document bytes."""
    return read_document(data, source, _read, "format-2 ruleset")


def _read(doc: Any, sha256: str) -> tuple[RulesetV2 | None, list[Any]]:
    languages = _languages(doc)
    r = Reader(languages)
    raw = r.obj(doc, "$", _TOP_REQUIRED, _TOP_OPTIONAL)
    if raw is None:
        return None, r.problems
    if raw.get("format") != FORMAT_V2:
        r.add("$.format", f'expected "{FORMAT_V2}" (or "{FORMAT}"), found {raw.get("format")!r}')
    rid, version, council, title, start, end = read_header(r, raw)
    contact = _contact(r, raw["contact"]) if "contact" in raw else None
    rates = _rates(r, raw.get("rates", []))
    raw_rates = raw.get("rates")
    rate_ids = frozenset(
        x["id"]
        for x in (raw_rates if isinstance(raw_rates, list) else [])
        if isinstance(x, dict) and isinstance(x.get("id"), str)
    )
    items = r.items(raw.get("questionnaires"), "$.questionnaires", non_empty=True)
    indexes = {
        q["id"]: index_v2(q.get("sections"))
        for q in items
        if isinstance(q, dict) and isinstance(q.get("id"), str)
    }
    questionnaires = [
        _questionnaire(r, q, f"$.questionnaires[{i}]", (rates, rate_ids), indexes)
        for i, q in enumerate(items)
    ]
    unique_questionnaire_ids(r, items)
    if r.problems or None in (rid, version, council, title, start) or None in questionnaires:
        return None, r.problems
    clean = tuple(q for q in questionnaires if q is not None)
    assert rid and version and council and title and start
    return (
        RulesetV2(
            id=rid,
            version=version,
            council=council,
            title=title,
            effective_from=start,
            effective_to=end,
            currency="GBP",
            languages=languages,
            contact=contact,
            rates=rates,
            questionnaires=clean,
            sha256=sha256,
            questionnaire_by_id={q.id: q for q in clean},
        ),
        [],
    )


def _contact(r: Reader, value: Any) -> Contact | None:
    raw = r.obj(value, "$.contact", (), ("phone", "email", "web", "address", "hours"))
    if raw is None:
        return None
    if not raw:
        r.add(
            "$.contact", "give at least one way to reach the council (phone, email, web, address)"
        )
    words = {
        k: r.string(raw[k], f"$.contact.{k}") if k in raw else None
        for k in ("phone", "email", "web")
    }
    address = r.text(raw["address"], "$.contact.address") if "address" in raw else None
    hours = r.text(raw["hours"], "$.contact.hours") if "hours" in raw else None
    return Contact(words["phone"], words["email"], words["web"], address, hours)


def _rates(r: Reader, value: Any) -> dict[str, Rate]:
    out: dict[str, Rate] = {}
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, "$.rates")):
        where = f"$.rates[{i}]"
        raw = r.obj(item, where, ("id", "label", "amount", "unit"), ())
        if raw is None:
            continue
        rid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((rid, f"{where}.id"))
        label = r.text(raw.get("label"), f"{where}.label")
        amount = (
            r.decimal(raw.get("amount"), f"{where}.amount", minimum=ZERO)
            if "amount" in raw
            else None
        )
        unit = raw.get("unit")
        if unit not in UNITS:
            r.add(f"{where}.unit", f"expected one of {', '.join(UNITS)}, found {unit!r}")
            continue
        if rid and label and amount is not None:
            out[rid] = Rate(rid, label, amount, str(unit))
    r.unique(ids, "rate")
    return out


def _questionnaire(
    r: Reader,
    value: Any,
    path: str,
    all_rates: tuple[dict[str, Rate], frozenset[str]],
    indexes: dict[str, dict[str, tuple[str, frozenset[str]]]],
) -> QuestionnaireV2 | None:
    rates, rate_ids = all_rates
    raw = r.obj(value, path, ("id", "kind", "title", "sections", "amounts"), ("views", "facts"))
    if raw is None:
        return None
    before = len(r.problems)
    qid = r.ident(raw.get("id"), f"{path}.id")
    kind = raw.get("kind")
    if kind not in ("person", "carer"):
        r.add(f"{path}.kind", f'expected "person" or "carer", found {kind!r}')
    title = r.text(raw.get("title"), f"{path}.title")
    views: list[str] = ["assessor"]
    if "views" in raw:
        views = r.items(raw["views"], f"{path}.views", non_empty=True)
        for i, v in enumerate(views):
            if v not in VIEWS:
                r.add(f"{path}.views[{i}]", f"expected one of {', '.join(VIEWS)}, found {v!r}")
    own = dict(indexes.get(qid or "", {})) if qid else index_v2(raw.get("sections"))
    others = {k: v for k, v in indexes.items() if k != qid}
    facts, fact_index = read_facts(r, raw.get("facts", []), f"{path}.facts", set(own), others)
    index = {**own, **fact_index}
    extras: dict[str, QuestionExtra] = {}
    items = r.items(raw.get("sections"), f"{path}.sections", non_empty=True)
    sections = [
        read_section_v2(r, s, f"{path}.sections[{i}]", index, tuple(map(str, views)), extras)
        for i, s in enumerate(items)
    ]
    r.unique(
        [
            (s.get("id") if isinstance(s, dict) else None, f"{path}.sections[{i}].id")
            for i, s in enumerate(items)
        ],
        "section",
    )
    r.unique(
        [
            (
                q.get("id") if isinstance(q, dict) else None,
                f"{path}.sections[{i}].questions[{j}].id",
            )
            for i, s in enumerate(items)
            if isinstance(s, dict) and isinstance(s.get("questions"), list)
            for j, q in enumerate(s["questions"])
        ],
        "question",
    )
    section_ids = [s["id"] for s in items if isinstance(s, dict) and isinstance(s.get("id"), str)]
    scope = Scope(index, section_ids, rates, rate_ids)
    amount_items = r.items(raw.get("amounts"), f"{path}.amounts")
    amounts = [read_amount(r, a, f"{path}.amounts[{i}]", scope) for i, a in enumerate(amount_items)]
    r.unique(
        [
            (a.get("id") if isinstance(a, dict) else None, f"{path}.amounts[{i}].id")
            for i, a in enumerate(amount_items)
        ],
        "amount",
    )
    if len(r.problems) > before or None in sections or None in amounts or not qid or not title:
        return None
    clean = tuple(s for s in sections if s is not None)
    by_id = {q.id: q for s in clean for q in s.section.questions}
    graph = {
        q.id: {x for x in q.show_if.questions() if x in by_id} if q.show_if else set()
        for q in by_id.values()
    }
    cycle = find_cycle(graph)
    if cycle:
        r.add(
            f"{path}.sections",
            f"show_if forms a cycle, so no question in it could ever be shown: {' → '.join(cycle)}",
        )
        return None
    order = visibility_order(graph, list(by_id))
    return QuestionnaireV2(
        id=qid,
        kind=str(kind),
        title=title,
        views=tuple(map(str, views)),
        facts=tuple(facts),
        sections=clean,
        amounts=tuple(a for a in amounts if a is not None),
        question_by_id=by_id,
        extra=extras,
        conditional_questions=tuple(by_id[q] for q in order if by_id[q].show_if is not None),
        required_questions=tuple(q for q in by_id.values() if q.required),
        always_shown=frozenset(q.id for q in by_id.values() if q.show_if is None),
    )
