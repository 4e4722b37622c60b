"""Hostile webhook deliveries, clone URLs and ids: each is answered with a 4xx or refused, never a
traceback, and nothing starts; a redelivery is "already started" whichever way Lambda answers."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from datetime import datetime, timedelta, UTC
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from shoal.cli import default_scan_id, main
from shoal.config import ENV_LOCAL_ENGINE, ENV_SAM_LOCAL
from shoal.errors import InputError, ShoalError
from shoal.github.webhook import WebhookConfig, handle
from shoal.handlers.orchestrator import configure
from shoal.handlers.webhook import respond
from shoal.nightly import nightly_scans
from shoal.source.specs import validate_ref
from shoal.workspace import SCAN_ID, ScanPaths
from tests.helpers import init_repo

SECRET = b"It's a Secret to Everybody"
CONFIG = WebhookConfig(secret=SECRET)
ORCHESTRATOR = "arn:aws:lambda:eu-west-1:123456789012:function:shoal-orchestrator:live"
EXECUTION_ARN = ("arn:aws:lambda:eu-west-1:123456789012:function:shoal-orchestrator:7/durable-execution/"
                 "gh-d-1/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
HEAD = "89abcdef0123456789abcdef0123456789abcdef"
BASE = "0123456789abcdef0123456789abcdef01234567"
# Lambda's DurableExecutionName rule (botocore's model): what every derived scan id must also meet.
DURABLE_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")


def signed_event(body: str | bytes, kind: str = "push", delivery: str = "d-1", **overrides: Any) -> dict[str, Any]:
    raw = body.encode() if isinstance(body, str) else body
    headers = {"x-github-event": kind, "x-github-delivery": delivery,
               "x-hub-signature-256": "sha256=" + hmac.new(SECRET, raw, hashlib.sha256).hexdigest()}
    event = {"headers": headers, "body": base64.b64encode(raw).decode(), "isBase64Encoded": True}
    return {**event, **overrides}


def push(**fields: Any) -> dict[str, Any]:
    repository = {"full_name": "acme/widgets", "clone_url": "https://github.com/acme/widgets.git",
                  "default_branch": "main"}
    return {"ref": "refs/heads/main", "after": HEAD, "repository": repository, "sender": {"login": "octocat"},
            **fields}


def pull_request(**fields: Any) -> dict[str, Any]:
    repository = {"full_name": "acme/widgets", "clone_url": "https://github.com/acme/widgets.git"}
    pr = {"head": {"sha": HEAD, "repo": repository}, "base": {"sha": BASE, "ref": "main", "repo": repository}}
    return {"action": "opened", "number": 7, "pull_request": pr, "repository": repository,
            "sender": {"login": "octocat"}, **fields}


def lambda_client() -> Any:
    return boto3.client("lambda", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")


def answer_without_invoking(event: Any) -> dict[str, Any]:
    """The handler's answer, with a Lambda client that fails the test if anything is invoked."""
    client = lambda_client()
    with Stubber(client) as stub:
        answer = respond(event, CONFIG, client, ORCHESTRATOR)
        stub.assert_no_pending_responses()
    return answer


# --- malformed requests: a 4xx with a reason, never an exception ------------------------------------


@pytest.mark.parametrize("event, status, reason", [
    ({"headers": {}, "body": "%%% not base64 %%%", "isBase64Encoded": True}, 400, "base64"),
    ({"headers": {}, "body": "héllo", "isBase64Encoded": True}, 400, "base64"),
    ({"headers": {"content-length": "9" * 5000}, "body": "{}"}, 413, "over"),
    ({"headers": {"content-length": "²"}, "body": "{}"}, 400, "content-length"),
    ({"headers": {"content-length": "12abc"}, "body": "{}"}, 400, "content-length"),
    ({"headers": ["x-github-event", "push"], "body": "{}"}, 400, "headers"),
    ({"headers": {"x-github-event": 7}, "body": "{}"}, 400, "headers"),
    ({"headers": {}, "body": {"ref": "refs/heads/main"}}, 400, "body"),
    ({"headers": {}, "body": "{}", "isBase64Encoded": "yes"}, 400, "isBase64Encoded"),
    ({"headers": {}, "body": "\ud800{}"}, 400, "UTF-8"),
    (["not", "an", "event"], 400, "event"),
    (None, 400, "event"),
])
def test_a_malformed_request_is_a_4xx_with_a_reason(event: Any, status: int, reason: str) -> None:
    answer = answer_without_invoking(event)
    assert answer["statusCode"] == status and reason in json.loads(answer["body"])["reason"]


