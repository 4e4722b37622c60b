"""What Shoal sends to GitHub, without a network: the token (Secrets Manager through Powertools,
checked by a botocore Stubber against the real service model), the target from the webhook, the
check run and status bodies within GitHub's limits, and a SARIF report fitted to code scanning's."""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import replace
from typing import Any

import boto3
import pytest
from aws_lambda_powertools.utilities import parameters
from aws_lambda_powertools.utilities.parameters.secrets import SecretsProvider
from botocore.stub import Stubber

from shoal.config import Settings, settings_from_env
from shoal.errors import InputError
from shoal.github.api import GitHubClient, validate_api_url
from shoal.github.auth import AppCredentials, CredentialsError, TokenCredentials, app_jwt, read_credentials
from shoal.github.publish import (
    SARIF_MAX_RESULTS_PER_RUN,
    GitHubTarget,
    PublishError,
    PublishOptions,
    Reports,
    check_annotations,
    check_run_requests,
    prepare_sarif,
    status_request,
    summary_markdown,
)
from shoal.github.webhook import WebhookConfig, route
from shoal.models import Finding, Location, RuleMeta, ScanResult, Severity
from shoal.reports import render

COMMIT = "89abcdef0123456789abcdef0123456789abcdef"
SECRET_NAME = "shoal/github-token"
RULE = RuleMeta("security/sql-injection", "SqlInjection", "SQL built from input.", Severity.ERROR)


def finding(line: int, end: int, severity: Severity = Severity.ERROR, message: str = "tainted query",
            **extra: Any) -> Finding:
    return Finding(RULE.id, severity, "high", message, Location("app/db.py", line, 4, end, 20),
                   f"fp-{line}-{severity.value}", **extra)


def reports_of(*findings: Finding, threshold: Severity | None = Severity.ERROR) -> Reports:
    result = ScanResult("scan-9", "https://github.com/acme/widgets.git", COMMIT, "main", (), findings, (),
                        (RULE,), "0.1.0", failure_threshold=threshold)
    return Reports(json.loads(render(result, "json")), render(result, "sarif"), render(result, "md").decode())


# ---------------------------------------------------------------- token


@pytest.fixture
def secrets(monkeypatch: pytest.MonkeyPatch) -> Stubber:
    """Powertools' default secrets provider on a stubbed client: the real get_secret code path."""
    client = boto3.client("secretsmanager", region_name="eu-west-1",
                          aws_access_key_id="x", aws_secret_access_key="x")
    monkeypatch.setitem(parameters.base.DEFAULT_PROVIDERS, "secrets", SecretsProvider(boto3_client=client))
    with Stubber(client) as stub:
        yield stub
        stub.assert_no_pending_responses()


def test_the_token_comes_from_the_environment_for_local_use() -> None:
    found = read_credentials({"SHOAL_GITHUB_TOKEN": "ghp_local", "SHOAL_GITHUB_TOKEN_SECRET": "unused"})
    assert found == TokenCredentials("ghp_local") and "ghp_local" not in repr(found)


def _stored(stub: Stubber, value: str) -> None:
    stub.add_response("get_secret_value",
                      {"Name": SECRET_NAME, "SecretString": value,
                       "ARN": f"arn:aws:secretsmanager:eu-west-1:123456789012:secret:{SECRET_NAME}-AbCdEf"},
                      {"SecretId": SECRET_NAME})


@pytest.mark.parametrize("stored", ["ghs_from_secret\n", '{"token": "ghs_from_secret"}'])
def test_the_token_is_read_from_secrets_manager(secrets: Stubber, stored: str) -> None:
    _stored(secrets, stored)
    assert read_credentials({"SHOAL_GITHUB_TOKEN_SECRET": SECRET_NAME}) == TokenCredentials("ghs_from_secret")


