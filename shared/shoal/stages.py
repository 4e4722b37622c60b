"""The records the orchestrator's stages hand one another: typed, frozen, and JSON-safe through
`to_dict`/`from_dict`, which is the form a durable step checkpoints.

checkout -> CheckoutRecord (and checkout.json, its manifest), plan -> Plan (and plan.json, a
PlanDocument), one PartitionTask per partition -> ShardRef or PartitionFailure, merge ->
MergeSummary. Checkpoints carry ids, paths, counts and hashes; lists of paths and findings travel
through the workspace. `to_dict` writes the keys in the order the stages always wrote them, so
state checkpointed before these records existed reads back unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from shoal.config import Settings, Thresholds
from shoal.errors import InputError
from shoal.models import Exclusion, Partition

PLAN_SCHEMA = "shoal/plan/v1"
_T = TypeVar("_T")


def _read(kind: str, build: Callable[[], _T]) -> _T:
    """A record from its dict, or an InputError naming the record and what it lacks."""
    try:
        return build()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"the {kind} record is missing or has a bad field: {exc}") from None


def _some(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


# ---------------------------------------------------------------------------------------- checkout


@dataclass(frozen=True)
class BaselineOptions:
    """The baseline the merge compares with, resolved at checkout (ScanRequest.baseline_branch)."""

    branch: str
    store: bool
    default_branch: str | None
    repository: str

    def to_dict(self) -> dict[str, Any]:
        return {"branch": self.branch, "store": self.store, "default_branch": self.default_branch,
                "repository": self.repository}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BaselineOptions:
        return _read("baseline", lambda: cls(str(data["branch"]), bool(data["store"]),
                                             _str_or_none(data.get("default_branch")), str(data["repository"])))


@dataclass(frozen=True)
class DiffRef:
    """A diff scan's change set: its counts here, the paths in the scan folder (verified by hash)."""

    touched: int
    deleted: int
    renamed: int
    lines: int
    base: str
    merge_base: str
    changes: str  # workspace-relative path of changes.json
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DiffRef:
        return _read("diff", lambda: cls(int(data["touched"]), int(data["deleted"]), int(data["renamed"]),
                                         int(data["lines"]), str(data["base"]), str(data["merge_base"]),
                                         str(data["changes"]), str(data["sha256"])))


@dataclass(frozen=True)
class IncrementalRef:
    """An incremental checkout: the results snapshot it reuses, and how much of the tree it exported."""

    since: str  # the snapshot's commit
    snapshot: str  # its path, relative to the workspace
    sha256: str
    exported: int
    tree: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IncrementalRef:
        def count(value: Any) -> int:  # the manifest holds the lists, the checkpoint their lengths
            return len(value) if isinstance(value, list) else int(value)

        return _read("incremental", lambda: cls(str(data["since"]), str(data["snapshot"]), str(data["sha256"]),
                                                count(data["exported"]), count(data["tree"])))


