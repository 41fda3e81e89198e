"""Format-2 letters, every one of them, checked; and sample pages for the docs.

Makes a throwaway encrypted case store (a temporary file, a random key), enters as cases
every worked example of ``resources/examples/*/expected.jsonl`` that needs no linked case,
and the demo's format-2 person and carer; finalises them; and writes each letter as
``rasdesk print`` does (``printing/case_letter.document_for_case``) in every style
(standard, large print, easy read), every language (English, Welsh, bilingual cy+en) and
as the accessible copy. A worked example that reads facts from a linked case is written
through ``build_letter_v2`` with its answers document, as ``rasdesk compute --letter`` does
(the store does not carry linked answers yet).

Every letter is read back with ``pdftotext`` and checked: the period words, each amount
to the penny, the council's contact details and closing words where the ruleset has them
(and the standard charging sentence only where it has none), the hours line only where
declared, and no "1 points", "1 weeks", "1 hours" or figures with more than two decimals.
A problem is printed and the exit code is 1.

With ``--samples`` it also turns a chosen few into ``docs/print-samples/format2/*.png``
(``pdftoppm -png -r 60``) and writes the folder's README.

    .venv/bin/python scripts/print-samples-v2.py [--samples] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-samples-v2-")

from rasdesk.domain.model_v2 import RulesetV2
from rasdesk.platform.paths import demo_dir, resources_dir
from rasdesk.platform.rulesets import load_signed_any
from rasdesk.printing.accessible import render_accessible
from rasdesk.printing.case_letter import document_for_case
from rasdesk.printing.compose import compose, compose_bilingual
from rasdesk.printing.letter_v2 import build_letter_v2
from rasdesk.printing.render import render_document
from rasdesk.storage import lifecycle
from rasdesk.storage.store import CaseStore, Person

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_images import to_pngs  # scripts/page_images.py
from sample_clock import fix_store_clock  # scripts/sample_clock.py

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "print-samples" / "format2"
EXAMPLES = resources_dir() / "examples"
DPI = 60
FIXED_NOW = "2026-04-14T10:30:00.000Z"
STYLES = ("standard", "large", "easy")
LANGS = ("en", "cy", "cy+en")
# (case name, style, language, accessible?) shown as pictures in the docs.
SAMPLES = {
    ("demo-person", "standard", "en", False),
    ("demo-person", "large", "en", False),
    ("demo-person", "easy", "cy", False),
    ("demo-carer", "standard", "cy+en", False),
    ("demo-carer", "easy", "en", False),
    ("c-face-hours-1", "standard", "en", False),
    ("d-person-and-carer-1", "standard", "en", False),
    ("b-carer-one-off-1", "large", "en", False),
    ("a-points-table-1", "easy", "en", False),
}

BAD = [
    (re.compile(r"\b1 (points|weeks|hours|nights|days|months|years|pwynt(iau)?s)\b"), "plural 1"),
    (re.compile(r"\d\.\d{3,}"), "more than two decimals"),
    (re.compile(r"\d{12,}"), "a 12+ digit figure"),
    (re.compile(r"\{|\}|\bDecimal\b"), "an unfilled placeholder or a Python word"),
]
# The standard charging sentences (printing/words.py, the explanation's standard closing).
CHARGING = (
    "worked out separately, in a financial assessment",
    "What you pay is worked out in a different check",
    "ei gyfrifo ar wahân, mewn asesiad ariannol",
    "ei gyfrifo mewn gwiriad gwahanol",
)
PER_EN = {"week": "a week", "month": "a month", "year": "a year"}
PER_CY = {"week": "yr wythnos", "month": "y mis", "year": "y flwyddyn"}


@dataclass
class Made:
    name: str
    signed: Path
    ruleset: RulesetV2
    questionnaire: str
    doc: dict[str, Any]
    expect: dict[str, Any]
    case: str | None  # None: written from the answers document (linked facts)
    person: Person


def fixed_clock() -> None:
    """The samples' dates fixed at FIXED_NOW (scripts/sample_clock.py)."""
    fix_store_clock(FIXED_NOW)


PEOPLE = ["Gwen Rowlands", "Mair Hughes", "Owain Price", "Carys Lloyd", "Ieuan Morris"]


