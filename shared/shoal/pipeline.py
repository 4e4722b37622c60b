"""The orchestrator's stages as plain functions: checkout, plan, merge.

Each takes settings and small values, works on the workspace, and returns a small JSON-safe dict
(ids, paths, counts, hashes) fit to be checkpointed. None of them imports Lambda or the durable SDK.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from shoal import __version__
from shoal.agent import read_shard
from shoal.config import Settings
from shoal.findings import dedupe_and_sort
from shoal.errors import InputError
from shoal.inventory import build_inventory
from shoal.models import Exclusion, FileMetrics, Finding, ScanResult
from shoal.planning import plan_partitions, time_warnings
from shoal.repoconfig import RepoConfig, load_repo_config
from shoal.reports import write_reports
from shoal.reports.jsonreport import failed, severity_counts
from shoal.security import catalog, ruleset_for
from shoal.source import checkout, parse_repository, validate_ref
from shoal.workspace import ScanPaths, atomic_write, read_verified

PLAN_SCHEMA = "shoal/plan/v1"


@dataclass(frozen=True)
class ScanRequest:
    """What to scan: validated before anything touches the workspace."""

    scan_id: str
    repository: str
    ref: str | None

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> ScanRequest:
        if not isinstance(event, dict) or not event.get("repository"):
            raise InputError("the scan request needs a 'repository' (https URL or local path)")
        if not event.get("scan_id"):
            raise InputError("the scan request needs a 'scan_id'")
        ref = event.get("ref")
        return cls(
            scan_id=str(event["scan_id"]),
            repository=str(event["repository"]),
            ref=validate_ref(str(ref)) if ref else None,
        )


def checkout_stage(request: ScanRequest, settings: Settings) -> dict[str, Any]:
    """Put the repository at an exact commit into <ws>/scans/<scan>/src; git objects stay local."""
    paths = ScanPaths(Path(settings.workspace), request.scan_id)
    spec = parse_repository(request.repository, settings.allowed_hosts)
    scratch = Path(tempfile.mkdtemp(prefix="shoal-git-", dir=settings.scratch or None))
    try:
        result = checkout(spec, request.ref, paths.src, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    summary = {
        "scan_id": request.scan_id,
        "repository": request.repository,
        "ref": result.ref,
        "commit": result.commit,
        "files": result.files,
        "bytes": result.bytes,
        "skipped": len(result.skipped),
    }
    # The skipped paths (symlinks, submodules) can be many: they go to the manifest, not the checkpoint.
    manifest = {**summary, "skipped": [e.to_dict() for e in result.skipped]}
    atomic_write(paths.checkout_manifest, _json_bytes(manifest))
    return summary


def plan_stage(scan_id: str, settings: Settings) -> dict[str, Any]:
    """Inventory the exported tree and split it into partitions; publish plan.json."""
    paths = ScanPaths(Path(settings.workspace), scan_id)
    repo = load_repo_config(paths.src)
    if settings.security:
        ruleset_for(paths.src, repo)  # a broken user rule or an unknown id fails here, once
    inventory = build_inventory(
        paths.src,
        max_file_bytes=settings.max_file_bytes,
        include=repo.include,
        extra_excludes=repo.exclude,
        text_files=settings.security,
    )
    partitions = plan_partitions(
        inventory.files,
        max_partitions=settings.max_partitions,
        min_partition_bytes=settings.min_partition_bytes,
        agent_timeout=settings.agent_timeout,
    )
    warnings = time_warnings(partitions, settings.agent_timeout)
    document = {
        "schema": PLAN_SCHEMA,
        "scan_id": scan_id,
        "partitions": [p.to_dict() for p in partitions],
        "exclusions": [e.to_dict() for e in _all_exclusions(paths, inventory.exclusions)],
        "security": settings.security,
        "config": repo.to_dict(),
        **({"warnings": warnings} if warnings else {}),
    }
    digest = atomic_write(paths.plan, _json_bytes(document))
    return {
        "plan": paths.relative(paths.plan),
        "sha256": digest,
        "partitions": [p.id for p in partitions],
        "files": len(inventory.files),
        "bytes": sum(f.bytes for f in inventory.files),
        "excluded": len(document["exclusions"]),
        "warnings": len(warnings),
    }


def _all_exclusions(paths: ScanPaths, inventory: tuple[Exclusion, ...]) -> list[Exclusion]:
    """The inventory's exclusions plus what checkout never exported, sorted by path."""
    skipped: list[Exclusion] = []
    if paths.checkout_manifest.exists():
        manifest = json.loads(paths.checkout_manifest.read_bytes())
        skipped = [Exclusion(**e) for e in manifest.get("skipped", ())]
    return sorted({*inventory, *skipped}, key=lambda e: (e.path, e.reason))


