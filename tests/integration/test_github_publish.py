"""Results back to GitHub, against a loopback server that checks requests the way GitHub's REST
API documents them: check runs with batched annotations, commit statuses, SARIF uploads, retries
of 5xx and rate limits (without real sleeps), and a publish failure that loses nothing."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from shoal.config import Settings
from shoal.github.api import GitHubClient, GitHubError, GitHubUnavailable, RetryPolicy
from shoal.github.publish import GitHubTarget, PublishOptions, Reports, publish, publish_scan
from shoal.models import Location, RuleMeta, ScanResult, Severity, Finding
from shoal.reports import write_reports
from shoal.workspace import ScanPaths
from tests.integration.github_server import FakeGitHub
from tests.helpers import init_repo

TOKEN = "ghs_test_token"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
TARGET = GitHubTarget("acme", "widgets", COMMIT, "refs/pull/7/head", 7)
RULE = RuleMeta("security/weak-hash", "WeakHash", "A weak hash.", Severity.ERROR, cwe="CWE-328")
NOTE_RULE = RuleMeta("metrics/long-function", "LongFunction", "Too long.", Severity.NOTE)


def make_findings(errors: int, notes: int) -> tuple[Finding, ...]:
    def one(rule: RuleMeta, severity: Severity, i: int, multiline: bool) -> Finding:
        end = i + 3 if multiline else i
        return Finding(rule.id, severity, "high", f"finding {i} of {rule.id}",
                       Location(f"pkg/mod{i % 7}.py", i, 5, end, 12), f"{rule.id}-{i}")
    return (*(one(RULE, Severity.ERROR, i + 1, False) for i in range(errors)),
            *(one(NOTE_RULE, Severity.NOTE, i + 1, True) for i in range(notes)))


def write_scan(workspace: Path, findings: tuple[Finding, ...], scan_id: str = "acme-widgets-0123456789ab",
               threshold: Severity | None = Severity.ERROR) -> dict[str, Any]:
    """The reports the merge writes, and the merge's small result naming them (as checkpointed)."""
    paths = ScanPaths(workspace, scan_id)
    result = ScanResult(scan_id, "https://github.com/acme/widgets.git", COMMIT, "refs/pull/7/head", (),
                        tuple(sorted(findings, key=lambda f: f.sort_key)), (), (RULE, NOTE_RULE), "0.1.0",
                        failure_threshold=threshold)
    written = write_reports(result, paths.report)
    return {"scan_id": scan_id, "commit": COMMIT,
            "reports": {fmt: paths.relative(r.path) for fmt, r in written.items()},
            "report_sha256": {fmt: r.sha256 for fmt, r in written.items()}}


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def github():
    with FakeGitHub(TOKEN) as server:
        yield server


def client_for(server: FakeGitHub, sleeps: Sleeps | None = None, clock: float = 1_700_000_000.0,
               token: str = TOKEN, attempts: int = 4) -> GitHubClient:
    return GitHubClient(token, server.url, sleep=sleeps if sleeps is not None else Sleeps(),
                        clock=lambda: clock, policy=RetryPolicy(attempts=attempts, base_delay=1.0, max_wait=60.0))


