"""Names that carry a credential without a secret word (connection string, session cookie,
authorization header, AppRole secret id, app certificate) and search query keys: a random token
under them is reported, a word, setting or `k=v;...` string is not."""

from __future__ import annotations

import pytest

from shoal.secrets.generic import carried_token_ok, is_carrier_name
from shoal.secrets.scanner import scan_secrets

TOKEN = "S8ii67l3Gd1Ba69az78iP9UksewzhjvUfh1DIuDs30w="


def _rules(line: str) -> list[str]:
    return [finding.rule_id for finding in scan_secrets("app/settings.py", (line + "\n").encode())]


@pytest.mark.parametrize("name", [
    "AZURE_STORAGE_CONNECTION_STRING", "cosmosConnectionString", "DB_CONNSTR", "slack_session_cookie",
    "HTTP_BEARER_AUTHORIZATION_HEADER", "VAULT_APPROLE_SECRET_ID", "AGORA_APP_CERTIFICATE",
])
def test_carrier_names_report_a_random_token(name: str) -> None:
    assert is_carrier_name(name.encode())
    assert _rules(f'{name} = "{TOKEN}"') == ["secrets/generic-secret"]


@pytest.mark.parametrize("line", [
    'DB_CONNECTION_STRING = "Server=db01;Database=app;Trusted_Connection=True;"',
    'ODBC_CONNECTION_STRING = "Network_Library=DBMSSOCN"',
    'SESSION_COOKIE = "sessionid"',
    f'SESSION_COOKIE_NAME = "{TOKEN}"',
    f'TEST_CONNECTION_STRING = "{TOKEN}"',
    'AUTHORIZATION_HEADER = "HTTP_AUTHORIZATION"',
    'APP_CERTIFICATE = "/etc/ssl/certs/app-2024.pem"',
])
def test_carrier_names_leave_settings_and_words(line: str) -> None:
    assert _rules(line) == []


def test_carried_token_needs_one_random_token_with_a_digit() -> None:
    assert carried_token_ok(TOKEN.encode())
    assert carried_token_ok(b"1a85e8c0-3fed-4f06-8f1b-f52bd3de4617")
    assert not carried_token_ok(b"Server=db;Password=x")
    assert not carried_token_ok(b"Network_library=")


def test_query_key_needs_a_long_non_hex_value() -> None:
    assert _rules('AZURE_SEARCH_QUERY_KEY = "XK8TnSRDXsoxiFYiH6Ix2aBC6jvWozd9Ida1yNjWgFHS"') == ["secrets/generic-key"]
    assert _rules('query_key = "Kq8vN3xR7tLm2Pw9Zb4H"') == []
    assert _rules('QUERY_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"') == []
