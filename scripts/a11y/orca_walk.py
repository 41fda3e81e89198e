"""What Orca says, walking a whole assessment by keyboard: Orca (Debian 12's 43.1) runs
headless with speech logged to a debug file (no sound card is needed: each utterance is
written as "SPEECH OUTPUT: '…'" before it would go to speech-dispatcher). Moving on is done
through the page's own controls (scripts/a11y/app_driver.py "next"): every key event, from
xdotool or QTest alike, makes Qt's bridge wait on Orca ("keyEventError … NoReply", up to
25 s each), too slow for CI; Orca hears the same arrivals either way. Checks that on arrival at every question page Orca says
the question, and on arrival at the budget page the £ figure.

    python3 scripts/a11y/orca_walk.py OUT     (inside scripts/a11y/session.sh)

Writes OUT/orca-speech.txt (what was said on each arrival) and OUT/orca-debug.log.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import atspi_check as at  # noqa: E402

SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*?)'(?:\{| voice=|$)", re.MULTILINE)


class Speech:
    def __init__(self, log: Path) -> None:
        self.log, self.offset = log, 0

    def since_last(self) -> list[str]:
        text = self.log.read_text("utf-8", errors="replace") if self.log.exists() else ""
        new, self.offset = text[self.offset :], len(text)
        return [m.group(1) for m in SPOKEN.finditer(new)]


def settle(seconds: float = 2.5) -> None:
    time.sleep(seconds)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def other_orca() -> bool:
    found = subprocess.run(
        ["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True, check=False
    )
    return found.returncode == 0


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "a11y-out")
    out.mkdir(parents=True, exist_ok=True)
    log = out / "orca-debug.log"
    log.unlink(missing_ok=True)
    prefs = out / "orca-prefs"
    prefs.mkdir(exist_ok=True)
    # Orca refuses to start while another Orca of this user runs (a screen reader in use, or
    # another run of this stage): wait for that one a while, then say so.
    waited = time.time()
    while other_orca():
        if time.time() - waited > 180:
            at.check(False, "Orca started: another Orca of this user is running; stop it first")
            return 1
        time.sleep(2)
    errors = out / "orca-stderr.txt"
    with errors.open("wb") as stderr:
        orca = subprocess.Popen(
            ["orca", "--disable", "braille", "--user-prefs", str(prefs), "--debug-file", str(log)],
            stdout=stderr,  # Orca says why it stops on stdout ("another Orca is running")
            stderr=stderr,
        )
    speech = Speech(log)
    said: list[str] = []
    try:
        # Orca takes a few seconds on a quiet machine, but far longer on 2 busy cores.
        started, end = time.time(), time.time() + 120
        while "SPEECH: Initialized" not in (log.read_text("utf-8", "replace") if log.exists() else ""):
            if time.time() > end or orca.poll() is not None:
                why = (
                    f"it exited with code {orca.returncode} (its messages: {errors})"
                    if orca.returncode is not None
                    else f"its speech was not ready after {time.time() - started:.0f} s"
                )
                at.check(False, f"Orca started: {why}")
                return 1
            time.sleep(0.5)
        print(f"orca_walk: Orca's speech ready after {time.time() - started:.1f} s")
        settle(3)
        at.TRACKER = at.FocusTracker()
        driver = at.Driver()
        at.find_app()
        settle()
        speech.since_last()
        info = driver.go("new", "person", None)  # the new-assessment form, focus on the name
        settle()
        driver.send("next")  # a name, then Start the assessment
        settle(3)
        questions = 0
        for _step in range(40):
            info = driver.send("where")
            heard = speech.since_last()
            expected = words(info.get("question") or info.get("weekly") or "")
            end = time.time() + 15  # Qt's bridge may stall on a key event: wait for speech
            while expected and expected not in words(" ".join(heard)) and time.time() < end:
                time.sleep(0.5)
                heard += speech.since_last()
            said.append(f"--- arrival at {info['page']}: {info['heading']}\n" + "\n".join(heard))
            spoken = words(" ".join(heard))
            if info["page"] == "QuestionPage":
                questions += 1
                question = words(info["question"])
                at.check(question in spoken, f"Orca says the question on arrival: {info['question']!r}")
                if info.get("answers"):
                    at.check(
                        any(words(a) in spoken for a in info["answers"]),
                        "Orca says an answer too",
                    )
                driver.send("next")
                settle()
                continue
            if info["page"] == "CheckAnswersPage":
                driver.send("next")
                settle(3)
                continue
            if info["page"] == "ResultPage":
                at.check("£" in info["weekly"], f"the budget page shows {info['weekly']!r}")
                at.check(
                    words(info["weekly"]) in spoken,
                    f"Orca says the figure on arrival at the budget: {info['weekly']!r}",
                )
                break
            at.check(False, f"the walk reached an unexpected page {info['page']}")
            break
        at.check(questions >= 10, f"the walk answered {questions} questions")
        driver.quit()
    finally:
        orca.terminate()
        try:
            orca.wait(timeout=10)
        except subprocess.TimeoutExpired:
            orca.kill()
        (out / "orca-speech.txt").write_text("\n\n".join(said) + "\n", encoding="utf-8")
    print(f"\norca_walk: {len(at.failures)} failure(s); speech in {out / 'orca-speech.txt'}")
    return 1 if at.failures else 0


if __name__ == "__main__":
    sys.exit(main())
