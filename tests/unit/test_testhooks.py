"""The crash points: off by default, a trace line per point reached, SIGKILL at the n-th reach."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from shoal import testhooks

CHILD = """
from shoal.testhooks import reached
for n in range(3):
    reached("here", str(n))
    reached("elsewhere")
"""


def run_child(tmp_path: Path, kill_at: str) -> tuple[int, list[str]]:
    trace = tmp_path / "trace.txt"
    env = {"SHOAL_TEST_KILL_AT": kill_at, "SHOAL_TEST_TRACE": str(trace), "SHOAL_TEST_RUN": "child"}
    done = subprocess.run([sys.executable, "-c", CHILD], env={**os.environ, **env}, timeout=60)
    return done.returncode, trace.read_text().splitlines()


def test_the_process_kills_itself_the_nth_time_it_reaches_the_point(tmp_path: Path):
    code, lines = run_child(tmp_path, "here:2")
    assert code == -signal.SIGKILL
    # Each reach is traced before the kill, so the trace shows where the process died.
    assert lines == ["child here 0", "child elsewhere", "child here 1"]


def test_without_a_count_the_first_reach_kills_and_other_points_never_do(tmp_path: Path):
    code, lines = run_child(tmp_path, "here")
    assert code == -signal.SIGKILL and lines == ["child here 0"]
    (tmp_path / "trace.txt").unlink()
    code, lines = run_child(tmp_path, "nowhere")
    assert code == 0 and len(lines) == 6


def test_nothing_happens_when_the_hooks_are_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(testhooks.ENV_KILL_AT, raising=False)
    monkeypatch.delenv(testhooks.ENV_TRACE, raising=False)
    testhooks.reached("checkout", "scan")  # neither dies nor writes
    assert list(tmp_path.iterdir()) == []
