"""The git plumbing behind a working-tree scan: status parsed into counts, and nothing of the
repository's own run (content filters) while it is read."""

from __future__ import annotations

from pathlib import Path

from shoal.source.worktree import Changes, LocalTarget, changes_under, enclosing_repository, parse_status, working_files
from tests.helpers import git, init_repo


def test_porcelain_v2_entries_become_counts_by_kind() -> None:
    hashes = "100644 100644 100644 " + "a" * 40 + " " + "b" * 40
    out = b"\0".join([
        f"1 .M N... {hashes} src/a b.py".encode(), f"1 A. N... {hashes} new.py".encode(),
        f"1 .D N... {hashes} gone.py".encode(), f"1 D. N... {hashes} removed.py".encode(),
        f"1 AD N... {hashes} never.py".encode(), b"? untracked.py",
        f"u UU N... 100644 100644 100644 100644 {'c' * 40} {'d' * 40} {'e' * 40} conflict.py".encode(), b"",
    ])
    assert list(parse_status(out)) == [("modified", "src/a b.py"), ("added", "new.py"), ("deleted", "gone.py"),
                                       ("deleted", "removed.py"), ("untracked", "untracked.py"),
                                       ("modified", "conflict.py")]


def test_reading_the_working_tree_runs_no_content_filter_of_the_repository(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "a.txt").write_text("one\n")
    (root / ".gitattributes").write_text("*.txt filter=evil\n")
    init_repo(root)
    marker = tmp_path / "filter-ran"
    git(root, "config", "filter.evil.clean", f"touch {marker}; cat")
    (root / "a.txt").write_text("two\n")  # same size: only the content (through the filter) tells
    target = enclosing_repository(root)
    assert target == LocalTarget(root=root.resolve(), folder="")
    assert changes_under(target) == Changes(modified=1)
    assert working_files(target) == [".gitattributes", "a.txt"]
    assert not marker.exists()


def test_a_subfolder_is_found_within_its_repository_and_a_plain_folder_is_not(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "src" / "deep").mkdir(parents=True)
    (root / "src" / "deep" / "a.py").write_text("x = 1\n")
    init_repo(root)
    assert enclosing_repository(root / "src" / "deep") == LocalTarget(root=root.resolve(), folder="src/deep")
    assert enclosing_repository(tmp_path) is None
    assert enclosing_repository(root / "src" / "deep" / "a.py") is None  # a file is a path list, not a tree


def test_staging_again_never_writes_into_a_file_of_the_working_tree(tmp_path: Path) -> None:
    from shoal.source.staged import stage_files

    root = tmp_path / "repo"
    root.mkdir()
    (root / "a.py").write_text("first = 1\n")
    staged = stage_files(root, ["."], ["a.py"], tmp_path / "ws")
    assert (staged.folder / "a.py").read_text() == "first = 1\n"
    (root / "a.py").rename(root / "b.py")  # the staged a.py is now the user's b.py
    (root / "a.py").write_text("second = 2\n")
    staged = stage_files(root, ["."], ["a.py", "b.py"], tmp_path / "ws")
    assert (root / "b.py").read_text() == "first = 1\n"
    assert (staged.folder / "a.py").read_text() == "second = 2\n" and (staged.folder / "b.py").exists()
    (root / "b.py").unlink()
    stage_files(root, ["."], ["a.py"], tmp_path / "ws")
    assert sorted(p.name for p in staged.folder.iterdir()) == ["a.py"]


def test_a_scan_request_carries_a_working_tree_only_for_a_local_path() -> None:
    import pytest

    from shoal.errors import InputError
    from shoal.scan.pipeline import ScanRequest

    tree = {"repository": "/src/p", "commit": "a" * 40, "modified": 1, "added": 0, "deleted": 0, "untracked": 2}
    request = ScanRequest.from_event({"scan_id": "s", "repository": "/ws/staged/p", "worktree": tree})
    assert request.worktree == tree
    with pytest.raises(InputError, match="a URL has none"):
        ScanRequest.from_event({"scan_id": "s", "repository": "https://github.com/o/p", "worktree": tree})
    with pytest.raises(InputError, match="counts must be whole numbers"):
        ScanRequest.from_event({"scan_id": "s", "repository": "/p", "worktree": {**tree, "added": -1}})
