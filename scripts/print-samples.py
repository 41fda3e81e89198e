"""Sample letters for the docs: every page of every style, as PNGs, for the demo's cases.

Makes a throwaway encrypted case store (a temporary file, a random key) with the demo
ruleset, enters the four demo answers files as cases (person-example finalised with a
note the person agreed to; person-high-needs finalised, printed in English and Welsh;
person-no-carer left as a draft; carer-example finalised, linked to person-example),
renders each in the three styles and turns every page into
``docs/print-samples/<case>-<style>[-cy]-<page>.png`` with ``pdftoppm -png -r 60``.
Writes ``docs/print-samples/README.md`` saying what each file is.

The dates on the letters are fixed, so the pictures only change when the letters do.

    .venv/bin/python scripts/print-samples.py
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

# Nothing here may touch a real profile.
os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-samples-")

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed
from rasdesk.printing.accessible import render_accessible
from rasdesk.printing.case_letter import document_for_case, letter_for_case
from rasdesk.printing.render import render_document
from rasdesk.storage import lifecycle
from rasdesk.storage.store import CaseStore, Person

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_images import to_pngs  # scripts/page_images.py
from sample_clock import fix_store_clock  # scripts/sample_clock.py

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "print-samples"
DPI = 60
FIXED_NOW = "2026-04-14T10:30:00.000Z"

STYLES = {"standard": "standard print", "large": "large print", "easy": "easy read"}
LANGS = {"en": "English", "cy": "Welsh", "cy+en": "bilingual (Welsh first)"}
SUFFIX = {"en": "", "cy": "-cy", "cy+en": "-cy-en"}
# (case, language) whose accessible copy (tagged PDF/UA-1) is also shown, and kept as a PDF
# to try with a screen reader.
ACCESSIBLE = {("person-example", "en"), ("person-high-needs", "cy+en")}

# case → (person, final?, languages, notes, what it shows)
CASES: dict[str, tuple[Person, bool, tuple[str, ...], dict[str, str], str]] = {
    "person-example": (
        Person("Siân Jones", "1948-05-06", "DC-104233"),
        True,
        ("en",),
        {
            "washing": "I like a bath in the evening, not the morning.",
            "general": "My daughter Ffion helps me read letters.",
        },
        "a daily unpaid carer (points for eating and personal care × 0.8) and help at night "
        "(+£45.00 a week); the person agreed that their notes go on the letter",
    ),
    "person-high-needs": (
        Person("Dafydd Prys", "1939-11-30", "DC-100871", language="cy"),
        True,
        ("en", "cy", "cy+en"),
        {},
        "above the sign-off limit (£600.00) and flagged for a panel; help at night",
    ),
    "person-no-carer": (
        Person("Eirlys Thomas", "1956-02-17", "DC-107760"),
        False,
        ("en",),
        {},
        "a DRAFT (not finalised): DRAFT on every page; no unpaid carer, so that question "
        "is not asked",
    ),
    "carer-example": (
        Person("Huw Jones", "1950-08-02", "DC-104234"),
        True,
        ("en",),
        {},
        "a carer's assessment (the banded table), linked to person-example",
    ),
}


def fixed_clock() -> None:
    """The samples' dates fixed at FIXED_NOW (scripts/sample_clock.py)."""
    fix_store_clock(FIXED_NOW)


