"""A git checkout's tree as one blob file and an index, instead of one workspace file per source file.

On an NFS-backed workspace (S3 Files) every file created is a round trip and, later, a PUT: a
7,000-file tree cost thousands of them. A scan's export (a full scan's whole tree, a diff's touched
files, an incremental scan's changed ones) therefore writes the regular files back to back into <scan>/source.pack, and <scan>/source.index.json maps each path
to its offset, size, sha256 and executable bit. The files that configure the scan (.shoal.toml,
.gitignore files, the committed baseline, the rules folder) are also written loose under src/,
because the plan reads them from disk (shoal.repoconfig, the rules loader, the baseline).

Readers go through `PackedSource.read`, which checks the sha256, so a torn or replaced pack is
reported per file rather than analysed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from shoal.workspace import WorkspaceError, atomic_write, json_bytes, load_json

SCHEMA = "shoal/source-pack/v1"
PACK_NAME = "source.pack"
INDEX_NAME = "source.index.json"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PackEntry:
    offset: int
    size: int
    sha256: str
    executable: bool


class PathClash(Exception):
    """The path is taken already (the same path twice, or a file where a folder is, or the reverse)."""


class PackWriter:
    """Appends blobs to the pack and keeps their index; `close` publishes the index."""

    def __init__(self, src: Path) -> None:
        self._pack_path = Path(src).parent / PACK_NAME
        self._index_path = Path(src).parent / INDEX_NAME
        self._index_path.unlink(missing_ok=True)  # no reader may pair an old index with the new pack
        self._out: IO[bytes] = open(self._pack_path, "wb")  # closed by close() or abort()
        self._offset = 0
        self.entries: dict[str, PackEntry] = {}
        self._folders: set[str] = set()

    def claim(self, path: str) -> None:
        """Reserve `path`, as creating it in a folder would: PathClash when the tree cannot hold it."""
        parts = path.split("/")
        parents = ["/".join(parts[:i]) for i in range(1, len(parts))]
        if path in self.entries or path in self._folders or any(p in self.entries for p in parents):
            raise PathClash(path)
        self._folders.update(parents)

    def append(self, path: str, chunks: Iterator[bytes], executable: bool) -> None:
        """Write a claimed path's content, given in chunks."""
        digest = hashlib.sha256()
        start = self._offset
        for chunk in chunks:
            self._out.write(chunk)
            digest.update(chunk)
            self._offset += len(chunk)
        self.entries[path] = PackEntry(start, self._offset - start, digest.hexdigest(), executable)

    def flush(self) -> None:
        """Make what was appended so far readable through `source()` (the pack stays open)."""
        self._out.flush()

    def source(self) -> PackedSource:
        """The blobs appended so far, to read back (close it when done)."""
        return PackedSource(self._pack_path, dict(self.entries))

    def close(self) -> None:
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        files = {path: [e.offset, e.size, e.sha256, e.executable] for path, e in self.entries.items()}
        atomic_write(self._index_path, json_bytes({"schema": SCHEMA, "pack": PACK_NAME, "files": files}))

    def abort(self) -> None:
        self._out.close()


@dataclass(frozen=True)
class PackedSource:
    """A scan's files as the export packed them: the pack's path and its index."""

    pack: Path
    entries: Mapping[str, PackEntry]
    # The pack opened once, on first read, for every read after (one open per agent, not per
    # file: on NFS each open is a round trip); closed when the process ends.
    _handle: list[int] = field(default_factory=list, compare=False, repr=False)

    def _fd(self) -> int:
        if not self._handle:
            self._handle.append(os.open(self.pack, os.O_RDONLY))
        return self._handle[0]

    def read(self, path: str) -> bytes:
        """The content of `path` as exported (FileNotFoundError when the tree has no such file)."""
        entry = self.entries.get(path)
        if entry is None:
            raise FileNotFoundError(f"{path} is not in the scan's tree")
        data = _pread_all(self._fd(), entry.size, entry.offset)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise ValueError(f"the workspace's copy of {path} is damaged (its sha256 differs from the "
                             "checkout's): run the scan again with --fresh")
        return data

    def close(self) -> None:
        """Close the pack's descriptor, if a read opened it (a reader kept for the process needs not)."""
        while self._handle:
            os.close(self._handle.pop())

    def head(self, path: str, size: int) -> bytes:
        """The first `size` bytes of `path`, unchecked (the inventory's look at a file's start)."""
        entry = self.entries[path]
        return _pread_all(self._fd(), min(size, entry.size), entry.offset)

    def copy_out(self, path: str, target: Path) -> None:
        """Write `path` as a loose file at `target` (a configuring file the plan reads from disk)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(target, flags, 0o755 if self.entries[path].executable else 0o644)
        with os.fdopen(fd, "wb") as out:
            out.write(self.read(path))


def _pread_all(fd: int, size: int, offset: int) -> bytes:
    """`size` bytes at `offset`, fewer only at the end of the file (one pread stops at 2 GiB)."""
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.pread(fd, min(size, _CHUNK * 1024), offset)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def load_beside(src: Path) -> PackedSource | None:
    """The packed tree of the scan whose src/ folder is `src`, or None when it was exported loose."""
    index = Path(src).parent / INDEX_NAME
    try:
        data = index.read_bytes()
    except FileNotFoundError:
        return None
    try:
        document: Any = load_json(data)
        if document.get("schema") != SCHEMA:
            raise ValueError(f"schema {document.get('schema')!r} is not {SCHEMA}")
        entries = {str(path): PackEntry(int(v[0]), int(v[1]), str(v[2]), bool(v[3]))
                   for path, v in document["files"].items()}
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise WorkspaceError(f"{index} is not a source index Shoal wrote ({exc}): run the scan again "
                             "with --fresh") from None
    return PackedSource(index.parent / PACK_NAME, entries)


def remove_beside(src: Path) -> None:
    """Forget a previous attempt's pack: a loose export must not be read through a stale index."""
    for name in (INDEX_NAME, PACK_NAME):
        (Path(src).parent / name).unlink(missing_ok=True)
