"""Benchmark: where a local scan's CPU goes outside the agents, steady on a loaded machine.

Wall time on a shared 2-core machine moves by a factor of two from one run to the next; CPU time
(user + sys of every process of the scan) moves far less. This scans a corpus with 2 workers a few
times and prints the medians of: the wall time, the CPU of all the scan's processes, the agents'
CPU (each agent step's process CPU, from the step figures, shoal.stepfigures) and the rest: the
engine's start, the checkout, inventory and plan, the workers' start and warm-up, the merge and
the reports, the terminal. With several --tree (Shoal source trees, each holding shared/shoal), the
trees' scans alternate, round by round, so they share the machine's load, and the last line gives
each tree's non-agent CPU against the first tree's.

    python tests/benchmarks/local_overhead.py <corpus> [--rounds 5] [--security] [--tree DIR ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    agents: float

    @property
    def other(self) -> float:
        return self.cpu - self.agents


def scan(tree: Path, corpus: Path, security: bool, scratch: Path) -> Run:
    """One fresh scan of `corpus` with the Shoal of `tree`, its figures."""
    workspace, figures = scratch / "ws", scratch / "figures.jsonl"
    shutil.rmtree(workspace, ignore_errors=True)
    figures.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree / "shared"), "SHOAL_STEP_FIGURES": str(figures),
           "POWERTOOLS_LOG_LEVEL": "WARNING"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed Shoal runs: from cached bytecode
    command = [sys.executable, "-m", "shoal.cli", "scan", str(corpus), "--workspace", str(workspace),
               "--workers", "2", "-q", "--fail-on", "none", *([] if security else ["--metrics-only"])]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"the scan with {tree} failed ({done.returncode}): {done.stderr[-2000:]}")
    records = [json.loads(line) for line in figures.read_text().splitlines() if line.strip()]
    agents = sum(float(r.get("cpu_seconds", 0.0)) for r in records if r["step"] == "agent")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, agents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--security", action="store_true", help="with the rules and secrets (default: metrics only)")
    parser.add_argument("--tree", type=Path, action="append", help="a Shoal source tree (default: this one)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus} is not a folder")
    trees = [t.resolve() for t in (args.tree or [ROOT])]
    for tree in trees:
        if not (tree / "shared" / "shoal").is_dir():
            raise SystemExit(f"{tree} holds no shared/shoal: not a Shoal source tree")
    runs: dict[Path, list[Run]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory(prefix="shoal-overhead-") as scratch:
        for round_ in range(args.rounds):
            for tree in trees if round_ % 2 == 0 else trees[::-1]:
                runs[tree].append(scan(tree, args.corpus, args.security, Path(scratch)))
    load = os.getloadavg()[0]
    kind = "rules and secrets" if args.security else "metrics only"
    print(f"{args.corpus.name}, 2 workers, {kind}, medians of {args.rounds} (load average {load:.1f} at the end)")
    print(f"{'tree':40} {'wall s':>8} {'CPU s':>8} {'agents':>8} {'other':>8}")
    for tree in trees:
        done = runs[tree]
        print(f"{str(tree)[-40:]:40} {statistics.median(r.wall for r in done):8.2f} "
              f"{statistics.median(r.cpu for r in done):8.2f} {statistics.median(r.agents for r in done):8.2f} "
              f"{statistics.median(r.other for r in done):8.2f}")
    if len(trees) > 1:
        first = statistics.median(r.other for r in runs[trees[0]])
        ratios = ", ".join(f"{statistics.median(r.other for r in runs[t]) / first:.2f}" for t in trees[1:])
        print(f"non-agent CPU against the first tree: {ratios}")


if __name__ == "__main__":
    main()
