"""Which files of an exported tree get analysed, and why every other one does not.

The walk is iterative (`os.scandir` and a stack, so deep trees cannot hit the recursion limit),
never follows a symlink, never opens anything but a regular file, and reads at most the first
8 KiB of a file. Every path left out is reported with one reason, so "why was X not scanned?"
always has an answer.

Reasons, in the order they are checked (the first that applies wins):
  bad-filename, symlink, special-file, user-exclude, gitignored, vendored (directories),
  generated / minified (by name), not-included (files outside the include patterns),
  unsupported-language (unless text files are wanted), too-large, binary,
  generated / minified (by content).
An excluded directory is reported once, as itself, rather than file by file.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from fnmatch import translate
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pathspec

from shoal.errors import InputError
from shoal.languages import TEXT, detect_language
from shoal.models import Exclusion, SourceFile
from shoal.pathnames import is_utf8, printable
from shoal.source.regularfiles import NotRegularFile, open_regular

if TYPE_CHECKING:
    from shoal.config import Settings
    from shoal.source.packed import PackedSource
    from shoal.repoconfig import RepoConfig

DEFAULT_MAX_FILE_BYTES = 1_048_576
HEAD_BYTES = 8192

VENDORED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".bzr",
    "node_modules", "bower_components", "jspm_packages",
    "vendor", "third_party", "third-party", "thirdparty",
    "site-packages", "dist-packages", ".venv", ".tox", ".nox",
    "Pods", "Carthage",
})
GENERATED_NAMES = (
    "*_pb2.py", "*_pb2.pyi", "*_pb2_grpc.py", "*.pb.go", "*.pb.gw.go", "*.pb.cc", "*.pb.h",
    "*.generated.*", "*_generated.go", "*.g.go",
)
MINIFIED_NAMES = ("*.min.js", "*.min.mjs", "*.min.css", "*-min.js", "*.bundle.min.*")
# Each list as one regex, as fnmatchcase matches each pattern (one match per file instead of ten:
# a sixth of the inventory's time on Django's 6,900 files).
_GENERATED_NAME = re.compile("|".join(translate(p) for p in GENERATED_NAMES))
_MINIFIED_NAME = re.compile("|".join(translate(p) for p in MINIFIED_NAMES))
# Languages where hand-written code never has kilobyte-long average lines.
_MINIFIABLE = frozenset({"javascript", "typescript", "tsx"})
_MINIFIED_AVG_LINE = 300
_MINIFIED_MIN_BYTES = 1024
_GENERATED_HEAD_LINES = 10
_GENERATED_MARKERS = (
    re.compile(rb"@generated\b"),
    re.compile(rb"DO NOT EDIT"),
    re.compile(rb"Code generated .* DO NOT EDIT"),
)


@dataclass(frozen=True)
class Inventory:
    """The files to analyse (sorted by path) and the paths left out (sorted by path, reason)."""

    files: tuple[SourceFile, ...]
    exclusions: tuple[Exclusion, ...]

    def counts_by_reason(self) -> dict[str, int]:
        counts = Counter(e.reason for e in self.exclusions)
        return dict(sorted(counts.items()))

    @property
    def total_bytes(self) -> int:
        return sum(f.bytes for f in self.files)

    def summary(self) -> dict[str, Any]:
        """A checkpoint-sized view: counts only, never the path lists."""
        return {
            "files": len(self.files),
            "bytes": self.total_bytes,
            "excluded": self.counts_by_reason(),
        }


@dataclass(frozen=True)
class _IgnoreLevel:
    """One .gitignore file, scoped to the folder it sits in ("" for the root)."""

    base: str
    spec: pathspec.GitIgnoreSpec


def build_inventory(
    root: Path,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    extra_excludes: Sequence[str] = (),
    include: Sequence[str] = (),
    respect_gitignore: bool = True,
    text_files: bool = False,
    listed: Collection[str] | None = None,
    packed: PackedSource | None = None,
) -> Inventory:
    """Walk `root` and decide, for every entry, whether it is analysed or why not.

    `respect_gitignore=False` is for trees exported from git, if the caller wants files that
    were committed despite a .gitignore (force-added) to be scanned too.

    `listed` (a folder read in place) limits the walk to the files the checkout read: the tree
    is then exactly the one an export of those files would hold (the checkout reported the rest,
    and a file added since is not part of the scan).

    `packed` (a checkout packed into one blob file) walks the pack's index instead of the folder:
    `root` then holds only the configuring files, loose, where the .gitignore files are read.
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root} is not a directory: nothing to inventory")
    present = _Listing.of(listed) if listed is not None else None
    tree = _PackedTree.of(packed, str(root)) if packed is not None else None
    user_spec = _user_spec(extra_excludes, "exclude")
    include_spec = _user_spec(include, "include")
    files: list[SourceFile] = []
    exclusions: list[Exclusion] = []
    stack: list[tuple[str, str, tuple[_IgnoreLevel, ...]]] = [(str(root), "", ())]
    while stack:
        directory, prefix, levels = stack.pop()
        entries = tree.entries(prefix) if tree is not None else _scan(directory, prefix, exclusions)
        # Looked up in the listing: a stat for the .gitignore of every folder was a tenth of the plan.
        if respect_gitignore and any(entry.name == ".gitignore" for entry in entries):
            levels = levels + _load_gitignore(directory, prefix)
        if present is not None:
            entries = [entry for entry in entries if present.holds(entry, prefix + entry.name)]
        for entry in entries:
            rel = prefix + entry.name
            reason = _entry_reason(entry, rel, user_spec, levels)
            if reason is not None:
                exclusions.append(Exclusion(path=printable(rel), reason=reason))
            elif entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel + "/", levels))
            elif include_spec is not None and not include_spec.match_file(rel):
                exclusions.append(Exclusion(path=printable(rel), reason="not-included"))
            else:
                kept = _classify_file(entry, rel, max_file_bytes, text_files)
                if isinstance(kept, SourceFile):
                    files.append(kept)
                else:
                    exclusions.append(Exclusion(path=rel, reason=kept))
    return Inventory(
        files=tuple(sorted(files, key=lambda f: f.path)),
        exclusions=tuple(sorted(exclusions, key=lambda e: (e.path, e.reason))),
    )


