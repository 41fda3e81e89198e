"""A writer for tests/storage/test_crash_safety.py, run as a child process and killed
with SIGKILL at random points.

    python crash_writer.py STORE HEX_KEY FIRST_SEQ COUNT

Opens (creating on first use) the store at STORE with the 32-byte key given in hex (the
store takes its key explicitly, so no password store is needed here), finds the one case
named ``CASE_NAME`` or starts it, prints ``case <uuid>``, then makes COUNT writes, seq
FIRST_SEQ, FIRST_SEQ + 1, ... Each write is ``planned(seq)``: a ``night_help`` number, a
single answer alternating between two questions, or a note. Only after the store's call
has *returned* does it print ``ok <seq> <question> <value>`` and flush: a line the parent
has read is an acknowledged write.

``planned`` is imported by the test too, so the parent knows what the write in flight at
the kill was. Values come from seq, and the parent never reuses a seq, so every write
changes something (an unchanged answer would write nothing).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CASE_NAME = "Crash Test Person"
_SINGLES = ("washing", "dressing")
_LEVELS = ("none", "some", "lots", "all")


def planned(seq: int) -> tuple[str, str, str]:
    """The write for ``seq``: (kind, question, value), kind "answer" or "note". An answer's
    value is as stored (canonical JSON); a note's is its text."""
    k = seq // 3
    if seq % 3 == 0:
        return "answer", "night_help", str(k % 8)  # 0..7 nights
    if seq % 3 == 1:
        return "answer", _SINGLES[k % 2], json.dumps(_LEVELS[(k // 2) % 4])
    return "note", "general", f"note-{seq}"


def main(argv: list[str]) -> int:
    # Imported here so that the test can import ``planned`` cheaply.
    from rasdesk.platform.paths import demo_dir
    from rasdesk.platform.rulesets import load_signed
    from rasdesk.storage import queries
    from rasdesk.storage.store import CaseStore, Person

    path, key, first, count = Path(argv[1]), bytes.fromhex(argv[2]), int(argv[3]), int(argv[4])
    store = CaseStore.open(path, key, "crash writer")
    found = [c.case_uuid for c in queries.list_cases(store) if c.person_name == CASE_NAME]
    if found:
        [case_uuid] = found  # never a second case: a crash must not duplicate anything
    else:
        demo = demo_dir()
        verified = load_signed(demo / "demo.ruleset.signed.json", [demo / "DEMO-public-key.pem"])
        case_uuid, _ = store.new_case(
            Person(CASE_NAME), "person", verified.ruleset, verified.signed_bytes
        )
    out = sys.stdout
    out.write(f"case {case_uuid}\n")
    out.flush()
    for seq in range(first, first + count):
        kind, question, value = planned(seq)
        if kind == "answer":
            store.set_answer(case_uuid, question, json.loads(value))
        else:
            store.set_note(case_uuid, question, value)
        out.write(f"ok {seq} {question} {value}\n")
        out.flush()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
