"""Opt-in per-step figures: each step's wall time and peak resident memory, one JSON line per step
in the file SHOAL_STEP_FIGURES names. For measuring (the scale and NFS benchmarks), never read by
a scan: with the variable unset nothing is timed, read or written, and reports never change.

Peak memory is the process's high-water mark (VmHWM), reset at the step's start by writing 5 to
/proc/self/clear_refs (Linux), so it is the step's own peak even when one process runs several
steps (the engine: checkout, plan, merge; a worker: one agent after another). Where the reset is
refused the line says "peak_scope": "process" and the figure is the process's peak so far.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from shoal.config import ENV_STEP_FIGURES


def figures_path() -> str | None:
    """The file to append to, or None when figures are off (the default)."""
    return os.environ.get(ENV_STEP_FIGURES, "").strip() or None


def _reset_peak() -> bool:
    """Start a new high-water mark for this process; False where the kernel refuses it."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def peak_rss_bytes() -> int | None:
    """This process's peak resident memory (VmHWM) in bytes; None off Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def children_peak_rss_bytes() -> int:
    """The largest peak of this process's finished children so far (git, in a checkout): getrusage
    cannot reset it, so it covers every child since the process started, an upper bound."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


def append(path: str, record: dict[str, Any]) -> None:
    """One line, written with a single O_APPEND write so lines from the engine and its workers
    never interleave. A figure that cannot be written is lost, never the scan."""
    line = (json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n").encode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError:
        return
    try:
        os.write(fd, line)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def measured(step: str, process: str, **labels: str | int) -> Iterator[None]:
    """Record the block as `step` run in `process` ("engine" or "worker"), with `labels` (a
    partition); the line is written also when the block raises, marked "ok": false."""
    path = figures_path()
    if path is None:
        yield
        return
    scoped = _reset_peak()
    began = time.time()  # epoch seconds, to line up steps of different processes
    start = time.monotonic()
    cpu = time.process_time()  # the whole process's user + sys: on a loaded machine steadier than wall time
    ok = False
    try:
        yield
        ok = True
    finally:
        append(path, {
            "step": step, "process": process, **labels, "pid": os.getpid(), "ok": ok,
            "started": round(began, 4), "seconds": round(time.monotonic() - start, 4),
            "cpu_seconds": round(time.process_time() - cpu, 4), "peak_rss_bytes": peak_rss_bytes(),
            "peak_scope": "step" if scoped else "process", "children_peak_rss_bytes": children_peak_rss_bytes(),
        })


def read_figures(path: str) -> list[dict[str, Any]]:
    """The records a scan wrote, in order; a torn last line (a killed process) is skipped."""
    records = []
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                try:
                    records.append(json.loads(line))
                except ValueError:
                    continue
    except FileNotFoundError:
        return []
    return records
