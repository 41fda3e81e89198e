"""Milliseconds per letter: ``render`` (reportlab) in each style, and ``letter_for_case``.

Makes a throwaway encrypted case store (temporary file, random key) with the demo ruleset
and two finalised demo cases: person-example, printed in English, and person-high-needs,
printed in Welsh (the longest letter). For each letter and style: one warm-up render (its
time is shown as "first": fonts registered, pictures read), then N timed renders of the
same letter model, built once. Separately, N timed calls of ``letter_for_case`` (opening
the frozen bundle, recomputing the budget and its explanation in the letter's language).
Prints p50 and p95 of each. Target: < 300 ms a letter. Beside each printed letter, the
accessible copy (tagged PDF/UA-1, typst) of the same Document, and the bilingual letter
(cy+en) printed and accessible: target < 1 s for the accessible copy of a 6-page letter.

    .venv/bin/python benchmarks/print.py [N]     (N >= 20; default 30)
"""

from __future__ import annotations

import json
import os
import re
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-bench-")  # no real profile

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed
from rasdesk.printing.accessible import render_accessible
from rasdesk.printing.blocks import Document
from rasdesk.printing.case_letter import document_for_case, letter_for_case
from rasdesk.printing.render import render_document
from rasdesk.storage.lifecycle import finalise
from rasdesk.storage.store import CaseStore, Person

STYLES = ("standard", "large", "easy")
TARGET_MS = 300.0
ACCESSIBLE_TARGET_MS = 1000.0


def timings(n: int, fn: Callable[[], object]) -> tuple[float, list[float]]:
    """The first (warm-up) call's time and N more, in milliseconds."""
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return first, out


_runs = iter(range(10**9))


def fresh(doc: Document) -> Document:
    """The same letter with a new title each run: typst memoizes whole compilations, and a
    letter printed twice unchanged is not what is being measured."""
    return replace(doc, title=f"{doc.title} #{next(_runs)}")


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(q) - 1]


def new_case(store: CaseStore, name: str, person: Person) -> str:
    demo = demo_dir()
    verified = load_signed(demo / "demo.ruleset.signed.json", [demo / "DEMO-public-key.pem"])
    doc = json.loads((demo / "answers" / f"{name}.json").read_text("utf-8"))
    case, _ = store.new_case(person, doc["questionnaire"], verified.ruleset, verified.signed_bytes)
    for question, value in doc["answers"].items():
        store.set_answer(case, question, value)
    finalise(store, case)
    return case


def main() -> None:
    n = max(20, int(sys.argv[1]) if len(sys.argv) > 1 else 30)
    with tempfile.TemporaryDirectory() as tmp:
        store = CaseStore.open(Path(tmp) / "cases.db", secrets.token_bytes(32), "Benchmark")
        letters = [
            ("person-example", "en", new_case(store, "person-example", Person("Siân Jones"))),
            (
                "person-high-needs",
                "cy",
                new_case(store, "person-high-needs", Person("Dafydd Prys", language="cy")),
            ),
        ]
        print(f"ms per letter, {n} timed runs each after one warm-up (target < {TARGET_MS:.0f} ms)")
        print(f"{'letter':<22} {'step':<16} {'pages':>5} {'first':>7} {'p50':>7} {'p95':>7}")
        worst = worst_accessible = 0.0
        for name, lang, case in letters:
            first, runs = timings(n, lambda c=case, lg=lang: letter_for_case(store, c, lg))
            label = f"{name} ({lang})"
            print(
                f"{label:<22} {'letter_for_case':<16} {'':>5} {first:7.1f} {p(runs, 50):7.1f} {p(runs, 95):7.1f}"
            )
            for language in (lang, "cy+en"):
                tag = f"{name} ({language})"
                for style in STYLES:
                    doc, _ = document_for_case(store, case, language, style)
                    for kind, fn in (
                        ("render", render_document),
                        ("accessible", render_accessible),
                    ):
                        data = fn(doc)
                        pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
                        first, runs = timings(n, lambda d=doc, f=fn: f(fresh(d)))
                        if kind == "render" and language != "cy+en":
                            worst = max(worst, p(runs, 95))
                        else:
                            worst_accessible = max(
                                worst_accessible, p(runs, 95) / max(pages, 1) * 6
                            )
                        print(
                            f"{tag:<22} {kind + ' ' + style:<16} {pages:>5} {first:7.1f} {p(runs, 50):7.1f} {p(runs, 95):7.1f}"
                        )
        store.close()
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(
        f"slowest render p95 (one language): {worst:.1f} ms ({verdict} the {TARGET_MS:.0f} ms target)"
    )
    verdict = "within" if worst_accessible < ACCESSIBLE_TARGET_MS else "OVER"
    print(
        f"slowest accessible copy p95, scaled to 6 pages: {worst_accessible:.1f} ms "
        f"({verdict} the {ACCESSIBLE_TARGET_MS:.0f} ms target for a 6-page letter)"
    )


if __name__ == "__main__":
    main()
