"""The orchestrator's stages as plain functions: checkout, plan, merge.

Each takes settings and small values, works on the workspace, and returns a small JSON-safe dict
(ids, paths, counts, hashes) fit to be checkpointed. None of them imports Lambda or the durable SDK.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePosixPath
from secrets import token_hex
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from shoal import __version__, early, incremental
from shoal.acquisition import acquire
from shoal.agent import read_shard_with_secrets
from shoal.baseline import DEFAULT_BRANCH_KEY, Baseline, Comparison, compare, find_baseline
from shoal.baseline import store as store_baseline
from shoal.changes import ChangeSet, LineIndex
from shoal.config import Settings
from shoal.findings import dedupe_and_sort
from shoal.errors import InputError
from shoal.inventory import Inventory
from shoal.languages import TEXT
from shoal.models import DiffInfo, Exclusion, FileMetrics, Finding, Partition, ScanResult, Severity, SourceFile
from shoal.planning import plan_partitions, time_warnings
from shoal.repoconfig import RepoConfig, configured
from shoal.reports import write_reports
from shoal.reports.jsonreport import failed, headline_counts, severity_counts
from shoal.security import catalog, check_rule_ids, ruleset_for, user_secret_rules
from shoal.repocache import RepoCache
from shoal.source import CheckoutResult, is_commit_id, parse_repository, validate_ref
from shoal.testhooks import reached
from shoal.workspace import ScanPaths, atomic_write, json_bytes, load_json, read_verified
from shoal.worktree import WorkingTree

if TYPE_CHECKING:
    from shoal.secrets.redaction import Redactor

PLAN_SCHEMA = "shoal/plan/v1"


@dataclass(frozen=True)
class ScanRequest:
    """What to scan: validated before anything touches the workspace."""

    scan_id: str
    repository: str
    ref: str | None
    base: str | None = None  # a diff scan: only what changed from merge-base(base, ref) to ref
    baseline: BaselineRequest | None = None
    worktree: dict[str, Any] | None = None  # a dirty working tree staged as a plain folder (shoal.worktree)

    def __post_init__(self) -> None:
        # Rebuilt from its checkpointed dict (asdict) by the orchestrator: restore the nested value.
        if isinstance(self.baseline, dict):
            object.__setattr__(self, "baseline", BaselineRequest(**self.baseline))

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> ScanRequest:
        if not isinstance(event, dict) or not event.get("repository"):
            raise InputError("the scan request needs a 'repository' (https URL or local path)")
        if not event.get("scan_id"):
            raise InputError("the scan request needs a 'scan_id'")
        ref, base = event.get("ref"), event.get("base")
        if event.get("worktree") and str(event["repository"]).startswith("https://"):
            raise InputError("the scan request's 'worktree' describes a local working tree: a URL has none")
        return cls(
            scan_id=str(event["scan_id"]),
            repository=str(event["repository"]),
            ref=validate_ref(str(ref)) if ref else None,
            base=validate_ref(str(base)) if base else None,
            baseline=BaselineRequest.from_event(event.get("baseline")),
            worktree=WorkingTree.from_dict(event["worktree"]).to_dict() if event.get("worktree") else None,
        )


@dataclass(frozen=True)
class BaselineRequest:
    """Which baseline a scan compares against and whether it stores its own findings as it."""

    branch: str | None = None  # None: the branch of the ref, or the default branch's key
    store: bool = False  # a scan of the default branch (push, nightly): becomes the baseline
    default_branch: str | None = None  # the repository's default branch, when the trigger knows it
    repository: str | None = None  # whose baseline (a fork's pull request: the base repository's)

    @classmethod
    def from_event(cls, value: Any) -> BaselineRequest | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) - {"branch", "store", "default_branch", "repository"}:
            raise InputError("the scan request's 'baseline' must be an object with branch, store, "
                             "default_branch and repository")
        branch, default = value.get("branch"), value.get("default_branch")
        return cls(
            branch=validate_ref(str(branch)) if branch else None,
            store=bool(value.get("store", False)),
            default_branch=validate_ref(str(default)) if default else None,
            repository=str(value["repository"]) if value.get("repository") else None,
        )


def baseline_branch(request: ScanRequest) -> str:
    """The branch a scan's findings are compared with: given, else the base of a diff scan, else
    the scanned ref when it is a name, else the default branch ("HEAD")."""
    if request.baseline is not None and request.baseline.branch:
        return request.baseline.branch
    for ref in (request.base, request.ref):
        if ref and not is_commit_id(ref):
            return ref
    return DEFAULT_BRANCH_KEY


def checkout_stage(request: ScanRequest, settings: Settings) -> dict[str, Any]:
    """Put the repository at an exact commit into <ws>/scans/<scan>/src; git objects stay local."""
    reached("checkout", request.scan_id)
    paths = ScanPaths(Path(settings.workspace), request.scan_id)
    source = early.Source(request.scan_id, request.repository, request.ref, request.base)
    acquired = early.take_checkout(source, settings, str(paths.src)) or acquire(source, settings)
    result, key, snapshot = acquired.result, acquired.key, acquired.snapshot
    reached("checkout-exported", request.scan_id)  # the tree is out, the manifest not yet
    summary = {
        "scan_id": request.scan_id,
        "repository": request.repository,
        "ref": result.ref,
        "commit": result.commit,
        "files": result.files,
        "bytes": result.bytes,
        "skipped": len(result.skipped),
        "baseline": _baseline_options(request),
    }
    if request.worktree:
        summary["worktree"] = request.worktree
    if result.changes is not None:
        # The change set can list thousands of paths: it goes to the scan folder, its counts here.
        digest = atomic_write(paths.changes, result.changes.to_bytes())
        summary["diff"] = {
            **result.changes.counts(), "base": result.changes.base, "merge_base": result.changes.merge_base,
            "changes": paths.relative(paths.changes), "sha256": digest,
        }
    if key is not None and is_commit_id(result.commit):
        summary["analysis_key"] = key  # the merge stores this scan's results under it
    # The skipped paths (symlinks, submodules) can be many: they go to the manifest, not the checkpoint.
    manifest = {**summary, "skipped": [e.to_dict() for e in result.skipped]}
    if snapshot is not None and result.incremental is not None:
        summary["incremental"] = _incremental_summary(paths, snapshot, result)
        manifest["incremental"] = {**summary["incremental"], "exported": list(result.incremental.exported),
                                   "tree": list(result.incremental.tree)}
    atomic_write(paths.checkout_manifest, json_bytes(manifest))
    return summary


def _incremental_summary(paths: ScanPaths, snapshot: incremental.SnapshotRef, result: CheckoutResult) -> dict[str, Any]:
    assert result.incremental is not None
    return {
        "since": result.incremental.since,
        "snapshot": incremental.relative(paths.workspace, snapshot.path),
        "sha256": snapshot.sha256,
        "exported": len(result.incremental.exported),
        "tree": len(result.incremental.tree),
    }


def plan_stage(scan_id: str, settings: Settings) -> dict[str, Any]:
    """Inventory the exported tree and split it into partitions; publish plan.json."""
    reached("plan", scan_id)
    paths = ScanPaths(Path(settings.workspace), scan_id)
    repo = configured(paths.src, settings.config_toml, settings.include, settings.exclude)
    if settings.exclude_rules:
        check_rule_ids(paths.src, repo, settings.exclude_rules, "--exclude-rule names unknown rule id(s)")
        repo = repo.extended(disable=settings.exclude_rules)
    if settings.security:
        ruleset_for(paths.src, repo)  # a broken user rule or an unknown id fails here, once
    manifest = _checkout_manifest(paths)
    options = early.InventoryOptions.from_settings(settings)
    inventory = early.take_inventory(str(paths.src), str(manifest.get("commit")), options) or early.inventory(
        paths.src, options, repo
    )
    change_set = _load_changes(paths, manifest.get("diff"))
    if change_set is not None:
        inventory = _touched_only(inventory, change_set)
    reused = _reused_inventory(paths, manifest.get("incremental"))
    key = _redaction_key(paths, manifest.get("incremental"))
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
        "exclusions": [e.to_dict() for e in _all_exclusions(manifest, (*inventory.exclusions, *reused.exclusions))],
        "security": settings.security,
        "config": repo.to_dict(),
        "redaction_key": key,
        **({"warnings": warnings} if warnings else {}),
    }
    thresholds = settings.with_repository_limits(dict(repo.metrics))
    digest = atomic_write(paths.plan, json_bytes(document))
    return {
        "plan": paths.relative(paths.plan),
        "sha256": digest,
        "partitions": [p.id for p in partitions],
        "files": len(inventory.files) + len(reused.files),
        "bytes": inventory.total_bytes + reused.total_bytes,
        "excluded": len(document["exclusions"]),
        "warnings": len(warnings),
        **({"reused": len(reused.files)} if manifest.get("incremental") else {}),
        # The limits the agents apply: .shoal.toml's [metrics] unless a flag or variable set them.
        **({"thresholds": asdict(thresholds)} if thresholds != settings.thresholds else {}),
    }


def _reused_inventory(paths: ScanPaths, entry: dict[str, Any] | None) -> Inventory:
    """An incremental scan's unchanged files and exclusions, taken from the results snapshot."""
    if not entry:
        return Inventory(files=(), exclusions=())
    snapshot, unchanged = _snapshot_and_tree(paths, entry)
    return Inventory(
        files=tuple(incremental.reused_files(snapshot, unchanged)),
        exclusions=tuple(incremental.reused_exclusions(snapshot, unchanged)),
    )


