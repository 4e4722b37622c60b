"""One ScanRequest for every trigger: each constructor's request survives the event and the
checkpoint unchanged, bad input is refused where the request is built, and ids stay stable."""

from __future__ import annotations

import json

import pytest

from shoal.errors import InputError
from shoal.request import BaselineRequest, GitHubTarget, ScanRequest, Trigger, cli_scan_id

HEAD, BASE = "a" * 40, "b" * 40
URL = "https://github.com/acme/widgets.git"


def _requests() -> list[ScanRequest]:
    return [
        ScanRequest.from_cli("/src/widgets", "main", base="develop", options={"workers": 2},
                             baseline=BaselineRequest(branch="main"), github=GitHubTarget.for_cli("acme/widgets", "main", None),
                             identity={"security": False}),
        ScanRequest.from_push("d-1", URL, "acme/widgets", HEAD, "main", "main"),
        ScanRequest.from_pull_request("d-2", "https://github.com/fork/widgets.git", "fork/widgets", HEAD, 7,
                                      base_full_name="acme/widgets", base_sha=BASE, base_branch="main",
                                      default_branch="main", base_clone_url=URL),
        ScanRequest.from_nightly("https://github.com/acme/widgets", "release/2.x", "2026-11-27"),
    ]


@pytest.mark.parametrize("request_", _requests(), ids=["cli", "push", "pull_request", "nightly"])
def test_a_request_survives_the_event_and_the_checkpoint(request_: ScanRequest) -> None:
    event = json.loads(json.dumps(request_.to_event()))  # what Lambda hands the orchestrator
    assert ScanRequest.from_event(event) == request_
    checkpoint = json.loads(json.dumps(request_.to_checkpoint()))
    assert "options" not in checkpoint  # the settings checkpoint carries them
    assert ScanRequest.from_checkpoint(checkpoint) == ScanRequest(**{**request_.__dict__, "options": {}})


def test_each_trigger_says_what_it_scans_and_where_results_go() -> None:
    cli, push, pull, nightly = _requests()
    assert cli.trigger == Trigger("cli") and cli.github == GitHubTarget("acme", "widgets", ref="refs/heads/main")
    assert push.baseline == BaselineRequest(branch="main", store=True, default_branch="main")
    assert push.github == GitHubTarget("acme", "widgets", HEAD, "refs/heads/main")
    # A fork's pull request: cloned from the fork, compared and published on the base repository.
    assert pull.repository.startswith("https://github.com/fork/") and pull.base == BASE
    assert pull.github == GitHubTarget("acme", "widgets", HEAD, "refs/pull/7/head", 7)
    assert pull.baseline == BaselineRequest(branch="main", default_branch="main", repository=URL)
    assert nightly.baseline == BaselineRequest(branch="release/2.x", store=True)
    assert nightly.github == GitHubTarget("acme", "widgets", ref="refs/heads/release/2.x")
    assert [r.baseline_branch() for r in (cli, push, pull, nightly)] == ["main", "main", "main", "release/2.x"]


def test_scan_ids_follow_the_identity_and_nothing_else() -> None:
    push = ScanRequest.from_push("d-1", URL, "acme/widgets", HEAD, "main", "main")
    assert push.scan_id == ScanRequest.from_push("d-9", URL, "acme/widgets", HEAD, "main", "main").scan_id
    pull = ScanRequest.from_pull_request("d-2", URL, "acme/widgets", HEAD, 7, base_full_name="acme/widgets",
                                         base_sha=BASE, base_branch="main", default_branch="main",
                                         base_clone_url=URL)
    assert pull.scan_id != push.scan_id and pull.scan_id.endswith(f"{HEAD[:12]}-vs-{BASE[:12]}")
    assert cli_scan_id("/src/widgets", None) == cli_scan_id("/src/widgets", "HEAD")  # no ref: HEAD
    assert cli_scan_id("/src/widgets", None, options={"security": None}) == cli_scan_id("/src/widgets", None)
    assert cli_scan_id("/src/widgets", None, options={"security": False}) != cli_scan_id("/src/widgets", None)
    night = ScanRequest.from_nightly("https://github.com/acme/widgets", None, "2026-11-27")
    assert night.scan_id.startswith("acme-widgets-") and night.scan_id.endswith("-nightly-2026-11-27")
    assert night.scan_id != ScanRequest.from_nightly("https://github.com/acme/widgets", None, "2026-11-28").scan_id


@pytest.mark.parametrize("event, fragment", [
    ({"scan_id": "s", "repository": URL, "github": {"owner": "acme", "repo": "w/x"}}, "not a GitHub repository"),
    ({"scan_id": "s", "repository": URL, "github": {"owner": "a", "repo": "b", "head_sha": "xyz"}}, "40-hex"),
    ({"scan_id": "s", "repository": URL, "github": {"owner": "a", "repo": "b", "pull_number": True}}, "pull request"),
    ({"scan_id": "s", "repository": URL, "ref": "--upload-pack=x"}, "not valid"),
    ({"scan_id": "s", "repository": URL, "base": "a..b"}, "not valid"),
    ({"scan_id": "s", "repository": URL, "trigger": {"kind": "cron"}}, "trigger"),
    ({"scan_id": "s", "repository": URL, "options": []}, "options"),
    ({"repository": URL}, "scan_id"),
    ("not an object", "repository"),
])
def test_bad_input_is_refused_where_the_request_is_built(event: object, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        ScanRequest.from_event(event)


def test_the_repository_is_checked_when_the_allowed_hosts_are_known(tmp_path) -> None:
    event = {"scan_id": "s", "repository": str(tmp_path)}
    assert ScanRequest.from_event(event, ("github.com",)).repository == str(tmp_path)
    with pytest.raises(InputError, match="local path"):
        ScanRequest.from_event(event, ("github.com",), allow_local=False)
    with pytest.raises(InputError, match="not allowed"):
        ScanRequest.from_event({"scan_id": "s", "repository": "https://evil.example.com/a/b"}, ("github.com",))


def test_a_checkpoint_of_the_older_record_still_reads() -> None:
    older = {"scan_id": "s", "repository": URL, "ref": HEAD, "base": None, "worktree": None,
             "baseline": {"branch": "main", "store": True, "default_branch": None, "repository": None}}
    request = ScanRequest.from_checkpoint(older)
    assert request.baseline == BaselineRequest(branch="main", store=True) and request.github is None


def test_the_ids_are_those_every_trigger_derived_before_the_request_existed() -> None:
    """Pinned (taken from the code before shoal.request): an existing scan folder, resumable state
    or finished scan is still found, and a redelivered webhook names the same scan."""
    assert cli_scan_id("https://github.com/acme/widgets.git", "main") == "widgets-92dc14affa6e10ce"
    assert cli_scan_id("https://github.com/acme/widgets.git", None, "develop", {"security": False}) == \
        "widgets-fa9d89b65ddd1959"
    push = ScanRequest.from_push("d-1", "https://github.com/acme/widgets.git", "acme/widgets", HEAD, "main", "main")
    assert push.scan_id == "acme-widgets-9e08bfe75d231f6c-aaaaaaaaaaaa"
    night = ScanRequest.from_nightly("https://github.com/acme/widgets", "release/2.x", "2026-11-27")
    assert night.scan_id == "acme-widgets-b719d556906233a1-nightly-2026-11-27"
