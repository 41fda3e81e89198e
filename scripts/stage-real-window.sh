#!/usr/bin/env bash
# The real-window stage: the app on a virtual X screen (Xvfb) with a window manager
# (openbox) and a real password store (gnome-keyring's Secret Service on a private session
# bus), driven through a whole person's assessment with xdotool, at 1366×768 and 1280×720,
# in standard and in large print. tests/realwindow/driver.py asserts from the real window
# that the question, its answers and Continue are on screen without scrolling at every
# step, and that no label or button is clipped. About a minute on 2 cores.
#
#   scripts/stage-real-window.sh [SHOTS_DIR]    (screen grabs of each page, if given)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for tool in xvfb-run openbox xdotool xwininfo import dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || {
        echo "stage-real-window.sh: $tool is missing: run scripts/setup.sh" >&2
        exit 1
    }
done
shots=${1:-}
root=$(pwd -P)

# One run: a fresh home (password store and profile), a session bus, the keyring, openbox.
one_run() {
    local size=$1 look=$2 home
    home=$(mktemp -d "${TMPDIR:-/tmp}/rasdesk-real-window.XXXXXX")
    echo "--- ${size}, ${look}"
    HOME=$home RASDESK_HOME=$home/rasdesk XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home \
        QT_QPA_PLATFORM=xcb ROOT=$root SHOTS=${shots:+$shots/$size} LOOK=$look \
        xvfb-run -a -s "-screen 0 ${size}x24" dbus-run-session -- bash -c '
            set -euo pipefail
            eval "$(printf "real-window" | gnome-keyring-daemon --unlock --components=secrets)"
            export GNOME_KEYRING_CONTROL
            openbox >/dev/null 2>&1 &
            wm=$!
            sleep 1
            cd "$ROOT"
            code=0
            .venv/bin/python -m tests.realwindow.driver --look "$LOOK" ${SHOTS:+--shots "$SHOTS"} || code=$?
            kill "$wm" 2>/dev/null || true
            exit "$code"
        ' || {
        code=$?
        rm -rf -- "$home"
        return "$code"
    }
    rm -rf -- "$home"
}

for size in ${SIZES:-1366x768 1280x720}; do
    for look in ${LOOKS:-standard large}; do
        one_run "$size" "$look"
    done
done
echo "stage-real-window.sh: every walk fitted the screen"
