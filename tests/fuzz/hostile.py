"""The hostile inputs the fuzz stage draws from: files (deep, huge, non-UTF-8, binary,
devices, pipes, links), argument values (numbers, text, addresses) and output targets.

Everything is made once per session under one temporary folder; nothing outside it is ever
written (an output target is a file, pipe, link, folder or device node *in that folder*, so
a command that wrongly replaces it harms nothing).
"""

from __future__ import annotations

import base64
import io
import json
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from rasdesk.platform.paths import demo_dir

DEMO = demo_dir()


def _deep(n: int) -> bytes:
    return b'{"answers":' + b"[" * n + b"]" * n + b"}"


def _workbook_far() -> bytes:
    """The demo ruleset's workbook with one more cell, at XFD1048576."""
    import openpyxl

    from rasdesk.authoring.workbook import export_ruleset

    data = export_ruleset((DEMO / "demo.ruleset.json").read_bytes())
    wb = openpyxl.load_workbook(io.BytesIO(data))
    wb["questions"]["XFD1048576"] = "far away"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def workbook_cells(rows: int) -> bytes:
    """A workbook whose questions sheet holds ``rows`` × 10 cells (small when zipped)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            row = b"<row>" + b"<c><v>1</v></c>" * 10 + b"</row>"
            for _ in range(rows // 1000):
                fh.write(row * 1000)
            fh.write(b"</sheetData></worksheet>")
    return buf.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="questions" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def _tampered_type() -> bytes:
    env = json.loads((DEMO / "demo.ruleset.signed.json").read_bytes())
    env["payloadType"] = "application/json"
    return json.dumps(env).encode()


def _signed_deep() -> bytes:
    """A signed-looking envelope whose payload nests 100,000 deep."""
    payload = base64.b64encode(b"[" * 100_000 + b"]" * 100_000).decode()
    return json.dumps(
        {
            "payloadType": "application/vnd.rasdesk.ruleset+json",
            "payload": payload,
            "signatures": [{"keyid": "x", "sig": "AAAA"}],
        }
    ).encode()


def _signed_demo(doc: dict[str, object]) -> bytes:
    """``doc`` signed with the DEMO key (which the fuzz profile trusts)."""
    from rasdesk.domain.signing import load_private_key, sign_envelope

    key = load_private_key((DEMO / "DEMO-ONLY-signing-key.pem").read_bytes())
    return sign_envelope(json.dumps(doc).encode(), key)


def _demo_v2(**changes: object) -> bytes:
    """The format-2 demo ruleset with ``changes``, signed: a later format, a hostile rate."""
    env = json.loads((DEMO / "demo-v2.ruleset.signed.json").read_bytes())
    doc = json.loads(base64.b64decode(env["payload"]))
    doc.update(changes)
    return _signed_demo(doc)


def _sample_csv(cost: str) -> bytes:
    lines = (DEMO / "calibration-sample.csv").read_bytes().splitlines()
    cells = lines[1].split(b",")
    cells[1] = cost.encode()
    return b"\n".join([lines[0], b",".join(cells), *lines[2:]]) + b"\n"


#: name → bytes of the hostile (and a few good) input files.
FILE_CONTENTS: dict[str, object] = {
    "deep.json": lambda: _deep(100_000),
    "deep-shallow.json": lambda: _deep(500),
    "bigint.json": lambda: b'{"answers": {"washing": ' + b"9" * 5000 + b"}}",
    "exponent.json": lambda: b'{"answers": {"night_help": 1E+999999999}}',
    "surrogate.json": lambda: b'{"answers": {"washing": "\\ud800"}}',
    "dupkeys.json": lambda: b'{"answers": {}, "answers": {}}',
    "nonutf8.json": lambda: b'{"answers": "\xff\xfe\xc3"}',
    "binary.bin": lambda: bytes(range(256)) * 64,
    "empty.json": lambda: b"",
    "nan.json": lambda: b'{"answers": {"night_help": NaN}}',
    "deep.jsonl": lambda: (
        _deep(100_000)
        + b"\n"
        + (DEMO / "answers" / "person-example.json").read_bytes().replace(b"\n", b"")
        + b"\n"
    ),
    "bigint.jsonl": lambda: b'{"answers": {"washing": ' + b"9" * 5000 + b"}}\n",
    "tampered-type.signed.json": _tampered_type,
    "deep.signed.json": _signed_deep,
    "far.xlsx": _workbook_far,
    "cells.xlsx": lambda: workbook_cells(600_000 // 10),
    "cost38.csv": lambda: _sample_csv("1" * 38),
    # Format 2 (docs/ruleset-v2.md): a later format, a hostile rate, answer records.
    "later-format.signed.json": lambda: _demo_v2(format="rasdesk-ruleset/3\u001b[2J"),
    "v2-rate.signed.json": lambda: _demo_v2(
        rates=[{"id": "r", "label": {"en": "r"}, "amount": "1E+999999999", "unit": "hour"}]
    ),
    "v2-answers.json": lambda: json.dumps(
        {
            "questionnaire": "person",
            "answered_by": "nobody\u0000",
            "answers": {"washing": {"agreed": "lots", "views": {"person": [[[]]]}}},
            "linked": {"questionnaire": "carer", "answers": {"x": {"not_applicable": 1}}},
        }
    ).encode(),
    "policy-deep.json": lambda: b'{"trusted_keys": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    "policy-bigint.json": lambda: b'{"inactivity_lock_minutes": ' + b"1" * 5000 + b"}",
}


@dataclass
class Pools:
    """The paths and values made for one session."""

    inputs: list[str]
    outputs: list[str]
    databases: list[str]
    folder: Path


def make(folder: Path) -> Pools:
    folder.mkdir(parents=True, exist_ok=True)
    inputs: list[str] = []
    for name, make_bytes in FILE_CONTENTS.items():
        path = folder / name
        path.write_bytes(make_bytes())  # type: ignore[operator]
        inputs.append(str(path))
    huge = folder / "huge-sparse.json"
    with open(huge, "wb") as fh:
        fh.truncate(3 * 1024 * 1024 * 1024)  # 3 GiB of nothing, no disk used
    fifo = folder / "pipe.json"
    os.mkfifo(fifo)
    link = folder / "zero-link.json"
    link.symlink_to("/dev/zero")
    (folder / "a-folder").mkdir()
    inputs += [
        str(huge),
        str(fifo),
        str(link),
        str(folder / "a-folder"),
        "/dev/zero",
        str(folder / "missing.json"),
        "",
    ]
    inputs += [
        str(DEMO / "demo.ruleset.signed.json"),
        str(DEMO / "demo.ruleset.json"),
        str(DEMO / "answers" / "person-example.json"),
        str(DEMO / "demo-v2.ruleset.signed.json"),
        str(DEMO / "answers-v2" / "person-example.json"),
        str(DEMO / "DEMO-public-key.pem"),
        str(DEMO / "calibration-sample.csv"),
    ]
    out = folder / "out"
    out.mkdir()
    (out / "existing.txt").write_bytes(b"keep me")
    os.mkfifo(out / "pipe")
    (out / "link").symlink_to(out / "existing.txt")
    (out / "folder").mkdir()
    outputs = [
        str(out / "new.out"),
        str(out / "existing.txt"),
        str(out / "pipe"),
        str(out / "link"),
        str(out / "folder"),
        str(out / "no-such-dir" / "x"),
        "-",
    ]
    try:  # a device node of our own (a copy of /dev/null), as root can make
        os.mknod(out / "device", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        outputs.append(str(out / "device"))
    except OSError:
        pass
    garbage_db = folder / "garbage.db"
    garbage_db.write_bytes(b"not a database " * 100)
    databases = [
        str(folder / "server.db"),
        str(garbage_db),
        "postgresql://u@[::1/db",
        "sqlite:///" + str(folder / "other.db"),
        "mysql://x",
        str(folder / "a-folder"),
    ]
    return Pools(inputs, outputs, databases, folder)


#: Numbers as a person might mistype them, or an attacker choose them.
NUMBERS = [
    "nan",
    "-1",
    "inf",
    "-inf",
    "0",
    "1",
    "99999999999999999999",
    "1e999999999",
    "1E+999999999",
    "-0",
    "2.5",
    "99999",
    "65536",
    "0x10",
    "",
    " ",
    "1" * 5000,
]
#: Server addresses, good and bad.
URLS = [
    "http://[::1",
    "https://x:99999",
    "http://127.0.0.1:9",
    "ftp://x",
    "https://",
    "http://example.com",
    "http://127.0.0.1:1/api/v1",
    "https://[::1]:0",
    "\x7f",
]
#: Dates and ids.
WORDS = [
    "2026-01-01",
    "9999-99-99",
    "person",
    "carer",
    "general",
    "washing",
    "night_help",
    "yes",
    "no",
    "none",
    "some",
    "draft",
    "sent",
    "standard",
    "large_print",
    "easy_read",
    "en",
    "cy",
    "jsonl",
    "csv",
    "ratio",
    "least_squares",
    "x" * 10_000,
    "-",
    "--",
    "\t",
]


def text() -> st.SearchStrategy[str]:
    """Argument text as a process receives it: any bytes but NUL, decoded as Python does
    (non-UTF-8 bytes become lone surrogates)."""
    raw = st.binary(max_size=40).filter(lambda b: b"\x00" not in b).map(os.fsdecode)
    return st.one_of(raw, st.text(max_size=30).filter(lambda s: "\x00" not in s))
