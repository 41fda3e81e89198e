"""Running the ``rasdesk`` command in-process for tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``rasdesk ARGV``."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
