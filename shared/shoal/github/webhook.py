"""A GitHub webhook delivery, judged: is it authentic, is it well formed, and does it start a scan?

Nothing here talks to AWS: `handle` returns the HTTP answer and, when a scan must start, the
orchestrator request; the Lambda handler does the invoke. A delivery that is refused or ignored
never starts anything.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from shoal.config import local_paths_allowed
from shoal.errors import InputError
from shoal.request import ScanRequest
from shoal.source.specs import DEFAULT_ALLOWED_HOSTS, parse_repository

PR_ACTIONS = frozenset({"opened", "synchronize", "reopened"})
_DELETED = "0" * 40
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_MAX_EXECUTION_NAME = 64  # Lambda's DurableExecutionName: 1-64 of [A-Za-z0-9_-]

# The fields Shoal reads from a delivery, and their types: anything else in a payload is never
# looked at (so never walked, however deep). Each "description" ends the 400's reason.
# A commit: "$" would also match before a trailing newline, which maxLength rules out.
_COMMIT = {"type": "string", "pattern": "^[0-9a-f]{40}$", "maxLength": 40, "description": "a commit id (40 hex digits)"}
_OBJECT = {"type": "object", "description": "an object"}
# Lengths bound what a delivery can put into the orchestrator's request (an async invoke takes 1 MB):
# git refuses refs over 1024 bytes, GitHub names are 39 + 100 characters.
_REF = {"type": "string", "maxLength": 1024, "description": "a ref name of at most 1024 characters"}
_URL = {"type": "string", "maxLength": 2048, "description": "a URL of at most 2048 characters"}
_NAME = {"type": "string", "maxLength": 256, "description": "an owner/name of at most 256 characters"}
_TEXT = {"type": "string", "maxLength": 256, "description": "a string of at most 256 characters"}
_REPOSITORY = {**_OBJECT, "properties": {"clone_url": _URL, "full_name": _NAME,
                                         "default_branch": {**_REF, "type": ["string", "null"]}}}
_COMMON = {"repository": _REPOSITORY, "sender": _OBJECT}
_SCHEMAS = {
    "push": {**_OBJECT, "required": ["ref", "after", "repository"], "properties": {
        **_COMMON, "ref": _REF, "after": _COMMIT, "deleted": {"type": "boolean", "description": "true or false"}}},
    "pull_request": {**_OBJECT, "required": ["action", "number", "pull_request", "repository"], "properties": {
        **_COMMON, "action": _TEXT, "number": {"type": "integer", "description": "a whole number"},
        "pull_request": {**_OBJECT, "required": ["head"], "properties": {
            "head": {**_OBJECT, "required": ["sha"], "properties": {
                "sha": _COMMIT, "repo": {**_REPOSITORY, "type": ["object", "null"], "description": "an object or null"}}},
            "base": {**_OBJECT, "properties": {
                "sha": {**_COMMIT, "description": "the base commit (pull_request.base.sha: 40 hex digits)"},
                "ref": _REF}}}}}},
}
_VALIDATORS = {kind: Draft202012Validator(schema) for kind, schema in _SCHEMAS.items()}


@dataclass(frozen=True)
class WebhookConfig:
    secret: bytes
    branches: frozenset[str] = frozenset({"main", "master"})
    max_body_bytes: int = 5 * 1024 * 1024
    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS  # clone URLs must name one (SHOAL_ALLOWED_HOSTS)


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
                "reason": _shorten(self.reason), **self.extra}
        return {"statusCode": self.status, "headers": {"content-type": "application/json"},
                "body": json.dumps(body, sort_keys=True)}


def _shorten(text: str, limit: int = 300) -> str:
    """Reasons quote what a delivery sent (a ref, an event name): keep the answer small."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    """`X-Hub-Signature-256: sha256=<hex HMAC of the raw body>`, compared in constant time."""
    if not header or not header.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.strip().encode())


class Refused(Exception):
    """A delivery answered with a 4xx before anything starts."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.decision = Decision(status, reason)


