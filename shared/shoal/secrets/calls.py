"""The client-call detector: a random literal passed to a call whose name says it opens a client
or an authenticated session (`Client("<token>")`, `new ApiClient(id, "<secret>")`,
`Client::new("<token>")`), with no import or name that tells the provider.

A value with a provider prefix is found by its own detector; this one is for the formats that are
only 32 hex or 40 base62 characters, which no pattern can tell from a digest or an id. The call is
the context: code hands a client its credential as an argument. What the value must still be:
long, random, and not any of the things code also passes to such calls (paths, URLs, host
names, words, dotted names, base64 of text, an id under an id-like keyword).
"""

from __future__ import annotations

import base64
import binascii
import math

from shoal.secrets.filters import (
    is_dotted_name,
    is_path_or_url,
    is_placeholder,
    is_uuid,
    is_words_only,
    looks_fake_token,
    shannon_entropy,
)
from shoal.secrets.generic import NON_SECRET_KEY_WORDS, name_words
from shoal.secrets.model import Candidate, Confidence, FileContext, Match, compile_pattern, group, span

MIN_LENGTH = 16
MAX_LENGTH = 512
MIN_DISTINCT = 10  # 16 random base62 characters have about 14 distinct ones; "aaaabbbb..." has few

# A word of the callee that says it takes a credential: Client, ApiClient, AuthSession, login...
_CALLEE_WORDS = frozenset({
    "client", "auth", "oauth", "authenticate", "authenticator", "token", "secret", "credential",
    "credentials", "api", "apikey", "login", "signin", "key", "sdk",
})
# Calls that look a credential up or check one: the literal there is test data or an id.
_LOOKUP_VERBS = frozenset({
    "get", "has", "is", "find", "lookup", "delete", "del", "remove", "pop", "check", "validate",
    "verify", "parse", "decode", "hash", "revoke", "invalidate", "load", "read", "fetch", "assert",
})
# A keyword argument must name a credential; `region=`, `project_id=` name something else.
_RAISED = frozenset({"error", "exception", "warning", "err", "failure"})
_KEYWORD_WORDS = frozenset({
    "token", "key", "secret", "password", "passwd", "pwd", "pass", "auth", "credential",
    "credentials", "apikey", "accesstoken", "authtoken", "secretkey", "pat", "passphrase",
})
_FIXTURE_WORDS = frozenset({"test", "tests", "example", "sample", "dummy", "fake", "mock", "placeholder"})
# A host name or address, with a port or path (`smtp.mail-eu.net:587`, `10.0.0.4:6379`).
_HOSTLIKE = compile_pattern(
    rb"(?:[A-Za-z0-9\-]{1,63}\.)+[A-Za-z]{2,12}(?::[0-9]{1,5})?(?:/.*)?|[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?::[0-9]{1,5})?"
)
# Capitalised words of four letters or more: most of an identifier (`PrimaryKeyUUIDModel`), a
# small part of a random mixed-case token (about 14% of random base62).
_CAPITALISED_WORD = compile_pattern(rb"[A-Z][a-z]{3,}")
_TOKEN_RUN = compile_pattern(rb"[A-Za-z0-9+/_\-]{16,}")
_HEX = compile_pattern(rb"[0-9a-f]+|[0-9A-F]+")
_BASE64 = compile_pattern(rb"[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_\-]+={0,2}")


def _index_key(words: list[str]) -> bool:
    """`ForeignKey`, `session_key`, `cache_key`: a key that indexes or labels, not one that opens."""
    return len(words) > 1 and words[-1] == "key" and words[-2] in NON_SECRET_KEY_WORDS


def callee_ok(callee: bytes) -> bool:
    """`Client`, `ApiClient`, `create_auth_session`, `NewClient`; not `get_client`, `verify_token`,
    `ForeignKey`."""
    words = name_words(callee)
    if not words or words[0] in _LOOKUP_VERBS or _FIXTURE_WORDS.intersection(words):
        return False
    if words[-1] in _RAISED:
        return False  # KeyError("..."), AuthError(...): a message or the key that was missing
    tells = _CALLEE_WORDS.intersection(words)
    return bool(tells) and not (tells == {"key"} and _index_key(words))


