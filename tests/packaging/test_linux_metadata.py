"""The Linux desktop entry and AppStream metainfo are valid (checked by the freedesktop and
AppStream validators themselves, which scripts/setup.sh installs) and agree with the app:
the same application id the app gives Qt, the icon they name, and the version."""

from __future__ import annotations

import configparser
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import rasdesk

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "uk.rasdesk.Rasdesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def validate(*argv: str | Path) -> str:
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{argv[0]} found problems:\n{done.stdout}{done.stderr}"
    return done.stdout + done.stderr


def test_the_desktop_entry_is_valid() -> None:
    output = validate("desktop-file-validate", DESKTOP)
    assert "error" not in output.lower()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keep keys case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Exec"] == "rasdesk" and group["Terminal"] == "false"  # no arguments: the app
    assert group["Icon"] == APP_ID and (LINUX / f"{APP_ID}.svg").is_file()
    assert "GenericName[cy]" in group and "Comment[cy]" in group


def test_the_metainfo_is_valid_and_matches_the_app() -> None:
    validate("appstreamcli", "validate", "--no-net", METAINFO)
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "rasdesk"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == rasdesk.__version__, "add a <release> for the new version"


def test_the_app_tells_qt_the_same_application_id() -> None:
    # Desktops match the running window to its .desktop file by this id (Wayland app_id).
    app_py = (ROOT / "src" / "rasdesk" / "ui" / "app.py").read_text("utf-8")
    assert re.search(rf'setDesktopFileName\("{re.escape(APP_ID)}"\)', app_py)


def test_the_icon_is_an_svg_drawing() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox") == "0 0 128 128"
