"""The default worker count: the CPUs this process may use, within its cgroup's CPU quota."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from shoal.local.cpus import available_cpus, cgroup_cpu_quota

AFFINITY = len(os.sched_getaffinity(0))

# /proc/self/mountinfo lines as the kernel writes them.
V2_MOUNT = "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n"
V1_MOUNT = "32 31 0:29 {root} /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n"


def host(tmp_path: Path, cgroup: str, mountinfo: str, files: dict[str, str]) -> Path:
    """A root folder with /proc/self/{cgroup,mountinfo} and cgroup files, as a host shows them."""
    (tmp_path / "proc/self").mkdir(parents=True)
    (tmp_path / "proc/self/cgroup").write_text(cgroup)
    (tmp_path / "proc/self/mountinfo").write_text(mountinfo)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def test_cgroup_v2_quota_of_a_container_with_its_own_namespace(tmp_path: Path):
    root = host(tmp_path, "0::/\n", V2_MOUNT, {"sys/fs/cgroup/cpu.max": "150000 100000\n"})
    assert cgroup_cpu_quota(root) == 1.5
    assert available_cpus(root) == min(AFFINITY, 2)


def test_cgroup_v2_the_lowest_quota_on_the_way_to_the_root_counts(tmp_path: Path):
    root = host(tmp_path, "0::/kubepods/pod1/box\n", V2_MOUNT, {
        "sys/fs/cgroup/kubepods/pod1/box/cpu.max": "max 100000\n",
        "sys/fs/cgroup/kubepods/pod1/cpu.max": "100000 100000\n",
        "sys/fs/cgroup/kubepods/cpu.max": "400000 100000\n",
    })
    assert cgroup_cpu_quota(root) == 1.0
    assert available_cpus(root) == 1


def test_cgroup_v1_quota_of_a_container_without_a_namespace(tmp_path: Path):
    # Docker without a cgroup namespace: /proc/self/cgroup names the host's path, and the mount's
    # root is the container's cgroup; this process sits in a cgroup of its own below it.
    root = host(tmp_path, "4:cpu,cpuacct:/docker/abc/worker\n3:memory:/docker/abc\n",
                V1_MOUNT.format(root="/docker/abc"), {
                    "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "400000\n",
                    "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n",
                    "sys/fs/cgroup/cpu,cpuacct/worker/cpu.cfs_quota_us": "50000\n",
                    "sys/fs/cgroup/cpu,cpuacct/worker/cpu.cfs_period_us": "100000\n",
                })
    assert cgroup_cpu_quota(root) == 0.5
    assert available_cpus(root) == 1


@pytest.mark.parametrize("files", [
    {"sys/fs/cgroup/cpu.max": "max 100000\n"},  # no limit
    {"sys/fs/cgroup/cpu.max": "lots\n"},  # unreadable: no limit assumed, not a wrong one
    {},  # no cpu controller in this cgroup
])
def test_no_quota_leaves_the_affinity(tmp_path: Path, files: dict[str, str]):
    root = host(tmp_path, "0::/\n", V2_MOUNT, files)
    assert cgroup_cpu_quota(root) is None
    assert available_cpus(root) == AFFINITY


def test_without_proc_the_affinity_counts(tmp_path: Path):
    assert available_cpus(tmp_path) == AFFINITY


def _writable_cpu_cgroup() -> Path | None:
    """A v1 cpu hierarchy this process may create cgroups in (root on a cgroup v1 host), or None."""
    folder = Path("/sys/fs/cgroup/cpu")
    if os.geteuid() != 0 or not (folder / "cpu.cfs_quota_us").is_file() or not os.access(folder, os.W_OK):
        return None
    return folder


def test_the_cli_defaults_to_one_worker_in_a_real_cgroup_limited_to_half_a_cpu(tmp_path: Path):
    hierarchy = _writable_cpu_cgroup()
    if hierarchy is None:
        pytest.skip("needs root and a writable cgroup v1 cpu hierarchy to create a limited cgroup in")
    group = hierarchy / f"shoal-test-{uuid.uuid4().hex[:8]}"
    try:
        group.mkdir()
    except OSError as exc:
        pytest.skip(f"cannot create a cgroup in {hierarchy}: {exc.strerror}")
    try:
        try:
            (group / "cpu.cfs_quota_us").write_text("50000")
        except OSError as exc:  # e.g. a parent cgroup with a lower quota of its own
            pytest.skip(f"cannot set a CPU quota in {group}: {exc.strerror}")
        # The child moves itself into the cgroup, then asks the CLI's parser for its default.
        code = ("from shoal.cli import build_parser; from shoal.local.cpus import available_cpus;"
                "print(available_cpus(), build_parser().parse_args(['scan', '.']).workers)")
        done = subprocess.run(["sh", "-c", f'echo $$ > "{group}/cgroup.procs" || exit 77; exec "$0" -c "$1"',
                               sys.executable, code], capture_output=True, text=True, timeout=60)
        if done.returncode == 77:
            pytest.skip(f"cannot move a process into {group}: {done.stderr.strip()}")
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["1", "1"]
    finally:
        group.rmdir()
