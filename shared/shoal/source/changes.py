"""What a change touches: the files and head lines between the merge base of two commits and the
head, as GitHub's three-dot pull-request diff shows them, for scans that look only at a change.

The diff is read from git in two passes over the same file pairs (`--name-status -z` for exact
paths and statuses, `-U0` for the hunks); git emits both in the same order, so the i-th patch
section belongs to the i-th status record and no quoted path ever has to be parsed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from shoal.errors import InputError
from shoal.workspace import json_bytes

SCHEMA = "shoal/changes/v1"
# Exported in a diff scan besides the changed files: what the inventory and the plan read from
# the tree (ignore files, the repository's settings and committed baseline).
CONFIG_FILES = (".shoal.toml", ".shoal-baseline.json")
IGNORE_FILE = ".gitignore"

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_STATUS = {"A": "added", "M": "modified", "R": "renamed", "C": "copied", "T": "type-changed"}

GitRun = Callable[..., str]  # runs `git <args>` in the scratch repository, returns stdout


@dataclass(frozen=True)
class ChangedFile:
    """A file present at the head that the change added, modified, renamed or copied."""

    path: str
    status: str  # added | modified | renamed | copied | type-changed
    old_path: str | None  # the path at the merge base, for a rename or copy
    lines: tuple[tuple[int, int], ...]  # head lines added or modified: 1-based, inclusive ranges

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "old_path": self.old_path,
                "lines": [list(r) for r in self.lines]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChangedFile:
        return cls(data["path"], data["status"], data.get("old_path"),
                   tuple((int(a), int(b)) for a, b in data["lines"]))


@dataclass(frozen=True)
class ChangeSet:
    """Everything a diff scan needs to know about the change; lives in `changes.json`."""

    base: str  # the base commit as given, resolved
    merge_base: str
    head: str
    files: tuple[ChangedFile, ...]  # sorted by path
    deleted: tuple[str, ...]  # sorted

    @property
    def touched(self) -> frozenset[str]:
        return frozenset(f.path for f in self.files)

    def counts(self) -> dict[str, int]:
        """What the checkpoint carries: numbers, never the (possibly long) lists."""
        renamed = sum(1 for f in self.files if f.status == "renamed")
        lines = sum(b - a + 1 for f in self.files for a, b in f.lines)
        return {"touched": len(self.files), "deleted": len(self.deleted), "renamed": renamed, "lines": lines}

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "base": self.base, "merge_base": self.merge_base, "head": self.head,
                "files": [f.to_dict() for f in self.files], "deleted": list(self.deleted)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChangeSet:
        if data.get("schema") != SCHEMA:
            raise InputError(f"change set schema {data.get('schema')!r} is not {SCHEMA}")
        return cls(data["base"], data["merge_base"], data["head"],
                   tuple(ChangedFile.from_dict(f) for f in data["files"]), tuple(data["deleted"]))

    def to_bytes(self) -> bytes:
        return json_bytes(self.to_dict())


class LineIndex:
    """Answers "does this region touch a changed line?" for the files of a change set."""

    def __init__(self, changes: ChangeSet) -> None:
        self._starts = {f.path: [a for a, _ in f.lines] for f in changes.files}
        self._ends = {f.path: [b for _, b in f.lines] for f in changes.files}

    def intersects(self, path: str, start_line: int, end_line: int) -> bool:
        starts = self._starts.get(path)
        if not starts:
            return False
        end_line = max(start_line, end_line)
        # The last range starting at or before end_line is the only candidate (ranges are disjoint).
        index = bisect.bisect_right(starts, end_line) - 1
        return index >= 0 and self._ends[path][index] >= start_line


def diff(run: GitRun, base: str, merge_base: str, head: str) -> ChangeSet:
    """The change from `merge_base` to `head` (both full commit ids in the scratch repository)."""
    common = ["--no-ext-diff", "--no-textconv", "--no-color", "-M", "--end-of-options", merge_base, head]
    records = parse_name_status(run("diff", "-z", "--name-status", *common))
    patch = run("diff", "--unified=0", "--no-prefix", *common).encode("utf-8", "surrogateescape")
    sections = parse_hunks(patch)
    if len(sections) != len(records):
        raise ValueError(f"git diff gave {len(records)} file pairs but {len(sections)} patch sections")
    files: list[ChangedFile] = []
    deleted: list[str] = []
    for (status, old_path, path), lines in zip(records, sections, strict=True):
        if status == "deleted":
            deleted.append(path)
            continue
        # A pure rename changes no line; the file is still scanned, as it is new at its path.
        files.append(ChangedFile(path, status, old_path if status in ("renamed", "copied") else None, lines))
    return ChangeSet(base, merge_base, head, tuple(sorted(files, key=lambda f: f.path)), tuple(sorted(deleted)))


def parse_name_status(output: str) -> list[tuple[str, str | None, str]]:
    """(status, old path, path) per file pair of `git diff -z --name-status`."""
    fields = output.split("\0")
    records: list[tuple[str, str | None, str]] = []
    index = 0
    while index < len(fields) and fields[index]:
        letter = fields[index][0]
        if letter in ("R", "C"):
            records.append((_STATUS[letter], fields[index + 1], fields[index + 2]))
            index += 3
        elif letter == "D":
            records.append(("deleted", None, fields[index + 1]))
            index += 2
        elif letter in _STATUS:
            records.append((_STATUS[letter], None, fields[index + 1]))
            index += 2
        else:
            raise ValueError(f"git diff reported status {fields[index]!r}, which a commit diff never has")
    return records


def parse_hunks(patch: bytes) -> list[tuple[tuple[int, int], ...]]:
    """Per `diff --git` section, the head line ranges its hunks add or modify."""
    sections: list[list[tuple[int, int]]] = []
    for line in patch.split(b"\n"):
        if line.startswith(b"diff --git "):
            sections.append([])
        elif line.startswith(b"@@ ") and sections:
            match = _HUNK.match(line)
            if match is None:
                raise ValueError(f"unexpected hunk header {line[:80]!r}")
            start, count = int(match.group(1)), int(match.group(2) or 1)
            if count:
                sections[-1].append((start, start + count - 1))
    return [tuple(_merged(ranges)) for ranges in sections]


def _merged(ranges: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def is_config_path(path: str) -> bool:
    """Files a diff scan exports although the change may not touch them."""
    return path.rsplit("/", 1)[-1] == IGNORE_FILE or path in CONFIG_FILES


def under_folder(path: str, folder: str | None) -> bool:
    if not folder:
        return False
    prefix = PurePosixPath(folder).as_posix().rstrip("/") + "/"
    return path.startswith(prefix)
