"""Durability: `shoal scan` killed with SIGKILL at many points, then resumed, finishes the scan with
reports byte-identical to an uninterrupted scan, and never redoes work the killed run recorded.

The kills are driven by SHOAL_TEST_KILL_AT (shoal.testhooks): the process sends itself SIGKILL the
n-th time it reaches a named point, so every point is hit exactly, not by timing. Every stage and
agent run appends to a trace file (SHOAL_TEST_TRACE), tagged with the run (SHOAL_TEST_RUN), and the
durable state left by each killed run is read back to know what it had recorded.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from shoal.cli import EXIT_FINDINGS, default_scan_id

SHOAL = [sys.executable, "-m", "shoal.cli"]
# Small partitions, so simplejson (56 files) fans out to 6 agents on 2 workers.
# Fail on warnings: simplejson has complex functions, so a scan that finishes exits 1 (its own
# injection patterns take no untrusted input, so they are notes).
ENVIRONMENT = {"SHOAL_MIN_PARTITION_BYTES": "32768", "POWERTOOLS_LOG_LEVEL": "WARNING", "SHOAL_FAIL_ON": "warning"}
SCAN_OPTIONS = ["--workers", "2", "--max-partitions", "6"]
STAGES = ("checkout", "plan", "merge")
REPORTS = ("findings.json", "shoal.sarif", "summary.md")

# Each chain is one scan killed again and again, every run resuming the one before; the last
# run finishes it. Between them they cover every stage: before checkout ends, between steps,
# in the middle of the fan-out (after 1, 2, 3 agents returned) and in the merge (before any
# report, between reports, after them all but before the merge was recorded, after it was).
# The retries chain has agents that fail once (an exception; a dead process): their failures,
# backoff timers and retries are durable state too, and the reports still come out the same.
FAULTS = "p0001:flaky,p0003:die-once"
CHAINS: dict[str, tuple[list[str], dict[str, str]]] = {
    "stages": (["checkout", "checkout-exported", "checked-out", "plan", "planned", "agent-returned:2",
                "merge", "report-written:1", "merged"], {}),
    "fan-out": (["agent-returned:1", "agent-returned:1", "agent-returned:3", "report-written:2",
                 "report-written:3"], {}),
    "retries": (["agent-returned:2", "agent-returned:2", "agent-returned:1"], {"SHOAL_FAULTS": FAULTS}),
}


@dataclass
class Chain:
    workspace: Path
    trace: Path
    scan_id: str
    runs: list[str] = field(default_factory=list)
    snapshots: list[dict] = field(default_factory=list)  # the durable state each killed run left
    final: Any = None  # the completed process of the run that finished the scan

    def lines(self, run: str) -> list[tuple[str, str]]:
        found = []
        for line in self.trace.read_text().splitlines():
            tag, point, *detail = line.split(" ")
            if tag == run:
                found.append((point, detail[0] if detail else ""))
        return found


def shoal_scan(
    repo: Path, workspace: Path, trace: Path, run: str, kill_at: str | None, *extra: str, env: dict | None = None
):
    env = {**os.environ, **ENVIRONMENT, **(env or {}), "SHOAL_TEST_TRACE": str(trace), "SHOAL_TEST_RUN": run}
    env.pop("SHOAL_TEST_KILL_AT", None)
    if kill_at:
        env["SHOAL_TEST_KILL_AT"] = kill_at
    target = [] if "--resume" in extra else [str(repo)]
    return subprocess.run([*SHOAL, "scan", *target, "--workspace", str(workspace), *SCAN_OPTIONS, *extra],
                          env=env, capture_output=True, text=True, timeout=300)


def durable_state(workspace: Path, scan_id: str) -> dict:
    (path,) = (workspace / "scans" / scan_id / "state").glob("*.json")
    return json.loads(path.read_bytes())


def recorded(state: dict) -> tuple[set[str], set[str]]:
    """The steps and the partitions' agents whose success the state records."""
    done = [op["Name"] for op in state["Operations"] if op.get("Status") == "SUCCEEDED"]
    steps = {name for name in done if name in STAGES}
    partitions = {m.group(1) for name in done if (m := re.fullmatch(r"agent-(p\d+)(-retry\d+)?", name))}
    return steps, partitions


