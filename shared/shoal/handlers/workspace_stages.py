"""The orchestrator's stages that read or write the workspace, in one shape for both layouts.

Where the orchestrator mounts the workspace (local engine, the VPC layouts) each stage is a durable
step that runs here. In the Split layout the orchestrator has no mount: checkout and publish hand
over through the transfer bucket, and the other stages are chained invokes of the workspace
function. Either way a stage's durable name is its action's, and its value is the checkpointed
dict the handler reads back into a record, so executions resume across both."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from aws_durable_execution_sdk_python import DurableContext
from aws_durable_execution_sdk_python.config import Duration, StepConfig
from aws_durable_execution_sdk_python.exceptions import InvokeError
from aws_durable_execution_sdk_python.retries import RetryStrategyConfig, create_retry_strategy

from shoal.config import Settings
from shoal.errors import RetryableError, ShoalError
from shoal.observability import subsegment
from shoal.request import ScanRequest
from shoal.scan.pipeline import checkout_stage, merge_stage, plan_stage, seal_stage
from shoal.scan.transfer import RemoteWorkspace
from shoal.stages import CheckoutRecord, MergeSummary, PartitionFailure, Plan, ShardRef
from shoal.stepfigures import measured

# Only errors we know to be transient are retried; bad input or a broken repository fails fast.
RETRY_TRANSIENT = StepConfig(
    retry_strategy=create_retry_strategy(
        RetryStrategyConfig(max_attempts=3, retryable_error_types=[RetryableError, OSError])
    )
)
WORKSPACE_ATTEMPTS = 3
_TRANSIENT_TYPES = ("RetryableError", "OSError", "TimeoutError", "ConnectionError")
# What Lambda answers an Invoke past a concurrency or rate limit, as the durable service hands it on.
_THROTTLE_TYPES = ("TooManyRequestsException", "ThrottlingException")
_THROTTLE_WORDS = ("Rate exceeded", "TooManyRequests", "ConcurrentInvocationLimitExceeded",
                   "ReservedFunctionConcurrentInvocationLimitExceeded")


def is_throttled(error: InvokeError) -> bool:
    kind = (error.error_type or "").rsplit(".", 1)[-1]
    return kind in _THROTTLE_TYPES or any(word in (error.message or "") for word in _THROTTLE_WORDS)


def _transient(error: InvokeError) -> bool:
    return (error.error_type or "").rsplit(".", 1)[-1] in _TRANSIENT_TYPES or is_throttled(error)


def traced(name: str, stage: Any, *args: Any, **kwargs: Any) -> Any:
    with subsegment(name), measured(name, "orchestrator"):
        return stage(*args, **kwargs)


def traced_checkout(request: ScanRequest, settings: Settings) -> CheckoutRecord:
    """The checkout stage in its subsegment, with the seconds it took (a metric)."""
    start = time.monotonic()
    with subsegment("checkout", scan_id=request.scan_id), measured("checkout", "orchestrator"):
        scan = checkout_stage(request, settings)
    return replace(scan, seconds=round(time.monotonic() - start, 3))


@dataclass(frozen=True)
class Merged:
    """The merge's summary, and (Split layout) the archive of its reports in the transfer bucket."""

    summary: MergeSummary
    reports_archive: dict[str, Any] | None = None


