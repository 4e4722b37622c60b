"""The orchestrator's stages as plain functions: checkout, plan, merge.

Each takes settings and small values, works on the workspace, and returns a small JSON-safe dict
(ids, paths, counts, hashes) fit to be checkpointed. None of them imports Lambda or the durable SDK.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from secrets import token_hex
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from shoal import __version__

from shoal.scan import prepared

from shoal.scan import incremental
from shoal.source import inplace, packed
from shoal.source.acquisition import Source, acquire
from shoal.scan.agent import read_shard_with_secrets
from shoal.baseline import Baseline, compare, find_baseline
from shoal.models import Comparison
from shoal.baseline import store as store_baseline
from shoal.source.changes import ChangeSet, LineIndex
from shoal.config import Settings
from shoal.errors import InputError
from shoal.findings import dedupe_and_sort
from shoal.source.inventory import Inventory, InventoryOptions, inventory_of
from shoal.languages import TEXT
from shoal.models import DiffInfo, Exclusion, FileMetrics, Finding, ScanResult, Severity, SourceFile
from shoal.scan.planning import plan_partitions, time_warnings
from shoal.repoconfig import RepoConfig, configured
from shoal.reports import write_reports
from shoal.reports.jsonreport import failed, headline_counts, severity_counts
from shoal.scan.security import catalog, check_rule_ids, ruleset_for, user_secret_rules
from shoal.source.repocache import RepoCache
from shoal.request import BaselineRequest, ScanRequest
from shoal.stages import (
    BaselineOptions, CheckoutManifest, CheckoutRecord, DiffRef, IncrementalRef, LostPartition, MergeSummary,
    PartitionFailure, Plan, PlanDocument, ShardRef,
)
from shoal.source.checkout import CheckoutResult
from shoal.source.specs import is_commit_id, parse_repository
from shoal.testhooks import reached
from shoal.workspace import ScanPaths, atomic_write, json_bytes, load_json, read_verified

if TYPE_CHECKING:
    from shoal.secrets.redaction import Redactor



def baseline_branch(request: ScanRequest) -> str:
    """The branch a scan's findings are compared with (ScanRequest.baseline_branch)."""
    return request.baseline_branch()


def checkout_stage(request: ScanRequest, settings: Settings) -> CheckoutRecord:
    """Put the repository at an exact commit into <ws>/scans/<scan>/src; git objects stay local."""
    reached("checkout", request.scan_id)
    paths = ScanPaths(Path(settings.workspace), request.scan_id)
    source = Source(request.scan_id, request.repository, request.ref, request.base)
    acquired = prepared.take_checkout(source, settings, str(paths.src)) or acquire(source, settings)
    result, key, snapshot = acquired.result, acquired.key, acquired.snapshot
    reached("checkout-exported", request.scan_id)  # the tree is out, the manifest not yet
    diff = None
    if result.changes is not None:
        # The change set can list thousands of paths: it goes to the scan folder, its counts here.
        digest = atomic_write(paths.changes, result.changes.to_bytes())
        diff = DiffRef(**result.changes.counts(), base=result.changes.base, merge_base=result.changes.merge_base,
                       changes=paths.relative(paths.changes), sha256=digest)
    record = CheckoutRecord(
        scan_id=request.scan_id, repository=request.repository, ref=result.ref, commit=result.commit,
        files=result.files, bytes=result.bytes, skipped=len(result.skipped), baseline=_baseline_options(request),
        worktree=request.worktree, diff=diff,
        analysis_key=key if key is not None and is_commit_id(result.commit) else None,
        incremental=(_incremental_ref(paths, snapshot, result)
                     if snapshot is not None and result.incremental is not None else None),
    )
    # The skipped paths (symlinks, submodules) can be many: they go to the manifest, not the checkpoint.
    manifest = CheckoutManifest(
        record, skipped=tuple(result.skipped),
        tree=tuple(result.incremental.tree) if record.incremental and result.incremental else (),
        exported=tuple(result.incremental.exported) if record.incremental and result.incremental else (),
    )
    atomic_write(paths.checkout_manifest, json_bytes(manifest.to_dict()))
    return record


