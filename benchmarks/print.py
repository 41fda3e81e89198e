"""Milliseconds per letter: ``render`` (reportlab) in each style, and ``letter_for_case``.

Makes a throwaway encrypted case store (temporary file, random key) with the demo ruleset
and two finalised demo cases: person-example, printed in English, and person-high-needs,
printed in Welsh (the longest letter). For each letter and style: one warm-up render (its
time is shown as "first": fonts registered, pictures read), then N timed renders of the
same letter model, built once. Separately, N timed calls of ``letter_for_case`` (opening
the frozen bundle, recomputing the budget and its explanation in the letter's language).
Prints p50 and p95 of each. Target: < 300 ms a letter.

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
from pathlib import Path

os.environ["RASDESK_HOME"] = tempfile.mkdtemp(prefix="rasdesk-bench-")  # no real profile

from rasdesk.platform.paths import demo_dir
from rasdesk.platform.rulesets import load_signed
from rasdesk.printing.case_letter import letter_for_case
from rasdesk.printing.render import render
from rasdesk.storage.lifecycle import finalise
from rasdesk.storage.store import CaseStore, Person

STYLES = ("standard", "large", "easy")
TARGET_MS = 300.0


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
        worst = 0.0
        for name, lang, case in letters:
            first, runs = timings(n, lambda c=case, lg=lang: letter_for_case(store, c, lg))
            label = f"{name} ({lang})"
            print(
                f"{label:<22} {'letter_for_case':<16} {'':>5} {first:7.1f} {p(runs, 50):7.1f} {p(runs, 95):7.1f}"
            )
            letter, _ = letter_for_case(store, case, lang)
            for style in STYLES:
                data = render(letter, style)
                pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
                first, runs = timings(n, lambda s=style, lt=letter: render(lt, s))
                worst = max(worst, p(runs, 95))
                print(
                    f"{label:<22} {'render ' + style:<16} {pages:>5} {first:7.1f} {p(runs, 50):7.1f} {p(runs, 95):7.1f}"
                )
        store.close()
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"slowest render p95: {worst:.1f} ms ({verdict} the {TARGET_MS:.0f} ms target)")


if __name__ == "__main__":
    main()