def _redaction_key(paths: ScanPaths, entry: dict[str, Any] | None) -> str:
    """The key agents hash secret values with: an incremental scan keeps its snapshot's, so the
    hashes of the files it reuses still match; any other scan draws a new one."""
    if entry:
        snapshot, _ = _snapshot_and_tree(paths, entry)
        if snapshot.redaction_key:
            return snapshot.redaction_key
    # Random, so hashes read without the key cannot be tested against guesses (a dictionary
    # would recover short passwords); secrets.redaction.new_key, without importing the detectors.
    return token_hex(32)


def _touched_only(inventory: Inventory, change_set: ChangeSet) -> Inventory:
    """A diff scan analyses the touched files only; the rest of the export configures the scan.
    A touched file left out by a folder-wide exclusion is explained by that folder's entry."""
    touched = change_set.touched
    around = touched | {str(parent) for path in touched for parent in PurePosixPath(path).parents}
    return replace(
        inventory,
        files=tuple(f for f in inventory.files if f.path in touched),
        exclusions=tuple(e for e in inventory.exclusions if e.path.rstrip("/") in around),
    )


def _checkout_manifest(paths: ScanPaths) -> dict[str, Any]:
    """What checkout recorded beside the tree (skipped paths, a diff scan's change set), or {}."""
    return json.loads(paths.checkout_manifest.read_bytes()) if paths.checkout_manifest.exists() else {}


