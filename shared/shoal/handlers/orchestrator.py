"""The orchestrator: a Lambda durable function that runs checkout, plan, a fan-out of agents and
merge, each checkpointed, so a crash or a failed agent never loses or repeats completed work."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aws_durable_execution_sdk_python import DurableContext, durable_execution
from aws_durable_execution_sdk_python.config import CompletionConfig, MapConfig, StepConfig
from aws_durable_execution_sdk_python.retries import RetryStrategyConfig, create_retry_strategy
from aws_lambda_powertools import Logger

from shoal.agent import AgentTask, run_agent
from shoal.config import Settings, settings_from_env
from shoal.errors import RetryableError
from shoal.pipeline import ScanRequest, checkout_stage, merge_stage, plan_stage

# stderr keeps stdout free for reports when the CLI runs this handler; Lambda collects both.
logger = Logger(service="shoal-orchestrator", stream=sys.stderr)

# Only errors we know to be transient are retried; bad input or a broken repository fails fast.
RETRY_TRANSIENT = StepConfig(
    retry_strategy=create_retry_strategy(
        RetryStrategyConfig(max_attempts=3, retryable_error_types=[RetryableError, OSError])
    )
)


def configure(event: dict[str, Any]) -> dict[str, Any]:
    """Settings (environment + the event's options) and the validated request, as one small dict."""
    settings = settings_from_env().with_overrides(event.get("options") or {})
    request = ScanRequest.from_event(event)
    return {"settings": settings.to_dict(), "request": asdict(request)}


@durable_execution
def handler(event: dict[str, Any], ctx: DurableContext) -> dict[str, Any]:
    ctx.set_logger(logger)
    # Environment reads are I/O: they happen once, in a step, and replay from the checkpoint.
    setup = ctx.step(lambda _: configure(event), name="configure")
    settings = Settings.from_dict(setup["settings"])
    request = ScanRequest(**setup["request"])

    scan = ctx.step(lambda _: checkout_stage(request, settings), name="checkout", config=RETRY_TRANSIENT)
    ctx.logger.info("checked out", extra={"commit": scan["commit"], "files": scan["files"]})
    plan = ctx.step(lambda _: plan_stage(request.scan_id, settings), name="plan", config=RETRY_TRANSIENT)
    ctx.logger.info("planned", extra={"partitions": len(plan["partitions"]), "files": plan["files"]})

    tasks = [
        AgentTask(request.scan_id, plan["plan"], plan["sha256"], p, settings.thresholds).to_event()
        for p in plan["partitions"]
    ]
    shards = fan_out(ctx, tasks, settings)
    summary = ctx.step(
        lambda _: merge_stage(scan, plan, shards, settings), name="merge", config=RETRY_TRANSIENT
    )
    ctx.logger.info("merged", extra={"findings": summary["findings"]})
    return summary


def fan_out(ctx: DurableContext, tasks: list[dict[str, Any]], settings: Settings) -> list[dict[str, Any]]:
    """One agent per partition: a chained invoke (Lambda), or an inline step (sam local, small repos)."""
    if settings.fanout == "inline":
        workspace = Path(settings.workspace)

        def branch(child: DurableContext, task: dict[str, Any], *_: Any) -> dict[str, Any]:
            return child.step(
                lambda _: run_agent(AgentTask.from_event(task), workspace),
                name=f"agent-{task['partition']}",
                config=RETRY_TRANSIENT,
            )
    else:

        def branch(child: DurableContext, task: dict[str, Any], *_: Any) -> dict[str, Any]:
            return child.invoke(settings.agent_function, task, name=f"agent-{task['partition']}")

    batch = ctx.map(
        tasks,
        branch,
        name="analyse",
        config=MapConfig(
            max_concurrency=settings.max_concurrency,
            completion_config=CompletionConfig.all_successful(),
            item_namer=lambda task, _index: f"partition-{task['partition']}",
        ),
    )
    batch.throw_if_error()
    return batch.get_results()