def test_a_check_run_carries_every_annotation_in_batches_of_50(github: FakeGitHub, tmp_path: Path) -> None:
    merged = write_scan(tmp_path, make_findings(errors=70, notes=50))
    reports = Reports.load(tmp_path, merged)
    result = publish(client_for(github), reports, TARGET, PublishOptions(mode="check", details_url="https://ci/{scan_id}"))
    assert github.violations == [] and result["errors"] == [] and result["published"] is True
    calls = [(r.method, r.path) for r in github.requests]
    assert calls[0] == ("GET", f"/repos/acme/widgets/commits/{COMMIT}/check-runs")
    assert calls[1:] == [("POST", "/repos/acme/widgets/check-runs")] + [
        ("PATCH", f"/repos/acme/widgets/check-runs/{result['check_run']['id']}")] * 2
    assert [len(r.body["output"].get("annotations", ())) for r in github.requests[1:]] == [50, 50, 20]
    for request in github.requests:
        assert request.headers["accept"] == "application/vnd.github+json"
        assert request.headers["x-github-api-version"] == "2022-11-28"
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert request.headers["user-agent"].startswith("shoal/")
    run = github.check_runs[result["check_run"]["id"]]
    assert run["status"] == "completed" and run["conclusion"] == "failure"  # errors reach the threshold
    assert len(run["annotations"]) == 120 and result["check_run"]["annotations"] == 120
    # Most severe first: the 70 errors are failures, the notes notices; multi-line ones carry no columns.
    assert [a["annotation_level"] for a in run["annotations"]] == ["failure"] * 70 + ["notice"] * 50
    assert all("start_column" not in a for a in run["annotations"][70:])
    assert run["annotations"][0]["title"] == "security/weak-hash (WeakHash)"
    assert run["external_id"] == merged["scan_id"] and run["details_url"] == f"https://ci/{merged['scan_id']}"
    assert "70 errors" in run["title"] and "| error | 70 |" in run["summary"]
    assert run["text"].startswith("# Shoal report")  # summary.md, the merge's Markdown report
    # The run stays in progress until its last batch: GitHub never shows it finished and incomplete.
    assert github.requests[1].body["status"] == "in_progress" and "conclusion" not in github.requests[2].body


def test_publishing_again_reuses_the_completed_check_run(github: FakeGitHub, tmp_path: Path) -> None:
    reports = Reports.load(tmp_path, write_scan(tmp_path, make_findings(errors=3, notes=60)))
    first = publish(client_for(github), reports, TARGET, PublishOptions(mode="check"))
    again = publish(client_for(github), reports, TARGET, PublishOptions(mode="check"))
    assert again["check_run"] == {**first["check_run"], "reused": True}
    assert len(github.check_runs) == 1 and len(github.annotations(first["check_run"]["id"])) == 63


def test_a_clean_scan_succeeds_and_the_annotation_limit_is_said_in_the_summary(github, tmp_path: Path) -> None:
    reports = Reports.load(tmp_path, write_scan(tmp_path, make_findings(errors=0, notes=30)))
    result = publish(client_for(github), reports, TARGET, PublishOptions(mode="check", max_annotations=10))
    run = github.check_runs[result["check_run"]["id"]]
    assert run["conclusion"] == "success" and len(run["annotations"]) == 10
    assert "the 10 most severe of 30 findings" in run["summary"]
    assert [r.method for r in github.requests] == ["GET", "POST"]  # one request creates and completes it


def test_a_commit_status_instead_of_a_check_run(github: FakeGitHub, tmp_path: Path) -> None:
    reports = Reports.load(tmp_path, write_scan(tmp_path, make_findings(errors=2, notes=1)))
    result = publish(client_for(github), reports, TARGET, PublishOptions(mode="status", details_url="https://ci/x"))
    assert github.violations == [] and github.check_runs == {}
    [status] = github.statuses
    assert status["sha"] == COMMIT and status["state"] == "failure" and status["context"] == "shoal"
    assert status["description"] == "Shoal failed: 2 errors, 0 warnings, 1 note" and status["target_url"] == "https://ci/x"
    assert result["status"] == {"id": status["id"], "state": "failure", "context": "shoal"}


def test_the_sarif_report_is_uploaded_gzipped_and_base64_encoded(github: FakeGitHub, tmp_path: Path) -> None:
    merged = write_scan(tmp_path, make_findings(errors=4, notes=4))
    reports = Reports.load(tmp_path, merged)
    result = publish(client_for(github), reports, TARGET, PublishOptions(mode="none", sarif=True))
    assert github.violations == [] and result["errors"] == []
    [upload] = github.sarifs
    assert upload["commit_sha"] == COMMIT and upload["ref"] == "refs/pull/7/head" and upload["tool_name"] == "Shoal"
    assert upload["document"] == json.loads((tmp_path / merged["reports"]["sarif"]).read_bytes())
    body = github.requests[-1].body
    assert gzip.decompress(base64.b64decode(body["sarif"])) == reports.sarif  # unchanged: byte for byte
    assert result["sarif"]["id"] == upload["id"] and result["sarif"]["dropped"] == 0


