"""Ruleset workbooks under load: ``ruleset export`` and ``build`` for 1,000, 2,000 and
4,000 questions (CPU seconds: linear means doubling the questions doubles the time), and
the two hostile workbooks of issue 14 (one cell at XFD1048576; 600,000 cells in a 460 KB
file): seconds and peak memory until the refusal. Targets: export linear, each hostile
workbook refused within a second of CPU and under 100 MB.

    .venv/bin/python benchmarks/workbook.py
"""

from __future__ import annotations

import copy
import io
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasdesk.authoring.workbook import build_ruleset, export_ruleset  # noqa: E402
from rasdesk.domain.errors import InputError  # noqa: E402

DEMO = ROOT / "resources" / "demo" / "demo.ruleset.json"


def ruleset_with(questions: int) -> bytes:
    """The demo ruleset with ``questions`` more optional single-choice questions."""
    doc: dict[str, Any] = json.loads(DEMO.read_bytes())
    person = doc["questionnaires"][0]
    section = person["sections"][0]
    proto = next(q for s in person["sections"] for q in s["questions"] if q["type"] == "single")
    for i in range(questions):
        q = copy.deepcopy(proto)
        q.pop("show_if", None)
        q.update(id=f"extra_{i}", required=False)
        section["questions"].append(q)
    return json.dumps(doc, indent=2).encode()


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(work: Any, *, trace: bool = False) -> tuple[Any, float, float]:
    """(result or the InputError, CPU seconds, peak traced MB — traced only when asked:
    tracing slows the work several times)."""
    if trace:
        tracemalloc.start()
    start = cpu()
    try:
        result = work()
    except InputError as exc:
        result = exc
    seconds = cpu() - start
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else 0.0
    if trace:
        tracemalloc.stop()
    return result, seconds, peak


def hostile() -> dict[str, bytes]:
    import openpyxl
    from tests.fuzz.hostile import workbook_cells

    wb = openpyxl.load_workbook(io.BytesIO(export_ruleset(DEMO.read_bytes())))
    wb["questions"]["XFD1048576"] = "far away"
    far = io.BytesIO()
    wb.save(far)
    return {"one cell at XFD1048576": far.getvalue(), "600,000 cells": workbook_cells(600_000)}


def main() -> None:
    print("ruleset export / build (CPU seconds; linear: each doubling about doubles it)")
    for n in (1000, 2000, 4000):
        doc = ruleset_with(n)
        xlsx, export_s, _ = timed(lambda doc=doc: export_ruleset(doc))
        _, build_s, _ = timed(lambda xlsx=xlsx: build_ruleset(xlsx))
        print(f"  {n:>5} questions: export {export_s:6.2f} s, build {build_s:6.2f} s")
    print("hostile workbooks (refused)")
    for name, data in hostile().items():
        started = time.monotonic()
        result, seconds, peak = timed(
            lambda data=data, name=name: build_ruleset(data, name), trace=True
        )
        said = str(result).splitlines()[-1].strip()[:90]
        print(
            f"  {name} ({len(data) // 1024} KB): {seconds:.2f} s CPU, "
            f"{time.monotonic() - started:.2f} s, peak {peak:.0f} MB — {said}"
        )


if __name__ == "__main__":
    main()
