"""NFS benchmark: a Django scan with its workspace on a loopback NFS export whose traffic is delayed
with `tc netem`, standing in for S3 Files (an NFS mount across the network), beside the same scan
on the ordinary disk.

It exports a folder with the kernel NFS server (Debian's nfs-kernel-server, installed with apt-get
when missing and --install is given), mounts it over 127.0.0.1 with NFS 4.1, and delays only the
NFS port's packets on lo (a prio qdisc with a netem band and u32 filters on port 2049, so other
loopback traffic on the machine is untouched), each way, by --delay-ms. Then it scans Django
5.2.19 (the corpus of `make bench`) on the mount and on the disk, each with SHOAL_STEP_FIGURES and
inotify counting the workspace's creations, and prints the checkout, slowest and total agent and
merge times and the files created, with the NFS/disk ratio of each.

Where it cannot run it prints `SKIP: <reason>` and exits 0: not root, no kernel NFS server or
client (no nfsd/nfs in /proc/filesystems and modprobe cannot load them), no netem qdisc (checked
in a throw-away network namespace first, so a failed check changes nothing), no nfs-kernel-server
and no --install. Everything it set up is undone on the way out.

With --fuse it mounts instead tests/benchmarks/latencyfs.py, a FUSE pass-through that waits one
round trip (twice --delay-ms) on each operation an NFS client would send to its server: not NFS,
but on a kernel without NFS or netem it still shows what per-operation latency does to a scan.

Usage: python tests/benchmarks/nfs_bench.py [--delay-ms 1] [--install] [--workers 2] [--fuse]   (make bench-nfs)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "shared"))

from shoal.stepfigures import ENV_STEP_FIGURES, read_figures  # noqa: E402

NFS_PORT = 2049
NFS_PACKAGE = "nfs-kernel-server"


class Skip(Exception):
    """The benchmark cannot run here; the message says exactly why."""


def _run(*command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"`{' '.join(command)}` failed ({done.returncode}): {(done.stderr or done.stdout).strip()}")
    return done


def filesystems(text: str | None = None) -> set[str]:
    """The file system types the running kernel knows (/proc/filesystems)."""
    if text is None:
        text = Path("/proc/filesystems").read_text()
    return {line.split()[-1] for line in text.splitlines() if line.strip()}


def kernel_config() -> dict[str, str]:
    """The running kernel's build options (/proc/config.gz), empty where it is not exposed."""
    import gzip

    try:
        text = gzip.decompress(Path("/proc/config.gz").read_bytes()).decode()
    except OSError:
        return {}
    options = {}
    for line in text.splitlines():
        if line.startswith("CONFIG_") and "=" in line:
            name, _, value = line.partition("=")
            options[name] = value
        elif line.startswith("# CONFIG_") and line.endswith(" is not set"):
            options[line[2:].split()[0]] = "n"
    return options


# (module, file system type it registers, what it is, its kernel option)
_KERNEL_PARTS = (("nfsd", "nfsd", "NFS server", "CONFIG_NFSD"), ("nfs", "nfs4", "NFS 4 client", "CONFIG_NFS_V4"))


def kernel_support_reason(known: set[str], load: Callable[[str], str | None], config: dict[str, str]) -> str | None:
    """Why the kernel cannot serve and mount NFS, or None. `load(module)` tries modprobe and
    returns its error (None when it loaded); it is asked only for what is missing. `config`
    (the kernel's build options, maybe empty) says whether the part was built at all."""
    missing = []
    for module, fstype, what, option in _KERNEL_PARTS:
        if fstype in known:
            continue
        error = load(module)
        if error is None:
            continue
        built = f"; the kernel is built with {option}={config.get(option, 'n')}" if config else ""
        missing.append(f"no {what} ({fstype} is not in /proc/filesystems, `modprobe {module}`: {error}{built})")
    return "the kernel has " + " and ".join(missing) if missing else None


def modprobe(module: str) -> str | None:
    if shutil.which("modprobe") is None:
        return "modprobe is not installed" + ("" if Path("/lib/modules").is_dir() else " and /lib/modules is absent")
    done = _run("modprobe", module, check=False)
    return None if done.returncode == 0 else (done.stderr.strip() or f"exit status {done.returncode}")


