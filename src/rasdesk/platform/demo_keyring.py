"""The password store used only by ``rasdesk demo``: in this process's memory, gone at exit.

The demo profile is a throwaway folder of fictional cases, deleted when the demo closes, so
its keys need not outlive it — and the demo must work on machines with no OS password store
(a fresh laptop, CI). Real profiles never use this: ``rasdesk`` keeps refusing to store
cases without an OS store (``platform/secrets.py``). The store is still encrypted with a
random key; it simply lives only as long as the demo.
"""

from __future__ import annotations

import keyring
import keyring.backend


class DemoMemoryKeyring(keyring.backend.KeyringBackend):
    """Secrets in a dict. Selected by ``use_demo_keyring`` for the demo only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def use_demo_keyring() -> DemoMemoryKeyring:
    backend = DemoMemoryKeyring()
    keyring.set_keyring(backend)
    return backend
