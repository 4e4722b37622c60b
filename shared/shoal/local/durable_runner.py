"""Every use of the durable SDK's private names, in one place.

The local engine runs the orchestrator in the SDK testing package's runner. Three things it needs
have no public API, so they are done here through private names, and nowhere else:

- resuming a killed scan: the runner only runs executions it started itself, so a stored one is
  launched through its executor (`runner._executor`, `executor._launch_execution`);
- a compact execution store: the file-system store's path helper (`_get_file_path`) names the
  file the store writes (one per execution);
- speed: the runner's 5 s backoff after an SDK race (`RETRY_BACKOFF_SECONDS`) and the checkpoint
  thread's 0.1 s stop poll (`state._STOP_SIGNAL_POLL_SECONDS`) are shortened for local scans.

`PRIVATE_NAMES` lists them; tests/unit/test_durable_runner.py pins the SDK versions in
pyproject.toml and fails, naming the private name, when a new version changes one. The SDK
packages are imported inside the functions: agent worker processes import the CLI and never run
the orchestrator.
"""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner
    from aws_durable_execution_sdk_python_testing.execution import Execution
    from aws_durable_execution_sdk_python_testing.stores.filesystem import FileSystemExecutionStore

# The runner, like the service, retries an invocation that returned PENDING with nothing pending
# (a race in the SDK that replay resolves) after 5 s. With agents finishing in well under a second
# that race is common: when two agents finish within a replay of each other, the first one's
# replay still saw the second pending. By the time the runner rejects that PENDING, the
# completion is stored, so the retry can replay at once: a wait only delays the scan (50 ms
# cost 0.05 s after the last agent in two Django scans of five). Locally there is no service to
# spare.
PENDING_RACE_BACKOFF_SECONDS = 0.002

# The SDK's checkpoint thread re-checks its stop signal every 0.1 s, and every invocation of the
# handler waits for that thread at its end: up to 0.1 s per invocation, which is a third of a
# small diff scan's own time (measured: 0.10 s of 0.39 s). Locally the thread may poll faster.
CHECKPOINT_STOP_POLL_SECONDS = 0.005


@dataclass(frozen=True)
class PrivateName:
    """A private name this module relies on: where it lives and what it must be."""

    module: str
    owner: str  # a class in `module`, or "" for the module itself
    name: str
    kind: str  # "callable" or "number"
    why: str

    def problem(self) -> str | None:
        """None when the name is there as expected, else what changed (naming it)."""
        where = f"{self.module}.{self.owner}" if self.owner else self.module
        try:
            target: Any = importlib.import_module(self.module)
            if self.owner:
                target = getattr(target, self.owner)
        except (ImportError, AttributeError) as exc:
            return f"{where} is gone ({exc}): needed for {self.why}"
        if not hasattr(target, self.name):
            return f"{where}.{self.name} is gone: needed for {self.why}"
        value = getattr(target, self.name)
        expected = callable(value) if self.kind == "callable" else isinstance(value, (int, float))
        return None if expected else f"{where}.{self.name} is no longer a {self.kind}: needed for {self.why}"


_TESTING = "aws_durable_execution_sdk_python_testing"
PRIVATE_NAMES = (
    PrivateName(f"{_TESTING}.runner", "DurableFunctionTestRunner", "_executor", "instance", "resume and speed"),
    PrivateName(f"{_TESTING}.executor", "Executor", "_launch_execution", "callable", "resuming a killed scan"),
    PrivateName(f"{_TESTING}.executor", "Executor", "on_chained_invoke_started", "callable",
                "re-dispatching the agents a killed scan lost"),
    PrivateName(f"{_TESTING}.executor", "Executor", "RETRY_BACKOFF_SECONDS", "number",
                "the local runner's backoff after a PENDING race"),
    PrivateName(f"{_TESTING}.stores.filesystem", "FileSystemExecutionStore", "_get_file_path", "callable",
                "the compact execution store"),
    PrivateName("aws_durable_execution_sdk_python.state", "", "_STOP_SIGNAL_POLL_SECONDS", "number",
                "the checkpoint thread's stop poll"),
)


def changed_private_names() -> list[str]:
    """What a new SDK version changed among PRIVATE_NAMES (instance attributes are checked on a
    runner by the test, which has one): one line per name."""
    return [problem for name in PRIVATE_NAMES if name.kind != "instance" and (problem := name.problem())]


def executor_of(runner: DurableFunctionTestRunner) -> Any:
    """The runner's executor (private: the runner exposes no way to reach it)."""
    executor = getattr(runner, "_executor", None)
    if executor is None:
        raise RuntimeError("DurableFunctionTestRunner._executor is gone: this SDK version cannot resume a scan "
                           "(see shoal.local.durable_runner)")
    return executor


def launch_stored(runner: DurableFunctionTestRunner, execution: Execution, timeout_seconds: int) -> None:
    """Launch a stored execution in `runner` as its own start path does: arm the timeout and
    invoke the handler, which replays from the checkpoints."""
    executor_of(runner)._launch_execution(execution, timeout_seconds)


def redispatch_invoke(runner: DurableFunctionTestRunner, arn: str, operation_id: str, function_name: str,
                      tenant_id: str | None, payload: str | None) -> None:
    """Dispatch a chained invoke whose START was checkpointed and whose result never was."""
    executor_of(runner).on_chained_invoke_started(arn, operation_id, function_name, tenant_id, payload)


def shorten_pending_race_backoff(runner: DurableFunctionTestRunner) -> None:
    executor = getattr(runner, "_executor", None)
    if executor is not None and hasattr(executor, "RETRY_BACKOFF_SECONDS"):
        executor.RETRY_BACKOFF_SECONDS = PENDING_RACE_BACKOFF_SECONDS


def shorten_checkpoint_shutdown() -> None:
    from aws_durable_execution_sdk_python import state

    if getattr(state, "_STOP_SIGNAL_POLL_SECONDS", 0) > CHECKPOINT_STOP_POLL_SECONDS:
        state._STOP_SIGNAL_POLL_SECONDS = CHECKPOINT_STOP_POLL_SECONDS


def compact_store(folder: Path) -> FileSystemExecutionStore:
    """The testing package's file-system store, writing each execution compact in one write."""
    from aws_durable_execution_sdk_python_testing.stores.filesystem import FileSystemExecutionStore

    class CompactStore(FileSystemExecutionStore):
        """The same files, written compact in one write: the store is rewritten on every
        checkpoint (about 200 times in a Django scan), and the package's indented, streamed
        JSON took 0.67 ms a save against 0.28 ms (measured on a 30 KB execution)."""

        def save(self, execution: Execution) -> None:
            path = self._get_file_path(execution.durable_execution_arn)
            data = json.dumps(execution.to_json_dict(), separators=(",", ":")).encode()
            tmp = path.with_name(f"{path.name}.tmp")
            with open(tmp, "wb") as handle:
                handle.write(data)
            # A killed process loses nothing the kernel holds; fsync would guard against a
            # power cut, at a cost on every checkpoint: not paid for a local scan.
            os.replace(tmp, path)

    return CompactStore(folder)
