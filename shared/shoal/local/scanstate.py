"""The durable execution state of a local scan, kept on disk so a killed scan resumes where it was.

The local runner keeps an execution (its input, every checkpointed operation and update) in an
execution store. Here that store is the testing package's file-system store in
`<workspace>/scans/<scan>/state/`: it rewrites one JSON file per execution atomically (temp file,
then rename) on every change, so a process killed at any instant leaves the last complete state.

Resuming is what the service does after a crash, done by hand because the local runner only
knows executions it started itself:
- the execution is launched again from the store: its handler is invoked and replays from the
  checkpoints, so completed steps (checkout, plan, merge) and agents return their recorded
  results without running;
- chained invokes whose START was checkpointed but whose result never was (their agent was
  running in the killed process) are dispatched again; agents are idempotent (a shard is named
  by partition and written atomically), so running one a second time is safe;
- timers (retry backoffs) are re-armed by the runner after that first invocation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shoal import __version__
from shoal.local.durable_runner import compact_store, launch_stored, redispatch_invoke
from shoal.errors import ShoalError
from shoal.workspace import ScanPaths, atomic_write

if TYPE_CHECKING:
    from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner
    from aws_durable_execution_sdk_python_testing.execution import Execution
    from aws_durable_execution_sdk_python_testing.runner import DurableFunctionTestResult
    from aws_durable_execution_sdk_python_testing.stores.filesystem import FileSystemExecutionStore

STATE_FOLDER = "state"
VERSION_FILE = "shoal-version"  # the version that started the execution: replay needs the same code


def state_folder(workspace: Path, scan_id: str) -> Path:
    return ScanPaths(workspace, scan_id).root / STATE_FOLDER


@dataclass(frozen=True)
class PendingInvoke:
    """A chained invoke that was started but has no recorded result."""

    operation_id: str
    name: str
    function_name: str
    tenant_id: str | None
    payload: str | None


class ScanState:
    """The execution store of one scan folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    def store(self) -> FileSystemExecutionStore:
        self.folder.mkdir(parents=True, exist_ok=True)
        return compact_store(self.folder)

    def executions(self) -> list[Execution]:
        return self.store().list_all() if self.folder.is_dir() else []

    def unfinished(self) -> Execution | None:
        """The execution a killed run left behind, if any."""
        running = [e for e in self.executions() if not e.is_complete]
        return running[0] if running else None

    def last_finished(self) -> Execution | None:
        finished = [e for e in self.executions() if e.is_complete]
        return max(finished, key=_end_time) if finished else None

    def resumable(self) -> Execution | None:
        """The unfinished execution, if this version of Shoal can replay it."""
        execution = self.unfinished()
        if execution is None:
            return None
        version_file = self.folder / VERSION_FILE
        started_by = version_file.read_text().strip() if version_file.is_file() else "an unknown version"
        if started_by != __version__:
            # Replaying checkpoints through other code could pair recorded results with other steps.
            raise ShoalError(
                f"the interrupted scan in {self.folder.parent} was started by Shoal {started_by}, this is "
                f"{__version__}: it cannot be resumed; run the scan again with --fresh"
            )
        return execution

    def start_fresh(self) -> None:
        """Make way for a new execution: earlier ones are forgotten (their reports stay)."""
        self.clear()
        atomic_write(self.folder / VERSION_FILE, f"{__version__}\n".encode())

    def clear(self) -> None:
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name.endswith((".json", ".json.tmp")) or path.name == VERSION_FILE:
                    path.unlink(missing_ok=True)


def stored_event(execution: Execution) -> dict[str, Any]:
    """The event the execution was started with: a resumed scan runs exactly that request."""
    return json.loads(execution.start_input.input or "{}")


def pending_invokes(execution: Execution) -> list[PendingInvoke]:
    """Chained invokes still STARTED: their targets died with the process that ran them."""
    from aws_durable_execution_sdk_python.lambda_service import OperationAction, OperationStatus, OperationType

    started = {
        op.operation_id: op.name or op.operation_id
        for op in execution.operations
        if op.operation_type is OperationType.CHAINED_INVOKE and op.status is OperationStatus.STARTED
    }
    # The operation keeps no payload: its START update, stored with the execution, does.
    pending: dict[str, PendingInvoke] = {}
    for update in execution.updates:
        options = update.chained_invoke_options
        if update.operation_id in started and update.action is OperationAction.START and options is not None:
            pending[update.operation_id] = PendingInvoke(
                update.operation_id, started[update.operation_id], options.function_name, options.tenant_id,
                update.payload,
            )
    return list(pending.values())


def resume(runner: DurableFunctionTestRunner, execution: Execution, timeout_seconds: int) -> str:
    """Continue a stored execution in `runner` (which must use this scan's store); returns its ARN.

    The runner has no public way to adopt an execution it did not start, so this drives its
    executor (through shoal.local.durable_runner, which holds every private name) as its own start path does: arm the timeout and invoke the handler, then dispatch
    the chained invokes whose results were lost, as the checkpoint that started them did.
    """
    arn = execution.durable_execution_arn
    launch_stored(runner, execution, timeout_seconds)
    for invoke in pending_invokes(execution):
        redispatch_invoke(runner, arn, invoke.operation_id, invoke.function_name, invoke.tenant_id, invoke.payload)
    return arn


def finished_result(execution: Execution) -> DurableFunctionTestResult:
    from aws_durable_execution_sdk_python_testing.runner import DurableFunctionTestResult

    return DurableFunctionTestResult.create(execution)


def _end_time(execution: Execution) -> float:
    try:
        end = execution.get_operation_execution_started().end_timestamp
    except (ValueError, AttributeError):
        return 0.0
    return end.timestamp() if end else 0.0
