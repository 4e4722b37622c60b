"""The generic detector: a high-entropy literal assigned to a secret-looking name.

It has no format to lean on, so it is the one that needs the false-positive control: the name
must end in a secret word, the value must be a literal (quoted, or unquoted outside code), long
and random enough, and not a placeholder, template, UUID, digest, password hash or reference.
"""

from __future__ import annotations

from shoal.secrets.filters import (
    MAX_GENERIC_VALUE,
    has_sequence,
    is_code_reference,
    is_digest,
    is_dotted_name,
    is_password_hash,
    is_path_or_url,
    is_placeholder,
    is_uuid,
    is_words_only,
    shannon_entropy,
)
from shoal.secrets.model import Candidate, Confidence, FileContext, Match, compile_pattern, group, span

MIN_LENGTH = 8
MIN_ENTROPY = 3.0  # bits/char: "hellohello" 1.9, "top_secret" 2.9, "Zx9!kQ2vLp7#" 3.6
MEDIUM_ENTROPY = 3.5  # with 16+ characters: random enough to be generated, not typed
# Only a name's last words decide, so a longer name (minified or hostile input) is cut to its
# tail: splitting it stays cheap and messages stay short.
MAX_NAME = 64

# The last word of a name decides: `db_password` is a secret, `password_reset_timeout` is not.
_SECRET_WORDS = frozenset({
    "password", "passwords", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token",
    "tokens", "apikey", "credential", "credentials", "auth", "authtoken", "accesstoken",
    "accesskey", "privatekey", "secretkey", "clientsecret",
})
_KEY_QUALIFIERS = frozenset({"api", "access", "private", "secret"})  # "<qualifier>_key"
# An upper-case compound has no boundary to split on (`TS_AUTHKEY`, `SLACK_BOTTOKEN`): its end
# decides. Not `pass` or `auth`, which end ordinary words (`bypass`, `oauth`).
_SECRET_SUFFIXES = ("token", "secret", "password", "passwd", "passphrase", "apikey", "authkey")
# A UUID is a service's API key or token (`PINECONE_API_KEY`, `_authToken`), not a framework's
# signing secret (a real Django SECRET_KEY is 50 random characters; a UUID there is a fixture).
_UUID_NAME_WORDS = frozenset({"api", "apikey", "auth", "authtoken", "access", "accesstoken", "accesskey",
                              "token", "private", "credential", "credentials", "client"})


def uuid_name_ok(name: bytes) -> bool:
    """A UUID counts under a service-credential word or a provider-qualified name
    (`NANGO_SECRET_KEY`); a bare `SECRET_KEY` holding one is a fixture."""
    words = name_words(name)
    return bool(_UUID_NAME_WORDS.intersection(words)) or len(words) >= 3
# `TEST_SECRET`, `fake_token`, `EXAMPLE_API_KEY`: the name itself says the value is a fixture.
_FIXTURE_WORDS = frozenset({"test", "tests", "example", "sample", "dummy", "fake", "mock", "placeholder"})


def name_words(name: bytes) -> list[str]:
    """`AWS_SECRET_ACCESS_KEY`, `secretAccessKey`, `DBPassword2` -> lower-case words, digits cut."""
    text = name.decode("ascii", "replace")
    words: list[str] = []
    current = ""
    for index, char in enumerate(text):
        if char in "_.-":
            words.append(current)
            current = ""
            continue
        following = text[index + 1:index + 2]
        # A capital starts a word after a lower-case letter or digit ("dbPassword"), or ends an
        # acronym when a lower-case letter follows it ("DBPassword" -> "DB", "Password").
        if char.isupper() and current and (not current[-1].isupper() or following.islower()):
            words.append(current)
            current = ""
        current += char
    words.append(current)
    return [w for w in (word.lower().rstrip("0123456789") for word in words) if w]


def is_secret_name(name: bytes) -> bool:
    words = name_words(name)
    if not words or _FIXTURE_WORDS.intersection(words):
        return False
    if words[-2:] == ["key", "base"]:
        words = words[:-1]  # Rails' secret_key_base
    last = words[-1]
    if last in _SECRET_WORDS or last.endswith(_SECRET_SUFFIXES):
        return True
    return last == "key" and len(words) > 1 and words[-2] in _KEY_QUALIFIERS


# Names that say a credential without a secret word: the header or cookie that carries one, a
# connection string (Azure's hold the account key), Vault's AppRole secret id, Agora's app certificate. They as often hold
# a host, a setting or a whole `k=v;...` string, so only a single random token counts under them.
_CARRIER_TAILS = frozenset({
    ("authorization", "header"), ("auth", "header"), ("session", "cookie"), ("auth", "cookie"),
    ("connection", "string"), ("conn", "str"), ("conn", "string"), ("secret", "id"),
    ("app", "certificate"),  # Agora's token-signing secret (32 hex), not an X.509 certificate
})
_CARRIER_SUFFIXES = ("connectionstring", "connstr")
_SINGLE_TOKEN = compile_pattern(rb"[A-Za-z0-9+/=_\-.:~%]+")


