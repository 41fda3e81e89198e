"""Entry of the rasdesk bundle that ``benchmarks/bundle.py`` times: built by the real spec
(packaging/rasdesk.spec, with ``RASDESK_BUNDLE_ENTRY`` naming this file), so the bundle
holds exactly what the shipped one holds. ``--child real|demo [--pin-after MS]`` runs ``rasdesk`` /
``rasdesk demo`` under the benchmark's watcher (benchmarks/start.py: only
``QApplication.exec`` is wrapped); anything else is the ``rasdesk`` command unchanged.
"""

import sys

if len(sys.argv) > 2 and sys.argv[1] == "--child":
    import start  # benchmarks/start.py (the spec puts this file's grandparent on the path)

    start.main(sys.argv[1:])
else:
    from rasdesk.cli import main

    sys.exit(main())
