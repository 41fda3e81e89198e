"""The PyInstaller bundle's cold start, side by side with a bare PySide6 bundle built the
same way, and with the checkout's own figures (benchmarks/start.py) in the same run.
Prints figures; asserts nothing (docs/packaging.md has the last ones measured).

Target (issue 20): the bundle's interactive case list ≤ 2.0 × the bare bundle's window.

Two one-folder bundles, built with this venv's PyInstaller, Python and PySide6, no UPX,
no strip, ``-X utf8``:

- *rasdesk*: ``packaging/build.sh`` with the real spec (packaging/rasdesk.spec: every
  module, resource and translation the shipped bundle has); only its entry script is
  ``benchmarks/bundle_entries/app.py``, which runs ``rasdesk`` / ``rasdesk demo`` under
  start.py's watcher when given ``--child real|demo`` (and is the ``rasdesk`` command
  otherwise);
- *bare*: ``benchmarks/bundle_entries/bare.py`` (start.py's bare window) with the
  PyInstaller command line, one folder.

Then, inside a private session bus with an unlocked gnome-keyring (the real password
store, as start.py does), one run of start.py's cold starts over six kinds, alternating:
the checkout's bare, real and demo, and the bundles' bare, real and demo. Each ratio is to
the bare window of its own group. Offscreen, then under Xvfb (xcb) when it is installed.
The clock and the marks are start.py's (its docstring): first paint of the PIN page, and
the case list painted and idle after the PIN is typed at once.

    .venv/bin/python benchmarks/bundle.py [--runs 7] [--no-xvfb] [--keep DIR | --reuse DIR]
                                          [--bundles-only]

Building both bundles takes about two minutes on 2 cores; ``--keep DIR`` keeps them (and
``--reuse DIR`` times those again without building).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import start  # benchmarks/start.py, beside this

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
ENTRIES = HERE.parent / "bundle_entries"
KINDS = ("real", "demo")


def folder_size(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return f"{sum(p.stat().st_size for p in files) / 1e6:.0f} MB in {len(files)} files"


def build_rasdesk(out: Path) -> Path:
    """The real bundle (packaging/build.sh, the real spec) around the benchmark's entry."""
    env = {
        **os.environ,
        "RASDESK_DIST": str(out / "dist-rasdesk"),
        "RASDESK_WORK": str(out / "work-rasdesk"),
        "RASDESK_BUNDLE_ENTRY": str(ENTRIES / "app.py"),
        "RASDESK_BUNDLE_PATH": str(HERE.parent),
    }
    began = time.monotonic()
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env, check=True)
    folder = out / "dist-rasdesk" / "rasdesk"
    print(f"bundle.py: rasdesk bundle in {time.monotonic() - began:.0f} s: {folder_size(folder)}")
    return folder / "rasdesk"


def build_bare(out: Path) -> Path:
    """A bare PySide6 bundle: the same PyInstaller, Python and options, one folder."""
    began = time.monotonic()
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--onedir", "--name", "bare", "--noupx", "--python-option", "X utf8",
            "--distpath", str(out / "dist-bare"), "--workpath", str(out / "work-bare"),
            "--specpath", str(out / "work-bare"), "--paths", str(HERE.parent),
            # start.py imports these only in functions the bare window never runs
            "--exclude-module", "rasdesk", "--exclude-module", "keyring",
            "--exclude-module", "tkinter",
            str(ENTRIES / "bare.py"),
        ],
        check=True,
    )  # fmt: skip
    folder = out / "dist-bare" / "bare"
    print(f"bundle.py: bare bundle in {time.monotonic() - began:.0f} s: {folder_size(folder)}")
    return folder / "bare"


def executables(out: Path) -> tuple[Path, Path]:
    app, bare = out / "dist-rasdesk" / "rasdesk" / "rasdesk", out / "dist-bare" / "bare" / "bare"
    for exe in (app, bare):
        if not os.access(exe, os.X_OK):
            raise SystemExit(f"bundle.py: {exe} is missing: build the bundles (no --reuse)")
    return app, bare


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each kind")
    parser.add_argument("--no-xvfb", action="store_true", help="offscreen only")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", type=Path, help="build the bundles in DIR and keep them")
    where.add_argument("--reuse", type=Path, help="time the bundles in DIR, build nothing")
    parser.add_argument("--bundles-only", action="store_true", help="not the checkout's kinds")
    parser.add_argument(
        "--typing-ms",
        type=int,
        default=start.TYPING_MS,
        help="also time the PIN typed this long after the first paint (0: only at once)",
    )
    parser.add_argument("--in-session", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.why = False  # start.figures: no -X importtime / cProfile runs of a bundle
    scratch = Path(tempfile.mkdtemp(prefix="rasdesk-bench-bundle-"))  # never a real profile
    try:
        if args.in_session:
            app, bare = executables(args.reuse)
            kinds = [] if args.bundles_only else start.checkout_kinds(args.typing_ms)
            kinds += start.rasdesk_kinds(
                "bundle ", [str(app)], "bundle", args.typing_ms, KINDS, bare_argv=[str(bare)]
            )
            start.figures(args, scratch, kinds)
            return
        out = args.reuse or args.keep or scratch / "bundles"
        if args.reuse is None:
            out.mkdir(parents=True, exist_ok=True)
            build_rasdesk(out)
            build_bare(out)
        executables(out)
        rest = ["--runs", str(args.runs), "--reuse", str(out), "--typing-ms", str(args.typing_ms)]
        rest += ["--no-xvfb"] * args.no_xvfb + ["--bundles-only"] * args.bundles_only
        code = start.in_keyring_session(rest, scratch, HERE)
        if code is None:
            print(
                "   (no dbus-run-session or gnome-keyring-daemon: the real path uses the keyring there is)"
            )
            main([*rest, "--in-session"])
        elif code:
            raise SystemExit(code)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
