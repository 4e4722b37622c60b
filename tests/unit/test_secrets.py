"""Secret detection: every detector finds its format and skips its look-alikes, placeholders and
fixtures stay quiet, findings never repeat the secret, locations are exact, and hostile input
scans in linear time.

Sample secrets are assembled at run time (prefix + seeded random characters), so no whole token
sits in this file for other scanners to flag.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import string
import time
import uuid
from dataclasses import dataclass

import pytest

from shoal.models import Finding, Severity
from shoal.secrets import SECRET_RULES, scan_secrets
from shoal.secrets.checks import crc32_suffix_fix
from shoal.secrets.filters import redact

B62 = string.ascii_letters + string.digits
B64 = B62 + "+/"
B64URL = B62 + "-_"
HEX = "0123456789abcdef"
UPPER_DIGITS = string.ascii_uppercase + string.digits


def rand(size: int, alphabet: str = B62, seed: int = 0) -> str:
    """Deterministic random-looking characters: one seeded generator per call."""
    rng = random.Random(f"{size}-{alphabet}-{seed}")
    return "".join(rng.choice(alphabet) for _ in range(size))


def gh_token(prefix: str = "ghp_", seed: int = 0) -> str:
    """A GitHub-format token (also npm's): 30 random characters and their CRC32 checksum."""
    return crc32_suffix_fix((prefix + rand(36, seed=seed)).encode()).decode()


def b64url_json(value: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def jwt(header: dict[str, object], payload: dict[str, object], signature: str) -> str:
    return b64url_json(header) + "." + b64url_json(payload) + "." + signature


def pem(kind: str, body: str) -> str:
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {kind}PRIVATE KEY-----", *lines, f"-----END {kind}PRIVATE KEY-----"])


def scan(path: str, text: str | bytes) -> list:
    return scan_secrets(path, text.encode() if isinstance(text, str) else text)


def rule_ids(path: str, text: str | bytes) -> list[str]:
    return [f.rule_id for f in scan(path, text)]


# --- true positives: one table row per sample -----------------------------------------------

@dataclass(frozen=True)
class Case:
    rule: str
    path: str
    text: str
    secret: str  # the substring the finding must point at

    def __repr__(self) -> str:  # keep pytest ids short and free of the secret
        return f"{self.rule}@{self.path}"


RSA_BODY = "MIIEow" + rand(1580, B64, 1)
OPENSSH_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQy" + rand(300, B64, 2)
JWT_VALUE = jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "u-8812", "iat": 1700000000}, rand(43, B64URL, 3))
DB_PASSWORD = "q7R!x2Lm#9vZ"
AZURE_KEY = rand(86, B64, 4) + "=="