def keyword_ok(keyword: bytes | None) -> bool:
    """A positional argument, or a keyword that names a credential (`token=`, `apiKey:`), not an
    index key (`session_key=`)."""
    if not keyword:
        return True
    words = name_words(keyword)
    if _FIXTURE_WORDS.intersection(words) or _index_key(words):
        return False
    return bool(_KEYWORD_WORDS.intersection(words))


def _identifier_like(value: bytes) -> bool:
    """Mostly capitalised words and no digit: a class or model name (`PrimaryKeyUUIDModel`), not
    a token (random ones with few capitals, `DjayBeny2rtpvydF4zAphcqc`, have digits)."""
    if any(48 <= c <= 57 for c in value):
        return False
    covered = sum(len(word) for word in _CAPITALISED_WORD.findall(value))
    return covered * 2 > len(value)


def _text_in_base64(value: bytes) -> bool:
    """Base64 of a message (`aGVsbG8gd29ybGQ=`), not of a credential: a credential's encoding
    decodes to bytes, to `user:password` (Basic, Docker auths), or to text holding a random run
    (`id:key`, `{"v2":"<hex>"}`)."""
    if len(value) < 16 or _BASE64.fullmatch(value) is None:
        return False
    padded = value.replace(b"-", b"+").replace(b"_", b"/")
    try:
        decoded = base64.b64decode(padded + b"=" * (-len(padded) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    printable = sum(32 <= c < 127 or c in (9, 10, 13) for c in decoded)
    if not decoded or printable / len(decoded) <= 0.95:
        return False  # bytes: a key
    user, colon, password = decoded.partition(b":")
    if colon and user and password and decoded.count(b" ") <= 1:
        return False  # user:password
    return not any(_random_enough(run) for run in _TOKEN_RUN.findall(decoded))


def _random_enough(value: bytes) -> bool:
    """Random by its own statistics: many distinct characters, an entropy near what a random draw
    of that length from its alphabet gives, more than one character class."""
    if len(set(value)) < MIN_DISTINCT:
        return False
    # A random draw of n characters scores close to log2(n) bits while n is below the alphabet
    # size; hand-made values ("aabbccdd...") score far below.
    # Hex has 16 symbols: 20 random ones score about 3.45 bits, 3.0 is three deviations below.
    floor = 3.0 if _HEX.fullmatch(value) else min(3.3, math.log2(len(value)) - 0.8)
    if shannon_entropy(value) < floor:
        return False
    has_digit = any(48 <= c <= 57 for c in value)
    has_alpha = any(65 <= c <= 90 or 97 <= c <= 122 for c in value)
    mixed_case = any(65 <= c <= 90 for c in value) and any(97 <= c <= 122 for c in value)
    return (has_digit and has_alpha) or mixed_case


def value_ok(value: bytes) -> bool:
    if not MIN_LENGTH <= len(value) <= MAX_LENGTH:
        return False
    if is_uuid(value):
        return not looks_fake_token(value.replace(b"-", b""))
    if is_placeholder(value) or looks_fake_token(value) or is_words_only(value) or is_dotted_name(value):
        return False
    if is_path_or_url(value) or _HOSTLIKE.fullmatch(value) or _text_in_base64(value):
        return False
    if _identifier_like(value):
        return False
    return _random_enough(value)


def extract_client_argument(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    value = group(match, "secret") or b""
    callee = group(match, "callee") or b""
    if not callee_ok(callee) or not keyword_ok(group(match, "kw")) or not value_ok(value):
        return None
    # Hex and UUIDs are also digests and ids: reported, but as the guess they are.
    plain = is_uuid(value) or _HEX.fullmatch(value) is not None
    confidence: Confidence = "low" if plain else "medium"
    properties = (("call", callee.decode("ascii", "replace")), ("entropy", round(shannon_entropy(value), 2)))
    return Candidate(*span(match, "secret"), value, confidence, properties)
