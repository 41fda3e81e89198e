"""From ruleset document bytes to a validated ``Ruleset`` (spec §1.1).

``parse_ruleset`` reports *every* problem with its JSON path in one ``RulesetError``:
unknown ids in conditions, duplicate ids, bad decimals, ``show_if`` cycles, empty option
lists, bands out of order, both/neither of multiply/add, and so on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any, TypeVar

from rasdesk.domain.errors import RulesetError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.model import FORMAT, Questionnaire, Ruleset
from rasdesk.domain.parse_allocation import read_allocation
from rasdesk.domain.parse_conditions import find_cycle, visibility_order
from rasdesk.domain.parse_questions import index_questions, read_section
from rasdesk.domain.reader import LANG_PATTERN, Reader
from rasdesk.domain.text import Text

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
_TOP_OPTIONAL = ("effective_to",)
RULESET_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")


def parse_ruleset(data: bytes, source: str = "the ruleset") -> Ruleset:
    """Validate and build a ruleset from its exact document bytes."""
    return read_document(data, source, _read, "ruleset")


T = TypeVar("T")


def read_document(
    data: bytes,
    source: str,
    read: Callable[[Any, str], tuple[T | None, list[Any]]],
    what: str,
) -> T:
    """Strict JSON, then ``read(doc, sha256)``; every problem in one ``RulesetError``."""
    try:
        doc = loads_strict(data)
    except StrictJSONError as exc:
        raise RulesetError(f"{source} is not valid JSON: {exc}") from None
    ruleset, problems = read(doc, hashlib.sha256(data).hexdigest())
    if problems or ruleset is None:
        count = len(problems)
        raise RulesetError(
            f"{source} is not a valid {what} ({count} problem{'s' if count != 1 else ''}); "
            "fix each one and check it again",
            problems,
        )
    return ruleset


def _read(doc: Any, sha256: str) -> tuple[Ruleset | None, list[Any]]:
    languages = _languages(doc)
    r = Reader(languages)
    raw = r.obj(doc, "$", _TOP_REQUIRED, _TOP_OPTIONAL)
    if raw is None:
        return None, r.problems
    if raw.get("format") != FORMAT:
        r.add("$.format", f'expected "{FORMAT}", found {raw.get("format")!r}')
    rid, version, council, title, start, end = read_header(r, raw)
    items = r.items(raw.get("questionnaires"), "$.questionnaires", non_empty=True)
    questionnaires = [_questionnaire(r, q, f"$.questionnaires[{i}]") for i, q in enumerate(items)]
    unique_questionnaire_ids(r, items)
    if r.problems or None in (rid, version, council, title, start) or None in questionnaires:
        return None, r.problems
    clean = tuple(q for q in questionnaires if q is not None)
    assert rid and version and council and title and start
    return (
        Ruleset(
            id=rid,
            version=version,
            council=council,
            title=title,
            effective_from=start,
            effective_to=end,
            currency="GBP",
            languages=languages,
            questionnaires=clean,
            sha256=sha256,
            questionnaire_by_id={q.id: q for q in clean},
        ),
        [],
    )


Header = tuple[str | None, str | None, str | None, Text | None, str | None, str | None]


def unique_questionnaire_ids(r: Reader, items: list[Any]) -> None:
    """Questionnaire ids are unique within a ruleset (both formats)."""
    r.unique(
        [
            (q.get("id") if isinstance(q, dict) else None, f"$.questionnaires[{i}].id")
            for i, q in enumerate(items)
        ],
        "questionnaire",
    )


def read_header(r: Reader, raw: dict[str, Any]) -> Header:
    """What both formats' documents start with: id, version, council, title, the dates
    they are in force, currency and languages (checked here, every problem noted)."""
    rid = raw.get("id")
    if not isinstance(rid, str) or not RULESET_ID.fullmatch(rid):
        # The spec's own example ("example-council-ras") uses hyphens: the [a-z0-9_]+ rule
        # covers ids *within* a ruleset, so the ruleset id also allows "-" and ".".
        r.add("$.id", f"{rid!r} is not a valid ruleset id (lower-case letters, digits, _ - .)")
        rid = None
    version = r.string(raw.get("version"), "$.version")
    council = r.string(raw.get("council"), "$.council")
    title = r.text(raw.get("title"), "$.title")
    start = r.date(raw.get("effective_from"), "$.effective_from")
    end = None
    if raw.get("effective_to") is not None:
        end = r.date(raw["effective_to"], "$.effective_to")
        if start and end and end < start:
            r.add("$.effective_to", f"the ruleset ends ({end}) before it starts ({start})")
    if raw.get("currency") != "GBP":
        r.add("$.currency", f'only "GBP" is supported, found {raw.get("currency")!r}')
    _check_languages(r, raw.get("languages"))
    return rid, version, council, title, start, end


def _languages(doc: Any) -> tuple[str, ...]:
    langs = doc.get("languages") if isinstance(doc, dict) else None
    if isinstance(langs, list) and all(isinstance(x, str) for x in langs):
        return tuple(langs)
    return ("en",)


def _check_languages(r: Reader, value: Any) -> None:
    items = r.items(value, "$.languages", non_empty=True)
    for i, lang in enumerate(items):
        if not isinstance(lang, str) or not LANG_PATTERN.fullmatch(lang):
            r.add(
                f"$.languages[{i}]",
                f'expected a language code such as "en" or "cy", found {lang!r}',
            )
    if items and "en" not in items:
        r.add("$.languages", 'English ("en") is required: every text falls back to it')
    r.unique(
        [(x if isinstance(x, str) else None, f"$.languages[{i}]") for i, x in enumerate(items)],
        "language",
    )


def _questionnaire(r: Reader, value: Any, path: str) -> Questionnaire | None:
    raw = r.obj(value, path, ("id", "kind", "title", "sections", "allocation"), ())
    if raw is None:
        return None
    before = len(r.problems)
    qid = r.ident(raw.get("id"), f"{path}.id")
    kind = raw.get("kind")
    if kind not in ("person", "carer"):
        r.add(f"{path}.kind", f'expected "person" or "carer", found {kind!r}')
    title = r.text(raw.get("title"), f"{path}.title")
    index = index_questions(raw.get("sections"))
    items = r.items(raw.get("sections"), f"{path}.sections", non_empty=True)
    sections = [read_section(r, s, f"{path}.sections[{i}]", index) for i, s in enumerate(items)]
    section_ids: list[str] = [
        s["id"] for s in items if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
    r.unique(
        [
            (s.get("id") if isinstance(s, dict) else None, f"{path}.sections[{i}].id")
            for i, s in enumerate(items)
        ],
        "section",
    )
    q_paths = [
        (q.get("id") if isinstance(q, dict) else None, f"{path}.sections[{i}].questions[{j}].id")
        for i, s in enumerate(items)
        if isinstance(s, dict) and isinstance(s.get("questions"), list)
        for j, q in enumerate(s["questions"])
    ]
    r.unique(q_paths, "question")
    allocation = read_allocation(r, raw.get("allocation"), f"{path}.allocation", index, section_ids)
    if len(r.problems) > before or None in sections or allocation is None or not qid or not title:
        return None
    clean = tuple(s for s in sections if s is not None)
    by_id = {q.id: q for s in clean for q in s.questions}
    graph = {q.id: set(q.show_if.questions()) if q.show_if else set() for q in by_id.values()}
    cycle = find_cycle(graph)
    if cycle:
        r.add(
            f"{path}.sections",
            f"show_if forms a cycle, so no question in it could ever be shown: {' → '.join(cycle)}",
        )
        return None
    order = visibility_order(graph, list(by_id))
    return Questionnaire(
        id=qid,
        kind=str(kind),
        title=title,
        sections=clean,
        allocation=allocation,
        question_by_id=by_id,
        visibility_order=tuple(by_id[q] for q in order),
        required_questions=tuple(q for q in by_id.values() if q.required),
        always_shown=frozenset(q.id for q in by_id.values() if q.show_if is None),
        conditional_questions=tuple(by_id[q] for q in order if by_id[q].show_if is not None),
    )
