"""Incremental full scans: results of files a new commit did not change are reused, not redone.

A complete full scan of a git commit leaves a results snapshot in its repository's cache folder
(`<ws>/cache/repos/<key>/results/<commit>-<analysis key>.json.gz`: one file, as S3 Files likes
them): every analysed file with its metrics and findings, and every exclusion. The next full
scan of the repository diffs the snapshot's commit against its own, exports only the files that
changed (plus those that configure a scan), analyses only those, and takes everything else from
the snapshot. The reports are byte-identical to a scan that analysed every file (a test checks).

The snapshot is only used when it cannot differ from a fresh analysis:
* its analysis key matches: Shoal's own code and grammars, the thresholds, the security switch,
  the size cap and the parse budget;
* the change touches no file that configures the scan (.gitignore anywhere, .shoal.toml, the
  committed baseline, the repository's rules folder): those decide for every file;
* files whose analysis left a diagnostic (a parse over its time budget, bytes that are not UTF-8,
  an unreadable file) are analysed again, since a time budget is not a pure function of bytes;
* the scan that wrote it was complete (no failed partition) and not a diff scan.
Otherwise checkout exports the whole tree, as without a snapshot.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson


from shoal.models import Exclusion, FileMetrics, Finding, SourceFile
from shoal.pathnames import parent_folders
from shoal.source.repocache import CACHE_FOLDER
from shoal.workspace import WorkspaceError, atomic_write, read_verified

if TYPE_CHECKING:
    from shoal.config import Settings

SCHEMA = "shoal/results/v1"
FOLDER = "results"
KEEP = 4  # snapshots kept per repository (newest first), for scans of older branches
GRACE_SECONDS = 3600.0  # an older snapshot is deleted only when no running scan can still read it
_GRAMMARS = ("tree-sitter", "tree-sitter-python", "tree-sitter-javascript", "tree-sitter-typescript",
             "tree-sitter-java", "tree-sitter-go", "tree-sitter-rust", "tree-sitter-c", "tree-sitter-cpp",
             "tree-sitter-ruby", "tree-sitter-php")


@cache
def code_fingerprint() -> str:
    """A digest of Shoal's own files and the grammar versions: any change to the analysis (even
    without a version bump, as in development) makes old snapshots unusable."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("shoal")))
    for path in sorted(_package_files(root), key=lambda p: p.as_posix()):
        digest.update(path.as_posix().encode() + b"\0" + (root / path).read_bytes() + b"\0")
    for name in _GRAMMARS:
        try:
            digest.update(f"{name}=={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\n".encode())
    return digest.hexdigest()


def _package_files(root: Path) -> Iterable[Path]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if not name.endswith((".pyc", ".pyo")):
                yield Path(folder, name).relative_to(root)


def analysis_key(settings: Settings) -> str:
    """What per-file results depend on besides the file and the repository's own configuration."""
    inputs = {
        "code": code_fingerprint(),
        "thresholds": asdict(settings.thresholds),
        "security": settings.security,
        "max_file_bytes": settings.max_file_bytes,
        "parse_budget_ms": settings.parse_budget_ms,
    }
    # What shoal scan's flags add to the repository's configuration decides results too; only
    # when given, so the keys of scans without them stay as they were.
    for name in ("include", "exclude", "exclude_rules", "config_toml", "thresholds_set"):
        if getattr(settings, name):
            inputs[name] = getattr(settings, name)
    return hashlib.sha256(orjson.dumps(inputs, option=orjson.OPT_SORT_KEYS)).hexdigest()[:24]


# ---------------------------------------------------------------------------- finding one


@dataclass(frozen=True)
class SnapshotRef:
    """A snapshot checkout can start from: where it is, its commit, and what must be redone."""

    path: Path
    commit: str
    sha256: str
    redo: frozenset[str]  # files analysed again although unchanged (their analysis left a diagnostic)


def results_folder(cache_folder: Path) -> Path:
    return cache_folder / FOLDER


