"""Issue 14 items 11, 13, 14 and 15 through the ``rasdesk`` command: hostile input gives a
message naming the file or option and the documented exit code, never a traceback."""

from __future__ import annotations

import base64
import csv
import json
import os
from pathlib import Path

import pytest

from rasdesk.platform import paths, settings
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run

DEMO = demo_dir()
SIGNED, KEY = DEMO / "demo.ruleset.signed.json", DEMO / "DEMO-public-key.pem"
ANSWERS = DEMO / "answers" / "person-example.json"
DEEP = b"[" * 100_000 + b"]" * 100_000


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- 11: deep JSON and long integers, wherever JSON is read ----------------------------
@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize(
    "content",
    [b'{"answers": ' + DEEP + b"}", b'{"answers": {"washing": ' + b"9" * 5000 + b"}}"],
    ids=["deep", "5000-digit integer"],
)
def test_json_readers_refuse_hostile_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    bad = _file(tmp_path, "bad.json", content)
    commands = [
        ("compute", "--ruleset", SIGNED, "--answers", bad),
        ("ruleset", "check", bad),
        ("ruleset", "diff", DEMO / "demo.ruleset.json", bad),
        ("ruleset", "export", bad, "-o", tmp_path / "x.xlsx"),
        ("ruleset", "sign", bad, "--key", DEMO / "DEMO-ONLY-signing-key.pem", "-o", tmp_path / "s"),
        ("case", "new", "--name", "A", "--answers", bad),
        ("policy", "check", bad),
    ]
    for argv in commands:
        code, _, err = run(capsys, *argv)
        assert code == 2, (argv, err)
        assert "bad.json" in err and ("nested" in err or "at most 100 are allowed" in err), err


@pytest.mark.usefixtures("installed")
def test_a_deep_line_does_not_stop_a_batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = ANSWERS.read_bytes().replace(b"\n", b"")
    batch = _file(tmp_path, "many.jsonl", good + b"\n" + DEEP + b"\n" + good + b"\n")
    code, out, err = run(capsys, "compute", "--ruleset", SIGNED, "--answers", batch)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(lines) == 3, err
    assert "weekly" in lines[0] and "weekly" in lines[2]
    assert lines[1]["line"] == 2 and "nested" in lines[1]["error"]


def test_damaged_settings_file_named(capsys: pytest.CaptureFixture[str]) -> None:
    settings.user_file().parent.mkdir(parents=True, exist_ok=True)
    settings.user_file().write_bytes(b'{"x": ' + DEEP + b"}")
    code, _, err = run(capsys, "policy", "show")
    assert code == 2 and "settings.json" in err and "nested" in err and "fix or remove it" in err


# --- 13: tracebacks -------------------------------------------------------------------
def test_calibrate_with_a_38_digit_cost(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rows = list(csv.reader((DEMO / "calibration-sample.csv").read_text().splitlines()))
    rows[1][1] = "1" * 38
    sample = tmp_path / "s.csv"
    with sample.open("w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    code, out, err = run(capsys, "ruleset", "calibrate", SIGNED, "--sample", sample)
    assert code == 0, err
    assert "row 2 (DEMO-001): column current_weekly_cost" in out and "at most 12 digits" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("case", "list", "--limit", "99999999999999999999"), "not a whole number from 1"),
        (("case", "list", "--limit", "0"), "not a whole number from 1"),
        (("sync", "--timeout", "nan"), "not a number of seconds more than 0"),
        (("sync", "--timeout", "-1"), "not a number of seconds more than 0"),
        (("sync", "--timeout", "inf"), "not a number of seconds more than 0"),
        (("sync", "--timeout", "0"), "not a number of seconds more than 0"),
    ],
)
def test_bad_numbers_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        run(capsys, *argv)
    assert exc.value.code == 2
    assert words in capsys.readouterr().err


@pytest.mark.parametrize("url", ["http://[::1", "https://council.example:99999", "http://[::1]:x"])
def test_enrol_with_a_broken_address(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, _, err = run(capsys, "enrol", "--server", url, "--code", "ABC")
    assert code == 2 and "is not a server address" in err, err


def test_non_utf8_argument_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "case", "show", os.fsdecode(b"ab\xffcd"))
    assert code == 2 and "is not UTF-8 text" in err and "ab\\udcffcd" in err


# --- 14: resources ------------------------------------------------------------------------
@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize("value", ["1e999999999", "NaN", "Infinity", "9" * 30, "0x10"])
def test_answer_out_of_range_refused(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, out, _ = run(capsys, "case", "new", "--name", "A")
    case = out.strip()
    code, _, err = run(capsys, "case", "answer", case, "night_help", value)
    assert code == 2 and "needs a number written with digits" in err, err
    assert run(capsys, "case", "answer", case, "night_help", "3")[0] == 0


@pytest.mark.usefixtures("installed")
def test_dev_zero_and_links_to_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "compute", "--ruleset", SIGNED, "--answers", "/dev/zero")
    assert code == 2 and "/dev/zero: is not a regular file" in err
    # A link to /dev/zero in the trusted-keys folder is skipped: every command still works.
    (paths.user_keys_dir() / "zero.pem").symlink_to("/dev/zero")
    code, out, err = run(capsys, "compute", "--ruleset", SIGNED, "--answers", ANSWERS)
    assert code == 0 and "Indicative budget" in out, err
    assert run(capsys, "trust", "list")[0] == 0


# --- 15: exit codes and messages ---------------------------------------------------------
@pytest.mark.usefixtures("installed")
def test_tampered_payload_type_is_a_trust_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    envelope = json.loads(SIGNED.read_bytes())
    envelope["payloadType"] = "application/json"
    tampered = _file(tmp_path, "t.signed.json", json.dumps(envelope).encode())
    for argv in (("ruleset", "verify", tampered), ("ruleset", "install", tampered)):
        code, _, err = run(capsys, *argv)
        assert code == 3 and "payloadType" in err, err
    assert base64.b64decode(envelope["payload"])  # only the type was changed


def test_policy_check_of_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "policy", "check", "/dev/zero")
    assert code == 2 and "is not a regular file" in err and "no such" not in err


@pytest.mark.usefixtures("installed")
def test_force_does_not_replace_a_pipe_or_a_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "case", "new", "--name", "A", "--answers", ANSWERS, "--finalise")
    case = out.strip()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere")
    for target in (fifo, link):
        code, _, err = run(capsys, "case", "export", case, "-o", target, "--force")
        assert code == 2 and "rasdesk writes only regular files" in err, err
    assert fifo.is_fifo() and link.is_symlink() and not (tmp_path / "elsewhere").exists()
    code, _, err = run(
        capsys, "keygen", "--private", fifo, "--public", tmp_path / "p.pem", "--force"
    )
    assert code == 2 and fifo.is_fifo(), err