def _incremental_ref(paths: ScanPaths, snapshot: incremental.SnapshotRef, result: CheckoutResult) -> IncrementalRef:
    assert result.incremental is not None
    return IncrementalRef(
        since=result.incremental.since, snapshot=incremental.relative(paths.workspace, snapshot.path),
        sha256=snapshot.sha256, exported=len(result.incremental.exported), tree=len(result.incremental.tree),
    )


def plan_stage(scan_id: str, settings: Settings) -> Plan:
    """Inventory the exported tree and split it into partitions; publish plan.json."""
    reached("plan", scan_id)
    paths = ScanPaths(Path(settings.workspace), scan_id)
    root = inplace.source_root(paths)
    repo = configured(root, settings.config_toml, settings.include, settings.exclude)
    if settings.exclude_rules:
        check_rule_ids(root, repo, settings.exclude_rules, "--exclude-rule names unknown rule id(s)")
        repo = repo.extended(disable=settings.exclude_rules)
    if settings.security:
        ruleset_for(root, repo)  # a broken user rule or an unknown id fails here, once
    manifest = _checkout_manifest(paths)
    options = InventoryOptions.from_settings(settings)
    inventory = prepared.take_inventory(str(paths.src), manifest.record.commit, options) or inventory_of(
        paths.src, options, repo
    )
    change_set = _load_changes(paths, manifest.record.diff)
    if change_set is not None:
        inventory = _touched_only(inventory, change_set)
    reused = _reused_inventory(paths, manifest)
    partitions = plan_partitions(
        inventory.files,
        max_partitions=settings.max_partitions,
        min_partition_bytes=settings.min_partition_bytes,
        agent_timeout=settings.agent_timeout,
    )
    document = PlanDocument(
        scan_id=scan_id, partitions=tuple(partitions),
        exclusions=tuple(_all_exclusions(manifest, (*inventory.exclusions, *reused.exclusions))),
        security=settings.security, config=repo.to_dict(), redaction_key=_redaction_key(paths, manifest),
        warnings=tuple(time_warnings(partitions, settings.agent_timeout)),
    )
    thresholds = settings.with_repository_limits(dict(repo.metrics))
    digest = atomic_write(paths.plan, json_bytes(document.to_dict()))
    return Plan(
        plan=paths.relative(paths.plan), sha256=digest, partitions=tuple(p.id for p in partitions),
        files=len(inventory.files) + len(reused.files), bytes=inventory.total_bytes + reused.total_bytes,
        excluded=len(document.exclusions), warnings=len(document.warnings),
        reused=len(reused.files) if manifest.record.incremental else None,
        # The limits the agents apply: .shoal.toml's [metrics] unless a flag or variable set them.
        thresholds=thresholds if thresholds != settings.thresholds else None,
    )


def _reused_inventory(paths: ScanPaths, manifest: CheckoutManifest) -> Inventory:
    """An incremental scan's unchanged files and exclusions, taken from the results snapshot."""
    if manifest.record.incremental is None:
        return Inventory(files=(), exclusions=())
    snapshot, unchanged = _snapshot_and_tree(paths, manifest)
    return Inventory(
        files=tuple(incremental.reused_files(snapshot, unchanged)),
        exclusions=tuple(incremental.reused_exclusions(snapshot, unchanged)),
    )


def _redaction_key(paths: ScanPaths, manifest: CheckoutManifest) -> str:
    """The key agents hash secret values with: an incremental scan keeps its snapshot's, so the
    hashes of the files it reuses still match; any other scan draws a new one."""
    if manifest.record.incremental is not None:
        snapshot, _ = _snapshot_and_tree(paths, manifest)
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


def _checkout_manifest(paths: ScanPaths) -> CheckoutManifest:
    """What checkout recorded beside the tree (skipped paths, an incremental checkout's tree)."""
    if not paths.checkout_manifest.exists():
        raise InputError(f"scan {paths.scan_id} has no checkout manifest: its checkout did not finish; "
                         "run the scan again with --fresh")
    return CheckoutManifest.from_dict(json.loads(paths.checkout_manifest.read_bytes()))


def _load_changes(paths: ScanPaths, diff: DiffRef | None) -> ChangeSet | None:
    if diff is None:
        return None
    return ChangeSet.from_dict(json.loads(read_verified(paths.resolve(diff.changes), diff.sha256)))