def find_snapshot(cache_folder: Path, key: str) -> SnapshotRef | None:
    """The newest readable snapshot with this analysis key, or None (then the scan is full)."""
    folder = results_folder(cache_folder)
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(f"-{key}.json.gz")]
    except OSError:
        return None
    for path in sorted(candidates, key=_mtime, reverse=True):
        try:
            raw = path.read_bytes()
            header = _header(raw)
        except (OSError, ValueError, EOFError):  # gzip.BadGzipFile is an OSError
            continue  # torn or foreign: the next one, or a full scan
        if header.get("schema") == SCHEMA and header.get("key") == key:
            return SnapshotRef(path, str(header["commit"]), hashlib.sha256(raw).hexdigest(),
                               frozenset(header.get("redo", ())))
    return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _header(raw: bytes) -> dict[str, Any]:
    """The first line; the whole stream is inflated so gzip's CRC catches a torn or garbled file."""
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        header = orjson.loads(stream.readline())
        while stream.read(1 << 20):
            pass
    if not isinstance(header, dict):
        raise ValueError("snapshot header is not an object")
    return header


def relative(workspace: Path, path: Path) -> str:
    return path.relative_to(workspace).as_posix()


def resolve(workspace: Path, rel: str) -> Path:
    """A snapshot path from a checkpoint, refusing anything outside the repository caches."""
    root = workspace.joinpath(*CACHE_FOLDER).resolve()
    candidate = (workspace / rel).resolve()
    if not candidate.is_relative_to(root):
        raise WorkspaceError(f"{rel!r} is not a results snapshot in the repository cache")
    return candidate


# ---------------------------------------------------------------------------- reading one


@dataclass(frozen=True)
class Snapshot:
    commit: str
    analysed: dict[str, SourceFile]
    metrics: dict[str, dict[str, Any]]  # path -> FileMetrics dict
    findings: dict[str, list[dict[str, Any]]]  # path -> Finding dicts
    exclusions: tuple[Exclusion, ...]
    secrets: dict[str, dict[str, list[str]]]  # path -> its secret values' keyed hashes (FileSecrets dict)
    redaction_key: str  # the key of those hashes, which a scan that reuses them keeps


# The snapshot last loaded, by (path, sha256): an incremental scan's plan and merge both read it,
# in the same orchestrator process, and parsing it is 0.07-0.2 s on Django (a third of a rescan).
# A sha256 names the content, so the copy in memory is exactly what the checkpoint refers to.
_loaded: tuple[tuple[str, str], Snapshot] | None = None


def load_snapshot(path: Path, sha256: str) -> Snapshot:
    """The snapshot at `path`, checked against `sha256`; readers must not modify it."""
    global _loaded
    key = (str(path), sha256)
    loaded = _loaded
    if loaded is not None and loaded[0] == key:
        return loaded[1]
    snapshot = _read_snapshot(path, sha256)
    _loaded = (key, snapshot)
    return snapshot


def release_snapshot() -> None:
    """Let the snapshot last loaded go: its scan's last reader is done with it."""
    global _loaded
    _loaded = None


def _read_snapshot(path: Path, sha256: str) -> Snapshot:
    raw = read_verified(path, sha256)
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
        header = orjson.loads(stream.readline())
        body = orjson.loads(stream.read())
    return Snapshot(
        commit=str(header["commit"]),
        analysed={f["path"]: SourceFile(**f) for f in body["analysed"]},
        metrics={f["path"]: f for f in body["files"]},
        findings=body["findings"],
        exclusions=tuple(Exclusion(**e) for e in body["exclusions"]),
        secrets=body.get("secrets", {}),
        redaction_key=str(body.get("redaction_key", "")),
    )


@dataclass(frozen=True)
class Unchanged:
    """The head's tree as checkout saw it: every path, and those it exported (changed or config)."""

    tree: frozenset[str]
    exported: frozenset[str]

    @classmethod
    def from_manifest(cls, entry: dict[str, Any]) -> Unchanged:
        return cls(frozenset(entry["tree"]), frozenset(entry["exported"]))

    def reused(self, path: str) -> bool:
        return path in self.tree and path not in self.exported

    def folders(self) -> frozenset[str]:
        return frozenset(parent_folders(self.tree))


