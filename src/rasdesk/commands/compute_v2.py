"""``rasdesk compute`` for a format-2 ruleset: every amount of the questionnaire, per part
and funder, with its explanation; ``--json`` prints the result object of
docs/ruleset-v2.md §3; a ``.jsonl`` answers file gives one result a line.

The plain text is what the person reads (``domain/shown_v2.py``, as every letter and the
app's budget page): a part that does not apply is said once, in one line, with no
"Paid by the NHS: £0.00" and no "+ £0.00". ``--json`` and the ``.jsonl`` lines are the
engine's result, unchanged: every part and funder is there for the auditor."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import IO, Any

from rasdesk.commands.batch import run_lines
from rasdesk.domain.budget_v2 import compute_budget_v2
from rasdesk.domain.errors import InputError
from rasdesk.domain.expect_v2 import differences
from rasdesk.domain.explain_steps import money_text
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.domain.line_v2 import result_line_v2
from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.domain.phrases_v2 import PHRASES_V2
from rasdesk.domain.result_v2 import ResultV2
from rasdesk.domain.shown_v2 import shown_v2
from rasdesk.platform.files import read_bytes

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_FUNDER = {
    "en": {"council": "council", "nhs": "NHS", "ilf": "Independent Living Fund", "other": "other"},
    "cy": {"council": "y cyngor", "nhs": "GIG", "ilf": "Cronfa Byw'n Annibynnol", "other": "arall"},
}
_HEAD = {
    "en": "How it was worked out",
    "cy": "Sut y cafodd ei gyfrifo",
}


def compute_one(ruleset: RulesetV2, args: Any) -> int:
    data = read_bytes(args.answers, "answers file")
    try:
        doc = loads_strict(data)
    except StrictJSONError as exc:
        raise InputError(f"{args.answers} is not valid JSON: {exc}") from None
    result = compute_budget_v2(ruleset, doc, args.language, str(args.answers))
    if getattr(args, "letter", None):
        _letter(ruleset, doc, args)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(readable_v2(ruleset, result, args.language, easy=args.easy_read))
    return 1 if _report(doc, result, str(args.answers)) else 0


def _letter(ruleset: RulesetV2, doc: Any, args: Any) -> None:
    """The letter the person keeps, as a PDF, from the same words (printing's content model)."""
    import datetime as dt

    from rasdesk.platform.files import write_new
    from rasdesk.printing.compose import compose
    from rasdesk.printing.letter_v2 import build_letter_v2
    from rasdesk.printing.render import render_document

    letter = build_letter_v2(
        ruleset,
        doc,
        lang=args.language,
        draft=True,
        person={"name": args.person or ""},
        assessor="",
        started_at=(args.date or dt.date.today()).isoformat(),
    )
    data = render_document(compose(letter, args.style))
    write_new(Path(args.letter), data, 0o600, overwrite=args.force)
    print(f"rasdesk: letter ({args.style}) written to {args.letter}", file=sys.stderr)


def _report(doc: Any, result: ResultV2, source: str) -> int:
    """Check a worked example's ``expect`` (if any): the number of differences, each on
    stderr."""
    if not isinstance(doc, dict) or "expect" not in doc:
        return 0
    found = differences(result.as_dict(), doc["expect"])
    for p in found:
        print(f"rasdesk: {source}: not as expected: {p}", file=sys.stderr)
    return len(found)


def batch_v2(ruleset: RulesetV2, path: Path, lang: str, out: IO[bytes]) -> int:
    def one(doc: Any, source: str) -> tuple[bytes, bool]:
        if isinstance(doc, dict) and "expect" in doc:  # a worked example: its figures checked
            result = compute_budget_v2(ruleset, doc, lang, source)
            return result.to_json_bytes(), bool(_report(doc, result, source))
        return result_line_v2(ruleset, doc, lang, source), False  # the same bytes, faster

    return run_lines(path, out, one)


def readable_v2(ruleset: RulesetV2, result: ResultV2, lang: str, *, easy: bool = False) -> str:
    """Each amount's figure per funder, then the explanation, as plain text: the result as
    people read it (``shown_v2``), so a part that does not apply has no funder's figure."""
    result = shown_v2(result, ruleset, lang)
    q = ruleset.questionnaire_by_id[result.questionnaire]
    words = PHRASES_V2[lang]
    how = _HEAD[lang]
    lines = [f"{ruleset.council} — {q.title.get(lang)}"]
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        per = words[f"per_{amount.period.per.value}"]
        if spec.period.covers is not None:
            per += f" ({spec.period.covers.get(lang)})"
        if len(amount.funders) > 1 or "council" not in amount.funders:
            figures = "; ".join(
                f"{_FUNDER[lang][f]} £{money_text(v)}" for f, v in amount.funders.items()
            )
            lines.append(f"{amount.label}: £{money_text(amount.total)} {per} ({figures})")
        else:
            lines.append(f"{amount.label}: £{money_text(amount.total)} {per}")
        for also in amount.also:
            lines.append(f"  = £{money_text(also.total)} {words[f'per_{also.period.per.value}']}")
    lines += ["", how]
    for number, step in enumerate(result.explanation, start=1):
        lines.append(step_text(number, step.easy_read if easy else step.text))
    return "\n".join(lines)


def step_text(number: int, text: str) -> str:
    """One numbered step wrapped at 88 columns. Each of its own lines (easy read's: the
    question, "You said:", each answer chosen, the points) starts a line, as in the
    easy-read letter, instead of running on into the next; an empty line is left out."""
    rows = [row.strip() for row in text.splitlines() if row.strip()] or [""]
    indents = [f"{number:>3}. "] + ["     "] * (len(rows) - 1)
    return "\n".join(
        textwrap.fill(row, width=88, initial_indent=indent, subsequent_indent="     ")
        or indent.rstrip()
        for row, indent in zip(rows, indents, strict=True)
    )
