"""Copying a local folder that is not a git repository into the workspace, as it is.

The copy is the scan's snapshot: the agents read it, never the user's folder, which may change
while they run. Every file is read whole anyway, so its sha256 is taken on the way, and the
folder's id (its "commit") is a digest of (path, content digest) pairs.

The cost is per-file Python work: opening, hashing and writing 7,000 small files. Threads only
fight over the GIL for it (measured: three times slower with two). Another process can share it:
the local engine lends its agent workers, idle until the plan exists (`helped_by`). A lending
thread hands them batches from the far end of the list while this process copies from the near
end, until the two meet.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from shoal.errors import SourceError
from shoal.models import Exclusion
from shoal.pathnames import is_utf8, printable
from shoal.regularfiles import NotRegularFile, open_regular

_READ_CHUNK = 1024 * 1024
_BATCH_FILES = 128  # a helper's round trip is ~0.2 ms; 128 small files take 2-3 ms to copy
_LEND_MIN_FILES = 4 * _BATCH_FILES  # below this, lending saves less than it costs


@dataclass(frozen=True)
class CopyBatch:
    """Files to copy into `dest`: (relative path, absolute source path) pairs."""

    dest: str
    files: tuple[tuple[str, str], ...]


# (content sha256, bytes) of each file of a batch, or None for a file that could not be read.
Copied = list[tuple[str, int] | None]
# Copies one batch in another process and returns what copy_batch would.
CopyHelper = Callable[[CopyBatch], Copied]

_helpers: list[CopyHelper] = []


@contextmanager
def helped_by(helper: CopyHelper) -> Iterator[None]:
    """Let copies made meanwhile (in any thread) lend batches to `helper`."""
    _helpers.append(helper)
    try:
        yield
    finally:
        _helpers.remove(helper)


@dataclass(frozen=True)
class PlainCopy:
    tree_id: str
    files: int
    bytes: int
    skipped: tuple[Exclusion, ...]


def copy_tree(source: Path, dest: Path) -> PlainCopy:
    """Copy the regular files of `source` into `dest`; symlinks, special files and names that are
    not UTF-8 are skipped, each with its reason."""
    skipped: list[Exclusion] = []
    wanted: list[tuple[str, str]] = []
    for rel, entry, reason in _walk(source):
        if reason or entry is None:
            skipped.append(Exclusion(path=rel, reason=reason or "unreadable"))
        else:
            wanted.append((rel, entry.path))
    digests: list[tuple[str, str]] = []
    total = 0
    for (rel, _), copied in zip(wanted, _copy_all(wanted, str(dest))):
        if copied is None:
            skipped.append(Exclusion(path=rel, reason="unreadable"))
            continue
        digests.append((rel, copied[0]))
        total += copied[1]
    tree = hashlib.sha256()
    for rel, digest in sorted(digests):
        tree.update(rel.encode("utf-8", "surrogateescape") + b"\0" + digest.encode() + b"\n")
    return PlainCopy(
        tree_id="tree-" + tree.hexdigest()[:35],
        files=len(digests),
        bytes=total,
        skipped=tuple(sorted(skipped, key=lambda e: (e.path, e.reason))),
    )


def copy_batch(batch: CopyBatch) -> Copied:
    """Copy a batch here; what a helper runs in its process."""
    made: set[str] = set()
    return [_try_copy(rel, path, batch.dest, made) for rel, path in batch.files]


def _copy_all(wanted: list[tuple[str, str]], dest: str) -> Copied:
    helper = _helpers[-1] if _helpers else None
    if helper is None or len(wanted) < _LEND_MIN_FILES:
        return copy_batch(CopyBatch(dest, tuple(wanted)))
    return _SharedCopy(wanted, dest, helper).run()


class _SharedCopy:
    """This thread copies batches from the front of the list, a lending thread hands batches
    from the back to the helper; each batch is taken once, under the lock."""

    def __init__(self, wanted: list[tuple[str, str]], dest: str, helper: CopyHelper) -> None:
        self.wanted = wanted
        self.dest = dest
        self.helper = helper
        self.results: Copied = [None] * len(wanted)
        self.starts = deque(range(0, len(wanted), _BATCH_FILES))
        self.changed = threading.Condition()
        self.lent: int | None = None  # the start of the batch the helper has now
        self.failure: SourceError | None = None

    def run(self) -> Copied:
        threading.Thread(target=self._lend, name="shoal-copy-lender", daemon=True).start()
        try:
            self._copy_here()
        except BaseException:
            with self.changed:  # nothing more is lent, and the batch out is let finish first
                self.starts.clear()
                self.changed.wait_for(lambda: self.lent is None)
            raise
        with self.changed:
            # Only a batch the helper has is waited for, not a helper still starting up.
            self.changed.wait_for(lambda: self.lent is None)
        self._copy_here()  # a batch the helper gave back
        if self.failure is not None:
            raise self.failure
        return self.results

    def _batch(self, start: int) -> CopyBatch:
        return CopyBatch(self.dest, tuple(self.wanted[start : start + _BATCH_FILES]))

    def _copy_here(self) -> None:
        while True:
            with self.changed:
                if not self.starts:
                    return
                start = self.starts.popleft()
            copied = copy_batch(self._batch(start))
            self.results[start : start + len(copied)] = copied

    def _lend(self) -> None:
        try:
            self.helper(CopyBatch(self.dest, ()))  # returns once a helper is ready
        except Exception:  # noqa: BLE001 - no helper after all: this thread copies everything
            return
        while True:
            with self.changed:
                if not self.starts or self.failure is not None:
                    return
                start = self.lent = self.starts.pop()
            try:
                copied = self.helper(self._batch(start))
                self.results[start : start + len(copied)] = copied
            except SourceError as exc:
                self._give_back(None, exc)
                return
            except Exception:  # noqa: BLE001 - a helper that died or is gone: copied here instead
                self._give_back(start)
                return
            self._give_back(None)

    def _give_back(self, start: int | None, failure: SourceError | None = None) -> None:
        with self.changed:
            if start is not None:
                self.starts.append(start)
            if failure is not None:
                self.failure = failure
            self.lent = None
            self.changed.notify_all()


def _try_copy(rel: str, source: str, dest: str, made: set[str]) -> tuple[str, int] | None:
    # Plain strings and one makedirs per folder: pathlib and mkdir(parents=True) per file were
    # half of the copy time on a 7,000-file tree. (`rel` is "/"-separated, as POSIX paths are.)
    target = f"{dest}/{rel}"
    folder = target.rpartition("/")[0]
    try:
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        return _copy_file(source, target)
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


def _copy_file(source: str, target: str) -> tuple[str, int]:
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
