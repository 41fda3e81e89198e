#!/usr/bin/env bash
# The demo (`make demo`). For now it computes the demo person's indicative budget, with its
# explanation, in the terminal. Once the [ui] issue lands it will open the desktop app in
# demo mode instead; this file is the one place to change.
#
# Extra arguments go to `rasdesk compute`, e.g.: scripts/demo.sh --language cy --easy-read
#
# The demo key (resources/demo/DEMO-public-key.pem) is trusted only for this command, by
# --trust; it is never added to a trust store.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x .venv/bin/rasdesk ]]; then
    echo "demo.sh: .venv/bin/rasdesk is missing: run 'make setup' first" >&2
    exit 1
fi

# Never touch a real profile: a throwaway RASDESK_HOME unless you chose one.
if [[ -z ${RASDESK_HOME:-} ]]; then
    RASDESK_HOME=$(mktemp -d "${TMPDIR:-/tmp}/rasdesk-demo.XXXXXX")
    export RASDESK_HOME
    trap 'rm -rf -- "$RASDESK_HOME"' EXIT
fi

demo=resources/demo
.venv/bin/rasdesk compute \
    --ruleset "$demo/demo.ruleset.signed.json" \
    --trust "$demo/DEMO-public-key.pem" \
    --answers "$demo/answers/person-example.json" \
    "$@"
