"""`make bench-nfs` says exactly why it cannot run here, on one line, instead of failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.nfs_bench import Skip, filesystems, kernel_support_reason, preflight

ROOT = Path(__file__).resolve().parents[2]
PROC_FILESYSTEMS = "nodev\tsysfs\nnodev\ttmpfs\n\text4\nnodev\tnfsd\n"


def test_filesystems_are_read_from_the_last_column() -> None:
    assert filesystems(PROC_FILESYSTEMS) == {"sysfs", "tmpfs", "ext4", "nfsd"}


def test_a_kernel_with_server_and_client_needs_no_module() -> None:
    asked: list[str] = []
    assert kernel_support_reason({"nfsd", "nfs4"}, lambda m: asked.append(m) or "no", {}) is None
    assert asked == []


def test_a_missing_part_is_loaded_and_only_a_failed_load_is_a_reason() -> None:
    assert kernel_support_reason({"nfsd"}, lambda module: None, {}) is None
    reason = kernel_support_reason({"nfsd"}, lambda module: "Module nfs not found", {"CONFIG_NFS_V4": "n"})
    assert reason == ("the kernel has no NFS 4 client (nfs4 is not in /proc/filesystems, `modprobe nfs`: "
                      "Module nfs not found; the kernel is built with CONFIG_NFS_V4=n)")


def test_both_parts_missing_are_both_named() -> None:
    reason = kernel_support_reason(set(), lambda module: f"{module} missing", {})
    assert reason is not None and "no NFS server" in reason and "no NFS 4 client" in reason


def test_where_it_cannot_run_it_prints_the_reason_on_one_line_and_exits_0() -> None:
    """Where the preflight passes, the benchmark itself is `make bench-nfs`'s (minutes, and it
    changes lo's qdisc): this test then has nothing to check."""
    try:
        preflight(1.0, install=False)
    except Skip as reason:
        expected = f"SKIP: {reason}"
    else:
        pytest.skip("this machine can run the NFS benchmark: run make bench-nfs")
    done = subprocess.run([sys.executable, str(ROOT / "tests/benchmarks/nfs_bench.py"), "--delay-ms", "1"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == ""
    assert done.stdout.strip() == expected
