"""Budgets computed per second through ``rasdesk compute --answers X.jsonl`` (one core).

Makes N random, valid answer sets for the demo ruleset (fixed seed; both questionnaires),
then runs the real command in a subprocess pinned to one CPU (``taskset -c 0`` when
available), writing its output to a file. Prints the whole-command rate (including start-up
and signature check) and the steady rate (minus a 1-line run's time). Target: ≥ 20,000/s.

Then the same answers through format 2: the demo upgraded (``rasdesk ruleset upgrade``,
signed here with the DEMO key), and beside it the format-1 figure and the ratio (target:
format 2 no more than 20% slower).

    .venv/bin/python benchmarks/compute.py [N [ROUNDS]]

The formats alternate round by round (best round of each counts) and the load average is
printed at the start and the end: on a shared machine, the ratio is what to read.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"


def answer_sets(n: int, seed: int = 20261123) -> list[str]:
    doc = json.loads((DEMO / "demo.ruleset.json").read_text("utf-8"))
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        q = doc["questionnaires"][0 if i % 5 else 1]  # 4 in 5 are person assessments
        answers: dict[str, object] = {}
        for section in q["sections"]:
            for question in section["questions"]:
                ids = [o["id"] for o in question.get("options", [])]
                if question["type"] == "single":
                    answers[question["id"]] = rng.choice(ids)
                elif question["type"] == "multiple":
                    alone = [o["id"] for o in question["options"] if o.get("exclusive")]
                    others = [i for i in ids if i not in alone]
                    picked = rng.sample(others, rng.randint(0, len(others)))
                    answers[question["id"]] = alone if alone and not picked else picked
                elif question["type"] == "number":
                    answers[question["id"]] = rng.randint(
                        question.get("min", 0), question.get("max", 100)
                    )
        lines.append(json.dumps({"questionnaire": q["id"], "answers": answers}))
    return lines


def run(batch: Path, out: Path, ruleset: Path = DEMO / "demo.ruleset.signed.json") -> float:
    exe = Path(sys.executable).parent / "rasdesk"
    cmd = [
        str(exe),
        "compute",
        "--ruleset",
        str(ruleset),
        "--trust",
        str(DEMO / "DEMO-public-key.pem"),
        "--answers",
        str(batch),
        "--json",
    ]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    env = {**os.environ, "RASDESK_HOME": tempfile.mkdtemp(prefix="rasdesk-bench-")}
    start = time.perf_counter()
    with out.open("wb") as fh:
        subprocess.run(cmd, stdout=fh, check=True, env=env)
    return time.perf_counter() - start


def upgraded_demo(folder: Path) -> Path:
    """The demo ruleset in format 2, signed with the DEMO key (for this benchmark only)."""
    exe = str(Path(sys.executable).parent / "rasdesk")
    plain, signed = folder / "demo2.ruleset.json", folder / "demo2.ruleset.signed.json"
    env = {**os.environ, "RASDESK_HOME": tempfile.mkdtemp(prefix="rasdesk-bench-")}
    subprocess.run(
        [exe, "ruleset", "upgrade", str(DEMO / "demo.ruleset.json"), "-o", str(plain)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    key = DEMO / "DEMO-ONLY-signing-key.pem"
    subprocess.run(
        [exe, "ruleset", "sign", str(plain), "--key", str(key), "-o", str(signed)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return signed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(f"load average at start: {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "one.jsonl").write_text(answer_sets(1)[0] + "\n")
        (folder / "many.jsonl").write_text("\n".join(answer_sets(n)) + "\n")
        formats = {
            "format 1": (DEMO / "demo.ruleset.signed.json", '"weekly"'),
            "format 2": (upgraded_demo(folder), '"rasdesk-result/2"'),
        }
        # The two formats alternate, round by round, so that other work on the machine
        # slows both alike; each format's best round counts.
        startup: dict[str, list[float]] = {name: [] for name in formats}
        total: dict[str, list[float]] = {name: [] for name in formats}
        for _ in range(rounds):
            for name, (ruleset, field) in formats.items():
                startup[name].append(run(folder / "one.jsonl", folder / "o1", ruleset))
                total[name].append(run(folder / "many.jsonl", folder / "o2", ruleset))
                rows = (folder / "o2").read_text("utf-8").splitlines()
                assert len(rows) == n and all(field in r for r in rows[:100])
        rates = {}
        for name in formats:
            first, whole = min(startup[name]), min(total[name])
            rates[name] = n / (whole - first)
            print(f"{name}: budgets: {n:,} through the .jsonl path, one core, best of {rounds}")
            print(f"  start-up + verify (1 budget): {first * 1000:.0f} ms")
            print(f"  whole command: {whole:.2f} s = {n / whole:,.0f} budgets/s")
            print(f"  steady state:  {rates[name]:,.0f} budgets/s (target >= 20,000)")
        ratio = rates["format 2"] / rates["format 1"]
        print(
            f"format 2 / format 1: {ratio:.0%} of format 1's rate "
            f"({1 - ratio:.0%} slower; target: no more than 20% slower)"
        )
    print(f"load average at end: {_load()}")


def _load() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # not on every platform
        return "unknown"


if __name__ == "__main__":
    main()
