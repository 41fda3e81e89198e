#!/usr/bin/env bash
# Inside `xvfb-run … dbus-run-session`: the AT-SPI bus, a window manager, then the checks.
# Called by scripts/stage-a11y.sh; OUT is where the trees and Orca's log go.
set -euo pipefail
out=${1:?usage: session.sh OUT}
# Orca needs no sound: it writes each utterance to its debug log ("SPEECH OUTPUT: '…'")
# whether or not a speech server answers (CI has no sound card, so none does).
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
openbox >/dev/null 2>&1 &
wm=$!
trap 'kill $bus $wm 2>/dev/null || true' EXIT
sleep 1
code=0
/usr/bin/python3 scripts/a11y/atspi_check.py "$out" || code=$?
if [[ ${A11Y_SKIP_ORCA:-} != 1 ]]; then
    /usr/bin/python3 scripts/a11y/orca_walk.py "$out" || code=$?
fi
exit $code
