"""The bundled executable's entry point: exactly the ``rasdesk`` command.

No arguments open the desktop app on the user's profile; ``rasdesk demo`` opens it on a
throwaway demo profile; any other subcommand is the command line (``rasdesk compute``,
``rasdesk policy show``, …). PyInstaller starts here (packaging/rasdesk.spec).
"""

import sys

from rasdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
