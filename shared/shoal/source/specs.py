"""Repository specs and refs as users and webhooks give them, parsed against an allowlist before git
ever sees them: only `https://` on allowlisted hosts and local paths, refs by git's own refname rules
or as hex commit ids, so nothing reaches git as an option or a transport helper."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from shoal.errors import InputError

RepoKind = Literal["https", "local"]

DEFAULT_ALLOWED_HOSTS: tuple[str, ...] = ("github.com",)

_HEX_ID = re.compile(r"^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$")
_FULL_ID = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_TRANSPORT_HELPER = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*::")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_REF_FORBIDDEN = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]")
_MAX_REF_LENGTH = 1024


@dataclass(frozen=True)
class RepoSpec:
    """A repository Shoal agreed to read: an allowlisted https URL or an absolute local path."""

    kind: RepoKind
    location: str  # normalised https URL, or resolved absolute local path

    @property
    def url(self) -> str:
        """What git is given to fetch from (the URL, or the local path)."""
        return self.location

    @property
    def path(self) -> Path:
        if self.kind != "local":
            raise ValueError(f"{self.location} is not a local repository")
        return Path(self.location)

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "location": self.location}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepoSpec:
        kind = data["kind"]
        if kind not in ("https", "local"):
            raise InputError(f"repository kind {kind!r} is not 'https' or 'local'")
        return cls(kind=kind, location=str(data["location"]))

    def __str__(self) -> str:
        return self.location


def is_commit_id(ref: str) -> bool:
    """A full or abbreviated commit id (SHA-1, or SHA-256 in full), not a branch or tag name."""
    return bool(_HEX_ID.fullmatch(ref))


def parse_repository(
    spec: str, allowed_hosts: Sequence[str] = DEFAULT_ALLOWED_HOSTS, *, allow_local: bool = True
) -> RepoSpec:
    """Turn a user's repository spec into a `RepoSpec`, or refuse it with an `InputError`.

    Accepted: `https://<allowlisted host>/<path>` and existing local directories. Everything
    else git would also accept (ssh, scp-style `host:path`, `git://`, `file://`, transport
    helpers such as `ext::`) is refused, because each is a way to make git run a command,
    read the local disk or talk to a host nobody approved. `allow_local=False` (a webhook, a
    deployed orchestrator) refuses local paths too, before the disk is looked at.
    """
    if not isinstance(spec, str) or not spec:
        raise InputError("the repository is empty: give an https URL or a local path")
    if _CONTROL.search(spec):
        raise InputError(
            "the repository contains control characters or newlines: give a plain https URL "
            "or local path"
        )
    if spec != spec.strip():
        raise InputError(f"the repository {spec!r} has leading or trailing spaces: remove them")
    if spec.startswith("-"):
        raise InputError(
            f"the repository {spec!r} starts with '-', which git would read as an option: "
            "give an https URL, or write a local path as ./" + spec
        )
    if _TRANSPORT_HELPER.match(spec):
        raise InputError(
            f"the repository {spec!r} uses a git transport helper ('<name>::'), which can run "
            "commands: give an https URL or a local path"
        )
    if _SCHEME.match(spec):
        return _parse_url(spec, allowed_hosts)
    if _looks_scp_style(spec):
        raise InputError(
            f"the repository {spec!r} looks like an ssh 'host:path' address, which is not "
            "supported: use the https URL (or write a local path containing ':' as ./path)"
        )
    if not allow_local:
        raise InputError(
            f"the repository {spec!r} is a local path, which is only accepted from the shoal command: "
            f"give an https URL on {', '.join(allowed_hosts) or 'an allowed host'}"
        )
    return _parse_local(spec)


def _looks_scp_style(spec: str) -> bool:
    # git treats "x:y" as ssh when the colon comes before any slash; mirror that exactly.
    colon = spec.find(":")
    if colon < 0:
        return False
    slash = spec.find("/")
    return slash < 0 or colon < slash


def _parse_url(spec: str, allowed_hosts: Sequence[str]) -> RepoSpec:
    _require_https(spec, allowed_hosts)
    if any(ch.isspace() for ch in spec) or "\\" in spec:
        raise InputError(f"the repository URL {spec!r} contains spaces or backslashes")
    try:
        parts = urlsplit(spec)
        port = parts.port
    except ValueError as exc:
        raise InputError(f"the repository URL {spec!r} is not a valid URL: {exc}") from None
    authority = _allowed_authority(spec, parts.netloc, (parts.hostname or "").lower(), port, allowed_hosts)
    if parts.query or parts.fragment or spec.endswith(("?", "#")):
        raise InputError(f"the repository URL {spec!r} must not have a query or fragment")
    segments = [s for s in parts.path.split("/") if s]
    if not segments or any(s in (".", "..") for s in segments):
        raise InputError(
            f"the repository URL {spec!r} needs a repository path like /owner/name, "
            "without '.' or '..' segments"
        )
    return RepoSpec(kind="https", location=f"https://{authority}/{'/'.join(segments)}")


def _require_https(spec: str, allowed_hosts: Sequence[str]) -> None:
    scheme = spec.split(":", 1)[0].lower()
    if scheme == "https":
        return
    hint = " (use https)" if scheme in ("http", "ssh", "git", "git+ssh") else ""
    if scheme == "file":
        hint = " (give the local path itself)"
    raise InputError(
        f"the repository URL scheme {scheme!r} is not allowed{hint}: only https:// URLs "
        f"on {', '.join(allowed_hosts) or 'no host'} are accepted"
    )


def _allowed_authority(
    spec: str, netloc: str, host: str, port: int | None, allowed_hosts: Sequence[str]
) -> str:
    """host[:port] of the URL, if it carries no credentials and is on the allowlist."""
    if "@" in netloc:
        shown = spec.replace(netloc, "***@" + netloc.rsplit("@", 1)[1], 1)  # the credentials never reach a log
        raise InputError(
            f"the repository URL {shown!r} contains a user name or credentials ('@' before the "
            "host): remove them; Shoal never sends credentials in URLs"
        )
    if not host:
        raise InputError(f"the repository URL {spec!r} has no host")
    if ":" in netloc and port is None:
        raise InputError(f"the repository URL {spec!r} has an empty port")
    authority = f"{host}:{port}" if port is not None else host
    allowed = {h.lower() for h in allowed_hosts}
    if authority not in allowed:
        raise InputError(
            f"the repository host {authority!r} is not allowed: allowed hosts are "
            f"{', '.join(sorted(allowed)) or 'none'} (configure the allowlist to add one)"
        )
    return authority


def _parse_local(spec: str) -> RepoSpec:
    path = Path(spec)
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise InputError(
            f"the repository {spec!r} is neither an https URL nor an existing local directory"
        ) from None
    if not resolved.is_dir():
        raise InputError(f"the local repository {spec!r} is not a directory")
    return RepoSpec(kind="local", location=str(resolved))


def validate_ref(ref: str) -> str:
    """Return `ref` if it is a safe branch/tag name or hex commit id, else raise `InputError`.

    Names follow `git check-ref-format --allow-onelevel`, implemented here so no process runs;
    on top of that a leading '-' is refused so a ref can never be read as an option.
    """
    if not isinstance(ref, str) or not ref:
        raise InputError("the ref is empty: give a branch, a tag or a commit id")
    if _HEX_ID.fullmatch(ref):
        return ref
    problem = _refname_problem(ref)
    if problem:
        raise InputError(
            f"the ref {ref!r} is not valid ({problem}): give a branch, a tag or a commit id"
        )
    return ref


def _refname_problem(ref: str) -> str | None:
    checks: tuple[tuple[bool, str], ...] = (
        (len(ref) > _MAX_REF_LENGTH, "it is too long"),
        (ref.startswith("-"), "it starts with '-'"),
        (bool(_REF_FORBIDDEN.search(ref)), "it contains a space, a control character or one of ~^:?*[\\"),
        (".." in ref, "it contains '..'"),
        ("@{" in ref, "it contains '@{'"),
        (ref == "@", "it is '@'"),
        (ref.startswith("/") or ref.endswith("/") or "//" in ref, "it has an empty path component"),
        (ref.endswith("."), "it ends with '.'"),
    )
    for failed, reason in checks:
        if failed:
            return reason
    for component in ref.split("/"):
        if component.startswith("."):
            return "a component starts with '.'"
        if component.endswith(".lock"):
            return "a component ends with '.lock'"
    return None
