"""The plain-folder copy, alone and sharing its batches with helper processes (shoal.plaincopy)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from shoal import plaincopy
from shoal.errors import SourceError
from shoal.plaincopy import CopyBatch, copy_tree
from shoal.workers import WorkerPool

FILES = 1500  # a dozen batches: enough for both sides to take some


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


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    return tmp_path / "src", _tree(tmp_path / "src")


def test_workers_share_the_copy_and_the_result_is_the_same(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, expected = tree
    alone = copy_tree(source, tmp_path / "alone")
    lent: list[int] = []
    with WorkerPool(2, {}) as pool:
        def helper(batch: CopyBatch) -> plaincopy.Copied:
            lent.append(len(batch.files))
            return pool.call(plaincopy.copy_batch, batch)

        with plaincopy.helped_by(helper):
            helped = copy_tree(source, tmp_path / "helped")
    assert sum(lent) > 0, "the helper was never given a batch"
    assert sum(lent) < FILES, "this process copied nothing itself"
    assert helped == alone
    assert (helped.files, [(s.path, s.reason) for s in helped.skipped]) == (FILES, [("link", "symlink")])
    assert _copied(tmp_path / "helped") == expected


def test_a_failing_helper_leaves_the_copy_to_this_process(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, expected = tree
    calls: list[int] = []

    def dies_on_first_batch(batch: CopyBatch) -> plaincopy.Copied:
        calls.append(len(batch.files))
        if batch.files:
            raise RuntimeError("the agent's process ended without an answer")
        return []

    with plaincopy.helped_by(dies_on_first_batch):
        result = copy_tree(source, tmp_path / "dest")
    assert result.files == FILES and _copied(tmp_path / "dest") == expected
    assert calls[0] == 0  # asked to get ready first, then given one batch, which was copied here


def test_a_file_gone_irregular_in_a_helper_batch_fails_the_copy(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, _ = tree

    def finds_a_fifo(batch: CopyBatch) -> plaincopy.Copied:
        if batch.files:
            raise SourceError(f"{batch.files[0][1]} changed into a non-regular file while being copied")
        return []

    with plaincopy.helped_by(finds_a_fifo), pytest.raises(SourceError, match="non-regular"):
        copy_tree(source, tmp_path / "dest")


def test_a_helper_still_starting_is_not_waited_for(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, expected = tree
    release = threading.Event()
    given: list[int] = []

    def still_warming_up(batch: CopyBatch) -> plaincopy.Copied:
        release.wait(30)  # a worker whose warm-up has not finished
        given.append(len(batch.files))
        return plaincopy.copy_batch(batch)

    with plaincopy.helped_by(still_warming_up):
        result = copy_tree(source, tmp_path / "dest")
    still_waiting = not release.is_set()
    release.set()
    assert still_waiting, "the copy waited for a helper that never took a batch"
    assert result.files == FILES and _copied(tmp_path / "dest") == expected
