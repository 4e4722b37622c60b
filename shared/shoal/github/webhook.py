"""A GitHub webhook delivery, judged: is it authentic, is it well formed, and does it start a scan?

Nothing here talks to AWS: `handle` returns the HTTP answer and, when a scan must start, the
orchestrator request; the Lambda handler does the invoke. A delivery that is refused or ignored
never starts anything.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

PR_ACTIONS = frozenset({"opened", "synchronize", "reopened"})
_DELETED = "0" * 40
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_SCAN_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class WebhookConfig:
    secret: bytes
    branches: frozenset[str] = frozenset({"main", "master"})
    max_body_bytes: int = 5 * 1024 * 1024


@dataclass(frozen=True)
class Decision:
    """The HTTP answer, and the orchestrator event to start (None: start nothing)."""

    status: int
    reason: str
    scan: dict[str, Any] | None = None
    execution_name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def response(self) -> dict[str, Any]:
        body = {"status": "accepted" if self.scan else "ignored" if self.status < 300 else "refused",
                "reason": self.reason, **self.extra}
        return {"statusCode": self.status, "headers": {"content-type": "application/json"},
                "body": json.dumps(body, sort_keys=True)}


def signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    """`X-Hub-Signature-256: sha256=<hex HMAC of the raw body>`, compared in constant time."""
    if not header or not header.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.strip().encode())


def raw_body(event: Mapping[str, Any]) -> bytes:
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        return base64.b64decode(body)
    return body.encode("utf-8")


def handle(event: Mapping[str, Any], config: WebhookConfig) -> Decision:
    """Judge an API Gateway HTTP API (payload v2) event carrying a GitHub delivery."""
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > config.max_body_bytes:
        return Decision(413, f"body over {config.max_body_bytes} bytes")
    body = raw_body(event)
    if len(body) > config.max_body_bytes:
        return Decision(413, f"body over {config.max_body_bytes} bytes")
    if not signature_matches(config.secret, body, headers.get("x-hub-signature-256")):
        return Decision(401, "missing or wrong X-Hub-Signature-256")
    try:
        payload = json.loads(body)
    except ValueError:
        return Decision(400, "the body is not JSON")
    if not isinstance(payload, dict):
        return Decision(400, "the body is not a JSON object")
    return route(headers.get("x-github-event", ""), headers.get("x-github-delivery", ""), payload, config)


def route(kind: str, delivery: str, payload: dict[str, Any], config: WebhookConfig) -> Decision:
    if kind == "ping":
        return Decision(200, "pong", extra={"zen": payload.get("zen", "")})
    if not delivery:
        return Decision(400, "missing X-GitHub-Delivery")
    if kind == "push":
        return _push(delivery, payload, config.branches)
    if kind == "pull_request":
        return _pull_request(delivery, payload)
    return Decision(202, f"event {kind or '(none)'} is not scanned")


def _push(delivery: str, payload: dict[str, Any], branches: frozenset[str]) -> Decision:
    ref = str(payload.get("ref", ""))
    after = str(payload.get("after", ""))
    if not ref.startswith("refs/heads/"):
        return Decision(202, f"push to {ref or 'an unknown ref'} is not a branch")
    branch = ref.removeprefix("refs/heads/")
    if payload.get("deleted") or after == _DELETED:
        return Decision(202, f"branch {branch} was deleted")
    if branch not in branches:
        return Decision(202, f"branch {branch} is not configured for scans ({', '.join(sorted(branches))})")
    repository = payload.get("repository") or {}
    default = repository.get("default_branch")
    # A push to the default branch becomes the baseline later pull requests are compared with.
    baseline = {"branch": branch, "store": branch == default, "default_branch": default if isinstance(default, str) else None}
    extra = {"github": _github_target(repository.get("full_name"), after, ref, None), "baseline": baseline}
    return _start(delivery, repository.get("clone_url"), repository.get("full_name"), after, "push", branch, extra)


def _pull_request(delivery: str, payload: dict[str, Any]) -> Decision:
    action = str(payload.get("action", ""))
    if action not in PR_ACTIONS:
        return Decision(202, f"pull_request action {action or '(none)'} is not scanned")
    head = (payload.get("pull_request") or {}).get("head") or {}
    repository = head.get("repo") or {}  # a fork's PR is cloned from the fork
    number = payload.get("number")
    # Results belong to the base repository, where the pull request lives, even from a fork.
    base = (payload.get("repository") or {}).get("full_name")
    github = _github_target(base, head.get("sha"), f"refs/pull/{number}/head", number)
    change = _pull_request_change(payload)
    if change is None:
        return Decision(400, "pull_request payload has a malformed base commit (pull_request.base.sha)")
    return _start(delivery, repository.get("clone_url"), repository.get("full_name"), head.get("sha"),
                  "pull_request", f"pull/{number}", {"github": github, **change})


def _pull_request_change(payload: dict[str, Any]) -> dict[str, Any] | None:
    """A diff scan's fields: the base commit (only what the pull request changes is scanned) and
    the baseline of the branch it merges into, in the base repository (also for a fork's PR).
    None when the base commit is malformed; without one, the scan is a full scan."""
    pr_base = (payload.get("pull_request") or {}).get("base") or {}
    base_sha = pr_base.get("sha")
    if base_sha is not None and not (isinstance(base_sha, str) and re.fullmatch(r"[0-9a-f]{40}", base_sha)):
        return None
    repository = payload.get("repository") or {}
    baseline = {
        "branch": _text(pr_base.get("ref")),
        "default_branch": _text(repository.get("default_branch")),
        "repository": _text(repository.get("clone_url")),
    }
    return {"baseline": baseline, **({"base": base_sha} if base_sha else {})}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _github_target(full_name: Any, head_sha: Any, ref: str, pull_number: Any) -> dict[str, Any] | None:
    """Where the orchestrator publishes results (check run, status, SARIF upload): owner, repo, the
    commit, and the ref code scanning files the analysis under."""
    owner, _, repo = str(full_name or "").partition("/")
    if not owner or not repo:
        return None
    number = pull_number if isinstance(pull_number, int) and not isinstance(pull_number, bool) else None
    return {"owner": owner, "repo": repo, "head_sha": head_sha, "ref": ref, "pull_number": number}


def _start(
    delivery: str, clone_url: Any, full_name: Any, commit: Any, trigger: str, label: str,
    extra: dict[str, Any] | None = None,
) -> Decision:
    """The orchestrator request; `extra` adds its optional fields (github, base, baseline)."""
    if not isinstance(clone_url, str) or not isinstance(commit, str) or not re.fullmatch(r"[0-9a-f]{40}", commit):
        return Decision(400, f"{trigger} payload lacks a clone URL or head commit")
    name = str(full_name or "repo")
    fields = {key: value for key, value in (extra or {}).items() if value is not None}
    # A diff scan of a commit is not a full scan of it: each gets its own scan folder.
    versus = f"-vs-{fields['base'][:12]}" if "base" in fields else ""
    scan_id = _SCAN_UNSAFE.sub("-", f"{name.replace('/', '-')}-{commit[:12]}{versus}").strip("-.")[:100]
    scan = {"scan_id": scan_id, "repository": clone_url, "ref": commit,
            "trigger": {"kind": trigger, "label": label, "delivery": delivery}, **fields}
    return Decision(202, f"scan of {name} at {commit[:12]} started", scan=scan,
                    execution_name=execution_name(delivery), extra={"scan_id": scan_id})


def execution_name(delivery: str) -> str:
    """From the delivery id, so a redelivery names the same execution and starts nothing new."""
    return ("gh-" + _NAME_UNSAFE.sub("-", delivery))[:64]


def parse_branches(raw: str | None, default: Sequence[str] = ("main", "master")) -> frozenset[str]:
    items = [b.strip() for b in (raw or "").split(",") if b.strip()]
    return frozenset(items or default)
