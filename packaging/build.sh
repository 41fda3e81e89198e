#!/usr/bin/env bash
# Build the Linux one-folder bundle of rasdesk with PyInstaller (packaging/rasdesk.spec):
#
#   dist/rasdesk/rasdesk                 the app (no arguments) and the command (subcommands)
#   dist/rasdesk/_internal/rasdesk/...   resources and compiled translations
#   dist/rasdesk/share/...               .desktop entry, AppStream metainfo and icon
#
# and, with --archive, dist/rasdesk-VERSION-linux-ARCH.tar.gz of that folder. It prints the
# bundle's size and the build time. Needs the .venv from scripts/setup.sh (PyInstaller is
# in the dev extra) and objdump (binutils).
#
#   packaging/build.sh [--archive]
#
# Environment: PYTHON (default .venv/bin/python), RASDESK_DIST (default dist),
# RASDESK_WORK (PyInstaller's work folder, default build/pyinstaller).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
python=${PYTHON:-$ROOT/.venv/bin/python}
dist=${RASDESK_DIST:-$ROOT/dist}
work=${RASDESK_WORK:-$ROOT/build/pyinstaller}
archive=0
case ${1:-} in
"") ;;
--archive) archive=1 ;;
*)
    echo "usage: $0 [--archive]" >&2
    exit 2
    ;;
esac

if ! "$python" -c 'import PyInstaller, PySide6' 2>/dev/null; then
    echo "build.sh: $python has no PyInstaller or PySide6: run 'make setup' first" >&2
    exit 1
fi
command -v objdump >/dev/null || {
    echo "build.sh: objdump is missing: apt-get install binutils" >&2
    exit 1
}

start=$(date +%s)
# src/ first on the path: the bundle is made from this tree, whatever the venv has installed
# (the spec checks). --clean: nothing reused from an earlier build's cache.
PYTHONPATH="$ROOT/src" RASDESK_QM_DIR="$work/translations" \
    "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" packaging/rasdesk.spec

bundle=$dist/rasdesk
share=$bundle/share
install -D -m 0644 packaging/linux/uk.rasdesk.Rasdesk.desktop "$share/applications/uk.rasdesk.Rasdesk.desktop"
install -D -m 0644 packaging/linux/uk.rasdesk.Rasdesk.metainfo.xml "$share/metainfo/uk.rasdesk.Rasdesk.metainfo.xml"
install -D -m 0644 packaging/linux/uk.rasdesk.Rasdesk.svg "$share/icons/hicolor/scalable/apps/uk.rasdesk.Rasdesk.svg"
install -D -m 0644 packaging/linux/README.txt "$bundle/README.txt"
seconds=$(($(date +%s) - start))

version=$("$bundle/rasdesk" --version | awk '{print $2}')
size_mb=$(du -sm "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "build.sh: built $bundle (rasdesk $version) in ${seconds} s: ${size_mb} MB in $files files"
if ((archive)); then
    tarball=$dist/rasdesk-$version-linux-$(uname -m).tar.gz
    tar -C "$dist" -czf "$tarball" rasdesk
    echo "build.sh: archive $tarball: $(du -sm "$tarball" | cut -f1) MB"
fi
