"""The local-development overrides for `sam local invoke`: events/env-local.json only names
variables the template declares (sam ignores the others), and the webhook's local-only secret and
Lambda endpoint are empty when deployed and used only when set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from botocore.stub import Stubber

from shoal.handlers import webhook
from tests.unit.test_template import env as declared
from tests.unit.test_template import load_template

ROOT = Path(__file__).resolve().parents[2]


def test_env_local_overrides_only_declared_variables() -> None:
    template = load_template()
    overrides = json.loads((ROOT / "events" / "env-local.json").read_text())
    for function, variables in overrides.items():
        assert template["Resources"][function]["Type"] == "AWS::Serverless::Function"
        assert not set(variables) - set(declared(template, function)), function


def test_local_only_webhook_variables_are_empty_when_deployed() -> None:
    template = load_template()
    variables = declared(template, "WebhookFunction")
    assert variables[webhook.ENV_LOCAL_SECRET] == ""
    assert variables[webhook.ENV_LAMBDA_ENDPOINT] == ""


@pytest.fixture(autouse=True)
def fresh_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhook, "_clients", {})
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "local")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "local")


def test_a_local_secret_is_used_without_asking_secrets_manager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(webhook.ENV_LOCAL_SECRET, "It's a Secret to Everybody")
    monkeypatch.setenv(webhook.ENV_SECRET_NAME, "shoal/webhook")

    def no_aws(*_: Any, **__: Any) -> str:
        raise AssertionError("Secrets Manager must not be asked when the local secret is set")

    monkeypatch.setattr(webhook.parameters, "get_secret", no_aws)
    assert webhook.config_from_env().secret == b"It's a Secret to Everybody"


def test_without_a_local_secret_the_secret_comes_from_secrets_manager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(webhook.ENV_LOCAL_SECRET, "")
    monkeypatch.setenv(webhook.ENV_SECRET_NAME, "shoal/webhook")
    asked: list[str] = []
    monkeypatch.setattr(webhook.parameters, "get_secret", lambda name, **_: asked.append(name) or "from-sm")
    assert webhook.config_from_env().secret == b"from-sm"
    assert asked == ["shoal/webhook"]


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [("http://127.0.0.1:3001", "http://127.0.0.1:3001"), ("", "https://lambda.us-east-1.amazonaws.com")],
)
def test_the_lambda_endpoint_override(monkeypatch: pytest.MonkeyPatch, endpoint: str, expected: str) -> None:
    monkeypatch.setenv(webhook.ENV_LAMBDA_ENDPOINT, endpoint)
    client = webhook.lambda_client()
    assert client.meta.endpoint_url == expected
    with Stubber(client) as stub:  # the real service model still checks the call's parameters
        stub.add_response("invoke", {"StatusCode": 202}, {"FunctionName": "f", "InvocationType": "Event"})
        assert client.invoke(FunctionName="f", InvocationType="Event")["StatusCode"] == 202
