"""The durable SDK's private names Shoal uses (shoal.local.durable_runner) are there, as expected, in the
SDK versions pyproject.toml pins: an upgrade that changes one fails here, naming it, instead of
breaking resume or slowing every local scan in silence."""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from shoal.local import durable_runner
from shoal.local.durable_runner import PRIVATE_NAMES, PrivateName, changed_private_names, compact_store

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
SDK_PACKAGES = ("aws-durable-execution-sdk-python", "aws-durable-execution-sdk-python-testing")


def _pinned() -> dict[str, str]:
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    pins = dict(re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", d).groups() for d in dependencies if "==" in d)
    return {name: pins[name] for name in SDK_PACKAGES}


def test_the_sdk_versions_are_pinned_and_installed() -> None:
    # A range would let an install pick a version whose private names nobody checked.
    for name, pinned in _pinned().items():
        assert version(name) == pinned, f"{name} {version(name)} is installed, pyproject.toml pins {pinned}"


def test_every_private_name_is_there_as_expected() -> None:
    assert changed_private_names() == [], "\n".join(changed_private_names())


def test_the_runner_still_keeps_its_executor_there() -> None:
    from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner
    from aws_durable_execution_sdk_python_testing.executor import Executor

    def handler(event, context):  # never invoked: the runner is only built
        return event

    with DurableFunctionTestRunner(handler=handler) as runner:
        executor = durable_runner.executor_of(runner)
        assert isinstance(executor, Executor), "DurableFunctionTestRunner._executor is no longer the Executor"
        durable_runner.shorten_pending_race_backoff(runner)
        assert executor.RETRY_BACKOFF_SECONDS == durable_runner.PENDING_RACE_BACKOFF_SECONDS


def test_a_changed_name_is_reported_by_name() -> None:
    gone = PrivateName("aws_durable_execution_sdk_python.state", "", "_NO_SUCH_NAME", "number", "a test")
    assert gone.problem() == ("aws_durable_execution_sdk_python.state._NO_SUCH_NAME is gone: needed for a test")
    retyped = PrivateName("aws_durable_execution_sdk_python.state", "", "_STOP_SIGNAL_POLL_SECONDS", "callable", "x")
    assert "_STOP_SIGNAL_POLL_SECONDS is no longer a callable" in str(retyped.problem())
    assert {n.name for n in PRIVATE_NAMES} >= {"_launch_execution", "_get_file_path", "RETRY_BACKOFF_SECONDS",
                                               "_STOP_SIGNAL_POLL_SECONDS", "_executor"}


def test_the_compact_store_writes_one_compact_file_per_execution(tmp_path: Path) -> None:
    from aws_durable_execution_sdk_python_testing.execution import Execution
    from aws_durable_execution_sdk_python_testing.model import StartDurableExecutionInput

    store = compact_store(tmp_path)
    start = StartDurableExecutionInput(account_id="000000000000", function_name="f", function_qualifier="$LATEST", invocation_id="i",
                                       execution_name="e", execution_timeout_seconds=60,
                                       execution_retention_period_days=1, input=json.dumps({"scan_id": "s"}))
    execution = Execution.new(start)
    execution.start()
    store.save(execution)
    [written] = list(tmp_path.iterdir())
    assert b"\n" not in written.read_bytes() and b", " not in written.read_bytes()[:200]
    assert store.load(execution.durable_execution_arn).start_input.input == json.dumps({"scan_id": "s"})


@pytest.mark.parametrize("name", [n for n in PRIVATE_NAMES if n.kind != "instance"], ids=lambda n: n.name)
def test_each_name_on_its_own(name: PrivateName) -> None:
    assert name.problem() is None, name.problem()
