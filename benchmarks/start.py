"""The desktop app's cold start, side by side with a bare PySide6 window, on both of its start
paths: the real profile (``rasdesk``, no command) and the demo (``rasdesk demo``). Prints
figures; asserts nothing (docs/ui-benchmarks.md explains them).

Target (issue 20): rasdesk's interactive case list ≤ 2.0 × a bare PySide6 window.

Each run is a new process (``python benchmarks/start.py --child bare|real|demo``, this
interpreter); the three kinds alternate, one warm-up round is thrown away (it fills the OS
page cache and the bytecode cache), then median and p95 of ``--runs`` rounds. The clock
starts in the parent just before the spawn; the child prints CLOCK_MONOTONIC readings
(system-wide on Linux, so they compare):

- *bare*: ``import PySide6.QtWidgets``, QApplication, a 1100 × 800 QMainWindow, show, exec;
  **painted** when the window gets its first Paint event.
- *real* and *demo*: ``rasdesk.cli.main([])`` / ``main(["demo"])`` unchanged, with only
  ``QApplication.exec`` and the pages' ``__init__`` wrapped to install an event filter on
  each page (the bare window's is on the window: never one on the whole app, which costs
  PySide6 its class creation; ``watch_paints``). **First paint**: the PIN
  page (the app opens on it, and it is interactive: typing goes into the PIN box) gets its
  first Paint event. Once that repaint is done and the loop is idle (a zero timer), the
  child types the PIN into the box and presses Unlock at once: no typing time, the worst
  case for the work the app does after its first paint (opening the store), which then
  runs before the PIN is checked. **Case list**: the case list page has been painted and
  the loop is idle again. *Typed* (``--typing-ms``, 1.5 s by default): as a person types,
  one key press every ``KEY_MS`` (200 ms) into the PIN box, Enter 200 ms after the last
  digit, 1.5 s after the first repaint; the figure is the first paint plus Enter → the case
  list painted, what the person waits for.

The real profile is made once, before the runs, in its own folder, by the same code as the
demo's fictional cases (``rasdesk.storage.demo.make_demo_profile``), with the PIN, the trust
store, the ruleset and the store key all kept in a real Secret Service: the whole benchmark
runs inside ``dbus-run-session`` with ``gnome-keyring-daemon --unlock --components=secrets``
(a throwaway keyring folder), as ``scripts/stage-real-window.sh`` does. Without those tools
the real path uses whatever keyring backend there is, and the output says which.

Offscreen, then under Xvfb with xcb when ``Xvfb`` is installed. ``--why`` adds one run of
each path under ``-X importtime`` and one under cProfile (where the time goes).

    .venv/bin/python benchmarks/start.py [--runs 7] [--no-xvfb] [--why] [--before DIR]

Before and after in one run: ``git archive OLD src | tar -x -C /tmp/old`` and
``--before /tmp/old/src``: each rasdesk kind runs again with that code first on
``PYTHONPATH`` (this benchmark's children and the same bare window), in the same rounds.
"""

from __future__ import annotations

import argparse
import contextlib
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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
TARGET = 2.0
KINDS = ("bare", "real", "demo")
PIN = "1234"  # the demo's, and the one the real profile is made with
TYPING_MS = 1500  # a person reads the PIN page and types 4 digits and Enter
KEY_MS = 200  # and types them a key every 200 ms: digits at 700-1300 ms, Enter at 1500


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


