"""The readable form of conditions used in the ruleset workbook (``show_if`` and ``when``).

A spreadsheet cell holds ``washing in (some, all) and not answered notes``; the ruleset
holds the condition JSON of spec §1.1. ``parse_condition`` turns text into JSON with a
tiny tokenizer and a recursive-descent parser (no ``eval``: a workbook is data, never
code); ``condition_text`` prints JSON back in one canonical form, so that
``parse_condition(condition_text(c)) == c`` for every condition a workbook can express.

Grammar (keywords in any case; ``and`` binds tighter than ``or``)::

    expr    := and_expr ("or" and_expr)*
    and_expr:= unary ("and" unary)*
    unary   := "not" unary | "(" expr ")" | "answered" QUESTION | QUESTION test
    test    := "=" OPTION | "in" "(" OPTION ("," OPTION)* ")" | CMP NUMBER
    CMP     := ">=" | ">" | "<=" | "<" | "=="

``q = opt`` is ``{"answer": q, "is": opt}``; ``q == 3`` compares a number. A NUMBER
without a point is a JSON integer; with a point (``2.5``) or in quotes (``"3"``) it is a
decimal string, as the spec asks. Parenthesised groups stay groups: ``(a and b) and c``
is ``{"all": [{"all": [a, b]}, c]}``, while ``a and b and c`` is one ``all`` of three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_ID = re.compile(r"[a-z0-9_]+")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<punct>[(),])
      | (?P<op>>=|<=|==|!=|=|>|<)
      | (?P<string>"[^"]*")
      | (?P<word>[A-Za-z0-9_.\-]+)""",
    re.VERBOSE,
)
COMPARE_OPS = (">=", ">", "<=", "<", "==")
KEYWORDS = ("and", "or", "not", "in", "answered")


class ConditionSyntaxError(ValueError):
    """Text that is not a condition; ``position`` is the 1-based character it fails at."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position})")
        self.reason = message
        self.position = position


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # punct | op | string | word | end
    text: str
    position: int  # 1-based

    def shown(self) -> str:
        return "the end of the text" if self.kind == "end" else f'"{self.text}"'


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    at = 0
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None:
            raise ConditionSyntaxError(f'unexpected character "{text[at]}"', at + 1)
        kind = m.lastgroup or ""
        if kind != "space":
            out.append(_Token(kind, m.group(), at + 1))
        at = m.end()
    out.append(_Token("end", "", len(text) + 1))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.at]

    def next(self) -> _Token:
        tok = self.tokens[self.at]
        self.at += 1
        return tok

    def keyword(self, word: str) -> bool:
        return self.tok.kind == "word" and self.tok.text.lower() == word

    def expect(self, kind: str, text: str, what: str) -> _Token:
        if self.tok.kind != kind or self.tok.text != text:
            raise ConditionSyntaxError(
                f"expected {what}, found {self.tok.shown()}", self.tok.position
            )
        return self.next()

    def expr(self) -> dict[str, Any]:
        parts = [self.and_expr()]
        while self.keyword("or"):
            self.next()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else {"any": parts}

    def and_expr(self) -> dict[str, Any]:
        parts = [self.unary()]
        while self.keyword("and"):
            self.next()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else {"all": parts}

    def unary(self) -> dict[str, Any]:
        if self.keyword("not"):
            self.next()
            return {"not": self.unary()}
        if self.tok.kind == "punct" and self.tok.text == "(":
            self.next()
            inner = self.expr()
            self.expect("punct", ")", 'a closing ")"')
            return inner
        if self.keyword("answered") and self.tokens[self.at + 1].kind == "word":
            self.next()
            return {"answered": self.ident("a question id")}
        question = self.ident('a question id, "not", "answered" or "("')
        return {"answer": question, **self.test(question)}

    def test(self, question: str) -> dict[str, Any]:
        tok = self.tok
        if tok.kind == "op" and tok.text == "=":
            self.next()
            return {"is": self.ident("an option id")}
        if self.keyword("in"):
            self.next()
            self.expect("punct", "(", 'a "(" to start the list of options')
            options = [self.ident("an option id")]
            while self.tok.kind == "punct" and self.tok.text == ",":
                self.next()
                options.append(self.ident("an option id"))
            self.expect("punct", ")", 'a "," or a closing ")"')
            return {"in": options}
        if tok.kind == "op" and tok.text in COMPARE_OPS:
            self.next()
            return {tok.text: self.number()}
        hint = ' (write "not (q == 3)" for "not equal")' if tok.text == "!=" else ""
        raise ConditionSyntaxError(
            f'expected "=", "in", ">=", ">", "<=", "<" or "==" after "{question}", '
            f"found {tok.shown()}{hint}",
            tok.position,
        )

    def ident(self, what: str) -> str:
        tok = self.tok
        if tok.kind != "word" or not _ID.fullmatch(tok.text):
            extra = ""
            if tok.kind == "word" and _ID.fullmatch(tok.text.lower()):
                extra = " (ids are lower case)"
            raise ConditionSyntaxError(f"expected {what}, found {tok.shown()}{extra}", tok.position)
        self.next()
        return tok.text

    def number(self) -> int | str:
        tok = self.next()
        text = tok.text[1:-1] if tok.kind == "string" else tok.text
        if tok.kind not in ("word", "string") or not _NUMBER.fullmatch(text):
            raise ConditionSyntaxError(
                f"expected a number such as 3 or 2.5, found {tok.shown()}", tok.position
            )
        if tok.kind == "string" or "." in text:
            return text
        return int(text)


def parse_condition(text: str) -> dict[str, Any]:
    """The condition JSON for ``text``. Raises ``ConditionSyntaxError`` with a position."""
    parser = _Parser(text)
    if parser.tok.kind == "end":
        raise ConditionSyntaxError("the condition is empty", 1)
    result = parser.expr()
    if parser.tok.kind != "end":
        raise ConditionSyntaxError(
            f'expected "and", "or" or the end, found {parser.tok.shown()}', parser.tok.position
        )
    return result


def condition_text(cond: Any) -> str:
    """The canonical readable form of a (valid) condition JSON object."""
    if not isinstance(cond, dict):
        raise ValueError(f"not a condition: {cond!r}")
    if "all" in cond:
        # Nested groups keep their parentheses so that the text reads back the same.
        return " and ".join(_grouped(c, ("all", "any")) for c in cond["all"])
    if "any" in cond:
        return " or ".join(_grouped(c, ("any",)) for c in cond["any"])
    if "not" in cond:
        inner = cond["not"]
        if isinstance(inner, dict) and "answered" in inner:
            return f"not {condition_text(inner)}"
        return f"not ({condition_text(inner)})"
    if "answered" in cond:
        return f"answered {cond['answered']}"
    question = cond["answer"]
    if "is" in cond:
        return f"{question} = {cond['is']}"
    if "in" in cond:
        return f"{question} in ({', '.join(cond['in'])})"
    for op in COMPARE_OPS:
        if op in cond:
            return f"{question} {op} {_number_text(cond[op])}"
    raise ValueError(f"not a condition: {cond!r}")


def _grouped(cond: Any, bracket: tuple[str, ...]) -> str:
    text = condition_text(cond)
    if isinstance(cond, dict) and any(k in cond for k in bracket):
        return f"({text})"
    return text


def _number_text(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    # A decimal string with a point reads back as a string; one without needs quotes.
    return text if "." in text else f'"{text}"'
