"""The shared workspace: where each scan's source, plan, shards and reports live, and how files
are published there safely (S3 Files is NFS over a bucket: one writer per path, atomic replace of
files, never of directories)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from typing import Any
from pathlib import Path

import orjson

from shoal.errors import ShoalError

# Not ending in ".lock": scan <id>'s lock is the file <id>.lock beside its folder (shoal.scan.retention).
SCAN_ID = re.compile(r"^(?!.*\.lock$)[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_PARTITION_ID = re.compile(r"^p\d{4,6}$")


class WorkspaceError(ShoalError):
    """A workspace path or file is not what it must be (terminal: retrying will not help)."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> str:
    """Publish `data` at `path`: temp file in the same folder, fsync, os.replace. Returns sha256.

    Readers see the old file or the new one, never a torn one, and a retried writer simply
    replaces it with identical bytes, which keeps at-least-once steps idempotent.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return sha256_bytes(data)


def read_verified(path: Path, expected_sha256: str) -> bytes:
    """Read a file another stage published and check it is the one that stage reported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise WorkspaceError(f"{path} is missing: the stage that wrote it must run again") from exc
    actual = sha256_bytes(data)
    if actual != expected_sha256:
        raise WorkspaceError(
            f"{path} has sha256 {actual[:12]}..., expected {expected_sha256[:12]}...: "
            "it was changed or torn after it was written"
        )
    return data


@dataclass(frozen=True)
class ScanPaths:
    """The folder layout of one scan: <workspace>/scans/<scan>/{src,plan.json,shards,report}."""

    workspace: Path
    scan_id: str

    def __post_init__(self) -> None:
        if not SCAN_ID.fullmatch(self.scan_id):
            raise WorkspaceError(
                f"scan id {self.scan_id!r} is not valid: use letters, digits, '.', '_' or '-' "
                "(at most 128, starting with a letter or digit, not ending in '.lock')"
            )

    @property
    def root(self) -> Path:
        return self.workspace / "scans" / self.scan_id

    @property
    def src(self) -> Path:
        return self.root / "src"

    @property
    def checkout_manifest(self) -> Path:
        return self.root / "checkout.json"

    @property
    def changes(self) -> Path:
        """A diff scan's change set (shoal.source.changes), written by checkout."""
        return self.root / "changes.json"

    @property
    def plan(self) -> Path:
        return self.root / "plan.json"

    @property
    def secret_hashes(self) -> Path:
        """The keyed hashes of every secret value the scan found (beside the source that holds the
        values; the key is in plan.json): what the command's terminal listing redacts code with."""
        return self.root / "secrets.json"

    @property
    def shards(self) -> Path:
        return self.root / "shards"

    def shard(self, partition_id: str) -> Path:
        if not _PARTITION_ID.fullmatch(partition_id):
            raise WorkspaceError(f"partition id {partition_id!r} is not valid")
        return self.shards / f"{partition_id}.json"

    @property
    def report(self) -> Path:
        return self.root / "report"

    def refuse_symlinks(self) -> None:
        """A symlink planted at the scans folder or at this scan's folder would send every write of
        the scan (and `shoal clean`'s deletes) wherever it points: refuse it rather than follow it."""
        for path in (self.root.parent, self.root, self.shards, self.report):
            if path.is_symlink():
                raise WorkspaceError(
                    f"{path} is a symlink (to {os.readlink(path)}): Shoal does not write a scan through "
                    "symlinks; remove it, or give the scan another --scan-id or --workspace"
                )

    def relative(self, path: Path) -> str:
        """A path inside the workspace as it travels in checkpoints: relative, POSIX."""
        return path.relative_to(self.workspace).as_posix()

    def resolve(self, relative: str) -> Path:
        """The inverse of `relative`, refusing anything that would leave this scan's folder."""
        candidate = (self.workspace / relative).resolve()
        if not candidate.is_relative_to(self.root.resolve()):
            raise WorkspaceError(f"{relative!r} is outside scan {self.scan_id}")
        return candidate


def load_json(data: bytes) -> Any:
    """orjson (a fifth of json's time on a 5 MB report), or json for what orjson refuses to read:
    the escape of a lone surrogate, which a surrogateescape'd path can hold."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


def json_bytes(document: Any) -> bytes:
    """Compact, key-sorted JSON with a final newline: the same document always gives the same bytes."""
    return (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode()