def request_headers(event: Any) -> dict[str, str]:
    """The event's headers, names in lower case; refused unless an object of strings."""
    if not isinstance(event, Mapping):
        raise Refused(400, "the event is not an API Gateway HTTP API request (not a JSON object)")
    headers = event.get("headers")
    if headers is None:
        return {}
    if not isinstance(headers, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
        raise Refused(400, "the request headers are not an object of strings")
    return {k.lower(): v for k, v in headers.items()}


def check_declared_length(declared: str | None, limit: int) -> None:
    """Content-Length, judged as text: int() of thousands of digits raises (and costs time)."""
    if declared is None:
        return
    if not re.fullmatch(r"[0-9]+", declared.strip()):
        raise Refused(400, "the content-length header is not a whole number of bytes")
    digits = declared.strip().lstrip("0")
    if len(digits) > len(str(limit)) or int(digits or "0") > limit:
        raise Refused(413, f"body over {limit} bytes")


def raw_body(event: Mapping[str, Any], limit: int) -> bytes:
    """The body's bytes, refused when it is not text, not valid base64 or over `limit`."""
    body = event.get("body")
    if body is None:
        body = ""
    encoded = event.get("isBase64Encoded", False)
    if not isinstance(body, str) or not isinstance(encoded, bool):
        raise Refused(400, "the event's body is not a string (or isBase64Encoded is not true or false)")
    longest = (limit + 2) // 3 * 4 if encoded else limit  # a str has at most as many characters as bytes
    if len(body) > longest:  # refused before anything is decoded
        raise Refused(413, f"body over {limit} bytes")
    try:
        data = base64.b64decode(body, validate=True) if encoded else body.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (JSON's "\ud800"): first, it is a ValueError too
        raise Refused(400, "the body is not valid UTF-8 text") from None
    except (binascii.Error, ValueError):  # a non-ASCII str is a ValueError, not a binascii.Error
        raise Refused(400, "the body is marked base64 but is not valid base64") from None
    if len(data) > limit:
        raise Refused(413, f"body over {limit} bytes")
    return data


def handle(event: Any, config: WebhookConfig) -> Decision:
    """Judge an API Gateway HTTP API (payload v2) event carrying a GitHub delivery. Never raises
    on bad input: every malformed request is a 4xx with a short reason."""
    try:
        headers = request_headers(event)
        check_declared_length(headers.get("content-length"), config.max_body_bytes)
        body = raw_body(event, config.max_body_bytes)
        if not signature_matches(config.secret, body, headers.get("x-hub-signature-256")):
            return Decision(401, "missing or wrong X-Hub-Signature-256")
        payload = parse_payload(body)
    except Refused as refused:
        return refused.decision
    return route(headers.get("x-github-event", ""), headers.get("x-github-delivery", ""), payload, config)


def parse_payload(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body)
    except RecursionError:  # the decoder recurses once per level: 100,000 '[' end here
        raise Refused(400, "the body is JSON nested too deeply") from None
    except ValueError:  # also bad UTF-8, and integers past Python's digit limit
        raise Refused(400, "the body is not JSON") from None
    if not isinstance(payload, dict):
        raise Refused(400, "the body is not a JSON object")
    return payload


def malformed(kind: str, payload: dict[str, Any]) -> Decision | None:
    """A 400 naming the first field of `payload` that is missing or of the wrong type."""
    validator = _VALIDATORS.get(kind)
    error = None if validator is None else next(iter(sorted(validator.iter_errors(payload), key=_depth)), None)
    if error is None:
        return None
    return Decision(400, f"{kind} payload is malformed: {_describe(error)}")


def _depth(error: ValidationError) -> tuple[int, str]:
    return len(error.absolute_path), ".".join(map(str, error.absolute_path))


def _describe(error: ValidationError) -> str:
    """Never the offending value itself: it may be megabytes long, or nested 100,000 deep."""
    where = ".".join(map(str, error.absolute_path)) or "the payload"
    if error.validator == "required":
        missing = next((name for name in error.validator_value if name not in error.instance), "a field")
        return f"{where} lacks {missing}"
    return f"{where} is not {error.schema.get('description', 'of the right type')}"


def route(kind: str, delivery: str, payload: dict[str, Any], config: WebhookConfig) -> Decision:
    if kind == "ping":
        zen = payload.get("zen")
        return Decision(200, "pong", extra={"zen": _shorten(zen) if isinstance(zen, str) else ""})
    if not delivery:
        return Decision(400, "missing X-GitHub-Delivery")
    if len(delivery) > 200:  # GitHub's are 36-character GUIDs; the id travels in the request
        return Decision(400, "X-GitHub-Delivery is longer than 200 characters")
    refused = malformed(kind, payload)
    if refused is not None:
        return refused
    if kind == "push":
        return _push(delivery, payload, config)
    if kind == "pull_request":
        return _pull_request(delivery, payload, config)
    return Decision(202, f"event {kind or '(none)'} is not scanned")


def _push(delivery: str, payload: dict[str, Any], config: WebhookConfig) -> Decision:
    branches = config.branches
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
    location = _location("push", repository.get("clone_url"), after, config.allowed_hosts)
    if isinstance(location, Decision):
        return location
    default = _text(repository.get("default_branch"))
    return _start("push", delivery, repository.get("full_name"), lambda: ScanRequest.from_push(
        delivery, location, _text(repository.get("full_name")) or "", after, branch, default))


def _pull_request(delivery: str, payload: dict[str, Any], config: WebhookConfig) -> Decision:
    action = str(payload.get("action", ""))
    if action not in PR_ACTIONS:
        return Decision(202, f"pull_request action {action or '(none)'} is not scanned")
    head = (payload.get("pull_request") or {}).get("head") or {}
    repository = head.get("repo") or {}  # a fork's PR is cloned from the fork
    number = payload.get("number")
    base_sha = ((payload.get("pull_request") or {}).get("base") or {}).get("sha")
    if base_sha is not None and not (isinstance(base_sha, str) and re.fullmatch(r"[0-9a-f]{40}", base_sha)):
        # Without a base commit the scan is a full scan; a malformed one is refused.
        return Decision(400, "pull_request payload has a malformed base commit (pull_request.base.sha)")
    location = _location("pull_request", repository.get("clone_url"), head.get("sha"), config.allowed_hosts)
    if isinstance(location, Decision):
        return location
    # Results and the baseline belong to the base repository, where the pull request lives.
    base_repository = payload.get("repository") or {}
    pr_base = (payload.get("pull_request") or {}).get("base") or {}
    return _start("pull_request", delivery, repository.get("full_name"), lambda: ScanRequest.from_pull_request(
        delivery, location, _text(repository.get("full_name")) or "", str(head.get("sha")),
        number if isinstance(number, int) and not isinstance(number, bool) else None,
        base_full_name=_text(base_repository.get("full_name")) or "", base_sha=base_sha or None,
        base_branch=_text(pr_base.get("ref")), default_branch=_text(base_repository.get("default_branch")),
        base_clone_url=_text(base_repository.get("clone_url")),
    ))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _location(trigger: str, clone_url: Any, commit: Any, allowed_hosts: Sequence[str]) -> str | Decision:
    """The clone URL as the CLI would accept it, or the refusal."""
    if not isinstance(clone_url, str) or not isinstance(commit, str) or not re.fullmatch(r"[0-9a-f]{40}", commit):
        return Decision(400, f"{trigger} payload lacks a clone URL or head commit")
    try:  # the CLI's own rules: https on an allowed host, no credentials, no local path but locally
        return parse_repository(clone_url, allowed_hosts, allow_local=local_paths_allowed()).location
    except InputError as exc:
        return Decision(400, f"{trigger} payload's clone URL is refused: {exc}")


def _start(trigger: str, delivery: str, full_name: Any, build: Callable[[], ScanRequest]) -> Decision:
    """The orchestrator request, or a 400 naming what the payload got wrong (a branch git would
    refuse, a repository name GitHub would not have): refused here, before anything starts."""
    try:
        request = build()
    except InputError as exc:
        return Decision(400, f"{trigger} payload is refused: {exc}")
    name = str(full_name or "repo")
    return Decision(202, f"scan of {name} at {str(request.ref)[:12]} started", scan=request.to_event(),
                    execution_name=execution_name(delivery), extra={"scan_id": request.scan_id})


def execution_name(delivery: str) -> str:
    """From the delivery id, so a redelivery names the same execution and starts nothing new.
    An id that had to be changed to fit Lambda's rules gets a digest of itself, so two never meet."""
    name = "gh-" + _NAME_UNSAFE.sub("-", delivery)
    if name == "gh-" + delivery and len(name) <= _MAX_EXECUTION_NAME:
        return name
    digest = hashlib.sha256(delivery.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{name[:_MAX_EXECUTION_NAME - 17]}-{digest}"


def parse_branches(raw: str | None, default: Sequence[str] = ("main", "master")) -> frozenset[str]:
    items = [b.strip() for b in (raw or "").split(",") if b.strip()]
    return frozenset(items or default)