def netem_reason(delay_ms: float) -> str | None:
    """Why lo's NFS traffic cannot be delayed with netem, or None; tried in a network namespace
    of its own (unshare -n), so the check never touches the machine's lo."""
    if shutil.which("tc") is None:
        return "tc is not installed (iproute2)"
    if shutil.which("unshare") is None:
        return "unshare is not installed (util-linux), needed to try netem without touching lo"
    script = f"ip link set lo up && tc qdisc add dev lo root netem delay {delay_ms:g}ms"
    done = _run("unshare", "-n", "sh", "-c", script, check=False)
    if done.returncode != 0:
        return f"`tc qdisc add dev lo root netem delay {delay_ms:g}ms` failed: {done.stderr.strip() or done.returncode}"
    return None


def server_reason(install: bool) -> str | None:
    """Why the kernel NFS server's tools are missing, after installing them if allowed."""
    if shutil.which("exportfs") and shutil.which("rpc.nfsd") and shutil.which("rpc.mountd"):
        return None
    if not install:
        return f"{NFS_PACKAGE} is not installed (exportfs, rpc.nfsd): run with --install to apt-get it"
    done = _run("apt-get", "install", "-y", "-q", NFS_PACKAGE, check=False)
    if done.returncode != 0:
        return f"`apt-get install {NFS_PACKAGE}` failed: {done.stderr.strip()[-300:]}"
    return None


def preflight(delay_ms: float, install: bool) -> None:
    """Raise Skip with the first reason the benchmark cannot run here."""
    if os.geteuid() != 0:
        raise Skip("needs root: it serves and mounts an NFS export and adds a qdisc to lo")
    reasons = [r for r in (kernel_support_reason(filesystems(), modprobe, kernel_config()), netem_reason(delay_ms))
               if r is not None]
    if reasons:
        raise Skip("; ".join(reasons))
    reason = server_reason(install)  # installs only where the kernel could run it
    if reason is not None:
        raise Skip(reason)