POSITIVES: tuple[Case, ...] = (
    Case("secrets/aws-access-key-id", ".env", "AWS_ACCESS_KEY_ID={s}\n", "AKIA" + rand(16, UPPER_DIGITS)),
    Case("secrets/aws-access-key-id", "deploy.py", "key = '{s}'\n", "ASIA" + rand(16, UPPER_DIGITS, 1)),
    Case("secrets/aws-secret-access-key", "config.yml", "aws_secret_access_key: {s}\n", rand(40, B64)),
    Case("secrets/aws-secret-access-key", "s3.js", 'const creds = {{ secretAccessKey: "{s}" }};\n', rand(40, B64, 1)),
    Case("secrets/github-token", "ci.sh", "export GH_TOKEN={s}\n", gh_token()),
    Case("secrets/github-token", "app.json", '{{"oauth": "{s}"}}\n', gh_token("gho_", seed=1)),
    Case("secrets/github-fine-grained-token", "bot.py", 'token = "{s}"\n',
         "github_pat_" + rand(22) + "_" + rand(59)),
    Case("secrets/gitlab-token", ".gitlab-ci.yml", "  GITLAB_TOKEN: {s}\n", "glpat-" + rand(20, B64URL)),
    Case("secrets/slack-token", "slack.py", 'client = WebClient(token="{s}")\n',
         "xoxb-" + rand(12, string.digits) + "-" + rand(13, string.digits) + "-" + rand(24)),
    Case("secrets/slack-token", "app.env", "SLACK_APP_TOKEN={s}\n",
         "xapp-1-A" + rand(10, UPPER_DIGITS) + "-" + rand(13, string.digits, 1) + "-" + rand(64, HEX)),
    Case("secrets/slack-webhook-url", "notify.rb", 'URL = "{s}"\n',
         "https://hooks.slack.com/services/T" + rand(8, UPPER_DIGITS) + "/B" + rand(10, UPPER_DIGITS, 1)
         + "/" + rand(24)),
    Case("secrets/stripe-secret-key", "billing.php", "$stripe = new StripeClient('{s}');\n", "sk_live_" + rand(24)),
    Case("secrets/stripe-secret-key", "billing.env", "STRIPE_RESTRICTED={s}\n", "rk_live_" + rand(99, seed=1)),
    Case("secrets/google-api-key", "index.html", '<script src="https://maps.example/js?key={s}"></script>\n',
         "AIza" + rand(35, B64URL)),
    Case("secrets/google-oauth-client-secret", "client_secret.json", '{{"installed": {{"client_secret": "{s}"}}}}\n',
         "GOCSPX-" + rand(28, B64URL)),
    Case("secrets/private-key", "id_rsa", "{s}\n", pem("RSA ", RSA_BODY)),
    Case("secrets/private-key", "keys/deploy_key", "{s}\n", pem("OPENSSH ", OPENSSH_BODY)),
    Case("secrets/jwt", "api_test.http", "Authorization: Bearer {s}\n", JWT_VALUE),
    Case("secrets/connection-string-password", "settings.env", "DATABASE_URL=postgres://app:{s}@db.internal:5432/app\n",
         DB_PASSWORD),
    Case("secrets/connection-string-password", "worker.py", 'BROKER = "mongodb+srv://svc:{s}@cluster0.mongodb.net/q"\n',
         rand(16, seed=9)),
    Case("secrets/npm-token", ".npmrc", "//registry.npmjs.org/:_authToken={s}\n", gh_token("npm_")),
    Case("secrets/pypi-token", ".pypirc", "[pypi]\nusername = __token__\npassword = {s}\n",
         "pypi-AgEIcHlwaS5vcmc" + rand(120, B64URL)),
    Case("secrets/sendgrid-api-key", "mail.ts", 'sgMail.setApiKey("{s}");\n',
         "SG." + rand(22, B64URL) + "." + rand(43, B64URL, 1)),
    Case("secrets/twilio-api-key", "sms.py", 'TWILIO_KEY_SID = "{s}"\n', "SK" + rand(32, HEX)),
    Case("secrets/openai-api-key", ".env.local", "OPENAI_API_KEY={s}\n", "sk-proj-" + rand(120, B64URL)),
    Case("secrets/openai-api-key", "llm.py", 'openai.api_key = "{s}"\n',
         "sk-" + rand(20) + "T3BlbkFJ" + rand(20, seed=1)),
    Case("secrets/anthropic-api-key", "agent.env", "ANTHROPIC_API_KEY={s}\n",
         "sk-ant-api03-" + rand(93, B64URL) + "AA"),
    Case("secrets/azure-storage-account-key", "appsettings.json",
         '{{"Storage": "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey={s};'
         'EndpointSuffix=core.windows.net"}}\n',
         AZURE_KEY),
    Case("secrets/vault-token", "vault.hcl", 'token = "{s}"\n', "hvs." + rand(90, B64URL)),
    Case("secrets/digitalocean-token", "terraform.tfvars", 'do_token = "{s}"\n', "dop_v1_" + rand(64, HEX)),
    Case("secrets/shopify-token", "shop.rb", "ShopifyAPI::Context.setup(access_token: '{s}')\n",
         "shpat_" + rand(32, HEX)),
    Case("secrets/discord-webhook-url", "alerts.yaml", "webhook: {s}\n",
         "https://discord.com/api/webhooks/" + rand(18, string.digits) + "/" + rand(68, B64URL)),
    Case("secrets/telegram-bot-token", "bot.go", 'bot, _ := tgbotapi.NewBotAPI("{s}")\n',
         rand(10, string.digits) + ":AA" + rand(33, B64URL)),
    Case("secrets/generic-secret", ".env", "DB_PASSWORD={s}\n", "Zx9!kQ2vLp7#"),
    Case("secrets/generic-secret", "config.yaml", "database:\n  password: {s}\n", "h7Gk2pQ9wZ4x"),
    Case("secrets/generic-secret", "config.json", '{{"api_key": "{s}"}}\n', rand(32, seed=5)),
    Case("secrets/generic-secret", "app.ini", "[auth]\nclient_secret = {s}\n", rand(24, seed=6)),
    Case("secrets/generic-secret", "settings.py", "SECRET_KEY = '{s}'\n", rand(50, B62 + "!@#%^&*(-_=+)", 7)),
    Case("secrets/generic-secret", "main.go", 'accessKey := "{s}"\n', rand(20, seed=8)),
    Case("secrets/generic-secret", "config.php", "'auth' => '{s}',\n", rand(16, seed=9)),
    Case("secrets/generic-secret", "App.java", 'private static final String API_TOKEN = "{s}";\n', rand(30, seed=10)),
    Case("secrets/generic-secret", "application.properties", "spring.datasource.password={s}\n", "pG4#vN8!rT2w"),
    Case("secrets/generic-secret", "Dockerfile", "ENV REGISTRY_CREDENTIAL={s}\n", rand(28, seed=11)),
    Case("secrets/generic-secret", "deploy.sh", "--private-key='{s}'\n", rand(40, B64, 12)),
    Case("secrets/generic-secret", "session.env", "AWS_SESSION_TOKEN={s}\n", "FwoGZXIvYXdz" + rand(300, B64, 13)),
)



def _generated_cases(covered: set[str]) -> tuple[Case, ...]:
    """A case for each data-file detector the table above leaves out: its first `ruleid:` line
    with a value generated from its format, as tests/unit/test_secret_detectors.py makes them."""
    from tests.unit.test_secret_detectors import SPECS, generate, true_lines

    cases = []
    for spec in SPECS:
        rule = f"secrets/{spec['id']}"
        if rule not in covered:
            template = true_lines(spec)[0].replace("{", "{{").replace("}", "}}").replace("{{secret}}", "{s}")
            cases.append(Case(rule, "src/settings.py", template + "\n", generate(spec, 0)))
    return tuple(cases)


POSITIVES = POSITIVES + _generated_cases({case.rule for case in POSITIVES})


def only(findings: list, rule: str):
    matching = [f for f in findings if f.rule_id == rule]
    assert len(matching) == 1, [f.to_dict() for f in findings]
    return matching[0]


@pytest.mark.parametrize("case", POSITIVES, ids=repr)
def test_detector_finds_its_format_at_the_secret(case: Case):
    text = case.text.format(s=case.secret)
    findings = scan(case.path, text)
    finding = only(findings, case.rule)
    offset = text.index(case.secret)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert (finding.location.start_line, finding.location.start_col) == (line, column)
    assert finding.location.path == case.path
    # A specific detector's find is not repeated by the generic one on the same bytes.
    assert [f.rule_id for f in findings] == [case.rule]


def test_every_rule_has_a_positive_case():
    assert {rule.id for rule in SECRET_RULES} == {case.rule for case in POSITIVES}


def test_rule_catalog_follows_the_conventions():
    ids = [rule.id for rule in SECRET_RULES]
    assert len(ids) == len(set(ids)) >= 22
    for rule in SECRET_RULES:
        assert re.fullmatch(r"secrets/[a-z0-9]+(-[a-z0-9]+)*", rule.id)
        assert re.fullmatch(r"(?:[A-Z][a-z0-9]*)+", rule.name), rule.name
        assert rule.cwe == "CWE-798"
        assert {"security", "secrets"} <= set(rule.tags)
        assert rule.description.endswith(".") and rule.description.count(". ") == 0
        assert "rotate" in rule.help and "secret store" in rule.help
    severities = {rule.id: rule.default_severity for rule in SECRET_RULES}
    assert severities["secrets/github-token"] is Severity.ERROR
    assert severities["secrets/generic-secret"] is Severity.WARNING


def test_confidence_and_severity_follow_the_evidence():
    provider = only(scan("ci.sh", "GH=" + gh_token()), "secrets/github-token")
    assert (provider.severity, provider.confidence) == (Severity.ERROR, "high")
    strong = only(scan(".env", "API_TOKEN=" + rand(32, seed=3)), "secrets/generic-secret")
    weak = only(scan(".env", "DB_PASSWORD=Zx9!kQ2vLp7#"), "secrets/generic-secret")
    assert (strong.severity, strong.confidence) == (Severity.WARNING, "medium")
    assert weak.confidence == "low"


# --- true negatives -----------------------------------------------------------------------