def cases(store: CaseStore) -> list[Made]:
    made: list[Made] = []
    n = 0
    for folder in sorted(EXAMPLES.iterdir()):
        if not folder.is_dir():
            continue
        signed = next(folder.glob("*.ruleset.signed.json"))
        verified = load_signed_any(signed, [demo_dir() / "DEMO-public-key.pem"])
        assert isinstance(verified.ruleset, RulesetV2)
        for i, line in enumerate((folder / "expected.jsonl").read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            doc = json.loads(line, parse_float=Decimal)
            expect = doc.pop("expect", {})
            person = Person(PEOPLE[n % len(PEOPLE)], "1950-01-0" + str(1 + n % 9), f"EX-{n:05}")
            n += 1
            case = None
            if "linked" not in doc:
                case = enter(store, verified, doc, person)
            made.append(
                Made(
                    f"{folder.name}-{i}",
                    signed,
                    verified.ruleset,
                    doc["questionnaire"],
                    doc,
                    expect,
                    case,
                    person,
                )
            )
    demo_signed = demo_dir() / "demo-v2.ruleset.signed.json"
    verified = load_signed_any(demo_signed, [demo_dir() / "DEMO-public-key.pem"])
    assert isinstance(verified.ruleset, RulesetV2)
    person_doc = json.loads((demo_dir() / "answers-v2" / "person-example.json").read_text())
    carer_doc = {
        "questionnaire": "carer",
        "answers": {
            "caring_hours": 40,
            "health": "lots",
            "sleep": "lots",
            "time_for_yourself": "severe",
            "work_learning": "some",
            "relationships": "none",
        },
    }
    for name, doc, person in (
        ("demo-person", person_doc, Person("Ffion Morgan", "1948-05-06", "DC-104233")),
        ("demo-carer", carer_doc, Person("Dewi Morgan", "1950-08-02", "DC-104234")),
    ):
        case = enter(store, verified, doc, person)
        made.append(
            Made(name, demo_signed, verified.ruleset, doc["questionnaire"], doc, {}, case, person)
        )
    return made


def enter(store: CaseStore, verified: Any, doc: dict[str, Any], person: Person) -> str:
    case, _ = store.new_case(person, doc["questionnaire"], verified.ruleset, verified.signed_bytes)
    for qid, value in doc["answers"].items():
        store.set_answer(case, qid, value)
    lifecycle.finalise(store, case)
    return case


def document(store: CaseStore, made: Made, lang: str, style: str) -> Any:
    if made.case is not None:
        return document_for_case(store, made.case, lang, style)[0]

    def one(language: str) -> Any:
        return build_letter_v2(
            made.ruleset,
            made.doc,
            lang=language,
            draft=False,
            person={"name": made.person.name, "date_of_birth": made.person.date_of_birth},
            assessor="Sam Patel",
            started_at=FIXED_NOW,
            finalised_at=FIXED_NOW,
        )

    if lang == "cy+en":
        return compose_bilingual(one("cy"), one("en"), style)
    return compose(one(lang), style)


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return out.stdout


def checks(made: Made, lang: str, style: str, text: str) -> list[str]:
    """What is wrong with the words of one letter (empty: nothing)."""
    problems = []
    # A line broken after "-" or "/" (a web or email address) is read back joined.
    flat = re.sub(r"\s+", " ", re.sub(r"(?<=[-/])\n\s*", "", text))
    if not any(o.text.get("en") == "None" for o in options(made.ruleset)):
        for found in re.finditer(r"\bNone\b(?! of)", flat):
            problems.append(f"None: …{flat[max(0, found.start() - 40) : found.end() + 40]}…")
    for pattern, what in BAD:
        for found in pattern.finditer(flat):
            problems.append(f"{what}: …{flat[max(0, found.start() - 40) : found.end() + 40]}…")
    ruleset, langs = made.ruleset, lang.split("+")
    q = ruleset.questionnaire_by_id[made.questionnaire]
    from rasdesk.domain.budget_v2 import compute_budget_v2

    result = compute_budget_v2(ruleset, made.doc, "en")
    for spec, amount in zip(q.amounts, result.amounts, strict=True):
        figure = f"£{amount.total:,.2f}"
        if style == "easy" and figure.endswith(".00"):
            figure = figure[:-3]
        if figure not in flat:
            problems.append(f"{spec.id}: the total {figure} is not on the letter")
        per = spec.period.per.value
        for one in langs:
            if per in PER_EN:
                words = (PER_EN if one == "en" else PER_CY)[per]
                if words not in flat:
                    problems.append(f"{spec.id}: no period words {words!r} ({one})")
            if spec.period.covers is not None:
                covers = spec.period.covers.get(one)
                if covers not in flat:
                    problems.append(f"{spec.id}: the one-off's cover {covers!r} missing ({one})")
            if spec.closing is not None:
                closing = re.sub(r"\s+", " ", spec.closing.get(one))
                if closing[:60] not in flat:
                    problems.append(f"{spec.id}: the council's closing words missing ({one})")
        hours_said = re.search(r"about \d+(\.\d)? hours?|tua \d+(\.\d)? awr", flat) is not None
        if (amount.hours is not None) != hours_said and len(q.amounts) == 1:
            problems.append(
                f"{spec.id}: hours line {'missing' if not hours_said else 'not declared'}"
            )
    charged = all(a.closing is None for a in q.amounts)
    charging = any(words in flat for words in CHARGING)
    if charging and not charged:
        problems.append("the standard charging sentence, on a ruleset with its own closing words")
    c = ruleset.contact
    # Addresses may break at any line, and a page's footer may fall inside the sentence.
    unbroken = re.sub(r"\s+", "", re.sub(r"\n\s*(Page|Tudalen) \d+ o[f]? \d+.*\n", "\n", text))
    if c is not None:
        for way in (c.phone, c.email, c.web):
            if way and way.replace(" ", "") not in unbroken:
                problems.append(f"contact {way} missing")
    return problems


def options(ruleset: RulesetV2) -> list[Any]:
    return [
        o
        for q in ruleset.questionnaires
        for s in q.sections
        for question in s.section.questions
        for o in question.options
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", action="store_true", help="write docs/print-samples/format2")
    parser.add_argument("--keep", type=Path, help="keep every PDF and its text in DIR")
    args = parser.parse_args()
    fixed_clock()
    if args.samples:
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("*.png"):
            old.unlink()
    keep: Path | None = args.keep
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    failures, letters, rows = 0, 0, []
    with tempfile.TemporaryDirectory() as tmp:
        store = CaseStore.open(Path(tmp) / "cases.db", secrets.token_bytes(32), "Sam Patel")
        try:
            for made in cases(store):
                for lang in LANGS:
                    for style in STYLES:
                        doc = document(store, made, lang, style)
                        for accessible in (False, True):
                            data = (render_accessible if accessible else render_document)(doc)
                            stem = f"{made.name}-{style}-{lang.replace('+', '-')}" + (
                                "-accessible" if accessible else ""
                            )
                            pdf = Path(tmp) / f"{stem}.pdf"
                            pdf.write_bytes(data)
                            text = text_of(pdf)
                            letters += 1
                            if keep is not None:
                                shutil.copy(pdf, keep / pdf.name)
                                (keep / f"{stem}.txt").write_text(text, "utf-8")
                            for problem in checks(made, lang, style, text):
                                failures += 1
                                print(f"{stem}: {problem}")
                            if args.samples and (made.name, style, lang, accessible) in SAMPLES:
                                pages = to_pngs(pdf, OUT, stem, DPI)
                                rows.append((made, style, lang, stem, len(pages)))
        finally:
            store.close()
    shutil.rmtree(os.environ["RASDESK_HOME"], ignore_errors=True)
    if args.samples:
        write_readme(rows)
    print(f"{letters} letters checked, {failures} problems")
    return 1 if failures else 0


def write_readme(rows: list[tuple[Made, str, str, str, int]]) -> None:
    lines = []
    for made, style, lang, stem, pages in sorted(rows, key=lambda r: r[3]):
        lines.append(
            f"| `{stem}-1.png` … `{stem}-{pages}.png` | {made.person.name} | "
            f"{made.ruleset.id} ({made.questionnaire}) | {style} | {lang} | {pages} |"
        )
    text = f"""# Sample letters — ruleset format 2

Pages of the letters a person keeps, for cases computed with format-2 rulesets
(`docs/ruleset-v2.md`): the demo's format-2 ruleset (a person's budget of three parts —
per point, costed night support, an NHS-funded part — and a carer's one-off budget for the
next 12 months with the council's own closing words) and the worked examples of
`resources/examples/`. Made by `scripts/print-samples-v2.py --samples` with `pdftoppm -png
-r {DPI}`; dates fixed ({FIXED_NOW[:10]}); the people are made up; every ruleset is a
demonstration, not any council's real rules or rates.

The script writes every letter of every case (every style, English, Welsh, bilingual
cy+en, and the accessible copy), reads each back with `pdftotext` and checks the period
words, the amounts to the penny, the contact details, the closing words and the hours
line; the pages here are a chosen few.

| files (one a page) | person | ruleset (questionnaire) | style | language | pages |
| --- | --- | --- | --- | --- | ---: |
{chr(10).join(lines)}
"""
    (OUT / "README.md").write_text(text, "utf-8")


if __name__ == "__main__":
    sys.exit(main())
