"""The MSI (packaging/windows/make_msi.py): built with wixl, read back with msiinfo.

A small bundle folder stands in for ``dist/rasdesk``: the MSI is made from whatever file
list the folder has, so the tables checked here are the ones the real bundle gets (CI also
builds one from the real Linux bundle in packaging/smoke-test.sh).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE_MSI = ROOT / "packaging" / "windows" / "make_msi.py"


def make(
    bundle: Path, out: Path, *extra: str, version: str = "0.1.0"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAKE_MSI), str(bundle), "--version", version, "-o", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def table(msi: Path, name: str) -> list[list[str]]:
    """The rows of one table (msiinfo export: names, types, key line, then the rows)."""
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("\t") for line in text.splitlines()[3:] if line]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "rasdesk"
    (folder / "_internal" / "rasdesk" / "resources").mkdir(parents=True)
    (folder / "rasdesk.exe").write_bytes(b"MZ console")
    (folder / "rasdesk-app.exe").write_bytes(b"MZ windowed")
    (folder / "_internal" / "python311.dll").write_bytes(b"x" * 1000)
    (folder / "_internal" / "rasdesk" / "resources" / "Read me.txt").write_text("a b", "utf-8")
    return folder


def test_msi_tables_files_shortcut_upgrade_and_policy_folder(bundle: Path, tmp_path: Path) -> None:
    msi = tmp_path / "rasdesk-0.1.0.msi"
    done = make(bundle, msi)
    assert done.returncode == 0, done.stderr
    assert "4 files" in done.stdout

    tables = subprocess.run(
        ["msiinfo", "tables", str(msi)], capture_output=True, text=True, check=True
    ).stdout.split()
    for name in (
        "File",
        "Component",
        "Directory",
        "Shortcut",
        "Upgrade",
        "MsiLockPermissionsEx",
        "Property",
    ):
        assert name in tables

    files = {row[2]: row for row in table(msi, "File")}
    assert set(files) == {"rasdesk.exe", "rasdesk-app.exe", "python311.dll", "Read me.txt"}
    assert files["python311.dll"][3] == "1000"  # the size, read from the bundle

    props = dict((row[0], row[1]) for row in table(msi, "Property"))
    assert props["ALLUSERS"] == "1"  # per-machine
    assert props["ProductVersion"] == "0.1.0"
    upgrade_code = props["UpgradeCode"]
    assert upgrade_code == "{5B0D6E43-2F1C-4A8E-9D7B-3C6A1E0F9B24}"
    upgrades = table(msi, "Upgrade")
    assert {row[0] for row in upgrades} == {upgrade_code}
    assert any(row[-1] == "WIX_UPGRADE_DETECTED" for row in upgrades)  # older versions removed
    assert any(row[-1] == "WIX_DOWNGRADE_DETECTED" for row in upgrades)  # newer never replaced
    sequence = {row[0] for row in table(msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts"} <= sequence

    (shortcut,) = table(msi, "Shortcut")
    assert shortcut[1] == "ProgramMenuFolder" and shortcut[2] == "rasdesk"
    assert shortcut[4] == "[INSTALLDIR]rasdesk-app.exe"

    dirs = {row[0]: row for row in table(msi, "Directory")}
    assert dirs["INSTALLDIR"][1:] == ["ProgramFiles64Folder", "rasdesk"]
    assert dirs["POLICYDIR"][1:] == ["CommonAppDataFolder", "rasdesk"]
    (lock,) = table(msi, "MsiLockPermissionsEx")
    assert lock[1:3] == ["POLICYDIR", "CreateFolder"]
    # Protected ACL: Administrators and SYSTEM full control, Users read/execute, no one else.
    assert lock[3] == "D:PAI(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)"
    components = {row[0]: row for row in table(msi, "Component")}
    assert int(components["PolicyFolder"][3]) & 16  # permanent: IT's folder stays on uninstall


def test_a_newer_version_keeps_upgrade_code_and_component_ids(bundle: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old.msi", tmp_path / "new.msi"
    assert make(bundle, old, version="0.1.0").returncode == 0
    assert make(bundle, new, version="0.2.0").returncode == 0
    props_old = dict((r[0], r[1]) for r in table(old, "Property"))
    props_new = dict((r[0], r[1]) for r in table(new, "Property"))
    assert props_old["UpgradeCode"] == props_new["UpgradeCode"]
    assert props_old["ProductCode"] != props_new["ProductCode"]
    ids_old = {r[0]: r[1] for r in table(old, "Component")}
    ids_new = {r[0]: r[1] for r in table(new, "Component")}
    assert ids_old == ids_new  # the same file keeps its component GUID across versions


def test_signed_msi_verifies(bundle: Path, tmp_path: Path) -> None:
    key, cert, pfx, pw = (tmp_path / n for n in ("k.pem", "c.pem", "c.pfx", "pw"))
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=rasdesk test signing",
         "-addext", "extendedKeyUsage=codeSigning"],
        check=True, capture_output=True,
    )  # fmt: skip
    pw.write_text("not-a-real-secret\n")
    subprocess.run(
        ["openssl", "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(pfx),
         "-passout", f"file:{pw}"],
        check=True, capture_output=True,
    )  # fmt: skip
    msi = tmp_path / "signed.msi"
    done = make(bundle, msi, "--sign-pkcs12", str(pfx), "--sign-password-file", str(pw))
    assert done.returncode == 0, done.stderr
    verify = subprocess.run(
        ["osslsigncode", "verify", "-in", str(msi), "-CAfile", str(cert)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "Signature verification: ok" in verify.stdout, verify.stdout + verify.stderr
    unsigned = tmp_path / "unsigned.msi"
    assert make(bundle, unsigned).returncode == 0
    assert (
        subprocess.run(
            ["osslsigncode", "verify", "-in", str(unsigned)], capture_output=True, check=False
        ).returncode
        != 0
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--version", "one"], "an MSI version is like 0.1.0"),
        (["--app-exe", "nope.exe"], "has no nope.exe"),
        (["--sign-pkcs12", "/nonexistent.pfx"], "no such file"),
        (["--name-with", "ŵyn.txt"], "must be plain ASCII"),
    ],
)
def test_bad_input_exits_2_with_words(
    bundle: Path, tmp_path: Path, args: list[str], says: str
) -> None:
    if args[0] == "--name-with":
        (bundle / args[1]).write_text("x")
        args = []
    cmd = [
        sys.executable,
        str(MAKE_MSI),
        str(bundle),
        "--version",
        "0.1.0",
        "-o",
        str(tmp_path / "x.msi"),
    ]
    done = subprocess.run(cmd + args, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.msi").exists()
