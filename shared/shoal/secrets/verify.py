"""Opt-in verification of found secrets (`shoal scan --verify-secrets`): for providers whose
documentation gives a harmless read-only call (GitHub `GET /user`, Slack `auth.test`, AWS
`sts:GetCallerIdentity`...), ask the provider whether the credential is live and label the finding
`verified`, `unverified` (the provider refused it: revoked, expired or never valid) or `unknown`
(no such call, a timeout, a rate limit, an answer the documentation does not describe).

Guarantees: the raw value goes only to its own provider's documented host, over HTTPS, never
through a redirect; no response body is ever quoted; each provider has a timeout and a request
rate and count limit; one value is checked once per run. It runs where the network is allowed:
the local CLI, and in Lambda the orchestrator's merge, never an agent.

A test-only hook (SHOAL_TEST_VERIFY_BASE, a loopback URL) sends every call to a local server
instead, as `<base>/<provider host><path>`; any other address there is refused.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from shoal.errors import InputError
from shoal.models import Finding

ENV_TEST_BASE = "SHOAL_TEST_VERIFY_BASE"
VERIFIED, UNVERIFIED, UNKNOWN = "verified", "unverified", "unknown"
DEFAULT_TIMEOUT = 5.0  # seconds per call: providers answer these in well under a second
MAX_RESPONSE = 64 * 1024  # read at most this much of a JSON answer (auth.test is ~300 bytes)

Headers = Callable[[str], dict[str, str]]
Judge = Callable[[int, Any], "str | None"]  # (status, parsed JSON or None) -> label, None: unknown


@dataclass(frozen=True)
class Outcome:
    label: str  # verified / unverified / unknown
    how: str  # what was asked ("GitHub GET /user") or why nothing could be


@dataclass(frozen=True)
class Check:
    """One provider's documented read-only call for one kind of credential."""

    provider: str
    method: str
    url: str  # "{value}" is replaced (Telegram puts the token in the path)
    headers: Headers
    live: frozenset[int] = frozenset({200})
    dead: frozenset[int] = frozenset({401})
    judge: Judge | None = None  # for APIs that answer 200 either way (Slack, Datadog)
    body: bytes | None = None
    interval: float = 0.2  # seconds between two calls to this provider
    max_calls: int = 100  # per run: more findings than this stay unknown

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url).hostname or ""

    @property
    def call(self) -> str:
        path = urllib.parse.urlsplit(self.url).path.replace("{value}", "<token>")
        return f"{self.provider} {self.method} {path}"


def _bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def _header(name: str, **extra: str) -> Headers:
    return lambda value: {name: value, **extra}


def _basic(user: str) -> Headers:
    return lambda value: {"Authorization": "Basic " + base64.b64encode(f"{user}:{value}".encode()).decode()}


def _slack(status: int, data: Any) -> str | None:
    # auth.test answers 200 with {"ok": false, "error": ...} for a bad token.
    if status != 200 or not isinstance(data, dict):
        return None
    if data.get("ok") is True:
        return VERIFIED
    refused = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}
    return UNVERIFIED if data.get("error") in refused else None


def _datadog(status: int, data: Any) -> str | None:
    if status == 200 and isinstance(data, dict) and data.get("valid") is True:
        return VERIFIED
    return UNVERIFIED if status == 403 else None


def _bearer_check(provider: str, url: str, **options: Any) -> Check:
    return Check(provider, "GET", url, _bearer, **options)


_GITHUB = Check("GitHub", "GET", "https://api.github.com/user",
                lambda v: {"Authorization": f"Bearer {v}", "Accept": "application/vnd.github+json"})
_HEROKU = Check("Heroku", "GET", "https://api.heroku.com/account",
                lambda v: {"Authorization": f"Bearer {v}", "Accept": "application/vnd.heroku+json; version=3"})