def _load_changes(paths: ScanPaths, diff: dict[str, Any] | None) -> ChangeSet | None:
    if not diff:
        return None
    return ChangeSet.from_dict(json.loads(read_verified(paths.resolve(diff["changes"]), diff["sha256"])))


def _baseline_options(request: ScanRequest) -> dict[str, Any]:
    options = request.baseline or BaselineRequest()
    return {
        "branch": baseline_branch(request),
        "store": options.store,
        "default_branch": options.default_branch,
        "repository": options.repository or request.repository,
    }


def _all_exclusions(manifest: dict[str, Any], inventory: tuple[Exclusion, ...]) -> list[Exclusion]:
    """The inventory's exclusions plus what checkout never exported, sorted by path."""
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
    reached("merge", scan["scan_id"])
    paths = ScanPaths(Path(settings.workspace), scan["scan_id"])
    parts = _read_shards(paths, shards)
    secrets = {path: hashed for part in parts for path, hashed in part.secrets.items()}
    agent_diagnostics = [line for part in parts for line in part.diagnostics]
    unchanged, reused, reused_part = _reused_results(paths, scan.get("incremental"), secrets)
    plan_document = load_json(read_verified(paths.resolve(plan["plan"]), plan["sha256"]))
    redactor = _redactor(plan_document, secrets)
    if redactor is not None:
        atomic_write(paths.secret_hashes, json_bytes(secrets))
    files, findings, diagnostics, redacted_shards = _redacted_results(redactor, parts, reused_part)
    repo = RepoConfig.from_dict(plan_document.get("config", {}))
    lost = _failed_partitions(plan_document, failed_partitions)
    if redactor is not None:  # a failed agent's error text never went through an agent's redaction
        lost = [{**entry, "error": redactor.redact(entry["error"])} for entry in lost]
    diagnostics.extend(_lost_diagnostic(entry) for entry in lost)
    diagnostics.extend(plan_document.get("warnings", ()))
    ruleset = ruleset_for(paths.src, repo) if plan_document.get("security") else None
    everything = dedupe_and_sort(findings)
    change_set = _load_changes(paths, scan.get("diff"))
    options = scan.get("baseline") or {}
    comparison = _compare_with_baseline(
        paths, scan, everything, _compared_paths(paths, plan_document, lost, change_set, unchanged, reused),
        change_set,
    )
    if comparison is not None and redactor is not None:
        # A baseline stored before a value became known as secret may still quote it.
        comparison = _redacted_comparison(redactor, comparison)
    reported, diff = everything, None
    if change_set is not None:
        reported, diff = _diff_findings(everything, change_set, settings.all_findings)
    if settings.min_severity:  # shoal scan --severity: the reports leave out what is below it
        lowest = Severity(settings.min_severity).rank
        reported = tuple(f for f in reported if f.severity.rank >= lowest)
    if settings.verify_secrets and ruleset is not None:
        reported = _verified(reported, paths.src, repo)
    worktree = scan.get("worktree")
    result = ScanResult(
        scan_id=scan["scan_id"],
        # A working tree's staging folder is Shoal's own: the reports name the user's repository.
        repository=worktree["repository"] if worktree else scan["repository"],
        commit=scan["commit"],
        ref=scan["ref"],
        files=tuple(_unique_by_path(files)),
        findings=reported,
        exclusions=tuple(Exclusion(**e) for e in plan_document["exclusions"]),
        rules=catalog(ruleset, user_secret_rules(paths.src, repo) if ruleset is not None else ()),
        tool_version=__version__,
        failure_threshold=settings.failure_threshold(repo.fail_on),
        diagnostics=tuple(sorted(diagnostics)),
        failed_partitions=tuple(lost),
        diff=diff,
        baseline=comparison,
        fail_on_new_only=settings.fail_scope == "new",
        worktree=worktree,
    )
    written = write_reports(result, paths.report)
    extra: dict[str, Any] = {"worktree": worktree} if worktree else {}
    if diff is not None:
        extra["diff"] = {"touched": diff.touched, "deleted": len(diff.deleted), "hidden": diff.hidden}
    if comparison is not None:
        extra["baseline"] = comparison.counts(result.findings)
    if options.get("store"):
        extra["baseline_stored"] = _store_baseline(paths, scan, everything, change_set is not None, bool(lost))
    if scan.get("incremental"):
        # Counted as "files" is: the code files with metrics (text files are only searched for secrets).
        extra["reused"] = sum(1 for f in reused if f.language != TEXT)
    if scan.get("analysis_key") and change_set is None and not lost:
        analysed = [*_planned_files(plan_document), *reused]
        # Every finding, not only those reported: the next scan reuses them whatever it reports.
        stored = replace(result, findings=everything)
        extra["results_stored"] = _store_results(
            paths, scan, settings, analysed, stored, agent_diagnostics,
            {path: secrets[path] for path in sorted({f.path for f in analysed} & secrets.keys())},
            str(plan_document.get("redaction_key", "")),
        )
    if redacted_shards:
        # Their texts held a value only another partition knew to be secret: seal_stage removes them.
        extra["redacted_shards"] = redacted_shards
    return {**_merge_summary(result, paths, written, len(plan["partitions"])), **extra}


