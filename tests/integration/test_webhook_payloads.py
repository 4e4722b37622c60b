"""Every push, pull_request and ping example of @octokit/webhooks-examples, signed by
@octokit/webhooks-methods (both installed from npm here), through the webhook's judgement and
its Lambda invoke, the latter checked against botocore's real service model by a Stubber."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from shoal.github.webhook import WebhookConfig, handle
from shoal.handlers.webhook import respond

SECRET = "It's a Secret to Everybody"
ORCHESTRATOR = "arn:aws:lambda:eu-west-1:123456789012:function:shoal-orchestrator:live"
HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def deliveries(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("node and npm are needed to install @octokit/webhooks-examples and -methods")
    folder = tmp_path_factory.mktemp("octokit")
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder),
                    "@octokit/webhooks-examples@7.6.1", "@octokit/webhooks-methods@6.0.0"], check=True, timeout=600)
    script = folder / "sign_examples.mjs"
    shutil.copy(HERE / "sign_examples.mjs", script)
    done = subprocess.run(["node", str(script), str(folder), SECRET], check=True, capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


def api_event(delivery: dict[str, Any], *, signature: str | None = None, body: str | None = None) -> dict[str, Any]:
    """An API Gateway HTTP API (payload format 2.0) event as the webhook route receives it."""
    raw = (body if body is not None else delivery["body"]).encode()
    headers = {"content-type": "application/json", "x-github-event": delivery["event"],
               "x-github-delivery": f"72d3162e-cc78-11e3-81ab-4c9367dc{delivery['index']:04d}",
               "x-hub-signature-256": signature if signature is not None else delivery["signature"]}
    return {"version": "2.0", "routeKey": "POST /webhook", "rawPath": "/webhook", "headers": headers,
            "body": base64.b64encode(raw).decode(), "isBase64Encoded": True}


CONFIG = WebhookConfig(secret=SECRET.encode(), branches=frozenset({"main", "master", "changes"}))


def expected_scan(delivery: dict[str, Any]) -> dict[str, Any] | None:
    payload = json.loads(delivery["body"])
    if delivery["event"] == "push":
        branch = payload["ref"].removeprefix("refs/heads/")
        if not payload["ref"].startswith("refs/heads/") or payload["deleted"] or branch not in CONFIG.branches:
            return None
        owner, repo = payload["repository"]["full_name"].split("/")
        return {"repository": payload["repository"]["clone_url"], "ref": payload["after"],
                "github": {"owner": owner, "repo": repo, "head_sha": payload["after"], "ref": payload["ref"],
                           "pull_number": None}}
    if delivery["event"] == "pull_request" and payload["action"] in ("opened", "synchronize", "reopened"):
        head = payload["pull_request"]["head"]
        # Results go to the base repository (where the pull request is), the clone to the head's.
        owner, repo = payload["pull_request"]["base"]["repo"]["full_name"].split("/")
        return {"repository": head["repo"]["clone_url"], "ref": head["sha"],
                "github": {"owner": owner, "repo": repo, "head_sha": head["sha"],
                           "ref": f"refs/pull/{payload['number']}/head", "pull_number": payload["number"]}}
    return None


def test_every_real_example_is_judged_right(deliveries: list[dict[str, Any]]) -> None:
    assert {d["event"] for d in deliveries} == {"push", "pull_request", "ping"} and len(deliveries) >= 30
    started = 0
    for delivery in deliveries:
        decision = handle(api_event(delivery), CONFIG)
        wanted = expected_scan(delivery)
        label = f"{delivery['event']} example {delivery['index']}: {decision.reason}"
        assert 200 <= decision.status < 300, label
        if delivery["event"] == "ping":
            assert decision.status == 200 and decision.scan is None, label
        elif wanted is None:
            assert decision.scan is None and decision.reason, label
        else:
            started += 1
            assert decision.status == 202 and {k: decision.scan[k] for k in wanted} == wanted, label
            assert decision.execution_name.startswith("gh-72d3162e")
    assert started >= 5  # 9 of the 40 examples start a scan with these branches


def test_forged_tampered_or_malformed_deliveries_start_nothing(deliveries: list[dict[str, Any]]) -> None:
    push = next(d for d in deliveries if d["event"] == "push" and expected_scan(d))
    assert handle(api_event(push, signature=""), CONFIG).status == 401
    assert handle(api_event(push, signature="sha256=" + "0" * 64), CONFIG).status == 401
    assert handle(api_event(push, body=push["body"].replace("Codertocat", "Mallory")), CONFIG).status == 401
    wrong_key = WebhookConfig(secret=b"another secret", branches=CONFIG.branches)
    assert handle(api_event(push), wrong_key).status == 401
    import hashlib
    import hmac

    garbage = "{not json"
    signed = "sha256=" + hmac.new(SECRET.encode(), garbage.encode(), hashlib.sha256).hexdigest()
    assert handle(api_event(push, body=garbage, signature=signed), CONFIG).status == 400
    small = WebhookConfig(secret=SECRET.encode(), max_body_bytes=1000)
    assert handle(api_event(push), small).status == 413


def test_a_scan_starts_one_async_named_execution_and_a_redelivery_starts_none(deliveries) -> None:
    push = next(d for d in deliveries if d["event"] == "push" and expected_scan(d))
    client = boto3.client("lambda", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
    decision = handle(api_event(push), CONFIG)
    with Stubber(client) as stub:
        stub.add_response(
            "invoke",
            {"StatusCode": 202},
            {"FunctionName": ORCHESTRATOR, "InvocationType": "Event",
             "DurableExecutionName": decision.execution_name,
             "Payload": json.dumps(decision.scan, sort_keys=True).encode()},
        )
        stub.add_client_error("invoke", service_error_code="DurableExecutionAlreadyStartedException",
                              http_status_code=409)
        first = respond(api_event(push), CONFIG, client, ORCHESTRATOR)
        again = respond(api_event(push), CONFIG, client, ORCHESTRATOR)
        stub.assert_no_pending_responses()
    assert first["statusCode"] == 202 and json.loads(first["body"])["status"] == "accepted"
    assert again["statusCode"] == 202 and "already started" in json.loads(again["body"])["reason"]
    with Stubber(client) as stub:  # a refused delivery makes no call at all
        assert respond(api_event(push, signature=""), CONFIG, client, ORCHESTRATOR)["statusCode"] == 401
        stub.assert_no_pending_responses()


@pytest.mark.parametrize("name, status, starts", [
    ("webhook-ping.json", 200, False), ("webhook-push.json", 202, True), ("webhook-pull-request.json", 202, True)])
def test_the_sam_local_events_are_signed_with_the_documented_development_secret(name, status, starts) -> None:
    event = json.loads((HERE.parents[1] / "events" / name).read_text())
    decision = handle(event, CONFIG)
    assert decision.status == status and (decision.scan is not None) == starts, decision.reason