def test_a_sarif_too_big_for_code_scanning_is_trimmed_to_the_most_severe(tmp_path: Path) -> None:
    merged = write_scan(tmp_path, make_findings(errors=300, notes=3000))
    reports = Reports.load(tmp_path, merged)
    whole = len(gzip.compress(reports.sarif, mtime=0))
    # The server enforces a smaller limit, as GitHub enforces its 10 MB; the client is told the same.
    with FakeGitHub(TOKEN, sarif_max_gzip_bytes=whole // 3) as server:
        options = PublishOptions(sarif=True, sarif_max_gzip_bytes=whole // 3)
        result = publish(client_for(server), reports, TARGET, options)
        assert server.violations == [] and result["errors"] == []
        levels = [r["level"] for r in server.sarifs[0]["document"]["runs"][0]["results"]]
        assert levels[:300] == ["error"] * 300 and 0 < result["sarif"]["dropped"] <= 3000
        assert len(levels) == 3300 - result["sarif"]["dropped"]


def test_transient_errors_and_rate_limits_are_retried_with_bounded_waits(github: FakeGitHub, tmp_path: Path) -> None:
    reports = Reports.load(tmp_path, write_scan(tmp_path, make_findings(errors=1, notes=0)))
    clock = 1_700_000_000.0
    github.fail_next(1, 502)
    github.fail_next(1, 503, {"Retry-After": "7"})
    github.fail_next(1, 403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(clock) + 20)},
                     {"message": "API rate limit exceeded"})
    github.fail_next(1, 429, {"Retry-After": "3"}, {"message": "secondary rate limit"})
    sleeps = Sleeps()
    result = publish(client_for(github, sleeps, clock, attempts=5), reports, TARGET, PublishOptions(mode="status"))
    assert result["errors"] == [] and len(github.statuses) == 1
    assert sleeps == [1.0, 7.0, 21.0, 3.0]  # backoff, Retry-After, until the reset (+1 s), Retry-After


def test_retries_are_bounded_and_a_long_rate_limit_gives_up_at_once(github: FakeGitHub) -> None:
    github.fail_next(10, 500)
    sleeps = Sleeps()
    with pytest.raises(GitHubUnavailable, match="gave up after 4 attempts"):
        client_for(github, sleeps).request("GET", "/repos/acme/widgets/commits/" + COMMIT + "/check-runs")
    assert len(github.requests) == 4 and sleeps == [1.0, 2.0, 4.0]
    github.script.clear()
    github.fail_next(1, 403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(1_700_000_000 + 3600)})
    with pytest.raises(GitHubUnavailable, match="rate limited for 3601 s"):
        client_for(github, Sleeps()).request("POST", "/repos/acme/widgets/statuses/" + COMMIT, {"state": "success"})


def test_refusals_are_not_retried(github: FakeGitHub) -> None:
    with pytest.raises(GitHubError, match="401: Bad credentials") as refused:
        client_for(github, token="ghs_wrong").request("POST", f"/repos/acme/widgets/statuses/{COMMIT}", {"state": "success"})
    assert refused.value.status == 401 and len(github.requests) == 1
    github.fail_next(1, 403, body={"message": "Resource not accessible by integration"})
    with pytest.raises(GitHubError, match="Resource not accessible"):
        client_for(github).request("POST", f"/repos/acme/widgets/statuses/{COMMIT}", {"state": "success"})
    assert len(github.requests) == 2