def is_carrier_name(name: bytes) -> bool:
    """`AUTHORIZATION_HEADER`, `slack_session_cookie`, `AZURE_CONNECTION_STRING`, `approle_secret_id`,
    `AGORA_APP_CERTIFICATE`."""
    words = name_words(name)
    if len(words) < 2 or _FIXTURE_WORDS.intersection(words):
        return False
    return (words[-2], words[-1]) in _CARRIER_TAILS or words[-1].endswith(_CARRIER_SUFFIXES)


def carried_token_ok(value: bytes) -> bool:
    """One random token (a key, a base64 `user:password`, a cookie), not a sentence, `k=v;...`
    or a word (`Network_library=`): generated tokens of 16+ characters nearly all hold a digit."""
    if len(value) < 16 or _SINGLE_TOKEN.fullmatch(value) is None or not any(48 <= c <= 57 for c in value):
        return False
    return is_uuid(value) or shannon_entropy(value) >= MEDIUM_ENTROPY


def _char_classes(value: bytes) -> int:
    lower = any(97 <= c <= 122 for c in value)
    upper = any(65 <= c <= 90 for c in value)
    digit = any(48 <= c <= 57 for c in value)
    other = any(not (chr(c).isalnum() and c < 128) for c in value)
    return lower + upper + digit + other


def value_ok(value: bytes) -> bool:
    """Long and random enough, and not a placeholder, digest, password hash, path, URL or a few
    words joined by separators. A UUID counts (Heroku, npm, many SaaS keys are random UUIDs): a
    secret word names it, and UUIDs that are ids get id names."""
    if not MIN_LENGTH <= len(value) <= MAX_GENERIC_VALUE:
        return False
    if is_uuid(value):
        return not has_sequence(value.replace(b"-", b""), 5) and len(set(value)) >= 10
    if is_placeholder(value) or is_digest(value) or is_password_hash(value):
        return False
    if is_path_or_url(value) or is_words_only(value) or is_dotted_name(value):
        return False
    return shannon_entropy(value) >= MIN_ENTROPY and _char_classes(value) >= 2


_VALUE_GROUPS = (("dq", True), ("sq", True), ("bq", True), ("bare", False))


def _value_group(match: Match) -> tuple[str, bool]:
    """Which alternative of the value matched: its group name and whether it was quoted."""
    for name, quoted in _VALUE_GROUPS:
        if group(match, name) is not None:
            return name, quoted
    raise AssertionError("the generic pattern always captures a value")


