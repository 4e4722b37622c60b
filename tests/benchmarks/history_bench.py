"""Benchmark: `--history` against the head tree's secrets pass (issue 21's target: at most 3x).

Builds the repository `tests/integration/test_secret_history.py` builds (524 commits from 17
PyPI releases of `packaging`, secrets planted in files later commits delete), then times, in
alternating rounds, the head tree's secrets pass (read each file of HEAD, scan it) and
`scan_history` (every reachable blob once), and prints the medians and their ratio.
`--against <checkout>` times that checkout's `scan_history` on the same repository, in a process
of its own alternating with this one's, and prints both ratios. Also printed: the CPU seconds of
each (this process's, plus its git children's), steadier than wall time on a loaded machine.

    python tests/benchmarks/history_bench.py [--rounds 15] [--against ../main]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.integration.test_secret_history import build, head_secrets_pass  # noqa: E402


def _git_cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def _cpu() -> float:
    return time.process_time() + _git_cpu()


def history_seconds(repo: Path) -> tuple[float, float, float]:
    """(wall, CPU, git's CPU) seconds of one scan_history."""
    from shoal.secrets.history import scan_history  # from whichever shared/ is first on the path

    cpu, git, start = _cpu(), _git_cpu(), time.perf_counter()
    scan_history(repo)
    return time.perf_counter() - start, _cpu() - cpu, _git_cpu() - git


def head_seconds(repo: Path) -> tuple[float, float]:
    cpu, start = _cpu(), time.perf_counter()
    head_secrets_pass(repo)
    return time.perf_counter() - start, _cpu() - cpu


# head wall, history wall, head CPU, history CPU (git's included), git's CPU in the history scan
Timings = tuple[list[float], list[float], list[float], list[float], list[float]]


def rounds(repo: Path, count: int) -> Timings:
    """Head passes and history scans, alternating so load shifts hit both alike."""
    out: Timings = ([], [], [], [], [])
    for _ in range(count):
        (head, head_cpu), (history, history_cpu, git_cpu) = head_seconds(repo), history_seconds(repo)
        for into, value in zip(out, (head, history, head_cpu, history_cpu, git_cpu)):
            into.append(value)
    return out


def _other(checkout: Path, repo: Path, count: int) -> Timings:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(checkout / "shared"), str(ROOT)])}
    out = subprocess.run([sys.executable, __file__, "--repo", str(repo), "--rounds", str(count), "--raw"],
                         env=env, capture_output=True, text=True, check=True).stdout.split("\n")
    head, history, head_cpu, history_cpu, git_cpu = ([float(x) for x in out[i].split()] for i in range(5))
    return head, history, head_cpu, history_cpu, git_cpu


TARGET = 3.0  # issue 21: --history in at most 3x the head scan's secrets pass


def line(label: str, timings: Timings) -> str:
    head, history, head_cpu, history_cpu, git_cpu = (statistics.median(values) for values in timings)

    def verdict(ratio: float) -> str:
        return f"x{ratio:.2f} of the x{TARGET:.0f} target: {'met' if ratio <= TARGET else 'not met'}"

    return (f"{label}: head secrets pass {head:.3f} s, history {history:.3f} s, wall {verdict(history / head)};"
            f" CPU {head_cpu:.3f} s, {history_cpu:.3f} s with git's {git_cpu:.3f} s, {verdict(history_cpu / head_cpu)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--against", type=Path, help="another checkout whose scan_history to time alike")
    parser.add_argument("--repo", type=Path, help=argparse.SUPPRESS)  # an already built repository
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)  # the timings, for --against
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shoal-history-bench-") as scratch:
        repo = args.repo
        if repo is None:
            repo = Path(scratch) / "repo"
            build(repo)
        if args.raw:
            rounds(repo, 1)  # warm: patterns compile on first use, and the OS caches the repository
            print("\n".join(" ".join(map(str, values)) for values in rounds(repo, args.rounds)))
            return
        commits = subprocess.run(["git", "-C", str(repo), "rev-list", "--count", "--all"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        print(f"{commits} commits, medians of {args.rounds} rounds")
        if args.against is None:
            rounds(repo, 1)  # warm: patterns compile on first use, and the OS caches the repository
            print(line("this checkout", rounds(repo, args.rounds)))
            return
        mine: Timings = ([], [], [], [], [])
        theirs: Timings = ([], [], [], [], [])
        for _ in range(args.rounds):  # one round each in turn, each in a fresh process
            for into, checkout in ((mine, ROOT), (theirs, args.against.resolve())):
                for values, more in zip(into, _other(checkout, repo, 1)):
                    values.extend(more)
        print(line("this checkout", mine))
        print(line(str(args.against), theirs))


if __name__ == "__main__":
    main()
