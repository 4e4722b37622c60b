"""The orchestrator: a Lambda durable function that runs checkout, plan, a fan-out of agents and
merge, each checkpointed, so a crash or a failed agent never loses or repeats completed work."""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from aws_durable_execution_sdk_python import DurableContext, durable_execution
from aws_durable_execution_sdk_python.config import CompletionConfig, Duration, MapConfig, StepConfig
from aws_durable_execution_sdk_python.exceptions import InvokeError
from aws_durable_execution_sdk_python.retries import RetryStrategyConfig, create_retry_strategy
from aws_durable_execution_sdk_python.concurrency.models import BatchResult
from aws_lambda_powertools import Logger

from shoal.scan.agent import run_agent
from shoal.scan.claims import claim_scan, finish_claim
from shoal.config import Settings, local_paths_allowed, settings_from_env
from shoal.errors import ShoalError
from shoal.handlers.workspace_stages import Merged, WorkspaceStages, is_throttled, workspace_stages
from shoal.observability import emit_scan_metrics
from shoal.request import ScanRequest
from shoal.scan.transfer import RemoteWorkspace
from shoal.stages import PartitionFailure, PartitionTask, ShardRef
from shoal.testhooks import reached
from shoal.workspace import ScanPaths

# stderr keeps stdout free for reports when the CLI runs this handler; Lambda collects both.
logger = Logger(service="shoal-orchestrator", stream=sys.stderr)


class ScanIncomplete(ShoalError):
    """More partitions failed than the configured threshold allows; partial reports exist."""


def configure(event: dict[str, Any]) -> dict[str, Any]:
    """Settings (environment + the event's options) and the validated request, as one small dict."""
    options = event.get("options") if isinstance(event, dict) else None
    settings = settings_from_env().with_overrides(options if isinstance(options, dict) else {})
    # A local path reads this machine's disk: refused unless the local engine runs this handler.
    request = ScanRequest.from_event(event, settings.allowed_hosts, allow_local=local_paths_allowed())
    # Split layout: no mount here, the workspace function has it (from the environment only).
    remote = RemoteWorkspace.from_env()
    # The scan's start, for its duration metric: read here, in a step, so every replay sees the same.
    return {"settings": settings.to_dict(), "request": request.to_checkpoint(), "started": time.time(),
            "remote": remote.to_dict() if remote else None}


@durable_execution
def handler(event: dict[str, Any], ctx: DurableContext) -> dict[str, Any]:
    ctx.set_logger(logger)
    # Environment reads are I/O: they happen once, in a step, and replay from the checkpoint.
    try:
        setup = ctx.step(lambda _: configure(event), name="configure")
    except Exception:
        # A refused request (bad repository, bad options) is a failed scan too, for the alarm.
        ctx.step(lambda _: emit_scan_metrics(None, None, (), (), None, started=None, scan_failed=True),
                 name="metrics")
        raise
    settings = Settings.from_dict(setup["settings"])
    request = ScanRequest.from_checkpoint(setup["request"])
    started = setup.get("started")  # absent from executions checkpointed before it was recorded
    stages = workspace_stages(ctx, RemoteWorkspace.from_dict(setup.get("remote")))
    if not settings.claim_scans:
        return measured_scan(stages, request, settings, started)

    paths = ScanPaths(Path(settings.workspace), request.scan_id)
    owner = ctx.execution_context.durable_execution_arn
    claim = stages.on_workspace(
        "claim", {"scan_id": request.scan_id, "owner": owner, "settings": settings.to_dict()},
        lambda: claim_scan(paths, owner, stale_after=settings.execution_timeout,
                           reuse_finished=settings.reuse_finished),
    )
    if not claim["granted"]:
        ctx.logger.info("scan already claimed", extra={"scan_id": request.scan_id, "owner": claim["owner"]})
        return {**(claim["summary"] or {}), "scan_id": request.scan_id, "duplicate_of": claim["owner"],
                "duplicate_finished": claim["finished"]}

    def release(summary: dict[str, Any] | None) -> None:
        stages.on_workspace("release",
                     {"scan_id": request.scan_id, "owner": owner, "summary": summary, "settings": settings.to_dict()},
                     lambda: {"released": finish_claim(paths, owner, summary)})

    try:
        summary = measured_scan(stages, request, settings, started)
    except Exception:
        # Free the folder for the next request (it rescans): a failed scan's result is not reused.
        release(None)
        raise
    release(summary)
    return summary