def test_a_github_app_key_is_read_and_signs_a_short_rs256_jwt(secrets: Stubber) -> None:
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption()).decode()
    _stored(secrets, json.dumps({"app_id": 31337, "private_key": pem, "installation_id": "77"}))
    app = read_credentials({"SHOAL_GITHUB_TOKEN_SECRET": SECRET_NAME})
    assert app == AppCredentials("31337", pem, 77) and "PRIVATE" not in repr(app)
    token = app_jwt(app, now=1_800_000_000)
    claims = jwt.decode(token, key.public_key(), algorithms=["RS256"], options={"verify_exp": False, "verify_iat": False})
    assert claims == {"iat": 1_800_000_000 - 60, "exp": 1_800_000_000 - 60 + 540, "iss": "31337"}
    assert jwt.get_unverified_header(token)["alg"] == "RS256"
    with pytest.raises(CredentialsError, match="not a usable PEM RSA key"):
        app_jwt(AppCredentials("1", "-----BEGIN RSA PRIVATE KEY-----\nnope\n-----END RSA PRIVATE KEY-----\n"), 0)


@pytest.mark.parametrize("stored, fragment", [
    ("-----BEGIN RSA PRIVATE KEY-----\n...", "private key alone"),
    ('{"app_id": 1}', "without a string 'token'"),
    ('{"token": ', "not valid JSON"),
    ('{"app_id": 1, "private_key": "k", "installation_id": "x"}', "installation_id"),
    ("  ", "is empty"),
])
def test_a_secret_in_the_wrong_shape_says_what_to_store(secrets: Stubber, stored: str, fragment: str) -> None:
    _stored(secrets, stored)
    with pytest.raises(CredentialsError, match=fragment):
        read_credentials({"SHOAL_GITHUB_TOKEN_SECRET": SECRET_NAME})


def test_a_missing_secret_or_no_token_at_all_says_what_to_set(secrets: Stubber) -> None:
    secrets.add_client_error("get_secret_value", service_error_code="ResourceNotFoundException",
                             service_message="Secrets Manager can't find the specified secret.",
                             http_status_code=400, expected_params={"SecretId": SECRET_NAME})
    with pytest.raises(CredentialsError, match="could not read the GitHub token secret 'shoal/github-token'"):
        read_credentials({"SHOAL_GITHUB_TOKEN_SECRET": SECRET_NAME})
    with pytest.raises(CredentialsError, match="SHOAL_GITHUB_TOKEN_SECRET .* or SHOAL_GITHUB_TOKEN"):
        read_credentials({})


def test_the_token_only_travels_over_https_or_loopback() -> None:
    assert validate_api_url("https://ghe.example.com/api/v3/") == "https://ghe.example.com/api/v3"
    assert validate_api_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    with pytest.raises(InputError, match="plain http"):
        validate_api_url("http://ghe.example.com/api/v3")
    with pytest.raises(InputError, match="not an http"):
        GitHubClient("ghs_x", "ftp://example.com")
    with pytest.raises(InputError, match="token is empty"):
        GitHubClient(" ")


# ---------------------------------------------------------------- settings and target


def test_publishing_is_configured_from_shoal_environment_variables() -> None:
    settings = settings_from_env({"SHOAL_GITHUB_PUBLISH": "status", "SHOAL_GITHUB_SARIF_UPLOAD": "1",
                                  "SHOAL_GITHUB_API_URL": "https://ghe.example.com/api/v3",
                                  "SHOAL_GITHUB_MAX_ANNOTATIONS": "200"})
    options = PublishOptions.from_settings(settings)
    assert (options.mode, options.sarif, options.api_url, options.max_annotations) == (
        "status", True, "https://ghe.example.com/api/v3", 200)
    assert not PublishOptions.from_settings(Settings()).enabled  # off unless asked for
    # An App's installation token gets only what the configured channels need.
    assert options.permissions() == {"statuses": "write", "security_events": "write"}
    assert PublishOptions(mode="check").permissions() == {"checks": "write"}
    with pytest.raises(InputError, match="github_publish"):
        settings_from_env({"SHOAL_GITHUB_PUBLISH": "comment"})
    with pytest.raises(InputError, match="SHOAL_GITHUB_SARIF_UPLOAD"):
        settings_from_env({"SHOAL_GITHUB_SARIF_UPLOAD": "perhaps"})


