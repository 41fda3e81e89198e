#!/usr/bin/env bash
# The fuzz stage: every `rasdesk` and `rasdesk-server` command and option, and every server
# endpoint (a real server on 127.0.0.1), fed hostile input by hypothesis (tests/fuzz).
#
# Each command runs in its own process and must: print no traceback, exit 0, 1, 2 or 3,
# finish within 40 s and grow by at most 768 MB (its address space is capped at 2 GB more
# than its parent's). Each request must be answered 2xx/4xx (503 with Retry-After at most,
# never 500) within 10 s, with no traceback in the server's log.
#
# Bounded in time: FUZZ_EXAMPLES (default 6) examples per command, 20x that many requests;
# about two minutes on 2 cores. Run from scripts/test.sh, or alone:
#   bash scripts/stage-fuzz.sh            FUZZ_EXAMPLES=30 bash scripts/stage-fuzz.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export RASDESK_FUZZ=1 QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
export FUZZ_EXAMPLES=${FUZZ_EXAMPLES:-6}
start=$SECONDS
code=0
.venv/bin/python -m pytest tests/fuzz -q -p no:cacheprovider "$@" || code=$?
echo "stage-fuzz: ${FUZZ_EXAMPLES} examples a command, $((SECONDS - start)) s"
exit "$code"
