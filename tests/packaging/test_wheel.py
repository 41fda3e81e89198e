"""``pip install`` of the built wheel gives a complete app, not just the Python code.

The wheel is built from a clean copy of this checkout (what git tracks, plus new files not
yet committed; never build output or compiled translations), installed with its real
dependencies (the ``app`` extra, PySide6 included) into a brand-new venv, and run from a
folder outside the source tree, so nothing can come from the source tree or from .venv.
There ``rasdesk demo --self-test`` starts the real app offscreen and must find the case
list, the pictures, the fonts and the Welsh translation inside the installed package.

Slow (a wheel build and a venv with PySide6: about a minute with pip's cache warm), but it
runs in CI with every other test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"

pytestmark = pytest.mark.slow


def sh(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{argv} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


def clean_copy(target: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file may be deleted in the working tree
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    assert not (target / "src" / "rasdesk" / "translations").exists()
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("wheel")
    source = clean_copy(base / "source")
    sh(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        base / "dist",
        source,
        cwd=base,
    )
    (wheel,) = (base / "dist").glob("rasdesk-*.whl")
    venv = base / "venv"
    sh(sys.executable, "-m", "venv", venv, cwd=base)
    # The real dependencies from the index (pip's cache makes this quick), not .venv's.
    sh(venv / "bin" / "python", "-m", "pip", "install", "-q", f"{wheel}[app]", cwd=base)
    run_dir = base / "elsewhere"
    run_dir.mkdir()
    return {"wheel": wheel, "venv": venv, "run": run_dir, "home": base / "home"}


def user_env(home: Path) -> dict[str, str]:
    """What a user's shell would have: no PYTHONPATH, no source tree, a fresh profile."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "RASDESK_HOME": str(home / "profile"),
        "QT_QPA_PLATFORM": "offscreen",
        **({"TMPDIR": os.environ["TMPDIR"]} if "TMPDIR" in os.environ else {}),
    }


def test_the_wheel_carries_resources_and_compiled_translations(installed: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for path in sorted(RESOURCES.rglob("*")):
        if path.is_file() and path.name != "DEMO-ONLY-signing-key.pem":
            assert f"rasdesk/resources/{path.relative_to(RESOURCES).as_posix()}" in names
    assert "rasdesk/resources/demo/DEMO-ONLY-signing-key.pem" not in names  # never shipped
    for ts in (ROOT / "translations").glob("*.ts"):
        assert f"rasdesk/translations/{ts.stem}.qm" in names
    assert "rasdesk/translations/rasdesk_cy.qm" in names
    assert not any(n.startswith(("tests/", "resources/", "packaging/")) for n in names)


def test_the_installed_app_finds_its_pictures_fonts_and_welsh(installed: dict[str, Path]) -> None:
    venv, home = installed["venv"], installed["home"]
    env = user_env(home)
    where = sh(
        venv / "bin" / "python",
        "-c",
        "import sys, rasdesk; print(rasdesk.__file__); print(sys.path)",
        cwd=installed["run"],
        env=env,
    )
    package = Path(where.splitlines()[0]).parent
    assert package.is_relative_to(venv), f"rasdesk imported from {package}, not the venv"
    assert str(ROOT) not in where, "the source tree is on sys.path"

    report = json.loads(
        sh(venv / "bin" / "rasdesk", "demo", "--self-test", cwd=installed["run"], env=env)
    )
    assert report["ok"] is True, report
    assert Path(report["resources_dir"]) == package / "resources"
    assert Path(report["translations_dir"]) == package / "translations"
    assert report["pictures"] == len(list((RESOURCES / "pictures").glob("*.svg")))
    assert report["fonts"] == sorted(p.name for p in (RESOURCES / "fonts").glob("*.ttf"))
    assert report["welsh_translation"] is True
    assert report["case_list_rows"] > 0
    assert (package / "resources" / "fonts" / "OFL.txt").is_file()  # the fonts' licence


def test_the_installed_command_computes_the_demo_budget(installed: dict[str, Path]) -> None:
    venv, env = installed["venv"], user_env(installed["home"])
    demo = Path(
        sh(
            venv / "bin" / "python",
            "-c",
            "from rasdesk.platform.paths import demo_dir; print(demo_dir())",
            cwd=installed["run"],
            env=env,
        ).strip()
    )
    assert demo.is_relative_to(venv)
    out = sh(
        venv / "bin" / "rasdesk",
        "compute",
        "--ruleset",
        demo / "demo.ruleset.signed.json",
        "--trust",
        demo / "DEMO-public-key.pem",
        "--answers",
        demo / "answers" / "person-example.json",
        "--date",
        "2026-11-23",
        "--json",
        cwd=installed["run"],
        env=env,
    )
    assert json.loads(out)["weekly"] == "301.20"