def test_a_failing_channel_is_recorded_and_the_others_still_publish(github: FakeGitHub, tmp_path: Path) -> None:
    reports = Reports.load(tmp_path, write_scan(tmp_path, make_findings(errors=1, notes=1)))
    no_ref = GitHubTarget("acme", "widgets", COMMIT)
    result = publish(client_for(github), reports, no_ref, PublishOptions(mode="check", sarif=True))
    assert result["published"] is False and len(github.check_runs) == 1
    assert result["errors"] == ["sarif: the SARIF upload needs github.ref (refs/heads/<branch> or refs/pull/<n>/head)"]


def test_publish_scan_never_raises_and_names_what_to_fix(github: FakeGitHub, tmp_path: Path) -> None:
    merged = write_scan(tmp_path, make_findings(errors=1, notes=0))
    settings = Settings(workspace=str(tmp_path), github_publish="check", github_api_url=github.url)
    missing = publish_scan(merged, TARGET.to_dict(), settings, env={})
    assert missing["published"] is False and "SHOAL_GITHUB_TOKEN_SECRET" in missing["errors"][0]
    wrong = publish_scan(merged, TARGET.to_dict(), settings, env={"SHOAL_GITHUB_TOKEN": "ghs_wrong"})
    assert wrong["published"] is False and "Bad credentials" in wrong["errors"][0]
    bad = publish_scan(merged, {"owner": "acme"}, settings, env={"SHOAL_GITHUB_TOKEN": TOKEN})
    assert "owner/repo" in bad["errors"][0]
    ok = publish_scan(merged, {**TARGET.to_dict(), "head_sha": ""}, settings, env={"SHOAL_GITHUB_TOKEN": TOKEN})
    assert ok["published"] is True and ok["head_sha"] == COMMIT  # no head_sha: the scanned commit
    assert len(json.dumps(ok)) < 1024  # a small checkpoint, whatever the number of findings


# ---------------------------------------------------------------- through the orchestrator


def _tiny_repo(root: Path) -> tuple[Path, str]:
    repo = root / "repo"
    repo.mkdir()
    (repo / "app.py").write_text('import hashlib\n\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n\n'
                                 'PASSWORD = "hunter2hunter2"\n')
    return repo, init_repo(repo, "one")


@pytest.mark.parametrize("token, publishes", [(TOKEN, True), ("ghs_revoked", False)])
def test_the_orchestrator_publishes_after_the_merge_and_a_failure_loses_nothing(
    github: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str, publishes: bool
) -> None:
    from shoal.local.engine import LocalEngine

    repo, sha = _tiny_repo(tmp_path)
    for name, value in {"SHOAL_GITHUB_PUBLISH": "check", "SHOAL_GITHUB_SARIF_UPLOAD": "1",
                        "SHOAL_GITHUB_API_URL": github.url, "SHOAL_GITHUB_TOKEN": token,
                        "SHOAL_WORKSPACE": str(tmp_path / "ws")}.items():
        monkeypatch.setenv(name, value)
    engine = LocalEngine(1, {"SHOAL_WORKSPACE": str(tmp_path / "ws")})
    event = {"scan_id": "gh-publish", "repository": str(repo), "ref": sha,
             "options": {"fanout": "inline", "max_partitions": 1},
             "github": {"owner": "acme", "repo": "widgets", "head_sha": sha, "ref": "refs/heads/main"}}
    summary = engine.run(event, "shoal-agent")
    top = sorted((op for op in engine.last_operations if op.parent_id is None and op.name),
                 key=lambda op: op.start_timestamp)
    assert [op.name for op in top] == ["configure", "claim", "checkout", "plan", "analyse", "merge", "publish", "metrics", "release"]
    assert summary["findings"]["error"] + summary["findings"]["warning"] >= 1
    assert (tmp_path / "ws" / summary["reports"]["sarif"]).is_file()  # the reports are there either way
    published = summary["publish"]
    if publishes:
        assert published["errors"] == [] and github.violations == []
        run = github.check_runs[published["check_run"]["id"]]
        assert run["head_sha"] == sha and len(run["annotations"]) == sum(summary["findings"].values())
        assert github.sarifs[0]["ref"] == "refs/heads/main" and published["sarif"]["results"] == len(run["annotations"])
    else:
        assert published["published"] is False and "Bad credentials" in published["errors"][0]
        assert github.check_runs == {} and github.sarifs == []


