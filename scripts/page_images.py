"""A PDF's pages as small PNGs for docs/print-samples/: ``pdftoppm`` at the given
resolution, then 32 colours with no dithering (black text and pale tints look the same, a
third of the size). Used by print-samples.py and print-samples-v2.py."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def to_pngs(pdf: Path, out: Path, stem: str, dpi: int) -> list[Path]:
    """``out/{stem}-{n}.png`` for each page n, in page order."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), f"{tmp}/p"], check=True)
        pages = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        made = []
        for n, page in enumerate(pages, 1):
            target = out / f"{stem}-{n}.png"
            shrink(page, target)
            made.append(target)
    return made


def shrink(page: Path, target: Path) -> None:
    try:
        from PIL import Image  # reportlab's dependency
    except ImportError:
        shutil.move(page, target)
        return
    with Image.open(page) as im:
        im.convert("RGB").quantize(
            colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        ).save(target, "PNG", optimize=True)
