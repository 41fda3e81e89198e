"""What goes into every packaged rasdesk (the wheel and the PyInstaller bundles), in one place.

The app finds its data inside the ``rasdesk`` package: ``rasdesk/resources`` (pictures,
fonts with their licence, the demo ruleset and its public key; see
``rasdesk.platform.paths.resources_dir``) and ``rasdesk/translations`` (compiled ``.qm``;
``paths.translations_dir``). Standard library only: ``setup.py`` imports this inside pip's
isolated build environment.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Kept out of every package. The demo signing key is committed so that anyone can sign demo
# rulesets; a laptop has no use for it, and shipping a private key to hundreds of laptops
# would only invite someone to trust the demo key for real. README.md files are for people
# reading the repository; each folder's licence file (fonts/OFL.txt, pictures/LICENSE.md)
# is kept.
EXCLUDED = frozenset({"DEMO-ONLY-signing-key.pem"})


def resource_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """Every file under ``resources/`` to package, as (source file, path inside the
    ``rasdesk/resources`` folder), sorted so that builds are reproducible."""
    base = root / "resources"
    if not base.is_dir():
        raise FileNotFoundError(f"{base} is missing: build from a complete rasdesk checkout")
    out = []
    for path in sorted(base.rglob("*")):
        if path.is_file() and path.name not in EXCLUDED and "__pycache__" not in path.parts:
            out.append((path, path.relative_to(base).as_posix()))
    return out
