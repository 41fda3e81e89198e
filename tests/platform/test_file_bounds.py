"""Issue 14 items 14 and 15: every file is read through one bounded helper that reads only
regular files (never /dev/zero, a pipe or a folder, also behind a symbolic link), and an
output is written only over a regular file, even with --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasdesk.domain.errors import InputError
from rasdesk.platform import files


def test_devices_pipes_and_links_to_them_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # opening it for reading must not wait for a writer
    link = tmp_path / "zero.pem"
    link.symlink_to("/dev/zero")
    for path in ("/dev/zero", fifo, link):
        with pytest.raises(InputError, match="is not a regular file"):
            files.read_bytes(path, "answers file")
    with pytest.raises(InputError, match="is a folder"):
        files.read_bytes(tmp_path, "answers file")
    with pytest.raises(InputError, match="no such answers file"):
        files.read_bytes(tmp_path / "missing.json", "answers file")


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(files.MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(InputError, match="larger than any ruleset file rasdesk reads"):
        files.read_bytes(big, "ruleset file")
    small = tmp_path / "key.pem"
    small.write_bytes(b"x" * (files.MAX_SMALL_BYTES + 1))
    with pytest.raises(InputError, match=r"at most 1 MiB"):
        files.read_bytes(small, "public key file", files.MAX_SMALL_BYTES)
    small.write_bytes(b"ok")
    assert files.read_bytes(small, "public key file", files.MAX_SMALL_BYTES) == b"ok"


def test_read_json_names_the_file(tmp_path: Path) -> None:
    deep = tmp_path / "a.json"
    deep.write_bytes(b"[" * 10_000 + b"]" * 10_000)
    with pytest.raises(InputError, match=r"a\.json is not valid JSON: .*nested"):
        files.read_json(deep, "answers file")


def test_force_writes_only_over_regular_files(tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_bytes(b"keep")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(target)
    folder = tmp_path / "folder"
    folder.mkdir()
    for path, kind in ((fifo, "a device, a pipe"), (link, "a symbolic link"), (folder, "a folder")):
        with pytest.raises(InputError, match=f"is {kind}"):
            files.write_new(path, b"new", overwrite=True)
    assert target.read_bytes() == b"keep" and link.is_symlink() and fifo.is_fifo()
    files.write_new(target, b"new", overwrite=True)  # a regular file: replaced when asked
    assert target.read_bytes() == b"new"
