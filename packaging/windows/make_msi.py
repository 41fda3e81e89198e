"""Build rasdesk's MSI from a one-folder bundle, on Linux, with msitools (wixl, msibuild).

Council IT deploys software as MSI packages (Group Policy software installation, Intune
line-of-business apps, SCCM). This script writes a WiX source listing every file of the
bundle folder (``dist/rasdesk`` from ``packaging/build-windows.ps1``), compiles it with
``wixl``, then adds the one table ``wixl`` cannot write (``MsiLockPermissionsEx``: the
administrator policy folder writable only by Administrators and SYSTEM) with ``msibuild``.

What the MSI does (``docs/packaging.md`` has the switches for Group Policy and Intune):
- per-machine install into ``Program Files\\rasdesk`` (administrator rights);
- a fixed UpgradeCode and a major upgrade: a newer version replaces an older one, an older
  one refuses to install over a newer one;
- a Start-menu shortcut to the windowed program;
- ``C:\\ProgramData\\rasdesk`` (the administrator policy folder) created with inheritance cut
  off: Administrators and SYSTEM full control, Users read only (SIDs, so it works in any
  language of Windows); it is kept on uninstall, being IT's, not the app's.

Component GUIDs are derived from each file's path in the bundle (uuid5), so the same file
keeps its component across versions, as Windows Installer's component rules require.

    python3 packaging/windows/make_msi.py BUNDLE_DIR --version 0.1.0 -o dist/rasdesk-0.1.0.msi
        [--app-exe rasdesk-app.exe] [--wxs-only] [--sign-pkcs12 CERT.pfx --sign-password-file F]

With --sign-pkcs12 the MSI is Authenticode-signed with osslsigncode (no time-stamp: the
build machine is offline; add one with `osslsigncode add -t URL` where the network allows).

Exit codes: 0 ok, 2 bad input (no such bundle, no app program, a bad version), 1 a tool
failed (its output is shown).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr

# Never change: Windows recognises rasdesk's installs across versions by this code.
UPGRADE_CODE = "5B0D6E43-2F1C-4A8E-9D7B-3C6A1E0F9B24"
MANUFACTURER = "rasdesk developers"
_NAMESPACE = uuid.UUID("0c5f7a5e-8d64-4f1a-b6a9-2a4b8e5f1d37")
# Protected (no inheritance), for this folder and all below it: BUILTIN\Administrators and
# SYSTEM full control, BUILTIN\Users read and execute.
POLICY_SDDL = "D:PAI(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)"


def _id(prefix: str, rel: str) -> str:
    """A valid, stable MSI identifier (≤ 72 characters) for a path in the bundle."""
    return f"{prefix}_{hashlib.sha256(rel.encode('utf-8')).hexdigest()[:32]}"


def _guid(rel: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, rel)).upper()


def _tree(bundle: Path) -> tuple[dict[str, list[Path]], list[str]]:
    """Files by their folder (relative, '' for the top), and every folder, parents first."""
    files: dict[str, list[Path]] = {}
    folders = [""]
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink():
            continue  # an MSI holds files; PyInstaller's Windows bundles have no links
        rel = path.relative_to(bundle).as_posix()
        if path.is_dir():
            folders.append(rel)
        elif path.is_file():
            parent = "" if path.parent == bundle else path.parent.relative_to(bundle).as_posix()
            files.setdefault(parent, []).append(path)
    return files, folders


def wxs(bundle: Path, version: str, app_exe: str) -> tuple[str, int]:
    """The WiX source for ``bundle``, and how many files it installs."""
    files, folders = _tree(bundle)
    children: dict[str, list[str]] = {}
    for rel in folders[1:]:
        parent = rel.rpartition("/")[0]
        children.setdefault(parent, []).append(rel)
    refs: list[str] = []
    count = 0

    def folder_xml(rel: str, indent: str) -> list[str]:
        nonlocal count
        out: list[str] = []
        for path in files.get(rel, []):
            frel = path.relative_to(bundle).as_posix()
            cid = _id("c", frel)
            refs.append(cid)
            count += 1
            out.append(
                f'{indent}<Component Id="{cid}" Guid="{_guid(frel)}" Win64="yes">'
                f'<File Id="{_id("f", frel)}" Name={quoteattr(path.name)} '
                f'Source={quoteattr(frel)} KeyPath="yes"/></Component>'
            )
        for sub in children.get(rel, []):
            name = sub.rpartition("/")[2]
            out.append(f'{indent}<Directory Id="{_id("d", sub)}" Name={quoteattr(name)}>')
            out.extend(folder_xml(sub, indent + "  "))
            out.append(f"{indent}</Directory>")
        return out

    body = folder_xml("", "          ")
    refs_xml = "\n".join(f'      <ComponentRef Id="{r}"/>' for r in refs)
    text = f"""<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="rasdesk" Language="1033" Version="{version}"
           Manufacturer="{MANUFACTURER}" UpgradeCode="{UPGRADE_CODE}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"
             Description="rasdesk {version}: offline personal budget assessments"/>
    <MajorUpgrade DowngradeErrorMessage="A newer version of rasdesk is already installed."/>
    <Media Id="1" Cabinet="rasdesk.cab" EmbedCab="yes"/>
    <Property Id="ARPNOMODIFY" Value="1"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="rasdesk">
{chr(10).join(body)}
        </Directory>
      </Directory>
      <Directory Id="CommonAppDataFolder">
        <Directory Id="POLICYDIR" Name="rasdesk">
          <Component Id="PolicyFolder" Guid="{_guid("<policy folder>")}" Win64="yes">
            <CreateFolder/>
          </Component>
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder">
        <Component Id="StartMenu" Guid="{_guid("<start menu>")}" Win64="yes">
          <Shortcut Id="AppShortcut" Name="rasdesk" Description="Personal budget assessments"
                    Target="[INSTALLDIR]{app_exe}" WorkingDirectory="INSTALLDIR"/>
          <RegistryValue Root="HKLM" Key="Software\\rasdesk" Name="StartMenuShortcut"
                         Type="integer" Value="1" KeyPath="yes"/>
        </Component>
      </Directory>
    </Directory>
    <Feature Id="Main" Title="rasdesk" Level="1">
      <ComponentRef Id="PolicyFolder"/>
      <ComponentRef Id="StartMenu"/>
{refs_xml}
    </Feature>
  </Product>