def _verified(findings: tuple[Finding, ...], src: Path, repo: RepoConfig) -> tuple[Finding, ...]:
    """--verify-secrets: the reported secret findings labelled by their providers. Here, in the
    orchestrator's merge, never in an agent: the network is allowed where the merge runs. Only the
    reports carry the labels; the baseline and the results snapshot keep the findings as found."""
    from shoal.secrets.verify import verify_findings
    from shoal.security import secret_engine_for

    return verify_findings(findings, str(src), secret_engine_for(str(src), repo))


def seal_stage(scan_id: str, partitions: Sequence[str], settings: Settings) -> dict[str, Any]:
    """Delete the shards whose texts the merge had to redact: the reports hold all they said, and
    they hold a secret value. A step of its own after the merge's checkpoint, so a merge that
    runs again still finds every shard it verifies."""
    paths = ScanPaths(Path(settings.workspace), scan_id)
    for partition in partitions:
        paths.shard(partition).unlink(missing_ok=True)
    return {"removed": list(partitions)}


@dataclass(frozen=True)
class _ShardPart:
    """What one shard (or the reused snapshot, partition "") holds."""

    partition: str
    files: list[FileMetrics]
    findings: list[Finding]
    diagnostics: list[str]
    secrets: dict[str, dict[str, list[str]]]  # path -> FileSecrets dict


