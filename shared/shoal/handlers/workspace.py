"""The workspace function (the `Split` network layout): the one function in the VPC beside the
agents. It runs the orchestrator's stages that read or write the S3 Files mount, invoked by an
orchestrator that runs outside the VPC (where it reaches GitHub and the checkpoint API without a
NAT) and so has no mount. It needs no internet: the mount over NFS, and the transfer bucket
through the VPC's S3 gateway endpoint.

Each action is the same stage function the orchestrator runs as a step when it mounts the
workspace itself; the event carries the orchestrator's settings, with the workspace replaced by
this function's mount.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from shoal.config import Settings, settings_from_env
from shoal.errors import InputError
from shoal.observability import subsegment
from shoal.scan import incremental, transfer
from shoal.scan.claims import claim_scan, finish_claim
from shoal.scan.pipeline import merge_stage, plan_stage, seal_stage
from shoal.scan.transfer import ArchiveRef, get_folder, get_verified, put_file, put_folder
from shoal.source import packed
from shoal.stages import CheckoutManifest, CheckoutRecord, PartitionFailure, Plan, ShardRef
from shoal.workspace import ScanPaths, atomic_write, load_json, sha256_bytes

logger = Logger(service="shoal-workspace", stream=sys.stderr)

# What the publish step outside the VPC reads: the reports and the change set a review needs.
RESULT_MEMBERS = ("report", "checkout.json", "changes.json")


@logger.inject_lambda_context(log_event=False)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return handle(event, Path(settings_from_env().workspace))


def handle(event: dict[str, Any], workspace: Path) -> dict[str, Any]:
    """Run one workspace action on `workspace` (the mount) and return its JSON-safe result."""
    action = event.get("action") if isinstance(event, dict) else None
    run = ACTIONS.get(str(action))
    if run is None:
        raise InputError(f"unknown workspace action {action!r}: choose one of {', '.join(sorted(ACTIONS))}")
    settings = replace(Settings.from_dict(event["settings"]), workspace=str(workspace))
    with subsegment(str(action), scan_id=str(event.get("scan_id", ""))):
        result = run(event, settings)
    logger.info("workspace action done", extra={"action": action, "scan_id": event.get("scan_id")})
    return result


def _paths(event: dict[str, Any], settings: Settings) -> ScanPaths:
    return ScanPaths(Path(settings.workspace), str(event["scan_id"]))


def _claim(event: dict[str, Any], settings: Settings) -> dict[str, Any]:
    return claim_scan(_paths(event, settings), str(event["owner"]), stale_after=settings.execution_timeout,
                      reuse_finished=settings.reuse_finished)


def _release(event: dict[str, Any], settings: Settings) -> dict[str, Any]:
    return {"released": finish_claim(_paths(event, settings), str(event["owner"]), event.get("summary"))}


def _plan(event: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """Unpack the checkout the orchestrator put in the transfer bucket, then plan it."""
    paths = _paths(event, settings)
    paths.refuse_symlinks()
    if paths.src.exists():  # an earlier attempt's tree: the archive is the whole truth
        shutil.rmtree(paths.src)
    packed.remove_beside(paths.src)
    archive = ArchiveRef.from_dict(event["archive"])
    get_folder(transfer.s3_client(), archive, paths.root)
    _ensure_snapshot(paths, archive.bucket)
    return plan_stage(paths.scan_id, settings).to_dict()


def _ensure_snapshot(paths: ScanPaths, bucket: str) -> None:
    """An incremental checkout started from a results snapshot it read from the transfer bucket;
    the plan and the merge read it on the mount, where the merge that wrote it left it, unless it
    was pruned since: then it is copied back, checked against the sha256 the checkout recorded."""
    record = CheckoutManifest.from_dict(load_json(paths.checkout_manifest.read_bytes())).record
    if record.incremental is None:
        return
    snapshot = incremental.resolve(paths.workspace, record.incremental.snapshot)
    if snapshot.is_file() and sha256_bytes(snapshot.read_bytes()) == record.incremental.sha256:
        return
    data = get_verified(transfer.s3_client(), bucket, record.incremental.snapshot, record.incremental.sha256)
    atomic_write(snapshot, data)


def _merge(event: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The merge, then the reports handed back through the transfer bucket for publishing."""
    scan = CheckoutRecord.from_dict(event["scan"])
    plan = Plan.from_dict(event["plan"])
    shards = [ShardRef.from_dict(s) for s in event.get("shards", ())]
    failed = [PartitionFailure.from_dict(f) for f in event.get("failed", ())]
    summary = merge_stage(scan, plan, shards, settings, failed).to_dict()
    bucket = event.get("bucket")
    if not bucket:
        return {"summary": summary}
    stored = summary.get("results_stored")
    if isinstance(stored, str):
        # The next checkout, outside the VPC, reads this scan's results from the bucket (its cache
        # prefix mirrors the workspace's cache/ folder), to analyse only what changed.
        put_file(transfer.s3_client(), str(bucket), stored, incremental.resolve(Path(settings.workspace), stored))
    if not event.get("publish"):
        return {"summary": summary}
    paths = _paths(event, settings)
    archive = put_folder(transfer.s3_client(), str(bucket), f"scans/{paths.scan_id}/results.tar.gz", paths.root,
                         RESULT_MEMBERS)
    return {"summary": summary, "archive": archive.to_dict()}


def _seal(event: dict[str, Any], settings: Settings) -> dict[str, Any]:
    return seal_stage(str(event["scan_id"]), list(event["partitions"]), settings)


ACTIONS = {"claim": _claim, "release": _release, "plan": _plan, "merge": _merge, "seal": _seal}
