"""Baselines: the findings of a branch at one commit, so later scans can say which findings are
new, which were there already (unchanged) and which are gone (fixed).

A baseline lives in the workspace, one file per repository and branch
(`<ws>/baselines/<repo-key>/<branch>.json`, published atomically), written by a scan of that
branch (push to the default branch, nightly, `shoal baseline create`). A repository can also
commit one as `.shoal-baseline.json`; when the scanned tree has that file, it wins, since it is
what the repository's owners decided to accept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from shoal.errors import InputError
from shoal.models import Comparison, Finding, finding_key
from shoal.pathnames import named_digest
from shoal.workspace import atomic_write

SCHEMA = "shoal/baseline/v1"
COMMITTED_FILE = ".shoal-baseline.json"
DEFAULT_BRANCH_KEY = "HEAD"  # what a scan without a ref (the default branch) is stored as



@dataclass(frozen=True)
class Baseline:
    repository: str
    branch: str
    commit: str
    tool_version: str
    findings: tuple[Finding, ...]

    def to_bytes(self) -> bytes:
        document = {
            "schema": SCHEMA,
            "repository": self.repository,
            "branch": self.branch,
            "commit": self.commit,
            "tool_version": self.tool_version,
            "findings": [f.to_dict() for f in self.findings],
        }
        return (json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode(
            "utf-8", "backslashreplace")

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> Baseline:
        try:
            document = json.loads(data)
            if document.get("schema") != SCHEMA:
                raise ValueError(f"schema is {document.get('schema')!r}, not {SCHEMA}")
            return cls(
                repository=str(document.get("repository", "")),
                branch=str(document.get("branch", "")),
                commit=str(document.get("commit", "")),
                tool_version=str(document.get("tool_version", "")),
                findings=tuple(Finding.from_dict(f) for f in document["findings"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"the baseline {where} is not a Shoal baseline ({exc}): recreate it with "
                "`shoal baseline create`, or delete it"
            ) from None


def repository_key(repository: str) -> str:
    """A folder name for a repository: readable slug plus a digest of its exact location."""
    canonical = repository.rstrip("/").removesuffix(".git")
    return named_digest(canonical.rsplit("/", 1)[-1], canonical, 16)


def branch_file(branch: str) -> str:
    # Branch names may hold '/', which must not become folders (nor '..' anything).
    return quote(branch, safe="") + ".json"


def baseline_path(workspace: Path, repository: str, branch: str) -> Path:
    return workspace / "baselines" / repository_key(repository) / branch_file(branch)


def store(workspace: Path, baseline: Baseline) -> Path:
    path = baseline_path(workspace, baseline.repository, baseline.branch)
    atomic_write(path, baseline.to_bytes())
    return path


def load(path: Path, where: str) -> Baseline | None:
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return Baseline.from_bytes(data, where)


def find_baseline(
    workspace: Path, src: Path, repository: str, branch: str | None, default_branch: str | None = None
) -> tuple[Baseline, str] | None:
    """The baseline a scan compares against, and where it came from, or None.

    The committed file first; then the workspace's for `branch`, falling back to the one a scan
    without a ref stored (the default branch's) unless `default_branch` names another branch.
    """
    committed = src / COMMITTED_FILE
    if committed.is_file() and not committed.is_symlink():
        found = load(committed, COMMITTED_FILE)
        if found is not None:
            return found, "committed"
    keys = [branch or DEFAULT_BRANCH_KEY]
    if branch and branch != DEFAULT_BRANCH_KEY and default_branch in (None, branch):
        # A branch without its own baseline (or the default branch by name) is compared with the
        # default branch's, as code scanning compares a pull request with its base.
        keys.append(DEFAULT_BRANCH_KEY)
    for key in keys:
        path = baseline_path(workspace, repository, key)
        found = load(path, str(path))
        if found is not None:
            return found, "workspace"
    return None


def compare(
    findings: Iterable[Finding],
    baseline: Baseline,
    source: str,
    in_scope: Callable[[str], bool],
    renames: Mapping[str, str] | None = None,
) -> Comparison:
    """Label `findings` (everything the scan found, before any diff filter) against `baseline`.

    Only baseline findings in files this scan looked at (`in_scope`) can be judged: one in a
    file the scan did not analyse is neither unchanged nor fixed, just not compared. A file the
    change renamed (`renames`: old path -> new path) keeps its findings under its new path.
    """
    renames = renames or {}
    current = {finding_key(f) for f in findings}
    relevant = [f for f in baseline.findings if in_scope(f.location.path)]

    def key(old: Finding) -> tuple[str, str]:
        return renames.get(old.location.path, old.location.path), old.fingerprint

    fixed = sorted((f for f in relevant if key(f) not in current), key=lambda f: f.sort_key)
    return Comparison(
        source=source,
        branch=baseline.branch,
        commit=baseline.commit,
        known=frozenset(key(f) for f in relevant),
        fixed=tuple(fixed),
    )



