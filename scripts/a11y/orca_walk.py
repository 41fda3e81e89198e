"""What Orca says, walking a whole assessment by keyboard: Orca (Debian 12's 43.1) runs
headless with speech logged to a debug file (no sound card is needed: each utterance is
written as "SPEECH OUTPUT: '…'" before it would go to speech-dispatcher). Moving on is done
through the page's own controls (scripts/a11y/app_driver.py "next"): every key event, from
xdotool or QTest alike, makes Qt's bridge wait on Orca ("keyEventError … NoReply", up to
25 s each), too slow for CI; Orca hears the same arrivals either way. Checks that on arrival at every question page Orca says
the question, and on arrival at the budget page the £ figure; then the format-2 pages: a
view's name and answer, a view that does not apply, the evidence box, the check page's
views that differ, the budget's NHS part, and the decision page (``format2``).

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

import atspi_check as at

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


def hear(driver: at.Driver, speech: Speech, command: str, *expected: str) -> tuple[dict, str]:
    """Send ``command``; what Orca says after it (waiting up to 15 s for ``expected``, by
    default the heading of the page it leads to)."""
    info = driver.send(command)
    expected = expected or (info["heading"],)
    heard = speech.since_last()
    # Orca may take 15 s or more for an event (it asks the app about objects of the page
    # just replaced, and waits), and its debug log is written in blocks: a poke (an event it
    # logs but does not speak) every 3 s pushes the last block out.
    end = time.time() + 45
    while not all(words(e) in words(" ".join(heard)) for e in expected) and time.time() < end:
        time.sleep(3)
        driver.send("poke")
        heard += speech.since_last()
    settle(1)
    heard += speech.since_last()
    return info, words(" ".join(heard))


def format2(driver: at.Driver, speech: Speech) -> list[str]:
    """The format-2 pages (docs/ruleset-v2.md), arrived at as the walk arrives everywhere
    (the page's own routes; the focus moved by the driver, never by a key): a question with
    the person's and the assessor's views, a view that does not apply, the evidence; the
    check page naming views that differ; the budget with an NHS part; the plan page's
    choice of amount and the plan summary; the decision page.
    Returns what was said, for orca-speech.txt."""
    said: list[str] = []

    def heard(what: str, command: str, *expected: str) -> tuple[dict, str]:
        info, spoken = hear(driver, speech, command, *expected)
        said.append(f"--- {what}: {info['page']}: {info['heading']}\n{spoken}")
        return info, spoken

    driver.send('prepare "format2"')  # the demo's format-2 ruleset: Gwen, every answer
    driver.send('prepare "views"')  # example (a) with views that may not apply: Nia
    settle()
    speech.since_last()
    question = "How much help does the person need to wash?"  # the assessor's wording
    info, spoken = heard(
        "format-2 question", 'go ["question", "@Nia Views", "washing", false]', question
    )
    at.check(words(question) in spoken, f"format 2: Orca says the question {question!r}")
    _info, spoken = heard("the person's view", 'focus "The person\'s view"', "The person's view")
    at.check(
        "the person's view" in spoken and words("Someone has to do it for me") in spoken,
        f"format 2: Orca says the view's name and its answer ({spoken!r})",
    )
    heard("record opened", "record", "")
    _info, spoken = heard(
        "evidence", 'focus "Evidence for this answer"', "Evidence for this answer"
    )
    at.check(
        words("Evidence for this answer") in spoken and "seen at the visit" in spoken,
        f"format 2: Orca says the evidence box's name and what it holds ({spoken!r})",
    )
    heard("ticks", 'go ["question", "@Nia Views", "activities", false]', "Which of these")
    na = "The person's view: I do not go out"
    _info, spoken = heard("a view that does not apply", f'focus "{na}"', na)
    at.check(
        words(na) in spoken and "checked" in spoken and "not checked" not in spoken,
        f"format 2: Orca says {na!r}, ticked ({spoken!r})",
    )
    differ = "Record the agreed answer: How many times a week do you go out?"
    _info, spoken = heard("format-2 check", 'go ["check", "@Nia Views"]', differ)
    at.check(
        words(differ) in spoken,
        f"format 2: on the check page Orca says the views that differ first ({spoken!r})",
    )
    change = "Change: Which of these do you need help with?"
    view = "The person's view: I do not go out (does not apply: not counted)"
    _info, spoken = heard("a Change link", f'focus "{change}"', view)
    at.check(
        words(change) in spoken and words(view) in spoken,
        f"format 2: a Change link says the answer and each view beside it ({spoken!r})",
    )
    nhs = "Paid by the NHS, not by the council: £235.88 a week"
    info, spoken = heard("format-2 budget", 'go ["result", "@Gwen Format2"]', nhs)
    at.check(
        words(info["heading"]) in spoken,
        f"format 2: Orca says the budget's heading with its total {info['heading']!r}",
    )
    at.check(
        words(nhs) in spoken and words("The council's part: £586.20 a week") in spoken,
        f"format 2: Orca says who pays what: the council's part and the NHS part ({spoken!r})",
    )
    # The format-2 support plan: with two amounts (example (d)) the page starts on the
    # choice of amount, heard by what it is for and what is chosen; the summary's heading.
    driver.send('prepare "format2-plan"')
    settle()
    speech.since_last()
    measured = "The amount the plan is measured against"
    _info, spoken = heard("format-2 plan", 'go ["plan", "@Owain Format2"]', measured)
    at.check(
        words(measured) in spoken and "your planning amount" in spoken,
        f"format 2: on the plan page Orca says the amount's choice and its value ({spoken!r})",
    )
    info, spoken = heard("format-2 plan summary", 'go ["plan_summary", "@Gwen Format2"]')
    at.check(
        bool(info["heading"]) and words(info["heading"]) in spoken,
        f"format 2: Orca says the plan summary's heading {info['heading']!r} ({spoken!r})",
    )
    driver.send('prepare "decision"')
    settle()
    speech.since_last()
    info, spoken = heard("decision", 'go ["decide", "@Alys Pritchard"]')
    at.check(
        bool(info["heading"]) and words(info["heading"]) in spoken,
        f"decision: Orca says the heading {info['heading']!r} ({spoken!r})",
    )
    return said


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
        while "SPEECH: Initialized" not in (
            log.read_text("utf-8", "replace") if log.exists() else ""
        ):
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
                at.check(
                    question in spoken, f"Orca says the question on arrival: {info['question']!r}"
                )
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
        said += format2(driver, speech)
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