def measured_scan(
    stages: WorkspaceStages, request: ScanRequest, settings: Settings, started: float | None
) -> dict[str, Any]:
    """run_scan, and the metrics of a scan that failed before its own metrics step (a failed
    checkout, say): emitted in a step, so once, then the error goes on."""
    try:
        return run_scan(stages, request, settings, started)
    except ScanIncomplete:
        raise  # its metrics are out already, with the merge's figures
    except Exception:
        stages.ctx.step(lambda _: emit_scan_metrics(None, None, (), (), None, started=started, scan_failed=True),
                        name="metrics")
        raise


def run_scan(
    stages: WorkspaceStages, request: ScanRequest, settings: Settings, started: float | None = None
) -> dict[str, Any]:
    """Checkout, plan, fan-out, merge and publish: each stage a checkpointed step (or, for the
    workspace's stages in the Split layout, invoke), whose value is its record's dict (JSON, as the
    SDK checkpoints it), read back into the record at once."""
    ctx = stages.ctx
    scan = stages.checkout(request, settings)
    ctx.logger.info("checked out", extra={"commit": scan.commit, "files": scan.files})
    reached("checked-out")  # crash-test points between checkpoints (no-ops unless a test sets them)
    plan = stages.plan(request, settings)
    ctx.logger.info("planned", extra={"partitions": len(plan.partitions), "files": plan.files})
    reached("planned")

    faults = settings.fault_plan()
    # The plan applied the repository's [metrics] limits where no flag or variable set them.
    thresholds = plan.agent_thresholds(settings)
    tasks = [
        PartitionTask(
            request.scan_id, plan.plan, plan.sha256, p, thresholds, fault=faults.get(p, ""),
            parse_budget_ms=settings.parse_budget_ms,
        )
        for p in plan.partitions
    ]
    shards, failed = fan_out(ctx, tasks, settings)
    # The GitHub target, when this scan publishes to one (every local scan does not).
    github = request.github.to_dict() if request.github is not None and publishes(settings) else None
    result = stages.merge(request, scan, plan, shards, failed, settings, publish=github is not None)
    merged = result.summary
    ctx.logger.info("merged", extra={"findings": dict(merged.findings), "failed_partitions": len(failed)})
    if merged.redacted_shards:
        stages.seal(request, merged, settings)
    reached("merged")
    incomplete = settings.too_many_failures(len(failed))
    if github is not None:
        merged = merged.with_extra(publish=publish(stages, request, result, github, settings, incomplete))
    summary = merged.to_dict()
    # Values computed and printed in a step: a replay takes the checkpoint and prints nothing.
    ctx.step(lambda _: emit_scan_metrics(scan.to_dict(), plan.to_dict(), [s.to_dict() for s in shards],
                                         [f.to_dict() for f in failed], summary, started=started,
                                         scan_failed=incomplete), name="metrics")
    if incomplete:
        # After the merge: the partial reports are written and named in the error.
        raise ScanIncomplete(
            f"{len(failed)} of {len(tasks)} partitions failed, more than the {settings.max_failed_partitions} "
            f"allowed; the partial reports are in {merged.reports['json'].rsplit('/', 1)[0]}"
        )
    return summary


def publishes(settings: Settings) -> bool:
    # Imported here, as in publish: a scan with no GitHub target (every local one) never needs the
    # GitHub client, whose import took 0.02-0.04 s of a local scan's start.
    from shoal.github.publish import PublishOptions

    return PublishOptions.from_settings(settings).enabled


def publish(
    stages: WorkspaceStages, request: ScanRequest, merged: Merged, github: dict[str, Any], settings: Settings,
    incomplete: bool,
) -> dict[str, Any]:
    """Results to GitHub, after the reports are written: a failure is logged and recorded in the
    result, never raised, so it neither loses the reports nor changes the scan's outcome.
    `incomplete`: more partitions failed than allowed, which the check run says."""
    published = stages.ctx.step(
        lambda _: stages.publish_reports(request, merged, github, settings, incomplete), name="publish")
    if published["errors"]:
        stages.ctx.logger.warning("publishing to GitHub failed", extra={"errors": published["errors"]})
    return published


