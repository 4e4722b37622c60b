"""The local engine's worker processes: a hung call is stopped at its deadline, a dead worker is
known by its exit status, and either way only that call fails and the pool goes on."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from shoal.workers import AgentDied, AgentTimeout, WorkerPool, exit_description


def test_results_and_the_functions_own_errors_come_back_and_the_worker_stays():
    with WorkerPool(1, {}) as pool:
        assert pool.call(math.sqrt, 16.0, timeout=30) == 4.0
        with pytest.raises(ValueError, match="math domain error"):
            pool.call(math.sqrt, -1.0, timeout=30)
        assert pool.call(math.sqrt, 9.0, timeout=30) == 3.0
        assert pool.replaced == 0


def test_a_hung_call_is_stopped_at_its_deadline_and_its_worker_replaced():
    with WorkerPool(1, {}) as pool:
        with pytest.raises(AgentTimeout, match="did not finish within 0.5 s"):
            pool.call(time.sleep, 3600, timeout=0.5)
        assert pool.replaced == 1
        assert pool.call(math.sqrt, 4.0, timeout=30) == 2.0


def test_a_dead_worker_fails_its_own_call_only():
    with WorkerPool(2, {}) as pool:
        slow: list[object] = []
        beside = threading.Thread(target=lambda: slow.append(pool.call(time.sleep, 1.0, timeout=30)))
        beside.start()
        time.sleep(0.2)  # the other worker is busy with the slow call
        with pytest.raises(AgentDied, match=r"exit status 7"):
            pool.call(os._exit, 7, timeout=30)
        beside.join()
        assert slow == [None], "the call beside the dead worker was disturbed"
        assert pool.call(math.sqrt, 1.0, timeout=30) == 1.0


def test_exit_statuses_are_described_for_people():
    assert exit_description(-9) == "killed by SIGKILL"
    assert exit_description(3) == "exit status 3"
    assert exit_description(None) == "still running"


def test_workers_do_not_run_the_main_script_again(tmp_path: Path):
    """Spawn would re-run the parent's main module in each worker: for the `shoal` script, the
    whole CLI's import. Workers need only importable functions, so they skip it."""
    marker = tmp_path / "ran-again"
    script = tmp_path / "main_script.py"
    script.write_text(textwrap.dedent(f"""
        import math
        from pathlib import Path

        if __name__ != "__main__":  # a spawned child running this file again
            Path({str(marker)!r}).write_text(__name__)
        from shoal.workers import WorkerPool

        if __name__ == "__main__":
            with WorkerPool(1, {{}}) as pool:
                print(pool.call(math.sqrt, 16.0, timeout=30))
    """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "4.0"
    assert not marker.exists(), f"the worker ran the main script again as {marker.read_text()}"
