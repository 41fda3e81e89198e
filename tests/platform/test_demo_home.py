"""Issue 14 item 15: a killed ``rasdesk demo`` leaves its folder in the temporary directory;
the next demo removes it — and never the folder of a demo that is still running. The demos
here are real processes, killed with SIGKILL (no clean-up code runs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rasdesk.platform import demo_home

HOLD = """
import sys, time
from pathlib import Path
from rasdesk.platform import demo_home
home, lock = demo_home.create(Path(sys.argv[1]))
(home / "cases.db").write_bytes(b"demo cases")
print(home, flush=True)
time.sleep(600)
"""


def _demo(tmp: Path) -> tuple[subprocess.Popen[str], Path]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    return proc, Path(proc.stdout.readline().strip())


def _age(home: Path) -> None:
    """As if last changed a minute ago."""
    then = time.time() - 2 * demo_home.YOUNG_SECONDS
    os.utime(home, (then, then))


def test_a_killed_demo_is_cleaned_at_the_next_start(tmp_path: Path) -> None:
    killed, killed_home = _demo(tmp_path)
    running, running_home = _demo(tmp_path)
    try:
        killed.send_signal(signal.SIGKILL)
        killed.wait(30)
        assert (killed_home / "cases.db").exists()  # the kill left it behind
        _age(killed_home)
        _age(running_home)
        home, lock = demo_home.create(tmp_path)  # the next demo starts
        try:
            assert not killed_home.exists()
            assert (running_home / "cases.db").exists()  # another demo's, still open
            assert home.is_dir() and home.name.startswith(demo_home.PREFIX)
        finally:
            demo_home.remove(home, lock)
        assert not home.exists()
    finally:
        running.kill()
        running.wait(30)
    time.sleep(0.1)
    assert demo_home.clean_stale(tmp_path) == [running_home]


def test_a_folder_just_made_is_left_to_the_demo_making_it(tmp_path: Path) -> None:
    """Between making its folder and locking it a demo holds no lock: a demo starting at
    that moment leaves a folder so young alone (it took it for a killed demo's before)."""
    young = tmp_path / f"{demo_home.PREFIX}just-made"
    young.mkdir()
    assert demo_home.clean_stale(tmp_path) == [] and young.is_dir()
    _age(young)
    assert demo_home.clean_stale(tmp_path) == [young] and not young.exists()


def test_unrelated_folders_are_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "rasdesk-something-else"
    other.mkdir()
    (tmp_path / f"{demo_home.PREFIX}link").symlink_to(other)
    assert demo_home.clean_stale(tmp_path) == []
    assert other.is_dir()
