"""The desktop app's speed: cold start to an interactive case list, and an answer to the next
question painted. Prints figures; asserts nothing (docs/ui-benchmarks.md explains them).

1. Cold start (target: rasdesk ≤ 2.0 × a bare PySide6 window). Each run is a fresh
   ``python benchmarks/ui.py --child bare|rasdesk`` (this interpreter), alternating, one
   discarded warm-up of each, then the median of 5. Time runs from just before the spawn to
   the moment the window has been painted and the event loop is idle again: the child's
   event filter sees the first Paint (of the case list page for rasdesk), a zero timer
   after it fires once that whole repaint is done, and the child prints the time
   (CLOCK_MONOTONIC is system-wide on Linux, so parent and child times compare). The bare
   child shows a 1100 × 800 QMainWindow. The rasdesk child runs the real ``rasdesk demo``
   path (``rasdesk.cli.main(["demo"])``: throwaway profile, in-memory keyring, demo cases,
   MainWindow) with only ``QApplication.exec`` wrapped to add the watcher, and a few
   ``rasdesk.ui.app`` functions wrapped to note when each step ends. Offscreen, and under
   Xvfb with xcb when ``Xvfb`` is installed (one server for all runs). One extra run with
   ``-X importtime`` says which imports cost most, one under cProfile which functions.

2. Answer → next question painted (target p95 < 50 ms), in one fresh process per mode
   (offscreen): the demo draft "Mary Lewis", then new drafts (``Session.start_case``) each
   time the check page comes. Per answer: a mouse click on a random answer button
   (``QTest.mouseClick``; a number question gets a typed digit instead), then Enter on the
   focused widget (``QTest.keyClick``), timed until the next page's heading has had its
   Paint event and the event loop is idle again (as in 1). No paint is forced: the app's
   own repaint is what is waited for. The first answers are a warm-up and not counted.
   Standard mode, then large print + easy read. If the p95 is over the target, a run under
   cProfile names the functions the time goes to.

    .venv/bin/python benchmarks/ui.py [--runs 5] [--answers 120] [--warmup 5] [--no-xvfb]
                                      [--only start|answers] [--profile]

``make bench`` runs it with a throwaway RASDESK_HOME; the children get their own throwaway
folders too, so a hand run never touches a real profile. About a minute on 2 quiet cores.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
START_TARGET, ANSWER_TARGET_MS = 2.0, 50.0
SEED = 20261123
MODES: dict[str, dict[str, Any]] = {"standard": {}, "large-easy": {"large": True, "easy": True}}
MODE_NAMES: dict[str, str] = {"standard": "standard", "large-easy": "large print + easy read"}


def now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


# --- children ------------------------------------------------------------------------------
def emit(payload: dict[str, Any]) -> None:
    sys.stdout.write("BENCH " + json.dumps(payload) + "\n")
    sys.stdout.flush()


def guarded(fn: Any) -> Any:
    """A Qt callback of ours that fails ends the child with its traceback on stdout, instead
    of reaching the app's crash dialog (a modal box nobody will close)."""

    def wrapper(*args: Any) -> Any:
        try:
            return fn(*args)
        except Exception:
            import traceback

            from PySide6.QtWidgets import QApplication

            emit({"error": traceback.format_exc()})
            QApplication.exit(1)
            return False

    return wrapper