def test_a_signed_body_nested_100000_deep_is_a_400() -> None:
    for body in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        answer = answer_without_invoking(signed_event(body))
        assert answer["statusCode"] == 400 and "nested too deeply" in json.loads(answer["body"])["reason"]


@pytest.mark.parametrize("kind, payload, field", [
    ("push", push(repository="acme/widgets"), "repository"),
    ("push", push(repository=["https://github.com/acme/widgets.git"]), "repository"),
    ("push", push(sender="octocat"), "sender"),
    ("push", push(after=["x"] * 3), "after"),
    ("push", push(after=HEAD + "\n"), "after"),
    ("push", push(ref={"name": "main"}), "ref"),
    ("push", push(ref="refs/heads/" + "m" * 5000), "ref"),
    ("pull_request", pull_request(pull_request="opened"), "pull_request"),
    ("pull_request", pull_request(pull_request={"head": "feature"}), "pull_request.head"),
    ("pull_request", pull_request(pull_request={"head": {"sha": HEAD, "repo": 5}}), "pull_request.head.repo"),
    ("pull_request", pull_request(repository=None), "repository"),
    ("pull_request", pull_request(sender=[]), "sender"),
    ("pull_request", pull_request(number="7"), "number"),
    ("pull_request", pull_request(number=True), "number"),
])
def test_a_signed_payload_with_a_field_of_the_wrong_type_is_a_400_naming_it(kind: str, payload: dict[str, Any],
                                                                              field: str) -> None:
    answer = answer_without_invoking(signed_event(json.dumps(payload), kind))
    reason = json.loads(answer["body"])["reason"]
    assert answer["statusCode"] == 400 and f"{field} " in reason, reason
    assert len(answer["body"]) < 1000  # the offending value is never echoed
    # Refused for the one field it breaks: the payload it was made from starts a scan.
    whole = handle(signed_event(json.dumps(push() if kind == "push" else pull_request()), kind), CONFIG)
    assert whole.status == 202 and whole.scan is not None, whole.reason


def test_a_branch_name_the_orchestrator_would_refuse_starts_nothing() -> None:
    """Found by the property test: the execution started, then failed on its first step."""
    repository = {**push()["repository"], "default_branch": "--upload-pack=touch /tmp/pwned"}
    bad_base = pull_request()
    bad_base["pull_request"]["base"]["ref"] = "ext::sh -c touch% /tmp/pwned"
    for kind, payload in (("push", push(repository=repository)), ("pull_request", bad_base)):
        answer = answer_without_invoking(signed_event(json.dumps(payload), kind))
        assert answer["statusCode"] == 400 and "branch" in json.loads(answer["body"])["reason"]


# --- clone URLs: the CLI's rules, checked before anything is invoked --------------------------------


@pytest.mark.parametrize("clone_url, reason", [
    ("ext::sh -c touch% /tmp/pwned", "transport helper"),
    ("file:///etc", "scheme 'file'"),
    ("/var/task", "local path"),
    ("./repo", "local path"),
    ("https://x-access-token:ghp_secret@github.com/acme/widgets.git", "credentials"),
    ("https://evil.example.com/acme/widgets.git", "not allowed"),
    ("git@github.com:acme/widgets.git", "ssh"),
    ("--upload-pack=touch /tmp/pwned", "option"),
    ("https://github.com/acme/widgets.git\n", "control characters"),
])
def test_a_clone_url_the_cli_would_refuse_starts_nothing(clone_url: str, reason: str) -> None:
    for kind, payload in (("push", push()), ("pull_request", pull_request())):
        target = payload["repository"] if kind == "push" else payload["pull_request"]["head"]["repo"]
        target["clone_url"] = clone_url
        answer = answer_without_invoking(signed_event(json.dumps(payload), kind))
        text = json.loads(answer["body"])["reason"]
        assert answer["statusCode"] == 400 and "clone URL is refused" in text and reason in text, text