def make_cases(store: CaseStore) -> dict[str, str]:
    demo = demo_dir()
    verified = load_signed(demo / "demo.ruleset.signed.json", [demo / "DEMO-public-key.pem"])
    ids: dict[str, str] = {}
    for name, (person, final, _, notes, _) in CASES.items():
        doc = json.loads((demo / "answers" / f"{name}.json").read_text("utf-8"))
        linked = ids["person-example"] if name == "carer-example" else None
        case, _ = store.new_case(
            person,
            doc["questionnaire"],
            verified.ruleset,
            verified.signed_bytes,
            linked_case=linked,
        )
        for question, value in doc["answers"].items():
            store.set_answer(case, question, value)
        for question, text in notes.items():
            store.set_note(case, question, text)
        store.set_notes_on_letter(case, bool(notes))
        if final:
            lifecycle.finalise(store, case)
        ids[name] = case
    return ids


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("print-samples: pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    fixed_clock()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in [*OUT.glob("*.png"), *OUT.glob("*.pdf")]:
        old.unlink()
    rows: list[str] = []
    total_bytes = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = CaseStore.open(Path(tmp) / "cases.db", secrets.token_bytes(32), "Sam Patel")
        try:
            ids = make_cases(store)
            for name, (person, final, langs, _, _) in CASES.items():
                for lang in langs:
                    letter, _ = letter_for_case(store, ids[name], lang.split("+")[0])
                    for style, style_words in STYLES.items():
                        doc, _ = document_for_case(store, ids[name], lang, style)
                        kinds = [("", render_document)]
                        if (name, lang) in ACCESSIBLE:
                            kinds.append(("-accessible", render_accessible))
                        for kind, fn in kinds:
                            stem = f"{name}-{style}{SUFFIX[lang]}{kind}"
                            pdf = Path(tmp) / f"{stem}.pdf"
                            pdf.write_bytes(fn(doc))
                            if kind:
                                shutil.copy(pdf, OUT / pdf.name)
                            pages = to_pngs(pdf, OUT, stem, DPI)
                            total_bytes += sum(p.stat().st_size for p in pages)
                            files = f"`{stem}-1.png` … `{stem}-{len(pages)}.png`"
                            what = f"{style_words}{', **accessible copy**' if kind else ''}"
                            rows.append(
                                f"| {files} | {person.name} ({name}) | {what} | "
                                f"{LANGS[lang]} | {'finalised' if final else '**draft**'} | "
                                f"£{letter.weekly_text} | {len(pages)} |"
                            )
                            print(f"{stem}: {len(pages)} pages")
        finally:
            store.close()
    shutil.rmtree(os.environ["RASDESK_HOME"], ignore_errors=True)
    write_readme(rows)
    print(f"{len(list(OUT.glob('*.png')))} pages, {total_bytes / 1e6:.1f} MB in {OUT}")
    return 0


def write_readme(rows: list[str]) -> None:
    shows = "\n".join(f"- **{name}**: {c[4]}." for name, c in CASES.items())
    text = f"""# Sample letters

Every page of the letter a person keeps (`rasdesk print`), for the demo's sample cases,
in the three styles: standard print (smallest text 14 pt), large print (18 pt) and easy
read (16 pt, a picture beside each question). Made by `scripts/print-samples.py` from the
DEMONSTRATION ruleset (a fictional council, not real rules or rates) with `pdftoppm -png
-r {DPI}`: the pictures are small previews of A4 pages, not the print quality. The dates
on them are fixed ({FIXED_NOW[:10]}); the people are made up.

The cases:

{shows}

File names are `<case>-<style>[-cy|-cy-en][-accessible]-<page>.png` (`-cy`: the Welsh
letter; `-cy-en`: the bilingual letter, every section in Welsh then English;
`-accessible`: the accessible copy, a tagged PDF/UA-1 made by typst from the same words,
whose PDFs are here too, `<case>-<style>[-cy-en]-accessible.pdf`, to try with a screen
reader).

| files (one a page) | person (case) | style | language | state | weekly | pages |
| --- | --- | --- | --- | --- | ---: | ---: |
{chr(10).join(rows)}

To make them again: `.venv/bin/python scripts/print-samples.py` (needs poppler-utils).

Letters of cases computed with format-2 rulesets (periods, costed items, parts and who
pays them): `format2/` (`scripts/print-samples-v2.py --samples`).
"""
    (OUT / "README.md").write_text(text, "utf-8")


if __name__ == "__main__":
    sys.exit(main())
