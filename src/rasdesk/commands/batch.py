"""The ``.jsonl`` path of ``rasdesk compute``, for both formats: one answers document a
line in, one result a line out (in the same order). A line that cannot be used prints
``{"line": N, "error": ..., "problems": [...]}`` in its place with the reason on stderr,
and the command exits 2 once every line is done; a worked example's line whose figures are
not as expected (format 2's ``"expect"``) exits 1."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from rasdesk.domain.errors import InputError
from rasdesk.domain.jsonio import StrictJSONError, loads_strict
from rasdesk.platform.files import bounded_lines, line_too_long, open_regular

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

#: (answers document, source) → (the result's JSON bytes, whether it was not as expected)
OneLine = Callable[[Any, str], tuple[bytes, bool]]


def run_lines(path: Path, out: IO[bytes], one: OneLine) -> int:
    bad = wrong = 0
    fh = open_regular(path, "answers file")  # a regular file only; each line bounded
    write = out.write
    name = str(path)
    with fh:
        for number, line in enumerate(bounded_lines(fh), start=1):
            if line is not None and not line.strip():
                continue
            source = f"{name}:{number}"
            try:
                if line is None:
                    raise line_too_long(source)
                try:
                    doc = loads_strict(line)
                except StrictJSONError as exc:
                    raise InputError(f"{source} is not valid JSON: {exc}") from None
                data, unexpected = one(doc, source)
            except InputError as exc:
                bad += 1
                problems = [str(p) for p in exc.problems]
                write(
                    _dumps({"line": number, "error": exc.message, "problems": problems}).encode()
                    + b"\n"
                )
                print(f"rasdesk: {exc}", file=sys.stderr)
                continue
            write(data + b"\n")
            wrong += unexpected
    out.flush()
    if wrong:
        print(
            f"rasdesk: {wrong} line(s) of {path} did not give the expected figures", file=sys.stderr
        )
    if bad:
        print(
            f"rasdesk: {bad} line(s) of {path} could not be used (see above); the rest were computed",
            file=sys.stderr,
        )
        return 2
    return 1 if wrong else 0
