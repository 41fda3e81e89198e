"""``rasdesk demo --self-test``: the real start-up path, on a throwaway profile that is gone
afterwards; nothing is written to the profile the command was started from."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rasdesk.cli import main

PICTURES = Path(__file__).resolve().parents[2] / "resources" / "pictures"


def test_demo_self_test_uses_a_throwaway_profile(capsys, rasdesk_home) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--self-test"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["ok"] and report["case_list_rows"] == 6
    # Every picture in the source tree is found where the app looks (22 since easy read
    # gained a picture beside every answer option).
    assert report["pictures"] == len(list(PICTURES.glob("*.svg"))) >= 22
    assert report["welsh_translation"] is True
    assert report["welsh_voice_bytes"] > 10_000  # the bundled espeak-ng speaks Welsh
    assert os.environ["RASDESK_HOME"] == str(rasdesk_home)  # put back
    assert not any(rasdesk_home.iterdir()), "the demo wrote into the real profile"
