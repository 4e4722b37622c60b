"""An agent's work: analyse one partition's files in place and publish its shard.

The shard is a pure function of the partition's files and the thresholds, written atomically,
so an agent that runs twice (at-least-once delivery) writes the same bytes to the same path.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from shoal.analysis import analyse_source
from shoal.config import Thresholds
from shoal.errors import InputError
from shoal.findings import dedupe_and_sort, metric_findings
from shoal.models import FileMetrics, Finding, Partition, SourceFile
from shoal.workspace import ScanPaths, atomic_write, read_verified

SHARD_SCHEMA = "shoal/shard/v1"


@dataclass(frozen=True)
class AgentTask:
    """What the orchestrator sends an agent: ids, paths and a checksum, never file contents."""

    scan_id: str
    plan: str  # workspace-relative path of plan.json
    plan_sha256: str
    partition: str
    thresholds: Thresholds

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> AgentTask:
        try:
            return cls(
                scan_id=str(event["scan_id"]),
                plan=str(event["plan"]),
                plan_sha256=str(event["plan_sha256"]),
                partition=str(event["partition"]),
                thresholds=Thresholds(**event.get("thresholds", {})),
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"agent event is missing or has a bad field: {exc}") from None

    def to_event(self) -> dict[str, Any]:
        return {
            "scan_id": self.scan_id,
            "plan": self.plan,
            "plan_sha256": self.plan_sha256,
            "partition": self.partition,
            "thresholds": asdict(self.thresholds),
        }


def run_agent(task: AgentTask, workspace: Path) -> dict[str, Any]:
    """Analyse the task's partition and publish its shard; return the shard's path and counts."""
    paths = ScanPaths(workspace, task.scan_id)
    partition = load_partition(paths, task)
    files: list[FileMetrics] = []
    findings: list[Finding] = []
    diagnostics: list[str] = []
    for source_file in partition.files:
        try:
            metrics = analyse_file(paths.src, source_file)
        except (OSError, ValueError) as exc:
            diagnostics.append(f"{source_file.path}: skipped: {exc}")
            continue
        files.append(metrics)
        findings.extend(metric_findings(metrics, task.thresholds))
    shard_path = paths.shard(partition.id)
    body = _shard_bytes(task, files, dedupe_and_sort(findings), diagnostics)
    digest = atomic_write(shard_path, body)
    return {
        "partition": partition.id,
        "shard": paths.relative(shard_path),
        "sha256": digest,
        "files": len(files),
        "functions": sum(len(f.functions) for f in files),
        "findings": len(findings),
        "diagnostics": len(diagnostics),
    }


def load_partition(paths: ScanPaths, task: AgentTask) -> Partition:
    plan = json.loads(read_verified(paths.resolve(task.plan), task.plan_sha256))
    for entry in plan["partitions"]:
        if entry["id"] == task.partition:
            return Partition.from_dict(entry)
    raise InputError(f"partition {task.partition} is not in the plan of scan {task.scan_id}")


def analyse_file(src_root: Path, source_file: SourceFile) -> FileMetrics:
    """Read one file in place, refusing anything that is not a regular file inside the tree."""
    path = src_root / source_file.path
    # lstat, not stat: a symlink planted after planning must not lead the agent out of the tree.
    mode = os.lstat(path).st_mode
    if not stat.S_ISREG(mode):
        raise ValueError("not a regular file")
    return analyse_source(path.read_bytes(), source_file.language, source_file.path)


def _shard_bytes(
    task: AgentTask, files: list[FileMetrics], findings: tuple[Finding, ...], diagnostics: list[str]
) -> bytes:
    document = {
        "schema": SHARD_SCHEMA,
        "scan_id": task.scan_id,
        "partition": task.partition,
        "files": [f.to_dict() for f in sorted(files, key=lambda f: f.path)],
        "findings": [f.to_dict() for f in findings],
        "diagnostics": sorted(diagnostics),
    }
    return (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode()


def read_shard(data: bytes) -> tuple[list[FileMetrics], list[Finding], list[str]]:
    document = json.loads(data)
    if document.get("schema") != SHARD_SCHEMA:
        raise InputError(f"shard schema {document.get('schema')!r} is not {SHARD_SCHEMA}")
    return (
        [FileMetrics.from_dict(f) for f in document["files"]],
        [Finding.from_dict(f) for f in document["findings"]],
        list(document["diagnostics"]),
    )
