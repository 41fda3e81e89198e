"""The in-memory keyring tests use: the demo's own memory backend (this machine has no OS
password store). Tests select it per test in ``conftest.py``."""

from __future__ import annotations

from rasdesk.platform.demo_keyring import DemoMemoryKeyring as MemoryKeyring

__all__ = ["MemoryKeyring"]
