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
from functools import partial
from pathlib import Path

import pytest

from shoal.scan.retention import exclusive_lock
from shoal.local.workers import AgentDied, AgentTimeout, WorkerPool, exit_description


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


def _warm_up_marks(marker: str) -> None:
    Path(marker).write_text("warm")


def _warm_already(marker: str) -> bool:
    return Path(marker).exists()


def test_the_first_job_runs_before_the_warm_up_and_its_worker_then_serves_calls(tmp_path: Path):
    marker = str(tmp_path / "warmed")
    with WorkerPool(1, {}, warm_up=partial(_warm_up_marks, marker), first=[(_warm_already, marker), (_warm_already, marker)]) as pool:
        assert pool.first_result(timeout=30) is False, "the first job waited for the warm-up"
        assert pool.first_result(timeout=30) is False, "the second first job waited for the warm-up"
        assert pool.call(_warm_already, marker, timeout=30) is True
        with pytest.raises(RuntimeError, match="no first job"):
            pool.first_result()


def test_a_failing_first_job_raises_and_its_worker_stays():
    with WorkerPool(1, {}, first=[(math.sqrt, -1.0)]) as pool:
        with pytest.raises(ValueError, match="math domain error"):
            pool.first_result(timeout=30)
        assert pool.call(math.sqrt, 9.0, timeout=30) == 3.0
        assert pool.replaced == 0


def test_a_first_job_that_kills_its_worker_gets_it_replaced():
    with WorkerPool(2, {}, first=[(os._exit, 3), (math.sqrt, 4.0)]) as pool:
        with pytest.raises(AgentDied, match="exit status 3"):
            pool.first_result(timeout=30)
        assert pool.replaced == 1
        with pytest.raises(RuntimeError, match="no first job left"):
            pool.first_result(timeout=30)  # the second first job died with its worker
        assert sorted(pool.call(math.sqrt, x, timeout=30) for x in (1.0, 4.0)) == [1.0, 2.0]


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
        from shoal.local.workers import WorkerPool

        if __name__ == "__main__":
            with WorkerPool(1, {{}}) as pool:
                print(pool.call(math.sqrt, 16.0, timeout=30))
    """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "4.0"
    assert not marker.exists(), f"the worker ran the main script again as {marker.read_text()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0) until reaped; it has left all the same.
    with open(f"/proc/{pid}/stat") as stat_file:
        return stat_file.read().rsplit(")", 1)[1].split()[0] != "Z"


def _killed_engine(tmp_path: Path, body: str) -> tuple[list[int], str]:
    """Run an engine script that prints a line and SIGKILLs itself; return its workers' pids and
    the rest of the line. Only the engine is awaited: its workers may still hold its stdout."""
    script = tmp_path / "engine.py"
    script.write_text(textwrap.dedent("""
        import operator, os, pathlib, signal, threading, time
        from shoal.local.workers import WorkerPool
    """) + textwrap.dedent(body))
    engine = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    line = engine.stdout.readline() if engine.stdout else ""
    assert engine.wait(timeout=60) == -9, line
    pids, _, rest = line.partition(";")
    return [int(pid) for pid in pids.split()], rest.strip()


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (alive := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in alive:
        os.kill(pid, 9)
    return alive


def test_workers_are_forked_while_single_threaded_and_leave_when_the_engine_is_killed(tmp_path: Path):
    """Forked workers inherit the engine's ends of their pipes; each closes them, else a killed
    engine would leave its workers waiting forever on pipes still open."""
    pids, method = _killed_engine(tmp_path, """
        pool = WorkerPool(3, {})  # calls go round the idle workers in turn
        pids = [pool.call(operator.call, os.getpid, timeout=30) for _ in range(3)]
        cmdline = pathlib.Path("/proc/self/cmdline")
        spawned = any(b"spawn_main" in pool.call(pathlib.Path.read_bytes, cmdline, timeout=30) for _ in range(3))
        print(*pids, ";", "spawn" if spawned else "fork", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    assert method == "fork"
    assert not _wait_gone(pids, 10), "workers outlived the killed engine"


def test_a_worker_still_busy_after_its_engine_died_does_not_hold_the_scan_lock(tmp_path: Path):
    lock = tmp_path / "scan.lock"
    pids, _ = _killed_engine(tmp_path, f"""
        from shoal.scan.retention import exclusive_lock
        with exclusive_lock(pathlib.Path({str(lock)!r})) as held:
            assert held
            pool = WorkerPool(1, {{}})
            pid = pool.call(operator.call, os.getpid, timeout=30)
            threading.Thread(target=pool.call, args=(time.sleep, 5), daemon=True).start()
            time.sleep(0.5)  # the worker is in its sleep now
            print(pid, ";", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    try:
        assert _alive(pids[0]), "the worker should still be busy"
        with exclusive_lock(lock) as held:
            assert held, "the dead engine's worker still holds the scan's lock"
    finally:
        _wait_gone(pids, 10)


def test_workers_started_beside_other_threads_are_spawned():
    stop = threading.Event()
    beside = threading.Thread(target=stop.wait)
    beside.start()
    try:
        with WorkerPool(1, {}) as pool:
            # A spawned worker is a new interpreter started from multiprocessing's spawn_main.
            assert b"spawn_main" in pool.call(Path.read_bytes, Path("/proc/self/cmdline"), timeout=30)
    finally:
        stop.set()
        beside.join()


def test_a_security_scans_warm_up_prepares_the_engine_its_agents_use(tmp_path: Path):
    from shoal.config import Settings
    from shoal.local.engine import _src_root, _warm_up
    from shoal.repoconfig import RepoConfig
    from shoal.scan.security import engine_for
    from shoal.workspace import ScanPaths

    src_root = _src_root(Settings(workspace=str(tmp_path)), {"scan_id": "s1"})
    assert src_root == str(ScanPaths(tmp_path, "s1").src)  # as the agent names it
    _warm_up(True, src_root)
    engine = engine_for(src_root, RepoConfig())  # what load_partition asks for, without a .shoal.toml
    assert {("python", True), ("javascript", True)} <= set(engine._compiled)
    assert _src_root(Settings(workspace=str(tmp_path)), {"scan_id": "../x"}) is None


def _warm_up_counts(folder: str) -> None:
    Path(folder, str(os.getpid())).write_text("warm")


def test_parked_workers_warm_up_only_when_woken_and_a_woken_one_serves_calls(tmp_path: Path):
    warmed = tmp_path / "warmed"
    warmed.mkdir()
    with WorkerPool(3, {}, warm_up=partial(_warm_up_counts, str(warmed)), started=1) as pool:
        assert pool.call(_slow_pid, 0.0, timeout=30) > 0
        assert len(list(warmed.iterdir())) == 1 and pool.started == 1  # the two others are parked, cold
        assert pool.wake(1) == 1 and pool.started == 2
        pids: set[int] = set()
        calls = [threading.Thread(target=lambda: pids.add(pool.call(_slow_pid, 0.5, timeout=30))) for _ in range(2)]
        for thread in calls:
            thread.start()
        for thread in calls:
            thread.join()
        assert len(pids) == 2 and pool.started == 2  # two calls at once, served by the woken worker: no third
        assert pool.wake(5) == 1 and pool.wake(1) == 0  # one parked worker was left, and the pool is full
    assert len(list(warmed.iterdir())) == 3


def _slow_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()