def extract(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    value_group, quoted = _value_group(match)
    start, end = span(match, value_group)
    name = (group(match, "name") or b"")[-MAX_NAME:]
    secret_name = is_secret_name(name)
    if end - start > MAX_GENERIC_VALUE or not (secret_name or is_carrier_name(name)):
        return None
    value = data[start:end]
    if not secret_name and not carried_token_ok(value):
        return None
    # Unquoted right-hand sides in code are expressions; in config, calls and indexing are too.
    if not quoted and (ctx.is_code or is_code_reference(value, data[end:end + 1])):
        return None
    if not value_ok(value) or (is_uuid(value) and not uuid_name_ok(name)):
        return None
    entropy = shannon_entropy(value)
    random = entropy >= MEDIUM_ENTROPY and len(value) >= 16 and not is_uuid(value)
    confidence: Confidence = "medium" if random else "low"  # a UUID is as often an id
    properties = (("entropy", round(entropy, 2)), ("name", name.decode("ascii", "replace")))
    return Candidate(start, end, value, confidence, properties)


# --- a value assigned to `<something>_key` ------------------------------------------------

# Keys that index or label things rather than open them: a cache key, a sort key, a public key.
NON_SECRET_KEY_WORDS = frozenset({
    "cache", "session", "primary", "foreign", "sort", "lookup", "result", "dict", "map", "hash",
    "partition", "row", "column", "idempotency", "public", "pub", "publishable", "site", "object",
    "bucket", "metric", "field", "group", "unique", "index", "translation", "message", "label",
    "setting", "settings", "config", "header", "query", "param", "url", "path", "file", "tag",
    "attr", "name", "id", "type", "kind", "state", "event", "prop", "item", "entry", "composite",
    "natural", "shard", "routing", "dedup", "lock", "context", "form", "template",
    "storage", "registry", "schema", "model", "table", "sequence", "order", "key", "hotkey",
    "shortcut", "keyboard", "press", "media", "option", "choice", "menu", "cursor", "page",
})
KEY_MIN_LENGTH = 16  # no secret word in the name: only a long, random value counts
# Hex has 16 symbols, so a random 20-character key scores about 3.45 bits, under MEDIUM_ENTROPY
# one time in three; 3.0 is three deviations below (`CLARIFAI_KEY = "<32 hex>"` is a key). Not
# below 20 characters: 16-hex ids and short digests under `*Key` names are common in data files.
HEX_ENTROPY = 3.0
HEX_KEY_LENGTH = 20
_HEX = compile_pattern(rb"[0-9a-f]+|[0-9A-F]+")


def is_key_name(name: bytes) -> bool:
    """`CLARIFAI_KEY`, `ollama key`, `stripe.secretKey`: a name whose last word is `key`, after a
    word that does not make it an index (`cache_key`) or a public value (`public_key`)."""
    words = name_words(name.replace(b" ", b"_"))
    if len(words) < 2 or words[-1] != "key" or _FIXTURE_WORDS.intersection(words):
        return False
    # `API_KEY`, `secret_key`: the generic detector's names, reported by it (`api key` is not).
    reported_by_generic = b" " not in name and words[-2] in _KEY_QUALIFIERS
    indexing = words[-2] in NON_SECRET_KEY_WORDS and words[-2] not in _QUERY_KEY_WORDS
    return not indexing and not reported_by_generic


# `query_key` is mostly a dict's or cache's key, but also a search service's read-only API key
# (Azure AI Search's query keys): only a long, non-hex random value counts there.
_QUERY_KEY_WORDS = frozenset({"query"})
QUERY_KEY_LENGTH = 32


def _query_key_ok(name: bytes, value: bytes) -> bool:
    words = name_words(name.replace(b" ", b"_"))
    if words[-2] not in _QUERY_KEY_WORDS:
        return True
    return len(value) >= QUERY_KEY_LENGTH and _HEX.fullmatch(value) is None and not is_uuid(value)


def extract_key(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    """A literal assigned to a provider-style key name: as the generic detector, but as the name
    carries no secret word, only a long value random enough to be generated counts."""
    value_group, quoted = _value_group(match)
    start, end = span(match, value_group)
    name = (group(match, "name") or b"")[-MAX_NAME:]
    if end - start > MAX_GENERIC_VALUE or end - start < KEY_MIN_LENGTH or not is_key_name(name):
        return None
    value = data[start:end]
    if not quoted and (ctx.is_code or is_code_reference(value, data[end:end + 1])):
        return None
    # `ollama key: <value>` is a line of notes or config; in a string (`WHERE key='...'`) or in
    # code, words before `key` are SQL or prose.
    if b" " in name and (quoted or ctx.is_code):
        return None
    if not value_ok(value) or not _query_key_ok(name, value):
        return None
    entropy = shannon_entropy(value)
    hex_key = len(value) >= HEX_KEY_LENGTH and _HEX.fullmatch(value) is not None
    if entropy < (HEX_ENTROPY if hex_key else MEDIUM_ENTROPY) and not is_uuid(value):
        return None
    properties = (("entropy", round(entropy, 2)), ("name", name.decode("ascii", "replace")))
    return Candidate(start, end, value, "low" if is_uuid(value) else "medium", properties)


# --- HTTP Authorization headers -----------------------------------------------------------

AUTH_MIN_LENGTH = 16


def _basic_credentials_ok(value: bytes) -> bool:
    """Basic credentials are base64 of `user:password`; the password must be a real one."""
    import base64
    import binascii

    try:
        decoded = base64.b64decode(value + b"=" * (-len(value) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    user, colon, password = decoded.partition(b":")
    if not colon or not password or any(c < 32 or c > 126 for c in decoded):
        return False
    return not is_placeholder(password) and password != user


def extract_auth_header(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    """`Authorization: Bearer <token>` (or Basic, Token, ApiKey, sso-key) with a literal value:
    a credential whatever its provider. Variables, templates and placeholders are not."""
    value = group(match, "secret") or b""
    scheme = (group(match, "scheme") or b"").lower()
    if not scheme and (len(value) < 32 or shannon_entropy(value) < MEDIUM_ENTROPY):
        return None  # a bare header value: only a long random key (SparkPost, Shippo...) counts
    if scheme == b"basic":
        if len(value) < 8 or not _basic_credentials_ok(value):
            return None
    elif len(value) < AUTH_MIN_LENGTH or is_placeholder(value) or is_words_only(value) or is_dotted_name(value):
        return None
    elif shannon_entropy(value) < MIN_ENTROPY or _char_classes(value) < 2:
        return None
    start, end = span(match)
    return Candidate(start, end, value, "medium", (("scheme", scheme.decode("ascii", "replace")),))
