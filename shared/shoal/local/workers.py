"""Agent worker processes for the local engine, one invocation at a time each, as Lambda runs one
invocation per sandbox.

A process pool cannot tell which task killed a worker (every pending future gets
BrokenProcessPool) and cannot stop one hung task. Here each call owns its worker for its
duration, so a hung agent is cut off at its deadline and a dead one is known by its exit status;
either way only that call fails (to be retried by the durable machinery), the worker is replaced
and the calls on other workers never notice.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

_READY = "ready"
_WAKE = "wake"  # a parked worker's signal to warm up and serve
_STOP_SECONDS = 5.0  # how long a worker may take to leave after being asked to


class AgentTimeout(RuntimeError):
    """The agent ran past its deadline and its process was killed (Lambda: Task timed out)."""


class AgentDied(RuntimeError):
    """The agent's process ended without answering (killed, out of memory, crashed)."""


Job = tuple[Callable[[Any], Any], Any]


def _serve(
    conn: Connection, environment: dict[str, str], warm_up: Callable[[], None] | None, inherited: list[Connection],
    first: int = 0, parked: bool = False,
) -> None:
    # A forked worker holds copies of the engine's ends of its own and the older workers' pipes:
    # closed here, so that when the engine dies every worker sees the end of its pipe and leaves.
    for engine_end in inherited:
        engine_end.close()
    # Ctrl-C reaches the whole process group: the engine handles it and ends the workers, which
    # would otherwise each print a traceback of the job or pipe read they were in.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _serve_jobs(conn, environment, warm_up, first, parked)
    except (BrokenPipeError, ConnectionResetError, EOFError):
        return  # the engine is gone (killed, or a resume will start new workers): leave quietly
    # Asked to stop, with every answer sent and every shard written: nothing is left to clean up,
    # and the interpreter's own shutdown (freeing the modules and the heap of thousands of files)
    # is time the engine waits for at the end of every scan (measured: 0.02-0.05 s per worker).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _serve_jobs(
    conn: Connection, environment: dict[str, str], warm_up: Callable[[], None] | None, first: int,
    parked: bool = False,
) -> None:
    os.environ.update(environment)
    if parked and conn.recv() is None:
        return  # never needed: asked to stop before any work, it has cost a fork and nothing more
    for _ in range(first):  # jobs written into the pipe before this process started go before the warm-up
        _answer_job(conn, conn.recv())
    if warm_up is not None:
        warm_up()
    conn.send(_READY)
    while (job := conn.recv()) is not None:
        _answer_job(conn, job)


def _answer_job(conn: Connection, job: Job) -> None:
    function, argument = job
    try:
        outcome: tuple[str, Any] = ("ok", function(argument))
    except Exception as exc:  # noqa: BLE001 - the caller re-raises it, as Lambda reports it
        outcome = ("error", exc)
    try:
        conn.send(outcome)
    except (BrokenPipeError, ConnectionResetError):
        raise
    except Exception as exc:  # noqa: BLE001 - an unpicklable result or error still gets an answer
        conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