@contextmanager
def nfs_server(export: Path) -> Iterator[None]:
    """The kernel NFS server (4.x only, no rpcbind) exporting `export` to 127.0.0.1."""
    nfsd = Path("/proc/fs/nfsd")
    mounted_nfsd = not (nfsd / "threads").exists()
    if mounted_nfsd:
        _run("mount", "-t", "nfsd", "nfsd", str(nfsd))
    # In the foreground, as a child of this process, so it is stopped by its own id at the end.
    mountd = subprocess.Popen(["rpc.mountd", "--foreground", "--no-nfs-version", "3"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _run("rpc.nfsd", "--no-nfs-version", "3", "4")
    _run("exportfs", "-o", "rw,sync,no_root_squash,insecure,no_subtree_check,fsid=1917", f"127.0.0.1:{export}")
    try:
        yield
    finally:
        _run("exportfs", "-u", f"127.0.0.1:{export}", check=False)
        _run("rpc.nfsd", "0", check=False)
        mountd.terminate()
        mountd.wait(10)
        if mounted_nfsd:
            _run("umount", str(nfsd), check=False)


@contextmanager
def nfs_mount(export: Path, mountpoint: Path) -> Iterator[None]:
    _run("mount", "-t", "nfs4", "-o", "vers=4.1,proto=tcp,hard,timeo=600", f"127.0.0.1:{export}", str(mountpoint))
    try:
        yield
    finally:
        _run("umount", "-f", str(mountpoint), check=False)


@contextmanager
def delayed_nfs(delay_ms: float) -> Iterator[None]:
    """Delay packets to and from port 2049 on lo by `delay_ms` each way; other traffic goes by."""
    _run("tc", "qdisc", "add", "dev", "lo", "root", "handle", "1:", "prio", "bands", "4")
    try:
        _run("tc", "qdisc", "add", "dev", "lo", "parent", "1:4", "handle", "40:", "netem", "delay", f"{delay_ms}ms")
        for direction in ("dport", "sport"):
            _run("tc", "filter", "add", "dev", "lo", "protocol", "ip", "parent", "1:0", "prio", "1", "u32",
                 "match", "ip", direction, str(NFS_PORT), "0xffff", "flowid", "1:4")
        yield
    finally:
        _run("tc", "qdisc", "del", "dev", "lo", "root", check=False)


def git_copy(tree: Path, repo: Path) -> Path:
    """`tree` as a git repository of one commit: the checkout then exports a commit, as in Lambda."""
    from tests.helpers import init_repo

    shutil.copytree(tree, repo, symlinks=True)
    init_repo(repo)
    return repo


def fuse_reason(install: bool) -> str | None:
    """Why the FUSE stand-in cannot run, after installing libfuse3 if allowed."""
    import ctypes.util

    if os.geteuid() != 0:
        return "needs root: it mounts a FUSE file system with allow_other"
    if not Path("/dev/fuse").exists():
        return "/dev/fuse is absent (the kernel has no FUSE, or the container does not pass it through)"
    try:
        import mfusepy  # noqa: F401
    except ImportError:
        return "mfusepy is not installed: run make setup (the dev extra pins it)"
    if ctypes.util.find_library("fuse3") is None or shutil.which("fusermount3") is None:
        if not install:
            return "libfuse3 is not installed (fuse3, libfuse3-3): run with --install to apt-get it"
        done = _run("apt-get", "install", "-y", "-q", "fuse3", "libfuse3-3", check=False)
        if done.returncode != 0:
            return f"`apt-get install fuse3 libfuse3-3` failed: {done.stderr.strip()[-300:]}"
    return None


@contextmanager
def latency_mount(backing: Path, mountpoint: Path, round_trip_ms: float) -> Iterator[None]:
    """tests/benchmarks/latencyfs.py serving `backing` at `mountpoint`, stopped by its own id."""
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("latencyfs.py")), str(backing),
                               str(mountpoint), f"{round_trip_ms:g}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not os.path.ismount(mountpoint):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"latencyfs did not mount {mountpoint} (exit status {server.poll()})")
            time.sleep(0.1)
        yield
    finally:
        _run("fusermount3", "-u", str(mountpoint), check=False)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def scan(corpus: Path, workspace: Path, workers: int) -> dict[str, float]:
    """One fresh scan of `corpus` into `workspace`: its step figures and creations."""
    from tests.creations import Creations

    # The figures file lives on the local disk, not in the workspace: its writes are not the scan's.
    figures = Path(tempfile.mkdtemp(prefix="shoal-nfs-figures-")) / "figures.jsonl"
    env = {**os.environ, ENV_STEP_FIGURES: str(figures), "PYTHONPATH": str(ROOT / "shared"),
           "POWERTOOLS_LOG_LEVEL": "WARNING"}
    ws = workspace / "ws"
    ws.mkdir()
    with Creations(ws) as created:
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "shoal.cli", "scan", str(corpus), "--workspace", str(ws),
                               "--workers", str(workers), "--fail-on", "none", "-q"],
                              env=env, capture_output=True, text=True, check=False)
        wall = time.monotonic() - start
    if done.returncode != 0:
        raise RuntimeError(f"shoal scan failed ({done.returncode}): {done.stderr[-2000:]}")
    records = read_figures(str(figures))
    shutil.rmtree(figures.parent, ignore_errors=True)

    from tests.benchmarks.scale_bench import step_table

    # Work a worker did early counts once, as in scale_bench (the orchestrator's wait is left out).
    steps = step_table(records)
    agents = [r["seconds"] for r in records if r["step"] == "agent"]
    return {"wall": wall, **{key: steps.get(key, {}).get("seconds", 0.0) for key in ("checkout", "plan", "merge")},
            "agent max": max(agents, default=0.0), "agents": sum(agents),
            "created": float(created.total)}


def checkout_layouts(corpus: Path, workspace: Path, rounds: int) -> dict[str, dict[str, float]]:
    """The checkout alone, into `workspace`, in the old loose-tree layout (one file per source
    file, as every scan exported before the pack layout) and in today's (one pack and its index
    beside the configuring files): median seconds and files created, `rounds` runs each, paired."""
    import statistics

    from shoal.source.checkout import checkout
    from shoal.source.specs import parse_repository
    from tests.creations import Creations

    spec = parse_repository(str(corpus))
    seconds: dict[str, list[float]] = {"loose": [], "pack": []}
    created: dict[str, float] = {}
    for round_ in range(rounds):
        for layout in ("loose", "pack"):
            dest = workspace / f"{layout}-{round_}"
            dest.mkdir()
            scratch = Path(tempfile.mkdtemp(prefix="shoal-nfs-scratch-"))  # git's own files: local disk
            with Creations(dest) as made:
                start = time.monotonic()
                checkout(spec, None, dest / "src", scratch, pack=layout == "pack")
                seconds[layout].append(time.monotonic() - start)
            created[layout] = float(made.total)
            shutil.rmtree(scratch, ignore_errors=True)
    return {layout: {"checkout": statistics.median(seconds[layout]), "created": created[layout]}
            for layout in ("loose", "pack")}


