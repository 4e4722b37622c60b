"""The scan request: what to scan, why, and where the results go, built once at the edge.

`shoal scan`, the GitHub webhook and the nightly scheduler each build one `ScanRequest` with
their own constructor; the orchestrator parses the event back with `from_event`. Every field is
validated here (refs, the baseline's branches, the GitHub target; the repository too when the
caller knows the allowed hosts), and this is the only module that derives scan ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shoal.baseline import DEFAULT_BRANCH_KEY
from shoal.errors import InputError
from shoal.scanids import derive_scan_id, scan_identity
from shoal.source.specs import is_commit_id, parse_repository, validate_ref

TRIGGERS = ("cli", "push", "pull_request", "schedule")
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")  # a GitHub owner or repository name
_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class GitHubTarget:
    """Where the results go: the repository that owns the commit (for a fork's pull request, the
    base repository), the commit, and the full ref code scanning files the analysis under."""

    owner: str
    repo: str
    head_sha: str = ""  # empty: the commit the scan checked out
    ref: str = ""  # refs/heads/<branch> or refs/pull/<n>/head; needed for the SARIF upload
    pull_number: int | None = None

    @classmethod
    def from_event(cls, data: Any) -> GitHubTarget:
        if not isinstance(data, Mapping):
            raise InputError("the event's 'github' must be an object {owner, repo, head_sha, ref, pull_number}")
        owner, repo = str(data.get("owner") or ""), str(data.get("repo") or "")
        if not _NAME.fullmatch(owner) or not _NAME.fullmatch(repo):
            raise InputError(f"github.owner/repo {owner!r}/{repo!r} is not a GitHub repository name")
        head_sha = _optional(data, "head_sha", _SHA.fullmatch, "is not a full 40-hex commit sha")
        ref = _optional(data, "ref", lambda r: r.startswith("refs/"),
                        "must be a full ref such as refs/heads/main or refs/pull/7/head")
        number = data.get("pull_number")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool) or number < 1):
            raise InputError(f"github.pull_number {number!r} is not a pull request number")
        return cls(owner, repo, head_sha, ref, number)

    @classmethod
    def from_full_name(cls, full_name: str, head_sha: str = "", ref: str = "",
                       pull_number: int | None = None) -> GitHubTarget:
        """From GitHub's `owner/name`, validated as any event's target is."""
        owner, _, repo = full_name.partition("/")
        return cls.from_event({"owner": owner, "repo": repo, "head_sha": head_sha, "ref": ref,
                               "pull_number": pull_number})

    @classmethod
    def for_cli(cls, repository: str, ref: str | None, github_ref: str | None,
                pull_number: int | None = None) -> GitHubTarget:
        """`shoal scan --publish --github-repo OWNER/NAME`: the commit is the one the scan checks
        out; code scanning's ref is --github-ref, else refs/heads/<--ref> for a branch name."""
        if not github_ref and ref and not is_commit_id(ref):
            github_ref = ref if ref.startswith("refs/") else f"refs/heads/{ref}"
        if pull_number is not None and not github_ref:
            github_ref = f"refs/pull/{pull_number}/head"
        return cls.from_full_name(repository, ref=github_ref or "", pull_number=pull_number)

    def to_dict(self) -> dict[str, Any]:
        return {"owner": self.owner, "repo": self.repo, "head_sha": self.head_sha, "ref": self.ref,
                "pull_number": self.pull_number}


def _optional(data: Mapping[str, Any], key: str, valid: Any, problem: str) -> str:
    value = str(data.get(key) or "")
    if value and not valid(value):
        raise InputError(f"github.{key} {value!r} {problem}")
    return value


@dataclass(frozen=True)
class BaselineRequest:
    """Which baseline a scan compares against and whether it stores its own findings as it."""

    branch: str | None = None  # None: the branch of the ref, or the default branch's key
    store: bool = False  # a scan of the default branch (push, nightly): becomes the baseline
    default_branch: str | None = None  # the repository's default branch, when the trigger knows it
    repository: str | None = None  # whose baseline (a fork's pull request: the base repository's)

    @classmethod
    def from_event(cls, value: Any) -> BaselineRequest | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) - {"branch", "store", "default_branch", "repository"}:
            raise InputError("the scan request's 'baseline' must be an object with branch, store, "
                             "default_branch and repository")
        branch, default = value.get("branch"), value.get("default_branch")
        return cls(
            branch=validate_ref(str(branch)) if branch else None,
            store=bool(value.get("store", False)),
            default_branch=validate_ref(str(default)) if default else None,
            repository=str(value["repository"]) if value.get("repository") else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """`store` and the fields set: the event a trigger sends stays as small as it was written."""
        fields = {"branch": self.branch, "default_branch": self.default_branch, "repository": self.repository}
        return {"store": self.store, **{key: value for key, value in fields.items() if value is not None}}


@dataclass(frozen=True)
class Trigger:
    """What started the scan: kept in the event for logs and the execution's history."""

    kind: str  # one of TRIGGERS
    label: str = ""  # the branch, pull/<n> or the night
    delivery: str = ""  # GitHub's delivery id

    @classmethod
    def from_event(cls, value: Any) -> Trigger | None:
        if value is None:
            return None
        if not isinstance(value, dict) or value.get("kind") not in TRIGGERS or set(value) - {"kind", "label", "delivery"}:
            raise InputError(f"the scan request's 'trigger' must be an object with a kind ({', '.join(TRIGGERS)}), "
                             "a label and a delivery")
        return cls(str(value["kind"]), str(value.get("label") or ""), str(value.get("delivery") or ""))

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "label": self.label, **({"delivery": self.delivery} if self.delivery else {})}


