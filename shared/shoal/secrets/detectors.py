"""The secret detectors: for each rule an RE2 pattern, a literal prefilter and a value check.

A pattern finds candidates; its `extract` function decides whether a candidate is a secret (and
how sure it is) and which bytes the finding points at. Patterns are RE2 syntax over bytes (the
scanner compiles them as Latin-1, so any byte sequence is valid input); provider-token patterns
name the secret group `secret`.

Severity follows confidence in the format: ERROR for provider tokens whose prefix and shape are
distinctive, WARNING where the value could be a test fixture or a default (JWTs, connection-URL
passwords, the generic detector).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any

from shoal.models import RuleMeta, Severity
from shoal.secrets import generic
from shoal.secrets.filters import KNOWN_EXAMPLES, is_placeholder, looks_fake_token, shannon_entropy
from shoal.secrets.model import (
    Candidate,
    Confidence,
    Detector,
    Extract,
    FileContext,
    Match,
    compile_pattern,
    group,
    rule_meta,
    span,
)


def _token(confidence: Confidence = "high", check: Callable[[bytes], bool] | None = None) -> Extract:
    """Extract for provider tokens: the format is the evidence; only visible fakes are dropped."""

    def extract(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
        value = group(match, "secret") or b""
        if looks_fake_token(value) or (check is not None and not check(value)):
            return None
        return Candidate(*span(match), value, confidence)

    return extract


def _not_aws_example(value: bytes) -> bool:
    return not value.endswith(b"EXAMPLE")  # AWS documents key ids like AKIA...EXAMPLE


AWS_SECRET_MIN_ENTROPY = 4.0  # random 40-char base64 scores ~4.8; hand-typed filler far less


def _aws_secret_ok(value: bytes) -> bool:
    return shannon_entropy(value) >= AWS_SECRET_MIN_ENTROPY


def _twilio_sid_ok(value: bytes) -> bool:
    # 32 random hex digits mix digits and letters; all of one kind is a counter or filler.
    digits = sum(48 <= c <= 57 for c in value[2:])
    return 0 < digits < 32


# --- JSON Web Tokens ----------------------------------------------------------------------

MAX_JWT = 16_384  # JSON decoding is the costliest check here; real tokens are far smaller


def _b64url_json(segment: bytes) -> dict[str, Any] | None:
    try:
        decoded = base64.urlsafe_b64decode(segment + b"=" * (-len(segment) % 4))
        parsed = json.loads(decoded)
    except (binascii.Error, ValueError, RecursionError):  # ValueError covers JSON and Unicode errors
        return None
    return parsed if isinstance(parsed, dict) else None


def _jwt(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    value = group(match, "secret") or b""
    # No marker or run checks: base64 of JSON has structure; the decoded parts are checked instead.
    if len(value) > MAX_JWT or value in KNOWN_EXAMPLES:
        return None
    header, payload, _signature = value.split(b".", 2)
    decoded_header = _b64url_json(header)
    if decoded_header is None or "alg" not in decoded_header or _b64url_json(payload) is None:
        return None
    return Candidate(*span(match), value, "medium")


# --- passwords in connection URLs ---------------------------------------------------------

_LOCAL_HOSTS = frozenset({b"localhost", b"127.0.0.1", b"0.0.0.0", b"[::1]", b"host.docker.internal"})
_URL_PLACEHOLDERS = frozenset({b"pass", b"pwd", b"pw", b"user", b"username"})


def _connection_password(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    password, user = group(match, "secret") or b"", group(match, "user")
    if len(password) < 3 or is_placeholder(password) or password.lower() in _URL_PLACEHOLDERS:
        return None
    # Dev defaults (postgres:postgres@localhost) are still credentials, just rarely live ones.
    local = (group(match, "host") or b"").lower() in _LOCAL_HOSTS or password == user
    scheme = (group(match, "scheme") or b"").decode("ascii").lower()
    return Candidate(*span(match), password, "low" if local else "medium", (("scheme", scheme),))


# --- private keys -------------------------------------------------------------------------

MAX_KEY_BLOCK = 65_536  # an RSA-16384 PEM is ~12 KB; a footer further away is another block
MIN_KEY_BODY = 64
KEY_MIN_ENTROPY = 4.0  # random base64 scores ~5.5 over a key's length; "MIIE...AAAA" filler far less
# One body line, possibly wrapped in the code around it: `"MIIE...",`, `'MIIE...' +`, `(MIIE...`.
_B64_LINE = compile_pattern(rb"[(]?[\"'`]?(?P<b64>[A-Za-z0-9+/=]+)[\"'`]?[ \t,;+)\\]*")
_CODE_PUNCTUATION = b" \t\r\"'`+,;()\\"


def _key_body(block: bytes) -> bytes:
    """The base64 payload of a PEM/PGP block, also when it sits in string literals with `\\n`
    escapes. Header lines (`Proc-Type: 4,ENCRYPTED`, `Version: ...`) before the body are skipped;
    the body ends at the first line that is not base64, so trailing code never enters the hash.
    """
    lines: list[bytes] = []
    for raw in block.replace(b"\\n", b"\n").split(b"\n"):
        line = raw.strip()
        if not line.strip(_CODE_PUNCTUATION) or (not lines and b":" in line):
            continue  # blank, only the quotes/operators of a wrapped string, or a header
        match = _B64_LINE.fullmatch(line)
        if match is None:
            break
        lines.append(group(match, "b64") or b"")
    return b"".join(lines)


def _private_key(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    start, header_end = match.start(), match.end()
    # The body ends at the next dashes (normally the footer). Looking no further bounds the work
    # per header by the bytes up to the next header, so repeated headers stay linear.
    stop = data.find(b"-----", header_end, header_end + MAX_KEY_BLOCK)
    body = _key_body(data[header_end:stop if stop >= 0 else header_end + MAX_KEY_BLOCK])
    # DER is full of zero runs ("AAAAAAAB" in every OpenSSH key), so only size and entropy count.
    if len(body) < MIN_KEY_BODY or shannon_entropy(body) < KEY_MIN_ENTROPY:
        return None
    end = header_end
    if stop >= 0 and data.startswith(b"-----END", stop):
        close = data.find(b"-----", stop + 8, stop + 80)
        end = close + 5 if close >= 0 else stop + 8
    kind = (group(match, "kind") or b"").decode("ascii").strip() or "PKCS8"
    return Candidate(start, end, body, "high", (("key_type", kind),))


# --- the table ----------------------------------------------------------------------------

_SEVERE, _WARN = Severity.ERROR, Severity.WARNING
_B62 = b"[A-Za-z0-9]"
_END_B64URL = rb"(?:[^A-Za-z0-9_\-]|\z)"  # a token char after the match means a longer string

DETECTORS: tuple[Detector, ...] = (
    Detector(
        rule_meta("aws-access-key-id", "AwsAccessKeyId", "AWS access key ID", _SEVERE,
                  "An AWS access key ID (AKIA/ASIA/ABIA/ACCA) is hard-coded in the file."),
        "AWS access key ID",
        rb"\b(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b",
        b"AKIA|ASIA|ABIA|ACCA",
        _token(check=_not_aws_example),
    ),
    Detector(
        rule_meta("aws-secret-access-key", "AwsSecretAccessKey", "AWS secret access key", _SEVERE,
                  "A 40-character AWS secret access key is assigned to an AWS secret key name."),
        "AWS secret access key",
        rb"(?i:aws[_\-]?secret[_\-]?access[_\-]?key|aws[_\-]?secret[_\-]?key|secret[_\-]?access[_\-]?key"
        rb"|aws[_\-]?secret)[\"']?\]?[ \t]*(?:=>|:=|=|:)[ \t]*[\"']?"
        rb"(?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|\z)",
        rb"(?i)secret[_\-]?access[_\-]?key|aws[_\-]?secret",
        _token(check=_aws_secret_ok),
    ),
    Detector(
        rule_meta("github-token", "GitHubToken", "GitHub token", _SEVERE,
                  "A GitHub personal, OAuth, user-to-server, server-to-server or refresh token is hard-coded."),
        "GitHub token",
        rb"\b(?P<secret>gh[pousr]_" + _B62 + rb"{36})\b",
        b"ghp_|gho_|ghu_|ghs_|ghr_",
        _token(),
    ),
    Detector(
        rule_meta("github-fine-grained-token", "GitHubFineGrainedToken", "GitHub fine-grained token", _SEVERE,
                  "A GitHub fine-grained personal access token (github_pat_) is hard-coded."),
        "GitHub fine-grained token",
        rb"\b(?P<secret>github_pat_" + _B62 + rb"{22}_" + _B62 + rb"{59})\b",
        b"github_pat_",
        _token(),
    ),
    Detector(
        rule_meta("gitlab-token", "GitLabToken", "GitLab personal access token", _SEVERE,
                  "A GitLab personal access token (glpat-) is hard-coded."),
        "GitLab personal access token",
        rb"\b(?P<secret>glpat-[A-Za-z0-9_\-]{20,64})" + _END_B64URL,
        b"glpat-",
        _token(),
    ),
    Detector(
        rule_meta("slack-token", "SlackToken", "Slack token", _SEVERE,
                  "A Slack bot, user, app or refresh token (xoxb-, xoxp-, xoxa-, xoxr-, xapp-) is hard-coded."),
        "Slack token",
        rb"\b(?P<secret>xox[bpar]-(?:[0-9A-Za-z]+-){1,4}[0-9A-Za-z]{8,}|xapp-[0-9]+-[A-Z0-9]+-[0-9]+-[a-z0-9]{16,})",
        b"xoxb-|xoxp-|xoxa-|xoxr-|xapp-",
        _token(),
    ),
    Detector(
        rule_meta("slack-webhook-url", "SlackWebhookUrl", "Slack incoming webhook URL", _SEVERE,
                  "A Slack incoming webhook URL, which lets anyone post to the channel, is hard-coded."),
        "Slack incoming webhook URL",
        rb"(?P<secret>https://hooks\.slack\.com/(?:services|workflows|triggers)/"
        rb"[A-Za-z0-9_]{8,}/[A-Za-z0-9_]{8,}/[A-Za-z0-9_]{16,})",
        b"hooks.slack.com/",
        _token(),
    ),
    Detector(
        rule_meta("stripe-secret-key", "StripeSecretKey", "Stripe live secret or restricted key", _SEVERE,
                  "A Stripe live-mode secret (sk_live_) or restricted (rk_live_) key is hard-coded."),
        "Stripe live key",
        rb"\b(?P<secret>[sr]k_live_" + _B62 + rb"{20,247})\b",
        b"k_live_",
        _token(),
    ),
    Detector(
        rule_meta("google-api-key", "GoogleApiKey", "Google API key", _SEVERE,
                  "A Google Cloud / Firebase API key (AIza...) is hard-coded."),
        "Google API key",
        rb"\b(?P<secret>AIza[0-9A-Za-z_\-]{35})" + _END_B64URL,
        b"AIza",
        _token(),
    ),
    Detector(
        rule_meta("google-oauth-client-secret", "GoogleOAuthClientSecret", "Google OAuth client secret", _SEVERE,
                  "A Google OAuth client secret (GOCSPX-) is hard-coded."),
        "Google OAuth client secret",
        rb"\b(?P<secret>GOCSPX-[0-9A-Za-z_\-]{28})" + _END_B64URL,
        b"GOCSPX-",
        _token(),
    ),
    Detector(
        rule_meta("private-key", "PrivateKey", "private key", _SEVERE,
                  "A PEM, OpenSSH or PGP private key block is embedded in the file."),
        "private key",
        rb"-----BEGIN (?P<kind>(?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?)PRIVATE KEY(?: BLOCK)?-----",
        b"PRIVATE KEY",
        _private_key,
    ),
    Detector(
        rule_meta("jwt", "JsonWebToken", "JSON Web Token", _WARN,
                  "A signed JSON Web Token, which may still grant access until it expires, is hard-coded."),
        "JSON Web Token",
        rb"\b(?P<secret>eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{2,}\.[A-Za-z0-9_\-]{16,})" + _END_B64URL,
        b"eyJ",
        _jwt,
    ),
    Detector(
        rule_meta("connection-string-password", "ConnectionStringPassword", "database password", _WARN,
                  "A database or broker connection URL carries an inline password (scheme://user:password@host)."),
        "connection URL password",
        rb"\b(?P<scheme>(?i:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?))://"
        rb"(?P<user>[^\s:/@\"'<>]{0,128}):(?P<secret>[^\s/@\"'<>]{1,128})@(?P<host>\[[0-9A-Fa-f:]+\]|[A-Za-z0-9._\-]*)",
        rb"(?i)postgres|mysql|mariadb|mongodb|redis|amqp",
        _connection_password,
    ),
    Detector(
        rule_meta("npm-token", "NpmToken", "npm access token", _SEVERE,
                  "An npm access token (npm_) is hard-coded."),
        "npm access token",
        rb"\b(?P<secret>npm_" + _B62 + rb"{36})\b",
        b"npm_",
        _token(),
    ),
    Detector(
        rule_meta("pypi-token", "PyPiToken", "PyPI upload token", _SEVERE,
                  "A PyPI or TestPyPI upload token (pypi-AgE...) is hard-coded."),
        "PyPI upload token",
        rb"\b(?P<secret>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{50,})",
        b"pypi-AgE",
        _token(),
    ),
    Detector(
        rule_meta("sendgrid-api-key", "SendGridApiKey", "SendGrid API key", _SEVERE,
                  "A SendGrid API key (SG.<id>.<secret>) is hard-coded."),
        "SendGrid API key",
        rb"\b(?P<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})" + _END_B64URL,
        b"SG.",
        _token(),
    ),
    Detector(
        rule_meta("twilio-api-key", "TwilioApiKey", "Twilio API key", _SEVERE,
                  "A Twilio API key SID (SK + 32 hex digits) is hard-coded."),
        "Twilio API key",
        rb"\b(?P<secret>SK[0-9a-f]{32})\b",
        # "SK" alone is in every "TASK"; a hex digit after it is still a literal-only prefilter.
        b"SK[0-9a-f][0-9a-f]",
        # The format is short and only hex: medium, and a real SID mixes digits and letters.
        _token("medium", check=_twilio_sid_ok),
    ),
    Detector(
        rule_meta("openai-api-key", "OpenAiApiKey", "OpenAI API key", _SEVERE,
                  "An OpenAI API key (sk-proj-, sk-svcacct-, sk-admin- or legacy sk-...T3BlbkFJ...) is hard-coded."),
        "OpenAI API key",
        rb"\b(?P<secret>sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}|sk-" + _B62 + rb"{20}T3BlbkFJ" + _B62
        + rb"{20})" + _END_B64URL,
        b"sk-proj-|sk-svcacct-|sk-admin-|T3BlbkFJ",
        _token(),
    ),
    Detector(
        rule_meta("anthropic-api-key", "AnthropicApiKey", "Anthropic API key", _SEVERE,
                  "An Anthropic API or admin key (sk-ant-) is hard-coded."),
        "Anthropic API key",
        rb"\b(?P<secret>sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\-]{80,})" + _END_B64URL,
        b"sk-ant-",
        _token(),
    ),
    Detector(
        rule_meta("azure-storage-account-key", "AzureStorageAccountKey", "Azure storage account key", _SEVERE,
                  "An Azure storage connection string carries an account key (AccountKey=...)."),
        "Azure storage account key",
        rb"(?i:AccountKey)[ \t]*=[ \t]*(?P<secret>[A-Za-z0-9+/]{80,100}={0,2})",
        rb"(?i)AccountKey",
        _token(),
    ),
    Detector(
        rule_meta("vault-token", "VaultToken", "HashiCorp Vault token", _SEVERE,
                  "A HashiCorp Vault service or batch token (hvs., hvb.) is hard-coded."),
        "HashiCorp Vault token",
        rb"\b(?P<secret>hv[sb]\.[A-Za-z0-9_\-]{24,})" + _END_B64URL,
        b"hvs.|hvb.",
        _token(),
    ),
    Detector(
        rule_meta("digitalocean-token", "DigitalOceanToken", "DigitalOcean token", _SEVERE,
                  "A DigitalOcean personal access, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_) is hard-coded."),
        "DigitalOcean token",
        rb"\b(?P<secret>do[opr]_v1_[a-f0-9]{64})\b",
        b"_v1_",
        _token(),
    ),
    Detector(
        rule_meta("shopify-token", "ShopifyToken", "Shopify token", _SEVERE,
                  "A Shopify access token or shared secret (shpat_, shpss_, shpca_, shppa_) is hard-coded."),
        "Shopify token",
        rb"\b(?P<secret>shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})\b",
        b"shpat_|shpss_|shpca_|shppa_",
        _token(),
    ),
    Detector(
        rule_meta("discord-webhook-url", "DiscordWebhookUrl", "Discord webhook URL", _SEVERE,
                  "A Discord webhook URL, which lets anyone post to the channel, is hard-coded."),
        "Discord webhook URL",
        rb"(?P<secret>https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/"
        rb"[A-Za-z0-9_\-]{60,68})" + _END_B64URL,
        b"/api/webhooks/",
        _token(),
    ),
    Detector(
        rule_meta("telegram-bot-token", "TelegramBotToken", "Telegram bot token", _SEVERE,
                  "A Telegram Bot API token (<bot id>:AA...) is hard-coded."),
        "Telegram bot token",
        rb"\b(?P<secret>[0-9]{8,10}:AA[0-9A-Za-z_\-]{33})" + _END_B64URL,
        b"0:AA|1:AA|2:AA|3:AA|4:AA|5:AA|6:AA|7:AA|8:AA|9:AA",
        _token(),
    ),
    Detector(
        rule_meta("generic-secret", "GenericSecret", "secret", _WARN,
                  "A high-entropy value is assigned to a password, secret, token, key or credential name."),
        "secret",
        generic.PATTERN,
        generic.PREFILTER,
        generic.extract,
        generic=True,
    ),
)

SECRET_RULES: tuple[RuleMeta, ...] = tuple(detector.meta for detector in DETECTORS)
