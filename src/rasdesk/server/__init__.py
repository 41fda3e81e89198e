"""The reference council server (`rasdesk-server`). The desktop app never imports it.
Built in the [sync] issue.
"""
