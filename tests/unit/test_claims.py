"""Claim files: one execution per scan folder across sandboxes that share only the workspace."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

from shoal.scan.claims import claim_path, claim_scan, finish_claim
from shoal.workspace import ScanPaths

HOUR = 3600.0


def paths(tmp_path: Path) -> ScanPaths:
    return ScanPaths(tmp_path / "ws", "acme-widgets-0123456789ab")


def take(p: ScanPaths, owner: str, **kwargs) -> dict:
    return claim_scan(p, owner, stale_after=kwargs.pop("stale_after", 2 * HOUR),
                      reuse_finished=kwargs.pop("reuse_finished", True), **kwargs)


def test_the_first_execution_gets_the_folder_and_a_second_is_told_who_has_it(tmp_path: Path):
    p = paths(tmp_path)
    assert take(p, "arn:exec/a")["granted"] is True
    second = take(p, "arn:exec/b")
    assert second == {"granted": False, "owner": "arn:exec/a", "finished": False, "summary": None}
    assert take(p, "arn:exec/a")["granted"] is True  # the owner replaying its own step


def test_a_finished_scan_is_reused_or_rescanned_as_configured(tmp_path: Path):
    p = paths(tmp_path)
    take(p, "arn:exec/a")
    assert finish_claim(p, "arn:exec/a", {"findings": 3}) is True
    reused = take(p, "arn:exec/b")
    assert reused["granted"] is False and reused["finished"] is True and reused["summary"] == {"findings": 3}
    rescan = take(p, "arn:exec/c", reuse_finished=False)
    assert rescan["granted"] is True and rescan["took_over"] == "arn:exec/a"
    assert json.loads(claim_path(p).read_bytes())["owner"] == "arn:exec/c"


def test_a_failed_scan_leaves_no_result_to_reuse(tmp_path: Path):
    p = paths(tmp_path)
    take(p, "arn:exec/a")
    finish_claim(p, "arn:exec/a", None)
    assert take(p, "arn:exec/b")["granted"] is True


def test_a_stale_claim_is_taken_over_and_its_owner_cannot_finish_it(tmp_path: Path):
    p = paths(tmp_path)
    take(p, "arn:exec/a", now=time.time() - 3 * HOUR)
    assert take(p, "arn:exec/b")["took_over"] == "arn:exec/a"
    assert finish_claim(p, "arn:exec/a", {"findings": 1}) is False
    assert json.loads(claim_path(p).read_bytes())["owner"] == "arn:exec/b"


def test_an_unreadable_claim_is_judged_by_its_age(tmp_path: Path):
    p = paths(tmp_path)
    p.root.mkdir(parents=True)
    claim_path(p).write_bytes(b"")  # created, never written: its execution died in between
    assert take(p, "arn:exec/b")["granted"] is False
    old = time.time() - 3 * HOUR
    os.utime(claim_path(p), (old, old))
    assert take(p, "arn:exec/b")["granted"] is True


def _race(root: str, owner: str, results) -> None:  # noqa: ANN001 - a multiprocessing queue
    results.put((owner, take(ScanPaths(Path(root), "acme-widgets-0123456789ab"), owner)["granted"]))


def test_of_executions_racing_for_one_folder_exactly_one_wins(tmp_path: Path):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    racers = [context.Process(target=_race, args=(str(tmp_path / "ws"), f"arn:exec/{i}", results)) for i in range(6)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(60)
    outcomes = dict(results.get(timeout=10) for _ in racers)
    winners = [owner for owner, granted in outcomes.items() if granted]
    assert len(winners) == 1
    assert json.loads(claim_path(paths(tmp_path)).read_bytes())["owner"] == winners[0]
