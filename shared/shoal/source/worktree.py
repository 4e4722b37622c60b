"""`shoal scan <dir>` of a git working tree: what is on disk (uncommitted edits, untracked files
not ignored), staged as a plain folder, or the commit itself when nothing under <dir> differs."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from shoal.source import localgit
from shoal.errors import InputError
from shoal.repoconfig import FILE_NAME, load_repo_config
from shoal.source.checkout import is_git_repository
from shoal.source.staged import Staged, stage_files


@dataclass(frozen=True)
class Changes:
    """How the working tree differs from its commit, in the paths that matter to the scan."""

    modified: int = 0
    added: int = 0  # new files in the index
    deleted: int = 0
    untracked: int = 0

    @property
    def total(self) -> int:
        return self.modified + self.added + self.deleted + self.untracked

    def describe(self) -> str:
        return (f"{self.modified} modified, {self.added} added, {self.deleted} deleted, "
                f"{self.untracked} untracked")


@dataclass(frozen=True)
class WorkingTree:
    """A dirty working tree as the event and the reports carry it."""

    repository: str  # the repository's root, as the user's files are found
    commit: str  # HEAD's commit the edits apply to
    changes: Changes = field(default_factory=Changes)

    def describe(self) -> str:
        return f"working tree of {self.commit[:12]} with uncommitted changes ({self.changes.describe()})"

    def to_dict(self) -> dict[str, Any]:
        return {"repository": self.repository, "commit": self.commit, **asdict(self.changes)}

    @classmethod
    def from_dict(cls, value: Any) -> WorkingTree:
        names = {"repository", "commit", "modified", "added", "deleted", "untracked"}
        if not isinstance(value, dict) or set(value) != names:
            raise InputError(f"the scan request's 'worktree' must be an object with {', '.join(sorted(names))}")
        counts = {name: value[name] for name in ("modified", "added", "deleted", "untracked")}
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts.values()):
            raise InputError("the scan request's 'worktree' counts must be whole numbers, 0 or more")
        return cls(repository=str(value["repository"]), commit=str(value["commit"]), changes=Changes(**counts))


@dataclass(frozen=True)
class LocalTarget:
    """A folder inside a git repository: its root, and the folder relative to it ('' for the root)."""

    root: Path
    folder: str

    @property
    def has_working_tree(self) -> bool:
        """False for a bare repository: there is only its commit to scan."""
        return (self.root / ".git").exists()


def enclosing_repository(path: Path) -> LocalTarget | None:
    """The git repository holding the folder `path` (found from the file system, never by running
    git in it), else None: a plain folder."""
    start = path.resolve()
    if not start.is_dir():
        return None
    for candidate in (start, *start.parents):
        if is_git_repository(candidate):
            folder = start.relative_to(candidate).as_posix()  # `.github` keeps its dot; the root is ''
            return LocalTarget(root=candidate, folder="" if folder == "." else folder)
    return None


def changes_under(target: LocalTarget) -> Changes:
    """What differs between HEAD and the working tree under the folder, or in a file that
    configures its scan (.shoal.toml, its rules folder, a .gitignore above the folder)."""
    out = _git(target.root, "status", "--porcelain=v2", "-z", "--untracked-files=all", "--ignore-submodules=all",
               "--no-renames")
    counts = {"modified": 0, "added": 0, "deleted": 0, "untracked": 0}
    relevant = _relevance(target)
    for kind, path in parse_status(out):
        if relevant(path):
            counts[kind] += 1
    return Changes(**counts)


def parse_status(out: bytes) -> Iterator[tuple[str, str]]:
    """(modified | added | deleted | untracked, path) for each entry of `git status --porcelain=v2 -z`
    (run with --no-renames, so an entry is one path)."""
    for record in out.split(b"\0"):
        if not record:
            continue
        text = record.decode("utf-8", "surrogateescape")
        if text.startswith("? "):
            yield "untracked", text[2:]
        elif text.startswith("1 "):
            fields = text.split(" ", 8)  # 1 XY sub mH mI mW hH hI path
            index, work = fields[1][0], fields[1][1]
            if work == "D" or (index == "D" and work == "."):
                if index != "A":  # added, then deleted before a commit: nothing to report
                    yield "deleted", fields[8]
            elif index == "A":
                yield "added", fields[8]
            else:
                yield "modified", fields[8]
        elif text.startswith("u "):
            yield "modified", text.split(" ", 10)[10]  # an unresolved merge conflict


def _relevance(target: LocalTarget) -> Any:
    folder = target.folder
    configuring = {FILE_NAME, *(f"{p}/.gitignore" if str(p) != "." else ".gitignore"
                                for p in (PurePosixPath(folder or "."), *PurePosixPath(folder or ".").parents))}
    rules = load_repo_config(target.root).rules_folder if (target.root / FILE_NAME).is_file() else None

    def relevant(path: str) -> bool:
        return (not folder or path.startswith(f"{folder}/") or path in configuring
                or bool(rules and path.startswith(f"{rules.rstrip('/')}/")))

    return relevant


def head_commit(root: Path) -> str:
    return _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()


def working_files(target: LocalTarget) -> list[str]:
    """The files under the folder as a scan of the working tree sees them: tracked ones (a deleted
    one is left out when copied) and untracked ones the ignore files do not exclude."""
    pathspec = [f"{target.folder}/"] if target.folder else []
    out = _git(target.root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *pathspec)
    return sorted({p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p})


def ignored_folder(target: LocalTarget) -> bool:
    """True for a subfolder the repository's ignore files exclude, itself or through a folder above
    it, and that tracks nothing: scanned within the repository it would show no file at all (a
    vendored tree, a build output), so it is the folder's own files the user asks for."""
    if not target.folder or not target.has_working_tree:
        return False
    # check-ignore, not `ls-files --others --ignored --directory`: that one fails ("directory entry
    # not superset of prefix") for a folder inside an ignored one.
    ignored = _git_done(target.root, "check-ignore", "--quiet", "--", f"{target.folder}/", codes=(0, 1),
                        pathspecs=False)  # 1: not ignored
    return ignored.returncode == 0 and not _git(target.root, "ls-files", "-z", "--cached", "--", f"{target.folder}/")