def fan_out(
    ctx: DurableContext, tasks: list[PartitionTask], settings: Settings
) -> tuple[list[ShardRef], list[PartitionFailure]]:
    """One agent per partition: a chained invoke (Lambda), or an inline step (sam local, small
    repos). Every partition runs to an end; the failed ones are returned, not raised, so one
    bad partition costs its own files only."""
    if settings.fanout == "inline":
        workspace = Path(settings.workspace)
        inline_retry = StepConfig(
            retry_strategy=create_retry_strategy(RetryStrategyConfig(max_attempts=settings.agent_attempts))
        )

        def branch(child: DurableContext, task: dict[str, Any], *_: Any) -> dict[str, Any]:
            return child.step(
                lambda step: _with_tries(run_agent(replace(PartitionTask.from_event(task), attempt=step.attempt - 1),
                                                   workspace).to_dict(), step.attempt - 1, 0),
                name=f"agent-{task['partition']}",
                config=inline_retry,
            )
    else:

        def branch(child: DurableContext, task: dict[str, Any], *_: Any) -> dict[str, Any]:
            return invoke_with_retries(child, settings, task)

    batch: BatchResult[dict[str, Any]] = ctx.map(
        [task.to_event() for task in tasks],  # the map checkpoints its items: their JSON form
        branch,
        name="analyse",
        config=MapConfig(
            max_concurrency=settings.max_concurrency,
            completion_config=CompletionConfig.all_completed(),
            item_namer=lambda task, _index: f"partition-{task['partition']}",
        ),
    )
    shards = [ShardRef.from_dict(item.result or {}) for item in sorted(batch.succeeded(), key=lambda i: i.index)]
    failed = [
        PartitionFailure(tasks[item.index].partition, _error_text(item.error))
        for item in sorted(batch.failed(), key=lambda i: i.index)
    ]
    return shards, failed


def invoke_with_retries(child: DurableContext, settings: Settings, task: dict[str, Any]) -> dict[str, Any]:
    """Invoke the agent; on failure wait (a durable timer: no compute is billed) and try again.

    A throttled invoke is waited out apart (see `throttle_wait`) and costs no attempt: the
    partition is fine, the account's or the agent's concurrency is full for now."""
    partition = task["partition"]
    attempt = throttled = 0
    while True:
        name = f"agent-{partition}" + (f"-retry{attempt}" if attempt else "") + (f"-throttled{throttled}" if throttled else "")
        try:
            result: dict[str, Any] = child.invoke(settings.agent_function, {**task, "attempt": attempt}, name=name)
            return _with_tries(result, attempt, throttled)
        except InvokeError as error:
            if is_throttled(error) and throttled < settings.throttle_retries:
                throttled += 1
                wait = throttle_wait(settings, task, throttled)
                child.wait(Duration.from_seconds(wait), name=f"throttled-{partition}-{throttled}")
                continue
            attempt += 1
            if attempt == settings.agent_attempts:
                raise
            child.wait(Duration.from_seconds(2 ** (attempt - 1)), name=f"backoff-{partition}-{attempt}")


def _with_tries(result: dict[str, Any], attempt: int, throttled: int) -> dict[str, Any]:
    """The agent's result, marked when it took retries or throttled invokes (the scan's metrics)."""
    return {**result, **({"attempt": attempt} if attempt else {}), **({"throttled": throttled} if throttled else {})}


def throttle_wait(settings: Settings, task: dict[str, Any], throttled: int) -> int:
    """Seconds before the `throttled`-th retry: doubling, capped, with jitter so the partitions
    throttled together do not come back together. The jitter is a digest, not a random draw: the
    handler replays, and must make the same wait every time."""
    ceiling = min(settings.throttle_max_wait, settings.throttle_wait * 2 ** (throttled - 1))
    digest = hashlib.sha256(f"{task['scan_id']}/{task['partition']}/{throttled}".encode()).digest()
    half = max(ceiling // 2, 1)
    return max(1, ceiling - half + int.from_bytes(digest[:4], "big") % (half + 1))


def _error_text(error: Any) -> str:
    """A short, checkpoint-sized description of a failed partition's last error."""
    if error is None:
        return "failed"
    kind = getattr(error, "type", None) or getattr(error, "error_type", None) or ""
    message = getattr(error, "message", None) or getattr(error, "error_message", None) or str(error)
    text = f"{kind}: {message}" if kind else str(message)
    return text[:300]
