#!/usr/bin/env bash
# Compile translations/*.ts (Qt Linguist sources, committed) into
# src/rasdesk/translations/*.qm (build output, gitignored) with PySide6's lrelease, so the
# app run from the source tree (make demo, make test, the editable .venv) finds them at
# rasdesk.platform.paths.translations_dir(). scripts/setup.sh runs this every time; it
# takes well under a second. The wheel and the bundles compile their own copies.
#
#   scripts/build-translations.sh [PYTHON]    (default: .venv/bin/python, which has PySide6)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=${1:-.venv/bin/python}
if [[ ! -x $python ]]; then
    echo "build-translations.sh: $python is missing: run 'make setup' first" >&2
    exit 1
fi
exec "$python" packaging/compile_translations.py --source translations --target src/rasdesk/translations