def report_bytes(workspace: Path, scan_id: str) -> dict[str, bytes]:
    folder = workspace / "scans" / scan_id / "report"
    return {name: (folder / name).read_bytes() for name in REPORTS}


@pytest.fixture(scope="module")
def uninterrupted(corpus_repo, tmp_path_factory) -> tuple[dict[str, bytes], int, set[str]]:
    repo, _ = corpus_repo
    workspace = tmp_path_factory.mktemp("clean")
    trace = workspace / "trace.txt"
    done = shoal_scan(repo, workspace, trace, "clean", None)
    assert done.returncode == EXIT_FINDINGS, done.stderr
    scan_id = default_scan_id(str(repo), "main")  # a local scan without --ref scans its checked-out branch
    partitions = {detail for point, detail in Chain(workspace, trace, scan_id).lines("clean") if point == "agent"}
    assert len(partitions) >= 5, partitions  # a real fan-out, or the mid-fan-out kills prove little
    return report_bytes(workspace, scan_id), done.returncode, partitions


def run_chain(
    repo: Path, workspace: Path, kill_points: list[str], last: tuple[str, ...] = (), env: dict | None = None
) -> Chain:
    chain = Chain(workspace, workspace / "trace.txt", default_scan_id(str(repo), "main"))
    for index, point in enumerate(kill_points):
        run = f"run{index}"
        killed = shoal_scan(repo, workspace, chain.trace, run, point, env=env)
        assert killed.returncode == -signal.SIGKILL, (point, killed.returncode, killed.stderr)
        chain.runs.append(run)
        chain.snapshots.append(durable_state(workspace, chain.scan_id))
    chain.runs.append("final")
    chain.final = shoal_scan(repo, workspace, chain.trace, "final", None, *last, env=env)
    return chain


def check_nothing_recorded_ran_again(chain: Chain) -> int:
    """No step or agent the state recorded as done ran in any later run; returns how many agents
    ran again because the run that ran them was killed before their result was recorded."""
    rerun = 0
    for index, snapshot in enumerate(chain.snapshots):
        steps, partitions = recorded(snapshot)
        for later in chain.runs[index + 1:]:
            ran = chain.lines(later)
            again_steps = steps & {point for point, _ in ran}
            again_agents = partitions & {detail for point, detail in ran if point == "agent"}
            assert not again_steps, f"{later} ran {again_steps} again, recorded before by {chain.runs[index]}"
            assert not again_agents, f"{later} analysed {again_agents} again, recorded by {chain.runs[index]}"
    analysed: dict[str, int] = {}
    for run in chain.runs:
        for point, detail in chain.lines(run):
            if point == "agent":
                analysed[detail] = analysed.get(detail, 0) + 1
    rerun = sum(count - 1 for count in analysed.values())
    return rerun


@pytest.mark.parametrize("name", sorted(CHAINS))
def test_a_scan_killed_again_and_again_resumes_to_the_same_reports(name, corpus_repo, uninterrupted, tmp_path):
    repo, _ = corpus_repo
    expected, exit_code, partitions = uninterrupted
    # The fan-out chain finishes with --resume SCAN, the stages chain by re-running the command.
    last = ("--resume", default_scan_id(str(repo), "main")) if name == "fan-out" else ()
    kill_points, env = CHAINS[name]
    chain = run_chain(repo, tmp_path / "ws", kill_points, last, env)
    assert chain.final.returncode == exit_code, chain.final.stderr
    assert "resuming scan" in chain.final.stderr
    assert report_bytes(chain.workspace, chain.scan_id) == expected
    rerun = check_nothing_recorded_ran_again(chain)
    every = {detail for run in chain.runs for point, detail in chain.lines(run) if point == "agent"}
    assert every == partitions
    # Work is lost only with the process that was doing it: per kill, the agent whose result was
    # arriving and those still running on the two workers (one may have just taken the freed
    # worker); beside those, only the retries of the injected faults run an agent again.
    faults = len(env["SHOAL_FAULTS"].split(",")) if "SHOAL_FAULTS" in env else 0
    assert rerun <= 3 * len(kill_points) + faults
    print(f"\n{name}: {len(kill_points)} kills survived, {len(partitions)} partitions, {rerun} agents re-run")