@dataclass(frozen=True)
class ScanRequest:
    """What to scan: validated before anything touches the workspace."""

    scan_id: str
    repository: str
    ref: str | None  # the head: a branch, tag or commit (None: the default branch)
    base: str | None = None  # a diff scan: only what changed from merge-base(base, ref) to ref
    baseline: BaselineRequest | None = None
    worktree: dict[str, Any] | None = None  # a dirty working tree staged as a plain folder (shoal.source.worktree)
    github: GitHubTarget | None = None  # where results are published, if anywhere
    trigger: Trigger | None = None
    options: Mapping[str, Any] = field(default_factory=dict)  # Settings overrides (config.Settings.with_overrides)

    @property
    def head(self) -> str | None:
        return self.ref

    # ------------------------------------------------------------------ the wire and the checkpoint

    @classmethod
    def from_event(
        cls, event: Any, allowed_hosts: Sequence[str] | None = None, *, allow_local: bool = True
    ) -> ScanRequest:
        """The request an orchestrator event carries. With `allowed_hosts` the repository is
        checked as `shoal scan` checks it (a local path only if `allow_local`)."""
        if not isinstance(event, dict) or not event.get("repository"):
            raise InputError("the scan request needs a 'repository' (https URL or local path)")
        if not event.get("scan_id"):
            raise InputError("the scan request needs a 'scan_id'")
        repository = str(event["repository"])
        if allowed_hosts is not None:
            parse_repository(repository, allowed_hosts, allow_local=allow_local)
        if event.get("worktree") and repository.startswith("https://"):
            raise InputError("the scan request's 'worktree' describes a local working tree: a URL has none")
        options = event.get("options")
        if options is not None and not isinstance(options, dict):
            raise InputError("the scan request's 'options' must be an object")
        return cls(
            scan_id=str(event["scan_id"]),
            repository=repository,
            ref=_ref(event.get("ref")),
            base=_ref(event.get("base")),
            baseline=BaselineRequest.from_event(event.get("baseline")),
            worktree=_worktree(event.get("worktree")),
            github=GitHubTarget.from_event(event["github"]) if event.get("github") is not None else None,
            trigger=Trigger.from_event(event.get("trigger")),
            options=dict(options or {}),
        )

    def to_event(self) -> dict[str, Any]:
        """The orchestrator's input, JSON-safe; `from_event` reads it back to an equal request."""
        event: dict[str, Any] = {"scan_id": self.scan_id, "repository": self.repository, "ref": self.ref}
        optional = {
            "base": self.base,
            "baseline": self.baseline.to_dict() if self.baseline is not None else None,
            "worktree": self.worktree,
            "github": self.github.to_dict() if self.github is not None else None,
            "trigger": self.trigger.to_dict() if self.trigger is not None else None,
            "options": dict(self.options) if self.options else None,
        }
        event.update({key: value for key, value in optional.items() if value is not None})
        return event

    def to_checkpoint(self) -> dict[str, Any]:
        """The configure step's record: the event without its options, which the settings beside
        it already carry (a -c file's text can be far bigger than a checkpoint should be)."""
        return {key: value for key, value in self.to_event().items() if key != "options"}

    @classmethod
    def from_checkpoint(cls, value: Mapping[str, Any]) -> ScanRequest:
        """Back from `to_checkpoint`; values checkpointed before the request knew its GitHub
        target or trigger (asdict of the older record) read as well."""
        return cls.from_event({key: item for key, item in value.items() if item is not None})

    # ------------------------------------------------------------------ derived values

    def baseline_branch(self) -> str:
        """The branch a scan's findings are compared with: given, else the base of a diff scan,
        else the scanned ref when it is a name, else the default branch ("HEAD")."""
        if self.baseline is not None and self.baseline.branch:
            return self.baseline.branch
        for ref in (self.base, self.ref):
            if ref and not is_commit_id(ref):
                return ref
        return DEFAULT_BRANCH_KEY

    # ------------------------------------------------------------------ one constructor per trigger

    @classmethod
    def from_cli(
        cls, target: str, ref: str | None, *, base: str | None = None, options: Mapping[str, Any] | None = None,
        baseline: BaselineRequest | None = None, worktree: dict[str, Any] | None = None,
        github: GitHubTarget | None = None, scan_id: str | None = None,
        identity: Mapping[str, Any] | None = None, detail: str = "",
    ) -> ScanRequest:
        """`shoal scan` (or `shoal baseline create`): `target` is the canonical path or URL the CLI
        checked; `identity` the options that change results, which give the scan a folder of its
        own; `scan_id` overrides the derived id."""
        return cls(
            scan_id=scan_id or cli_scan_id(target, ref, base, identity, detail),
            repository=target, ref=_ref(ref), base=_ref(base), baseline=baseline,
            worktree=_worktree(worktree), github=github, trigger=Trigger("cli"), options=dict(options or {}),
        )

    @classmethod
    def from_push(
        cls, delivery: str, location: str, full_name: str, commit: str, branch: str, default_branch: str | None,
    ) -> ScanRequest:
        """A push to `branch` at `commit` (already checked: a 40-hex sha, an allowed clone URL).
        A push to the default branch becomes the baseline later pull requests are compared with."""
        baseline = BaselineRequest(branch=validate_ref(branch), store=branch == default_branch,
                                   default_branch=_ref(default_branch))
        github = (GitHubTarget.from_full_name(full_name, commit, f"refs/heads/{branch}")
                  if _is_full_name(full_name) else None)
        return cls(
            scan_id=_github_scan_id(location, full_name, commit, None), repository=location, ref=commit,
            baseline=baseline, github=github, trigger=Trigger("push", branch, delivery),
        )

    @classmethod
    def from_pull_request(
        cls, delivery: str, location: str, full_name: str, commit: str, number: int | None, *,
        base_full_name: str, base_sha: str | None, base_branch: str | None, default_branch: str | None,
        base_clone_url: str | None,
    ) -> ScanRequest:
        """A pull request's head `commit`, cloned from `location` (a fork's, maybe): a diff scan
        against `base_sha`, compared with the baseline of the branch it merges into and published
        on the base repository, where the pull request lives."""
        github = (GitHubTarget.from_full_name(base_full_name, commit, f"refs/pull/{number}/head", number)
                  if _is_full_name(base_full_name) else None)
        baseline = BaselineRequest(branch=_ref(base_branch), default_branch=_ref(default_branch),
                                   repository=base_clone_url or None)
        return cls(
            scan_id=_github_scan_id(location, full_name, commit, base_sha), repository=location, ref=commit,
            base=base_sha, baseline=baseline, github=github,
            trigger=Trigger("pull_request", f"pull/{number}", delivery),
        )

    @classmethod
    def from_nightly(cls, location: str, branch: str | None, night: str) -> ScanRequest:
        """The night's scan of `location` (an https URL) at `branch`, or its default branch. Each
        becomes its branch's baseline (the default branch's when none is named). Without a branch
        there is no ref for a SARIF upload (the default branch's name is not known until
        checkout); check runs and statuses need none."""
        path = "/".join(location.split("/")[3:]).removesuffix(".git")
        parts = path.split("/")
        github = (GitHubTarget.from_event({"owner": parts[0], "repo": parts[1],
                                           "ref": f"refs/heads/{branch}" if branch else ""})
                  if len(parts) == 2 else None)
        # Named by the repository's path (owner-name), not its host, which would crowd out the name.
        scan_id = derive_scan_id(path, scan_identity(location, branch or None, night=night), f"nightly-{night}")
        return cls(
            scan_id=scan_id, repository=location, ref=_ref(branch),
            baseline=BaselineRequest(branch=_ref(branch), store=True), github=github,
            trigger=Trigger("schedule", night),
        )


