#!/usr/bin/env bash
# The demo (`make demo`): the desktop app on a throwaway profile (`rasdesk demo`), with the
# DEMO ruleset trusted there only and fictional cases in every state. Nothing touches a
# real profile; the demo's folder and keys are gone when the window closes.
#
# With no display (a server, CI) it says so and prints the demo budget in the terminal.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x .venv/bin/rasdesk ]]; then
    echo "demo.sh: .venv/bin/rasdesk is missing: run 'make setup' first" >&2
    exit 1
fi

if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} || ${QT_QPA_PLATFORM:-} == offscreen ]]; then
    echo "demo.sh: opening rasdesk on a demo profile (the lock PIN is 1234)"
    exec .venv/bin/rasdesk demo "$@"
fi

echo "demo.sh: no display here (DISPLAY is not set), so instead of the window, the demo" >&2
echo "demo.sh: person's budget in the terminal. On a desktop, 'make demo' opens the app;" >&2
echo "demo.sh: here you can try: xvfb-run -a .venv/bin/rasdesk demo --self-test" >&2
home=$(mktemp -d "${TMPDIR:-/tmp}/rasdesk-demo.XXXXXX")
trap 'rm -rf -- "$home"' EXIT
demo=resources/demo
RASDESK_HOME=$home .venv/bin/rasdesk compute \
    --ruleset "$demo/demo.ruleset.signed.json" \
    --trust "$demo/DEMO-public-key.pem" \
    --answers "$demo/answers/person-example.json"
