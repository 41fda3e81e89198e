#!/usr/bin/env bash
# Set up a Debian 12 / Ubuntu machine to develop and test rasdesk. Safe to run again:
# each step is skipped when it is already done, so a second run takes a second or two.
#
#   1. installs the Debian packages in APT_PACKAGES that are missing (as root, or with sudo);
#   2. .venv      — the whole app for development: pip install -e '.[app,dev,server]' (with
#                   PySide6 and the council server's starlette, uvicorn, psycopg);
#   3. .venv-core — the core only: pip install -e '.[dev]' (no Qt), to prove that
#                   tests/domain pass without PySide6 installed;
#   4. compiles translations/*.ts into src/rasdesk/translations/*.qm (scripts/build-translations.sh).
#
# Environment:
#   PYTHON=python3.12   make the venvs with this interpreter (default: python3 on PATH; >= 3.11)
#   RASDESK_SKIP_APT=1  skip step 1 (a machine where you cannot use sudo and have the packages)
#
# A venv is reinstalled only when pyproject.toml changed since its last install, when it
# was made by a Python that is gone or too old, or when something it needs is missing.
set -euo pipefail

# Debian packages (Debian 12 names; all checked with `apt-cache policy` on Debian 12).
APT_PACKAGES=(
    # base: the interpreter and venv, TLS tools, make, git
    python3 python3-venv python3-pip openssl make git
    # Qt offscreen (QT_QPA_PLATFORM=offscreen): what PySide6's wheels load but do not ship
    libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
    # Qt under Xvfb (the xcb platform): a real window on a virtual screen, for screenshots
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxkbcommon-x11-0 xvfb xauth
    # printed letters: pdftoppm / pdftotext to look at and test the PDFs
    poppler-utils
    fonts-dejavu-core
    # the sync tests start a throwaway PostgreSQL 15 cluster (initdb, pg_ctl) for rasdesk-server
    postgresql-15
    # objdump, readelf, strings: inspecting the packaged app (PyInstaller needs objdump too)
    binutils
    # validating the Linux desktop entry and AppStream metainfo (tests/packaging)
    desktop-file-utils appstream
    # accessibility stage (scripts/stage-a11y.sh): the AT-SPI bus, Debian's pyatspi to read
    # the tree, Orca (its speech logged), a D-Bus session, a window manager, keys, screenshots
    at-spi2-core python3-pyatspi gir1.2-atspi-2.0 orca dbus-x11 openbox xdotool imagemagick
    # the MSI for council IT (packaging/windows/make_msi.py): wixl, msiinfo/msibuild, signing
    wixl msitools osslsigncode
    # letters read aloud (espeak-ng, English and Welsh voices), measured in tests (sox), and
    # in braille (liblouis-bin: lou_translate with UEB and Welsh grade 2 tables)
    espeak-ng sox liblouis-bin
    # the real-window stage (scripts/stage-real-window.sh): a window manager, keys and mouse,
    # screen grabs and window geometry, and a real password store on a session bus
    openbox xdotool imagemagick x11-utils gnome-keyring dbus-x11
)

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
PYTHON=${PYTHON:-python3}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

say() { printf 'setup: %s\n' "$*"; }
die() {
    printf 'setup: ERROR: %s\n' "$*" >&2
    exit 1
}

# ---- 1. Debian packages -------------------------------------------------------------------
installed() {
    # `dpkg -s` also succeeds for a removed package whose config files remain: read the Status.
    dpkg -s "$1" 2>/dev/null | grep -qx 'Status: install ok installed' && return 0
    # Ubuntu 24.04 renamed some libraries for 64-bit time (libglib2.0-0 -> libglib2.0-0t64).
    dpkg -s "${1}t64" 2>/dev/null | grep -qx 'Status: install ok installed'
}

apt_packages() {
    if [[ -n ${RASDESK_SKIP_APT:-} ]]; then
        say "Debian packages: skipped (RASDESK_SKIP_APT is set)"
        return
    fi
    command -v dpkg >/dev/null || die "dpkg not found: this script is for Debian 12 or Ubuntu"
    local missing=() p
    for p in "${APT_PACKAGES[@]}"; do
        installed "$p" || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        say "Debian packages: all ${#APT_PACKAGES[@]} already installed"
        return
    fi
    local sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
        sudo=(sudo)
    fi
    say "Debian packages: installing ${missing[*]}"
    local log
    log=$(mktemp)
    if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        rm -f "$log"
        die "apt-get failed (output above)"
    fi
    rm -f "$log"
}

