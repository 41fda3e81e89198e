"""The subcommands of the ``rasdesk`` command, one module per group."""
