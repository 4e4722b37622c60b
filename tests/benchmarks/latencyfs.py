"""A FUSE pass-through file system that waits one network round trip on every operation an NFS
client sends to its server: the stand-in `nfs_bench.py --fuse` mounts where the kernel has no NFS
server or client (nor netem), so that a workspace's file creations still cost what they would on
a network file system. It is not NFS: no server, no protocol, and the kernel's FUSE caches
(entries and attributes for a second) stand in for the NFS client's.

Waited, like an NFS RPC: lookups and attribute reads that reach it (GETATTR), create, mkdir,
mknod, symlink, link, unlink, rmdir, rename (one each), open (OPEN), the close of a file
(CLOSE; with written data one more, for the WRITE/COMMIT of close-to-open consistency), fsync
(COMMIT), read (READ), readdir (READDIR), setattr-like calls (truncate, chmod, utimens) and statfs.
Writes themselves are buffered, as the NFS client buffers them until close.

Usage: python tests/benchmarks/latencyfs.py BACKING MOUNTPOINT ROUND_TRIP_MS   (runs in the
foreground until unmounted; needs libfuse3 and mfusepy, which `nfs_bench.py --fuse` installs)
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import time
from typing import Any

from mfusepy import FUSE, FuseOSError, Operations


class LatencyFS(Operations):
    """Every operation on `backing`, after `round_trip` seconds for those NFS sends to a server."""

    use_ns = True  # utimens gets nanoseconds, as os.utime(ns=) takes them

    def __init__(self, backing: str, round_trip: float) -> None:
        self.backing = os.path.realpath(backing)
        self.round_trip = round_trip
        self.dirty: set[int] = set()  # handles written since open: their close flushes
        self._mutex = threading.Lock()
        self.calls = 0

    def _wait(self, trips: int = 1) -> None:
        with self._mutex:
            self.calls += trips
        time.sleep(self.round_trip * trips)

    def _path(self, path: str) -> str:
        return os.path.join(self.backing, path.lstrip("/"))

    def getattr(self, path: str, fh: int | None = None) -> dict[str, Any]:
        self._wait()
        try:
            st = os.lstat(self._path(path)) if fh is None else os.fstat(fh)
        except OSError as exc:
            raise FuseOSError(exc.errno) from None
        keys = ("st_mode", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime")
        return {key: getattr(st, key) for key in keys}

    def readdir(self, path: str, fh: int) -> list[str]:
        self._wait()
        return [".", "..", *os.listdir(self._path(path))]

    def readlink(self, path: str) -> str:
        self._wait()
        return os.readlink(self._path(path))

    def access(self, path: str, amode: int) -> int:
        if not os.access(self._path(path), amode):
            raise FuseOSError(errno.EACCES)
        return 0

    def statfs(self, path: str) -> dict[str, int]:
        self._wait()
        st = os.statvfs(self._path(path))
        keys = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files", "f_flag",
                "f_frsize", "f_namemax")
        return {key: getattr(st, key) for key in keys}

    def mkdir(self, path: str, mode: int) -> int:
        self._wait()
        os.mkdir(self._path(path), mode)
        return 0

    def rmdir(self, path: str) -> int:
        self._wait()
        os.rmdir(self._path(path))
        return 0

    def mknod(self, path: str, mode: int, dev: int) -> int:
        self._wait()
        os.mknod(self._path(path), mode, dev)
        return 0

    def unlink(self, path: str) -> int:
        self._wait()
        os.unlink(self._path(path))
        return 0

    def symlink(self, target: str, source: str) -> int:
        self._wait()
        os.symlink(source, self._path(target))
        return 0

    def link(self, target: str, source: str) -> int:
        self._wait()
        os.link(self._path(source), self._path(target))
        return 0

    def rename(self, old: str, new: str) -> int:
        self._wait()
        os.rename(self._path(old), self._path(new))
        return 0

    def chmod(self, path: str, mode: int) -> int:
        self._wait()
        os.chmod(self._path(path), mode)
        return 0

    def chown(self, path: str, uid: int, gid: int) -> int:
        self._wait()
        os.chown(self._path(path), uid, gid)
        return 0

    def utimens(self, path: str, times: tuple[int, int] | None = None) -> int:
        self._wait()
        os.utime(self._path(path), ns=times) if times else os.utime(self._path(path))
        return 0

    def truncate(self, path: str, length: int, fh: int | None = None) -> int:
        self._wait()
        if fh is None:
            os.truncate(self._path(path), length)
        else:
            os.ftruncate(fh, length)
        return 0

    def open(self, path: str, flags: int) -> int:
        self._wait()
        return os.open(self._path(path), flags)

    def create(self, path: str, mode: int, fi: Any = None) -> int:
        self._wait()
        return os.open(self._path(path), os.O_RDWR | os.O_CREAT | os.O_TRUNC, mode)

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        self._wait()
        return os.pread(fh, size, offset)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        with self._mutex:
            self.dirty.add(fh)
        return os.pwrite(fh, data, offset)

    def fsync(self, path: str, datasync: int, fh: int) -> int:
        self._wait()
        os.fsync(fh)
        return 0

    def release(self, path: str, fh: int) -> int:
        with self._mutex:
            written = fh in self.dirty
            self.dirty.discard(fh)
        self._wait(2 if written else 1)
        os.close(fh)
        return 0


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit("usage: latencyfs.py BACKING MOUNTPOINT ROUND_TRIP_MS")
    backing, mountpoint, milliseconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    FUSE(LatencyFS(backing, milliseconds / 1000), mountpoint, foreground=True, allow_other=True)


if __name__ == "__main__":
    main()