def _redactor(plan_document: dict[str, Any], secrets: dict[str, dict[str, list[str]]]) -> Redactor | None:
    """A Redactor holding every secret hash of the scan, or None when the scan found no secret
    (most scans: then nothing is imported or hashed)."""
    if not any(hashed.get("values") for hashed in secrets.values()):
        return None
    from shoal.secrets.redaction import FileSecrets, Redactor

    redactor = Redactor(str(plan_document["redaction_key"]))
    for hashed in secrets.values():
        redactor.add(FileSecrets.from_dict(hashed))
    return redactor


def _redacted_results(
    redactor: Redactor | None, parts: list[_ShardPart], reused: _ShardPart
) -> tuple[list[FileMetrics], list[Finding], list[str], list[str]]:
    """Every partition's (and the reused) results with every secret value of the scan redacted,
    and the partitions whose shards held such a value."""
    files: list[FileMetrics] = []
    findings: list[Finding] = []
    diagnostics: list[str] = []
    redacted: list[str] = []
    for part in (*parts, reused):
        part_files, part_findings, part_diagnostics = part.files, part.findings, part.diagnostics
        if redactor is not None:
            from shoal.secrets.redaction import redact_results

            done = redact_results(redactor, part_files, part_findings, part_diagnostics)
            part_files, part_findings, part_diagnostics = done.files, done.findings, done.diagnostics
            if done.changed and part.partition:
                redacted.append(part.partition)
        files.extend(part_files)
        findings.extend(part_findings)
        diagnostics.extend(part_diagnostics)
    return files, findings, diagnostics, redacted


def _redacted_comparison(redactor: Redactor, comparison: Comparison) -> Comparison:
    from shoal.secrets.redaction import redact_finding

    return replace(comparison, fixed=tuple(redact_finding(redactor, f) for f in comparison.fixed))


def _reused_results(
    paths: ScanPaths, entry: dict[str, Any] | None, secrets: dict[str, dict[str, list[str]]]
) -> tuple[incremental.Unchanged | None, list[SourceFile], _ShardPart]:
    """An incremental scan's unchanged files: their metrics, findings and secret hashes join the
    agents' (the hashes into `secrets`)."""
    if not entry:
        return None, [], _ShardPart("", [], [], [], {})
    snapshot, unchanged = _snapshot_and_tree(paths, _checkout_manifest(paths)["incremental"])
    incremental.release_snapshot()  # the merge is its last reader (this local keeps it meanwhile)
    more_files, more_findings = incremental.reused_results(snapshot, unchanged)
    reused = incremental.reused_files(snapshot, unchanged)
    secrets.update((f.path, snapshot.secrets[f.path]) for f in reused if f.path in snapshot.secrets)
    return unchanged, reused, _ShardPart("", more_files, more_findings, [], {})


def _snapshot_and_tree(
    paths: ScanPaths, entry: dict[str, Any]
) -> tuple[incremental.Snapshot, incremental.Unchanged]:
    """The results snapshot and the head's tree an incremental checkout recorded in checkout.json."""
    snapshot = incremental.load_snapshot(incremental.resolve(paths.workspace, entry["snapshot"]), entry["sha256"])
    return snapshot, incremental.Unchanged.from_manifest(entry)


def _planned_files(plan_document: dict[str, Any]) -> list[SourceFile]:
    return [f for p in plan_document["partitions"] for f in Partition.from_dict(p).files]


def _store_results(
    paths: ScanPaths, scan: dict[str, Any], settings: Settings, analysed: list[SourceFile], result: ScanResult,
    diagnostics: list[str], secrets: dict[str, dict[str, list[str]]], redaction_key: str,
) -> str | None:
    """Leave this complete full scan's results for the repository's next scan; a snapshot that
    cannot be written only makes that scan slower, never this one fail."""
    cache = RepoCache.for_repository(paths.workspace, parse_repository(scan["repository"], settings.allowed_hosts))
    try:
        stored = incremental.write_snapshot(
            cache.folder, scan["analysis_key"], scan["commit"], analysed, result.files, result.findings,
            result.exclusions, diagnostics, secrets, redaction_key,
        )
    except OSError:
        return None
    return incremental.relative(paths.workspace, stored)


