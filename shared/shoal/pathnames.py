"""Paths as a scan reports them: file names are bytes on disk, reports are UTF-8 text."""

from __future__ import annotations


def is_utf8(name: str) -> bool:
    """Whether an os-decoded name (surrogateescape) is real UTF-8, as reports and git need."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    """A str that is always valid UTF-8: undecodable bytes appear as backslash escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