def watch_paints(
    app: Any,
    pages: list[str],
    events: list[tuple[str, int]],
    then: Any,
    extra: dict[str, Any] | None = None,
) -> Any:
    """An event filter: on the first Paint of a widget inside a widget of class ``pages[0]``,
    a zero timer notes that the repaint is done and the loop idle, and calls ``then(page)``
    (``page`` the widget of that class); then the same for ``pages[1]``, and so on. Quits
    after the last. The caller installs it on the widgets to watch (the bare window; each
    rasdesk page), never on the whole app: a Python filter on the app is handed Qt's
    private objects, and the first of those costs PySide6 every class it knows with their
    enums (25-40 ms) — the watcher's cost, not the app's (ui/inactivity.py)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.waiting = list(pages)

        @guarded
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if self.waiting and event.type() == QEvent.Type.Paint:
                page = self._inside(obj, self.waiting[0])
                if page is not None:
                    name = self.waiting.pop(0)
                    events.append((f"{name}: first Paint", now_ns()))
                    QTimer.singleShot(0, lambda: self._idle(name, page))
            return False

        def _inside(self, obj: Any, page_class: str) -> Any:
            widget = obj if hasattr(obj, "parentWidget") else None
            while widget is not None:
                if type(widget).__name__ == page_class:
                    return widget
                widget = widget.parentWidget()
            return None

        @guarded
        def _idle(self, name: str, page: Any) -> None:
            events.append((f"{name}: repaint done, loop idle", now_ns()))
            if self.waiting:
                then(page)
            else:
                emit({"events": events, **(extra or {})})
                app.quit()

    watcher = Watcher()
    QTimer.singleShot(60_000, app.quit)  # never hang a benchmark run
    return watcher


def child_bare() -> None:
    events = [("Python start-up (interpreter, site, venv)", now_ns())]
    from PySide6.QtWidgets import QApplication, QMainWindow

    events.append(("import PySide6.QtWidgets", now_ns()))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 800)
    window.setWindowTitle("bare")
    window.show()
    events.append(("QApplication, QMainWindow, show", now_ns()))
    keep = watch_paints(app, ["QMainWindow"], events, None)
    window.installEventFilter(keep)
    app.exec()
    del keep


def child_rasdesk(argv: list[str], pin_after_ms: int = 0) -> None:
    """``rasdesk`` (real) or ``rasdesk demo``: the PIN page painted, the PIN typed, the case
    list painted. The PIN is typed at once, or ``pin_after_ms`` after the PIN page's first
    repaint is done (a person's typing time; the work the app does meanwhile runs)."""
    events = [("Python start-up (interpreter, site, venv)", now_ns())]
    extra: dict[str, Any] = {}
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication  # the app's first import of substance anyway

    import rasdesk.cli

    real_exec = QApplication.exec
    hook: list[Any] = []

    @guarded
    def press(page: Any) -> None:
        events.append(("PIN typed, Unlock pressed", now_ns()))
        extra["pressed"] = events[-1][1]  # a timer may fire a little early or late
        if page.pin.text() != PIN:  # typed at once
            page.pin.setText(PIN)
        page.try_unlock()
        events.append(
            ("Unlock returned (store open if not yet, PIN checked, case list built)", now_ns())
        )

    @guarded
    def key(page: Any, digit: str) -> None:  # one key press, as the keyboard gives it
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        code = getattr(Qt.Key, f"Key_{digit}")
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                page.pin, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, digit)
            )

    def type_pin(page: Any) -> None:  # as the assessor would: at once, or after a while
        if not pin_after_ms:
            press(page)
            return
        for i, digit in enumerate(PIN):  # a key every KEY_MS, Enter KEY_MS after the last
            when = pin_after_ms - (len(PIN) - i) * KEY_MS
            precisely(page, when, lambda d=digit: key(page, d))
        precisely(page, pin_after_ms, lambda: press(page))

    def precisely(page: Any, ms: int, fn: Any) -> None:  # a coarse timer may be 5 % early
        from PySide6.QtCore import Qt

        timer = QTimer(page)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(fn)
        timer.start(ms)

    from rasdesk.ui.widgets.page import Page  # imported by the app before its window anyway

    pages: list[Any] = []  # every page made, each watched once the loop starts
    real_init = Page.__init__

    def init_and_watch(page: Any, *args: Any, **kwargs: Any) -> None:
        real_init(page, *args, **kwargs)
        pages.append(page)
        if hook:
            page.installEventFilter(hook[0])

    def exec_with_watcher(*_self: Any) -> int:  # app.exec() or QApplication.exec()
        events.append(("rasdesk until the window is shown, event loop starts", now_ns()))
        hook.append(
            watch_paints(
                QApplication.instance(), ["LockPage", "CaseListPage"], events, type_pin, extra
            )
        )
        for page in pages:
            with contextlib.suppress(RuntimeError):  # a page deleted since
                page.installEventFilter(hook[0])
        return int(real_exec())

    Page.__init__ = init_and_watch  # type: ignore[method-assign]
    QApplication.exec = exec_with_watcher  # type: ignore[method-assign]
    code = rasdesk.cli.main(argv)
    if code:
        emit({"error": f"rasdesk {' '.join(argv)} exited with {code}"})


def child_setup() -> None:
    """Make the real profile under RASDESK_HOME with the keyring there is; say which."""
    import keyring

    from rasdesk.storage.demo import make_demo_profile

    make_demo_profile().close()
    backend = keyring.get_keyring()
    names = [
        type(b).__module__ + "." + type(b).__name__ for b in getattr(backend, "backends", [backend])
    ]
    emit({"keyring": names})