def first_paint_hook(app: Any, page_class: str, events: list[tuple[str, int]]) -> Any:
    """An event filter: on the first Paint of a widget inside a ``page_class`` widget, a zero
    timer notes "ready" (the repaint has finished and the loop is idle) and quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        seen = False

        @guarded
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint and self._inside(obj):
                self.seen = True
                events.append(("event loop until the page's first Paint", now_ns()))
                QTimer.singleShot(0, self._ready)
            return False

        def _inside(self, obj: Any) -> bool:
            widget = obj if hasattr(obj, "parentWidget") else None
            while widget is not None:
                if type(widget).__name__ == page_class:
                    return True
                widget = widget.parentWidget()
            return False

        @guarded
        def _ready(self) -> None:
            events.append(("rest of the first repaint, loop idle", now_ns()))
            emit({"events": events})
            app.quit()

    watcher = Watcher()
    app.installEventFilter(watcher)
    QTimer.singleShot(60_000, app.quit)  # never hang a benchmark run
    return watcher


def child_bare() -> None:
    events = [("Python start-up (interpreter, site, venv)", now_ns())]
    from PySide6.QtWidgets import QApplication, QMainWindow

    events.append(("import PySide6.QtWidgets", now_ns()))
    app = QApplication(sys.argv[:1])
    events.append(("QApplication()", now_ns()))
    window = QMainWindow()
    window.resize(1100, 800)
    window.setWindowTitle("bare")
    window.show()
    events.append(("QMainWindow(), show()", now_ns()))
    keep = first_paint_hook(app, "QMainWindow", events)
    app.exec()
    del keep


def child_rasdesk() -> None:
    events = [("Python start-up (interpreter, site, venv)", now_ns())]
    import rasdesk.cli

    events.append(("import rasdesk.cli (every command)", now_ns()))
    # open_app imports these itself; importing them first only moves their cost here.
    from PySide6.QtWidgets import QApplication

    import rasdesk.storage.demo
    from rasdesk.ui import app as ui_app
    from rasdesk.ui import theme

    events.append(("import rasdesk.ui.app, PySide6.QtWidgets, storage.demo", now_ns()))

    def noted(module: Any, name: str, before: str, itself: str) -> None:
        """Wrap ``module.name`` to note the time on entry (``before`` ended) and exit. A step
        the app no longer has is left out (its time joins the next step's)."""
        real = getattr(module, name, None)
        if real is None:
            return

        def wrapper(*args: Any, **kw: Any) -> Any:
            events.append((before, now_ns()))
            result = real(*args, **kw)
            events.append((itself, now_ns()))
            return result

        setattr(module, name, wrapper)

    noted(ui_app, "setup_logging", "cli.main: argparse, log, demo home, keyring", "setup_logging")
    noted(ui_app, "application", "-", "QApplication()")
    noted(theme, "load_fonts", "crash handler", "load_fonts")
    noted(ui_app, "make_window", "-", "settings.load, MainWindow() with the PIN (lock) page")
    noted(
        ui_app,
        "open_session",
        "import rasdesk.ui.main_window (every page)",
        "database key, Session",
    )
    noted(
        rasdesk.storage.demo,
        "make_demo_profile",
        "-",
        "make_demo_profile (PIN, trust, ruleset, cases)",
    )
    real_exec = QApplication.exec
    hook: list[Any] = []

    def exec_with_watcher(*_self: Any) -> int:  # app.exec() or QApplication.exec()
        events.append(("window.show()", now_ns()))
        # The app opens on the PIN (issue kitchen): its lock page is the first interactive page.
        hook.append(first_paint_hook(QApplication.instance(), "LockPage", events))
        return int(real_exec())

    QApplication.exec = exec_with_watcher  # type: ignore[method-assign]
    code = rasdesk.cli.main(["demo"])
    if code:
        emit({"error": f"rasdesk demo exited with {code}"})


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


def steps(events: list[list[Any]], t0: int) -> list[tuple[str, float]]:
    out, last = [], t0
    for label, t in events:
        out.append((label, (t - last) / 1e6))
        last = t
    return out


def cold_start(env: dict[str, str], runs: int, platform: str) -> None:
    took: dict[str, list[float]] = {"bare": [], "rasdesk": []}
    parts: dict[str, dict[str, list[float]]] = {
        "bare": defaultdict(list),
        "rasdesk": defaultdict(list),
    }
    for i in range(runs + 1):  # run 0 warms the page cache and .pyc files: not counted
        for kind in ("bare", "rasdesk"):
            payload, t0, _ = spawn(child_argv(kind), env)
            if i == 0:
                continue
            took[kind].append((payload["events"][-1][1] - t0) / 1e6)
            for label, ms in steps(payload["events"], t0):
                parts[kind][label].append(ms)
    bare, ras = statistics.median(took["bare"]), statistics.median(took["rasdesk"])
    print(f"\n1. Cold start to a painted, idle window ({platform}), median of {runs}:")
    print(f"   bare PySide6 window   {bare:7.0f} ms   (runs: {fmt(took['bare'])})")
    print(f"   rasdesk case list     {ras:7.0f} ms   (runs: {fmt(took['rasdesk'])})")
    print(f"   ratio {ras / bare:.2f}   (target ≤ {START_TARGET})")
    for kind in ("bare", "rasdesk"):
        print(f"   where the time goes, {kind} (median ms of each step, in order):")
        for label, values in parts[kind].items():
            if label != "-" or statistics.median(values) >= 1:
                name = "(between steps)" if label == "-" else label
                print(f"     {statistics.median(values):7.1f}  {name}")


def fmt(values: list[float]) -> str:
    return " ".join(f"{v:.0f}" for v in values)


def import_times(env: dict[str, str]) -> None:
    """One run of the rasdesk child under ``-X importtime``: self time by package."""
    _, _, err = spawn(child_argv("rasdesk", python_flags=("-X", "importtime")), env)
    by_package: dict[str, int] = defaultdict(int)
    modules: list[tuple[int, int, str]] = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if m:
            self_us, cumulative, name = int(m[1]), int(m[2]), m[4]
            by_package[name.split(".")[0]] += self_us
            modules.append((cumulative, self_us, ("  " * (len(m[3]) // 2)) + name))
    total = sum(by_package.values())
    print(
        f"\n   imports under -X importtime (one run, inflated by the tracing): {total / 1e3:.0f} ms"
    )
    top = sorted(by_package.items(), key=lambda kv: -kv[1])[:8]
    print("   self time by package: " + ", ".join(f"{k} {v / 1e3:.0f}" for k, v in top) + " (ms)")
    heavy = [x for x in modules if x[2].strip().startswith("rasdesk")]
    heavy.sort(key=lambda x: -x[0])
    print("   rasdesk modules by cumulative import time (ms, includes what they import):")
    for cumulative, _self, name in heavy[:10]:
        print(f"     {cumulative / 1e3:7.1f}  {name.strip()}")


def start_profile(env: dict[str, str]) -> None:
    """One run of the rasdesk child under cProfile: rasdesk's own functions (not imports,
    which ``import_times`` shows) by cumulative time."""
    import pstats

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "start.prof"
        spawn(child_argv("rasdesk", python_flags=("-m", "cProfile", "-o", str(out))), env)
        stats = pstats.Stats(str(out))
    rows = []
    for (file, line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/rasdesk/" in file and name != "<module>" and not file.endswith("cli.py"):
            short = file.split("/rasdesk/", 1)[1]
            rows.append((cumulative, f"{short}:{line} {name}"))
    rows.sort(reverse=True)
    print("   rasdesk functions by cumulative time (one run under cProfile, ms):")
    for cumulative, where in rows[:14]:
        print(f"     {cumulative * 1e3:7.1f}  {where}")


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


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


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if not shutil.which("Xvfb"):
        return None
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        server.terminate()
        server.wait()
        return None
    return server, f":{number}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind (median)")
    parser.add_argument("--answers", type=int, default=120, help="answers timed per mode")
    parser.add_argument("--warmup", type=int, default=5, help="answers not counted first")
    parser.add_argument("--no-xvfb", action="store_true", help="offscreen only")
    parser.add_argument("--only", choices=("start", "answers"), help="run one part only")
    parser.add_argument("--profile", action="store_true", help="cProfile the answers anyway")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            child_bare()
        elif kind == "rasdesk":
            child_rasdesk()
        else:
            child_answers(rest[0], int(rest[1]), "profile" in rest)
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
        if args.only != "answers":
            start_figures(env, args.runs, args.no_xvfb)
        if args.only != "start":
            for mode in MODES:
                answers(env, mode, args.answers, args.warmup, args.profile)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


def start_figures(env: dict[str, str], runs: int, no_xvfb: bool) -> None:
    cold_start(env, runs, "offscreen")
    import_times(env)
    start_profile(env)
    xvfb = None if no_xvfb else start_xvfb()
    if xvfb is not None:
        try:
            xcb = {**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb[1]}
            cold_start(xcb, runs, f"Xvfb {xvfb[1]}, xcb")
        finally:
            xvfb[0].terminate()
            xvfb[0].wait()
    elif not no_xvfb:
        print("\n   (Xvfb is not installed: no xcb figures)")


if __name__ == "__main__":
    main()
