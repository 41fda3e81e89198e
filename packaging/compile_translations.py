"""Compile the Qt Linguist sources ``translations/*.ts`` into ``.qm`` files with lrelease.

One place for every build that needs compiled translations: ``scripts/build-translations.sh``
(the source tree, for ``make demo`` and ``make test``), the wheel build (``setup.py``), the
PyInstaller bundle (``packaging/build.sh``) and ``packaging/build-windows.ps1``. The ``.qm``
files are build output and never committed.

lrelease comes from PySide6-Essentials (``PySide6/lrelease``, ``lrelease.exe`` on Windows),
so any environment with the app's own dependency can compile; nothing else is needed.
Standard library only: it runs inside pip's isolated build environment too.

    python packaging/compile_translations.py [--source translations] [--target DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class LreleaseError(RuntimeError):
    """lrelease is missing or failed; the message says what to do."""


def find_lrelease() -> Path:
    """PySide6's own lrelease (no Qt import needed), else one on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
        for name in ("lrelease", "lrelease.exe", "Qt/bin/lrelease", "Qt/libexec/lrelease"):
            if (folder / name).is_file():
                return folder / name
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise LreleaseError(
        "lrelease not found: install PySide6-Essentials into the Python that runs this "
        f"({sys.executable}), e.g. pip install 'PySide6-Essentials>=6.7'"
    )


def compile_all(source: Path, target: Path) -> list[Path]:
    """Compile every ``source/*.ts`` to ``target/<same name>.qm``; returns the .qm files."""
    sources = sorted(source.glob("*.ts"))
    if not sources:
        return []
    lrelease = find_lrelease()
    target.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for ts in sources:
        qm = target / (ts.stem + ".qm")
        run = subprocess.run(
            [str(lrelease), str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        # lrelease's summary ("Generated 412 translation(s) …") follows its "Updating" line.
        summary = "; ".join(line.strip() for line in run.stdout.splitlines()[1:])
        print(f"{ts.name} → {qm}: {summary or run.stderr.strip()}")
        if run.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
            raise LreleaseError(
                f"lrelease could not compile {ts} (exit code {run.returncode}): "
                f"{(run.stderr or run.stdout).strip()}"
            )
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "translations")
    parser.add_argument("--target", type=Path, default=ROOT / "src" / "rasdesk" / "translations")
    args = parser.parse_args(argv)
    try:
        built = compile_all(args.source, args.target)
    except LreleaseError as exc:
        print(f"compile_translations: {exc}", file=sys.stderr)
        return 1
    if not built:
        print(f"compile_translations: no .ts files in {args.source}: nothing to compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