# ---- 2, 3. the venvs ----------------------------------------------------------------------
check_python() {
    command -v "$PYTHON" >/dev/null ||
        die "no '$PYTHON' on PATH. Install Python 3.11 or newer, or run: PYTHON=/path/to/python3.11 $0"
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        die "rasdesk needs Python 3.11 or newer, but '$PYTHON' is $("$PYTHON" -V 2>&1). Install one (on Ubuntu 22.04: python3.11 python3.11-venv) and run: PYTHON=python3.11 $0"
    fi
    "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null ||
        die "'$PYTHON' cannot make venvs (no ensurepip): install python3-venv (or python3.X-venv)"
}

# What a venv's last install was made from; a change means "install again".
stamp_of() {
    printf 'extras=%s\nroot=%s\npython=%s\npyproject=%s\n' "$1" "$ROOT" \
        "$("$2" -c 'import sys; print(sys.version.split()[0])')" \
        "$(sha256sum pyproject.toml | cut -d' ' -f1)"
}

# Does the venv still have what the last install put there (nobody uninstalled anything)?
healthy() {
    local dir=$1 extras=$2
    [[ -x $dir/bin/ruff && -x $dir/bin/rasdesk && -x $dir/bin/lint-imports ]] || return 1
    local probe='import importlib.util as u, sys, rasdesk
ok = rasdesk.__file__.startswith(sys.argv[1])
for m in sys.argv[2:]:
    ok = ok and u.find_spec(m) is not None
sys.exit(not ok)'
    local mods=(pytest hypothesis mypy importlinter cryptography platformdirs keyring)
    [[ $extras == *app* ]] && mods+=(PySide6)
    [[ $extras == *server* ]] && mods+=(starlette uvicorn psycopg schemathesis)
    "$dir/bin/python" -c "$probe" "$ROOT/src/" "${mods[@]}" 2>/dev/null
}

make_venv() {
    local dir=$1 extras=$2 py=$1/bin/python
    if [[ -e $dir ]] && ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        say "$dir: made by a Python that is gone or older than 3.11: making it again"
        rm -rf -- "$dir"
    fi
    if [[ $extras != *app* ]] && "$py" -c 'import PySide6' 2>/dev/null; then
        say "$dir: must not have PySide6 but does: making it again"
        rm -rf -- "$dir"
    fi
    if [[ ! -e $dir ]]; then
        say "$dir: making it with $(command -v "$PYTHON") ($("$PYTHON" -V 2>&1))"
        "$PYTHON" -m venv "$dir"
    fi
    local want
    want=$(stamp_of "$extras" "$py")
    if [[ -f $dir/.rasdesk-setup && $(<"$dir/.rasdesk-setup") == "$want" ]] && healthy "$dir" "$extras"; then
        say "$dir: up to date (.[$extras]; nothing to install)"
        return
    fi
    say "$dir: upgrading pip, then pip install -e '.[$extras]' (log: $dir/setup-pip.log)"
    # pip's output (build warnings included) goes to the log; it is shown if pip fails.
    if ! { "$py" -m pip install -q --upgrade pip && "$py" -m pip install -q -e ".[$extras]"; } \
        >"$dir/setup-pip.log" 2>&1; then
        tail -n 40 "$dir/setup-pip.log" >&2
        die "pip install failed in $dir (the end of $dir/setup-pip.log is above)"
    fi
    printf '%s\n' "$want" >"$dir/.rasdesk-setup"
    say "$dir: installed ($("$py" -m pip list --format=freeze 2>/dev/null | wc -l) packages)"
}

start=$SECONDS
apt_packages
check_python
make_venv .venv app,dev,server
make_venv .venv-core dev
# The compiled Welsh (and any other) translations for the source tree: always rebuilt,
# since the .ts sources change without pyproject.toml changing (well under a second).
# (A failure must stop set-up: `say "$(…)"` alone would hide it.)
compiled=$(bash scripts/build-translations.sh 2>&1) || die "compiling the translations failed: $compiled"
say "translations: ${compiled##*$'\n'}"
say "done in $((SECONDS - start)) s. Next: make test (every check), make demo (the demo budget)"
