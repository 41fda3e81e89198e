#!/usr/bin/env bash
# Vendor the Atkinson Hyperlegible Next fonts into resources/fonts/ from the npm registry.
#
# Atkinson Hyperlegible Next (SIL Open Font License 1.1, Copyright 2020-2024 The Atkinson
# Hyperlegible Next Project Authors) is not on PyPI or in Debian; its static TTFs ship in the
# npm package @expo-google-fonts/atkinson-hyperlegible-next. This script runs `npm pack` in a
# temporary folder, unpacks the tarball, copies the Regular and Bold TTFs (rasdesk uses no
# italics) and the package's font licence
# (LICENSE_FONT, the full OFL 1.1 text with the copyright line) into resources/fonts/, and
# prints the sha256 of every file so that the result can be compared with the commit.
#
# It needs npm and the npm registry. It is run by hand, when the fonts are to be updated;
# never in CI (the fonts are committed).
#
#   scripts/vendor-fonts.sh            # the version below
#   FONT_VERSION=0.4.2 scripts/vendor-fonts.sh
#
# After a version change, update resources/fonts/README.md (version, sizes, sha256).
set -euo pipefail

PACKAGE=@expo-google-fonts/atkinson-hyperlegible-next
FONT_VERSION=${FONT_VERSION:-0.4.1}

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DEST=$(pwd -P)/resources/fonts

command -v npm >/dev/null || {
    echo "vendor-fonts: npm not found (apt-get install npm)" >&2
    exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT

echo "vendor-fonts: npm pack $PACKAGE@$FONT_VERSION"
(cd "$tmp" && npm pack --silent "$PACKAGE@$FONT_VERSION" >/dev/null)
tgz=$(find "$tmp" -maxdepth 1 -name '*.tgz' | head -n 1)
[[ -n $tgz ]] || {
    echo "vendor-fonts: npm pack made no tarball" >&2
    exit 1
}
echo "vendor-fonts: $(basename "$tgz") sha256 $(sha256sum "$tgz" | cut -d' ' -f1)"
tar -xzf "$tgz" -C "$tmp"
pkg=$tmp/package

mkdir -p "$DEST"
# npm file name -> our file name
copy() {
    local src=$pkg/$1
    [[ -f $src ]] || {
        echo "vendor-fonts: $1 is not in the package" >&2
        exit 1
    }
    cp -- "$src" "$DEST/$2"
    chmod 0644 "$DEST/$2"
}
copy 400Regular/AtkinsonHyperlegibleNext_400Regular.ttf AtkinsonHyperlegibleNext-Regular.ttf
copy 700Bold/AtkinsonHyperlegibleNext_700Bold.ttf AtkinsonHyperlegibleNext-Bold.ttf
# The package's LICENSE is MIT and covers Expo's JavaScript only; LICENSE_FONT is the OFL.
copy LICENSE_FONT OFL.txt

echo "vendor-fonts: copied into $DEST:"
(cd "$DEST" && for f in AtkinsonHyperlegibleNext-{Regular,Bold}.ttf OFL.txt; do
    printf '  %-36s %8s bytes  sha256 %s\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
done)