</Wix>
"""
    return text, count


def _lock_table() -> str:
    return (
        "MsiLockPermissionsEx\tLockObject\tTable\tSDDLText\tCondition\n"
        "s72\ts72\ts32\ts0\tS255\n"
        "MsiLockPermissionsEx\tMsiLockPermissionsEx\n"
        f"PolicyFolderLock\tPOLICYDIR\tCreateFolder\t{POLICY_SDDL}\t\n"
    )


def _run(cmd: list[str], cwd: Path | None = None) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=cwd)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"make_msi: {cmd[0]} failed (exit code {done.returncode}, output above)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/rasdesk)")
    parser.add_argument("--version", required=True, help="the product version, like 0.1.0")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .msi to write")
    parser.add_argument("--app-exe", default="rasdesk-app.exe", help="the Start-menu target")
    parser.add_argument("--wxs-only", action="store_true", help="write the WiX source only")
    parser.add_argument("--sign-pkcs12", type=Path, help="Authenticode-sign with this .pfx/.p12")
    parser.add_argument("--sign-password-file", type=Path, help="the .pfx password, in a file")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"make_msi: {args.bundle}: no such bundle folder", file=sys.stderr)
        return 2
    if not (args.bundle / args.app_exe).is_file():
        print(f"make_msi: {args.bundle}: has no {args.app_exe} for the Start menu", file=sys.stderr)
        return 2
    if not re.fullmatch(r"\d{1,3}\.\d{1,3}\.\d{1,5}", args.version):
        print(
            f"make_msi: --version {args.version!r}: an MSI version is like 0.1.0", file=sys.stderr
        )
        return 2
    awkward = [p for p in args.bundle.rglob("*") if not p.name.isascii()]
    if awkward:
        # The MSI's tables are in code page 1252 (Welsh ŵ, ŷ are not in it), and wixl 0.101
        # crashes on some such names: the bundle's file names are ASCII, and must stay so.
        print(
            f"make_msi: {awkward[0]}: rename it (an MSI file name must be plain ASCII)",
            file=sys.stderr,
        )
        return 2
    text, count = wxs(args.bundle.resolve(), args.version, args.app_exe)
    if args.wxs_only:
        args.output.write_text(text, "utf-8")
        return 0
    if args.sign_pkcs12 is not None and not args.sign_pkcs12.is_file():
        print(f"make_msi: --sign-pkcs12 {args.sign_pkcs12}: no such file", file=sys.stderr)
        return 2
    tools = ["wixl", "msibuild"] + (["osslsigncode"] if args.sign_pkcs12 else [])
    for tool in tools:
        if shutil.which(tool) is None:
            print(
                f"make_msi: {tool} is missing: apt-get install wixl msitools osslsigncode",
                file=sys.stderr,
            )
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rasdesk.wxs"
        source.write_text(text, "utf-8")
        msi = Path(tmp) / "rasdesk.msi"
        # File sources are relative to the bundle (wixl refuses absolute ones).
        _run(["wixl", "--arch", "x64", "-o", str(msi), str(source)], cwd=args.bundle)
        table = Path(tmp) / "MsiLockPermissionsEx.idt"
        table.write_text(_lock_table(), "utf-8")
        _run(["msibuild", str(msi), "-i", str(table)])
        # wixl has no Permanent attribute: keep the policy folder on uninstall (IT's files).
        permanent = "UPDATE `Component` SET `Attributes` = 272 WHERE `Component` = 'PolicyFolder'"
        _run(["msibuild", str(msi), "-q", permanent])
        if args.sign_pkcs12 is not None:
            signed = Path(tmp) / "signed.msi"
            sign = ["osslsigncode", "sign", "-pkcs12", str(args.sign_pkcs12), "-n", "rasdesk"]
            if args.sign_password_file is not None:
                sign += ["-readpass", str(args.sign_password_file)]
            _run([*sign, "-in", str(msi), "-out", str(signed)])
            msi = signed
        args.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(msi), args.output)
    size = args.output.stat().st_size / 1e6
    print(f"make_msi: {args.output}: {count} files, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
