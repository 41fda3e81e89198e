#!/usr/bin/env bash
# Refresh translations/rasdesk_cy.ts (the Welsh Qt Linguist source, committed) from the app's
# own words, then compile it (scripts/build-translations.sh). Run it whenever a string in
# src/rasdesk/ui changes; then translate what it reports as unfinished (docs/translation.md).
#
# PySide6's lupdate reads every .py under src/rasdesk/ui: the string literals in self.tr("…")
# and QCoreApplication.translate("Context", "…"). Existing translations are kept; strings no
# longer in the code are dropped (-no-obsolete), so the .ts never carries dead entries.
# A string that reaches tr/translate through a variable or a helper function is invisible to
# lupdate: tests/ui/test_translations.py fails on those and names them.
#
#   scripts/update-translations.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
lupdate=.venv/bin/pyside6-lupdate
python=.venv/bin/python
if [[ ! -x $lupdate ]]; then
    echo "update-translations.sh: $lupdate is missing: run 'make setup' first" >&2
    exit 1
fi

# lupdate's own directory scan skips .py files, so name them one by one (sorted, so the
# order of contexts and messages does not depend on the file system).
mapfile -t sources < <(find src/rasdesk/ui -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
if ((${#sources[@]} == 0)); then
    echo "update-translations.sh: no .py files under src/rasdesk/ui" >&2
    exit 1
fi

# No line numbers: the .ts then changes only when the words do, not whenever code moves
# (several people edit src/rasdesk/ui at once). Each message's context names its class.
"$lupdate" -no-obsolete -locations none -source-language en_GB -target-language cy_GB \
    "${sources[@]}" -ts translations/rasdesk_cy.ts
# English needs only its plural forms ("%n point(s)" → "1 point" / "%n points").
"$lupdate" -no-obsolete -locations none -pluralonly -source-language en_GB -target-language en_GB \
    "${sources[@]}" -ts translations/rasdesk_en.ts

# What is left for a translator, by context.
for ts in translations/rasdesk_cy.ts translations/rasdesk_en.ts; do
"$python" - "$ts" <<'EOF'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
total, todo = 0, []
for context in root.iter("context"):
    for message in context.iter("message"):
        total += 1
        translation = message.find("translation")
        forms = [] if translation is None else [translation.text or ""] + [
            form.text or "" for form in translation.iter("numerusform")
        ]
        if translation is None or translation.get("type") == "unfinished" or not "".join(forms).strip():
            todo.append(f"  {context.findtext('name')}: {message.findtext('source')!r}")
print(f"{sys.argv[1]}: {total} messages, {len(todo)} still to translate")
if todo:
    print("\n".join(todo))
EOF
done

scripts/build-translations.sh
