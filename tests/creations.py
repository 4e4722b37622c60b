"""Counting the files and folders a scan creates in its workspace, with inotify (inotify-simple,
pinned in the dev extra): every create counts, also a temporary file renamed or deleted soon
after, since on a network file system (S3 Files) each create is a request, whatever follows.

inotify watches one folder at a time: a folder created under a watched one is watched as soon as
its event is read, and what was created in it before that is found by listing it then.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path
from types import TracebackType

from inotify_simple import INotify
from inotify_simple import flags as F

_WATCH_MASK = F.CREATE | F.ONLYDIR | F.DONT_FOLLOW


class QueueOverflow(RuntimeError):
    """The kernel dropped events (fs.inotify.max_queued_events): the count would be low."""


class Creations:
    """Context manager: while open, every file or folder created under `root` (which must exist)
    is counted, by its path relative to `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: Counter[str] = Counter()
        self._inotify = INotify()
        self._folders: dict[int, Path] = {}
        # Counted by listing a folder just watched: an event for one of them may still be queued
        # (created after the watch began, before the listing), and must not count it twice.
        self._listed: set[Path] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.overflowed = False

    def __enter__(self) -> Creations:
        self._watch_tree(self.root, count=False)
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
        self._drain(0)
        self._inotify.close()
        if self.overflowed and kind is None:
            raise QueueOverflow("inotify dropped events: raise fs.inotify.max_queued_events")

    @property
    def total(self) -> int:
        return sum(self.paths.values())

    def under(self, prefix: str) -> int:
        """Creations whose path starts with `prefix` (a folder relative to root, with '/')."""
        return sum(n for path, n in self.paths.items() if path.startswith(prefix))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._drain(50)

    def _drain(self, timeout_ms: int) -> None:
        for event in self._inotify.read(timeout=timeout_ms):
            if event.mask & F.Q_OVERFLOW:
                self.overflowed = True
                continue
            folder = self._folders.get(event.wd)
            if folder is None or not event.name:
                continue
            path = folder / event.name
            if path in self._listed:
                self._listed.discard(path)
            else:
                self._count(path)
            if event.mask & F.ISDIR:
                self._watch_tree(path, count=True)

    def _count(self, path: Path) -> None:
        self.paths[path.relative_to(self.root).as_posix()] += 1

    def _watch_tree(self, folder: Path, count: bool) -> None:
        """Watch `folder` and every folder below it; with `count`, count what is already in them
        (created before the watch began: their events were never queued)."""
        try:
            wd = self._inotify.add_watch(folder, _WATCH_MASK)
        except OSError:
            return  # gone already (a temporary folder): its own create was counted
        self._folders[wd] = folder
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            if count and path.relative_to(self.root).as_posix() not in self.paths:
                self._count(path)
                self._listed.add(path)
            if entry.is_dir(follow_symlinks=False):
                self._watch_tree(path, count=count)
