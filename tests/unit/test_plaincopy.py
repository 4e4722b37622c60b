"""A plain folder read in place (shoal.source.plaincopy): every regular file hashed as read, nothing
written, under an id that follows the content."""

from __future__ import annotations

import os
from pathlib import Path

import hashlib

from shoal.source.plaincopy import read_tree

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


def _entries(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_every_regular_file_is_hashed_in_place_and_the_id_follows_the_content(tmp_path: Path) -> None:
    expected = _tree(tmp_path / "src")
    before = _entries(tmp_path)
    first = read_tree(tmp_path / "src")
    again = read_tree(tmp_path / "src")
    assert again == first
    assert _entries(tmp_path) == before  # nothing written anywhere
    assert (first.files, [(s.path, s.reason) for s in first.skipped]) == (FILES, [("link", "symlink")])
    assert dict(first.digests) == {rel: hashlib.sha256(data).hexdigest() for rel, data in expected.items()}
    assert first.bytes == sum(len(data) for data in expected.values())
    (tmp_path / "src" / "pkg0" / "sub0" / "m0.py").write_bytes(b"changed = True\n")
    assert read_tree(tmp_path / "src").tree_id != first.tree_id


def test_the_id_is_the_one_the_copy_gave(tmp_path: Path) -> None:
    """Scan ids and reports of a plain folder name the same "commit" as before it was read in place."""
    root = tmp_path / "src"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.py").write_bytes(b"x = 1\n")
    (root / "b.py").write_bytes(b"")
    tree = hashlib.sha256()
    for rel, data in sorted([("a/x.py", b"x = 1\n"), ("b.py", b"")]):
        tree.update(rel.encode() + b"\0" + hashlib.sha256(data).hexdigest().encode() + b"\n")
    assert read_tree(root).tree_id == "tree-" + tree.hexdigest()[:35]