@pytest.mark.parametrize("bad, fragment", [
    ({"owner": "acme"}, "owner/repo"),
    ({"owner": "acme", "repo": "../etc"}, "owner/repo"),
    ({"owner": "acme", "repo": "w", "head_sha": "abc"}, "head_sha"),
    ({"owner": "acme", "repo": "w", "ref": "main"}, "full ref"),
    ({"owner": "acme", "repo": "w", "pull_number": "7"}, "pull_number"),
    ("acme/widgets", "must be an object"),
])
def test_a_malformed_target_is_refused_with_its_field_named(bad: Any, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        GitHubTarget.from_event(bad)


def _repo(full_name: str) -> dict[str, Any]:
    return {"full_name": full_name, "clone_url": f"https://github.com/{full_name}.git"}


def test_the_webhook_tells_the_orchestrator_where_results_go() -> None:
    config = WebhookConfig(secret=b"s")
    push = route("push", "d-1", {"ref": "refs/heads/main", "after": COMMIT, "repository": _repo("acme/widgets")},
                 config)
    assert push.scan["github"] == {"owner": "acme", "repo": "widgets", "head_sha": COMMIT,
                                   "ref": "refs/heads/main", "pull_number": None}
    fork = {"action": "opened", "number": 12, "repository": _repo("acme/widgets"),
            "pull_request": {"head": {"sha": COMMIT, "repo": _repo("mallory/widgets")},
                             "base": {"repo": _repo("acme/widgets")}}}
    decision = route("pull_request", "d-2", fork, config)
    # Cloned from the fork, published on the base repository where the pull request lives.
    assert decision.scan["repository"] == "https://github.com/mallory/widgets.git"
    assert decision.scan["github"] == {"owner": "acme", "repo": "widgets", "head_sha": COMMIT,
                                       "ref": "refs/pull/12/head", "pull_number": 12}
    assert GitHubTarget.from_event(decision.scan["github"]).pull_number == 12
    assert decision.execution_name == "gh-d-2"  # unchanged: one execution per delivery


# ---------------------------------------------------------------- check run and status bodies


def test_annotations_follow_githubs_rules_for_levels_lines_and_columns() -> None:
    notes = check_annotations(reports_of(finding(5, 5, Severity.NOTE), finding(9, 12), finding(0, 0, Severity.WARNING),
                                   finding(3, 3, message="x" * 70_000)), limit=10)
    assert [n["annotation_level"] for n in notes] == ["failure", "failure", "warning", "notice"]
    multi = next(n for n in notes if n["start_line"] == 9)
    assert multi["end_line"] == 12 and "start_column" not in multi  # columns only on one line
    single = next(n for n in notes if n["start_line"] == 3)
    assert (single["start_column"], single["end_column"]) == (4, 20)
    assert len(single["message"].encode()) <= 64 * 1024
    careless = next(n for n in notes if n["annotation_level"] == "warning")
    assert careless["start_line"] == careless["end_line"] == 1  # GitHub's lines start at 1
    assert [n["start_line"] for n in check_annotations(reports_of(finding(1, 1), finding(2, 2)), limit=1)] == [1]


def test_the_summary_stays_within_65535_characters_and_puts_baseline_changes_first() -> None:
    many = tuple(finding(i, i, message="m" * 100) for i in range(1, 3000))
    bodies = check_run_requests(reports_of(*many), COMMIT, PublishOptions(mode="check", max_annotations=3000), False)
    assert len(bodies) == 60 and all(len(b["output"].get("annotations", ())) <= 50 for b in bodies)
    assert all(len(b["output"]["summary"]) <= 65535 and len(b["output"]["text"]) <= 65535 for b in bodies)
    assert all(b["output"]["title"] == bodies[0]["output"]["title"] for b in bodies)  # PATCH needs both again
    states = reports_of(finding(1, 1), finding(2, 2), finding(3, 3, Severity.WARNING))
    for entry, state in zip(states.findings["findings"], ("unchanged", "unchanged", "new")):
        entry["baseline_state"] = state  # as findings.json marks them when a baseline is in effect
    text = summary_markdown(states, incomplete=False, shown=2)
    assert text.startswith("**1 new** and **0 fixed** findings since the baseline (2 unchanged).")
    assert "(new first, then most severe)" in text
    # What the change brought in is annotated first, even below older, more severe findings.
    assert [n["annotation_level"] for n in check_annotations(states, limit=2)] == ["warning", "failure"]
    declared = replace(states, findings={**states.findings, "summary": {**states.findings["summary"],
                                                                       "baseline": {"new": 1, "fixed": 4}}})
    assert summary_markdown(declared, False, 3).startswith("**1 new** and **4 fixed**")


def test_the_conclusion_follows_the_failure_threshold_and_an_incomplete_scan_fails() -> None:
    warning_only = reports_of(finding(1, 1, Severity.WARNING))
    assert check_run_requests(warning_only, COMMIT, PublishOptions(), False)[-1]["conclusion"] == "success"
    assert check_run_requests(warning_only, COMMIT, PublishOptions(), True)[-1]["conclusion"] == "failure"
    strict = reports_of(finding(1, 1, Severity.WARNING), threshold=Severity.WARNING)
    assert status_request(strict, PublishOptions(), False)["state"] == "failure"
    never = reports_of(finding(1, 1), threshold=None)
    assert status_request(never, PublishOptions(), False)["state"] == "success"
    status = status_request(reports_of(*(finding(i, i) for i in range(1, 5))), PublishOptions(check_name="X" * 300), True)
    assert len(status["description"]) <= 140 and status["description"].startswith("Scan incomplete: 4 errors")


# ---------------------------------------------------------------- SARIF within code scanning's limits


def _sarif(results: list[dict[str, Any]], runs: int = 1, tags: int = 1) -> bytes:
    rule = {"id": "r", "properties": {"tags": [f"t{i}" for i in range(tags)]}}
    run = {"tool": {"driver": {"name": "Shoal", "rules": [rule]}}, "results": results}
    return json.dumps({"version": "2.1.0", "runs": [run] * runs}).encode()


def _unpack(upload: Any) -> dict[str, Any]:
    return json.loads(gzip.decompress(base64.b64decode(upload.encoded)))


def test_more_results_than_a_run_may_hold_keeps_the_most_severe() -> None:
    results = [{"ruleId": "r", "level": "note", "message": {"text": "n"}}] * (SARIF_MAX_RESULTS_PER_RUN + 10)
    results = results + [{"ruleId": "r", "level": "error", "message": {"text": "e"}}] * 5
    upload = prepare_sarif(_sarif(results))
    kept = _unpack(upload)["runs"][0]["results"]
    assert len(kept) == SARIF_MAX_RESULTS_PER_RUN and upload.dropped == 15
    assert [r["level"] for r in kept[:5]] == ["error"] * 5


def test_rule_tags_are_cut_to_twenty_and_too_many_runs_are_refused() -> None:
    upload = prepare_sarif(_sarif([], tags=25))
    assert len(_unpack(upload)["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"]) == 20
    with pytest.raises(PublishError, match="21 runs"):
        prepare_sarif(_sarif([], runs=21))
    with pytest.raises(PublishError, match="even without results"):
        prepare_sarif(_sarif([]), max_gzip_bytes=10)


def test_shoal_scan_names_the_target_from_its_flags() -> None:
    from shoal.github.publish import local_target

    assert local_target("acme/widgets", "develop", None)["ref"] == "refs/heads/develop"
    assert local_target("acme/widgets", COMMIT, None)["ref"] == ""  # a commit is not a ref: needs --github-ref
    assert local_target("acme/widgets", None, "refs/pull/3/head") == {
        "owner": "acme", "repo": "widgets", "head_sha": "", "ref": "refs/pull/3/head", "pull_number": None}
    with pytest.raises(InputError, match="owner/repo"):
        local_target("widgets", None, None)