# Detector id -> its provider's call. Statuses follow each provider's API reference: Stripe
# answers 403 to a restricted key that lacks the balance permission (the key is live), Vercel
# answers 403 to a bad token, Datadog's /validate 403.
CHECKS: dict[str, Check] = {
    "github-token": _GITHUB,
    "github-fine-grained-token": _GITHUB,
    "gitlab-token": Check("GitLab", "GET", "https://gitlab.com/api/v4/user", _header("PRIVATE-TOKEN")),
    "slack-token": Check("Slack", "POST", "https://slack.com/api/auth.test", _bearer, judge=_slack, body=b"",
                         interval=1.0),
    "stripe-secret-key": _bearer_check("Stripe", "https://api.stripe.com/v1/balance", live=frozenset({200, 403})),
    "openai-api-key": _bearer_check("OpenAI", "https://api.openai.com/v1/models"),
    "anthropic-api-key": Check("Anthropic", "GET", "https://api.anthropic.com/v1/models",
                               _header("x-api-key", **{"anthropic-version": "2023-06-01"})),
    "npm-token": _bearer_check("npm", "https://registry.npmjs.org/-/whoami"),
    "sendgrid-api-key": _bearer_check("SendGrid", "https://api.sendgrid.com/v3/scopes"),
    "huggingface-token": _bearer_check("Hugging Face", "https://huggingface.co/api/whoami-v2"),
    "huggingface-org-token": _bearer_check("Hugging Face", "https://huggingface.co/api/whoami-v2"),
    "datadog-api-key": Check("Datadog", "GET", "https://api.datadoghq.com/api/v1/validate", _header("DD-API-KEY"),
                             judge=_datadog),
    "digitalocean-token": _bearer_check("DigitalOcean", "https://api.digitalocean.com/v2/account"),
    "discord-bot-token": Check("Discord", "GET", "https://discord.com/api/v10/users/@me",
                               lambda v: {"Authorization": f"Bot {v}"}),
    "telegram-bot-token": Check("Telegram", "GET", "https://api.telegram.org/bot{value}/getMe", lambda v: {},
                                dead=frozenset({401, 404})),
    "heroku-api-key": _HEROKU,
    "heroku-api-key-v2": _HEROKU,
    "postman-api-key": Check("Postman", "GET", "https://api.getpostman.com/me", _header("X-API-Key")),
    "notion-token": Check("Notion", "GET", "https://api.notion.com/v1/users/me",
                          lambda v: {"Authorization": f"Bearer {v}", "Notion-Version": "2022-06-28"}),
    "mailgun-api-key": Check("Mailgun", "GET", "https://api.mailgun.net/v3/domains", _basic("api")),
    "cloudflare-api-token": _bearer_check("Cloudflare", "https://api.cloudflare.com/client/v4/user/tokens/verify"),
    "vercel-token": _bearer_check("Vercel", "https://api.vercel.com/v2/user", dead=frozenset({401, 403})),
    "netlify-token": _bearer_check("Netlify", "https://api.netlify.com/api/v1/user"),
    "groq-api-key": _bearer_check("Groq", "https://api.groq.com/openai/v1/models"),
    "mistral-api-key": _bearer_check("Mistral", "https://api.mistral.ai/v1/models"),
    "openrouter-api-key": _bearer_check("OpenRouter", "https://openrouter.ai/api/v1/key"),
    "circleci-token": Check("CircleCI", "GET", "https://circleci.com/api/v2/me", _header("Circle-Token")),
}
AWS_CALL = "AWS sts:GetCallerIdentity"
AWS_KEY_ID, AWS_SECRET = "secrets/aws-access-key-id", "secrets/aws-secret-access-key"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect could carry the credential to another host: it is an answer, never followed."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_base() -> str | None:
    """The loopback server the tests point every call to, or None (the real providers)."""
    base = os.environ.get(ENV_TEST_BASE)
    if not base:
        return None
    host = urllib.parse.urlsplit(base).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise InputError(f"{ENV_TEST_BASE} must be a loopback URL (a test server), not {base!r}")
    return base.rstrip("/")


def _target(url: str) -> str:
    base = test_base()
    if base is None:
        return url
    parts = urllib.parse.urlsplit(url)
    return f"{base}/{parts.hostname}{parts.path}" + (f"?{parts.query}" if parts.query else "")


