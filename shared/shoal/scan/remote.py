"""The orchestrator's side of the `Split` layout: the stages it runs itself although it has no
mount. The checkout writes to a workspace on local `/tmp` and hands the scan folder to the
workspace function as one archive in the transfer bucket; the repository cache lives in that
bucket between scans; publishing reads the reports the merge handed back the same way.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from shoal.config import Settings
from shoal.request import ScanRequest
from shoal.stages import CheckoutRecord
from shoal.scan import transfer
from shoal.scan.transfer import ArchiveRef, CacheSync, RemoteWorkspace, get_folder, put_folder
from shoal.workspace import ScanPaths

# What the plan and the merge read of a checkout: the tree (a full scan's packed into one blob
# file and its index, shoal.source.packed), its manifest, a diff's change set.
CHECKOUT_MEMBERS = ("src", "source.pack", "source.index.json", "checkout.json", "changes.json")


def cache_sync(settings: Settings, repository: str, remote: RemoteWorkspace, s3: Any) -> CacheSync | None:
    """The repository cache of `repository` mirrored in the transfer bucket, or None when there
    is none to keep (a plain folder, or the cache turned off)."""
    from shoal.source.checkout import is_plain_directory
    from shoal.source.specs import parse_repository

    spec = parse_repository(repository, settings.allowed_hosts)
    if not settings.repo_cache or is_plain_directory(spec):
        return None
    from shoal.source.repocache import RepoCache

    folder = RepoCache.for_repository(Path(settings.workspace), spec).folder
    return CacheSync(s3, remote.bucket, f"cache/repos/{folder.name}/", folder)


def checkout_to_bucket(
    request: ScanRequest, settings: Settings, remote: RemoteWorkspace, checkout: Any
) -> dict[str, Any]:
    """Run `checkout` (the checkout stage, traced) on the local workspace between pulling and
    pushing the repository cache, then put the scan folder in the transfer bucket and delete it
    here. Returns the checkout record and the archive's reference, both JSON."""
    s3 = transfer.s3_client()
    cache = cache_sync(settings, request.repository, remote, s3)
    if cache is not None:
        cache.pull()
    record: CheckoutRecord = checkout(request, settings)
    if cache is not None:
        cache.push()
    paths = ScanPaths(Path(settings.workspace), request.scan_id)
    archive = put_folder(s3, remote.bucket, f"scans/{request.scan_id}/checkout.tar.gz", paths.root,
                         CHECKOUT_MEMBERS)
    shutil.rmtree(paths.root, ignore_errors=True)  # /tmp outlives the invocation in a warm sandbox
    return {"record": record.to_dict(), "archive": archive.to_dict()}


def publish_from_bucket(
    summary: dict[str, Any], github: dict[str, Any], settings: Settings, remote: RemoteWorkspace,
    archive: dict[str, Any], repository: str, publish: Any, **options: Any,
) -> dict[str, Any]:
    """Fetch the reports (and the repository cache, which a review's complexity change reads the
    merge base from) onto local /tmp, then run `publish` (shoal.github.publish.publish_scan)."""
    s3 = transfer.s3_client()
    paths = ScanPaths(Path(settings.workspace), str(summary["scan_id"]))
    try:
        get_folder(s3, ArchiveRef.from_dict(archive), paths.root)
        cache = cache_sync(settings, repository, remote, s3)
        if cache is not None:
            cache.pull()
        result: dict[str, Any] = publish(summary, github, settings, **options)
        return result
    finally:
        shutil.rmtree(paths.root, ignore_errors=True)
