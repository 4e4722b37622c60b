"""A pull request's review published from the Split layout: the webhook's event, the orchestrator
with no mount (durable, in the SDK's test runner), the workspace function and the agents on a
folder standing in for the S3 Files mount, the transfer bucket an in-memory S3 behind a real boto3
client, and GitHub a loopback server that checks what its REST API documents. The review needs the
reports, the change set and the merge base's functions: all come back through the bucket."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from aws_durable_execution_sdk_python_testing import DurableFunctionTestRunner

from shoal.handlers.orchestrator import handler
from shoal.handlers.workspace import handle
from shoal.scan import transfer
from shoal.scan.agent import run_agent
from shoal.stages import PartitionTask
from tests.helpers import git
from tests.integration.github_server import FakeGitHub
from tests.integration.test_github_review import (
    TOKEN,
    _assert_one_summary_and_one_comment_per_finding,
    _delivery,
    _feature_repo,
    _second_push,
)
from tests.s3fake import FakeS3


@pytest.fixture
def github():
    with FakeGitHub(TOKEN) as server:
        yield server


def run(event: dict[str, Any], mount: Path) -> dict[str, Any]:
    def agent(payload: dict[str, Any], _context: Any) -> dict[str, Any]:
        return run_agent(PartitionTask.from_event(payload), mount).to_dict()

    with DurableFunctionTestRunner(handler=handler, execution_timeout=120, invocation_timeout=120) as runner:
        runner.register_function("shoal-agent", agent)
        runner.register_function("shoal-workspace", lambda payload, _context: handle(payload, mount))
        arn = runner.run_async(input=json.dumps(event), execution_timeout=120, function_name="orchestrator",
                               execution_name=event["scan_id"])
        outcome = runner.wait_for_result(arn, timeout=120)
    assert outcome.error is None, outcome.error
    return dict(json.loads(outcome.result))


def test_two_pull_request_pushes_are_reviewed_from_the_split_layout(
    github: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shoal.github.webhook import WebhookConfig
    from shoal.github.webhook import handle as webhook

    repo, base = _feature_repo(tmp_path)
    s3 = FakeS3()
    monkeypatch.setattr(transfer, "s3_client", s3.client)
    local = tmp_path / "orchestrator-tmp"
    for name, value in {"SHOAL_GITHUB_PUBLISH": "review", "SHOAL_GITHUB_API_URL": github.url,
                        "SHOAL_GITHUB_TOKEN": TOKEN, "SHOAL_WORKSPACE": str(local),
                        "SHOAL_WORKSPACE_FUNCTION": "shoal-workspace", "SHOAL_TRANSFER_BUCKET": "transfer",
                        "SHOAL_LOCAL_ENGINE": "1"}.items():  # the clone URL is a local repository
        monkeypatch.setenv(name, value)
    # Publishing runs in another sandbox than the checkout did: its /tmp has no repository cache (a
    # local repository's merge base is read from the repository itself; a URL's from the cache the
    # publish step pulls, tests/unit/test_split_layout.py).
    from shoal.scan import remote

    checkout = remote.checkout_to_bucket

    def in_its_own_sandbox(*args: Any) -> dict[str, Any]:
        result = checkout(*args)
        shutil.rmtree(local / "cache")
        return result

    monkeypatch.setattr(remote, "checkout_to_bucket", in_its_own_sandbox)
    config = WebhookConfig(secret=b"webhook-secret")
    heads = [git(repo, "rev-parse", "HEAD").strip()]
    heads.append(_second_push(repo))
    scans = []
    for number, (action, head) in enumerate(zip(("opened", "synchronize"), heads)):
        decision = webhook(_delivery(repo, base, head, action, config.secret, f"delivery-{number}"), config)
        assert decision.status == 202 and decision.scan is not None
        scans.append(decision.scan["scan_id"])
        summary = run({**decision.scan, "options": {"max_partitions": 1, "fail_on": "none"}}, tmp_path / "mount")
        assert summary["publish"]["errors"] == [], summary["publish"]
        assert summary["publish"]["review"]["summary_comment"]["updated"] is (number == 1)
        assert not (local / "scans").exists() or not any((local / "scans").iterdir())  # nothing left in /tmp
    # The same review as the mounted layout's test, complexity change included (the merge base's
    # functions read from the repository cache the publish step pulled from the bucket).
    _assert_one_summary_and_one_comment_per_finding(github)
    assert {r["commit_id"] for r in github.reviews} == set(heads)
    assert {key for _bucket, key in s3.objects} >= {f"scans/{scan}/results.tar.gz" for scan in scans}