def _baseline_options(request: ScanRequest) -> BaselineOptions:
    options = request.baseline or BaselineRequest()
    return BaselineOptions(branch=request.baseline_branch(), store=options.store,
                           default_branch=options.default_branch,
                           repository=options.repository or request.repository)


def _all_exclusions(manifest: CheckoutManifest, inventory: tuple[Exclusion, ...]) -> list[Exclusion]:
    """The inventory's exclusions plus what checkout never exported, sorted by path."""
    return sorted({*inventory, *manifest.skipped}, key=lambda e: (e.path, e.reason))


def merge_stage(
    scan: CheckoutRecord,
    plan: Plan,
    shards: Sequence[ShardRef],
    settings: Settings,
    failed_partitions: Sequence[PartitionFailure] = (),
) -> MergeSummary:
    """Read the shards the agents reported, verify them, and write the reports; partitions whose
    agents failed are named, with their files, as a partial scan."""
    reached("merge", scan.scan_id)
    paths = ScanPaths(Path(settings.workspace), scan.scan_id)
    parts = _read_shards(paths, shards)
    secrets = {path: hashed for part in parts for path, hashed in part.secrets.items()}
    agent_diagnostics = [line for part in parts for line in part.diagnostics]
    reuse = _reused_results(paths, scan)
    secrets.update(reuse.secrets)
    plan_document = PlanDocument.from_dict(load_json(read_verified(paths.resolve(plan.plan), plan.sha256)))
    redactor = _redactor(plan_document, secrets)
    if redactor is not None:
        atomic_write(paths.secret_hashes, json_bytes(secrets))
    files, findings, diagnostics, redacted_shards = _redacted_results(redactor, parts, reuse.part)
    repo = RepoConfig.from_dict(dict(plan_document.config))
    lost = _failed_partitions(plan_document, failed_partitions)
    if redactor is not None:  # a failed agent's error text never went through an agent's redaction
        lost = [replace(entry, error=redactor.redact(entry.error)) for entry in lost]
    diagnostics.extend(entry.diagnostic() for entry in lost)
    diagnostics.extend(plan_document.warnings)
    root = inplace.source_root(paths)
    ruleset = ruleset_for(root, repo) if plan_document.security else None
    everything = dedupe_and_sort(findings)
    change_set = _load_changes(paths, scan.diff)
    comparison = _compare_with_baseline(
        paths, scan, everything,
        _compared_paths(paths, plan_document, lost, change_set, reuse.unchanged, reuse.files), change_set,
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
        reported = _verified(reported, root, repo, inplace.reader_beside(paths.src))
    result = ScanResult(
        scan_id=scan.scan_id,
        # A working tree's staging folder is Shoal's own: the reports name the user's repository.
        repository=scan.repository_name,
        commit=scan.commit,
        ref=scan.ref,
        files=tuple(_unique_by_path(files)),
        findings=reported,
        exclusions=plan_document.exclusions,
        rules=catalog(ruleset, user_secret_rules(root, repo) if ruleset is not None else ()),
        tool_version=__version__,
        failure_threshold=settings.failure_threshold(repo.fail_on),
        diagnostics=tuple(sorted(diagnostics)),
        failed_partitions=tuple(entry.to_dict() for entry in lost),
        diff=diff,
        baseline=comparison,
        fail_on_new_only=settings.fail_scope == "new",
        worktree=scan.worktree,
    )
    written = write_reports(result, paths.report)
    extra: dict[str, Any] = {"worktree": scan.worktree} if scan.worktree else {}
    if diff is not None:
        extra["diff"] = {"touched": diff.touched, "deleted": len(diff.deleted), "hidden": diff.hidden}
    if comparison is not None:
        extra["baseline"] = comparison.counts(result.findings)
    if scan.baseline.store:
        extra["baseline_stored"] = _store_baseline(paths, scan, everything, change_set is not None, bool(lost))
    if scan.incremental is not None:
        # Counted as "files" is: the code files with metrics (text files are only searched for secrets).
        extra["reused"] = sum(1 for f in reuse.files if f.language != TEXT)
    if scan.analysis_key and change_set is None and not lost:
        analysed = [*_planned_files(plan_document), *reuse.files]
        # Every finding, not only those reported: the next scan reuses them whatever it reports.
        stored = replace(result, findings=everything)
        extra["results_stored"] = _store_results(
            paths, scan, settings, analysed, stored, agent_diagnostics,
            {path: secrets[path] for path in sorted({f.path for f in analysed} & secrets.keys())},
            plan_document.redaction_key,
        )
    if redacted_shards:
        # Their texts held a value only another partition knew to be secret: seal_stage removes them.
        extra["redacted_shards"] = redacted_shards
    return _merge_summary(result, paths, written, len(plan.partitions), extra)


def _verified(findings: tuple[Finding, ...], src: Path, repo: RepoConfig,
              read: Callable[[str], bytes]) -> tuple[Finding, ...]:
    """--verify-secrets: the reported secret findings labelled by their providers. Here, in the
    orchestrator's merge, never in an agent: the network is allowed where the merge runs. Only the
    reports carry the labels; the baseline and the results snapshot keep the findings as found."""
    from shoal.secrets.verify import verify_findings
    from shoal.scan.security import secret_engine_for

    return verify_findings(findings, str(src), secret_engine_for(str(src), repo), read=read)


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


def _redactor(plan_document: PlanDocument, secrets: dict[str, dict[str, list[str]]]) -> Redactor | None:
    """A Redactor holding every secret hash of the scan, or None when the scan found no secret
    (most scans: then nothing is imported or hashed)."""
    if not any(hashed.get("values") for hashed in secrets.values()):
        return None
    from shoal.secrets.redaction import FileSecrets, Redactor

    redactor = Redactor(plan_document.redaction_key)
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


@dataclass(frozen=True)
class _Reused:
    """What an incremental scan takes from its results snapshot for the files it did not export."""

    unchanged: incremental.Unchanged | None
    files: list[SourceFile]  # the reused files, as the snapshot's analysis saw them
    part: _ShardPart  # their metrics and findings
    secrets: dict[str, dict[str, list[str]]]  # their secret hashes, by path


def _reused_results(paths: ScanPaths, scan: CheckoutRecord) -> _Reused:
    """An incremental scan's unchanged files: their metrics, findings and secret hashes join the
    agents'. The tree they are unchanged in is in checkout.json (too long for the checkpoint)."""
    if scan.incremental is None:
        return _Reused(None, [], _ShardPart("", [], [], [], {}), {})
    snapshot, unchanged = _snapshot_and_tree(paths, _checkout_manifest(paths))
    incremental.release_snapshot()  # the merge is its last reader (this local keeps it meanwhile)
    more_files, more_findings = incremental.reused_results(snapshot, unchanged)
    reused = incremental.reused_files(snapshot, unchanged)
    secrets = {f.path: snapshot.secrets[f.path] for f in reused if f.path in snapshot.secrets}
    return _Reused(unchanged, reused, _ShardPart("", more_files, more_findings, [], {}), secrets)


def _snapshot_and_tree(
    paths: ScanPaths, manifest: CheckoutManifest
) -> tuple[incremental.Snapshot, incremental.Unchanged]:
    """The results snapshot and the head's tree an incremental checkout recorded in checkout.json."""
    entry = manifest.record.incremental
    assert entry is not None
    snapshot = incremental.load_snapshot(incremental.resolve(paths.workspace, entry.snapshot), entry.sha256)
    return snapshot, incremental.Unchanged(frozenset(manifest.tree), frozenset(manifest.exported))


def _planned_files(plan_document: PlanDocument) -> list[SourceFile]:
    return [f for p in plan_document.partitions for f in p.files]


def _store_results(
    paths: ScanPaths, scan: CheckoutRecord, settings: Settings, analysed: list[SourceFile], result: ScanResult,
    diagnostics: list[str], secrets: dict[str, dict[str, list[str]]], redaction_key: str,
) -> str | None:
    """Leave this complete full scan's results for the repository's next scan; a snapshot that
    cannot be written only makes that scan slower, never this one fail."""
    cache = RepoCache.for_repository(paths.workspace, parse_repository(scan.repository, settings.allowed_hosts))
    try:
        stored = incremental.write_snapshot(
            cache.folder, str(scan.analysis_key), scan.commit, analysed, result.files, result.findings,
            result.exclusions, diagnostics, secrets, redaction_key,
        )
    except OSError:
        return None
    return incremental.relative(paths.workspace, stored)


def _read_shards(paths: ScanPaths, shards: Sequence[ShardRef]) -> list[_ShardPart]:
    """Every shard by the path its agent returned, checksum verified, in partition order. The
    local engine may have read one already, while the other agents ran (the same bytes, the same
    checksum check): the merge then takes that."""
    return [_ShardPart(ref.partition, *_shard_contents(paths, ref)) for ref in sorted(shards, key=lambda s: s.partition)]


def _shard_contents(paths: ScanPaths, ref: ShardRef) -> tuple[Any, ...]:
    path = paths.resolve(ref.shard)
    early = prepared.take_shard(str(path), ref.sha256)
    return early if early is not None else read_shard_with_secrets(read_verified(path, ref.sha256))


def _merge_summary(
    result: ScanResult, paths: ScanPaths, written: dict[str, Any], partitions: int, extra: dict[str, Any]
) -> MergeSummary:
    """The merge's checkpointed value: counts, report paths and their hashes, never findings."""
    return MergeSummary(
        scan_id=result.scan_id,
        commit=result.commit,
        files=len(result.files),
        partitions=partitions,
        findings=severity_counts(result),
        failed=failed(result),
        partial=bool(result.failed_partitions),
        failed_partitions=tuple(entry["partition"] for entry in result.failed_partitions),
        diagnostics=len(result.diagnostics),
        totals=headline_counts(result),
        reports={fmt: paths.relative(r.path) for fmt, r in sorted(written.items())},
        report_sha256={fmt: r.sha256 for fmt, r in sorted(written.items())},
        extra=extra,
    )


def _compared_paths(
    paths: ScanPaths, plan_document: PlanDocument, lost: list[LostPartition], change_set: ChangeSet | None,
    unchanged: incremental.Unchanged | None = None, reused: Sequence[SourceFile] = (),
) -> Callable[[str], bool]:
    """Files whose baseline findings this scan can judge: those it analysed (or reused), and those
    that are gone (deleted or renamed away by the change; for a full scan, absent from the tree),
    whose findings went with them. Files of failed partitions or left out by the inventory are not."""
    lost_files = {path for entry in lost for path in entry.files}
    analysed = {f.path for f in _planned_files(plan_document)} - lost_files
    if unchanged is not None:
        analysed |= {f.path for f in reused}
        return lambda path: path in analysed or path not in unchanged.tree
    if change_set is not None:
        analysed |= set(change_set.deleted) | {f.old_path for f in change_set.files if f.old_path}
        return analysed.__contains__
    in_place = inplace.load(paths)
    if in_place is not None:  # the tree is what the checkout read, whatever the folder holds now
        return lambda path: path in analysed or path not in in_place.digests
    tree = packed.load_beside(paths.src)
    if tree is not None:
        return lambda path: path in analysed or path not in tree.entries
    return lambda path: path in analysed or not os.path.lexists(paths.src / path)


def _compare_with_baseline(
    paths: ScanPaths, scan: CheckoutRecord, findings: tuple[Finding, ...], compared: Callable[[str], bool],
    change_set: ChangeSet | None,
) -> Comparison | None:
    options = scan.baseline
    found = find_baseline(
        paths.workspace, inplace.source_root(paths), options.repository or scan.repository, options.branch,
        options.default_branch,
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
    paths: ScanPaths, scan: CheckoutRecord, findings: tuple[Finding, ...], diff_scan: bool, partial: bool
) -> str | None:
    """Publish this scan's findings as its branch's baseline; a diff or partial scan saw only
    part of the tree, so it never replaces one."""
    if diff_scan or partial:
        return None
    baseline = Baseline(
        repository=scan.baseline.repository or scan.repository, branch=scan.baseline.branch,
        commit=scan.commit, tool_version=__version__, findings=findings,
    )
    return paths.relative(store_baseline(paths.workspace, baseline))




def _failed_partitions(plan_document: PlanDocument, failed: Sequence[PartitionFailure]) -> list[LostPartition]:
    files = plan_document.files_of()
    return [
        LostPartition(f.partition, f.error, tuple(files.get(f.partition, ())))
        for f in sorted(failed, key=lambda f: f.partition)
    ]


def _unique_by_path(files: list[FileMetrics]) -> list[FileMetrics]:
    by_path = {f.path: f for f in files}
    return [by_path[p] for p in sorted(by_path)]