def test_stages_recorded_before_a_kill_do_not_run_on_resume(corpus_repo, tmp_path):
    """Killed after the plan was recorded: the resumed run neither checks out nor plans again: the
    exported tree and the plan are the very files the killed run wrote (same inodes)."""
    repo, _ = corpus_repo
    workspace = tmp_path / "ws"
    trace = workspace / "trace.txt"
    scan_id = default_scan_id(str(repo), "main")
    killed = shoal_scan(repo, workspace, trace, "killed", "planned")
    assert killed.returncode == -signal.SIGKILL
    assert {"checkout", "plan"} <= recorded(durable_state(workspace, scan_id))[0]
    folder = workspace / "scans" / scan_id
    inodes = {name: (folder / name).stat().st_ino for name in ("src", "plan.json", "checkout.json")}
    resumed = shoal_scan(repo, workspace, trace, "resumed", None)
    assert resumed.returncode == EXIT_FINDINGS, resumed.stderr
    ran = {point for point, _ in Chain(workspace, trace, scan_id).lines("resumed")}
    assert "checkout" not in ran and "plan" not in ran and "merge" in ran
    assert {name: (folder / name).stat().st_ino for name in inodes} == inodes


def test_a_finished_scan_resumed_prints_its_result_and_runs_nothing(corpus_repo, uninterrupted, tmp_path):
    repo, _ = corpus_repo
    expected, exit_code, _ = uninterrupted
    workspace = tmp_path / "ws"
    trace = workspace / "trace.txt"
    scan_id = default_scan_id(str(repo), "main")
    first = shoal_scan(repo, workspace, trace, "first", None)
    assert first.returncode == exit_code, first.stderr
    again = shoal_scan(repo, workspace, trace, "again", None, "--resume", scan_id, "--format", "sarif")
    assert again.returncode == exit_code, again.stderr
    assert again.stdout.encode() == expected["shoal.sarif"]
    assert Chain(workspace, trace, scan_id).lines("again") == []
    # Re-running the command itself scans again: the ref may have moved since.
    rescan = shoal_scan(repo, workspace, trace, "rescan", None)
    assert rescan.returncode == exit_code and "resuming" not in rescan.stderr
    assert ("checkout", scan_id) in Chain(workspace, trace, scan_id).lines("rescan")


def test_fresh_starts_over_and_what_cannot_be_resumed_is_a_clear_error(corpus_repo, tmp_path):
    repo, _ = corpus_repo
    workspace = tmp_path / "ws"
    trace = workspace / "trace.txt"
    scan_id = default_scan_id(str(repo), "main")
    killed = shoal_scan(repo, workspace, trace, "killed", "planned")
    assert killed.returncode == -signal.SIGKILL
    fresh = shoal_scan(repo, workspace, trace, "fresh", None, "--fresh")
    assert fresh.returncode == EXIT_FINDINGS, fresh.stderr
    assert ("checkout", scan_id) in Chain(workspace, trace, scan_id).lines("fresh")
    # Checkpoints replay only through the code that wrote them: another version refuses to resume.
    killed = shoal_scan(repo, workspace, trace, "killed-again", "planned")
    assert killed.returncode == -signal.SIGKILL
    (workspace / "scans" / scan_id / "state" / "shoal-version").write_text("0.0.1\n")
    other = shoal_scan(repo, workspace, trace, "other-version", None)
    assert other.returncode == 2 and "started by Shoal 0.0.1" in other.stderr and "--fresh" in other.stderr
    assert Chain(workspace, trace, scan_id).lines("other-version") == []
    missing = shoal_scan(repo, workspace, trace, "missing", None, "--resume", "no-such-scan")
    assert missing.returncode == 2
    assert "no scan no-such-scan to resume" in missing.stderr and "Traceback" not in missing.stderr