def cli_scan_id(
    target: str, ref: str | None, base: str | None = None, options: Mapping[str, Any] | None = None, detail: str = ""
) -> str:
    """Same target, refs and result-changing options, same scan folder: re-running a scan reuses
    (and resumes) it. `options` holds only the options given (a default scan's are empty)."""
    canonical = str(Path(target).resolve()) if not target.startswith("https://") else target.rstrip("/")
    identity = scan_identity(canonical, ref or "HEAD", base, **(options or {}))
    return derive_scan_id(Path(canonical.removesuffix(".git")).name, identity, detail)


def _github_scan_id(location: str, full_name: str, commit: str, base: str | None) -> str:
    """A webhook scan's id: a diff scan of a commit is not a full scan of it, so the base is part
    of the identity; the delivery is not (a redelivery scans the same thing)."""
    detail = f"{commit[:12]}-vs-{base[:12]}" if base else commit[:12]
    return derive_scan_id((full_name or "repo").replace("/", "-"), scan_identity(location, commit, base), detail)


def _is_full_name(full_name: str) -> bool:
    owner, _, repo = full_name.partition("/")
    return bool(owner and repo)


def _ref(value: Any) -> str | None:
    return validate_ref(str(value)) if value else None


def _worktree(value: Any) -> dict[str, Any] | None:
    if not value:
        return None
    from shoal.source.worktree import WorkingTree  # its staging helpers are the CLI's; the orchestrator needs only this

    return WorkingTree.from_dict(value).to_dict()
