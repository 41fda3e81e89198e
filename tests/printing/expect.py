"""What a letter must say, worked out from the demo ruleset as signed and the demo answers
(plain JSON), not from rasdesk's letter model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Shown:
    question: str
    answers: tuple[str, ...]  # each must appear whole, in this order


def questionnaire(doc: dict[str, Any], qid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(q for q in doc["questionnaires"] if q["id"] == qid)
    return found


def _words(item: dict[str, Any], lang: str, easy: bool) -> str:
    text: str = (item.get("easy_read") or item["text"])[lang] if easy else item["text"][lang]
    return text


def shown_answers(
    doc: dict[str, Any], qid: str, answers: dict[str, Any], lang: str, easy: bool
) -> list[Shown]:
    """Each answered question's words and its answer's words, as the style shows them:
    the standard text in standard and large print, the easy-read text in easy read (a
    multiple choice one chosen option a line there, joined with ", " otherwise)."""
    out = []
    for section in questionnaire(doc, qid)["sections"]:
        for q in section["questions"]:
            if q["id"] not in answers:
                continue
            value = answers[q["id"]]
            options = {o["id"]: o for o in q.get("options", [])}
            if q["type"] == "single":
                said: tuple[str, ...] = (_words(options[value], lang, easy),)
            elif q["type"] == "multiple":
                chosen = [_words(options[v], lang, easy) for v in value]
                said = tuple(chosen) if easy else (", ".join(chosen),)
            elif q["type"] == "number":
                said = (f"{value:,} {q['unit'][lang]}",)
            else:
                raise AssertionError(f"no expectation for a {q['type']} question")
            out.append(Shown(_words(q, lang, easy), said))
    return out


def hidden_questions(
    doc: dict[str, Any], qid: str, answers: dict[str, Any]
) -> list[dict[str, Any]]:
    return [
        q
        for section in questionnaire(doc, qid)["sections"]
        for q in section["questions"]
        if q["id"] not in answers
    ]


def allocation_item(doc: dict[str, Any], qid: str, kind: str, item_id: str) -> dict[str, Any]:
    """A point adjustment, adjustment or flag of the questionnaire's allocation."""
    items: list[dict[str, Any]] = questionnaire(doc, qid)["allocation"].get(kind, [])
    return next(i for i in items if i["id"] == item_id)
