"""Benchmark: Shoal against lizard and cloc on pinned real corpora, in one run on the same files.

Prints, per corpus: files, MB, wall seconds and MB/s of a metrics-only Shoal scan with 1 and 2
workers, the 2-vs-1 worker speed-up, peak memory per worker, `lizard -t 2` wall time on the same
files and the ratio, the cost of adding the security rules and secrets (a full scan against the
metrics-only one), and agreement with lizard (cyclomatic complexity) and cloc (code lines per
file), the error-severity injection findings of the security scan (each listed: on real code they
must be few and each worth a reviewer's look) and what taint tracking adds to the agents' CPU. Then
Shoal's Python security findings beside bandit's on Django (bandit_compare.py).

    python tests/benchmarks/bench.py [--corpus django|sympy ...] [--repeat N] [--skip-agreement]
    python tests/benchmarks/bench.py --cpu-only [--corpus ...] [--repeat N]   # the agent CPU lines alone
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
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / ".bench"
CORPORA = {"django": ("django", "5.2.19"), "sympy": ("sympy", "1.14.0"), "go": ("go", "1.19.8")}
# The Go standard library's source, from Debian bookworm's package (issue 19 names it beside Django
# and SymPy): (package, version, sha256 of the .deb, the source folder inside it).
GO_SOURCE = ("golang-1.19-src", "1.19.8-2", "2dfa82fe4f08f4e0193c532e561af4c91871f5235608f04f2bb8d57bb288df5a",
             "usr/share/go-1.19/src")
DEFAULT_CORPORA = ("django", "sympy")  # `go` (5,557 files, lizard takes minutes) only when asked
CLOC_VERSION = "2.11.0"
# Injection classes beyond those the taint rules declare: command, code and expression-language
# injection reported by pattern rules of other languages.
EXTRA_INJECTION_CWES = frozenset({"CWE-77", "CWE-94", "CWE-917"})
INJECTION_TARGET = 10  # error-severity injection findings on Django and SymPy together

sys.path.insert(0, str(ROOT))


def ensure_corpus(name: str) -> Path:
    package, version = CORPORA[name]
    target = BENCH / "corpora" / f"{package}-{version}"
    if name == "go":
        return ensure_debian_source(target)
    if target.is_dir():
        return target
    from tests.helpers import download_sdist

    return download_sdist(package, version, BENCH / "downloads", BENCH / "corpora")


def ensure_debian_source(target: Path) -> Path:
    """Debian's golang source package, fetched with `apt-get download` (the package registry this
    machine may reach), checked against its pinned sha256 and unpacked once."""
    package, version, sha256, inside = GO_SOURCE
    source = target / inside
    if source.is_dir():
        return source
    downloads = BENCH / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    deb = downloads / f"{package}_{version}_all.deb"
    if not deb.exists():
        done = subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=downloads,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"apt-get download {package}={version} failed (run `apt-get update` first?): "
                             f"{done.stderr.strip()[-500:]}")
    import hashlib

    if hashlib.sha256(deb.read_bytes()).hexdigest() != sha256:
        raise SystemExit(f"{deb}: sha256 is not the pinned {sha256}: delete it and run again")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    return source


def ensure_cloc() -> list[str]:
    tools = BENCH / "tools"
    cloc = tools / "node_modules" / ".bin" / "cloc"
    if not cloc.exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(tools), f"cloc@{CLOC_VERSION}"], check=True)
    return [str(cloc)]


def workspace_root() -> str | None:
    """The ordinary disk, as a user's scan has it: the system temp folder (`--workspace-root
    /dev/shm` measures the pipeline without the disk; figures taken so are labelled tmpfs)."""
    return None


WORKSPACE_ROOT: str | None = None


def filesystem_type(path: str) -> str:
    """The type of the file system holding `path` (tmpfs, ext4, nfs4...), from /proc/self/mounts."""
    best, kind = "", "unknown file system"
    resolved = os.path.realpath(path)
    for line in Path("/proc/self/mounts").read_text().splitlines():
        _, mount, fstype, *_ = line.split()
        if (resolved == mount or resolved.startswith(mount.rstrip("/") + "/")) and len(mount) >= len(best):
            best, kind = mount, fstype
    return kind


def run_shoal(corpus: Path, workers: int, security: bool = False) -> dict[str, Any]:
    """One full scan in a fresh process and workspace; returns its summary, wall time and memory.

    The wall time is taken out here, around the whole process, as it is for lizard: interpreter
    start and imports count.
    """
    workspace = Path(tempfile.mkdtemp(prefix="shoal-bench-", dir=WORKSPACE_ROOT))
    try:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, "--one-scan", str(corpus), "--workers", str(workers),
             "--workspace", str(workspace), *(["--security"] if security else [])],
            check=True, capture_output=True, text=True,
        )
        wall = time.perf_counter() - start
        measured = json.loads(done.stdout.strip().splitlines()[-1])
        measured["wall"] = wall
        report = json.loads((workspace / measured["summary"]["reports"]["json"]).read_bytes())
        measured["report"] = report
        return measured
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
        # Flush the deletion of ~7,000 files now: left to the journal, it slows the next run's
        # file creation (measured: checkout 0.7 s -> 3 s), whichever tool runs next.
        os.sync()


def one_scan(corpus: str, workers: int, workspace: str, security: bool) -> None:
    """Child side of run_shoal: scan, then print wall time and peak RSS of self and of the workers."""
    from shoal.local.engine import LocalEngine, local_options

    from tests.helpers import peak_rss_mb

    engine = LocalEngine(workers, {"SHOAL_WORKSPACE": workspace, "POWERTOOLS_LOG_LEVEL": "WARNING"})
    event = {"scan_id": "bench", "repository": corpus, "ref": None,
             # The options `shoal scan --workers N` uses.
             "options": {"workspace": workspace, "fail_on": "none", "security": security,
                         **local_options(workers)}}
    summary = engine.run(event, "shoal-agent")
    print(json.dumps({
        "summary": summary,
        "orchestrator_rss_mb": peak_rss_mb(),
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def compile_bytecode() -> None:
    """Compile Shoal's modules as installing it does (pip compiles what it installs; lizard's
    bytecode is there). A source checkout run with PYTHONDONTWRITEBYTECODE set never gets any,
    and then every scan's processes compile ~60 modules again: 0.05-0.1 s of a Django scan.
    The bytecode goes to the git-ignored __pycache__ folders and is ignored once a source changes."""
    import compileall

    import shoal

    compileall.compile_dir(Path(shoal.__file__).parent, quiet=1)


def run_lizard(src: Path, paths: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lizard", "-t", "2", *paths], cwd=src,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # lizard exits 1 when it prints warnings (functions over its limits); anything else is a failure.
    if done.returncode not in (0, 1):
        raise SystemExit(f"lizard failed with status {done.returncode}: {done.stderr[-2000:]}")
    return time.perf_counter() - start


def bench_corpus(name: str, cloc_cmd: list[str] | None, repeat: int) -> dict[str, Any]:
    """Median of `repeat` rounds; each round runs Shoal with 2 and 1 workers and lizard, in turn,
    so a noisy neighbour slows all three alike."""
    corpus = ensure_corpus(name)
    rounds: list[tuple[dict[str, Any], dict[str, Any], float]] = []
    paths: list[str] = []
    security_walls: list[float] = []
    security_report: dict[str, Any] = {}
    for _ in range(repeat):
        two = run_shoal(corpus, 2)
        one = run_shoal(corpus, 1)
        paths = [f["path"] for f in two["report"]["files"]]
        rounds.append((two, one, run_lizard(corpus, paths)))
        secure = run_shoal(corpus, 2, security=True)
        security_walls.append(secure["wall"])
        security_report = secure["report"]
    two = sorted((r[0] for r in rounds), key=lambda m: m["wall"])[len(rounds) // 2]
    report = two["report"]
    megabytes = report["summary"]["bytes"] / 1e6
    lizard_wall = statistics.median(r[2] for r in rounds)
    row = {
        "corpus": f"{CORPORA[name][0]} {CORPORA[name][1]}",
        "files": len(paths),
        "mb": megabytes,
        "repeat": repeat,
        "wall_1": statistics.median(r[1]["wall"] for r in rounds),
        "wall_2": two["wall"],
        "mbps_2": megabytes / two["wall"],
        "speedup": statistics.median(r[1]["wall"] / r[0]["wall"] for r in rounds),
        "worker_rss_mb": two["worker_rss_mb"],
        "orchestrator_rss_mb": two["orchestrator_rss_mb"],
        "lizard_wall": lizard_wall,
        "ratio": statistics.median(r[0]["wall"] / r[2] for r in rounds),
        "security_wall_2": statistics.median(security_walls),
        "security_overhead": statistics.median(s / r[0]["wall"] for s, r in zip(security_walls, rounds)),
        "package": CORPORA[name][0],
        "injections": injection_errors(security_report),
        "other_errors": sorted(
            f["rule_id"] for f in security_report["findings"]
            if f["severity"] == "error" and f["cwe"] not in injection_cwes() and not f["rule_id"].startswith("secrets/")),
        "taint_cpu": taint_cpu(corpus) if name != "go" else None,  # over Python files
    }
    if cloc_cmd is not None:
        from shoal.models import FileMetrics

        from tests.benchmarks.agreement import cloc_agreement, lizard_agreement

        files = [FileMetrics.from_dict(f) for f in report["files"]]
        row["lizard_agreement"] = lizard_agreement(corpus, files)
        row["cloc_agreement"] = cloc_agreement(corpus, files, cloc_cmd)
    return row


def injection_cwes() -> frozenset[str]:
    """The injection classes: those of the taint rules (source-to-sink) and a few more."""
    from shoal.rules.registry import builtin_rules

    return frozenset(r.cwe for r in builtin_rules() if r.mode == "taint" and r.cwe) | EXTRA_INJECTION_CWES


def injection_errors(report: dict[str, Any]) -> list[str]:
    """`path:line rule` of each error-severity injection finding of a security scan's report."""
    wanted = injection_cwes()
    return sorted(
        f"{f['location']['path']}:{f['location']['start_line']} {f['rule_id']}"
        for f in report["findings"] if f["severity"] == "error" and f["cwe"] in wanted
    )


def in_package(row: dict[str, Any]) -> list[str]:
    """The injection errors in the package itself (what a wheel installs), as issue 20's target
    counts them; the sdist's own test suite (Django's tests/) is listed but not in that count."""
    return [f for f in row["injections"] if f.startswith(f"{row['package']}/")]


def taint_cpu(corpus: Path) -> dict[str, float]:
    """Agent CPU over the corpus's Python files in this process: metrics only, security rules
    without taint tracking, and with it, taking turns every few files (taint_cost.py)."""
    from tests.benchmarks.taint_cost import interleaved_cpu

    return interleaved_cpu(corpus, sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.py")))


METRICS_TARGET, FULL_TARGET = 0.35, 0.5  # issue 19: wall time over `lizard -t 2`'s, metrics only and full
RULES_TARGET, TAINT_TARGET = 1.5, 1.6  # issue 14 (rules + secrets) and issue 20 (with taint), over metrics


def cpu_only(names: list[str], repeat: int) -> None:
    """The agent CPU figures alone (`--cpu-only`): medians of `repeat` rounds per corpus, each
    round the three passes taking turns every few files, so a machine that slows down shifts all three."""
    for name in names:
        rounds = [taint_cpu(ensure_corpus(name)) for _ in range(repeat)]
        cpu = {kind: statistics.median(r[kind] for r in rounds) for kind in ("metrics", "rules", "taint")}
        rules, taint = cpu["rules"] / cpu["metrics"], cpu["taint"] / cpu["metrics"]
        print(f"{name}: agent CPU metrics {cpu['metrics']:.2f} s, + rules {cpu['rules']:.2f} s (x{rules:.2f}, "
              f"target <= x{RULES_TARGET}: {'met' if rules <= RULES_TARGET else 'not met'}), + taint "
              f"{cpu['taint']:.2f} s (x{taint:.2f}, target <= x{TAINT_TARGET}: "
              f"{'met' if taint <= TAINT_TARGET else 'not met'}); median of {repeat} (Python files, one process)",
              flush=True)


def print_row(row: dict[str, Any]) -> None:
    print(f"\n== {row['corpus']}: {row['files']} files, {row['mb']:.1f} MB (median of {row['repeat']} rounds)")
    print(f"  shoal 1 worker   {row['wall_1']:7.2f} s")
    print(f"  shoal 2 workers  {row['wall_2']:7.2f} s  {row['mbps_2']:.2f} MB/s  speed-up x{row['speedup']:.2f}")
    print(f"  peak memory      {row['worker_rss_mb']:.0f} MB per worker, {row['orchestrator_rss_mb']:.0f} MB orchestrator")
    print(f"  lizard -t 2      {row['lizard_wall']:7.2f} s  shoal/lizard = {row['ratio']:.2f} "
          f"(issue 19's target, metrics only: <= {METRICS_TARGET})")
    print(f"  + rules, secrets {row['security_wall_2']:7.2f} s  2 workers, x{row['security_overhead']:.2f} "
          f"the metrics-only scan; full/lizard = {row['security_wall_2'] / row['lizard_wall']:.2f} "
          f"(issue 19's target: <= {FULL_TARGET})")
    taint = row["taint_cpu"]
    if taint is not None:
        print(f"  agent CPU        metrics {taint['metrics']:.2f} s, + rules {taint['rules']:.2f} s, + taint "
              f"{taint['taint']:.2f} s: taint x{taint['taint'] / taint['rules']:.2f} the rules alone, security "
              f"x{taint['taint'] / taint['metrics']:.2f} metrics only (Python files, one process)")
    package = in_package(row)
    print(f"  injection errors {len(package)} in the package {row['package']}/, {len(row['injections'])} in the "
          f"whole sdist with its test suite (other errors: "
          f"{', '.join(f'{rule} x{n}' for rule, n in Counter(row['other_errors']).items()) or 'none'})")
    for finding in row["injections"]:
        print(f"    {finding}")
    if "lizard_agreement" in row:
        liz, cloc = row["lizard_agreement"], row["cloc_agreement"]
        print(f"  ccn = lizard     {liz['share']:.1%} of {liz['functions']} functions (target >= 95%)")
        print(f"  code = cloc      {cloc['share']:.1%} of {cloc['files']} files (target >= 95%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    parser.add_argument("--skip-agreement", action="store_true")
    parser.add_argument("--skip-bandit", action="store_true", help="leave out the bandit comparison on Django")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per corpus; medians are printed")
    parser.add_argument("--workspace-root", default=workspace_root(),
                        help="where scan workspaces go (default: the system temp folder on the ordinary disk; /dev/shm for tmpfs)")
    parser.add_argument("--cpu-only", action="store_true",
                        help="print only the agents' CPU: metrics only, + rules, + taint (medians of --repeat rounds)")
    parser.add_argument("--one-scan", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--workspace", help=argparse.SUPPRESS)
    parser.add_argument("--security", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_scan:
        one_scan(args.one_scan, args.workers, args.workspace, args.security)
        return
    if args.cpu_only:
        cpu_only(args.corpus or list(DEFAULT_CORPORA), args.repeat)
        return
    global WORKSPACE_ROOT
    WORKSPACE_ROOT = args.workspace_root
    compile_bytecode()
    root = WORKSPACE_ROOT or tempfile.gettempdir()
    print(f"workspaces under {root} ({filesystem_type(root)})", flush=True)
    cloc_cmd = None if args.skip_agreement else ensure_cloc()
    rows = [bench_corpus(name, cloc_cmd, args.repeat) for name in (args.corpus or list(DEFAULT_CORPORA))]
    for row in rows:
        print_row(row)
    if len(rows) > 1:
        together = sum(len(in_package(row)) for row in rows)
        print(f"\ninjection errors in the packages of {' and '.join(r['corpus'] for r in rows)}: {together} "
              f"(target <= {INJECTION_TARGET}); with the sdists' test suites: "
              f"{sum(len(row['injections']) for row in rows)}")
    if not args.skip_bandit and "django" in (args.corpus or list(DEFAULT_CORPORA)):
        from tests.benchmarks.bandit_compare import compare, print_table

        print_table(compare(ensure_corpus("django") / "django", examples=3))


if __name__ == "__main__":
    main()