# --- the parent ----------------------------------------------------------------------------
def spawn(argv: list[str], env: dict[str, str]) -> tuple[dict[str, Any], int, str]:
    """Run one child; its BENCH payload, its start time and its stderr."""
    t0 = now_ns()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=240)
    lines = [x for x in proc.stdout.splitlines() if x.startswith("BENCH ")]
    if proc.returncode or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
        raise SystemExit(
            f"start bench: {argv[-1]} child failed ({proc.returncode}):\n" + "\n".join(tail)
        )
    payload = json.loads(lines[-1][6:])
    if "error" in payload:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"start bench: {argv[-1]} child: {payload['error']}\n{tail}")
    return payload, t0, proc.stderr


def child_argv(kind: str, python_flags: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, *python_flags, str(HERE), "--child", kind]


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def fmt(values: list[float]) -> str:
    return " ".join(f"{v:.0f}" for v in values)


def env_for(kind: str, base: dict[str, str], homes: dict[str, str]) -> dict[str, str]:
    env = dict(base)
    if kind in homes:
        env["RASDESK_HOME"] = homes[kind]
    return env


@dataclass(frozen=True)
class Kind:
    """One kind of cold start: ``role`` bare, real or demo; ``argv`` runs one child; each
    ratio is to the bare kind of the same ``group`` (the checkout's, or the bundles')."""

    name: str
    role: str
    argv: list[str]
    group: str = "checkout"
    pin_after_ms: int = 0  # the PIN typed at once, or this long after the first repaint
    pythonpath: str = ""  # another copy of rasdesk's code first on the path (``--before``)


def rasdesk_kinds(
    prefix: str,
    argv: list[str],
    group: str,
    typing_ms: int,
    kinds: tuple[str, ...],
    bare_argv: list[str] | None = None,
) -> list[Kind]:
    """bare, then real and demo with the PIN typed at once, then (``typing_ms``) typed as
    a person types it; ``argv`` + ``--child ROLE`` runs one (``bare_argv`` the bare one)."""
    bare = bare_argv or [*argv, "--child", "bare"]
    found = [Kind(f"{prefix}bare", "bare", bare, group)]
    for role in kinds:
        found.append(Kind(f"{prefix}{role}", role, [*argv, "--child", role], group))
    if typing_ms:
        for role in kinds:
            pin = ["--child", role, "--pin-after", str(typing_ms)]
            found.append(Kind(f"{prefix}{role} typed", role, [*argv, *pin], group, typing_ms))
    return found


def checkout_kinds(
    typing_ms: int = 0, kinds: tuple[str, ...] = ("real", "demo"), before: str = ""
) -> list[Kind]:
    """The kinds run from this checkout with this interpreter; with ``before`` (the ``src``
    folder of a copy of older code, e.g. ``git archive OLD src``) each rasdesk kind also runs
    that code ("before real", …), in the same rounds, against the same bare window."""
    found = rasdesk_kinds("", [sys.executable, str(HERE)], "checkout", typing_ms, kinds)
    if before:
        older = [k for k in found if k.role != "bare"]
        found += [replace(k, name=f"before {k.name}", pythonpath=before) for k in older]
    return found


