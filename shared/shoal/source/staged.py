"""`shoal scan FILE...`: files and folders scanned as their working tree holds them (what
pre-commit stages), within their repository, so its .shoal.toml and ignore files apply."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from shoal.errors import InputError
from shoal.pathnames import is_utf8, named_digest, printable
from shoal.repoconfig import FILE_NAME, load_repo_config
from shoal.scan.retention import hold_until_exit
from shoal.source.checkout import is_git_repository

STAGING = "staged"  # under the workspace: one folder per repository, rebuilt by each run
_GLOB_SPECIAL = "\\[]*?!#"


@dataclass(frozen=True)
class Staged:
    root: Path  # the repository (or folder) the paths belong to
    folder: Path  # the links to scan, as a plain folder
    include: tuple[str, ...]  # anchored patterns of exactly the given paths


def is_path_list(targets: Sequence[str]) -> bool:
    """Several targets, or one that is a file: scan those paths, not a whole repository."""
    if not targets or any(t.startswith("https://") for t in targets):
        return False
    return len(targets) > 1 or Path(targets[0]).is_file()


def repository_root(paths: Sequence[Path]) -> Path:
    """The nearest folder at or above the first path that is a git repository (found from the file
    system, never by running git in it), else, outside any repository, the folder holding every path."""
    start = paths[0].resolve()
    for folder in (start, *start.parents) if start.is_dir() else start.parents:
        if is_git_repository(folder):
            return folder
    return Path(os.path.commonpath([p if p.is_dir() else p.parent for p in (path.resolve() for path in paths)]))


def stage(targets: Sequence[str], workspace: Path) -> Staged:
    """Copy the given files (and the files of the given folders) with what configures their scan
    into a folder of the workspace; the include patterns keep findings to those paths."""
    paths = [Path(t) for t in targets]
    for path in paths:
        if not path.exists():
            raise InputError(f"{printable(str(path))} does not exist: give files or folders of a repository to scan")
        if not is_utf8(str(path)):
            raise InputError(f"{printable(str(path))}: the name is not valid UTF-8, which the reports cannot hold; "
                             "rename it (a scan of its folder lists it among the files left out)")
    root = repository_root(paths)
    relative = _wanted(root, [_inside(root, path) for path in paths])
    return stage_files(root, relative, (file for rel in relative for file in _files(root, rel)), workspace)


def stage_files(root: Path, relative: Sequence[str], files: Iterable[str], workspace: Path) -> Staged:
    """Bring the staging folder of `root` to exactly `files` (paths relative to `root`) and what
    configures their scan; `relative` (the paths asked for) become the include patterns.

    Files are hard links to the working tree's (the scan reads them in place through the links,
    checking each file's sha256: shoal.source.inplace), and the folder is kept between runs: a
    working tree staged again links only what changed since."""
    folder = workspace / STAGING / named_digest(root.name, str(root), 12)
    if not hold_until_exit(folder.with_name(folder.name + ".lock")):
        # Restaging it now would take files from under the other scan, which would skip them.
        raise InputError(f"another shoal scan is reading the working tree of {root} in {workspace}: wait for it "
                         "to finish, or give this one another --workspace")
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {*files, *_configuration(root, relative)}
    _remove_unwanted(folder, wanted)
    for rel in sorted(wanted):
        _copy(root, rel, folder)
    include = tuple(_anchored(rel, (root / rel).is_dir()) for rel in relative)
    return Staged(root=root, folder=folder, include=include)


def _remove_unwanted(folder: Path, wanted: set[str]) -> None:
    """Delete what a previous run staged and this one does not (a deleted or newly ignored file)."""
    for parent, dirs, names in os.walk(folder, topdown=False):
        for name in names:
            path = Path(parent) / name
            if path.relative_to(folder).as_posix() not in wanted:
                path.unlink()
        for name in dirs:
            with contextlib.suppress(OSError):  # not empty: it holds wanted files
                (Path(parent) / name).rmdir()


def _inside(root: Path, path: Path) -> str:
    resolved = path.resolve()
    if resolved != root and root not in resolved.parents:
        raise InputError(f"{path} is not inside the repository {root}: scan each repository's files separately")
    return resolved.relative_to(root).as_posix()


def _wanted(root: Path, relative: list[str]) -> list[str]:
    """The given files the repository's .shoal.toml includes: the include patterns given as
    flags add to its own, so a file outside them would otherwise be scanned after all."""
    include = load_repo_config(root).include
    if not include:
        return relative
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(list(include))
    return [rel for rel in relative if (root / rel).is_dir() or spec.match_file(rel)]


def _files(root: Path, rel: str) -> Iterator[str]:
    target = root / rel
    if not target.is_dir():
        yield rel
        return
    for folder, dirs, names in os.walk(target):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        for name in sorted(names):
            yield (Path(folder) / name).relative_to(root).as_posix()


def _configuration(root: Path, relative: Sequence[str]) -> Iterator[str]:
    """.shoal.toml, its rules folder, and the ignore files above each path."""
    if (root / FILE_NAME).is_file():
        yield FILE_NAME
        folder = load_repo_config(root).rules_folder
        if folder and (root / folder).is_dir():
            yield from _files(root, folder)
    for rel in relative:
        for parent in PurePosixPath(rel).parents:
            if (root / parent / ".gitignore").is_file():
                yield (parent / ".gitignore").as_posix()


def _copy(root: Path, rel: str, folder: Path) -> None:
    """Stage one file as a hard link to it (a copy across file systems). A staged file is never
    written to, only unlinked and linked again: written to, it could be a user's file."""
    source, dest = root / rel, folder / rel
    try:
        mine = os.lstat(source)
    except OSError:
        mine = None
    if mine is None or not stat.S_ISREG(mine.st_mode):
        with contextlib.suppress(OSError):  # a file a previous run staged is gone from the tree
            dest.unlink()
        return  # the plain-folder read reports what it skips; a link is never followed
    try:
        if _same_file(mine, os.lstat(dest)):
            return
        dest.unlink()
    except FileNotFoundError:
        dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)  # keeps the modification time the next run compares


def _same_file(mine: os.stat_result, staged: os.stat_result) -> bool:
    """The staged file is the source (its link) or a copy of it that is still current."""
    if (mine.st_dev, mine.st_ino) == (staged.st_dev, staged.st_ino):
        return True
    return mine.st_size == staged.st_size and mine.st_mtime_ns == staged.st_mtime_ns


def _anchored(rel: str, is_dir: bool) -> str:
    """A gitignore pattern matching exactly this path (or everything under this folder)."""
    if rel in ("", "."):
        return "**"
    escaped = "".join(f"\\{c}" if c in _GLOB_SPECIAL else c for c in rel)
    return f"/{escaped}/**" if is_dir else f"/{escaped}"
