"""Copying a local folder that is not a git repository into the workspace, as it is.

The copy is the scan's snapshot: the agents read it, never the user's folder, which may change
while they run. Every file is read whole anyway, so its sha256 is taken on the way, and the
folder's id (its "commit") is a digest of (path, content digest) pairs. The cost is per-file
Python work (opening, hashing and writing 7,000 small files on Django); locally a worker does it
while the engine starts (shoal.local.early).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from shoal.errors import SourceError
from shoal.models import Exclusion
from shoal.pathnames import is_utf8, printable
from shoal.source.regularfiles import NotRegularFile, open_regular

_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PlainCopy:
    tree_id: str
    files: int
    bytes: int
    skipped: tuple[Exclusion, ...]


def copy_tree(source: Path, dest: Path, too_large: Callable[[str, int], bool] | None = None) -> PlainCopy:
    """Copy the regular files of `source` into `dest`; symlinks, special files, names that are
    not UTF-8 and files `too_large(path, size)` refuses are skipped, each with its reason."""
    skipped: list[Exclusion] = []
    wanted: list[tuple[str, str]] = []
    for rel, entry, reason in _walk(source):
        if reason or entry is None:
            skipped.append(Exclusion(path=rel, reason=reason or "unreadable"))
        else:
            wanted.append((rel, entry.path))
    digests: list[tuple[str, str]] = []
    files = total = 0
    made: set[str] = set()
    for rel, path in wanted:
        try:
            copied = _try_copy(rel, path, str(dest), made, too_large)
        except _TooLarge as big:
            # Neither read nor written; its size stands in for its content in the folder's id.
            skipped.append(Exclusion(path=rel, reason="too-large"))
            digests.append((rel, f"too-large:{big.size}"))
            continue
        if copied is None:
            skipped.append(Exclusion(path=rel, reason="unreadable"))
            continue
        digests.append((rel, copied[0]))
        files += 1
        total += copied[1]
    tree = hashlib.sha256()
    for rel, digest in sorted(digests):
        tree.update(rel.encode("utf-8", "surrogateescape") + b"\0" + digest.encode() + b"\n")
    return PlainCopy(
        tree_id="tree-" + tree.hexdigest()[:35],
        files=files,
        bytes=total,
        skipped=tuple(sorted(skipped, key=lambda e: (e.path, e.reason))),
    )


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def _try_copy(
    rel: str, source: str, dest: str, made: set[str], too_large: Callable[[str, int], bool] | None
) -> tuple[str, int] | None:
    # Plain strings and one makedirs per folder: pathlib and mkdir(parents=True) per file were
    # half of the copy time on a 7,000-file tree. (`rel` is "/"-separated, as POSIX paths are.)
    target = f"{dest}/{rel}"
    folder = target.rpartition("/")[0]
    try:
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        return _copy_file(source, target, lambda size: too_large is not None and too_large(rel, size))
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
                    continue  # never copy another repository's object store into the workspace
                stack.append((entry.path, rel + "/"))
            elif not entry.is_file(follow_symlinks=False):
                yield printable(rel), entry, "special-file"
            elif not is_utf8(rel):
                yield printable(rel), entry, "bad-filename"
            else:
                yield rel, entry, None


def _copy_file(source: str, target: str, too_large: Callable[[int], bool]) -> tuple[str, int]:
    # Raw descriptors and reads sized to the file: buffered file objects and 1 MiB read buffers,
    # set up for each of Django's 7,000 small files, were a third of the copy's time.
    digest = hashlib.sha256()
    size = 0
    # Opened without following, then checked: the entry could be swapped since scandir.
    try:
        src_fd, info = open_regular(source)
    except NotRegularFile:
        raise SourceError(f"{source} changed into a non-regular file while being copied") from None
    try:
        if too_large(info.st_size):  # the size of the file as opened: no stat more per file
            raise _TooLarge(info.st_size)
        # Mode and size of the file as opened (its fstat), not of the listing's entry.
        mode = 0o755 if info.st_mode & 0o111 else 0o644
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        out_fd = os.open(target, flags, mode)
        try:
            # One read takes a small file whole (+1 to see its end); a file that grew is still read to EOF.
            chunk_size = min(_READ_CHUNK, info.st_size + 1)
            while chunk := os.read(src_fd, chunk_size):
                digest.update(chunk)
                size += len(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out_fd, view):]
        finally:
            os.close(out_fd)
    finally:
        os.close(src_fd)
    return digest.hexdigest(), size
