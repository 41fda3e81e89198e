"""The ``rasdesk`` command end to end: words, exit codes (0 ok, 2 bad input, 3 trust) and
RASDESK_HOME. Most tests call ``main()`` in-process; a few run the installed script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rasdesk.cli import main
from rasdesk.platform.paths import demo_dir
from tests.cli.helpers import run
from tests.domain.builders import allocation, minimal_doc, to_bytes

DEMO = demo_dir()
SIGNED = DEMO / "demo.ruleset.signed.json"
DEMO_KEY = DEMO / "DEMO-public-key.pem"
EXAMPLE = DEMO / "answers" / "person-example.json"


@pytest.fixture
def keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    private, public = tmp_path / "k.pem", tmp_path / "p.pem"
    assert run(capsys, "keygen", "--private", private, "--public", public)[0] == 0
    return private, public


@pytest.fixture
def signed(tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> Path:
    doc = tmp_path / "r.json"
    doc.write_bytes(to_bytes(minimal_doc()))
    out = tmp_path / "r.signed.json"
    assert run(capsys, "ruleset", "sign", doc, "--key", keys[0], "-o", out)[0] == 0
    return out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("rasdesk 0.")


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["compute", "--ruleset"])
    assert done.value.code == 2


def test_keygen_writes_private_key_readable_only_by_owner(
    keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    private, public = keys
    assert private.stat().st_mode & 0o077 == 0
    assert b"PRIVATE KEY" in private.read_bytes() and b"PUBLIC KEY" in public.read_bytes()
    code, _, err = run(capsys, "keygen", "--private", private, "--public", public)
    assert code == 2 and "already exists" in err


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")
def test_keygen_keys_are_what_openssl_reads(keys: tuple[Path, Path]) -> None:
    derived = subprocess.run(
        ["openssl", "pkey", "-in", keys[0], "-pubout"], capture_output=True, check=True
    ).stdout
    assert derived == keys[1].read_bytes()


def test_check_valid_and_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ruleset", "check", DEMO / "demo.ruleset.json")
    assert code == 0 and "valid ruleset" in out and "person, carer" in out
    doc = minimal_doc()
    allocation(doc)["rate"] = "4,20"
    doc["questionnaires"][0]["sections"][0]["questions"][0]["options"] = []
    bad = tmp_path / "bad.json"
    bad.write_bytes(to_bytes(doc))
    code, _, err = run(capsys, "ruleset", "check", bad)
    assert code == 2
    assert (
        "$.questionnaires[0].allocation.rate" in err
        and "$.questionnaires[0].sections[0].questions[0].options" in err
    )
    assert str(bad) in err


def test_check_reads_a_signed_file_without_trusting_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ruleset", "check", SIGNED)
    assert code == 0 and "signature not checked" not in out  # says so only on failure paths


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe"])
def test_check_bad_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    f = tmp_path / "x.json"
    f.write_bytes(content)
    code, _, err = run(capsys, "ruleset", "check", f)
    assert code == 2 and str(f) in err and "Traceback" not in err


def test_missing_file_names_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "ruleset", "check", tmp_path / "nope.json")
    assert code == 2 and "nope.json: no such ruleset file" in err


def test_sign_refuses_an_invalid_document(
    tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    doc = minimal_doc()
    del doc["council"]
    f = tmp_path / "r.json"
    f.write_bytes(to_bytes(doc))
    code, _, err = run(capsys, "ruleset", "sign", f, "--key", keys[0], "-o", tmp_path / "o.json")
    assert code == 2 and "council" in err and not (tmp_path / "o.json").exists()


def test_verify_trust_and_tamper(
    signed: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "ruleset", "verify", signed)
    assert code == 3 and "does not trust" in err
    assert run(capsys, "ruleset", "verify", signed, "--trust", keys[1])[0] == 0
    env = json.loads(signed.read_text())
    import base64

    payload = base64.b64decode(env["payload"]).replace(b'"4.20"', b'"5.20"')
    env["payload"] = base64.b64encode(payload).decode()
    tampered = tmp_path / "t.json"
    tampered.write_text(json.dumps(env))
    code, _, err = run(capsys, "ruleset", "verify", tampered, "--trust", keys[1])
    assert code == 3 and "does not match" in err
    code, _, err = run(capsys, "ruleset", "verify", DEMO / "demo.ruleset.json", "--trust", keys[1])
    assert code == 3 and "not signed" in err


def test_trust_add_list_remove_under_rasdesk_home(
    signed: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str], rasdesk_home: Path
) -> None:
    code, out, _ = run(capsys, "trust", "add", keys[1])
    keyid = out.split()[-1]
    assert code == 0 and (rasdesk_home / "config" / "trusted-keys" / f"{keyid}.pem").exists()
    assert keyid in run(capsys, "trust", "list")[1]
    assert run(capsys, "ruleset", "verify", signed)[0] == 0
    assert run(capsys, "trust", "remove", keyid[:12])[0] == 0
    assert run(capsys, "ruleset", "verify", signed)[0] == 3
    code, _, err = run(capsys, "trust", "remove", keyid)
    assert code == 2 and "no trusted key" in err


def test_administrator_keys_are_trusted_and_cannot_be_removed(
    signed: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str], rasdesk_home: Path
) -> None:
    site = rasdesk_home / "site" / "trusted-keys"
    site.mkdir(parents=True)
    shutil.copy(keys[1], site / "council.pem")
    assert run(capsys, "ruleset", "verify", signed)[0] == 0
    code, out, _ = run(capsys, "trust", "list")
    assert "administrator" in out
    keyid = out.split()[0]
    code, _, err = run(capsys, "trust", "remove", keyid)
    assert code == 2 and "administrator" in err


def test_install_keeps_every_version_and_points_at_the_newest(
    tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str], rasdesk_home: Path
) -> None:
    shas = []
    for version in ("1", "2"):
        if version == "2":
            code, _, err = run(capsys, "ruleset", "install", tmp_path / "1.s.json")
            assert code == 3 and "does not trust" in err  # only keys in the trust store
            assert run(capsys, "trust", "add", keys[1])[0] == 0
            assert run(capsys, "ruleset", "install", tmp_path / "1.s.json")[0] == 0
            shas.append(
                json.loads((rasdesk_home / "data" / "rulesets" / "current.json").read_text())[
                    "sha256"
                ]
            )
        doc = minimal_doc()
        doc["version"] = version
        (tmp_path / f"{version}.json").write_bytes(to_bytes(doc))
        run(
            capsys,
            "ruleset",
            "sign",
            tmp_path / f"{version}.json",
            "--key",
            keys[0],
            "-o",
            tmp_path / f"{version}.s.json",
        )
        if version == "2":
            code, out, _ = run(capsys, "ruleset", "install", tmp_path / f"{version}.s.json")
            assert code == 0
            shas.append(out.split()[-1])
    folder = rasdesk_home / "data" / "rulesets"
    assert sorted(p.name for p in folder.glob("*.signed.json")) == sorted(
        f"{s}.ruleset.signed.json" for s in shas
    )
    assert json.loads((folder / "current.json").read_text())["sha256"] == shas[1]


def test_install_refuses_an_expired_ruleset(
    tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    doc = minimal_doc()
    doc["effective_from"], doc["effective_to"] = "2020-04-01", "2021-03-31"
    (tmp_path / "old.json").write_bytes(to_bytes(doc))
    run(
        capsys,
        "ruleset",
        "sign",
        tmp_path / "old.json",
        "--key",
        keys[0],
        "-o",
        tmp_path / "old.s.json",
    )
    run(capsys, "trust", "add", keys[1])
    code, _, err = run(capsys, "ruleset", "install", tmp_path / "old.s.json")
    assert code == 2 and "ended on 2021-03-31" in err


def compute(capsys: pytest.CaptureFixture[str], *extra: str | Path) -> tuple[int, str, str]:
    return run(
        capsys, "compute", "--ruleset", SIGNED, "--trust", DEMO_KEY, "--date", "2026-11-23", *extra
    )


def test_compute_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = compute(capsys, "--answers", EXAMPLE)
    assert code == 0 and "Indicative budget: £301.20 a week (£15,662.40 a year)" in out
    code, out, _ = compute(capsys, "--answers", EXAMPLE, "--language", "cy")
    assert code == 0 and "£301.20 yr wythnos" in out
    code, out, _ = compute(capsys, "--answers", EXAMPLE, "--easy-read")
    assert "Your budget is £301.20 each week." in out


def test_compute_json_has_exactly_the_spec_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = compute(capsys, "--answers", EXAMPLE, "--json")
    result = json.loads(out)
    assert code == 0
    assert list(result) == [
        "ruleset",
        "questionnaire",
        "sections",
        "point_adjustments",
        "total_points",
        "minimum_points_applied",
        "base_amount",
        "adjustments",
        "floor_applied",
        "ceiling_applied",
        "weekly",
        "annual",
        "sign_off_required",
        "flags",
        "explanation",
    ]
    assert result["weekly"] == "301.20" and result["ruleset"]["id"] == "demo-council-ras"
    assert all(set(e) == {"step", "text", "easy_read"} for e in result["explanation"])


def test_compute_refusals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "compute", "--ruleset", SIGNED, "--answers", EXAMPLE)
    assert code == 3 and "does not trust" in err  # the demo key is not trusted by default
    code, _, err = run(
        capsys,
        "compute",
        "--ruleset",
        DEMO / "demo.ruleset.json",
        "--trust",
        DEMO_KEY,
        "--answers",
        EXAMPLE,
    )
    assert code == 3 and "not signed" in err
    code, _, err = compute(capsys, "--answers", EXAMPLE, "--date", "2026-03-31")
    assert code == 2 and "starts on 2026-04-01" in err
    bad = tmp_path / "a.json"
    bad.write_text(
        json.dumps({"questionnaire": "person", "answers": {"washing": "never", "nope": 1}})
    )
    code, out, err = compute(capsys, "--answers", bad)
    assert code == 2 and out == ""
    assert (
        "$.answers.nope" in err
        and "$.answers.washing" in err
        and "$.answers.eating_drinking" in err
    )


def test_compute_jsonl_one_result_a_line_and_bad_lines_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = [
        json.loads((DEMO / "answers" / f"{n}.json").read_text())
        for n in ("person-example", "carer-example", "person-high-needs")
    ]
    lines = [json.dumps(d) for d in docs]
    lines.insert(1, '{"questionnaire": "person", "answers": {"washing": 3}}')
    lines.insert(3, "not json")
    batch = tmp_path / "many.jsonl"
    batch.write_text("\n".join(lines) + "\n")
    code, out, err = compute(capsys, "--answers", batch)
    rows: list[dict[str, Any]] = [json.loads(x) for x in out.splitlines()]
    assert code == 2 and len(rows) == 5
    assert [r.get("weekly") for r in rows] == ["301.20", None, "35.00", None, "620.40"]
    assert rows[1]["line"] == 2 and any("$.answers.washing" in p for p in rows[1]["problems"])
    assert rows[3]["line"] == 4 and "not valid JSON" in rows[3]["error"]
    assert f"{batch}:2" in err and "could not be used" in err
    single = json.loads(compute(capsys, "--answers", EXAMPLE, "--json")[1])
    assert rows[0] == single


def test_installed_script_runs_with_exit_codes(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "rasdesk"
    done = subprocess.run(
        [exe, "compute", "--ruleset", SIGNED, "--answers", EXAMPLE], capture_output=True, text=True
    )
    assert done.returncode == 3 and "Traceback" not in done.stderr
    done = subprocess.run(
        [exe, "compute", "--ruleset", SIGNED, "--trust", DEMO_KEY, "--answers", EXAMPLE, "--json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["weekly"] == "301.20"


def test_wrong_kind_of_key_is_named(
    keys: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "r.json"
    doc.write_bytes(to_bytes(minimal_doc()))
    code, _, err = run(capsys, "ruleset", "sign", doc, "--key", keys[1], "-o", tmp_path / "o.json")
    assert code == 2 and "is a public key" in err
    code, _, err = run(capsys, "trust", "add", keys[0])
    assert code == 2 and "is a private key: never share it" in err
    code, _, err = run(capsys, "trust", "add", doc)
    assert code == 2 and "not a PEM public key" in err and "http" not in err


def test_the_cli_loads_heavy_libraries_only_for_the_commands_that_need_them() -> None:
    """`rasdesk compute` runs thousands of times in scripts: starting the command must not
    load the case store (SQLCipher), printing (reportlab) or workbooks (openpyxl)."""
    code = (
        "import sys, rasdesk.cli as c; c.build_parser(); "
        "print(sorted(m for m in ('reportlab', 'sqlcipher3', 'openpyxl', 'sqlite_utils') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