def cold_start(
    base: dict[str, str],
    homes: dict[str, str],
    runs: int,
    platform: str,
    kinds: list[Kind] | None = None,
) -> None:
    """``runs`` rounds of every kind, alternating (after one warm-up round); the table."""
    kinds = kinds or checkout_kinds()
    took: dict[str, dict[str, list[float]]] = {k.name: defaultdict(list) for k in kinds}
    steps: dict[str, dict[str, list[float]]] = {k.name: defaultdict(list) for k in kinds}
    for i in range(runs + 1):
        for kind in kinds:
            env = env_for(kind.role, base, homes)
            if kind.pythonpath:
                env["PYTHONPATH"] = os.pathsep.join(
                    filter(None, [kind.pythonpath, env.get("PYTHONPATH")])
                )
            payload, t0, _ = spawn(kind.argv, env)
            if i == 0:
                continue
            events = payload["events"]
            last = t0
            for label, t in events:
                steps[kind.name][label].append((t - last) / 1e6)
                last = t
            marks = {label: (t - t0) / 1e6 for label, t in events}
            if kind.role == "bare":
                took[kind.name]["window"].append(marks["QMainWindow: first Paint"])
                continue
            first = marks["LockPage: first Paint"]
            shown = marks["CaseListPage: repaint done, loop idle"]
            took[kind.name]["first paint"].append(first)
            if kind.pin_after_ms:  # Enter pressed when a person would have pressed it
                after = shown - (payload["pressed"] - t0) / 1e6
                took[kind.name]["after Enter"].append(after)
                took[kind.name]["waited"].append(first + after)
            else:
                took[kind.name]["case list"].append(shown)
    bare = {k.group: statistics.median(took[k.name]["window"]) for k in kinds if k.role == "bare"}
    print(f"\nCold start ({platform}), {runs} runs of each, alternating (ms):")
    print(f"   {'':52} {'median':>7} {'p95':>7} {'ratio':>6}   runs")
    labels = {
        "window": "PySide6 window painted",
        "first paint": "PIN page painted (first paint)",
        "case list": "PIN typed at once → case list painted",
        "after Enter": "Enter → case list painted",
        "waited": "first paint + Enter → case list",
    }
    verdicts = []
    for kind in kinds:
        for key, values in took[kind.name].items():
            med = statistics.median(values)
            label = f"{kind.name}: {labels[key]}"
            if key == "after Enter":
                label = f"{kind.name}: PIN typed in {kind.pin_after_ms / 1000:g} s, {labels[key]}"
            print(
                f"   {label:52} {med:7.0f} {percentile(values, 95):7.0f} "
                f"{med / bare[kind.group]:6.2f}   {fmt(values)}"
            )
            if key in ("case list", "waited"):
                ratio = med / bare[kind.group]
                verdict = "met" if ratio <= TARGET else "NOT met"
                verdicts.append(
                    f"   {kind.name}: {labels[key]} / bare = {ratio:.2f} "
                    f"(target ≤ {TARGET}: {verdict})"
                )
    print("\n".join(verdicts))
    paired(kinds, took)
    for kind in kinds:
        print(f"   where the time goes, {kind.name} (median ms of each step, in order):")
        for label, values in steps[kind.name].items():
            print(f"     {statistics.median(values):7.1f}  {label}")


def paired(kinds: list[Kind], took: dict[str, dict[str, list[float]]]) -> None:
    """With ``--before``: each figure after / before, round by round (the two ran within
    seconds of each other, so a busy moment slows both), the median of those ratios."""
    names = {k.name for k in kinds}
    lines = []
    for kind in kinds:
        older = f"before {kind.name}"
        if older not in names:
            continue
        for key, values in took[kind.name].items():
            ratios = [a / b for a, b in zip(values, took[older][key], strict=True) if b]
            if ratios:
                lines.append(
                    f"   {kind.name}: {key}: after / before, median of {len(ratios)} rounds: "
                    f"{statistics.median(ratios):.2f} (spread {min(ratios):.2f}-{max(ratios):.2f})"
                )
    if lines:
        print("   before and after, round by round:")
        print("\n".join(lines))


def import_times(base: dict[str, str], homes: dict[str, str], kind: str) -> None:
    """One run under ``-X importtime``: self time by package, rasdesk modules imported."""
    _, _, err = spawn(child_argv(kind, ("-X", "importtime")), env_for(kind, base, homes))
    by_package: dict[str, int] = defaultdict(int)
    ours: list[tuple[int, str]] = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if m:
            by_package[m[4].split(".")[0]] += int(m[1])
            if m[4].startswith("rasdesk"):
                ours.append((int(m[2]), m[4]))
    total = sum(by_package.values())
    top = sorted(by_package.items(), key=lambda kv: -kv[1])[:10]
    print(
        f"\n   {kind}: imports under -X importtime (one run, inflated by the tracing): {total / 1e3:.0f} ms"
    )
    print("   self time by package (ms): " + ", ".join(f"{k} {v / 1e3:.0f}" for k, v in top))
    print(f"   rasdesk modules imported: {len(ours)}; the costliest (cumulative ms):")
    for cumulative, name in sorted(ours, reverse=True)[:8]:
        print(f"     {cumulative / 1e3:7.1f}  {name}")