def stage_working_tree(target: LocalTarget, workspace: Path) -> Staged:
    """Copy the folder's working files (and the files configuring their scan) into the workspace."""
    return stage_files(target.root, [target.folder or "."], working_files(target), workspace)


def _git(root: Path, *args: str) -> bytes:
    """A read-only git command's output (_git_done)."""
    return _git_done(root, *args).stdout


def _git_done(root: Path, *args: str, codes: tuple[int, ...] = (0,),
              pathspecs: bool = True) -> subprocess.CompletedProcess[bytes]:
    """A read-only git command in the repository (shoal.source.localgit), with the content filters its
    configuration names switched off: `status` could run a clean filter on a file whose stat changed.
    An exit status outside `codes` is an InputError; `pathspecs`: see localgit.run."""
    drivers = _filter_drivers(root) if args[0] == "status" else []
    done = localgit.run(root, *args, config=_no_filters(drivers), pathspecs=pathspecs)
    if done is None or done.returncode not in codes:
        raise InputError(f"git cannot read the working tree of {root} ({localgit.first_error_line(done)}): "
                         "scan a commit with --ref HEAD")
    return done


def _filter_drivers(root: Path) -> list[str]:
    """The content filter drivers the repository's configuration names (reading it runs nothing)."""
    done = localgit.run(root, "config", "--name-only", "--get-regexp", r"^filter\..*\.(clean|process)$")
    names = done.stdout.decode("utf-8", "surrogateescape").split() if done is not None else []
    return sorted({name.split(".", 1)[1].rsplit(".", 1)[0] for name in names})


def _no_filters(drivers: Sequence[str]) -> list[str]:
    return [f"filter.{driver}.{key}={value}" for driver in drivers
            for key, value in (("clean", ""), ("smudge", ""), ("process", ""), ("required", "false"))]
