"""Property-based: random events, headers and bodies thrown at the webhook handler. It never raises,
always answers 2xx-4xx, and starts an execution only for a valid signature over a well-formed
payload (judged here by a check of our own, not the handler's)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from typing import Any

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from shoal.github.webhook import PR_ACTIONS, WebhookConfig
from shoal.handlers.webhook import respond
from shoal.scan.pipeline import ScanRequest
from shoal.workspace import SCAN_ID

SECRET = b"It's a Secret to Everybody"
CONFIG = WebhookConfig(secret=SECRET, branches=frozenset({"main"}))
ORCHESTRATOR = "arn:aws:lambda:eu-west-1:123456789012:function:shoal-orchestrator:live"
HEAD = "89abcdef0123456789abcdef0123456789abcdef"
BASE = "0123456789abcdef0123456789abcdef01234567"
DURABLE_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")
GOOD_URL = re.compile(r"https://github\.com(/[A-Za-z0-9_.-]+)+")


class RecordingLambda:
    """Stands for boto3's Lambda client: records each invoke, starts nothing."""

    class exceptions:  # noqa: N801 - boto3's attribute name
        class DurableExecutionAlreadyStartedException(Exception):
            pass

    def __init__(self) -> None:
        self.invocations: list[dict[str, Any]] = []

    def invoke(self, **kwargs: Any) -> dict[str, Any]:
        self.invocations.append(kwargs)
        return {"StatusCode": 202}


