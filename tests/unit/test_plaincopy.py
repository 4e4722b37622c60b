"""The plain-folder copy: alone, sharing its batches with helper processes (shoal.plaincopy), and
started early by a worker for the checkout to take (shoal.source.EarlyCopy)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from shoal import early, local, plaincopy
from shoal.config import Settings
from shoal.errors import InputError, SourceError
from shoal.pipeline import ScanRequest, checkout_stage, plan_stage
from shoal.plaincopy import CopyBatch, copy_tree
from shoal.source import CheckoutResult, EarlyCopy, checkout, copy_early, offer_early_copy, parse_repository
from shoal.workers import WorkerPool
from shoal.workspace import ScanPaths

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


# --------------------------------------------------------------------------- early copies
# The local engine starts the checkout's copy of a plain folder in a worker (shoal.local), and
# the checkout takes it, unless it claims the copy first.


def _job(source: Path, tmp_path: Path) -> EarlyCopy:
    spec = parse_repository(str(source))
    return EarlyCopy(str(spec.path), str(tmp_path / "ws" / "src"), str(tmp_path / "claim"))


def _checkout(source: Path, tmp_path: Path) -> CheckoutResult:
    return checkout(parse_repository(str(source)), None, tmp_path / "ws" / "src", tmp_path / "scratch")


def test_the_checkout_takes_the_copy_a_worker_made(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, expected = tree
    job = _job(source, tmp_path)
    with WorkerPool(1, {}) as pool:
        made = pool.call(copy_early, job)
    assert made is not None
    (source / "pkg0" / "sub0" / "m0.py").write_bytes(b"changed = True\n")  # after the copy: not seen
    offer_early_copy(job, lambda: made)
    result = _checkout(source, tmp_path)
    assert (result.commit, result.files, result.skipped) == (made.tree_id, FILES, made.skipped)
    assert _copied(tmp_path / "ws" / "src") == expected
    # Taken once: a retried checkout copies the folder as it is now.
    again = _checkout(source, tmp_path)
    assert again.commit != result.commit
    assert (tmp_path / "ws" / "src" / "pkg0" / "sub0" / "m0.py").read_bytes() == b"changed = True\n"


def test_a_worker_that_has_not_begun_leaves_the_copy_to_the_checkout(
    tree: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    source, expected = tree
    job = _job(source, tmp_path)
    offer_early_copy(job, lambda: pytest.fail("the checkout waited for a copy that never began"))
    result = _checkout(source, tmp_path)
    assert result.files == FILES and _copied(tmp_path / "ws" / "src") == expected
    (tmp_path / "ws" / "src" / "marker").write_text("kept")
    assert copy_early(job) is None  # the worker, starting late, finds the copy claimed
    assert (tmp_path / "ws" / "src" / "marker").read_text() == "kept"


def test_a_failed_early_copy_is_made_again_by_the_checkout(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, expected = tree
    job = _job(source, tmp_path)
    assert job.take()  # the worker began...

    def died() -> None:
        raise RuntimeError("the agent's process ended without an answer (killed by SIGKILL)")

    offer_early_copy(job, died)  # ...and died half-way
    (tmp_path / "ws" / "src").mkdir(parents=True)
    (tmp_path / "ws" / "src" / "half-written.py").write_text("x")
    result = _checkout(source, tmp_path)
    assert result.files == FILES and _copied(tmp_path / "ws" / "src") == expected


def test_an_early_copy_into_the_folder_itself_is_refused_as_the_checkout_refuses_it(
    tree: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    source, _ = tree
    spec = parse_repository(str(source))
    job = EarlyCopy(str(spec.path), str(spec.path / "ws" / "src"), str(tmp_path / "claim"))
    with pytest.raises(InputError, match="overlap"):
        copy_early(job)
    assert not (source / "ws").exists()


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert path.exists(), f"{path.name} was never claimed"


def test_workers_copy_and_inventory_a_plain_folder_for_the_checkout_and_the_plan(
    tree: tuple[Path, dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, expected = tree
    ws = tmp_path / "ws"
    event = {"scan_id": "s1", "repository": str(source), "options": {"workspace": str(ws)}}
    settings = Settings(workspace=str(ws), security=False)
    with early.plain_folder_work(str(source), str(ScanPaths(ws, "s1").src), settings, wanted=True) as work:
        assert work is not None
        with WorkerPool(2, {}, first=work.jobs()) as pool:
            offers = early.Offers(pool, work, 60)
            _wait_for(Path(work.listing.claim))  # the copy is done, the inventory begun
            # From here on, this process must not inventory the tree itself.
            monkeypatch.setattr(early, "inventory", lambda *a, **k: pytest.fail("the plan inventoried the tree"))
            (source / "late.py").write_text("not in the snapshot\n")
            checked_out = checkout_stage(ScanRequest.from_event(event), settings)
            planned = plan_stage("s1", settings)
            assert not early._offers, "an early result was left untaken"
            offers.withdraw()
    assert checked_out["files"] == FILES and planned["files"] == FILES
    assert _copied(ws / "scans" / "s1" / "src") == expected


def test_a_plan_that_claims_the_inventory_first_makes_it_itself(tree: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, _ = tree
    ws = tmp_path / "ws"
    event = {"scan_id": "s1", "repository": str(source), "options": {"workspace": str(ws)}}
    settings = Settings(workspace=str(ws), security=False)
    checked_out = checkout_stage(ScanRequest.from_event(event), settings)
    job = early.EarlyInventory(str(ScanPaths(ws, "s1").src), early.InventoryOptions(settings.max_file_bytes, False),
                               str(tmp_path / "claim"))
    key = early.inventory_key(job.src, checked_out["commit"], job.options)
    early.offer(key, lambda: None if job.take() else pytest.fail("the plan waited for an inventory never begun"))
    assert plan_stage("s1", settings)["files"] == FILES
    assert early.inventory_early(job) is None  # the worker, starting late, finds it claimed


def test_early_results_are_withdrawn_when_the_workers_stop(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "a.py").write_text("a = 1\n")
    event = {"scan_id": "s1", "repository": str(tmp_path / "plain"), "options": {"workspace": str(tmp_path / "ws")}}
    with local.LocalEngine(1, {})._workers(event, Settings(workspace=str(tmp_path / "ws")), resumed=False):
        assert early._offers
    assert not early._offers


def test_no_early_work_for_a_git_repository_a_ref_or_a_resumed_scan(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    settings = Settings(workspace=str(tmp_path / "ws"))
    engine = local.LocalEngine(1, {})
    dest = str(ScanPaths(tmp_path / "ws", "s").src)
    with early.plain_folder_work(str(plain), dest, settings, wanted=True) as work:
        assert work is not None and work.copy.dest == dest
    with early.plain_folder_work(str(repo), dest, settings, wanted=True) as work:
        assert work is None  # a git repository is fetched, not copied
    for event, resumed in [
        ({"scan_id": "s", "repository": str(plain), "ref": "main"}, False),
        ({"scan_id": "s", "repository": str(plain), "base": "main"}, False),
        ({"scan_id": "s", "repository": str(plain)}, True),  # resumed: its checkout copies for itself
    ]:
        with engine._workers(event, settings, resumed):
            assert not early._offers, event