def exit_description(exitcode: int | None) -> str:
    if exitcode is None:
        return "still running"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Spawn re-runs the parent's main module in every child, so that functions defined there can
    be unpickled; for the `shoal` script (or `python -m shoal.cli`) that is the whole CLI, 0.16 s
    of each worker's start-up, beside the orchestrator's checkout on a 2-core machine. A worker
    runs importable functions only (the engine's live in shoal.local.engine), so while one starts, the
    main module's name and path are hidden from multiprocessing and the child leaves it alone."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, Any] = {name: main.__dict__[name] for name in ("__spec__", "__file__") if name in main.__dict__}
    main.__spec__ = None
    main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        main.__dict__.update(saved)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Start a worker with SIGINT blocked, a mask it keeps through fork and exec: Ctrl-C reaches
    the whole process group, and a worker still importing (a spawned one takes 0.2 s) would print
    a traceback before `_serve` gets to ignore it. The engine itself handles Ctrl-C."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_method() -> str:
    """fork while this process has a single thread, else spawn.

    A forked worker starts with the engine's modules already imported: 0.1 s of CPU less per
    worker than a spawned one, which on a 2-core machine is CPU taken from the orchestrator's
    checkout beside it. With other threads running (the durable runner's, a progress display's),
    fork could copy a lock one of them holds, so a worker replaced mid-scan is spawned."""
    if hasattr(os, "fork") and threading.active_count() == 1:
        return "fork"
    return "spawn"


class _Worker:
    def __init__(
        self, environment: dict[str, str], warm_up: Callable[[], None] | None, others: list[_Worker],
        first: Sequence[Job] = (), parked: bool = False,
    ) -> None:
        context: Any = multiprocessing.get_context(_start_method())  # its Process class depends on the method
        self.conn, child = context.Pipe()
        for job in first:  # waiting in the pipe when the process starts: no race with the warm-up
            self.conn.send(job)  # (small jobs only: the pipe's buffer holds them until then)
        forked = context.get_start_method() == "fork"
        inherited = [self.conn, *(worker.conn for worker in others)] if forked else []
        self.process = context.Process(
            target=_serve, args=(child, environment, warm_up, inherited, len(first), parked), daemon=True
        )
        with _main_module_hidden(), _interrupts_held():
            try:
                self.process.start()
            except BaseException:
                # Ctrl-C on the engine's main thread while it was writing a spawned child's start-up
                # data: that child would die on a half-read pipe, printing a traceback.
                if getattr(self.process, "_popen", None) is not None:
                    self.process.kill()
                raise
        child.close()
        self.ready = False

    def call(self, function: Callable[[Any], Any], argument: Any, timeout: float | None) -> Any:
        if not self.ready:
            # Start-up (imports, warm-up) is not the agent's time: wait for it outside the deadline.
            self._answer(None)
            self.ready = True
        try:
            self.conn.send((function, argument))
        except OSError:
            raise self._died() from None
        return self.result(timeout)

    def result(self, timeout: float | None) -> Any:
        """The answer to the job this worker has, or its exception raised."""
        status, value = self._answer(timeout)
        if status == "error":
            raise value
        return value

    def _answer(self, timeout: float | None) -> Any:
        if not self.conn.poll(timeout):  # True as well when the process is gone: recv says which
            self.kill()
            raise AgentTimeout(f"the agent did not finish within {timeout:g} s and was stopped")
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise self._died() from None

    def _died(self) -> AgentDied:
        self.process.join(_STOP_SECONDS)
        return AgentDied(f"the agent's process ended without an answer ({exit_description(self.process.exitcode)})")

    def wake(self) -> None:
        """Let a parked worker warm up and serve (a dead one is found out by the call that wanted it)."""
        try:
            self.conn.send(_WAKE)
        except OSError:
            pass

    def kill(self) -> None:
        self.process.kill()
        self.process.join(_STOP_SECONDS)
        self.conn.close()

    def ask_to_stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass

    def stop(self, asked: bool = False) -> None:
        if not asked:
            self.ask_to_stop()
        self.process.join(_STOP_SECONDS)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class WorkerPool:
    """Up to `workers` processes; `call` runs a function in an idle one, with a deadline.

    `started` of them (default: all) start at once, to warm up while the caller gets ready; each of
    the others only when a call finds every worker taken by a call of its own, so a scan with fewer
    partitions than workers never warms up a process it would leave idle. Where the pool can fork
    (this process has one thread), the others are forked at once too but parked, waiting to be
    woken: a spawned worker started mid-scan re-imports the engine (0.15-0.2 s of CPU, beside the
    agents), a forked one has it already, and a parked one that is never woken costs a fork."""

    def __init__(
        self, workers: int, environment: dict[str, str], warm_up: Callable[[], None] | None = None,
        first: Sequence[Job] = (), started: int | None = None, inherit: Callable[[], None] | None = None,
    ) -> None:
        """With `first`, the first worker runs those jobs, in turn, before its warm-up, as soon as
        it starts; it joins the idle workers once `first_result` has collected every answer.
        `inherit` runs here after the started workers start and before the others are forked
        parked, so that they inherit what it loads (their warm-up then finds it done)."""
        if workers < 1:
            raise ValueError("workers must be at least 1")
        started = workers if started is None else started
        if not 1 <= started <= workers:
            raise ValueError(f"started must be from 1 to workers ({workers}), not {started}")
        self._environment = environment
        self._warm_up = warm_up
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: list[_Worker] = []
        self._starting = threading.Lock()  # calls on several threads may each start a worker
        self._counts = threading.Lock()
        self._size = workers
        self._closed = False
        self._owned = started  # workers started and not replaced (a replacement takes its place)
        self._calls = 0  # calls waiting for a worker or holding one
        self._first = self._start(first) if first else None
        self._first_left = len(first)
        for _ in range(started - bool(first)):
            self._idle.put(self._start())
        # Forked now, while it is cheap (once the caller runs threads, a new worker is spawned).
        parking = workers > started and _start_method() == "fork"
        if parking and inherit is not None:
            inherit()
        self._parked = [self._start(parked=True) for _ in range(workers - started)] if parking else []
        self.replaced = 0  # workers replaced after a timeout or a death

    def _start(self, first: Sequence[Job] = (), parked: bool = False) -> _Worker:
        with self._starting:  # one at a time: starting one hides the main module process-wide
            if self._closed:
                raise AgentDied("the worker pool is closed (the scan is ending)")
            worker = _Worker(self._environment, self._warm_up, self._all, first, parked)
            self._all.append(worker)
        return worker

    def _grow(self) -> _Worker:
        """One more worker for a call: a parked one woken, else a new one."""
        with self._starting:
            if self._closed:
                raise AgentDied("the worker pool is closed (the scan is ending)")
            if self._parked:
                worker = self._parked.pop(0)
                worker.wake()
                return worker
        return self._start()

    def wake(self, count: int) -> int:
        """Wake up to `count` parked workers ahead of the calls that will want them, so that their
        warm-up overlaps what the caller does first; they join the idle ones. Returns how many."""
        woken: list[_Worker] = []
        with self._counts, self._starting:  # the order _worker_for_call takes them in, one after the other
            while len(woken) < count and self._parked and self._owned < self._size and not self._closed:
                woken.append(self._parked.pop(0))
                self._owned += 1
        for worker in woken:
            worker.wake()
            self._idle.put(worker)
        return len(woken)

    @property
    def started(self) -> int:
        """How many workers were put to work (started, or parked and woken), replacements included."""
        return len(self._all) - len(self._parked)

    def call(self, function: Callable[[Any], Any], argument: Any, timeout: float | None = None) -> Any:
        """function(argument) in a worker process; AgentTimeout past `timeout` seconds, AgentDied if
        the process ends; the function's own exceptions are raised as they are."""
        worker = self._worker_for_call()
        return self._returning(worker, lambda: worker.call(function, argument, timeout), call=True)

    def _worker_for_call(self) -> _Worker:
        """A new worker when every one is taken by a call (the first one's early jobs are not a
        call: it is waited for) and there is room for one more; else the next idle one."""
        with self._counts:
            self._calls += 1
            grow = self._calls > self._owned and self._owned < self._size
            if grow:
                self._owned += 1
        return self._grow() if grow else self._idle.get()

    def first_result(self, timeout: float | None = None) -> Any:
        """The answer to the next of the `first` jobs, raised as `call` raises."""
        worker = self._first
        if worker is None:
            raise RuntimeError("the pool has no first job left (none given, all answered, or its worker died)")
        self._first_left -= 1
        last = self._first_left == 0
        if last:
            self._first = None
        try:
            return self._returning(worker, lambda: worker.result(timeout), rejoin=last)
        except (AgentTimeout, AgentDied):
            self._first = None  # its other first jobs are lost with it
            raise

    def _returning(self, worker: _Worker, answer: Callable[[], Any], rejoin: bool = True, call: bool = False) -> Any:
        """answer(), then `worker` joins the idle ones if `rejoin`; a worker that hung or died is
        replaced, and the replacement joins them. A `call` ends before its worker is idle again, so
        the next call waits for that worker rather than starting one."""
        try:
            return answer()
        except (AgentTimeout, AgentDied):
            worker.kill()
            worker = self._start()
            self.replaced += 1
            rejoin = True
            raise
        finally:
            if call:
                with self._counts:
                    self._calls -= 1
            if rejoin:
                self._idle.put(worker)

    def close(self) -> None:
        # Every worker is asked first, then each is awaited: they leave (interpreter shutdown,
        # ~70 ms each) side by side rather than one after the other.
        alive = self._closed_alive()
        for worker in alive:
            worker.ask_to_stop()
        for worker in alive:
            worker.stop(asked=True)

    def kill_all(self) -> None:
        for worker in self._closed_alive():
            worker.kill()

    def _closed_alive(self) -> list[_Worker]:
        """Close the pool and return its live workers. A worker another thread is starting is let
        finish its start first (a spawned child that lost its parent mid-start prints a
        traceback), and none starts after."""
        with self._starting:
            self._closed = True
            return [worker for worker in self._all if worker.process.is_alive()]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            self.kill_all()  # Ctrl-C: no worker lives on to notice its engine gone, and print so
        else:
            self.close()
