"""Files of a checked-out tree are read without following symlinks and without blocking on FIFOs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shoal.source.regularfiles import NotRegularFile, read_regular


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_bytes(b"x = 1\n" * 50_000)
    (tmp_path / "empty.py").write_bytes(b"")
    assert read_regular(str(tmp_path / "a.py")) == b"x = 1\n" * 50_000
    assert read_regular(str(tmp_path / "empty.py")) == b""


def test_a_symlink_a_fifo_and_a_folder_are_refused_not_followed_or_waited_on(tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("secret\n")
    os.symlink(secret, tmp_path / "link.py")
    os.mkfifo(tmp_path / "fifo.py")  # no writer: a blocking open would never return
    (tmp_path / "folder.py").mkdir()
    for name in ("link.py", "fifo.py", "folder.py"):
        with pytest.raises(NotRegularFile, match="not a regular file"):
            read_regular(str(tmp_path / name))


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(str(tmp_path / "gone.py"))