def print_layouts(disk: dict[str, dict[str, float]], nfs: dict[str, dict[str, float]], title: str) -> None:
    print(f"\nCheckout alone, old loose tree against the pack layout; {title}")
    print(f"{'':18} {'disk':>9} {'NFS':>9} {'files created':>14}")
    for layout in ("loose", "pack"):
        print(f"{layout + ' checkout':18} {disk[layout]['checkout']:7.2f} s {nfs[layout]['checkout']:7.2f} s "
              f"{nfs[layout]['created']:14.0f}")
    speedup = nfs["loose"]["checkout"] / max(nfs["pack"]["checkout"], 1e-9)
    print(f"pack layout's checkout on the mount: x{speedup:.1f} faster than the loose tree "
          f"(target >= x5: {'met' if speedup >= 5 else 'not met'})")


def print_table(disk: dict[str, float], nfs: dict[str, float], title: str) -> None:
    print(f"Django 5.2.19, fresh workspace; {title}")
    print(f"{'':12} {'disk':>9} {'NFS':>9} {'NFS/disk':>9}")
    for key in ("wall", "checkout", "plan", "agent max", "agents", "merge", "created"):
        unit = "" if key == "created" else " s"
        print(f"{key:12} {disk[key]:7.2f}{unit:2} {nfs[key]:7.2f}{unit:2} {nfs[key] / max(disk[key], 1e-9):8.2f}x")
    print("(layout: today's, the source as one pack and its index per scan)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=float, default=1.0, help="netem delay each way (default 1 ms)")
    parser.add_argument("--install", action="store_true", help=f"apt-get install {NFS_PACKAGE} when missing")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="checkout-alone runs per layout (default 3)")
    parser.add_argument("--fuse", action="store_true",
                        help="mount the FUSE stand-in (latencyfs.py) instead of kernel NFS, for kernels without it")
    args = parser.parse_args()
    if sys.platform != "linux":
        print("SKIP: the kernel NFS server and netem are Linux's")
        return
    try:
        if args.fuse:
            reason = fuse_reason(args.install)
            if reason is not None:
                raise Skip(reason)
        else:
            preflight(args.delay_ms, args.install)
    except Skip as reason:
        print(f"SKIP: {reason}")
        return
    from tests.benchmarks.bench import ensure_corpus

    with ExitStack() as stack:
        base = Path(tempfile.mkdtemp(prefix="shoal-nfs-"))
        stack.callback(shutil.rmtree, base, True)
        corpus = git_copy(ensure_corpus("django"), base / "django")
        export, mountpoint, disk_ws = base / "export", base / "mnt", base / "disk"
        for folder in (export, mountpoint, disk_ws):
            folder.mkdir()
        disk = scan(corpus, disk_ws, args.workers)
        disk_layouts = checkout_layouts(corpus, disk_ws, args.rounds)
        if args.fuse:
            # The round trip is the delay each way, twice, as netem would add it to both directions.
            stack.enter_context(latency_mount(export, mountpoint, 2 * args.delay_ms))
            title = (f"FUSE stand-in (latencyfs.py, not NFS): {2 * args.delay_ms:g} ms per round trip an NFS "
                     "client would make")
        else:
            stack.enter_context(nfs_server(export))
            stack.enter_context(nfs_mount(export, mountpoint))
            stack.enter_context(delayed_nfs(args.delay_ms))
            title = f"NFS 4.1 over lo with {args.delay_ms:g} ms netem delay each way"
        nfs = scan(corpus, mountpoint, args.workers)
        nfs_layouts = checkout_layouts(corpus, mountpoint, args.rounds)
    print_table(disk, nfs, title)
    print_layouts(disk_layouts, nfs_layouts, title)


if __name__ == "__main__":
    main()
