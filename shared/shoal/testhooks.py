"""Crash points for the durability tests: named places in a scan where a test can make the process
kill itself (SIGKILL, as an out-of-memory kill or a pulled plug would) and where it can record
what ran.

Both are off unless their environment variable is set, and cost one dictionary lookup then:

- SHOAL_TEST_KILL_AT=<point>[:n]  the n-th time (default 1) this process reaches <point>, it sends
  itself SIGKILL: no handler, no `finally`, no flush runs, exactly as after a crash.
- SHOAL_TEST_TRACE=<file>         every point reached appends "<run> <point> <detail>" to the file
  (one O_APPEND write per line, so processes can share it); <run> is SHOAL_TEST_RUN (or the pid),
  which tells the lines of a killed run from those of the run that resumed it.
"""

from __future__ import annotations

import os
import signal
import threading

ENV_KILL_AT = "SHOAL_TEST_KILL_AT"
ENV_TRACE = "SHOAL_TEST_TRACE"
ENV_RUN = "SHOAL_TEST_RUN"

_counts: dict[str, int] = {}
_lock = threading.Lock()  # agents return on several threads: each reach is counted once


def reached(point: str, detail: str = "") -> None:
    """Record that `point` was reached, and die here if the test asked for it."""
    trace = os.environ.get(ENV_TRACE)
    if trace:
        run = os.environ.get(ENV_RUN) or str(os.getpid())
        line = f"{run} {point} {detail}".rstrip() + "\n"
        fd = os.open(trace, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode())
        finally:
            os.close(fd)
    kill_at = os.environ.get(ENV_KILL_AT)
    if not kill_at:
        return
    target, _, nth = kill_at.partition(":")
    if target != point:
        return
    with _lock:
        _counts[point] = count = _counts.get(point, 0) + 1
    if count == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