def test_shoal_scan_publishes_when_asked_and_refuses_early_without_a_token(
    github: FakeGitHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from shoal.cli import main

    repo, sha = _tiny_repo(tmp_path)
    monkeypatch.setenv("SHOAL_GITHUB_API_URL", github.url)
    monkeypatch.delenv("SHOAL_GITHUB_TOKEN", raising=False)
    monkeypatch.delenv("SHOAL_GITHUB_TOKEN_SECRET", raising=False)
    argv = ["scan", str(repo), "--workers", "1", "--fanout", "inline", "--workspace", str(tmp_path / "ws"),
            "--publish", "check", "--sarif-upload", "--github-repo", "acme/widgets", "--github-ref", "refs/heads/main"]
    assert main(argv) == 2 and "SHOAL_GITHUB_TOKEN" in capsys.readouterr().err
    assert github.requests == [] and not (tmp_path / "ws" / "scans").exists()  # refused before scanning
    monkeypatch.setenv("SHOAL_GITHUB_TOKEN", TOKEN)
    assert main(argv) == 0  # warnings only: the publish changes nothing in the exit status
    err = capsys.readouterr().err
    [run] = github.check_runs.values()
    assert run["head_sha"] == sha and github.sarifs[0]["ref"] == "refs/heads/main" and github.violations == []
    assert f"published to acme/widgets: check run https://github.com/acme/widgets/runs/{run['id']}" in err


@pytest.fixture(scope="module")
def app_key() -> tuple[str, bytes]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, public


@pytest.mark.parametrize("app_id, publishes", [("31337", True), ("999", False)])
def test_a_github_app_in_secrets_manager_gets_a_repository_scoped_installation_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_key: tuple[str, bytes], app_id: str, publishes: bool
) -> None:
    import boto3
    from aws_lambda_powertools.utilities import parameters
    from aws_lambda_powertools.utilities.parameters.secrets import SecretsProvider
    from botocore.stub import Stubber

    private, public = app_key
    secrets = boto3.client("secretsmanager", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
    monkeypatch.setitem(parameters.base.DEFAULT_PROVIDERS, "secrets", SecretsProvider(boto3_client=secrets))
    merged = write_scan(tmp_path, make_findings(errors=2, notes=0))
    with FakeGitHub("ghs_installation", app_id="31337", app_public_key=public) as server, Stubber(secrets) as stub:
        stub.add_response("get_secret_value", {"Name": "shoal/github-app",
                                               "SecretString": json.dumps({"app_id": app_id, "private_key": private})},
                          {"SecretId": "shoal/github-app"})
        settings = Settings(workspace=str(tmp_path), github_publish="check", github_sarif_upload=True,
                            github_api_url=server.url)
        result = publish_scan(merged, TARGET.to_dict(), settings, env={"SHOAL_GITHUB_TOKEN_SECRET": "shoal/github-app"})
        stub.assert_no_pending_responses()
    app_calls = [(r.method, r.path) for r in server.requests[:2]]
    assert app_calls[0] == ("GET", "/repos/acme/widgets/installation")
    if not publishes:  # a JWT from another App is refused: recorded, nothing published
        assert result["published"] is False and "is not this App" in result["errors"][0] and len(server.requests) == 1
        return
    assert app_calls[1] == ("POST", "/app/installations/4242/access_tokens")
    assert server.token_requests == [{"repositories": ["widgets"],
                                      "permissions": {"checks": "write", "security_events": "write"}}]
    assert result["errors"] == [] and server.violations == [] and len(server.sarifs) == 1
    assert all(r.headers["authorization"] == "Bearer ghs_installation" for r in server.requests[2:])
    assert server.requests[0].headers["authorization"].count(".") == 2  # the App's JWT, not a token