# --- what gets thrown ----------------------------------------------------------------------------

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def maybe(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes anything at all."""
    return st.one_of(valid, valid, valid, junk)


@st.composite
def objects(draw: st.DrawFn, fields: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """Every field, each maybe broken; now and then one of them left out."""
    drawn = {name: draw(maybe(strategy)) for name, strategy in fields.items()}
    if draw(st.integers(0, 3)) == 0:
        drawn.pop(draw(st.sampled_from(sorted(drawn))))
    return drawn


commits = st.one_of(st.sampled_from([HEAD, BASE]), st.sampled_from(["0" * 40, HEAD + "\n", HEAD.upper()]),
                    st.text(alphabet="0123456789abcdef", min_size=38, max_size=41))
clone_urls = st.one_of(st.sampled_from(["https://github.com/acme/widgets.git", "https://github.com/a/b"]), st.sampled_from([
    "ext::sh -c touch% /tmp/x", "file:///etc", "/var/task", ".", "https://u:p@github.com/a/b",
    "https://evil.example.com/a/b", "https://github.com/a/b\n", "https://github.com/", "git@github.com:a/b", "-c",
    "https://github.com/a/../b", "HTTPS://GITHUB.COM/a/b",
]))
repositories = objects({"clone_url": clone_urls, "default_branch": st.sampled_from(["main", None]),
                        "full_name": st.sampled_from(["acme/widgets", "a/b", "o" * 39 + "/" + "r" * 100])})
push_payloads = objects({
    "ref": st.sampled_from(["refs/heads/main", "refs/heads/main", "refs/heads/dev", "refs/tags/v1", "main"]),
    "after": commits, "deleted": st.just(False), "repository": repositories, "sender": st.just({"login": "octocat"}),
})
pr_payloads = objects({
    "action": st.sampled_from(["opened", "synchronize", "reopened", "closed"]),
    "number": st.integers(min_value=1, max_value=10**6),
    "pull_request": objects({"head": objects({"sha": commits, "repo": repositories}),
                             "base": objects({"sha": commits, "ref": st.just("main")})}),
    "repository": repositories, "sender": st.just({"login": "octocat"}),
})
PAYLOADS = {"push": push_payloads, "pull_request": pr_payloads}


@st.composite
def bodies(draw: st.DrawFn, kind: str) -> bytes:
    """Mostly a payload for the event's kind; else random bytes, random JSON or JSON nested deep."""
    shape = draw(st.sampled_from(["payload"] * 6 + ["bytes", "json", "other kind", "deep"]))
    if shape == "payload" and kind in PAYLOADS:
        return json.dumps(draw(PAYLOADS[kind])).encode()
    if shape == "other kind":
        return json.dumps(draw(st.one_of(*PAYLOADS.values()))).encode()
    if shape == "deep":
        depth = draw(st.sampled_from([2_000, 50_000]))
        return b"[" * depth + b"]" * depth
    return draw(st.binary(max_size=64)) if shape == "bytes" else json.dumps(draw(junk)).encode()


def envelope(raw: bytes, headers: dict[str, Any], encoding: str) -> dict[str, Any]:
    if encoding == "text":  # invalid UTF-8 shows up as lone surrogates, as in a JSON event
        return {"version": "2.0", "headers": headers, "body": raw.decode("utf-8", "surrogateescape"),
                "isBase64Encoded": False}
    return {"version": "2.0", "headers": headers, "body": base64.b64encode(raw).decode(), "isBase64Encoded": True}


def signature(raw: bytes, secret: bytes = SECRET) -> str:
    return "sha256=" + hmac.new(secret, raw, hashlib.sha256).hexdigest()


@st.composite
def random_events(draw: st.DrawFn) -> Any:
    """Anything: random shapes, headers, encodings, signatures and bodies."""
    if draw(st.sampled_from([False] * 9 + [True])):
        return draw(junk)  # not even an object of the right shape
    kind = draw(st.sampled_from(["push", "pull_request", "ping", "issues", ""]))
    raw = draw(bodies(kind))
    headers: dict[str, Any] = {"x-github-event": kind}
    signed_with = draw(st.sampled_from([SECRET, b"guess", None]))
    if signed_with is not None:
        headers["X-Hub-Signature-256"] = signature(raw, signed_with)
    delivery = draw(st.sampled_from(["d-1", "72d3162e-cc78-11e3-81ab-4c9367dc0958", "../x", "x" * 300, None]))
    if delivery is not None:
        headers["X-GitHub-Delivery"] = delivery
    length = draw(st.sampled_from(["absent", "right", "junk", "huge"]))
    if length != "absent":
        headers["content-length"] = {"right": str(len(raw)), "huge": "9" * 5000}.get(length) or draw(st.text(max_size=6))
    if draw(st.sampled_from([False] * 9 + [True])):
        headers[draw(st.text(max_size=5))] = draw(junk)  # a header that is not a string
    encoding = draw(st.sampled_from(["base64", "text", "broken"]))
    if encoding != "broken":
        return envelope(raw, headers, encoding)
    return {"version": "2.0", "headers": headers, "body": draw(st.one_of(st.text(max_size=20), junk)),
            "isBase64Encoded": draw(junk)}


HOSTILE = st.sampled_from(["ext::sh -c touch% /tmp/x", "file:///etc", "/var/task", "https://u:p@github.com/a/b",
                           "https://evil.example.com/a/b", HEAD + "\n", "0" * 40, "refs/heads/dev", "closed", "x" * 3000])


def good_payload(kind: str) -> dict[str, Any]:
    repository = {"clone_url": "https://github.com/acme/widgets.git", "full_name": "acme/widgets", "default_branch": "main"}
    if kind == "push":
        return {"ref": "refs/heads/main", "after": HEAD, "deleted": False, "repository": repository,
                "sender": {"login": "octocat"}}
    return {"action": "synchronize", "number": 7, "repository": repository, "sender": {"login": "octocat"},
            "pull_request": {"head": {"sha": HEAD, "repo": dict(repository)}, "base": {"sha": BASE, "ref": "main"}}}


def paths(value: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    if not isinstance(value, dict):
        return [prefix]
    return [prefix] * bool(prefix) + [p for key, item in value.items() for p in paths(item, (*prefix, key))]


@st.composite
def near_misses(draw: st.DrawFn) -> dict[str, Any]:
    """A signed, well-formed delivery with up to two fields replaced by junk or hostile values,
    or left out: the boundary between a start and a refusal."""
    kind = draw(st.sampled_from(["push", "pull_request"]))
    payload = good_payload(kind)
    for _ in range(draw(st.integers(0, 2))):
        path = draw(st.sampled_from(paths(payload)))
        parent = payload
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(parent, dict) and path[-1] in parent:
            change = draw(st.sampled_from(["junk", "hostile", "drop"]))
            if change == "drop":
                del parent[path[-1]]
            else:
                parent[path[-1]] = draw(junk if change == "junk" else HOSTILE)
    raw = json.dumps(payload).encode()
    headers = {"x-github-event": kind, "x-github-delivery": "d-1", "x-hub-signature-256": signature(raw)}
    return envelope(raw, headers, draw(st.sampled_from(["base64", "text"])))


def events() -> st.SearchStrategy[Any]:
    return st.one_of(near_misses(), random_events())


# --- the judgement of our own ------------------------------------------------------------------


def delivered(event: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    raw = base64.b64decode(event["body"]) if event["isBase64Encoded"] else event["body"].encode()
    return raw, {k.lower(): v for k, v in event["headers"].items()}


def signed(event: dict[str, Any]) -> bool:
    raw, headers = delivered(event)
    return headers.get("x-hub-signature-256") == "sha256=" + hmac.new(SECRET, raw, hashlib.sha256).hexdigest()


def is_commit(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{40}", value) is not None


def clonable(repository: Any) -> bool:
    url = repository.get("clone_url") if isinstance(repository, dict) else None
    return isinstance(url, str) and GOOD_URL.fullmatch(url) is not None and "/../" not in url + "/"


def well_formed(kind: str, payload: Any) -> bool:
    """What a delivery must be to start a scan: the scanned fields there and of the right types."""
    if not isinstance(payload, dict) or not isinstance(payload.get("repository"), dict):
        return False
    if not isinstance(payload.get("sender", {}), dict):
        return False
    if kind == "push":
        return (payload.get("ref") == "refs/heads/main" and is_commit(payload.get("after"))
                and payload["after"] != "0" * 40 and payload.get("deleted", False) is False
                and clonable(payload["repository"]))
    pr = payload.get("pull_request")
    head = pr.get("head") if isinstance(pr, dict) else None
    base = pr.get("base", {}) if isinstance(pr, dict) else None
    return (kind == "pull_request" and payload.get("action") in PR_ACTIONS
            and type(payload.get("number")) is int and isinstance(head, dict) and is_commit(head.get("sha"))
            and clonable(head.get("repo")) and isinstance(base, dict)
            and ("sha" not in base or is_commit(base["sha"])))


def judge(event: Any) -> tuple[dict[str, Any], RecordingLambda]:
    client = RecordingLambda()
    return respond(event, CONFIG, client, ORCHESTRATOR), client


def a_good_push() -> dict[str, Any]:
    raw = json.dumps({"ref": "refs/heads/main", "after": HEAD, "sender": {"login": "octocat"},
                      "repository": {"clone_url": "https://github.com/acme/widgets.git", "full_name": "acme/widgets"}}).encode()
    return {"headers": {"x-github-event": "push", "x-github-delivery": "d-1",
                        "x-hub-signature-256": "sha256=" + hmac.new(SECRET, raw, hashlib.sha256).hexdigest()},
            "body": base64.b64encode(raw).decode(), "isBase64Encoded": True}


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(events())
@example(a_good_push())
def test_the_handler_never_raises_and_starts_only_signed_well_formed_deliveries(event: Any) -> None:
    answer, client = judge(event)
    assert 200 <= answer["statusCode"] < 500 and isinstance(json.loads(answer["body"])["reason"], str)
    if not client.invocations:
        return
    (call,) = client.invocations
    assert signed(event), "an execution was started for a delivery without a valid signature"
    raw, headers = delivered(event)
    assert well_formed(headers["x-github-event"], json.loads(raw)), "an execution was started for a malformed payload"
    request = json.loads(call["Payload"])
    assert ScanRequest.from_event(request).ref == request["ref"]  # the orchestrator takes it
    assert DURABLE_NAME.fullmatch(call["DurableExecutionName"]) and DURABLE_NAME.fullmatch(request["scan_id"])
    assert SCAN_ID.fullmatch(request["scan_id"])


def test_the_random_events_do_reach_a_start() -> None:
    """The property above is not vacuous: the same strategy, on a fixed seed, starts scans."""
    started: list[Any] = []

    @settings(max_examples=200, deadline=None, database=None, derandomize=True, phases=[Phase.generate])
    @given(events())
    def throw(event: Any) -> None:
        if judge(event)[1].invocations:
            started.append(event)

    throw()
    assert started and all(signed(event) for event in started)
