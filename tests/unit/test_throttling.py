"""Throttled agent invokes: waited out with durable timers, doubling and jittered, and never
counted against the partition's attempts; other failures keep their own retries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from aws_durable_execution_sdk_python.exceptions import InvokeError
from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner

from shoal.config import Settings
from shoal.handlers.orchestrator import handler, is_throttled, throttle_wait
from shoal.local.engine import _invoke_agent


class TooManyRequestsException(Exception):
    """What Lambda raises for an Invoke past the account's or the function's concurrency."""


def scan_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, agent: Any, **options: Any) -> tuple[Any, dict]:
    source = tmp_path / "src"
    source.mkdir()
    for n in range(3):
        (source / f"m{n}.py").write_text("def f(a):\n    return a\n" * (200 + n))
    monkeypatch.setenv("SHOAL_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setenv("SHOAL_LOCAL_ENGINE", "1")  # this test stands in for the local engine: a local path is allowed
    event = {"scan_id": "throttled", "repository": str(source), "ref": None,
             "options": {"claim_scans": False, "max_partitions": 3, "min_partition_bytes": 1,
                         "security": False, **options}}
    with DurableFunctionTestRunner(handler=handler, execution_timeout=120, invocation_timeout=120) as runner:
        runner.register_function("shoal-agent", agent)
        arn = runner.run_async(input=json.dumps(event), execution_timeout=120, function_name="orchestrator",
                               execution_name="throttled")
        outcome = runner.wait_for_result(arn, timeout=120)
    names = {op.name for op in outcome.get_all_operations()}
    return outcome, names


def throttling(first: int, error: type[Exception]) -> Any:
    """An agent whose first `first` invokes of partition p0000 fail with `error`."""
    calls: dict[str, int] = {}

    def agent(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
        partition = payload["partition"]
        calls[partition] = calls.get(partition, 0) + 1
        if partition == "p0000" and calls[partition] <= first:
            raise error("Rate exceeded" if error is TooManyRequestsException else "the agent crashed")
        return _invoke_agent(payload)

    agent.calls = calls  # type: ignore[attr-defined]
    return agent


def test_a_throttled_partition_waits_and_then_succeeds_without_spending_attempts(tmp_path, monkeypatch):
    agent = throttling(3, TooManyRequestsException)
    outcome, names = scan_with(tmp_path, monkeypatch, agent, agent_attempts=1, throttle_wait=1, throttle_max_wait=1)
    assert outcome.error is None, outcome.error
    summary = json.loads(outcome.result)
    assert not summary["partial"]
    assert agent.calls["p0000"] == 4  # three throttled, then the real invoke, all within one attempt
    assert {"throttled-p0000-1", "throttled-p0000-2", "throttled-p0000-3", "agent-p0000-throttled3"} <= names


def test_throttling_past_its_retries_fails_only_that_partition(tmp_path, monkeypatch):
    agent = throttling(10, TooManyRequestsException)
    outcome, names = scan_with(tmp_path, monkeypatch, agent, agent_attempts=1, throttle_wait=1,
                               throttle_max_wait=1, throttle_retries=2)
    summary = json.loads(outcome.result)
    assert summary["partial"] and summary["failed_partitions"] == ["p0000"]
    assert agent.calls["p0000"] == 3 and "throttled-p0000-3" not in names


def test_other_errors_are_not_waited_out_as_throttling(tmp_path, monkeypatch):
    agent = throttling(10, RuntimeError)
    outcome, names = scan_with(tmp_path, monkeypatch, agent, agent_attempts=2, throttle_wait=1)
    assert json.loads(outcome.result)["failed_partitions"] == ["p0000"]
    assert agent.calls["p0000"] == 2 and not any(n.startswith("throttled-") for n in names)


def test_throttle_waits_double_up_to_the_cap_with_a_replayable_jitter():
    settings = Settings(throttle_wait=10, throttle_max_wait=60)
    task = {"scan_id": "s", "partition": "p0007"}
    waits = [throttle_wait(settings, task, n) for n in range(1, 7)]
    assert waits == [throttle_wait(settings, task, n) for n in range(1, 7)]  # same on every replay
    for n, wait in enumerate(waits, start=1):
        ceiling = min(60, 10 * 2 ** (n - 1))
        assert ceiling // 2 <= wait <= ceiling
    others = {throttle_wait(settings, {"scan_id": "s", "partition": f"p{i:04d}"}, 4) for i in range(20)}
    assert len(others) > 5  # partitions throttled together come back apart


def test_throttling_is_told_by_the_error_lambda_returns():
    assert is_throttled(InvokeError("x", error_type="TooManyRequestsException"))
    assert is_throttled(InvokeError("Rate exceeded", error_type="Lambda.ServiceException"))
    assert not is_throttled(InvokeError("boom", error_type="RuntimeError"))