@dataclass(frozen=True)
class CheckoutRecord:
    """What checkout put into <ws>/scans/<scan>/src, at which commit, and for which baseline."""

    scan_id: str
    repository: str
    ref: str | None
    commit: str
    files: int
    bytes: int
    skipped: int
    baseline: BaselineOptions
    worktree: dict[str, Any] | None = None  # a staged working tree (shoal.source.worktree.WorkingTree dict)
    diff: DiffRef | None = None
    analysis_key: str | None = None  # the merge stores this scan's results under it
    incremental: IncrementalRef | None = None
    seconds: float | None = None  # how long checkout took (a metric), set by the orchestrator

    def to_dict(self) -> dict[str, Any]:
        return {
            "scan_id": self.scan_id, "repository": self.repository, "ref": self.ref, "commit": self.commit,
            "files": self.files, "bytes": self.bytes, "skipped": self.skipped, "baseline": self.baseline.to_dict(),
            **_some({
                "worktree": self.worktree,
                "diff": self.diff.to_dict() if self.diff else None,
                "analysis_key": self.analysis_key,
                "incremental": self.incremental.to_dict() if self.incremental else None,
                "seconds": self.seconds,
            }),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckoutRecord:
        return _read("checkout", lambda: cls(
            scan_id=str(data["scan_id"]), repository=str(data["repository"]), ref=_str_or_none(data.get("ref")),
            commit=str(data["commit"]), files=int(data["files"]), bytes=int(data["bytes"]),
            skipped=len(data["skipped"]) if isinstance(data["skipped"], list) else int(data["skipped"]),
            baseline=BaselineOptions.from_dict(data["baseline"]),
            worktree=dict(data["worktree"]) if data.get("worktree") else None,
            diff=DiffRef.from_dict(data["diff"]) if data.get("diff") else None,
            analysis_key=_str_or_none(data.get("analysis_key")),
            incremental=IncrementalRef.from_dict(data["incremental"]) if data.get("incremental") else None,
            seconds=float(data["seconds"]) if data.get("seconds") is not None else None,
        ))

    @property
    def repository_name(self) -> str:
        """The repository the reports name: a working tree's own, not Shoal's staging folder."""
        return str(self.worktree["repository"]) if self.worktree else self.repository


@dataclass(frozen=True)
class CheckoutManifest:
    """checkout.json: the record plus what is too long for a checkpoint (the paths checkout skipped,
    an incremental checkout's tree and exported paths)."""

    record: CheckoutRecord
    skipped: tuple[Exclusion, ...] = ()
    tree: tuple[str, ...] = ()
    exported: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {**self.record.to_dict(), "skipped": [e.to_dict() for e in self.skipped]}
        if self.record.incremental is not None:
            data["incremental"] = {**self.record.incremental.to_dict(), "exported": list(self.exported),
                                   "tree": list(self.tree)}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckoutManifest:
        incremental = data.get("incremental") or {}
        return _read("checkout manifest", lambda: cls(
            record=CheckoutRecord.from_dict(data),
            skipped=tuple(Exclusion(**e) for e in data.get("skipped", ())),
            tree=tuple(incremental.get("tree", ())),
            exported=tuple(incremental.get("exported", ())),
        ))


# ---------------------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class PlanDocument:
    """plan.json: the partitions, what was excluded, and how the agents analyse (rules, policy,
    the per-scan key secret values are hashed with)."""

    scan_id: str
    partitions: tuple[Partition, ...]
    exclusions: tuple[Exclusion, ...]
    security: bool
    config: Mapping[str, Any]  # shoal.repoconfig.RepoConfig.to_dict
    redaction_key: str
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": PLAN_SCHEMA, "scan_id": self.scan_id, "partitions": [p.to_dict() for p in self.partitions],
            "exclusions": [e.to_dict() for e in self.exclusions], "security": self.security,
            "config": dict(self.config), "redaction_key": self.redaction_key,
            **({"warnings": list(self.warnings)} if self.warnings else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanDocument:
        return _read("plan", lambda: cls(
            scan_id=str(data.get("scan_id", "")),
            partitions=tuple(Partition.from_dict(p) for p in data["partitions"]),
            exclusions=tuple(Exclusion(**e) for e in data.get("exclusions", ())),
            security=bool(data.get("security", False)),
            config=dict(data.get("config") or {}),
            redaction_key=str(data.get("redaction_key") or ""),
            warnings=tuple(str(w) for w in data.get("warnings", ())),
        ))

    def partition(self, partition_id: str) -> Partition | None:
        return next((p for p in self.partitions if p.id == partition_id), None)

    def files_of(self) -> dict[str, list[str]]:
        """Each partition's file paths, by partition id."""
        return {p.id: [f.path for f in p.files] for p in self.partitions}


@dataclass(frozen=True)
class Plan:
    """The plan step's record: where plan.json is, its hash, the partition ids and the counts."""

    plan: str  # workspace-relative path of plan.json
    sha256: str
    partitions: tuple[str, ...]
    files: int
    bytes: int
    excluded: int
    warnings: int
    reused: int | None = None  # an incremental scan: files taken from the results snapshot
    thresholds: Thresholds | None = None  # .shoal.toml's [metrics] limits, where no flag set them

    def to_dict(self) -> dict[str, Any]:
        return {
            "plan": self.plan, "sha256": self.sha256, "partitions": list(self.partitions), "files": self.files,
            "bytes": self.bytes, "excluded": self.excluded, "warnings": self.warnings,
            **_some({"reused": self.reused,
                     "thresholds": asdict(self.thresholds) if self.thresholds is not None else None}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        return _read("plan step", lambda: cls(
            plan=str(data["plan"]), sha256=str(data["sha256"]), partitions=tuple(map(str, data["partitions"])),
            files=int(data["files"]), bytes=int(data["bytes"]), excluded=int(data["excluded"]),
            warnings=int(data["warnings"]), reused=int(data["reused"]) if "reused" in data else None,
            thresholds=Thresholds(**data["thresholds"]) if "thresholds" in data else None,
        ))

    def agent_thresholds(self, settings: Settings) -> Thresholds:
        """The limits the agents apply: the plan's, else the settings'."""
        return self.thresholds if self.thresholds is not None else settings.thresholds


# ---------------------------------------------------------------------------------------- agents


@dataclass(frozen=True)
class PartitionTask:
    """What the orchestrator sends an agent: ids, paths and a checksum, never file contents."""

    scan_id: str
    plan: str  # workspace-relative path of plan.json
    plan_sha256: str
    partition: str
    thresholds: Thresholds
    fault: str = ""  # injected fault (config.FAULT_KINDS), for tests and drills only
    attempt: int = 0  # 0 for the first try of this partition
    parse_budget_ms: int = Settings.parse_budget_ms  # per started MB of a file

    @classmethod
    def from_event(cls, event: Mapping[str, Any]) -> PartitionTask:
        try:
            return cls(
                scan_id=str(event["scan_id"]),
                plan=str(event["plan"]),
                plan_sha256=str(event["plan_sha256"]),
                partition=str(event["partition"]),
                thresholds=Thresholds(**event.get("thresholds", {})),
                fault=str(event.get("fault", "")),
                attempt=int(event.get("attempt", 0)),
                parse_budget_ms=int(event.get("parse_budget_ms", Settings.parse_budget_ms)),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"agent event is missing or has a bad field: {exc}") from None

    def to_event(self) -> dict[str, Any]:
        return {
            "scan_id": self.scan_id,
            "plan": self.plan,
            "plan_sha256": self.plan_sha256,
            "partition": self.partition,
            "thresholds": asdict(self.thresholds),
            **({"fault": self.fault} if self.fault else {}),
            **({"attempt": self.attempt} if self.attempt else {}),
            "parse_budget_ms": self.parse_budget_ms,
        }


@dataclass(frozen=True)
class ShardRef:
    """An agent's answer: where its shard is, its hash and counts; retries and throttled invokes
    are marked by the orchestrator (the scan's metrics)."""

    partition: str
    shard: str  # workspace-relative path
    sha256: str
    files: int
    functions: int
    findings: int
    diagnostics: int
    seconds: float | None = None  # the agent handler's own time (`make cost` prices it)
    attempt: int = 0
    throttled: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = {key: value for key, value in asdict(self).items() if key not in ("seconds", "attempt", "throttled")}
        return {**data, **_some({"seconds": self.seconds}), **({"attempt": self.attempt} if self.attempt else {}),
                **({"throttled": self.throttled} if self.throttled else {})}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ShardRef:
        return _read("shard", lambda: cls(
            str(data["partition"]), str(data["shard"]), str(data["sha256"]), int(data["files"]),
            int(data["functions"]), int(data["findings"]), int(data["diagnostics"]),
            float(data["seconds"]) if data.get("seconds") is not None else None,
            int(data.get("attempt", 0)), int(data.get("throttled", 0)),
        ))


@dataclass(frozen=True)
class PartitionFailure:
    """A partition whose agent failed after its retries, with a short text of its last error."""

    partition: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"partition": self.partition, "error": self.error}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PartitionFailure:
        return _read("failed partition", lambda: cls(str(data["partition"]), str(data["error"])))


@dataclass(frozen=True)
class LostPartition:
    """A failed partition as the reports name it: with the files it held."""

    partition: str
    error: str
    files: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"partition": self.partition, "error": self.error, "files": list(self.files)}

    def diagnostic(self) -> str:
        shown = ", ".join(self.files[:5]) + (f" and {len(self.files) - 5} more" if len(self.files) > 5 else "")
        return (f"partition {self.partition} failed ({self.error}): {len(self.files)} files not analysed: "
                f"{shown}")


# ---------------------------------------------------------------------------------------- merge


@dataclass(frozen=True)
class MergeSummary:
    """The merge's checkpointed value, and the scan's result: counts, report paths and their
    hashes, never findings."""

    scan_id: str
    commit: str
    files: int
    partitions: int
    findings: Mapping[str, int]  # by severity
    failed: bool  # findings at or above the failure threshold
    partial: bool
    failed_partitions: tuple[str, ...]
    diagnostics: int
    totals: Mapping[str, Any]  # the headline counts (shoal.reports.jsonreport.headline_counts)
    reports: Mapping[str, str]  # format -> workspace-relative path
    report_sha256: Mapping[str, str]
    extra: Mapping[str, Any] = field(default_factory=dict)  # worktree, diff, baseline, stored snapshots...

    EXTRA_KEYS = ("worktree", "diff", "baseline", "baseline_stored", "reused", "results_stored",
                  "redacted_shards", "publish")

    def to_dict(self) -> dict[str, Any]:
        return {
            "scan_id": self.scan_id, "commit": self.commit, "files": self.files, "partitions": self.partitions,
            "findings": dict(self.findings), "failed": self.failed, "partial": self.partial,
            "failed_partitions": list(self.failed_partitions), "diagnostics": self.diagnostics,
            "totals": dict(self.totals), "reports": dict(self.reports), "report_sha256": dict(self.report_sha256),
            **{key: self.extra[key] for key in self.EXTRA_KEYS if key in self.extra},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MergeSummary:
        return _read("merge", lambda: cls(
            scan_id=str(data["scan_id"]), commit=str(data["commit"]), files=int(data["files"]),
            partitions=int(data["partitions"]), findings=dict(data["findings"]), failed=bool(data["failed"]),
            partial=bool(data["partial"]), failed_partitions=tuple(data["failed_partitions"]),
            diagnostics=int(data["diagnostics"]), totals=dict(data["totals"]), reports=dict(data["reports"]),
            report_sha256=dict(data["report_sha256"]),
            extra={key: data[key] for key in cls.EXTRA_KEYS if key in data},
        ))

    @property
    def redacted_shards(self) -> tuple[str, ...]:
        """Partitions whose shards quoted a value another partition knew to be secret (step seal)."""
        return tuple(self.extra.get("redacted_shards", ()))

    def with_extra(self, **values: Any) -> MergeSummary:
        return MergeSummary(**{**self.__dict__, "extra": {**self.extra, **values}})


def _str_or_none(value: Any) -> str | None:
    return str(value) if value is not None else None
