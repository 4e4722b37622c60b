"""The plain-folder copy (shoal.source.plaincopy): every regular file, byte for byte, under a stable id."""

from __future__ import annotations

import os
from pathlib import Path

from shoal.source.plaincopy import copy_tree

FILES = 1500


def _tree(root: Path) -> dict[str, bytes]:
    expected = {}
    for i in range(FILES):
        rel = f"pkg{i % 7}/sub{i % 3}/m{i}.py"
        data = f"value_{i} = {i}\n".encode() * (1 + i % 5)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        expected[rel] = data
    os.symlink("/etc/passwd", root / "link")
    return expected


def _copied(dest: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dest)): p.read_bytes() for p in dest.rglob("*") if p.is_file()}


def test_every_regular_file_is_copied_and_the_id_follows_the_content(tmp_path: Path) -> None:
    expected = _tree(tmp_path / "src")
    first = copy_tree(tmp_path / "src", tmp_path / "one")
    again = copy_tree(tmp_path / "src", tmp_path / "two")
    assert again == first
    assert (first.files, [(s.path, s.reason) for s in first.skipped]) == (FILES, [("link", "symlink")])
    assert _copied(tmp_path / "one") == expected
    (tmp_path / "src" / "pkg0" / "sub0" / "m0.py").write_bytes(b"changed = True\n")
    assert copy_tree(tmp_path / "src", tmp_path / "three").tree_id != first.tree_id
