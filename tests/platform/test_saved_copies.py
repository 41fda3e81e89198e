"""Copies of letters saved from the app: a safe default name per case and version, and a
write that never replaces a file already there (the next free name is taken)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from rasdesk.domain.errors import InputError
from rasdesk.platform.saved_copies import free_path, letter_name, safe_part, save_new


def test_the_default_name_is_per_case_version_and_kind() -> None:
    assert letter_name("budget-letter", "WX-104512", 2, "pdf", draft=False) == (
        "budget-letter-WX-104512-v2.pdf"
    )
    assert letter_name("budget-letter", "WX/10 4512", 1, "accessible", draft=True) == (
        "budget-letter-WX-10-4512-v1-draft-accessible.pdf"
    )
    assert letter_name("llythyr-cyllideb", "ab12cd34", 3, "audio", draft=False).endswith("-v3.wav")
    assert letter_name("x", "r", 1, "braille", draft=False) == "x-r-v1.brf"
    with pytest.raises(InputError):
        letter_name("x", "r", 1, "docx", draft=False)


@pytest.mark.parametrize(
    ("given", "safe"),
    [("../../etc/passwd", "etc-passwd"), ("CON", "CON-case"), ("", "case"), ("Ŵyn ŷd", "Ŵyn-ŷd")],
)
def test_a_reference_cannot_leave_the_folder_or_name_a_device(given: str, safe: str) -> None:
    assert safe_part(given) == safe


def test_saving_twice_never_overwrites(tmp_path: Path) -> None:
    first = save_new(tmp_path, "budget-letter-WX-1-v1.pdf", b"first")
    second = save_new(tmp_path, "budget-letter-WX-1-v1.pdf", b"second")
    third = save_new(tmp_path, "budget-letter-WX-1-v1.pdf", b"third")
    assert [p.name for p in (first, second, third)] == [
        "budget-letter-WX-1-v1.pdf",
        "budget-letter-WX-1-v1-2.pdf",
        "budget-letter-WX-1-v1-3.pdf",
    ]
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert free_path(tmp_path, "budget-letter-WX-1-v1.pdf").name == "budget-letter-WX-1-v1-4.pdf"
    # the accessible copy's ending is kept whole: "-2" goes before "-accessible.pdf"
    save_new(tmp_path, "l-v1-accessible.pdf", b"a")
    assert save_new(tmp_path, "l-v1-accessible.pdf", b"b").name == "l-v1-2-accessible.pdf"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert oct(first.stat().st_mode & 0o777) == oct(0o600)


def test_a_link_or_folder_of_that_name_is_not_replaced_either(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.txt").write_text("keep")
    os.symlink(tmp_path / "elsewhere.txt", tmp_path / "l.pdf")
    (tmp_path / "l-2.pdf").mkdir()
    assert save_new(tmp_path, "l.pdf", b"new").name == "l-3.pdf"
    assert (tmp_path / "elsewhere.txt").read_text() == "keep"


def test_saving_at_the_same_moment_gives_different_names(tmp_path: Path) -> None:
    names: list[str] = []
    threads = [
        threading.Thread(
            target=lambda i=i: names.append(save_new(tmp_path, "l.pdf", b"%d" % i).name)
        )
        for i in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(names)) == 8
    assert sorted(p.read_bytes() for p in tmp_path.iterdir()) == sorted(b"%d" % i for i in range(8))


@pytest.mark.parametrize("name", ["", "a/b.pdf", "..", "x\\y.pdf"])
def test_a_name_with_a_folder_in_it_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError):
        save_new(tmp_path, name, b"x")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        save_new(tmp_path / "gone", "l.pdf", b"x")
