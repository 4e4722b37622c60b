"""How many CPUs this process may use: the default number of agent workers.

os.cpu_count() counts the host's CPUs. In a container or a CI pod limited to 2 CPUs on a 64-core
host it says 64, and 64 workers would each start, warm up (0.25 s of CPU in a security scan) and
hold their memory, to share 2 CPUs. So the count is the CPUs this process may run on (its
affinity), lowered to its cgroup's CPU quota, as the JVM and Go's automaxprocs read it: cgroup v2's
`cpu.max`, or v1's `cpu.cfs_quota_us` over `cpu.cfs_period_us`, the lowest on the way from the
process's own cgroup up to the root of the mounted hierarchy. A quota of 1.5 CPUs gives 2 workers.
"""

from __future__ import annotations

import math
import os
from pathlib import Path, PurePosixPath


def available_cpus(root: Path = Path("/")) -> int:
    """The CPUs this process may use, at least 1. `root` is where /proc and /sys are (for tests)."""
    count = _affinity()
    quota = cgroup_cpu_quota(root)
    if quota is not None:
        count = min(count, math.ceil(quota))
    return max(1, count)


def _affinity() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def cgroup_cpu_quota(root: Path = Path("/")) -> float | None:
    """The CPU quota of this process's cgroup in CPUs (1.5 for "150000 100000"), None when there
    is none or it cannot be read: no limit is assumed rather than a wrong one."""
    try:
        memberships = _memberships(root / "proc/self/cgroup")
        mounts = (root / "proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return None
    quotas = []
    for mount_root, mount_point, version in _cpu_mounts(mounts):
        member = memberships.get("" if version == 2 else "cpu")
        if member is None:
            continue
        for folder in _cgroup_folders(root, mount_root, mount_point, member):
            quota = _read_quota(folder, version)
            if quota is not None:
                quotas.append(quota)
    return min(quotas) if quotas else None


def _memberships(cgroup_file: Path) -> dict[str, str]:
    """Controller ("" for cgroup v2) -> this process's cgroup path, from /proc/self/cgroup."""
    found: dict[str, str] = {}
    for line in cgroup_file.read_text().splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, path = parts
        for controller in controllers.split(",") if controllers else [""]:
            found[controller] = path
    return found


def _cpu_mounts(mountinfo: list[str]) -> list[tuple[str, str, int]]:
    """(root of the mount within the hierarchy, mount point, cgroup version) of the mounts that
    carry the CPU controller: cgroup2, or a v1 hierarchy with `cpu` among its super options."""
    found = []
    for line in mountinfo:
        fields = line.split()
        if "-" not in fields:
            continue
        tail = fields[fields.index("-") + 1 :]
        if len(fields) < 5 or len(tail) < 3:
            continue
        mount_root, mount_point = _unescape(fields[3]), _unescape(fields[4])
        fstype, options = tail[0], tail[2].split(",")
        if fstype == "cgroup2":
            found.append((mount_root, mount_point, 2))
        elif fstype == "cgroup" and "cpu" in options:
            found.append((mount_root, mount_point, 1))
    return found


def _unescape(field: str) -> str:
    # mountinfo writes a space, tab, newline or backslash in a path as an octal escape.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _cgroup_folders(root: Path, mount_root: str, mount_point: str, member: str) -> list[Path]:
    """The folders of this process's cgroup and of its ancestors, as far as the mount shows them.
    In a container with its own cgroup namespace the mount's root is the container's cgroup and
    /proc/self/cgroup says "/": the mount point itself is the process's cgroup."""
    relative = PurePosixPath(member)
    mounted_at = PurePosixPath(mount_root)
    if mounted_at != PurePosixPath("/"):
        if relative != mounted_at and mounted_at not in relative.parents:
            relative = mounted_at  # a path from outside this mount: read what the mount shows
        relative = PurePosixPath("/") / relative.relative_to(mounted_at)
    base = root / mount_point.lstrip("/")
    folders = [base / str(relative).lstrip("/")]
    folders += [base / str(parent).lstrip("/") for parent in relative.parents]
    return folders


def _read_quota(folder: Path, version: int) -> float | None:
    try:
        if version == 2:
            limit, _, window = (folder / "cpu.max").read_text().strip().partition(" ")
            if limit == "max":
                return None
            return int(limit) / int(window or 100_000)
        quota = int((folder / "cpu.cfs_quota_us").read_text())
        period = int((folder / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError, ZeroDivisionError):
        return None
    return quota / period if quota > 0 and period > 0 else None
