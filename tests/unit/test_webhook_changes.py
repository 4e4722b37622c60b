"""Webhook requests for diff scans and baselines: a pull request scans its change against its base
branch's baseline; a push to the default branch becomes the baseline."""

from __future__ import annotations

from typing import Any

import pytest

from shoal.errors import InputError
from shoal.github.webhook import WebhookConfig, route
from shoal.scan.pipeline import ScanRequest, baseline_branch

HEAD = "89abcdef0123456789abcdef0123456789abcdef"
BASE = "0123456789abcdef0123456789abcdef01234567"
CONFIG = WebhookConfig(secret=b"s")


def _repo(full_name: str, default_branch: str = "main") -> dict[str, Any]:
    return {"full_name": full_name, "clone_url": f"https://github.com/{full_name}.git",
            "default_branch": default_branch}


def pull_request(base: dict[str, Any]) -> dict[str, Any]:
    return {"action": "synchronize", "number": 7, "repository": _repo("acme/widgets"),
            "pull_request": {"head": {"sha": HEAD, "repo": _repo("mallory/widgets")}, "base": base}}


def test_a_pull_request_is_a_diff_scan_against_its_base_branchs_baseline():
    decision = route("pull_request", "d-1", pull_request({"sha": BASE, "ref": "release/2"}), CONFIG)
    scan = decision.scan
    assert scan["base"] == BASE and scan["ref"] == HEAD
    # The fork is cloned, but the baseline is the base repository's.
    assert scan["baseline"] == {"branch": "release/2", "store": False, "default_branch": "main",
                                "repository": "https://github.com/acme/widgets.git"}
    assert scan["scan_id"].endswith(f"-vs-{BASE[:12]}")  # never the folder of a full scan of HEAD
    request = ScanRequest.from_event(scan)
    assert request.base == BASE and baseline_branch(request) == "release/2"
    assert request.baseline is not None and not request.baseline.store


def test_a_malformed_base_commit_is_refused_and_a_missing_one_scans_in_full():
    bad = route("pull_request", "d-2", pull_request({"sha": "not-a-sha", "ref": "main"}), CONFIG)
    assert bad.status == 400 and "base commit" in bad.reason
    full = route("pull_request", "d-3", pull_request({"ref": "main"}), CONFIG)
    assert full.status == 202 and "base" not in full.scan


def test_a_push_to_the_default_branch_stores_the_baseline_and_another_branch_does_not():
    config = WebhookConfig(secret=b"s", branches=frozenset({"main", "develop"}))
    main = route("push", "d-4", {"ref": "refs/heads/main", "after": HEAD, "repository": _repo("acme/widgets")}, config)
    assert main.scan["baseline"] == {"branch": "main", "store": True, "default_branch": "main"}
    assert "base" not in main.scan
    other = route("push", "d-5", {"ref": "refs/heads/develop", "after": HEAD, "repository": _repo("acme/widgets")},
                  config)
    assert other.scan["baseline"]["store"] is False
    assert ScanRequest.from_event(main.scan).baseline.store  # type: ignore[union-attr]


@pytest.mark.parametrize("baseline", [{"branch": "a b"}, {"unknown": 1}, "main"])
def test_a_bad_baseline_field_is_refused_clearly(baseline: Any):
    with pytest.raises(InputError, match="ref|baseline"):
        ScanRequest.from_event({"scan_id": "s", "repository": "/tmp", "baseline": baseline})