def merge_stage(
    scan: dict[str, Any],
    plan: dict[str, Any],
    shards: list[dict[str, Any]],
    settings: Settings,
    failed_partitions: Sequence[dict[str, str]] = (),
) -> dict[str, Any]:
    """Read the shards the agents reported, verify them, and write the reports; partitions whose
    agents failed are named, with their files, as a partial scan."""
    paths = ScanPaths(Path(settings.workspace), scan["scan_id"])
    files: list[FileMetrics] = []
    findings: list[Finding] = []
    diagnostics: list[str] = []
    for ref in sorted(shards, key=lambda s: s["partition"]):
        shard_files, shard_findings, shard_diagnostics = read_shard(
            read_verified(paths.resolve(ref["shard"]), ref["sha256"])
        )
        files.extend(shard_files)
        findings.extend(shard_findings)
        diagnostics.extend(shard_diagnostics)
    plan_document = json.loads(read_verified(paths.resolve(plan["plan"]), plan["sha256"]))
    repo = RepoConfig.from_dict(plan_document.get("config", {}))
    lost = _failed_partitions(plan_document, failed_partitions)
    diagnostics.extend(_lost_diagnostic(entry) for entry in lost)
    diagnostics.extend(plan_document.get("warnings", ()))
    ruleset = ruleset_for(paths.src, repo) if plan_document.get("security") else None
    result = ScanResult(
        scan_id=scan["scan_id"],
        repository=scan["repository"],
        commit=scan["commit"],
        ref=scan["ref"],
        files=tuple(_unique_by_path(files)),
        findings=dedupe_and_sort(findings),
        exclusions=tuple(Exclusion(**e) for e in plan_document["exclusions"]),
        rules=catalog(ruleset),
        tool_version=__version__,
        failure_threshold=settings.failure_threshold(repo.fail_on),
        diagnostics=tuple(sorted(diagnostics)),
        failed_partitions=tuple(lost),
    )
    written = write_reports(result, paths.report)
    return {
        "scan_id": result.scan_id,
        "commit": result.commit,
        "files": len(result.files),
        "partitions": len(plan["partitions"]),
        "findings": severity_counts(result),
        "failed": failed(result),
        "partial": bool(lost),
        "failed_partitions": [entry["partition"] for entry in lost],
        "diagnostics": len(result.diagnostics),
        "reports": {fmt: paths.relative(r.path) for fmt, r in sorted(written.items())},
        "report_sha256": {fmt: r.sha256 for fmt, r in sorted(written.items())},
    }




def _failed_partitions(plan_document: dict[str, Any], failed: Sequence[dict[str, str]]) -> list[dict[str, Any]]:
    files = {p["id"]: [f["path"] for f in p["files"]] for p in plan_document["partitions"]}
    return [
        {"partition": f["partition"], "error": f["error"], "files": files.get(f["partition"], [])}
        for f in sorted(failed, key=lambda f: f["partition"])
    ]


def _lost_diagnostic(entry: dict[str, Any]) -> str:
    files = entry["files"]
    shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
    return f"partition {entry['partition']} failed ({entry['error']}): {len(files)} files not analysed: {shown}"


def _unique_by_path(files: list[FileMetrics]) -> list[FileMetrics]:
    by_path = {f.path: f for f in files}
    return [by_path[p] for p in sorted(by_path)]


def _json_bytes(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode()
