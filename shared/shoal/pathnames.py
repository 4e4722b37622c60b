"""Paths as a scan reports them: file names are bytes on disk, reports are UTF-8 text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable


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


def parent_folders(paths: Iterable[str]) -> set[str]:
    """Every folder above the given relative POSIX paths, and "." (as PurePosixPath.parents
    names them), by string slicing: PurePosixPath cost 0.2 s on Django's 7,000 paths."""
    folders = {"."}
    for path in paths:
        end = path.rfind("/")
        while end > 0:
            folder = path[:end]
            if folder in folders:
                break  # and so are all of its own parents
            folders.add(folder)
            end = path.rfind("/", 0, end)
    return folders


_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def named_digest(name: str, identity: str, digest_chars: int) -> str:
    """A folder name: `name` made file-name safe (at most 60 characters), then a digest of
    `identity`, so distinct things with the same short name never share a folder."""
    slug = _UNSAFE_IN_NAME.sub("-", name).strip("-.") or "repo"
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:digest_chars]
    return f"{slug[:60]}-{digest}"