def start_profile(base: dict[str, str], homes: dict[str, str], kind: str) -> None:
    """One run under cProfile: rasdesk's own functions by cumulative time."""
    import pstats

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "start.prof"
        spawn(child_argv(kind, ("-m", "cProfile", "-o", str(out))), env_for(kind, base, homes))
        stats = pstats.Stats(str(out))
    rows = []
    for (file, line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/rasdesk/" in file and name != "<module>" and not file.endswith("cli.py"):
            rows.append((cumulative, f"{file.split('/rasdesk/', 1)[1]}:{line} {name}"))
    print(f"   {kind}: rasdesk functions by cumulative time (one run under cProfile, ms):")
    for cumulative, where in sorted(rows, reverse=True)[:12]:
        print(f"     {cumulative * 1e3:7.1f}  {where}")


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


def in_keyring_session(argv: list[str], scratch: Path, script: Path = HERE) -> int | None:
    """Run ``script`` (this one by default) again inside a private session bus with an
    unlocked gnome-keyring (the real Secret Service), its files under ``scratch``; None when
    the tools are missing."""
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        return None
    env = {
        **os.environ,
        "HOME": str(scratch),
        "XDG_DATA_HOME": str(scratch / "data"),
        "XDG_RUNTIME_DIR": str(scratch),
        "XDG_CONFIG_HOME": str(scratch / "config"),
    }
    shell = (
        'eval "$(printf bench | gnome-keyring-daemon --unlock --components=secrets)"; '
        'export GNOME_KEYRING_CONTROL; exec "$@"'
    )
    command = ["dbus-run-session", "--", "sh", "-c", shell, "sh", sys.executable, str(script)]
    return subprocess.run([*command, *argv, "--in-session"], env=env).returncode


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each kind")
    parser.add_argument("--no-xvfb", action="store_true", help="offscreen only")
    parser.add_argument("--why", action="store_true", help="importtime and cProfile runs too")
    parser.add_argument("--in-session", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--typing-ms",
        type=int,
        default=TYPING_MS,
        help="also time the PIN typed this long after the first paint (0: only at once)",
    )
    parser.add_argument(
        "--before",
        default="",
        help="also time the code in this src folder (a copy of an older commit's), alternating",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--pin-after", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "bare":
        child_bare()
        return
    if args.child in ("real", "demo"):
        child_rasdesk([] if args.child == "real" else ["demo"], args.pin_after)
        return
    if args.child == "setup":
        child_setup()
        return
    scratch = Path(tempfile.mkdtemp(prefix="rasdesk-bench-start-"))  # never a real profile
    try:
        if not args.in_session:
            code = in_keyring_session(sys.argv[1:] if argv is None else argv, scratch)
            if code is not None:
                if code:
                    raise SystemExit(code)
                return
            print(
                "   (no dbus-run-session or gnome-keyring-daemon: the real path uses the keyring there is)"
            )
        figures(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def load() -> str:
    """The load averages over 1, 5 and 15 minutes, as ``uptime`` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def figures(args: argparse.Namespace, scratch: Path, kinds: list[Kind] | None = None) -> None:
    """Every figure: offscreen, then under Xvfb; ``kinds`` the checkout's three by default."""
    import PySide6

    print(
        f"start benchmark: Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
        f"{os.cpu_count()} CPUs, load average {load()} (other work slows every figure)"
    )
    base = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RASDESK_HOME": str(scratch / "demo-parent"),
    }
    base.setdefault("LANG", "C.UTF-8")
    base.pop("DISPLAY", None)
    # An installed app has its bytecode compiled; a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module at every start. The children keep theirs in a throwaway
    # folder (the warm-up round fills it), not in src/.
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    # The demos' throwaway folders in a temporary folder of their own: never found (and
    # cleaned as a killed demo's) by other rasdesk demos running on this machine meanwhile.
    (scratch / "tmp").mkdir()
    base["TMPDIR"] = str(scratch / "tmp")
    homes = {"real": str(scratch / "real-profile"), "demo": base["RASDESK_HOME"]}
    made, _, _ = spawn(child_argv("setup"), env_for("real", base, homes))
    print(f"   real profile: {homes['real']}, keyring backend: {', '.join(made['keyring'])}")
    kinds = kinds or checkout_kinds(args.typing_ms, before=getattr(args, "before", ""))
    cold_start(base, homes, args.runs, "offscreen", kinds)
    if args.why:
        for kind in ("real", "demo"):
            import_times(base, homes, kind)
            start_profile(base, homes, kind)
    xvfb = None if args.no_xvfb else start_xvfb()
    if xvfb is not None:
        try:
            xcb = {**base, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb[1]}
            cold_start(xcb, homes, args.runs, f"Xvfb {xvfb[1]}, xcb", kinds)
        finally:
            xvfb[0].terminate()
            xvfb[0].wait()
    elif not args.no_xvfb:
        print("\n   (Xvfb is not installed: no xcb figures)")
    print(f"\nload average at the end: {load()}")


if __name__ == "__main__":
    main()
