"""Who may use a scan folder, and when old ones go.

A scan holds an exclusive lock on `<workspace>/scans/<scan>.lock` while it runs, so a second
request for the same repository and ref waits for nothing and runs nothing: it is refused with a
clear message. Retention removes scan folders older than a number of days, skipping any whose
lock is held: a folder is never removed while a scan uses it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from shoal.errors import InputError
from shoal.workspace import SCAN_ID, ScanPaths

DAY_SECONDS = 86_400


class ScanBusy(InputError):
    """Another process is running this scan."""


def lock_path(workspace: Path, scan_id: str) -> Path:
    # Appended, not with_suffix: that made "x.js-<digest>" and every id starting "x." share "x.lock".
    root = ScanPaths(workspace, scan_id).root
    return root.with_name(root.name + ".lock")


# The descriptors of the locks this process holds. An flock belongs to the open file, which a
# forked child (a local agent worker) shares: left open there, a worker still finishing its job
# after its engine was killed would keep the scan busy for the run that resumes it.
_held_locks: set[int] = set()
_held_until_exit: dict[Path, int] = {}  # hold_until_exit's, by path


def _close_inherited_locks() -> None:
    for fd in _held_locks:
        try:
            os.close(fd)
        except OSError:
            pass
    _held_locks.clear()
    _held_until_exit.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_locks)


@contextmanager
def exclusive_lock(path: Path) -> Iterator[bool]:
    """Try to take an exclusive flock on `path`; yields whether we hold it. Released on exit, and
    by the kernel if the process dies, so a killed holder never wedges the next one."""
    fd = _open_lock(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        _held_locks.add(fd)
        yield True
    finally:
        _held_locks.discard(fd)
        os.close(fd)  # closing releases the lock


def hold_until_exit(path: Path) -> bool:
    """Take an exclusive flock on `path` for the rest of this process (the kernel releases it when
    the process ends, however it ends); False if another process holds it."""
    held = _held_until_exit.get(path)
    if held is not None and held in _held_locks:
        return True  # this process took it already (a second scan in one process)
    fd = _open_lock(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    _held_locks.add(fd)
    _held_until_exit[path] = fd
    return True


def _open_lock(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_NOFOLLOW: a symlink planted at the lock's path would have it created wherever it points.
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise InputError(f"{path} is a symlink: Shoal does not lock through symlinks; remove it") from None


@contextmanager
def scan_lock(workspace: Path, scan_id: str) -> Iterator[None]:
    """Hold the scan's lock for the duration; a second holder is refused at once."""
    ScanPaths(workspace, scan_id).refuse_symlinks()
    with exclusive_lock(lock_path(workspace, scan_id)) as held:
        if not held:
            raise ScanBusy(
                f"scan {scan_id} is already running in {workspace}: wait for it to finish, "
                "or give this one another --scan-id"
            )
        yield


@dataclass(frozen=True)
class Cleanup:
    removed: tuple[str, ...]
    kept_busy: tuple[str, ...]
    kept_recent: tuple[str, ...]


def remove_old_scans(workspace: Path, older_than_days: float, now: float | None = None) -> Cleanup:
    """Delete scan folders whose newest file is older than the limit and that no scan holds."""
    if older_than_days < 0:
        raise InputError(f"--older-than is {older_than_days}: it must be 0 days or more")
    scans = workspace / "scans"
    now = time.time() if now is None else now
    removed, busy, recent = [], [], []
    # A symlink is never a scan's folder: rmtree refuses one, and what it points to is not ours.
    folders = sorted(
        p for p in scans.iterdir() if p.is_dir() and not p.is_symlink() and SCAN_ID.fullmatch(p.name)
    ) if scans.is_dir() else []
    for folder in folders:
        if now - _newest_mtime(ScanPaths(workspace, folder.name)) < older_than_days * DAY_SECONDS:
            recent.append(folder.name)
            continue
        with exclusive_lock(lock_path(workspace, folder.name)) as held:
            if held:
                shutil.rmtree(folder)
        if not held:
            busy.append(folder.name)
            continue
        lock_path(workspace, folder.name).unlink(missing_ok=True)
        removed.append(folder.name)
    return Cleanup(tuple(removed), tuple(busy), tuple(recent))


def _newest_mtime(paths: ScanPaths) -> float:
    # The scan's own bookkeeping files, not the exported tree: its mtimes are the repository's.
    candidates = [paths.root, paths.checkout_manifest, paths.plan, paths.report, paths.shards]
    return max((p.stat().st_mtime for p in candidates if p.exists()), default=0.0)
