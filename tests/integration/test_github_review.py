"""Pull-request reviews against the loopback GitHub: one summary comment updated in place across
pushes, inline comments on new findings never repeated, fixes as suggestions, GitHub's limits, and
a failing review that loses nothing; through the real CLI and through the webhook and orchestrator."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest

from shoal.github.publish import GitHubTarget, PublishOptions, Reports, ReviewContext, publish
from shoal.github.review import INLINE_PER_REVIEW, SUMMARY_MARKER
from shoal.models import Finding, Fix, Location, Severity
from tests.helpers import commit_all, git, init_repo
from tests.integration.github_server import FakeGitHub
from tests.integration.test_github_publish import COMMIT, RULE, TOKEN, client_for, write_scan

TARGET = GitHubTarget("acme", "widgets", COMMIT, "refs/pull/7/head", 7)
REVIEW = PublishOptions(mode="review", details_url="https://ci.example/scans/{scan_id}")


@pytest.fixture
def github():
    with FakeGitHub(TOKEN) as server:
        yield server


def findings(count: int, first: int = 1, fix: bool = False) -> tuple[Finding, ...]:
    out = []
    for i in range(first, first + count):
        location = Location(f"pkg/mod{i % 3}.py", i, 5, i, 20)
        change = Fix(Location(location.path, i, 12, i, 15), "sha256", i, i, f"    h = hashlib.sha256(x)  # {i}",
                     "Use SHA-256") if fix else None
        out.append(Finding(RULE.id, Severity.ERROR, "high", f"weak hash {i}", location, f"fp-{i:04d}", fix=change))
    return tuple(out)


def _publish(github: FakeGitHub, workspace: Path, found: tuple[Finding, ...]) -> dict[str, Any]:
    reports = Reports.load(workspace, write_scan(workspace, found))
    return publish(client_for(github), reports, TARGET, REVIEW, review_context=ReviewContext(complexity=[]))


def test_two_pushes_leave_one_summary_updated_in_place_and_no_inline_comment_twice(
    github: FakeGitHub, tmp_path: Path
) -> None:
    github.page_size_cap = 1  # every list is read through its Link headers, one item a page
    first = _publish(github, tmp_path / "one", findings(2, fix=True))
    second = _publish(github, tmp_path / "two", findings(3, fix=True))  # the second push adds one finding
    assert github.violations == [] and first["errors"] == [] and second["errors"] == []
    [summary] = github.issue_comments
    assert summary["edits"] == 1 and SUMMARY_MARKER in summary["body"] and "3 new findings" in summary["body"]
    assert "[Full report](https://ci.example/scans/acme-widgets-0123456789ab)" in summary["body"]
    assert [c["body"].split(" -->")[0] for c in github.review_comments] == [
        "<!-- shoal:finding fp-0001", "<!-- shoal:finding fp-0002", "<!-- shoal:finding fp-0003"]
    assert len(github.reviews) == 2 and second["review"]["review"]["already_commented"] == 2
    comment = github.review_comments[0]
    assert (comment["path"], comment["line"], comment["side"], comment["commit_id"]) == ("pkg/mod1.py", 1, "RIGHT", COMMIT)
    assert "```suggestion\n    h = hashlib.sha256(x)  # 1\n```" in comment["body"]
    pages = [r for r in github.requests if r.method == "GET" and r.path.endswith("/pulls/7/comments")]
    assert len(pages) == 1 + 2  # push 1: an empty list; push 2: two comments, one page each
    methods = [(r.method, r.path) for r in github.requests if r.method != "GET"]
    assert methods == [("POST", "/repos/acme/widgets/issues/7/comments"), ("POST", "/repos/acme/widgets/pulls/7/reviews"),
                       ("PATCH", f"/repos/acme/widgets/issues/comments/{summary['id']}"),
                       ("POST", "/repos/acme/widgets/pulls/7/reviews")]
    # A third push with nothing new: the summary is updated, and no empty review is posted.
    third = _publish(github, tmp_path / "three", findings(3, fix=True))
    assert third["review"]["review"]["comments"] == 0 and len(github.reviews) == 2
    assert len(github.issue_comments) == 1 and github.issue_comments[0]["edits"] == 2


def test_markers_in_other_peoples_comments_neither_hide_a_finding_nor_take_the_summary(
    github: FakeGitHub, tmp_path: Path
) -> None:
    mallory = {"login": "mallory", "type": "User"}
    github.issue_comments.append({"id": 1, "number": 7, "body": f"{SUMMARY_MARKER} lgtm", "edits": 0, "user": mallory})
    github.review_comments.append({"id": 2, "number": 7, "path": "pkg/mod1.py", "line": 1, "user": mallory,
                                   "body": "<!-- shoal:finding fp-0001 --> nothing to see"})
    result = _publish(github, tmp_path, findings(1))
    assert result["errors"] == [] and github.violations == []
    assert [c["user"]["login"] for c in github.issue_comments] == ["mallory", "shoal[bot]"]
    assert github.issue_comments[0]["body"] == f"{SUMMARY_MARKER} lgtm"
    assert [c["user"]["login"] for c in github.review_comments] == ["mallory", "shoal[bot]"]


def test_with_a_personal_token_its_own_login_marks_its_comments(github: FakeGitHub, tmp_path: Path) -> None:
    github.identity = {"login": "octocat", "type": "User"}
    _publish(github, tmp_path / "one", findings(1))
    second = _publish(github, tmp_path / "two", findings(2))
    assert second["errors"] == [] and github.violations == []
    assert len(github.issue_comments) == 1 and github.issue_comments[0]["edits"] == 1
    assert [c["body"].split(" -->")[0][-7:] for c in github.review_comments] == ["fp-0001", "fp-0002"]


def test_no_new_findings_is_said_plainly(github: FakeGitHub, tmp_path: Path) -> None:
    result = _publish(github, tmp_path, ())
    assert result["errors"] == [] and github.reviews == []
    assert "No new findings" in github.issue_comments[0]["body"]


def test_at_most_50_inline_comments_a_review_and_bodies_under_githubs_limit(github: FakeGitHub, tmp_path: Path) -> None:
    many = findings(1500)
    result = _publish(github, tmp_path, many)
    assert github.violations == [] and result["errors"] == []
    [review] = github.reviews
    assert len(github.review_comments) == INLINE_PER_REVIEW
    assert f"Not inline (GitHub takes {INLINE_PER_REVIEW} inline comments per review)" in review["body"]
    assert len(review["body"]) < 65536 and len(github.issue_comments[0]["body"]) < 65536
    assert "more new findings (the full report lists them all)" in github.issue_comments[0]["body"]
    # The ones listed in the body count as said: the next push does not repeat them inline.
    listed = review["body"].count("<!-- shoal:finding ")
    again = _publish(github, tmp_path / "again", many)
    assert again["review"]["review"]["already_commented"] == INLINE_PER_REVIEW + listed
    assert len(github.review_comments) == INLINE_PER_REVIEW + min(INLINE_PER_REVIEW, 1500 - INLINE_PER_REVIEW - listed)


def test_a_line_outside_the_diff_gets_githubs_422_and_the_review_still_arrives(github: FakeGitHub, tmp_path: Path) -> None:
    github.pull_diffs[7] = {"pkg/mod1.py": {1}}  # fp-0002 (pkg/mod2.py:2) is not in GitHub's diff
    result = _publish(github, tmp_path, findings(2))
    assert any("must be part of the diff" in v for v in github.violations)
    [review] = github.reviews
    assert github.review_comments == [] and "fp-0001" in review["body"] and "fp-0002" in review["body"]
    assert result["review"]["review"]["listed_in_body"] == 2 and result["errors"] == []


def test_a_review_that_fails_loses_nothing_and_is_recorded(github: FakeGitHub, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    merged = write_scan(workspace, findings(2))
    reports = Reports.load(workspace, merged)
    github.fail_next(3, 502)  # the first call is retried through these
    github.down[("POST", "/pulls/7/reviews")] = 503  # and the review never gets through
    result = publish(client_for(github, attempts=4), reports, TARGET, REVIEW)
    assert len(github.issue_comments) == 1 and github.reviews == []  # the summary went
    assert result["published"] is False
    assert result["errors"] == [result["errors"][0]] and "review:" in result["errors"][0] and "503" in result["errors"][0]
    assert (workspace / merged["reports"]["sarif"]).is_file()


def test_review_mode_gives_a_push_a_check_run(github: FakeGitHub, tmp_path: Path) -> None:
    reports = Reports.load(tmp_path, write_scan(tmp_path, findings(2, fix=True)))
    push = GitHubTarget("acme", "widgets", COMMIT, "refs/heads/main", None)
    result = publish(client_for(github), reports, push, REVIEW)
    assert result["errors"] == [] and "review" not in result and len(github.check_runs) == 1
    assert github.issue_comments == [] and github.reviews == []


# ---------------------------------------------------------------- through the CLI and the orchestrator


def _feature_repo(root: Path) -> tuple[Path, str]:
    """main with one plain function; a feature branch whose first push adds a yaml.load."""
    repo = root / "repo"
    repo.mkdir()
    (repo / "app.py").write_text("import yaml\n\n\ndef parse_args(text):\n    return text.split()\n")
    base = init_repo(repo, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "app.py").write_text("import yaml\n\n\ndef parse_args(text):\n    if text:\n        return yaml.load(text)\n"
                                 "    return text.split()\n")
    commit_all(repo, "push 1")
    return repo, base


def _second_push(repo: Path) -> str:
    (repo / "app.py").write_text(
        "import hashlib\nimport yaml\n\n\ndef parse_args(text):\n    if text:\n        return yaml.load(text)\n"
        "    for part in text:\n        if part and part.isdigit():\n            return part\n    return text.split()\n\n\n"
        "def digest(data):\n    return hashlib.md5(data).hexdigest()\n")
    return commit_all(repo, "push 2")


def _assert_one_summary_and_one_comment_per_finding(github: FakeGitHub) -> None:
    assert github.violations == []
    [summary] = github.issue_comments
    assert summary["edits"] == 1 and "2 new findings" in summary["body"]
    # parse_args grew (if, for, if, and): the complexity change names it first, then the new digest().
    assert "| `parse_args` | `app.py` | 1 -> 5 | 2 -> 7 | 0 -> 2 |\n| `digest` | `app.py` | - -> 1 |" in summary["body"]
    bodies = [c["body"] for c in github.review_comments]
    assert len(bodies) == 2 and len({b.split(" -->")[0] for b in bodies}) == 2
    yaml_comment = next(c for c in github.review_comments if "python-yaml-load" in c["body"])
    assert "```suggestion\n        return yaml.safe_load(text)\n```" in yaml_comment["body"]
    md5_comment = next(c for c in github.review_comments if "python-weak-hash" in c["body"])
    assert "```suggestion\n    return hashlib.sha256(data).hexdigest()\n```" in md5_comment["body"]
    assert [len(r["body"]) > 0 for r in github.reviews] == [True, True]


def test_two_pushes_through_the_cli(github: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from shoal.cli import main

    repo, _ = _feature_repo(tmp_path)
    monkeypatch.setenv("SHOAL_GITHUB_API_URL", github.url)
    monkeypatch.setenv("SHOAL_GITHUB_TOKEN", TOKEN)
    argv = ["scan", str(repo), "--base", "main", "--head", "feature", "--workers", "1", "--fanout", "inline",
            "--workspace", str(tmp_path / "ws"), "--publish", "review", "--github-repo", "acme/widgets",
            "--pull", "7", "--fail-on", "none"]
    for missing in (["--pull", "7"], ["--base", "main"]):
        assert main(["scan", str(repo), "--publish", "review", "--github-repo", "acme/widgets", *missing]) == 2
        assert "give --pull N (its number) and --base B" in capsys.readouterr().err
    assert github.requests == []
    assert main(argv) == 0
    assert "summary comment" in capsys.readouterr().err
    assert len(github.review_comments) == 1
    _second_push(repo)
    assert main(argv) == 0
    _assert_one_summary_and_one_comment_per_finding(github)


def _delivery(repo: Path, base: str, head: str, action: str, secret: bytes, delivery: str) -> dict[str, Any]:
    payload = {"action": action, "number": 7,
               "repository": {"full_name": "acme/widgets", "clone_url": str(repo), "default_branch": "main"},
               "pull_request": {"head": {"sha": head, "repo": {"full_name": "acme/widgets", "clone_url": str(repo)}},
                                "base": {"sha": base, "ref": "main"}}}
    body = json.dumps(payload)
    signature = "sha256=" + hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()
    return {"body": body, "headers": {"x-github-event": "pull_request", "x-github-delivery": delivery,
                                      "x-hub-signature-256": signature, "content-type": "application/json"}}


def test_a_synchronize_through_the_webhook_and_orchestrator(
    github: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shoal.github.webhook import WebhookConfig, handle
    from shoal.local.engine import LocalEngine

    repo, base = _feature_repo(tmp_path)
    workspace = tmp_path / "ws"
    for name, value in {"SHOAL_GITHUB_PUBLISH": "review", "SHOAL_GITHUB_API_URL": github.url,
                        "SHOAL_GITHUB_TOKEN": TOKEN, "SHOAL_WORKSPACE": str(workspace),
                        # The payloads' clone URL is a local repository, which only a local run may scan.
                        "SHOAL_LOCAL_ENGINE": "1"}.items():
        monkeypatch.setenv(name, value)
    config = WebhookConfig(secret=b"webhook-secret")
    engine = LocalEngine(1, {"SHOAL_WORKSPACE": str(workspace)})
    heads = [git(repo, "rev-parse", "HEAD").strip()]
    heads.append(_second_push(repo))
    for number, (action, head) in enumerate(zip(("opened", "synchronize"), heads)):
        decision = handle(_delivery(repo, base, head, action, config.secret, f"delivery-{number}"), config)
        assert decision.status == 202 and decision.scan is not None
        event = {**decision.scan, "options": {"fanout": "inline", "max_partitions": 1, "fail_on": "none"}}
        summary = engine.run(event, "shoal-agent")
        assert summary["publish"]["errors"] == [], summary["publish"]
        assert summary["publish"]["review"]["summary_comment"]["updated"] is (number == 1)
    _assert_one_summary_and_one_comment_per_finding(github)
    assert {r["commit_id"] for r in github.reviews} == set(heads)


def test_a_next_page_on_another_host_is_never_followed(github: FakeGitHub) -> None:
    from shoal.github.api import GitHubError

    github.fail_next(1, 200, headers={"Link": '<https://evil.example/repos/acme/widgets/issues/7/comments?page=2>; '
                                             'rel="next"'}, body=[{"id": 1, "body": "x"}])  # type: ignore[arg-type]
    with pytest.raises(GitHubError, match="another host"):
        client_for(github).paginate("/repos/acme/widgets/issues/7/comments")
    assert [r.path for r in github.requests] == ["/repos/acme/widgets/issues/7/comments"]