def test_the_allowed_hosts_are_the_configured_ones() -> None:
    payload = push()
    payload["repository"]["clone_url"] = "https://git.example.com/acme/widgets.git"
    enterprise = WebhookConfig(secret=SECRET, allowed_hosts=("git.example.com",))
    assert handle(signed_event(json.dumps(payload)), enterprise).status == 202
    assert handle(signed_event(json.dumps(payload)), CONFIG).status == 400


def test_the_orchestrator_refuses_a_local_path_unless_the_local_engine_runs_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ENV_LOCAL_ENGINE, raising=False)
    monkeypatch.delenv(ENV_SAM_LOCAL, raising=False)
    event = {"scan_id": "s", "repository": str(tmp_path), "ref": None}
    with pytest.raises(InputError, match="local path"):
        configure(event)
    with pytest.raises(InputError, match="unknown option"):  # an event cannot grant it to itself
        configure({**event, "options": {"local_engine": True}})
    assert configure({**event, "repository": "https://github.com/acme/widgets"})["request"]["scan_id"] == "s"
    monkeypatch.setenv(ENV_LOCAL_ENGINE, "1")
    assert configure(event)["request"]["repository"] == str(tmp_path)
    monkeypatch.setenv(ENV_LOCAL_ENGINE, "0")
    monkeypatch.setenv(ENV_SAM_LOCAL, "true")  # what SAM CLI sets in `sam local invoke`
    assert configure(event)["request"]["repository"] == str(tmp_path)


# --- scan ids: one derivation, the whole identity in the digest --------------------------------------


# GitHub's longest names: a 39-character owner, a 100-character repository.
LONG = {"full_name": "o" * 39 + "/" + "r" * 100, "clone_url": "https://github.com/" + "o" * 39 + "/" + "r" * 100 + ".git"}


def test_a_long_repository_name_no_longer_cuts_the_commit_out_of_the_scan_id() -> None:
    ids = set()
    for commit in (HEAD, BASE):
        payload = push(after=commit)
        payload["repository"].update(LONG)
        decision = handle(signed_event(json.dumps(payload)), CONFIG)
        assert decision.status == 202, decision.reason
        ids.add(decision.scan["scan_id"])
    assert len(ids) == 2
    for scan_id in ids:
        assert DURABLE_NAME.fullmatch(scan_id) and SCAN_ID.fullmatch(scan_id), scan_id


def test_a_diff_scan_and_a_full_scan_of_one_commit_of_a_long_named_repository_never_share_a_folder() -> None:
    full = handle(signed_event(json.dumps(pull_request(pull_request={"head": {"sha": HEAD, "repo": LONG}})),
                               "pull_request"), CONFIG)
    diff = handle(signed_event(json.dumps(pull_request(pull_request={"head": {"sha": HEAD, "repo": LONG},
                                                                     "base": {"sha": BASE, "ref": "main"}})),
                               "pull_request"), CONFIG)
    assert full.status == diff.status == 202 and "base" in diff.scan and "base" not in full.scan
    assert full.scan["scan_id"] != diff.scan["scan_id"]


def test_nightly_scans_of_two_branches_of_a_long_named_repository_get_two_ids() -> None:
    url = "https://github.com/" + "o" * 39 + "/" + "r" * 100
    first, second = nightly_scans([f"{url}#release/1.x", f"{url}#release/2.x"], "2026-11-27", ("github.com",))
    assert first.request["scan_id"] != second.request["scan_id"]
    assert all(DURABLE_NAME.fullmatch(s.request["scan_id"]) for s in (first, second))


def test_the_cli_gives_options_that_change_results_a_scan_folder_of_their_own(tmp_path: Path) -> None:
    full = default_scan_id(str(tmp_path), None)
    assert full == default_scan_id(str(tmp_path), None, options={"security": None})  # defaults never split ids
    assert default_scan_id(str(tmp_path), None, options={"security": False}) != full
    assert default_scan_id(str(tmp_path), "main", base="develop") != default_scan_id(str(tmp_path), "main")
    long = tmp_path / ("n" * 200)
    long.mkdir()
    assert DURABLE_NAME.fullmatch(default_scan_id(str(long), "a" * 300))