@dataclass(frozen=True)
class _Listing:
    """The files a checkout read in place, and the folders holding them."""

    files: frozenset[str]
    folders: frozenset[str]

    @classmethod
    def of(cls, listed: Collection[str]) -> _Listing:
        folders: set[str] = set()
        for rel in listed:
            cut = rel.rfind("/")
            while cut > 0 and rel[:cut] not in folders:  # a known folder's parents are known too
                folders.add(rel[:cut])
                cut = rel.rfind("/", 0, cut)
        return cls(frozenset(listed), frozenset(folders))

    def holds(self, entry: os.DirEntry[str], rel: str) -> bool:
        # A symlink to a folder is not a folder here: the checkout skipped and reported it.
        if entry.is_dir(follow_symlinks=False):
            return rel in self.folders
        return rel in self.files


@dataclass(frozen=True)
class _PackedEntry:
    """A file or folder of a packed tree, answering as much of os.DirEntry as the walk asks."""

    name: str
    path: str  # where it would be under the root: the loose .gitignore files are there
    rel: str
    size: int  # -1: a folder
    source: PackedSource

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return self.size < 0

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return self.size >= 0

    def is_symlink(self) -> bool:
        return False  # the export packed regular files only

    def head(self) -> bytes:
        return self.source.head(self.rel, HEAD_BYTES)


