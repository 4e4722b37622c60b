"""What the checkout step fetches and exports, before it records anything: the repository cache
to start from, the results snapshot an incremental scan reuses, and the tree exported into the
scan's src folder (or, for a plain folder, the digests of its files as read in place).

Kept apart from shoal.scan.pipeline (and light to import) because a local worker may do it ahead of
the checkout step (shoal.local.early), while the orchestrator is still being imported.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from shoal.source import inplace
from shoal.source.checkout import CheckoutResult, Since, checkout, is_plain_directory

from shoal.source.specs import parse_repository
from shoal.workspace import ScanPaths

if TYPE_CHECKING:
    from shoal.config import Settings
    from shoal.scan.incremental import SnapshotRef
    from shoal.source.repocache import RepoCache


@dataclass(frozen=True)
class Source:
    """The part of a scan request that decides what the checkout step checks out."""

    scan_id: str
    repository: str
    ref: str | None = None
    base: str | None = None  # a diff scan: only what changed from merge-base(base, ref) to ref


@dataclass(frozen=True)
class Acquired:
    result: CheckoutResult
    key: str | None  # the analysis key the merge stores this scan's results under
    snapshot: SnapshotRef | None  # the results an incremental checkout started from


def acquire(source: Source, settings: Settings) -> Acquired:
    """Put the repository at an exact commit into <ws>/scans/<scan>/src (a plain folder: name it in
    <ws>/scans/<scan>/source.json, to be read in place); git objects stay local."""
    paths = ScanPaths(Path(settings.workspace), source.scan_id)
    paths.refuse_symlinks()
    spec = parse_repository(source.repository, settings.allowed_hosts)
    scratch = Path(tempfile.mkdtemp(prefix="shoal-git-", dir=settings.scratch or None))
    # A plain folder has no git objects to cache and no commit to keep results under, and needs
    # neither module (0.07 s of imports, in a worker that copies it while the engine starts).
    cache: RepoCache | None = None
    if settings.repo_cache and not is_plain_directory(spec):
        from shoal.source.repocache import RepoCache

        cache = RepoCache.for_repository(paths.workspace, spec)
    key = snapshot = since = None
    if cache is not None and source.base is None:
        # A full scan with a cache can start from the results of the repository's last scan.
        from shoal.scan import incremental

        key = incremental.analysis_key(settings)
        # --verify-secrets needs every file exported: the merge finds the values again there.
        reuse = settings.incremental and not settings.verify_secrets
        snapshot = incremental.find_snapshot(cache.folder, key) if reuse else None
        since = Since(snapshot.commit, snapshot.redo) if snapshot is not None else None
    try:
        result = checkout(spec, source.ref, paths.src, scratch, base=source.base, cache=cache, since=since,
                          max_file_bytes=settings.max_file_bytes, pack=True,
                          config_toml=settings.config_toml)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if result.in_place is not None:
        inplace.publish(paths, result.in_place)  # where the agents read, and what they check it against
    return Acquired(result, key, snapshot)