@dataclass
class _Limit:
    """Calls to one provider: spaced by its interval, and no more than its count in a run."""

    calls: int = 0
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, check: Check) -> bool:
        with self.lock:
            if self.calls >= check.max_calls:
                return False
            wait = self.last + check.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.calls += 1
            self.last = time.monotonic()
            return True


class Verifier:
    """Checks values against their providers, each value once, within each provider's limits."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirect())
        self._limits: dict[str, _Limit] = {}
        self._done: dict[tuple[str, str], Outcome] = {}

    def check(self, rule_id: str, value: str, partner: str | None = None) -> Outcome:
        """The outcome for one value of rule `rule_id` (`partner`: the AWS secret key of a key id)."""
        key = (rule_id, hashlib.sha256(f"{value}\0{partner or ''}".encode()).hexdigest())
        if key not in self._done:
            self._done[key] = self._check(rule_id, value, partner)
        return self._done[key]

    def _check(self, rule_id: str, value: str, partner: str | None) -> Outcome:
        slug = rule_id.removeprefix("secrets/")
        if rule_id == AWS_KEY_ID:
            if partner is None:
                return Outcome(UNKNOWN, "no AWS secret access key beside the key id in this file")
            return self._aws(value, partner)
        check = CHECKS.get(slug)
        if check is None:
            return Outcome(UNKNOWN, "no harmless read-only call is documented for this kind of credential")
        if not self._limits.setdefault(check.provider, _Limit()).take(check):
            return Outcome(UNKNOWN, f"more than {check.max_calls} {check.provider} credentials in one run: not checked")
        return self._http(check, value)

    def _http(self, check: Check, value: str) -> Outcome:
        request = urllib.request.Request(
            _target(check.url.replace("{value}", urllib.parse.quote(value, safe=":"))),
            data=check.body, method=check.method, headers={"User-Agent": "shoal-verify", **check.headers(value)},
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                status, raw = response.status, response.read(MAX_RESPONSE)
        except urllib.error.HTTPError as exc:
            status, raw = exc.code, b""
            exc.close()
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections, bad answers
            return Outcome(UNKNOWN, f"{check.call} failed ({type(exc).__name__})")
        return self._judged(check, status, raw)

    @staticmethod
    def _judged(check: Check, status: int, raw: bytes) -> Outcome:
        label: str | None
        if check.judge is not None:
            try:
                data = json.loads(raw) if raw else None
            except ValueError:
                data = None
            label = check.judge(status, data)
        else:
            label = VERIFIED if status in check.live else UNVERIFIED if status in check.dead else None
        if label is None:
            return Outcome(UNKNOWN, f"{check.call} answered HTTP {status}")
        return Outcome(label, f"{check.call} answered HTTP {status}")

    def _aws(self, key_id: str, secret: str) -> Outcome:
        """sts:GetCallerIdentity, signed with SigV4 by botocore: needs no permission, changes nothing."""
        if key_id.startswith("ASIA"):
            return Outcome(UNKNOWN, "a temporary (ASIA) key id needs its session token to be checked")
        limit = self._limits.setdefault("AWS", _Limit())
        if not limit.take(Check("AWS", "POST", "https://sts.amazonaws.com/", _bearer)):
            return Outcome(UNKNOWN, "more than 100 AWS credentials in one run: not checked")
        import botocore.config
        import botocore.exceptions
        import botocore.session

        base = test_base()
        config = botocore.config.Config(connect_timeout=self.timeout, read_timeout=self.timeout,
                                        retries={"total_max_attempts": 1}, signature_version="v4")
        client = botocore.session.Session().create_client(
            "sts", region_name="us-east-1", aws_access_key_id=key_id, aws_secret_access_key=secret,
            endpoint_url=f"{base}/sts.amazonaws.com" if base else "https://sts.amazonaws.com", config=config,
        )
        try:
            client.get_caller_identity()
        except botocore.exceptions.ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            refused = {"InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "AccessDenied"}
            label = UNVERIFIED if code in refused else UNKNOWN
            return Outcome(label, f"{AWS_CALL} answered {code or 'an error'}")
        except (botocore.exceptions.BotoCoreError, OSError) as exc:
            return Outcome(UNKNOWN, f"{AWS_CALL} failed ({type(exc).__name__})")
        return Outcome(VERIFIED, f"{AWS_CALL} answered with an identity")


_SHOWN = {VERIFIED: "live: {how}", UNVERIFIED: "refused by the provider: {how}", UNKNOWN: "not verified: {how}"}


def labelled(finding: Finding, outcome: Outcome) -> Finding:
    """The finding with its verification in its properties and message (never a value)."""
    properties = dict(finding.properties, verification=outcome.label, verification_detail=outcome.how)
    message = f"{finding.message} ({_SHOWN[outcome.label].format(how=outcome.how)})"
    return replace(finding, message=message, properties=tuple(sorted(properties.items())))


def verify_pairs(pairs: Sequence[tuple[Finding, bytes]], verifier: Verifier | None = None) -> list[Finding]:
    """Secret findings of one file with their raw values -> the findings labelled. An AWS key id
    is checked with the secret access key nearest to it in the same file, and that key shares
    its label."""
    verifier = verifier or Verifier()
    secrets = [(f, v.decode("utf-8", "replace")) for f, v in pairs if f.rule_id == AWS_SECRET]
    out: list[Finding] = []
    outcomes: dict[int, Outcome] = {}
    for finding, raw in pairs:
        value = raw.decode("utf-8", "replace")
        if finding.rule_id == AWS_KEY_ID:
            partner = _nearest(finding, secrets)
            outcome = verifier.check(finding.rule_id, value, partner[1] if partner else None)
            if partner is not None and outcome.label != UNKNOWN:
                outcomes[id(partner[0])] = outcome
        elif finding.rule_id != AWS_SECRET:
            outcome = verifier.check(finding.rule_id, value)
        else:
            continue
        outcomes[id(finding)] = outcome
    for finding, _ in pairs:
        outcome = outcomes.get(id(finding)) or Outcome(UNKNOWN, "no AWS access key id beside the secret key in this file")
        out.append(labelled(finding, outcome))
    return out


def _nearest(finding: Finding, secrets: Iterable[tuple[Finding, str]]) -> tuple[Finding, str] | None:
    line = finding.location.start_line
    return min(secrets, key=lambda item: abs(item[0].location.start_line - line), default=None)


def verify_findings(findings: Sequence[Finding], src_root: str, engine: Any = None,
                    verifier: Verifier | None = None,
                    read: Callable[[str], bytes] | None = None) -> tuple[Finding, ...]:
    """A scan's findings with every secret finding labelled. The values are found again in the
    scan's exported tree (the merge has only their hashes): each file is read and scanned once,
    and a finding is matched by rule, position and the hash it carries. A file the export lacks
    (results reused from an earlier scan) leaves its findings unknown. `read` reads a file by its
    path where the scan keeps it (default: under `src_root`)."""
    from shoal.source.regularfiles import read_regular
    from shoal.secrets.scanner import scan_secrets_with_values

    verifier = verifier or Verifier()
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule_id.startswith("secrets/"):
            by_path.setdefault(finding.location.path, []).append(finding)
    labels: dict[int, Finding] = {}
    for path, wanted in by_path.items():
        try:
            data = read(path) if read is not None else read_regular(os.path.join(src_root, path))
        except (OSError, ValueError):
            data = b""
        found = {_key(f): v for f, v in scan_secrets_with_values(path, data, engine)} if data else {}
        pairs = [(f, found[_key(f)]) for f in wanted if _key(f) in found]
        for finding, done in zip((f for f, _ in pairs), verify_pairs(pairs, verifier)):
            labels[id(finding)] = done
        for finding in wanted:
            if id(finding) not in labels:
                labels[id(finding)] = labelled(finding, Outcome(UNKNOWN, "the value is not in this scan's checkout"))
    return tuple(labels.get(id(f), f) for f in findings)


def _key(finding: Finding) -> tuple[str, int, int, str]:
    loc = finding.location
    return finding.rule_id, loc.start_line, loc.start_col, str(dict(finding.properties).get("secret_sha256", ""))
