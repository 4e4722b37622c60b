"""Refs as a developer types them for a repository on this machine (`HEAD~1`, `HEAD^`,
`origin/main`, a short sha), resolved with that repository before a scan starts.

Remote repositories keep requiring names (the checkout fetches by name). Here git reads the
local repository's own refs and objects only (rev-parse, show-ref, symbolic-ref run no hook,
filter or helper), with the system and global configuration left out.
"""

from __future__ import annotations

from pathlib import Path

from shoal.source import localgit
from shoal.errors import InputError
from shoal.source.checkout import is_git_repository
from shoal.source.specs import validate_ref

def resolve_local_ref(repository: Path, ref: str) -> str:
    """`ref` for a scan of the local `repository`: a branch or tag name stays a name (baselines
    go by branch), anything else git can read as a commit becomes its full id."""
    if ref.startswith("-"):
        raise InputError(f"the ref {ref!r} starts with '-': give a branch, a tag or a commit")
    if not is_git_repository(repository):
        return validate_ref(ref)
    if _is_branch_or_tag(repository, ref):
        return validate_ref(ref)
    commit = _commit_of(repository, ref)
    if commit is None:
        raise InputError(f"{repository} has no branch, tag or commit {ref!r}: `git log --oneline` lists its commits")
    return commit


def current_branch(repository: Path) -> str | None:
    """The branch checked out in a local repository (None: detached HEAD, or not a repository)."""
    if not is_git_repository(repository):
        return None
    name = _git(repository, "symbolic-ref", "--quiet", "--short", "HEAD")
    try:
        return validate_ref(name) if name else None
    except InputError:
        return None


def check_has_commits(repository: Path) -> None:
    """A clear error for a repository whose history is empty, before anything starts."""
    if is_git_repository(repository) and _commit_of(repository, "HEAD") is None:
        raise InputError(
            f"{repository} has no commits yet: commit your files (git add -A && git commit) and scan again"
        )


def _is_branch_or_tag(repository: Path, ref: str) -> bool:
    return any(_git(repository, "show-ref", "--verify", "--quiet", f"refs/{kind}/{ref}") is not None
               for kind in ("heads", "tags"))


def _commit_of(repository: Path, ref: str) -> str | None:
    return _git(repository, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")


def _git(repository: Path, *args: str) -> str | None:
    """git's output (stripped), None when it fails."""
    done = localgit.run(repository, *args)
    return done.stdout.decode("utf-8", "surrogateescape").strip() if done is not None and done.returncode == 0 else None