NEGATIVES: tuple[tuple[str, str, str], ...] = (
    # (why, path, text)
    ("aws documented key id", ".env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"),
    ("aws key id filled with X", ".env", "AWS_ACCESS_KEY_ID=AKIA" + "X" * 16 + "\n"),
    ("aws key id too short", ".env", "AWS_ACCESS_KEY_ID=AKIA" + rand(15, UPPER_DIGITS) + "\n"),
    ("aws key id inside a longer word", "a.txt", "ID" + "AKIA" + rand(16, UPPER_DIGITS) + "\n"),
    ("aws documented secret", ".env", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"),
    ("aws secret with low entropy", ".env", "AWS_SECRET_ACCESS_KEY=" + "Ab1/" * 10 + "\n"),
    ("40 random chars with no aws name", "data.txt", "checksum " + rand(40, B64) + "\n"),
    ("github token all x", ".env", "GH_TOKEN=ghp_" + "x" * 36 + "\n"),
    ("github token too short", "notes.txt", "ghp_" + rand(35) + "\n"),
    ("github token in docs", "README.md", "Set `GH_TOKEN=ghp_YourTokenGoesHereAndItIsLongEnough1`\n"),
    ("fine-grained token of X", "a.py", 'T = "github_pat_' + "X" * 22 + "_" + "X" * 59 + '"\n'),
    ("gitlab token placeholder", "ci.yml", "token: glpat-xxxxxxxxxxxxxxxxxxxx\n"),
    ("slack token placeholder", "README.md", "SLACK_BOT_TOKEN=xoxb-your-bot-token-here\n"),
    ("slack token zeros", "README.md", "xoxb-000000000000-0000000000000-" + "X" * 24 + "\n"),
    ("slack docs webhook", "README.md", "https://hooks.slack.com/services/T00000000/B00000000/" + "X" * 24 + "\n"),
    ("stripe test-mode key", "billing.env", "STRIPE_KEY=sk_test_" + rand(24) + "\n"),
    ("stripe publishable key", "billing.env", "STRIPE_PK=pk_live_" + rand(24) + "\n"),
    ("google key marked dummy", "maps.js", 'key: "AIzaSyDUMMY' + rand(28, B64URL) + '"\n'),
    ("google key too short", "maps.js", 'key: "AIza' + rand(30, B64URL) + '"\n'),
    ("oauth secret of X", "client.json", '{"client_secret": "GOCSPX-' + "X" * 28 + '"}\n'),
    ("private key placeholder", "README.md",
     "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"),
    ("private key with filler body", "README.md", pem("", "A" * 200) + "\n"),
    ("public key", "id_rsa.pub.pem",
     "-----BEGIN PUBLIC KEY-----\n" + rand(300, B64) + "\n-----END PUBLIC KEY-----\n"),
    ("private key header alone in code", "keys.py", 'HEADER = "-----BEGIN PRIVATE KEY-----"\n'),
    ("jwt.io example", "README.md",
     "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
     "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n"),
    ("jwt header without alg", "a.txt", jwt({"typ": "JWT"}, {"sub": "1"}, rand(43, B64URL)) + "\n"),
    ("eyJ blob that is not json", "a.txt",
     "eyJ" + rand(30, B64URL) + "." + rand(30, B64URL) + "." + rand(43, B64URL) + "\n"),
    ("unsigned jwt", "a.txt", jwt({"alg": "none"}, {"sub": "1"}, "") + "\n"),
    ("db url with placeholder word", "README.md", "postgres://user:password@localhost:5432/app\n"),
    ("db url with env reference", ".env", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n"),
    ("db url with template", "values.yaml", "url: mysql://root:{{ .Values.password }}@mysql/app\n"),
    ("db url with angle placeholder", "README.md", "mongodb+srv://admin:<password>@cluster0.example.net/\n"),
    ("db url with masked password", "log.txt", "redis://:****@cache:6379/0\n"),
    ("db url without password", ".env", "DATABASE_URL=postgres://app@db/app\n"),
    ("http url with credentials is out of scope", "a.txt", "https://user:" + rand(12) + "@example.org/\n"),
    ("npm token all x", ".npmrc", "//registry.npmjs.org/:_authToken=npm_" + "x" * 36 + "\n"),
    ("npm config variable", "package.json", '{"scripts": {"x": "echo $npm_config_cache"}}\n'),
    ("pypi token without macaroon prefix", ".pypirc", "password = pypi-" + "X" * 60 + "\n"),
    ("sendgrid placeholder", "mail.env", "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx." + "x" * 43 + "\n"),
    ("twilio sid of zeros", "sms.env", "TWILIO_KEY=SK" + "0" * 32 + "\n"),
    ("twilio-like all digits", "a.txt", "SK" + rand(32, string.digits) + "\n"),
    ("openai placeholder", ".env", "OPENAI_API_KEY=sk-proj-your-key-here\n"),
    ("anthropic filler", ".env", "ANTHROPIC_API_KEY=sk-ant-api03-" + "x" * 95 + "\n"),
    ("azurite emulator key", "local.settings.json",
     '"AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="\n'),
    ("azure key placeholder", "appsettings.json", '"AccountKey=<storage-account-key>;"\n'),
    ("vault token of X", "vault.env", "VAULT_TOKEN=hvs." + "X" * 90 + "\n"),
    ("vault token too short", "vault.env", "hvs.short\n"),
    ("digitalocean zeros", "do.tfvars", 'do_token = "dop_v1_' + "0" * 64 + '"\n'),
    ("shopify ascending filler", "shop.env", "SHOPIFY_TOKEN=shpat_0123456789abcdef0123456789abcdef\n"),
    ("discord webhook of X", "alerts.yaml",
     "webhook: https://discord.com/api/webhooks/" + rand(18, string.digits) + "/" + "X" * 68 + "\n"),
    ("telegram token of x", "bot.env", "BOT=123456789:AA" + "x" * 33 + "\n"),
    ("telegram id too short", "bot.env", "BOT=12:AA" + rand(33, B64URL) + "\n"),
)


@pytest.mark.parametrize(("why", "path", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_look_alikes_are_not_reported(why: str, path: str, text: str):
    assert rule_ids(path, text) == []


PLACEHOLDERS = (
    "changeme", "change_me", "CHANGEME123", "xxx", "xxxxxxxxxxxx", "****", "********", "${DB_PASSWORD}",
    "$DB_PASSWORD", "{{ db_password }}", "{{db_password}}", "%(password)s", "<your-token>", "your_api_key_here",
    "example", "example-key-123", "sample", "SampleValue9", "dummy", "dummy_key_123", "fake", "fake-token-99",
    "test", "test1234XYZ", "placeholder", "redacted", "REDACTED", "none", "None", "null", "true", "false",
    "aaaaaaaaaaaa", "ZZZZZZZZZZZZZZZZ", "abcdef123456", "12345678", "#{password}", "@db.password@",
)


@pytest.mark.parametrize("value", PLACEHOLDERS)
@pytest.mark.parametrize(("path", "template"), [
    (".env", "API_TOKEN={v}\n"),
    ("config.yaml", "auth:\n  password: {v}\n"),
    ("config.json", '{{"client_secret": "{v}"}}\n'),
    ("settings.py", 'SECRET_KEY = "{v}"\n'),
])
def test_placeholders_are_never_reported(value: str, path: str, template: str):
    assert rule_ids(path, template.format(v=value)) == []


@pytest.mark.parametrize(("path", "text"), [
    # UUIDs under id names are identifiers, not secrets (under a secret name they count, see below).
    (".env", "TENANT_ID=3f2b8c1e-9d4a-4e7b-a1c6-5e8f0d2b7a94\n"),
    ("config.json", '{"request_id": "3F2B8C1E-9D4A-4E7B-A1C6-5E8F0D2B7A94"}\n'),
    # A made-up UUID under a secret name is a placeholder.
    (".env", "API_KEY=12345678-abcd-1234-abcd-1234567890ab\n"),
    # Code references: the value comes from somewhere else.
    ("settings.py", 'PASSWORD = os.environ["DB_PASSWORD"]\n'),
    ("settings.py", "SECRET_KEY = settings.SECRET_KEY_VALUE\n"),
    ("app.py", 'api_key = getenv("API_KEY")\n'),
    ("app.js", "const token = process.env.GITHUB_TOKEN;\n"),
    ("app.js", "const apiKey = loadKey(config);\n"),
    ("Main.java", "String password = System.getenv(\"PASSWORD\");\n"),
    (".env", "TOKEN=settings.SECRET_TOKEN\n"),
    ("config.ini", "password = keyring.get(service)\n"),
    ("job.sh", "TOKEN=$(vault read -field=token secret/ci)\n"),
    # Names that are about secrets without holding one.
    ("settings.py", 'PASSWORD_RESET_TIMEOUT = "Zx9!kQ2vLp7#Qa"\n'),
    ("settings.py", 'AUTH_USER_MODEL = "accounts.User9x"\n'),
    ("models.py", 'author = "Zx9!kQ2vLp7#Qa"\n'),
    ("forms.py", 'password_help = "Zx9!kQ2vLp7#Qa"\n'),
    ("tests.py", 'TEST_SECRET = "' + rand(32) + '"\n'),
    # Comparisons, sentences, translations, paths, hashes and short or low-entropy values.
    ("auth.py", 'if password == "Zx9!kQ2vLp7#":\n'),
    ("auth.py", 'if token != "Zx9!kQ2vLp7#":\n'),
    ("en.yml", "password: \"Enter your password to continue\"\n"),
    ("es.json", '{"password": "Contraseña segura"}\n'),
    ("config.yaml", "private_key: /etc/ssl/private/server.key\n"),
    ("config.yaml", "credentials: ./secrets/credentials.json\n"),
    ("fixtures.json", '{"password": "pbkdf2_sha256$600000$' + rand(22) + "$" + rand(43, B64) + '="}\n'),
    (".env", "PASSWORD=hellohello\n"),
    (".env", "PASSWORD=Ab1!x\n"),
    (".env", "PASSWORD=FORBIDDEN_VALUE\n"),
    (".env", "PASSWORD= # set in CI\n"),
    ("ci.yml", "password: !vault |\n"),
    # Subresource-integrity digests are never secrets, lockfile or not.
    ("index.html.yaml", "token: sha512-" + rand(86, B64) + "==\n"),
])
def test_non_secret_assignments_are_not_reported(path: str, text: str):
    assert rule_ids(path, text) == []


LOCKFILES = ("package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "Pipfile.lock", "Cargo.lock",
             "go.sum", "composer.lock", "Gemfile.lock", "web/package-lock.json")


@pytest.mark.parametrize("path", LOCKFILES)
def test_generic_detector_skips_lockfiles(path: str):
    text = (
        f'"integrity": "sha512-{rand(86, B64)}==",\n'
        f'"resolved_token": "{rand(40, seed=2)}",\n'
        f"checksum = \"{rand(64, HEX)}\"\n"
        f"h1:{rand(43, B64)}=\n"
    )
    assert rule_ids(path, text) == []
    # The same assignment outside a lockfile is reported: the skip is what keeps it quiet.
    assert rule_ids("settings.json", text) == ["secrets/generic-secret"]


def test_provider_tokens_are_still_found_in_lockfiles():
    token = gh_token(seed=4)
    assert rule_ids("package-lock.json", f'"resolved": "https://x:{token}@npm.pkg.github.com/a.tgz"\n') == [
        "secrets/github-token"
    ]


def test_unquoted_values_count_in_config_but_not_in_code():
    value = rand(24, seed=13)
    assert rule_ids("app.conf", f"api_key = {value}\n") == ["secrets/generic-secret"]
    assert rule_ids("app.py", f"api_key = {value}\n") == []  # a variable named like a secret


def test_a_random_uuid_under_a_secret_name_counts_at_low_confidence():
    value = str(uuid.UUID(int=random.Random(5).getrandbits(128)))
    found = scan(".env", f"SERVICE_API_KEY={value}\n")
    assert [(f.rule_id, f.confidence) for f in found] == [("secrets/generic-secret", "low")]


def test_provider_key_names_need_a_long_random_value():
    value = rand(32, seed=21)
    assert rule_ids("settings.py", f'CLARIFAI_KEY = "{value}"\n') == ["secrets/generic-key"]
    assert rule_ids("app.env", f"ollama key = {value}\n") == ["secrets/generic-key"]
    assert rule_ids("settings.py", f'CLARIFAI_KEY = "{value[:12]}"\n') == []  # short: typed
    assert rule_ids("settings.py", f'cache_key = "{value}"\n') == []  # an index, not a secret
    assert rule_ids("settings.py", f'public_key = "{value}"\n') == []
    assert rule_ids("settings.py", f'api_key = "{value}"\n') == ["secrets/generic-secret"]  # one finding


def test_the_legacy_openai_shape_without_its_marker_is_not_called_openai():
    # sk- and 48 letters and digits is also Stability AI's format: a key, of no one provider.
    assert rule_ids("a.txt", "sk-" + rand(48) + "\n") == ["secrets/sk-alnum-api-key"]


def test_a_token_with_a_dot_is_not_taken_for_an_attribute_chain():
    dotted = f"{rand(8, seed=24)}.{rand(32, seed=25)}"  # id.secret, as several providers issue them
    assert rule_ids(".env", f"SERVICE_API_KEY={dotted}\n") == ["secrets/generic-secret"]
    assert rule_ids(".env", "SERVICE_API_KEY=settings.SERVICE_TOKEN2\n") == []


def test_authorization_headers_with_a_literal_credential():
    token = rand(40, seed=22)
    basic = base64.b64encode(f"deploy:{rand(16, seed=23)}".encode()).decode()
    assert rule_ids("run.sh", f'curl -H "Authorization: Bearer {token}" https://api.example.net\n') == [
        "secrets/http-authorization-header"]
    assert rule_ids("client.py", f"headers = {{'Authorization': 'Basic {basic}'}}\n") == [
        "secrets/http-authorization-header"]
    for line in ('curl -H "Authorization: Bearer $TOKEN" https://api.example.net',
                 'headers = {"Authorization": f"Bearer {self.token}"}',
                 "Authorization: Basic " + base64.b64encode(b"user:password").decode(),
                 "Authorization: Bearer <access-token>"):
        assert rule_ids("client.py", line + "\n") == [], line


def test_entropy_threshold_separates_random_from_typed():
    assert rule_ids(".env", "PASSWORD=Zx9!kQ2vLp7#\n") == ["secrets/generic-secret"]
    # Same length and character classes, one bit of entropy per character less.
    assert rule_ids(".env", "PASSWORD=Zx9!Zx9!Zx9!\n") == []


def test_words_are_labels_but_random_letters_are_not():
    assert rule_ids(".env", "API_TOKEN=someGibberishValue\n") == []
    assert rule_ids(".env", "API_TOKEN=hJkLMnqRtVwXbPzQ\n") == ["secrets/generic-secret"]


# --- redaction and identity ---------------------------------------------------------------

def _value_of(case: Case) -> str:
    return RSA_BODY if case.secret.startswith("-----BEGIN RSA") else (
        OPENSSH_BODY if case.secret.startswith("-----BEGIN OPENSSH") else case.secret)


@pytest.mark.parametrize("case", POSITIVES, ids=repr)
def test_findings_never_contain_the_secret(case: Case):
    finding = only(scan(case.path, case.text.format(s=case.secret)), case.rule)
    dumped = json.dumps(finding.to_dict(), ensure_ascii=False)
    value = _value_of(case)
    assert value not in dumped
    for line in case.secret.splitlines():  # nor any whole line of a key block
        if len(line) > 12:
            assert line not in dumped or line.startswith("-----")
    properties = dict(finding.properties)
    assert properties["secret_sha256"] == hashlib.sha256(value.encode()).hexdigest()[:16]
    assert properties["redacted"] in finding.message
    assert len(properties["redacted"]) <= 7


def test_findings_round_trip_through_dicts():
    case = POSITIVES[0]
    for finding in scan(case.path, case.text.format(s=case.secret)):
        assert Finding.from_dict(json.loads(json.dumps(finding.to_dict()))) == finding


def test_redaction_keeps_at_most_four_and_two_characters():
    assert redact("AKIAZ7Q2W4E6R8T1Y3U5") == "AKIA\u2026U5"
    assert redact("Zx9!kQ2vLp7#") == "Zx\u2026#"
    assert redact("q7R!x2L") == "q\u2026"
    assert redact("abc") == "\u2026"


def test_fingerprint_is_stable_when_lines_move_and_differs_per_secret():
    token, other = gh_token(seed=20), gh_token(seed=21)
    before = scan("ci.sh", f"export A={token}\nexport B={other}\n")
    after = scan("ci.sh", "# a comment\n\n" + f"export B={other}\nexport A={token}\n")
    assert {f.fingerprint for f in before} == {f.fingerprint for f in after}
    assert len({f.fingerprint for f in before}) == 2
    assert scan("other.sh", f"A={token}\n")[0].fingerprint not in {f.fingerprint for f in before}


# --- locations ----------------------------------------------------------------------------

def test_locations_in_a_multi_line_env_file():
    password, token = "Zx9!kQ2vLp7#", gh_token(seed=30)
    text = (
        "# database\n"
        "DB_HOST=db.internal\n"
        f"DB_PASSWORD={password}\n"
        "\n"
        f"  GITHUB_TOKEN=\"{token}\"  # ci\n"
    )
    found = [(f.rule_id, f.location.start_line, f.location.start_col, f.location.end_line, f.location.end_col)
             for f in scan("deploy/.env", text)]
    assert found == [
        ("secrets/generic-secret", 3, 13, 3, 13 + len(password)),
        ("secrets/github-token", 5, 17, 5, 17 + len(token)),
    ]


def test_locations_in_a_yaml_file():
    password, token = "h7Gk2pQ9wZ4x", "xoxb-" + rand(12, string.digits, 40) + "-" + rand(24, seed=40)
    text = (
        "database:\n"
        f"  url: postgres://app:{password}@db.internal:5432/shop\n"
        "services:\n"
        "  slack:\n"
        f"    token: '{token}'\n"
    )
    found = [(f.rule_id, f.location.start_line, f.location.start_col, f.location.end_col)
             for f in scan("deploy/values.yaml", text)]
    assert found == [
        ("secrets/connection-string-password", 2, 23, 23 + len(password)),
        ("secrets/slack-token", 5, 13, 13 + len(token)),
    ]


def test_private_key_finding_spans_the_block_from_its_begin_line():
    block = pem("EC ", rand(160, B64, 50))
    finding = only(scan("k.py", f'import os\nKEY = """{block}"""\n'), "secrets/private-key")
    loc = finding.location
    assert (loc.start_line, loc.start_col) == (2, 10)
    assert loc.end_line == 2 + block.count("\n")
    assert loc.end_col == len("-----END EC PRIVATE KEY-----") + 1
    assert dict(finding.properties)["key_type"] == "EC"


def test_private_key_inside_a_json_string_with_escaped_newlines():
    block = pem("", rand(400, B64, 51)).replace("\n", "\\n")
    finding = only(scan("sa.json", f'{{"type": "service_account", "private_key": "{block}\\n"}}\n'),
                   "secrets/private-key")
    assert finding.location.start_line == finding.location.end_line == 1


def test_columns_count_characters_and_survive_invalid_utf8():
    token = gh_token(seed=60)
    data = "é = 1 # naïve\n".encode() + b"\xff\xfe x=" + token.encode() + b"\n"
    finding = only(scan_secrets("weird.txt", data), "secrets/github-token")
    assert (finding.location.start_line, finding.location.start_col) == (2, 6)


def test_findings_are_sorted_by_line_column_and_rule():
    text = f"B={gh_token(seed=70)} A=AKIA{rand(16, UPPER_DIGITS, 70)}\nC={gh_token('npm_', seed=71)}\n"
    keys = [(f.location.start_line, f.location.start_col, f.rule_id) for f in scan("x.txt", text)]
    assert keys == sorted(keys) and len(keys) == 3


# --- robustness ---------------------------------------------------------------------------

ADVERSARIAL = {
    "one long word": b"a" * 10_000_000,
    "password then one long value": b"password=" + b"A" * 10_000_000,
    "repeated jwt prefix": b"eyJ" * 3_000_000,
    "repeated assignments": b"password=" * 1_100_000,
    "repeated key headers": b"-----BEGIN PRIVATE KEY-----" * 370_000,
    "repeated url prefixes": b"postgres://u:" * 770_000,
    "unterminated quoted value": b'token="' + b"Ab1!" * 2_500_000,
    "one long name before a secret": b"a" * 10_000_000 + b"_password=Zx9!kQ2vLp7#\n",
}


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_hostile_single_lines_scan_in_linear_time(name: str):
    started = time.perf_counter()
    findings = scan_secrets("hostile.txt", ADVERSARIAL[name])
    assert time.perf_counter() - started < 10.0
    assert all(len(f.message) < 200 for f in findings)


@pytest.mark.parametrize("prefix", [b"a" * 10_000_000, b"token=" * 1_600_000, bytes(range(256)) * 40_000])
def test_a_secret_after_a_hostile_line_is_still_found(prefix: bytes):
    # The prefilter pass must not give up on long or odd input and skip the detectors.
    token = gh_token(seed=80)
    finding = only(scan_secrets("x.txt", prefix + b"\n" + token.encode() + b"\n"), "secrets/github-token")
    assert (finding.location.start_line, finding.location.start_col) == (prefix.count(b"\n") + 2, 1)


def test_arbitrary_bytes_never_crash():
    rng = random.Random(7)
    for size in (0, 1, 17, 4096, 65536):
        scan_secrets("blob.bin", bytes(rng.randrange(256) for _ in range(size)))
    scan_secrets("mixed.env", b"\x00password=\xff\xfe\x80" + b"token: " + bytes(range(256)) * 4)
    assert scan_secrets("empty", b"") == []


def test_upper_case_compound_names_count_by_their_end() -> None:
    rng = random.Random(7)
    value = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(32))
    for name in ("TS_AUTHKEY", "SLACK_BOTTOKEN", "MY_APITOKEN"):
        found = scan_secrets("settings.py", f'{name} = "{value}"\n'.encode())
        assert [f.rule_id for f in found] == ["secrets/generic-secret"], name
    for name in ("BYPASS", "OAUTH"):  # words that end like `pass` and `auth`
        assert scan_secrets("settings.py", f'{name} = "{value}"\n'.encode()) == [], name


def test_a_key_that_starts_with_a_slash_is_not_a_path() -> None:
    key = base64.b64encode(random.Random(11).randbytes(64)).decode()
    key = "/" + key[1:]  # one base64 key in 64 starts so
    found = scan_secrets("settings.py", f'AZURE_STORAGE_ACCOUNT_KEY = "{key}"\n'.encode())
    assert [f.rule_id for f in found] == ["secrets/generic-key"]
    for path in ("/run/secrets/db_password", "/Users/Shared/Keys/service.pem", "~/.config/app/token"):
        assert scan_secrets("settings.py", f'DB_PASSWORD = "{path}"\n'.encode()) == [], path
