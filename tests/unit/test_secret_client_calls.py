"""The client-call detector: a random literal handed to a call named like a client, with no
import or name telling the provider, is reported; ids, digests under other calls, paths, host
names, words, base64 of text and identifiers are not."""

from __future__ import annotations

import base64
import hashlib
import random
import string

import pytest

from shoal.secrets.calls import callee_ok, keyword_ok, value_ok
from shoal.secrets.scanner import scan_secrets_with_values

RULE = "secrets/client-call-secret"


def _token(seed: int, alphabet: str = string.ascii_letters + string.digits, size: int = 40) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(size))


def _reported(text: str, path: str = "app/client.py") -> list[bytes]:
    return [value for finding, value in scan_secrets_with_values(path, (text + "\n").encode())
            if finding.rule_id == RULE]


@pytest.mark.parametrize("template", [
    'client = Client("{v}")',
    'client = Client(ACCOUNT_SID, "{v}")',
    'client = Client(\n    "{v}",\n)',
    "const api = new ApiClient('{v}');",
    'let client = Client::new("{v}");',
    'client = Client.new("{v}")',
    'auth = TokenAuth(token="{v}")',
    'svc = create_api_client("{v}")',
])
def test_a_random_literal_given_to_a_client_is_reported(template: str) -> None:
    value = _token(1)
    assert _reported(template.replace("{v}", value)) == [value.encode()]


def test_hex_and_uuid_values_are_reported_at_low_confidence() -> None:
    value = hashlib.md5(b"seed").hexdigest()
    found = [f for f, _ in scan_secrets_with_values("a.py", f'c = Client("{value}")\n'.encode()) if f.rule_id == RULE]
    assert [f.confidence for f in found] == ["low"]
    assert value not in found[0].message  # redacted like every secret finding


@pytest.mark.parametrize("line", [
    'client = Client("https://api.example.net/v2/endpoint")',
    'client = Client("smtp.mail-provider.net:587")',
    'client = Client("/etc/service/credentials.json")',
    'client = Client("eu-west-staging-primary")',
    'client = Client(region="3f2a9c4e-7b1d-4e8a-9c2f-5d6e7a8b9c0d")',
    'client = Client(project_id="Zx9kQ2vLp7Wm4Rt8Yb3Nc6Hd")',
    'uuid_fk = models.ForeignKey("PrimaryKeyUUIDModel", models.CASCADE)',
    'raise KeyError("sdkinstallrootv2.0")',
    's = SessionStore(session_key="2b1189a188b44ad18c35e113ac6ceead")',
    'token = get_token("Zx9kQ2vLp7Wm4Rt8Yb3Nc6Hd")',
    'ok = verify_token("Zx9kQ2vLp7Wm4Rt8Yb3Nc6Hd")',
    'rev = Revision("9b74c9897bac770ffc029102a200c5de")',
    'client = Client("aaaaaaaabbbbbbbbcccccccc")',
    'client = Client("abcdef0123456789abcdef")',
    'client = Client("your-api-key-goes-here")',
    'client = Client("com.example.service.Client")',
])
def test_what_code_also_passes_to_clients_is_not_reported(line: str) -> None:
    assert _reported(line) == []


def test_base64_of_text_is_not_a_key_but_of_random_bytes_is() -> None:
    text = base64.b64encode(b"hello world, this is a message").decode()
    assert _reported(f'client = Client("{text}")') == []
    key = base64.b64encode(random.Random(3).randbytes(30)).decode()
    assert _reported(f'client = Client("{key}")') == [key.encode()]


def test_a_specific_detector_wins_over_the_client_call() -> None:
    found = scan_secrets_with_values("a.py", f'c = Client("sk_live_{_token(2, size=32)}")\n'.encode())
    assert [f.rule_id for f, _ in found] == ["secrets/stripe-secret-key"]


def test_callee_and_keyword_words() -> None:
    assert callee_ok(b"Client") and callee_ok(b"ApiClient") and callee_ok(b"create_auth_session")
    assert not callee_ok(b"get_client") and not callee_ok(b"ForeignKey") and not callee_ok(b"AuthError")
    assert not callee_ok(b"MockClient") and not callee_ok(b"Revision")
    assert keyword_ok(None) and keyword_ok(b"api_key") and keyword_ok(b"accessToken")
    assert not keyword_ok(b"region") and not keyword_ok(b"session_key") and not keyword_ok(b"test_token")


def test_value_rules() -> None:
    assert value_ok(_token(4).encode())
    assert value_ok(_token(5, "0123456789abcdef", 32).encode())  # hex: a key or a digest, the call decides
    assert not value_ok(_token(6, size=15).encode())  # too short to be generated
    assert not value_ok(b"ThisIsAClassNameNotAToken")

