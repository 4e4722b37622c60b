"""Two requests for one repository and commit run one scan: the orchestrator claims the scan
folder (as Lambda executions in different sandboxes must), and a second execution reuses the
first one's result or names the execution that is still running it."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from shoal.scan.claims import claim_path
from shoal.local.engine import LocalEngine, ScanFailed
from shoal.workspace import ScanPaths

SCAN = "claimed"


def run(repo: Path, workspace: Path, **options: Any) -> tuple[dict[str, Any], set[str]]:
    engine = LocalEngine(1, {"SHOAL_WORKSPACE": str(workspace)})
    event = {"scan_id": SCAN, "repository": str(repo),
             "options": {"workspace": str(workspace), "max_partitions": 2, "max_concurrency": 2, **options}}
    summary = engine.run(event, "shoal-agent")
    return summary, {op.name or "" for op in engine.last_operations}


def claim(workspace: Path) -> dict[str, Any]:
    return json.loads(claim_path(ScanPaths(workspace, SCAN)).read_bytes())


def test_a_second_request_reuses_the_finished_scan_without_redoing_it(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    ws = tmp_path / "ws"
    first, ran = run(repo, ws)
    assert {"claim", "checkout", "merge", "release"} <= ran
    owner = claim(ws)["owner"]
    assert claim(ws)["finished"] is True
    second, ran_again = run(repo, ws)
    assert "checkout" not in ran_again and "merge" not in ran_again
    assert second["duplicate_of"] == owner and second["duplicate_finished"] is True
    assert second["reports"] == first["reports"] and second["findings"] == first["findings"]


def test_with_reuse_off_a_finished_scan_is_scanned_again(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    ws = tmp_path / "ws"
    run(repo, ws)
    first_owner = claim(ws)["owner"]
    summary, ran = run(repo, ws, reuse_finished=False)
    assert "checkout" in ran and "duplicate_of" not in summary
    assert claim(ws)["owner"] != first_owner


def test_a_scan_another_execution_is_running_is_left_alone(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    ws = tmp_path / "ws"
    paths = ScanPaths(ws, SCAN)
    paths.root.mkdir(parents=True)
    held = {"schema": "shoal/claim/v1", "owner": "arn:aws:lambda:eu-west-1:1:function:o:live/durable-execution/x/y",
            "claimed_at": time.time(), "finished": False}
    claim_path(paths).write_text(json.dumps(held))
    summary, ran = run(repo, ws)
    assert summary["duplicate_of"] == held["owner"] and summary["duplicate_finished"] is False
    assert "checkout" not in ran and not paths.src.exists()
    assert claim(ws) == held


def test_a_claim_older_than_an_execution_can_live_is_taken_over(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    ws = tmp_path / "ws"
    paths = ScanPaths(ws, SCAN)
    paths.root.mkdir(parents=True)
    claim_path(paths).write_text(json.dumps({"owner": "arn:dead", "claimed_at": time.time() - 7300}))
    summary, ran = run(repo, ws)
    assert "checkout" in ran and "duplicate_of" not in summary and summary["files"] > 0
    assert claim(ws)["owner"] != "arn:dead" and claim(ws)["finished"] is True


def test_a_failed_scan_frees_its_folder_and_leaves_nothing_to_reuse(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    ws = tmp_path / "ws"
    with pytest.raises(ScanFailed):
        run(repo, ws, faults="p0000:raise", agent_attempts=1, max_failed_partitions=0)
    assert claim(ws)["finished"] is True and claim(ws)["summary"] is None
    summary, ran = run(repo, ws)
    assert "checkout" in ran and summary["partial"] is False
