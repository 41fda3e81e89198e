"""Saving a copy of a letter into a folder the assessor chose: a safe default name per case
and version ("budget-letter-<reference>-v<version>.pdf"), and a write that never replaces
anything already there — the next free name ("…-2.pdf", "…-3.pdf") is taken instead, and
the name really written is returned so the app can say it.

The write is exclusive even against another program writing the same name at the same
moment: the bytes go to a hidden temporary file first, which is then hard-linked to the
name (a link fails if the name exists); on a file system without hard links (a FAT memory
stick) the name is created with O_EXCL and written in place.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

from rasdesk.domain.errors import InputError
from rasdesk.platform.files import write_atomic

#: What each kind of copy adds to the name, and its extension.
KINDS = {
    "pdf": ".pdf",
    "accessible": "-accessible.pdf",
    "audio": ".wav",
    "braille": ".brf",
}
MAX_TRIES = 999
_UNSAFE = re.compile(r"[^\w.-]+")  # letters (Welsh ones too), digits, "_", "." and "-"
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)  # Windows


def safe_part(text: str, limit: int = 40) -> str:
    """``text`` as part of a file name on any file system: no slashes, no spaces, no dots
    at either end, not a Windows device name; "case" if nothing is left."""
    cleaned = _UNSAFE.sub("-", text).strip("-._")[:limit].strip("-._")
    if not cleaned or _RESERVED.match(cleaned):
        return "case" if not cleaned else f"{cleaned}-case"
    return cleaned


def letter_name(stem: str, reference: str, version: int, kind: str, *, draft: bool) -> str:
    """The default file name of a letter: ``<stem>-<reference>-v<version>[-draft]`` and the
    kind's ending (``budget-letter-SC-1234-v2-accessible.pdf``)."""
    if kind not in KINDS:
        raise InputError(f"no such kind of copy {kind!r}: use {', '.join(KINDS)}")
    draft_part = "-draft" if draft else ""
    return f"{safe_part(stem)}-{safe_part(reference)}-v{version}{draft_part}{KINDS[kind]}"


def _split(name: str) -> tuple[str, str]:
    for ending in sorted(KINDS.values(), key=len, reverse=True):
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)], ending
    stem, dot, ext = name.rpartition(".")
    return (stem, dot + ext) if stem else (name, "")


def candidates(name: str) -> list[str]:
    """``name``, then ``<stem>-2<ending>`` … up to ``-999``."""
    stem, ending = _split(name)
    return [name] + [f"{stem}-{n}{ending}" for n in range(2, MAX_TRIES + 1)]


def free_path(folder: Path, name: str) -> Path:
    """The first of ``candidates(name)`` that is not taken in ``folder``."""
    for candidate in candidates(name):
        path = folder / candidate
        if not os.path.lexists(path):
            return path
    raise InputError(
        f"{folder}: {MAX_TRIES} files named like {name} are there already; "
        "choose another folder or name"
    )


def check_name(name: str) -> str:
    """A file name the assessor typed: one name, not a path."""
    name = name.strip()
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise InputError(f"{name!r} is not a file name: give a name without folders")
    if len(name.encode("utf-8")) > 200:
        raise InputError("the file name is too long: keep it under 200 letters")
    return name


def save_new(folder: Path, name: str, data: bytes, mode: int = 0o600) -> Path:
    """Write ``data`` as ``name`` in ``folder`` or, if that is taken, as the next free
    name; never replace a file. Returns the path written."""
    name = check_name(name)
    if not folder.is_dir():
        raise InputError(f"{folder}: there is no such folder; choose another")
    tmp = folder / f".rasdesk-{uuid.uuid4().hex}.part"  # hidden until it has its name
    try:
        write_atomic(tmp, data, mode)
    except OSError as exc:
        raise InputError(
            f"{folder}: cannot be written to ({exc.strerror}); choose another folder"
        ) from None
    try:
        for candidate in candidates(name):
            path = folder / candidate
            if os.path.lexists(path):
                continue
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue  # taken a moment ago: the next name
            except OSError:  # no hard links here: create the name exclusively instead
                if _write_exclusive(path, data, mode):
                    return path
                continue
            return path
    finally:
        tmp.unlink(missing_ok=True)
    raise InputError(
        f"{folder}: {MAX_TRIES} files named like {name} are there already; "
        "choose another folder or name"
    )


def _write_exclusive(path: Path, data: bytes, mode: int) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return True