# --- ids are matched whole: a trailing newline is not a valid id ------------------------------------


def test_a_scan_id_with_a_newline_is_refused(tmp_path: Path) -> None:
    for scan_id in ("demo\n", "demo\r\n", "\ndemo"):
        with pytest.raises(ShoalError, match="not valid"):
            ScanPaths(tmp_path, scan_id)


def test_scan_id_with_a_trailing_newline_is_refused_by_the_command(tmp_path: Path, capsys) -> None:
    repo = tmp_path / "demo"
    repo.mkdir()
    (repo / "a.py").write_text("x = 1\n")
    init_repo(repo, "c1")
    status = main(["scan", str(repo), "--workspace", str(tmp_path / "ws"), "--scan-id", "demo\n", "--workers", "1"])
    assert status == 2 and "not valid" in capsys.readouterr().err
    assert not (tmp_path / "ws" / "scans" / "demo\n").exists()


def test_a_commit_id_with_a_trailing_newline_is_not_a_ref() -> None:
    with pytest.raises(InputError):
        validate_ref("abc1234\n")


# --- a redelivery: "already started", whichever of its two answers Lambda gives ---------------------


def redeliver(invoke_answer: dict[str, Any] | None, started: datetime | None, error: str | None = None) -> dict[str, Any]:
    """respond() with Lambda's Invoke answer (or error) and GetDurableExecution's answer stubbed."""
    event = signed_event(json.dumps(push()))
    decision = handle(event, CONFIG)
    client = lambda_client()
    with Stubber(client) as stub:
        expected = {"FunctionName": ORCHESTRATOR, "InvocationType": "Event",
                    "DurableExecutionName": decision.execution_name,
                    "Payload": json.dumps(decision.scan, sort_keys=True).encode()}
        if error:
            stub.add_client_error("invoke", service_error_code=error, http_status_code=409, expected_params=expected)
        else:
            stub.add_response("invoke", invoke_answer, expected)
        if started is not None:
            stub.add_response("get_durable_execution", {
                "DurableExecutionArn": EXECUTION_ARN, "DurableExecutionName": decision.execution_name,
                "FunctionArn": ORCHESTRATOR, "StartTimestamp": started, "Status": "RUNNING"},
                {"DurableExecutionArn": EXECUTION_ARN, "IncludeExecutionData": False})
        answer = respond(event, CONFIG, client, ORCHESTRATOR)
        stub.assert_no_pending_responses()
    return answer


def test_a_redelivery_is_already_started_whichever_way_lambda_answers() -> None:
    """Same payload: Lambda returns the existing execution (started earlier); another payload
    (Shoal's request changed between the deliveries): DurableExecutionAlreadyStartedException."""
    earlier = datetime.now(UTC) - timedelta(minutes=5)
    same = redeliver({"StatusCode": 202, "DurableExecutionArn": EXECUTION_ARN}, earlier)
    changed = redeliver(None, None, error="DurableExecutionAlreadyStartedException")
    for answer in (same, changed):
        assert answer["statusCode"] == 202 and "already started" in json.loads(answer["body"])["reason"]


def test_a_first_delivery_starts_the_scan() -> None:
    answer = redeliver({"StatusCode": 202, "DurableExecutionArn": EXECUTION_ARN}, datetime.now(UTC))
    assert answer["statusCode"] == 202 and json.loads(answer["body"])["status"] == "accepted"


def test_an_unreadable_execution_counts_as_started_and_never_raises() -> None:
    event = signed_event(json.dumps(push()))
    client = lambda_client()
    with Stubber(client) as stub:
        stub.add_response("invoke", {"StatusCode": 202, "DurableExecutionArn": EXECUTION_ARN})
        stub.add_client_error("get_durable_execution", service_error_code="AccessDeniedException", http_status_code=403)
        answer = respond(event, CONFIG, client, ORCHESTRATOR)
        stub.assert_no_pending_responses()
    assert answer["statusCode"] == 202 and json.loads(answer["body"])["status"] == "accepted"