class WorkspaceStages:
    """The stages as durable steps on this function's own mount."""

    def __init__(self, ctx: DurableContext) -> None:
        self.ctx = ctx
        self.source_archive: dict[str, Any] | None = None  # the checkout's hand-over (Split layout)

    def on_workspace(self, action: str, payload: dict[str, Any], local: Callable[[], Any],
                     config: StepConfig | None = None) -> Any:
        """Run a workspace stage: here, as a step named `action` (`payload` is the Split layout's)."""
        return self.ctx.step(lambda _: local(), name=action, config=config)

    def checkout(self, request: ScanRequest, settings: Settings) -> CheckoutRecord:
        return CheckoutRecord.from_dict(self.ctx.step(
            lambda _: traced_checkout(request, settings).to_dict(), name="checkout", config=RETRY_TRANSIENT))

    def plan(self, request: ScanRequest, settings: Settings) -> Plan:
        payload = {"scan_id": request.scan_id, "settings": settings.to_dict(), "archive": self.source_archive}
        return Plan.from_dict(self.on_workspace(
            "plan", payload, lambda: traced("plan", plan_stage, request.scan_id, settings).to_dict(), RETRY_TRANSIENT))

    def merge(self, request: ScanRequest, scan: CheckoutRecord, plan: Plan, shards: list[ShardRef],
              failed: list[PartitionFailure], settings: Settings, publish: bool) -> Merged:
        payload = {"scan_id": request.scan_id, "scan": scan.to_dict(), "plan": plan.to_dict(),
                   "shards": [s.to_dict() for s in shards], "failed": [f.to_dict() for f in failed],
                   "settings": settings.to_dict(), "bucket": self._bucket(), "publish": publish}
        result = self.on_workspace(
            "merge", payload, lambda: traced("merge", merge_stage, scan, plan, shards, settings, failed).to_dict(),
            RETRY_TRANSIENT)
        return self._merged(result)

    def seal(self, request: ScanRequest, merged: MergeSummary, settings: Settings) -> None:
        payload = {"scan_id": request.scan_id, "partitions": list(merged.redacted_shards),
                   "settings": settings.to_dict()}
        self.on_workspace("seal", payload, lambda: seal_stage(request.scan_id, merged.redacted_shards, settings))

    def publish_reports(self, request: ScanRequest, merged: Merged, github: dict[str, Any], settings: Settings,
                        incomplete: bool) -> dict[str, Any]:
        """Results to GitHub, after the reports are written (run inside the publish step)."""
        from shoal.github.publish import publish_scan

        return traced("publish", publish_scan, merged.summary.to_dict(), github, settings, incomplete=incomplete)

    def _bucket(self) -> str | None:
        return None

    def _merged(self, result: dict[str, Any]) -> Merged:
        return Merged(MergeSummary.from_dict(result))


class SplitWorkspaceStages(WorkspaceStages):
    """The Split layout's: chained invokes of the workspace function, which has the mount, and
    hand-overs through the transfer bucket for the checkout and the reports."""

    def __init__(self, ctx: DurableContext, remote: RemoteWorkspace) -> None:
        super().__init__(ctx)
        self.remote = remote

    def on_workspace(self, action: str, payload: dict[str, Any], local: Callable[[], Any],
                     config: StepConfig | None = None) -> Any:
        attempt = 0
        while True:
            try:
                return self.ctx.invoke(self.remote.function, {"action": action, **payload},
                                       name=action + (f"-retry{attempt}" if attempt else ""))
            except InvokeError as error:
                # As the steps' RETRY_TRANSIENT: a transient failure (NFS, S3, throttling) is tried
                # again after a durable wait; bad input or a broken repository fails at once.
                attempt += 1
                if attempt == WORKSPACE_ATTEMPTS or not _transient(error):
                    raise
                self.ctx.wait(Duration.from_seconds(2 ** (attempt - 1)), name=f"{action}-backoff{attempt}")

    def checkout(self, request: ScanRequest, settings: Settings) -> CheckoutRecord:
        """Into local /tmp and from there, as one archive, into the transfer bucket for the
        workspace function to unpack."""
        from shoal.scan.remote import checkout_to_bucket

        checked = self.ctx.step(lambda _: checkout_to_bucket(request, settings, self.remote, traced_checkout),
                                name="checkout", config=RETRY_TRANSIENT)
        self.source_archive = checked["archive"]
        return CheckoutRecord.from_dict(checked["record"])

    def publish_reports(self, request: ScanRequest, merged: Merged, github: dict[str, Any], settings: Settings,
                        incomplete: bool) -> dict[str, Any]:
        from shoal.github.publish import publish_scan
        from shoal.scan.remote import publish_from_bucket

        try:  # as publish_scan's own failures: recorded, never raised
            if merged.reports_archive is None:
                raise ShoalError("the merge handed back no reports to publish")
            return traced("publish", publish_from_bucket, merged.summary.to_dict(), github, settings, self.remote,
                          merged.reports_archive, request.repository, publish_scan, incomplete=incomplete)
        except ShoalError as exc:
            return {"published": False, "errors": [exc.message[:500]]}

    def _bucket(self) -> str | None:
        return self.remote.bucket

    def _merged(self, result: dict[str, Any]) -> Merged:
        return Merged(MergeSummary.from_dict(result["summary"]), result.get("archive"))


def workspace_stages(ctx: DurableContext, remote: RemoteWorkspace | None) -> WorkspaceStages:
    """The stages for this function: on its own mount, or through the workspace function."""
    return WorkspaceStages(ctx) if remote is None else SplitWorkspaceStages(ctx, remote)