def reused_files(snapshot: Snapshot, unchanged: Unchanged) -> list[SourceFile]:
    return [f for path, f in sorted(snapshot.analysed.items()) if unchanged.reused(path)]


def reused_exclusions(snapshot: Snapshot, unchanged: Unchanged) -> list[Exclusion]:
    """Exclusions of paths still in the tree and not exported again (the plan redoes those); a
    folder's exclusion stays while the tree still has something under it."""
    folders = unchanged.folders()
    return [e for e in snapshot.exclusions if unchanged.reused(e.path) or (e.path in folders and e.path != ".")]


def reused_results(snapshot: Snapshot, unchanged: Unchanged) -> tuple[list[FileMetrics], list[Finding]]:
    files: list[FileMetrics] = []
    findings: list[Finding] = []
    for path in snapshot.analysed:
        if not unchanged.reused(path):
            continue
        if path in snapshot.metrics:
            files.append(FileMetrics.from_dict(snapshot.metrics[path]))
        findings.extend(Finding.from_dict(f) for f in snapshot.findings.get(path, ()))
    return files, findings


# ---------------------------------------------------------------------------- writing one


def write_snapshot(
    cache_folder: Path,
    key: str,
    commit: str,
    analysed: Sequence[SourceFile],
    files: Sequence[FileMetrics],
    findings: Sequence[Finding],
    exclusions: Sequence[Exclusion],
    diagnostics: Sequence[str],
    secrets: Mapping[str, dict[str, list[str]]] | None = None,
    redaction_key: str = "",
) -> Path:
    """Publish the results of a complete full scan of `commit`, then prune old snapshots."""
    paths = {f.path for f in analysed}
    by_path: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_path.setdefault(finding.location.path, []).append(finding.to_dict())
    header = {"schema": SCHEMA, "key": key, "commit": commit, "redo": sorted(_diagnosed(diagnostics, paths))}
    body = {
        "analysed": [{"path": f.path, "language": f.language, "bytes": f.bytes} for f in analysed],
        "files": [f.to_dict() for f in files],
        "findings": by_path,
        "exclusions": [e.to_dict() for e in exclusions],
        # Kept beside the git packs, which hold the values themselves: the key adds no exposure here.
        "secrets": dict(secrets or {}),
        "redaction_key": redaction_key,
    }
    raw = orjson.dumps(header, option=orjson.OPT_SORT_KEYS) + b"\n" + orjson.dumps(body, option=orjson.OPT_SORT_KEYS)
    # mtime=0: the same results always give the same bytes. Level 1: a tenth of level 6's time.
    data = gzip.compress(raw, compresslevel=1, mtime=0)
    target = results_folder(cache_folder) / f"{commit}-{key}.json.gz"
    atomic_write(target, data)
    prune(results_folder(cache_folder), keep=target)
    return target


def _diagnosed(diagnostics: Iterable[str], paths: set[str]) -> set[str]:
    """Files a diagnostic names ("<path>: ..."); a path may itself hold ": ", so try each split."""
    named: set[str] = set()
    for line in diagnostics:
        start = 0
        while (index := line.find(": ", start)) > 0:
            if line[:index] in paths:
                named.add(line[:index])
                break
            start = index + 1
    return named


def prune(folder: Path, keep: Path, now: float | None = None) -> list[str]:
    """Delete all but the KEEP newest snapshots, once older than the grace period."""
    now = time.time() if now is None else now
    try:
        snapshots = sorted((p for p in folder.iterdir() if p.name.endswith(".json.gz")), key=_mtime, reverse=True)
    except OSError:
        return []
    removed = []
    for path in snapshots[KEEP:]:
        if path != keep and now - _mtime(path) >= GRACE_SECONDS:
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed
