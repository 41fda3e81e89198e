#!/usr/bin/env bash
# Every check, in order, stopping at the first failure: what CI and `make test` run.
#
#   scripts/test.sh          lint stages, then the domain tests without Qt, then every test,
#                            then the fuzz stage, then the PyInstaller bundle built and
#                            smoke-tested
#   scripts/test.sh lint     the lint stages only (`make lint`)
#
# Needs the venvs from scripts/setup.sh (`make setup`). Runs from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=${1:-all}
case $mode in
all | lint) ;;
*)
    echo "usage: $0 [all|lint]" >&2
    exit 2
    ;;
esac

for dir in .venv .venv-core; do
    if [[ ! -x $dir/bin/python ]]; then
        echo "test.sh: $dir is missing: run 'make setup' (or scripts/setup.sh) first" >&2
        exit 1
    fi
done

# The same conditions everywhere: no screen, UTF-8, a random hash seed, and a private
# RASDESK_HOME so that no test ever reads or writes a real rasdesk profile.
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
unset PYTHONHASHSEED
RASDESK_HOME=$(mktemp -d "${TMPDIR:-/tmp}/rasdesk-test.XXXXXX")
export RASDESK_HOME
trap 'rm -rf -- "$RASDESK_HOME"' EXIT

[[ $mode == lint ]] && total=4 || total=10
stage=0
header() {
    stage=$((stage + 1))
    printf '\n==> [%d/%d] %s\n' "$stage" "$total" "$*"
}
fail() {
    printf 'test.sh: FAILED at stage %d/%d: %s\n' "$stage" "$total" "$1" >&2
    exit "$2"
}
# Run one stage's command; stop everything if it fails.
run() {
    local code=0
    "$@" || code=$?
    ((code == 0)) || fail "$* (exit code $code)" "$code"
}
# pytest's exit code 5 means "no tests were collected": a failure here, never a pass.
run_pytest() {
    local code=0
    "$@" || code=$?
    ((code != 5)) || fail "$* collected no tests (pytest exit code 5)" 5
    ((code == 0)) || fail "$* (exit code $code)" "$code"
}

# git keeps no empty folders: lint only those of src, tests, benchmarks, packaging, scripts
# that exist (and setup.py, the wheel's build step). scripts' Python (the a11y drivers, the
# samples, the decided-cases generator) is ruff-checked and formatted as the rest; mypy's
# files are pyproject.toml's (not scripts).
lint_dirs=()
for dir in src tests benchmarks packaging scripts setup.py; do
    [[ -e $dir ]] && lint_dirs+=("$dir")
done

start=$SECONDS

header "ruff check ${lint_dirs[*]}"
run .venv/bin/ruff check "${lint_dirs[@]}"

header "ruff format --check ${lint_dirs[*]}"
run .venv/bin/ruff format --check "${lint_dirs[@]}"

header "mypy (files and settings in pyproject.toml)"
run .venv/bin/mypy

header "lint-imports (contracts in pyproject.toml)"
run .venv/bin/lint-imports

if [[ $mode == lint ]]; then
    printf '\ntest.sh: all %d lint stages passed in %d s\n' "$total" "$((SECONDS - start))"
    exit 0
fi

header "tests/domain in .venv-core, where PySide6 is not installed"
if .venv-core/bin/python -c 'import PySide6' 2>/dev/null; then
    fail ".venv-core can import PySide6, so it cannot prove the core works without Qt (rm -rf .venv-core && make setup)" 1
fi
echo "import PySide6 fails in .venv-core, as it must: these tests run without Qt"
run_pytest .venv-core/bin/python -m pytest tests/domain -q -p no:cacheprovider -p no:pytest-qt

header "every test, in .venv (with PySide6, QT_QPA_PLATFORM=offscreen)"
run_pytest .venv/bin/python -m pytest -q

header "fuzz: every command and endpoint fed hostile input (scripts/stage-fuzz.sh)"
run_pytest bash scripts/stage-fuzz.sh

header "accessibility: the app read over AT-SPI and by Orca (scripts/stage-a11y.sh)"
run bash scripts/stage-a11y.sh

header "the real window: Xvfb + openbox + xdotool + gnome-keyring, 1366x768 and 1280x720"
run bash scripts/stage-real-window.sh

# About a minute and a half on 2 cores; the bundle is about 240 MB, built in a temporary folder.
header "the Linux bundle: built from a clean copy of the checkout, then smoke-tested"
run bash packaging/smoke-test.sh

printf '\ntest.sh: all %d stages passed in %d s\n' "$total" "$((SECONDS - start))"
