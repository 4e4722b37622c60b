"""--verify-secrets against loopback stand-ins of the providers' APIs (provider_server.py): each
provider's documented read-only call tells a live credential from a refused one, each value goes
only to its own provider, and timeouts, rate limits, redirects and unknown kinds stay `unknown`.

Values are generated from each detector's format (no credential is committed) and found by the
detectors in a line of code first, so what is sent is what a scan extracts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from shoal.errors import InputError
from shoal.secrets import verify
from shoal.secrets.scanner import scan_secrets_with_values
from shoal.secrets.verify import CHECKS, ENV_TEST_BASE, UNKNOWN, UNVERIFIED, VERIFIED, Verifier, verify_pairs
from tests.integration.provider_server import ProviderServer
from tests.unit.test_secret_detectors import SPECS, generate

SPEC = {spec["id"]: spec for spec in SPECS}
AWS_ID_SPEC, AWS_SECRET_SPEC = SPEC["aws-access-key-id"], SPEC["aws-secret-access-key"]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ProviderServer]:
    stand_in = ProviderServer()
    monkeypatch.setenv(ENV_TEST_BASE, stand_in.start())
    yield stand_in
    stand_in.stop()


def value_of(slug: str, seed: int) -> str:
    return generate(SPEC[slug], seed)


def found_and_verified(slug: str, value: str, verifier: Verifier) -> str:
    """The label of the finding the detector makes of `value` in a line of code."""
    line = f'{slug.replace("-", "_").upper()} = "{value}"\n'
    pairs = [(f, v) for f, v in scan_secrets_with_values("settings.py", line.encode()) if f.rule_id == f"secrets/{slug}"]
    assert [v for _, v in pairs] == [value.encode()], slug
    [finding] = verify_pairs(pairs, verifier)
    assert value not in finding.message and value not in str(finding.properties)
    return dict(finding.properties)["verification"]


@pytest.mark.parametrize("slug", sorted(CHECKS))
def test_each_provider_tells_a_live_credential_from_a_refused_one(server: ProviderServer, slug: str) -> None:
    live, dead = value_of(slug, 11), value_of(slug, 12)
    server.live(CHECKS[slug].host, live)
    verifier = Verifier()
    assert found_and_verified(slug, live, verifier) == VERIFIED
    assert found_and_verified(slug, dead, verifier) == UNVERIFIED
    # Each value went to its own provider's host only, once.
    assert server.sent_to(live) == {CHECKS[slug].host} and server.sent_to(dead) == {CHECKS[slug].host}
    assert len(server.requests) == 2
    found_and_verified(slug, live, verifier)
    assert len(server.requests) == 2  # checked once per run


def test_aws_key_id_is_checked_with_the_secret_key_beside_it_by_a_signed_call(server: ProviderServer) -> None:
    key_id, secret = value_of("aws-access-key-id", 1).replace("ASIA", "AKIA"), value_of("aws-secret-access-key", 1)
    server.aws_keys[key_id] = secret
    text = f'AWS_ACCESS_KEY_ID = "{key_id}"\nAWS_SECRET_ACCESS_KEY = "{secret}"\n'
    pairs = scan_secrets_with_values("deploy.py", text.encode())
    labels = {f.rule_id: dict(f.properties)["verification"] for f in verify_pairs(pairs, Verifier())}
    assert labels == {"secrets/aws-access-key-id": VERIFIED, "secrets/aws-secret-access-key": VERIFIED}
    # The signature is checked: a key id with another secret key is refused.
    server.aws_keys[key_id] = value_of("aws-secret-access-key", 2)
    labels = {f.rule_id: dict(f.properties)["verification"] for f in verify_pairs(pairs, Verifier())}
    assert labels == {"secrets/aws-access-key-id": UNVERIFIED, "secrets/aws-secret-access-key": UNVERIFIED}
    assert server.sent_to(secret) == set()  # the secret key signs; it never travels
    # Alone, a key id cannot be checked.
    alone = scan_secrets_with_values("a.py", f'AWS_ACCESS_KEY_ID = "{key_id}"\n'.encode())
    assert dict(verify_pairs(alone, Verifier())[0].properties)["verification"] == UNKNOWN


def test_a_restricted_stripe_key_without_the_balance_permission_is_live(server: ProviderServer) -> None:
    restricted = value_of("stripe-secret-key", 21)
    server.live("stripe-restricted", restricted)
    assert Verifier().check("secrets/stripe-secret-key", restricted).label == VERIFIED


def test_timeouts_rate_limits_and_redirects_stay_unknown(server: ProviderServer,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    token = value_of("github-token", 31)
    server.live("api.github.com", token)
    server.throttled.add("api.github.com")
    outcome = Verifier().check("secrets/github-token", token)
    assert (outcome.label, outcome.how) == (UNKNOWN, "GitHub GET /user answered HTTP 429")
    server.throttled.clear()
    server.slow_seconds = 1.0
    assert Verifier(timeout=0.2).check("secrets/github-token", token).label == UNKNOWN
    server.slow_seconds = 0.0
    # A redirect is an answer, never followed: the token cannot be carried to another host.
    monkeypatch.setitem(CHECKS, "github-token", replace(CHECKS["github-token"], url="https://api.github.com/redirect"))
    server.redirect_to = "evil.example"
    assert Verifier().check("secrets/github-token", token).label == UNKNOWN
    assert "evil.example" not in {r.host for r in server.requests}


def test_each_provider_gets_at_most_its_call_count_per_run(server: ProviderServer,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CHECKS, "npm-token", replace(CHECKS["npm-token"], max_calls=2, interval=0.0))
    verifier = Verifier()
    labels = [verifier.check("secrets/npm-token", value_of("npm-token", seed)).label for seed in range(3)]
    assert labels == [UNVERIFIED, UNVERIFIED, UNKNOWN] and len(server.requests) == 2


def test_kinds_without_a_documented_call_are_unknown_and_not_sent(server: ProviderServer) -> None:
    outcome = Verifier().check("secrets/generic-secret", "h7Gk2pQ9wZ4xT3")
    assert outcome.label == UNKNOWN and server.requests == []


def test_the_test_hook_only_points_at_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_TEST_BASE, "http://10.0.0.5:8080")
    with pytest.raises(InputError, match="must be a loopback URL"):
        Verifier().check("secrets/github-token", value_of("github-token", 1))
    monkeypatch.delenv(ENV_TEST_BASE)
    assert verify.test_base() is None


def test_verify_findings_finds_values_again_in_the_checkout(server: ProviderServer, tmp_path: Path) -> None:
    live = value_of("github-token", 41)
    server.live("api.github.com", live)
    (tmp_path / "app.py").write_text(f'GH = "{live}"\n')
    findings = tuple(f for f, _ in scan_secrets_with_values("app.py", (tmp_path / "app.py").read_bytes()))
    gone = tuple(replace(f, location=replace(f.location, path="reused.py")) for f in findings)
    labelled = verify.verify_findings(findings + gone, str(tmp_path))
    assert [dict(f.properties)["verification"] for f in labelled] == [VERIFIED, UNKNOWN]
    assert all(live not in f.message for f in labelled)
    assert os.environ[ENV_TEST_BASE].startswith("http://127.0.0.1:")
