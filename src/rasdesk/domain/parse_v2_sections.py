"""Reading format 2's sections and questions: format 1's reader does the shared fields
(same paths, same checks, including ``exclusive`` options), and this module reads what
format 2 adds — ``eligible_if`` on a section; ``not_applicable`` and ``views`` on a
question; ``picture`` on an option — and facts from a linked case."""

from __future__ import annotations

from typing import Any

from rasdesk.domain.model_v2 import VIEWS, Fact, QuestionExtra, SectionV2
from rasdesk.domain.parse_conditions import QuestionIndex, read_condition
from rasdesk.domain.parse_questions import index_questions, read_section
from rasdesk.domain.reader import Reader
from rasdesk.domain.text import Text

_SECTION_EXTRA = ("eligible_if",)
_QUESTION_EXTRA = ("not_applicable", "views")
_OPTION_EXTRA = ("picture",)  # "exclusive" is format 1's own (parse_questions)


def _without(raw: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k not in keys}


def strip_v2(section: Any) -> Any:
    """The section as format 1 would see it (format 2's own fields taken out)."""
    if not isinstance(section, dict):
        return section
    out = _without(section, _SECTION_EXTRA)
    questions = out.get("questions")
    if isinstance(questions, list):
        new_questions = []
        for q in questions:
            if isinstance(q, dict):
                q = _without(q, _QUESTION_EXTRA)
                if isinstance(q.get("options"), list):
                    q["options"] = [
                        _without(o, _OPTION_EXTRA) if isinstance(o, dict) else o
                        for o in q["options"]
                    ]
            new_questions.append(q)
        out["questions"] = new_questions
    return out


def index_v2(sections: Any) -> dict[str, tuple[str, frozenset[str]]]:
    return index_questions([strip_v2(s) for s in sections] if isinstance(sections, list) else [])


def read_section_v2(
    r: Reader,
    value: Any,
    path: str,
    index: QuestionIndex,
    views: tuple[str, ...],
    extras: dict[str, QuestionExtra],
) -> SectionV2 | None:
    section = read_section(r, strip_v2(value), path, index)
    if not isinstance(value, dict):
        return None
    eligible = (
        read_condition(r, value["eligible_if"], f"{path}.eligible_if", index)
        if "eligible_if" in value
        else None
    )
    questions = value.get("questions")
    for i, q in enumerate(questions if isinstance(questions, list) else []):
        if isinstance(q, dict) and isinstance(q.get("id"), str):
            extra = _question_extra(r, q, f"{path}.questions[{i}]", views)
            if extra is not None:
                extras[q["id"]] = extra
    if section is None or ("eligible_if" in value and eligible is None):
        return None
    return SectionV2(section, eligible)


def _question_extra(
    r: Reader, q: dict[str, Any], path: str, views: tuple[str, ...]
) -> QuestionExtra | None:
    before = len(r.problems)
    na = r.text(q["not_applicable"], f"{path}.not_applicable") if "not_applicable" in q else None
    view_words: dict[str, tuple[Text, Text | None]] = {}
    if "views" in q:
        raw = r.obj(q["views"], f"{path}.views", (), VIEWS)
        for view, words in (raw or {}).items():
            where = f"{path}.views.{view}"
            if view in VIEWS and view not in views:
                r.add(where, f'the view "{view}" is not in the questionnaire\'s "views"')
            w = r.obj(words, where, ("text",), ("easy_read",))
            if w is None or view not in VIEWS:
                continue
            text = r.text(w.get("text"), f"{where}.text")
            easy = r.text(w["easy_read"], f"{where}.easy_read") if "easy_read" in w else None
            if text is not None:
                view_words[view] = (text, easy)
    pictures: dict[str, str] = {}
    options = q.get("options")
    for j, o in enumerate(options if isinstance(options, list) else []):
        if not isinstance(o, dict) or not isinstance(o.get("id"), str):
            continue
        where = f"{path}.options[{j}]"
        if "picture" in o:
            pic = r.ident(o["picture"], f"{where}.picture")
            if pic:
                pictures[o["id"]] = pic
    if len(r.problems) > before:
        return None
    return QuestionExtra(na, view_words, pictures)


def read_facts(
    r: Reader,
    value: Any,
    path: str,
    own_questions: set[str],
    other_indexes: dict[str, dict[str, tuple[str, frozenset[str]]]],
) -> tuple[list[Fact], dict[str, tuple[str, frozenset[str]]]]:
    """Facts from a linked case, and their entries for the condition index."""
    facts: list[Fact] = []
    index: dict[str, tuple[str, frozenset[str]]] = {}
    ids: list[tuple[str | None, str]] = []
    for i, item in enumerate(r.items(value, path)):
        where = f"{path}[{i}]"
        raw = r.obj(item, where, ("id", "label", "questionnaire", "question"), ())
        if raw is None:
            continue
        fid = r.ident(raw.get("id"), f"{where}.id")
        ids.append((fid, f"{where}.id"))
        label = r.text(raw.get("label"), f"{where}.label")
        qn, qid = raw.get("questionnaire"), raw.get("question")
        if fid and fid in own_questions:
            r.add(f"{where}.id", f'"{fid}" is already a question of this questionnaire')
            fid = None
        linked = other_indexes.get(qn) if isinstance(qn, str) else None
        if linked is None:
            known = ", ".join(other_indexes) or "none"
            r.add(
                f"{where}.questionnaire",
                f"{qn!r} is not another questionnaire of this ruleset (others: {known})",
            )
            continue
        if not isinstance(qid, str) or qid not in linked:
            r.add(f"{where}.question", f'there is no question {qid!r} in "{qn}"')
            continue
        if fid and label:
            facts.append(Fact(fid, label, str(qn), qid))
            index[fid] = linked[qid]
    r.unique(ids, "fact")
    return facts, index
