"""The desktop app's speed: cold start to an interactive case list, and an answer to the next
question painted. Prints figures; asserts nothing (docs/ui-benchmarks.md explains them).

1. Cold start (target: rasdesk's case list ≤ 2.0 × a bare PySide6 window), on the real
   profile path and the demo's, side by side with a bare PySide6 window: run by
   ``benchmarks/start.py`` (its docstring says how), which this script calls first.

2. Answer → next question painted (target p95 < 50 ms), in one fresh process per mode
   (offscreen): the demo draft "Mary Lewis", then new drafts (``Session.start_case``) each
   time the check page comes. Per answer: a mouse click on a random answer button
   (``QTest.mouseClick``; a number question gets a typed digit instead), then Enter on the
   focused widget (``QTest.keyClick``), timed until the next page's heading has had its
   Paint event and the event loop is idle again (a zero timer after it). No paint is forced: the app's
   own repaint is what is waited for. The first answers are a warm-up and not counted.
   Standard mode, then large print + easy read. If the p95 is over the target, a run under
   cProfile names the functions the time goes to.

    .venv/bin/python benchmarks/ui.py [--runs 7] [--answers 120] [--warmup 5] [--no-xvfb]
                                      [--only start|answers] [--profile]

``make bench`` runs it with a throwaway RASDESK_HOME; the children get their own throwaway
folders too, so a hand run never touches a real profile. About a minute on 2 quiet cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from start import emit, fmt, guarded, now_ns, percentile  # benchmarks/start.py, beside this

HERE = Path(__file__).resolve()
ANSWER_TARGET_MS = 50.0
SEED = 20261123
MODES: dict[str, dict[str, Any]] = {"standard": {}, "large-easy": {"large": True, "easy": True}}
MODE_NAMES: dict[str, str] = {"standard": "standard", "large-easy": "large print + easy read"}


# --- 2: answer → next question painted -------------------------------------------------------
def answer_driver(app: Any, window: Any, mode: str, total: int, profile: bool) -> Any:
    """Answers questions until ``total`` are timed, then quits ``app``; see the docstring."""
    import cProfile
    import random

    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from rasdesk.storage import queries
    from rasdesk.storage.store import Person
    from rasdesk.ui.modes import Modes
    from rasdesk.ui.pages.question import QuestionPage
    from rasdesk.ui.widgets.answers import ChoiceAnswer, NumberAnswer

    class Driver(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.rng = random.Random(SEED)
            self.modes = Modes(**MODES[mode])
            self.rows: list[list[Any]] = []  # kind, click, Enter, paint, total (ms)
            self.to_check: list[float] = []  # the last answer → the check page painted (ms)
            self.cases, self.unpainted = 0, 0
            self.profiler = cProfile.Profile() if profile else None
            self.armed: tuple[QWidget, Any] | None = None
            self.guard = QTimer(self)
            self.guard.setSingleShot(True)
            self.guard.timeout.connect(self._no_paint)
            mary = queries.list_cases(window.session.store, search="Mary Lewis")
            QTimer.singleShot(0, lambda: self.open(mary[0].case_uuid))

        @guarded
        def open(self, case: str) -> None:
            self.cases += 1
            window.session.set_modes(case, self.modes)
            window.open_case(case)
            self.wait_paint(window.page, self.step)

        @guarded
        def new_case(self) -> None:
            needs = ("large_print", "easy_read") if self.modes.large else ()
            person = Person(f"Bench Person {self.cases}", "1950-01-01", f"B-{self.cases}", needs)
            self.open(window.session.start_case(person, "person", None))

        # The new page's heading (or, for other pages, the page) must get its Paint event;
        # a zero timer then fires once that repaint, and anything queued with it, is done.
        def wait_paint(self, page: QWidget, then: Any) -> None:
            target = getattr(page, "heading", None) or page
            self.armed = (target, then)
            target.installEventFilter(self)
            self.guard.start(5000)

        @guarded
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if self.armed and obj is self.armed[0] and event.type() == QEvent.Type.Paint:
                target, then = self.armed
                self.armed = None
                self.guard.stop()
                target.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

        @guarded
        def _no_paint(self) -> None:  # painted before we looked, or never: say so
            if self.armed:
                self.unpainted += 1
                then, self.armed = self.armed[1], None
                then()

        @guarded
        def step(self) -> None:
            page = window.page
            if len(self.rows) >= total:
                app.quit()
                return
            if not isinstance(page, QuestionPage):
                self.new_case()
                return
            answer = page.answer
            if self.profiler is not None:
                self.profiler.enable()
            t0 = now_ns()
            if isinstance(answer, ChoiceAnswer):
                kind = "multiple" if answer.multiple else "single"
                QTest.mouseClick(self.rng.choice(answer.buttons), Qt.MouseButton.LeftButton)
            elif isinstance(answer, NumberAnswer):
                kind = "number"
                low, high = answer.question.minimum or 0, answer.question.maximum
                top = int(min(high, low + 9)) if high is not None else int(low) + 9
                QTest.keyClicks(answer.edit, str(self.rng.randint(int(low), top)))
            else:
                kind = "text"
                QTest.keyClicks(answer, "ok")
            t1 = now_ns()
            focus = QApplication.focusWidget() or window.focusWidget() or page
            QTest.keyClick(focus, Qt.Key.Key_Return)
            t2 = now_ns()
            new = window.page
            if new is page:
                problem = answer.problem() if isinstance(answer, NumberAnswer) else ""
                emit({"error": f"Enter left no page: {page.step.question.id} {problem}"})
                app.quit()
                return
            self.wait_paint(new, lambda: self.painted(kind, t0, t1, t2, new))

        @guarded
        def painted(self, kind: str, t0: int, t1: int, t2: int, new: QWidget) -> None:
            t3 = now_ns()
            if self.profiler is not None:
                self.profiler.disable()
            if isinstance(new, QuestionPage):
                ms = [(b - a) / 1e6 for a, b in ((t0, t1), (t1, t2), (t2, t3), (t0, t3))]
                self.rows.append([kind, *ms])
            else:
                self.to_check.append((t3 - t0) / 1e6)
            QTimer.singleShot(0, self.step)

    return Driver()


def child_answers(mode: str, total: int, profile: bool) -> None:
    home = tempfile.mkdtemp(prefix="rasdesk-bench-ui-")
    os.environ["RASDESK_HOME"] = home  # a throwaway demo profile, as `rasdesk demo` makes
    try:
        from PySide6.QtCore import QTimer

        from rasdesk.platform.demo_keyring import use_demo_keyring
        from rasdesk.ui import app as ui_app
        from rasdesk.ui import theme

        use_demo_keyring()
        app = ui_app.application()
        theme.load_fonts()
        window: Any = ui_app.make_window(demo=True)
        window.show()
        window.unlock()  # the PIN at start, as the assessor types it (not timed)
        driver = answer_driver(app, window, mode, total, profile)

        def give_up() -> None:  # never hang a benchmark run
            emit({"error": "no end after 200 s"})
            app.exit(1)

        QTimer.singleShot(200_000, give_up)
        if app.exec():
            return
        payload: dict[str, Any] = {
            "rows": driver.rows,
            "to_check": driver.to_check,
            "cases": driver.cases,
            "unpainted": driver.unpainted,
        }
        if driver.profiler is not None:
            timed = len(driver.rows) + len(driver.to_check)
            payload["profile"] = profile_text(driver.profiler, timed)
        emit(payload)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def profile_text(profiler: Any, transitions: int) -> str:
    """The functions the answers spent their time in, per answer: by own time (Qt's C++
    calls show here), then rasdesk's by cumulative time."""
    import pstats

    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for (file, line, name), (_cc, calls, own, cumulative, _callers) in stats.items():
        if file == "~":
            where = name
        else:
            where = re.sub(r".*/(site-packages|src|lib/python3[.0-9]*)/", "", file)
            where = f"{where}:{line} {name}"
        rows.append((own, cumulative, calls, where))
    k = 1e3 / max(1, transitions)
    lines = [f"{'own':>6} {'cumul.':>6} {'calls':>6}  ms and calls per answer, by own time"]
    for own, cumulative, calls, where in sorted(rows, reverse=True)[:12]:
        lines.append(f"{own * k:6.2f} {cumulative * k:6.2f} {calls / transitions:6.1f}  {where}")
    lines.append(f"{'':>6} {'cumul.':>6} {'calls':>6}  rasdesk functions, by cumulative time")
    ours = [r for r in rows if r[3].startswith("rasdesk/")]
    for _own, cumulative, calls, where in sorted(ours, key=lambda r: -r[1])[:18]:
        lines.append(f"{'':>6} {cumulative * k:6.2f} {calls / transitions:6.1f}  {where}")
    return "\n".join(lines)


