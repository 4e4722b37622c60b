"""Nightly scans start one named execution per repository; the same night's event twice starts
nothing new; a bad repository entry is refused before anything starts."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

from shoal.errors import InputError
from shoal.handlers.scheduler import start_night
from shoal.nightly import nightly_scans
from shoal.scan.pipeline import ScanRequest
from shoal.github.publish import GitHubTarget

ORCHESTRATOR = "arn:aws:lambda:eu-west-1:123456789012:function:shoal-orchestrator:live"
EVENT = json.loads((Path(__file__).resolve().parents[2] / "events" / "schedule.json").read_text())
REPOS = ["https://github.com/acme/widgets", "https://github.com/acme/gadgets.git"]


def client():
    return boto3.client("lambda", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")


def test_one_execution_per_repository_named_by_the_night_and_started_once() -> None:
    scans = nightly_scans(REPOS, "2026-11-27", ("github.com",))
    lam = client()
    with Stubber(lam) as stub:
        for scan in scans:
            stub.add_response("invoke", {"StatusCode": 202}, {
                "FunctionName": ORCHESTRATOR, "InvocationType": "Event", "DurableExecutionName": scan.execution_name,
                "Payload": json.dumps(scan.request, sort_keys=True).encode()})
        for _ in scans:  # EventBridge delivers the same night's event again
            stub.add_client_error("invoke", service_error_code="DurableExecutionAlreadyStartedException",
                                  http_status_code=409)
        first = start_night(EVENT, REPOS, lam, ORCHESTRATOR, ("github.com",))
        again = start_night(EVENT, REPOS, lam, ORCHESTRATOR, ("github.com",))
        stub.assert_no_pending_responses()
    assert len(first["started"]) == 2 and again == {"started": [], "already_started": first["started"]}
    assert all(name.startswith("nightly-2026-11-27-github-com-acme-") and len(name) <= 64 for name in first["started"])
    assert scans[0].request["repository"] == "https://github.com/acme/widgets" and scans[0].request["ref"] is None


@pytest.mark.parametrize("repos, fragment", [
    (["https://evil.example.com/a/b"], "not allowed"),
    (["/local/path"], "https URL"),
    (["ext::sh -c boom"], "transport helper"),
    (["https://github.com/acme/widgets#--upload-pack=x"], "ref"),
])
def test_a_bad_repository_entry_is_refused_before_anything_starts(repos, fragment, tmp_path: Path) -> None:
    if repos == ["/local/path"]:
        repos = [str(tmp_path)]
    lam = client()
    with Stubber(lam) as stub, pytest.raises(InputError, match=fragment):
        start_night(EVENT, REPOS[:1] + repos, lam, ORCHESTRATOR, ("github.com",))
        stub.assert_no_pending_responses()


def test_results_are_published_to_the_repository_and_a_named_branch_is_scanned_and_uploadable() -> None:
    default, branch = nightly_scans(["https://github.com/acme/widgets", "https://github.com/acme/widgets#release/2.x"],
                                    "2026-11-27", ("github.com",))
    assert default.request["github"] == {"owner": "acme", "repo": "widgets", "head_sha": "", "ref": "",
                                         "pull_number": None}
    assert default.request["baseline"] == {"store": True}
    assert branch.request["ref"] == "release/2.x"
    assert branch.request["github"] == {"owner": "acme", "repo": "widgets", "head_sha": "",
                                        "ref": "refs/heads/release/2.x", "pull_number": None}
    assert branch.request["baseline"] == {"store": True, "branch": "release/2.x"}
    assert default.execution_name != branch.execution_name and default.request["scan_id"] != branch.request["scan_id"]
    for scan in (default, branch):  # what the orchestrator will accept
        assert ScanRequest.from_event(scan.request).repository == "https://github.com/acme/widgets"
        assert GitHubTarget.from_event(scan.request["github"]).owner == "acme"