def _read_shards(paths: ScanPaths, shards: list[dict[str, Any]]) -> list[_ShardPart]:
    """Every shard by the path its agent returned, checksum verified, in partition order."""
    return [
        _ShardPart(ref["partition"], *read_shard_with_secrets(read_verified(paths.resolve(ref["shard"]), ref["sha256"])))
        for ref in sorted(shards, key=lambda s: s["partition"])
    ]


def _merge_summary(result: ScanResult, paths: ScanPaths, written: dict[str, Any], partitions: int) -> dict[str, Any]:
    """The merge's checkpointed value: counts, report paths and their hashes, never findings."""
    return {
        "scan_id": result.scan_id,
        "commit": result.commit,
        "files": len(result.files),
        "partitions": partitions,
        "findings": severity_counts(result),
        "failed": failed(result),
        "partial": bool(result.failed_partitions),
        "failed_partitions": [entry["partition"] for entry in result.failed_partitions],
        "diagnostics": len(result.diagnostics),
        "totals": headline_counts(result),
        "reports": {fmt: paths.relative(r.path) for fmt, r in sorted(written.items())},
        "report_sha256": {fmt: r.sha256 for fmt, r in sorted(written.items())},
    }


def _compared_paths(
    paths: ScanPaths, plan_document: dict[str, Any], lost: list[dict[str, Any]], change_set: ChangeSet | None,
    unchanged: incremental.Unchanged | None = None, reused: Sequence[SourceFile] = (),
) -> Callable[[str], bool]:
    """Files whose baseline findings this scan can judge: those it analysed (or reused), and those
    that are gone (deleted or renamed away by the change; for a full scan, absent from the tree),
    whose findings went with them. Files of failed partitions or left out by the inventory are not."""
    lost_files = {path for entry in lost for path in entry["files"]}
    analysed = {f["path"] for p in plan_document["partitions"] for f in p["files"]} - lost_files
    if unchanged is not None:
        analysed |= {f.path for f in reused}
        return lambda path: path in analysed or path not in unchanged.tree
    if change_set is not None:
        analysed |= set(change_set.deleted) | {f.old_path for f in change_set.files if f.old_path}
        return analysed.__contains__
    return lambda path: path in analysed or not os.path.lexists(paths.src / path)


def _compare_with_baseline(
    paths: ScanPaths, scan: dict[str, Any], findings: tuple[Finding, ...], compared: Callable[[str], bool],
    change_set: ChangeSet | None,
) -> Comparison | None:
    options = scan.get("baseline") or {}
    found = find_baseline(
        paths.workspace, paths.src, options.get("repository") or scan["repository"],
        options.get("branch"), options.get("default_branch"),
    )
    if found is None:
        return None
    baseline, source = found
    renames = {f.old_path: f.path for f in change_set.files if f.old_path} if change_set is not None else {}
    return compare(findings, baseline, source, compared, renames)


def _diff_findings(
    findings: tuple[Finding, ...], change_set: ChangeSet, all_findings: bool
) -> tuple[tuple[Finding, ...], DiffInfo]:
    """The findings a diff scan reports: those whose region touches a changed line, or all."""
    reported = findings
    if not all_findings:
        index = LineIndex(change_set)
        reported = tuple(
            f for f in findings if index.intersects(f.location.path, f.location.start_line, f.location.end_line)
        )
    counts = change_set.counts()
    info = DiffInfo(
        base=change_set.base, merge_base=change_set.merge_base, head=change_set.head,
        touched=counts["touched"], deleted=change_set.deleted, renamed=counts["renamed"],
        changed_lines=counts["lines"], all_findings=all_findings, hidden=len(findings) - len(reported),
    )
    return reported, info


def _store_baseline(
    paths: ScanPaths, scan: dict[str, Any], findings: tuple[Finding, ...], diff_scan: bool, partial: bool
) -> str | None:
    """Publish this scan's findings as its branch's baseline; a diff or partial scan saw only
    part of the tree, so it never replaces one."""
    if diff_scan or partial:
        return None
    options = scan["baseline"]
    baseline = Baseline(
        repository=options.get("repository") or scan["repository"], branch=options["branch"],
        commit=scan["commit"], tool_version=__version__, findings=findings,
    )
    return paths.relative(store_baseline(paths.workspace, baseline))




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
