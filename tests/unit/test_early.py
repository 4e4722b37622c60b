"""Work a worker starts before the orchestrator asks for it (shoal.local.early): the checkout and the
plan take it when it was made for exactly their inputs, and do the work themselves otherwise."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from shoal.local import early

from shoal.local import engine as local

from shoal.scan import pipeline, prepared
from shoal.source.acquisition import Source
from shoal.source.inventory import InventoryOptions
from shoal.source import inplace
from shoal.config import Settings
from shoal.scan.pipeline import ScanRequest, checkout_stage, plan_stage
from shoal.local.workers import WorkerPool
from shoal.workspace import ScanPaths
from tests.helpers import git

FILES = 300


def _tree(root: Path) -> None:
    for i in range(FILES):
        path = root / f"pkg{i % 5}" / f"m{i}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"def f{i}(x):\n    return x + {i}\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    _tree(tmp_path / "plain")
    return tmp_path / "plain"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    _tree(tmp_path / "repo")
    git(tmp_path / "repo", "init", "-q", "-b", "main")
    git(tmp_path / "repo", "add", "-A")
    git(tmp_path / "repo", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "one")
    return tmp_path / "repo"


def _event(repository: Path, ws: Path, **extra: Any) -> dict[str, Any]:
    return {"scan_id": "s1", "repository": str(repository), "options": {"workspace": str(ws)}, **extra}


def _settings(ws: Path, **overrides: Any) -> Settings:
    return Settings(workspace=str(ws), security=False, claim_scans=False, **overrides)


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert path.exists(), f"{path.name} was never claimed"


def _fail(what: str) -> Any:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        pytest.fail(f"the step did {what} itself")

    return fail


@pytest.mark.parametrize("kind", ["folder", "repository"])
def test_the_checkout_and_the_plan_take_what_the_first_worker_made(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = request.getfixturevalue(kind)
    ws = tmp_path / "ws"
    event, settings = _event(source, ws), _settings(ws)
    with early.scan_work(ScanRequest.from_event(event), settings, str(ScanPaths(ws, "s1").src), wanted=True) as work:
        assert work is not None
        with WorkerPool(2, {}, first=work.jobs()) as pool:
            offers = early.Offers(pool, work, 60)
            _wait_for(Path(work.listing.claim))  # the checkout is done, the inventory begun
            # From here on, this process must neither check out nor inventory the tree itself.
            monkeypatch.setattr(pipeline, "acquire", _fail("the checkout"))
            monkeypatch.setattr(pipeline, "inventory_of", _fail("the inventory"))
            checked_out = checkout_stage(ScanRequest.from_event(event), settings)
            planned = plan_stage("s1", settings)
            assert not prepared._offers, "an early result was left untaken"
            offers.withdraw()
    assert checked_out.files == FILES and planned.files == FILES
    if kind == "repository":
        assert len(checked_out.commit) == 40 and checked_out.analysis_key  # a git checkout, cache and all


def _offer_checkout(source: Path, ws: Path, settings: Settings, made: Any, claim: Path) -> early.EarlyCheckout:
    job = early.EarlyCheckout(Source("s1", str(source)), settings, str(claim))
    prepared.offer(prepared.checkout_key(str(ScanPaths(ws, "s1").src)), lambda: (job, None if job.take() else made()))
    return job


def test_a_checkout_step_that_claims_first_checks_out_itself(folder: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    settings = _settings(ws)
    job = _offer_checkout(folder, ws, settings, _fail("wait for a checkout never begun"), tmp_path / "claim")
    assert checkout_stage(ScanRequest.from_event(_event(folder, ws)), settings).files == FILES
    assert early.checkout_early(job) is None  # the worker, starting late, finds it claimed


def test_a_failed_early_checkout_is_made_again_by_the_step(folder: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    settings = _settings(ws)

    def died() -> None:
        raise RuntimeError("the agent's process ended without an answer (killed by SIGKILL)")

    job = _offer_checkout(folder, ws, settings, died, tmp_path / "claim")
    assert job.take()  # the worker began, and died half-way
    assert checkout_stage(ScanRequest.from_event(_event(folder, ws)), settings).files == FILES
    source = inplace.load(ScanPaths(ws, "s1"))  # the step's own checkout names the folder to read
    assert source is not None and len(source.digests) == FILES


def test_an_early_checkout_for_other_inputs_is_waited_for_and_not_used(folder: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    settings = _settings(ws)
    other = tmp_path / "other"
    (other / "x").mkdir(parents=True)
    (other / "x" / "only.py").write_text("x = 1\n")
    job = early.EarlyCheckout(Source("s1", str(other)), settings, str(tmp_path / "claim"))
    assert job.take()
    waited: list[bool] = []

    def made_elsewhere() -> Any:
        waited.append(True)
        return early.checkout_early(early.EarlyCheckout(job.source, settings, str(tmp_path / "claim2")))

    prepared.offer(prepared.checkout_key(str(ScanPaths(ws, "s1").src)), lambda: (job, made_elsewhere()))
    assert checkout_stage(ScanRequest.from_event(_event(folder, ws)), settings).files == FILES
    assert waited == [True]  # it ended before the step wrote into the same folder


def test_a_plan_that_claims_the_inventory_first_makes_it_itself(folder: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    settings = _settings(ws)
    checked_out = checkout_stage(ScanRequest.from_event(_event(folder, ws)), settings)
    job = early.EarlyInventory(str(ScanPaths(ws, "s1").src), InventoryOptions(settings.max_file_bytes, False),
                               str(tmp_path / "claim"))
    key = prepared.inventory_key(job.src, checked_out.commit, job.options)
    prepared.offer(key, lambda: None if job.take() else _fail("wait for an inventory never begun")())
    assert plan_stage("s1", settings).files == FILES
    assert early.inventory_early(job) is None  # the worker, starting late, finds it claimed


def test_early_results_are_withdrawn_when_the_workers_stop(folder: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    with local.LocalEngine(1, {})._workers(_event(folder, ws), _settings(ws), resumed=False):
        assert prepared._offers
    assert not prepared._offers


def test_no_early_work_for_a_resumed_scan_a_claimed_one_or_when_turned_off(folder: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    event = _event(folder, ws)
    for engine, settings, resumed in [
        (local.LocalEngine(1, {}), _settings(ws), True),  # its checkout may be done: it copies for itself
        (local.LocalEngine(1, {}), Settings(workspace=str(ws), claim_scans=True), False),  # may be another's
        (local.LocalEngine(1, {}, early=False), _settings(ws), False),
    ]:
        with engine._workers(event, settings, resumed):
            assert not prepared._offers


def test_the_merge_takes_the_shards_the_engine_read_while_the_agents_ran(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tmp_path / "ws"
    # The merge must not read a shard itself: the engine read each one as its agent returned.
    monkeypatch.setattr(pipeline, "read_shard_with_secrets", _fail("read a shard"))
    event = _event(folder, ws, options={"workspace": str(ws), "security": False, "max_partitions": 3,
                                        "min_partition_bytes": 1, "claim_scans": False})
    summary = local.LocalEngine(2, {"SHOAL_WORKSPACE": str(ws)}).run(event, "shoal-agent")
    assert summary["files"] == FILES and summary["partitions"] == 3
    assert not prepared._offers  # nothing left behind for another scan of this process


def test_a_shard_that_is_not_what_its_agent_reported_is_not_offered(tmp_path: Path) -> None:
    paths = ScanPaths(tmp_path / "ws", "s1")
    shard = paths.shard("p0000")
    shard.parent.mkdir(parents=True)
    shard.write_bytes(b'{"schema": "shoal/shard/v1", "files": [], "findings": [], "diagnostics": []}\n')
    reader = early.ShardReader(str(tmp_path / "ws"))
    reader.returned({"scan_id": "s1"}, {"shard": paths.relative(shard), "sha256": "0" * 64})  # torn or rewritten
    reader.returned({"scan_id": "s1"}, {"shard": "../../elsewhere.json", "sha256": "0" * 64})  # outside the scan
    assert prepared.take_shard(str(shard.resolve()), "0" * 64) is None  # the merge reads it and says why
    assert not prepared._offers
    reader.close()