# --- the parent: runs the children and prints ---------------------------------------------
def spawn(argv: list[str], env: dict[str, str]) -> tuple[dict[str, Any], int, str]:
    """Run one child; its BENCH payload, its start time and its stderr."""
    t0 = now_ns()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=240)
    lines = [x for x in proc.stdout.splitlines() if x.startswith("BENCH ")]
    if proc.returncode or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
        raise SystemExit(
            f"ui bench: {argv[-1]} child failed ({proc.returncode}):\n" + "\n".join(tail)
        )
    payloads = [json.loads(x[6:]) for x in lines]
    for payload in payloads:
        if "error" in payload:
            raise SystemExit(f"ui bench: {argv[-1]} child: {payload['error']}")
    return payloads[-1], t0, proc.stderr


def child_argv(*args: str, python_flags: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, *python_flags, str(HERE), "--child", *args]


def answers(env: dict[str, str], mode: str, count: int, warmup: int, profile: bool) -> float:
    payload, _, _ = spawn(child_argv("answers", mode, str(count + warmup)), env)
    rows = payload["rows"][warmup:]
    total = [r[4] for r in rows]
    p95 = percentile(total, 95)
    print(
        f"\n2. Answer → next question painted, {MODE_NAMES[mode]} ({len(rows)} answers, "
        f"{payload['cases']} drafts, first {warmup} not counted):"
    )
    print(
        f"   p50 {percentile(total, 50):5.1f} ms   p95 {p95:5.1f} ms   max {max(total):5.1f} ms"
        f"   (target p95 < {ANSWER_TARGET_MS:.0f} ms)"
    )
    for i, part in enumerate(
        ("click (save, progress)", "Enter (leave, next page built)", "layout, paint, idle"), 1
    ):
        values = [r[i] for r in rows]
        print(
            f"     {part:32} p50 {percentile(values, 50):5.1f}  p95 {percentile(values, 95):5.1f}"
        )
    kinds = sorted({r[0] for r in rows})
    print(
        "   by question type, p50/p95 ms: "
        + ", ".join(
            f"{k} ({sum(r[0] == k for r in rows)}) {percentile([r[4] for r in rows if r[0] == k], 50):.0f}"
            f"/{percentile([r[4] for r in rows if r[0] == k], 95):.0f}"
            for k in kinds
        )
    )
    warm = [r[4] for r in payload["rows"][:warmup]]
    if warm:
        print(f"   warm-up answers (not counted): {fmt(warm)} ms")
    if payload["to_check"]:
        print(
            f"   last answer → check page painted: p50 {percentile(payload['to_check'], 50):.0f}"
            f" ms, max {max(payload['to_check']):.0f} ms (not counted)"
        )
    if payload["unpainted"]:
        print(f"   NOTE: {payload['unpainted']} pages were never seen painting (5 s guard)")
    if profile or p95 >= ANSWER_TARGET_MS:
        n = min(count, 30)
        payload, _, _ = spawn(child_argv("answers", mode, str(n), "profile"), env)
        print(f"\n   cProfile over {n} answers ({MODE_NAMES[mode]}), click to paint only:")
        print("     " + payload["profile"].strip().replace("\n", "\n     "))
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each kind (start.py)")
    parser.add_argument("--answers", type=int, default=120, help="answers timed per mode")
    parser.add_argument("--warmup", type=int, default=5, help="answers not counted first")
    parser.add_argument("--no-xvfb", action="store_true", help="offscreen only")
    parser.add_argument("--only", choices=("start", "answers"), help="run one part only")
    parser.add_argument("--profile", action="store_true", help="cProfile the answers anyway")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _answers, mode, count, *rest = args.child
        child_answers(mode, int(count), "profile" in rest)
        return
    if args.only != "answers":  # 1: benchmarks/start.py, in its own password-store session
        start = [sys.executable, str(HERE.parent / "start.py"), "--runs", str(args.runs)]
        subprocess.run(start + (["--no-xvfb"] if args.no_xvfb else []), check=True)
        if args.only == "start":
            return

    import PySide6

    print(
        f"ui benchmark: Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other work slows every figure)"
    )
    home = tempfile.mkdtemp(prefix="rasdesk-bench-ui-")  # no child ever sees a real profile
    env = {**os.environ, "RASDESK_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
    env.setdefault("LANG", "C.UTF-8")
    env.pop("DISPLAY", None)
    # An installed app has its bytecode compiled; a checkout run with PYTHONDONTWRITEBYTECODE
    # (as some shells here set) would compile every rasdesk module at every start. The
    # children keep theirs in a throwaway folder (the warm-up run fills it), not in src/.
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        print("   (PYTHONDONTWRITEBYTECODE is set here: the children cache bytecode anyway)")
    env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
    try:
        for mode in MODES:
            answers(env, mode, args.answers, args.warmup, args.profile)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