@dataclass(frozen=True)
class _PackedTree:
    """The entries of each folder of a packed tree, keyed by the folder's prefix ("" or "a/b/")."""

    folders: dict[str, list[_PackedEntry]]

    @classmethod
    def of(cls, source: PackedSource, root: str) -> _PackedTree:
        folders: dict[str, list[_PackedEntry]] = {"": []}
        for rel, entry in source.entries.items():
            parts = rel.split("/")
            for depth in range(len(parts)):
                prefix = "".join(p + "/" for p in parts[:depth])
                here = prefix + parts[depth]
                is_file = depth == len(parts) - 1
                if not is_file and here + "/" in folders:
                    continue  # the folder is listed already
                folders.setdefault(prefix, []).append(_PackedEntry(
                    parts[depth], os.path.join(root, *parts[:depth + 1]), here,
                    entry.size if is_file else -1, source))
                if not is_file:
                    folders[here + "/"] = []
        return cls(folders)

    def entries(self, prefix: str) -> list[Any]:
        return self.folders.get(prefix, [])


def _user_spec(patterns: Sequence[str], kind: str) -> pathspec.GitIgnoreSpec | None:
    """The user's `kind` (include or exclude) patterns; a malformed one is named in the error."""
    if isinstance(patterns, str):
        patterns = [patterns]  # a lone string would otherwise be read character by character
    if not patterns:
        return None
    try:
        return pathspec.GitIgnoreSpec.from_lines(list(patterns))
    except Exception:  # noqa: BLE001 - pathspec raises several types for malformed patterns
        pass
    for pattern in patterns:  # only on failure: which pattern it was
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"the {kind} pattern {printable(pattern)!r} is not valid gitignore syntax: {exc}") from None
    raise InputError(f"the {kind} patterns are not valid gitignore syntax together: {', '.join(map(printable, patterns))}")


