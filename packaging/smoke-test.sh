#!/usr/bin/env bash
# Build the Linux bundle from a clean copy of this checkout and check that it works on its
# own: what CI runs (scripts/test.sh, stage "the Linux bundle").
#
#   1. copies the checkout's files (tracked, plus new files not yet committed; never build
#      output, .qm files or venvs: whatever .gitignore ignores) into a temporary folder;
#   2. builds the bundle there with packaging/build.sh, then deletes the copy, so nothing
#      can be found in a source tree;
#   3. runs the bundled program with an empty PATH-free environment and a throwaway
#      RASDESK_HOME: `rasdesk --version`; `rasdesk compute` on the demo answers with the
#      demo ruleset, both taken from the bundle (the budget must be £301.20 a week);
#      `rasdesk policy check` on a policy naming the bundled demo key; and
#      `rasdesk demo --self-test`: the real app offscreen, its case list, pictures, fonts,
#      Welsh translation, and a Welsh phrase spoken by the bundled espeak-ng library;
#   4. builds the MSI from the bundle's file list (packaging/windows/make_msi.py) and checks
#      that every file of the bundle is in it;
#   5. prints the bundle's size and the build time.
#
#   packaging/smoke-test.sh [--keep DIR]   (--keep: build in DIR and leave the bundle there)
#
# Needs .venv (make setup). PYTHON overrides the Python that runs PyInstaller.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
python=${PYTHON:-$ROOT/.venv/bin/python}
keep=
case ${1:-} in
"") ;;
--keep)
    keep=${2:?--keep needs a folder}
    ;;
*)
    echo "usage: $0 [--keep DIR]" >&2
    exit 2
    ;;
esac

if [[ -n $keep ]]; then
    mkdir -p "$keep"
    tmp=$(cd "$keep" && pwd -P)
else
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/rasdesk-bundle.XXXXXX")
    trap 'rm -rf -- "$tmp"' EXIT
fi
say() { printf 'smoke-test: %s\n' "$*"; }
fail() {
    printf 'smoke-test: FAILED: %s\n' "$*" >&2
    exit 1
}

# ---- 1. a clean copy ------------------------------------------------------------------
rm -rf -- "$tmp/src" "$tmp/dist" "$tmp/work" "$tmp/home"
mkdir -p "$tmp/src" "$tmp/home"
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
        (cd "$ROOT" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
        tar -C "$ROOT" --null -T - -cf - | tar -C "$tmp/src" -xf -
else
    fail "$ROOT is not a git checkout: cannot tell source files from build output"
fi
[[ ! -e $tmp/src/src/rasdesk/translations ]] || fail "the clean copy has compiled translations"
say "clean copy: $(find "$tmp/src" -type f | wc -l) files"

# ---- 2. build, then remove the source ---------------------------------------------------
PYTHON=$python RASDESK_DIST="$tmp/dist" RASDESK_WORK="$tmp/work" \
    bash "$tmp/src/packaging/build.sh" | tee "$tmp/build.log"
rm -rf -- "$tmp/src" "$tmp/work"
bundle=$tmp/dist/rasdesk
exe=$bundle/rasdesk
demo=$bundle/_internal/rasdesk/resources/demo
[[ -x $exe ]] || fail "no $exe"

# ---- 3. run it as a user would: no venv, no source tree, an empty profile ---------------
run() {
    (cd "$tmp/home" && env -i HOME="$tmp/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        RASDESK_HOME="$tmp/home/profile" QT_QPA_PLATFORM=offscreen "$@")
}

want_version="rasdesk $(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml")"
got=$(run "$exe" --version)
[[ $got == "$want_version" ]] || fail "--version said '$got', expected '$want_version'"
say "--version: $got"

out=$(run "$exe" compute --ruleset "$demo/demo.ruleset.signed.json" \
    --trust "$demo/DEMO-public-key.pem" --answers "$demo/answers/person-example.json" \
    --date 2026-11-23 --json)
weekly=$(printf '%s' "$out" | grep -o '"weekly": *"[0-9.]*"' | grep -o '[0-9.]*"$' | tr -d '"')
[[ $weekly == 301.20 ]] || fail "compute gave a weekly budget of '$weekly', expected 301.20"
text=$(run "$exe" compute --ruleset "$demo/demo.ruleset.signed.json" \
    --trust "$demo/DEMO-public-key.pem" --answers "$demo/answers/person-example.json" \
    --date 2026-11-23 --language cy)
[[ $text == *"Cyllideb ddangosol: £301.20 yr wythnos"* ]] || fail "compute --language cy: $text"
say "compute on the demo answers: £$weekly a week (and in Welsh)"

cp "$demo/DEMO-public-key.pem" "$tmp/home/ras.pem"
printf '{"inactivity_lock_minutes": 10, "trusted_keys": [{"name": "RAS", "file": "ras.pem"}]}\n' \
    >"$tmp/home/policy.json"
run "$exe" policy check "$tmp/home/policy.json" >/dev/null || fail "policy check of a good policy"
printf '{"inactivity_lock_minutes": 0}\n' >"$tmp/home/bad.json"
if err=$(run "$exe" policy check "$tmp/home/bad.json" 2>&1); then fail "a bad policy passed"; fi
[[ $err == *"bad.json: \$.inactivity_lock_minutes: expected 1 to 240 minutes, found 0"* ]] ||
    fail "policy check said: $err"
say "policy check: a good policy passes, a bad one is named by file and field"

report=$(run "$exe" demo --self-test) || fail "demo --self-test: $report"
say "demo --self-test: $report"
# Welsh spoken by the espeak-ng library and voices inside the bundle (what a Windows laptop,
# with no espeak-ng program, reads aloud with).
[[ $report =~ \"welsh_voice_bytes\":\ [1-9][0-9]{4,} ]] ||
    fail "the bundle cannot read aloud in Welsh on its own: $report"
run "$bundle/rasdesk" --help >/dev/null

# ---- 4. the MSI, made from this bundle's file list as from the Windows one ------------------
# (packaging/windows/make_msi.py with wixl; the Windows bundle's program is rasdesk-app.exe,
# this one's is rasdesk.) Every regular file of the bundle must be in the MSI's File table.
msi_start=$SECONDS
"$python" "$ROOT/packaging/windows/make_msi.py" "$bundle" --version "${want_version#rasdesk }" \
    --app-exe rasdesk -o "$tmp/rasdesk.msi" || fail "make_msi.py could not build the MSI"
want_files=$(find "$bundle" -type f | wc -l)
msi_files=$(msiinfo export "$tmp/rasdesk.msi" File | tail -n +4 | grep -c .)
[[ $msi_files == "$want_files" ]] || fail "the MSI has $msi_files files, the bundle $want_files"
say "MSI: $msi_files files, $(($(stat -c %s "$tmp/rasdesk.msi") / 1000000)) MB, built in $((SECONDS - msi_start)) s"

# ---- 5. figures ----------------------------------------------------------------------------
say "$(grep '^build.sh: built' "$tmp/build.log" | sed 's/^build.sh: //')"
say "passed"
