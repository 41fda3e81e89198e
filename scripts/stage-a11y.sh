#!/usr/bin/env bash
# The accessibility stage: the real app under Qt's AT-SPI bridge, read by pyatspi and by
# Orca, on a virtual X screen (Xvfb + openbox) in a private D-Bus session with its own
# AT-SPI bus. scripts/a11y/atspi_check.py checks every page's tree (roles, names, invalid
# fields, Tab order against the screen, Welsh locale); scripts/a11y/orca_walk.py walks a
# whole assessment with Orca running and checks what it says on arrival (the question; the
# £ figure), then on the format-2 pages (a view's name, a view that does not apply, the
# evidence, views that differ, who pays what on the budget) and the decision page. Trees, Orca's speech and its debug log are left in $A11Y_OUT (default: a
# temporary folder, printed). About 3 minutes on 2 cores. Needs the Debian packages in
# scripts/setup.sh (at-spi2-core, python3-pyatspi, orca, xvfb, openbox, xdotool, dbus-x11).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for tool in xvfb-run dbus-run-session openbox orca xdotool /usr/libexec/at-spi-bus-launcher; do
    command -v "$tool" >/dev/null || [[ -x $tool ]] || {
        echo "stage-a11y: $tool is missing: run scripts/setup.sh" >&2
        exit 1
    }
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || {
    echo "stage-a11y: Debian's python3 cannot import pyatspi: apt-get install python3-pyatspi" >&2
    exit 1
}
out=${A11Y_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/rasdesk-a11y.XXXXXX")}
mkdir -p "$out"
echo "stage-a11y: accessibility trees and Orca's speech go to $out"
unset QT_QPA_PLATFORM # the bridge needs a real (virtual) X screen, not offscreen
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- bash scripts/a11y/session.sh "$out"
