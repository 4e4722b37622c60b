"""Reading files of a checked-out tree that may have changed under us: a path planned as a
regular file can since have become a symlink (out of the tree), a FIFO (an open that never
returns) or a folder. Every reader opens without following and without blocking, then checks."""

from __future__ import annotations

import errno
import os
import stat

_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)


class NotRegularFile(ValueError):
    """The path is a symlink, a FIFO, a device or a folder, not a regular file."""

    def __init__(self) -> None:
        super().__init__("not a regular file")


def open_regular(path: str) -> tuple[int, os.stat_result]:
    """A read descriptor for the regular file at `path`, and its stat; the caller closes it."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symlink
            raise NotRegularFile() from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise NotRegularFile()
    return fd, info


def read_regular(path: str) -> bytes:
    """The whole content of the regular file at `path` (NotRegularFile if it is not one)."""
    fd, info = open_regular(path)
    try:
        # One read takes the file whole (+1 to see its end); a file that grew is still read to EOF.
        chunks = [os.read(fd, info.st_size + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, 1024 * 1024))
        return b"".join(chunks)
    finally:
        os.close(fd)
