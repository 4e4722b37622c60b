"""Reading a local folder that is not a git repository where it is: never copied.

The agents read the user's files in place. So that a file edited while the scan runs is caught
rather than analysed half old, half new, the checkout reads every file once and keeps its sha256
(`PlainTree.digests`, published as the scan's source manifest, shoal.source.inplace); the agents hash
what they read and compare. The folder's id (its "commit") is a digest of (path, content digest)
pairs, so it names the content, not the folder. Locally a worker does the walk while the engine
starts (shoal.local.early).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from shoal.errors import SourceError
from shoal.models import Exclusion
from shoal.pathnames import is_utf8, printable
from shoal.source.regularfiles import NotRegularFile, open_regular

_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PlainTree:
    tree_id: str
    files: int
    bytes: int
    skipped: tuple[Exclusion, ...]
    digests: Mapping[str, str] = field(default_factory=dict)  # path -> sha256 of the file as read


def read_tree(source: Path, too_large: Callable[[str, int], bool] | None = None) -> PlainTree:
    """Hash the regular files of `source` where they are; symlinks, special files, names that are
    not UTF-8 and files `too_large(path, size)` refuses are skipped, each with its reason."""
    skipped: list[Exclusion] = []
    wanted: list[tuple[str, str]] = []
    for rel, entry, reason in _walk(source):
        if reason or entry is None:
            skipped.append(Exclusion(path=rel, reason=reason or "unreadable"))
        else:
            wanted.append((rel, entry.path))
    digests: list[tuple[str, str]] = []
    read: dict[str, str] = {}
    total = 0
    for rel, path in wanted:
        try:
            hashed = _try_hash(rel, path, too_large)
        except _TooLarge as big:
            # Neither read nor written; its size stands in for its content in the folder's id.
            skipped.append(Exclusion(path=rel, reason="too-large"))
            digests.append((rel, f"too-large:{big.size}"))
            continue
        if hashed is None:
            skipped.append(Exclusion(path=rel, reason="unreadable"))
            continue
        digests.append((rel, hashed[0]))
        read[rel] = hashed[0]
        total += hashed[1]
    tree = hashlib.sha256()
    for rel, digest in sorted(digests):
        tree.update(rel.encode("utf-8", "surrogateescape") + b"\0" + digest.encode() + b"\n")
    return PlainTree(
        tree_id="tree-" + tree.hexdigest()[:35],
        files=len(read),
        bytes=total,
        skipped=tuple(sorted(skipped, key=lambda e: (e.path, e.reason))),
        digests=read,
    )


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def _try_hash(rel: str, source: str, too_large: Callable[[str, int], bool] | None) -> tuple[str, int] | None:
    try:
        return hash_file(source, lambda size: too_large is not None and too_large(rel, size))
    except OSError:
        return None


def _walk(source: Path) -> Iterator[tuple[str, os.DirEntry[str] | None, str | None]]:
    """Yield (relative path, entry, skip reason or None) for every non-directory, iteratively."""
    stack: list[tuple[str, str]] = [(str(source), "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)  # in the file system's order: every list made from them is sorted
        except OSError:
            yield printable(prefix.rstrip("/") or "."), None, "unreadable"
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink():
                yield printable(rel), entry, "symlink"
            elif entry.is_dir(follow_symlinks=False):
                if entry.name == ".git":
                    continue  # another repository's object store is not part of the folder
                stack.append((entry.path, rel + "/"))
            elif not entry.is_file(follow_symlinks=False):
                yield printable(rel), entry, "special-file"
            elif not is_utf8(rel):
                yield printable(rel), entry, "bad-filename"
            else:
                yield rel, entry, None


def hash_file(source: str, too_large: Callable[[int], bool] | None = None) -> tuple[str, int]:
    """sha256 and size of the regular file at `source`, read to its end (_TooLarge, unread, when
    `too_large(size)` refuses it)."""
    # Raw descriptors and reads sized to the file: buffered file objects and 1 MiB read buffers,
    # set up for each of Django's 7,000 small files, were a third of the walk's time.
    digest = hashlib.sha256()
    size = 0
    # Opened without following, then checked: the entry could be swapped since scandir.
    try:
        src_fd, info = open_regular(source)
    except NotRegularFile:
        raise SourceError(f"{source} changed into a non-regular file while being read") from None
    try:
        if too_large is not None and too_large(info.st_size):  # the size as opened: no stat more
            raise _TooLarge(info.st_size)
        # One read takes a small file whole (+1 to see its end); a file that grew is still read to EOF.
        chunk_size = min(_READ_CHUNK, info.st_size + 1)
        while chunk := os.read(src_fd, chunk_size):
            digest.update(chunk)
            size += len(chunk)
    finally:
        os.close(src_fd)
    return digest.hexdigest(), size
