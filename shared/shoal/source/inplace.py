"""Where a scan reads its files: the tree exported under <scan>/src, or a local plain folder
read where it is (never copied into the workspace).

For a folder read in place the checkout publishes <scan>/source.json: the folder's absolute
path and the sha256 of every file as the checkout read it. The agents hash what they read and
compare, so a file edited while the scan runs is reported and left out, never analysed as a mix
of two versions; the folder's id (the scan's "commit") is made of the same digests.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shoal.workspace import ScanPaths, WorkspaceError, atomic_write, json_bytes, load_json

SCHEMA = "shoal/source/v1"
MANIFEST_NAME = "source.json"  # beside the scan's src/ (ScanPaths.source_manifest)


@dataclass(frozen=True)
class InPlaceSource:
    """A local folder the scan reads where it is, and each file's sha256 as the checkout read it."""

    root: str  # absolute path of the folder
    digests: Mapping[str, str] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        return json_bytes({"schema": SCHEMA, "root": self.root, "files": dict(self.digests)})

    @classmethod
    def from_bytes(cls, data: bytes, where: Path) -> InPlaceSource:
        try:
            document: Any = load_json(data)
            if document.get("schema") != SCHEMA:
                raise ValueError(f"schema {document.get('schema')!r} is not {SCHEMA}")
            files = document["files"]
            if not isinstance(files, dict):
                raise ValueError("'files' is not an object")
            return cls(root=str(document["root"]), digests={str(k): str(v) for k, v in files.items()})
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise WorkspaceError(f"{where} is not a source manifest Shoal wrote ({exc}): run the scan "
                                 "again with --fresh") from None


class ChangedDuringScan(ValueError):
    """A file's content differs from what the checkout read: analysing it would mix versions."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(f"changed during the scan (sha256 {expected[:12]} when checked out, {actual[:12]} "
                         "when analysed): left out; scan again for its results")


def publish(paths: ScanPaths, source: InPlaceSource) -> None:
    atomic_write(paths.source_manifest, source.to_bytes())


def load(paths: ScanPaths) -> InPlaceSource | None:
    """The scan's in-place source, or None when the scan reads its export under src/."""
    return load_beside(paths.src)


def load_beside(src: Path) -> InPlaceSource | None:
    """As `load`, from the path of the scan's src/ folder (what shoal.early keys its work by)."""
    manifest = Path(src).parent / MANIFEST_NAME
    try:
        data = manifest.read_bytes()
    except FileNotFoundError:
        return None
    return InPlaceSource.from_bytes(data, manifest)


def source_root(paths: ScanPaths) -> Path:
    """The folder the scan's files are read from."""
    found = load(paths)
    return Path(found.root) if found is not None else paths.src


def root_beside(src: Path) -> Path:
    found = load_beside(src)
    return Path(found.root) if found is not None else Path(src)


def reader_beside(src: Path) -> Callable[[str], bytes]:
    """Read a scanned file by its path, wherever the scan keeps it: the folder read in place, the
    pack a full git export wrote (shoal.source.packed), or the loose export under src/."""
    from shoal.source import packed
    from shoal.source.regularfiles import read_regular

    tree = packed.load_beside(src)
    if tree is not None:
        return tree.read
    root = str(root_beside(src))
    return lambda path: read_regular(os.path.join(root, path))


def check_digest(data: bytes, expected: str | None) -> None:
    """Raise ChangedDuringScan when `data` is not the content the checkout hashed as `expected`."""
    if expected is None:
        return
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise ChangedDuringScan(expected, actual)
