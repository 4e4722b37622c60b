"""Scale benchmark: a generated 100,000-file git repository scanned with `shoal scan`, each step's
time and peak memory set against the Lambda limits in template.yaml.

The repository (tests/benchmarks/generated_repo.py: twelve languages, the same bytes every run)
is built once under .bench/scale and kept. Each run scans it into a fresh workspace on the
ordinary disk with the template's default partitioning (MaxPartitions), so each agent here is
one Lambda agent's partition, with SHOAL_STEP_FIGURES recording every step's wall time and peak
resident memory (shoal.stepfigures) and inotify counting the files created in the workspace
(tests/creations.py). The peer is `git archive | tar -x` of the same commit onto the same disk:
the least any export of the tree as loose files costs.

Lambda runs one vCPU at 1769 MB where this machine runs a core of its own, so the margin is
computed on the local figure times planning.LAMBDA_SLOWDOWN (the same factor the planner sizes
partitions with); memory is compared as measured. The checkout and plan steps run in the
orchestrator function, each agent in its own invocation, all with the template's Timeout.

Usage: python tests/benchmarks/scale_bench.py [--files N] [--workers N] [--keep]   (make bench-scale)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "shared"))

import yaml  # noqa: E402

from shoal.scan.planning import LAMBDA_SLOWDOWN  # noqa: E402
from shoal.stepfigures import ENV_STEP_FIGURES, read_figures  # noqa: E402
from tests.benchmarks import generated_repo  # noqa: E402
from tests.creations import Creations  # noqa: E402

BENCH = ROOT / ".bench" / "scale"
MB = 1024 * 1024


class _CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref, !If...) read as plain values."""


_CfnLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def lambda_limits(template: Path = ROOT / "template.yaml") -> dict[str, int]:
    """The template's limits for the functions a scan runs in: Timeout (s), MemorySize (MB) and
    the ephemeral storage default (MB), each function's own value over the Globals'."""
    document = yaml.load(template.read_text(), Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass
    defaults = document["Globals"]["Function"]
    limits: dict[str, int] = {}
    for name in ("OrchestratorFunction", "AgentFunction"):
        properties = document["Resources"][name]["Properties"]
        role = name.removesuffix("Function").lower()
        limits[f"{role}_timeout"] = int(properties.get("Timeout", defaults["Timeout"]))
        limits[f"{role}_memory_mb"] = int(properties.get("MemorySize", defaults["MemorySize"]))
    limits["max_partitions"] = int(document["Parameters"]["MaxPartitions"]["Default"])
    limits["ephemeral_mb"] = int(document["Parameters"]["EphemeralStorageMB"]["Default"])
    return limits


def repository(files: int) -> Path:
    """The generated repository of `files` files, built on first use."""
    repo = BENCH / f"repo-{files}-seed{generated_repo.SEED}"
    if not (repo / ".git" / "generated").exists():
        shutil.rmtree(repo, ignore_errors=True)
        start = time.monotonic()
        commit = generated_repo.build(repo, files)
        (repo / ".git" / "generated").write_text(commit + "\n")
        print(f"generated {files:,} files in {time.monotonic() - start:.1f} s (commit {commit[:12]}) at {repo}")
    return repo


def plain_export_seconds(repo: Path, scratch: Path) -> float:
    """`git archive HEAD | tar -x` into an empty folder on the workspace's disk."""
    dest = scratch / "plain-export"
    dest.mkdir()
    start = time.monotonic()
    archive = subprocess.Popen(["git", "-C", str(repo), "archive", "HEAD"], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(dest)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit("git archive failed")
    seconds = time.monotonic() - start
    shutil.rmtree(dest)
    return seconds


def scan(repo: Path, workspace: Path, figures: Path, workers: int, partitions: int) -> tuple[float, Creations, str]:
    """One `shoal scan` of `repo`; its wall time, the workspace creations and the files analysed
    (as its summary table prints them)."""
    env = {**os.environ, ENV_STEP_FIGURES: str(figures), "PYTHONPATH": str(ROOT / "shared"),
           "POWERTOOLS_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "shoal.cli", "scan", str(repo), "--workspace", str(workspace),
               "--workers", str(workers), "--max-partitions", str(partitions), "--max-shown", "0",
               "--fail-on", "none"]
    workspace.mkdir()
    with Creations(workspace) as created:
        start = time.monotonic()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        wall = time.monotonic() - start
    if done.returncode != 0:
        raise SystemExit(f"shoal scan failed with status {done.returncode}:\n{done.stderr[-3000:]}")
    analysed = re.search(r"files analysed\W+([\d,]+)", done.stdout)
    return wall, created, analysed.group(1) if analysed else "?"


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Seconds the two records' spans share."""
    start = max(a["started"], b["started"])
    end = min(a["started"] + a["seconds"], b["started"] + b["seconds"])
    return max(0.0, end - start)


def step_table(records: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per step: the seconds Lambda's function would spend on its work, and its peak memory (MB).

    Locally a worker may do a step's work early (the checkout, the plan's inventory) while the
    orchestrator's step, begun meanwhile, waits for it; in Lambda the orchestrator does all of
    it. So a step's seconds are the early work's plus the orchestrator's own, less the time the
    two ran side by side (the wait)."""
    table: dict[str, dict[str, float]] = {}
    early = {("plan" if r["step"] == "inventory" else r["step"]): r for r in records if r["process"] == "early-worker"}
    for record in records:
        step = "plan" if record["step"] == "inventory" else record["step"]
        row = table.setdefault(step, {"seconds": 0.0, "peak_mb": 0.0, "count": 0, "git_peak_mb": 0.0})
        peak = (record.get("peak_rss_bytes") or 0) / MB
        if step == "agent":
            row["seconds"] = max(row["seconds"], record["seconds"])  # the slowest agent
            row["count"] += 1
        elif record["process"] == "orchestrator" and step in early:
            row["seconds"] += record["seconds"] - _overlap(record, early[step])
        else:
            row["seconds"] += record["seconds"]
        row["peak_mb"] = max(row["peak_mb"], peak)
        if step == "checkout":
            row["git_peak_mb"] = max(row["git_peak_mb"], record.get("children_peak_rss_bytes", 0) / MB)
    return table


def report(files: int, wall: float, plain: float, table: dict[str, dict[str, float]], created: Creations,
           analysed: str, limits: dict[str, int]) -> None:
    partitions = int(table.get("agent", {}).get("count", 0))
    print(f"\nshoal scan of {files:,} generated files: {wall:.1f} s wall, {analysed} files analysed, "
          f"{partitions} agents")
    print(f"{'step':10} {'local s':>8} {'x' + format(LAMBDA_SLOWDOWN, 'g') + ' s':>8} {'timeout':>8} "
          f"{'margin':>7} {'peak MB':>8} {'memory':>7} {'margin':>7}")
    for step, role in (("checkout", "orchestrator"), ("plan", "orchestrator"), ("agent", "agent"),
                       ("merge", "orchestrator")):
        row = table.get(step)
        if row is None:
            print(f"{step:10} not recorded")
            continue
        timeout, memory = limits[f"{role}_timeout"], limits[f"{role}_memory_mb"]
        lam = row["seconds"] * LAMBDA_SLOWDOWN
        label = "max agent" if step == "agent" else step
        print(f"{label:10} {row['seconds']:8.1f} {lam:8.1f} {timeout:7d}s {timeout / max(lam, 1e-9):6.1f}x "
              f"{row['peak_mb']:8.0f} {memory:6d}M {memory / max(row['peak_mb'], 1e-9):6.1f}x")
    checkout = table.get("checkout", {})
    print(f"checkout vs `git archive | tar -x` of the same tree: {checkout.get('seconds', 0):.1f} s / {plain:.1f} s "
          f"= {checkout.get('seconds', 0) / plain:.2f}x; git's peak in the checkout at most "
          f"{checkout.get('git_peak_mb', 0):.0f} MB (its largest child process)")
    src = sum(n for path, n in created.paths.items() if "/src/" in path or path.endswith("/src"))
    print(f"workspace creations: {created.total:,} in all, {src:,} of them the exported tree (src/), "
          f"{created.total - src:,} else ({(created.total - src) / max(partitions, 1):.1f} per partition)")
    print(f"template: agent and orchestrator Timeout {limits['agent_timeout']} s, MemorySize "
          f"{limits['agent_memory_mb']} MB, MaxPartitions {limits['max_partitions']}, EphemeralStorageMB "
          f"{limits['ephemeral_mb']} (orchestrator ExecutionTimeout is the whole scan's)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the workspace (printed) after the run")
    args = parser.parse_args()
    if args.files < 1:
        raise SystemExit("--files must be at least 1")
    began = time.monotonic()
    limits = lambda_limits()
    repo = repository(args.files)
    BENCH.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=BENCH))
    try:
        plain = plain_export_seconds(repo, scratch)
        figures = scratch / "figures.jsonl"
        wall, created, analysed = scan(repo, scratch / "ws", figures, args.workers, limits["max_partitions"])
        report(args.files, wall, plain, step_table(read_figures(str(figures))), created, analysed, limits)
    finally:
        if args.keep:
            print(f"workspace kept at {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"benchmark run time {time.monotonic() - began:.0f} s")


if __name__ == "__main__":
    main()
