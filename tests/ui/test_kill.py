"""Kill the app (SIGKILL) in the middle of an assessment: every answer it had accepted is
in the case store when it opens again, and the store is intact."""

from __future__ import annotations

import ast
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from rasdesk.storage.profile import open_user_store
from tests.file_keyring import FileKeyring

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_answer_given_is_there_after_a_kill(tmp_path, rasdesk_home, seed) -> None:  # type: ignore[no-untyped-def]
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="tests.file_keyring.FileKeyring",
        RASDESK_TEST_KEYRING=str(tmp_path / "keyring.json"),
        RASDESK_HOME=str(rasdesk_home),
        QT_QPA_PLATFORM="offscreen",
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.kill_driver", str(seed)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stop_after = random.Random(seed).randint(8, 30)
    said: list[tuple[str, str, object]] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("saved "):
                _, case, qid, value = line.rstrip("\n").split(" ", 3)
                said.append((case, qid, ast.literal_eval(value)))
                if len(said) == stop_after:
                    child.send_signal(signal.SIGKILL)
                    break
    finally:
        child.kill()
        _out, err = child.communicate(timeout=30)
    assert len(said) == stop_after, f"the app stopped early:\n{err}"

    os.environ["RASDESK_TEST_KEYRING"] = str(tmp_path / "keyring.json")
    keyring.set_keyring(FileKeyring())
    store = open_user_store()
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        latest: dict[tuple[str, str], object] = {}
        for case, qid, value in said:
            latest[(case, qid)] = value
        for (case, qid), value in latest.items():
            stored = store.answers(store.current_version(case)["version_uuid"]).get(qid)
            expected = tuple(value) if isinstance(value, list) else value
            assert stored == expected or str(stored) == str(expected), (case, qid, stored, value)
    finally:
        store.close()
        os.environ.pop("RASDESK_TEST_KEYRING", None)