def _scan(directory: str, prefix: str, exclusions: list[Exclusion]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as it:
            return list(it)  # in the file system's order: the inventory's lists are sorted at the end
    except OSError:
        # An unreadable folder is reported, not fatal: the rest of the tree is still worth scanning.
        exclusions.append(Exclusion(path=printable(prefix.rstrip("/") or "."), reason="unreadable"))
        return []


def _load_gitignore(directory: str, prefix: str) -> tuple[_IgnoreLevel, ...]:
    path = os.path.join(directory, ".gitignore")
    try:
        st = os.lstat(path)
    except OSError:
        return ()
    if not stat.S_ISREG(st.st_mode):
        return ()  # a symlinked or special .gitignore is not followed
    try:
        with open(path, "rb") as handle:
            text = handle.read(1_048_576).decode("utf-8", "replace")
        spec = pathspec.GitIgnoreSpec.from_lines(text.splitlines())
    except Exception:  # noqa: BLE001 - a broken .gitignore ignores nothing, as git would mostly do
        return ()
    return (_IgnoreLevel(base=prefix, spec=spec),)


def _gitignored(rel: str, is_dir: bool, levels: Iterable[_IgnoreLevel]) -> bool:
    # Deeper .gitignore files override shallower ones, and the last matching pattern wins,
    # including negations: so ask the deepest level first and stop at its first opinion.
    for level in reversed(tuple(levels)):
        local = rel[len(level.base):] + ("/" if is_dir else "")
        include = level.spec.check_file(local).include
        if include is not None:
            return include
    return False


def _entry_reason(
    entry: os.DirEntry[str],
    rel: str,
    user_spec: pathspec.GitIgnoreSpec | None,
    levels: tuple[_IgnoreLevel, ...],
) -> str | None:
    """The reason to skip an entry before looking inside it, or None to keep going."""
    if not is_utf8(rel):
        return "bad-filename"
    if entry.is_symlink():
        return "symlink"
    is_dir = entry.is_dir(follow_symlinks=False)
    if not is_dir and not entry.is_file(follow_symlinks=False):
        return "special-file"
    suffix = "/" if is_dir else ""
    if user_spec is not None and user_spec.match_file(rel + suffix):
        return "user-exclude"
    if _gitignored(rel, is_dir, levels):
        return "gitignored"
    if is_dir and entry.name in VENDORED_DIRS:
        return "vendored"
    if not is_dir and entry.name == ".git":
        return "vendored"  # a worktree's gitfile
    return None


def _classify_file(entry: os.DirEntry[str], rel: str, max_file_bytes: int, text_files: bool) -> SourceFile | str:
    """A `SourceFile` for a file worth analysing, else the reason it is not.

    With `text_files`, a file in no supported language is kept as TEXT when it is not binary:
    secrets hide in .env, YAML and JSON as much as in code.
    """
    name = entry.name
    if _GENERATED_NAME.match(name):
        return "generated"
    if _MINIFIED_NAME.match(name.lower()):
        return "minified"
    language = detect_language(rel) or (TEXT if text_files else None)
    if language is None:
        return "unsupported-language"
    try:
        size = entry.size if isinstance(entry, _PackedEntry) else entry.stat(follow_symlinks=False).st_size
    except OSError:
        return "unreadable"
    if size > max_file_bytes:
        return "too-large"
    head = entry.head() if isinstance(entry, _PackedEntry) else _read_head(entry.path)
    if head is None:
        return "unreadable"
    if b"\0" in head:
        return "binary"
    if _looks_generated(head):
        return "generated"
    if language in _MINIFIABLE and _looks_minified(head):
        return "minified"
    return SourceFile(path=rel, language=language, bytes=size)


def _read_head(path: str) -> bytes | None:
    # If the file became a FIFO or a symlink since scandir, nothing is read from it.
    try:
        fd, _ = open_regular(path)
    except (OSError, NotRegularFile):
        return None
    try:
        return os.read(fd, HEAD_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)


def _looks_generated(head: bytes) -> bool:
    first_lines = b"\n".join(head.split(b"\n", _GENERATED_HEAD_LINES)[:_GENERATED_HEAD_LINES])
    return any(marker.search(first_lines) for marker in _GENERATED_MARKERS)


def _looks_minified(head: bytes) -> bool:
    if len(head) < _MINIFIED_MIN_BYTES:
        return False
    lines = head.count(b"\n") + 1
    return len(head) / lines > _MINIFIED_AVG_LINE


@dataclass(frozen=True)
class InventoryOptions:
    """What a scan's plan inventories with, besides the tree and its own .shoal.toml."""

    max_file_bytes: int
    text_files: bool  # a security scan also searches text files for secrets
    include: tuple[str, ...] = ()  # patterns given as flags, added to .shoal.toml's
    exclude: tuple[str, ...] = ()
    config_toml: str = ""  # a .shoal.toml given with -c, used instead of the repository's

    @classmethod
    def from_settings(cls, settings: Settings) -> InventoryOptions:
        return cls(max_file_bytes=settings.max_file_bytes, text_files=settings.security, include=settings.include,
                   exclude=settings.exclude, config_toml=settings.config_toml)


def inventory_of(src: Path, options: InventoryOptions, repo: RepoConfig | None = None) -> Inventory:
    """The plan's inventory of the tree exported to `src` (or of the folder read in place for that
    scan), as its .shoal.toml (`repo`, read if not given) configures it."""
    from shoal.repoconfig import configured
    from shoal.source import packed
    from shoal.source.inplace import load_beside

    # A plain folder is read in place: walk it, as far as the checkout read it.
    in_place = load_beside(src)
    root = Path(in_place.root) if in_place is not None else src
    repo = repo if repo is not None else configured(root, options.config_toml, options.include, options.exclude)
    return build_inventory(
        root,
        max_file_bytes=options.max_file_bytes,
        include=repo.include,
        extra_excludes=repo.exclude,
        text_files=options.text_files,
        listed=in_place.digests.keys() if in_place is not None else None,
        packed=packed.load_beside(src) if in_place is None else None,
    )
