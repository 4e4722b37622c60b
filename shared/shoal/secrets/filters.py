"""Value checks shared by the secret detectors: entropy, placeholders, code references, redaction.

Everything here works on the raw bytes of one candidate value, which the detectors' patterns
already bound in length, so the per-value cost is small and never depends on the file size.
"""

from __future__ import annotations

import hashlib
import math
import posixpath
from itertools import pairwise
from collections import Counter

import re2

from shoal.secrets.model import compile_pattern

# Longest value the generic detector considers: longer runs are data blobs, not credentials,
# and bounding it keeps every per-value check cheap however long the line is.
MAX_GENERIC_VALUE = 1024

# Public, documented example credentials that are not secrets (AWS docs, jwt.io, the Azurite
# storage emulator). Compared exactly: anything else that merely resembles them is still reported.
KNOWN_EXAMPLES: frozenset[bytes] = frozenset({
    b"AKIAIOSFODNN7EXAMPLE",
    b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    b"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
    b"IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
})

# Words that mark a value as a stand-in in docs, samples and tests.
FAKE_MARKERS: tuple[bytes, ...] = (
    b"example", b"sample", b"dummy", b"fake", b"placeholder", b"redacted", b"changeme",
    b"change_me", b"change-me", b"xxxx", b"your", b"test", b"mock", b"invalid",
)
# In provider tokens a marker counts only as a person types it (lower, UPPER or Title case): a
# random 200-char token then contains one by chance about once in 5000, against once in 900 if
# any mix of cases counted.
_TOKEN_MARKERS: tuple[bytes, ...] = tuple(sorted(
    {form for marker in FAKE_MARKERS for form in (marker, marker.upper(), marker.capitalize())}
))

# Extra stand-ins for hand-written values assigned to secret-looking names.
_GENERIC_MARKERS: tuple[bytes, ...] = FAKE_MARKERS + (
    b"xxx", b"***", b"...", b"changeit", b"_here", b"-here", b"insert", b"replace", b"enter_",
    b"todo", b"fixme", b"notasecret", b"not-a-secret", b"not_a_secret",
    # A value that spells its own key word is a label or a fixture ("new-password", "set-token").
    b"password", b"passwd", b"token", b"secret",
)

# Whole values that are words, not credentials.
_PLACEHOLDER_WORDS: frozenset[bytes] = frozenset({
    b"none", b"null", b"nil", b"true", b"false", b"undefined", b"empty", b"default", b"required",
    b"optional", b"unset", b"secret", b"password", b"passwd", b"token", b"apikey", b"api_key",
    b"string", b"value", b"admin", b"root", b"guest", b"qwerty", b"letmein", b"n/a", b"tbd",
})

# Template and substitution syntaxes: the real value is injected from elsewhere.
_TEMPLATE_MARKERS: tuple[bytes, ...] = (b"${", b"{{", b"}}", b"%(", b"#{", b"$(", b"<%", b"%>")
_PLACEHOLDER_MARKERS = _GENERIC_MARKERS + _TEMPLATE_MARKERS
_TEMPLATE_WRAPS: tuple[tuple[bytes, bytes], ...] = (
    (b"<", b">"), (b"{", b"}"), (b"[", b"]"), (b"@", b"@"), (b"%", b"%"), (b"__", b"__"),
)

_UUID = compile_pattern(rb"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
# Subresource-integrity digests (`integrity: sha512-...`) in lockfiles and HTML.
_SRI_DIGEST = compile_pattern(rb"(?i)sha(?:1|256|384|512)-[A-Za-z0-9+/=]+")
# `settings.SECRET`, `config.auth.token`, `process.env.TOKEN`: a dotted name, so code, not data.
_DOTTED_NAME = compile_pattern(rb"[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+")
# Stored password hashes (Django, passlib, crypt): sensitive, but not a usable credential.
_PASSWORD_HASH = compile_pattern(
    rb"(?:pbkdf2_sha(?:1|256|512)|argon2|bcrypt(?:_sha256)?|scrypt|sha1|md5|unsalted_(?:md5|sha1)|crypt)\$.*"
)
# Words, possibly camelCased or joined by separators ("FORBIDDEN_VALUE", "someGibberish"): labels
# and identifiers. Random mixed case almost always has two capitals in a row somewhere, which no
# word here has. A short number after several words ("FORBIDDEN_VALUE2") is still a label.
_WORD = rb"(?:(?:[A-Z]?[a-z]+)+|[A-Z]+)"
_WORDS = _WORD + rb"(?:[_\-.:]" + _WORD + rb")"
_WORDS_ONLY = compile_pattern(_WORDS + b"*|" + _WORDS + b"+[0-9]{1,2}")
# A run of 6+ identical characters: "AKIA0000000000000000", "T00000000/B00000000/XXXXXXXX".
_RUN_CHARS = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*_-.=/+"
_LONG_RUN = compile_pattern(b"|".join(re2.escape(bytes([c]) * 6) for c in _RUN_CHARS))

LOCKFILES: frozenset[str] = frozenset({
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock",
    "poetry.lock", "pipfile.lock", "pdm.lock", "uv.lock", "cargo.lock", "go.sum",
    "composer.lock", "gemfile.lock", "packages.lock.json", "mix.lock", "flake.lock",
})

# Files whose unquoted right-hand sides are expressions, not literal text.
CODE_SUFFIXES: frozenset[str] = frozenset({
    ".py", ".pyi", ".pyx", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".java",
    ".kt", ".kts", ".scala", ".groovy", ".go", ".rs", ".rb", ".php", ".c", ".h", ".cc", ".cpp",
    ".cxx", ".hpp", ".hh", ".cs", ".fs", ".swift", ".m", ".mm", ".dart", ".lua", ".pl", ".pm",
    ".r", ".jl", ".ex", ".exs", ".erl", ".hs", ".clj", ".vue", ".svelte", ".vb",
})


def is_lockfile(path: str) -> bool:
    return posixpath.basename(path.replace("\\", "/")).lower() in LOCKFILES


def is_code_file(path: str) -> bool:
    return posixpath.splitext(path.lower())[1] in CODE_SUFFIXES


def shannon_entropy(value: bytes) -> float:
    """Bits per character of the value's own character distribution."""
    if not value:
        return 0.0
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in Counter(value).values())


def sha256_hex(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()


def has_sequence(value: bytes, length: int = 6) -> bool:
    """An ascending run like "abcdef" or "123456": typed by a person. At random it is rare even
    in digit runs (1e-5 per position), so real numeric ids in tokens almost never trip it."""
    run = 1
    for previous, current in pairwise(value):
        run = run + 1 if current == previous + 1 else 1
        if run >= length:
            return True
    return False


def looks_fake_token(value: bytes) -> bool:
    """A provider-format token written by hand: a documented example, a marker word, a long run
    of one character, an ascending sequence or too few distinct characters to be random."""
    if value in KNOWN_EXAMPLES or len(set(value)) < 8:
        return True
    if any(marker in value for marker in _TOKEN_MARKERS):
        return True
    return _LONG_RUN.search(value) is not None or has_sequence(value)


def is_placeholder(value: bytes) -> bool:
    """A stand-in for a real secret: a word, a template reference or a visibly fake value."""
    lowered = value.lower().strip(b"\"'")
    if not lowered or lowered in _PLACEHOLDER_WORDS or value in KNOWN_EXAMPLES:
        return True
    if len(set(lowered)) == 1 or lowered[:1] in (b"$", b"!", b"&", b"*", b"|", b">", b"%"):
        return True
    if any(marker in lowered for marker in _PLACEHOLDER_MARKERS) or has_sequence(lowered):
        return True
    return any(lowered.startswith(a) and lowered.endswith(b) for a, b in _TEMPLATE_WRAPS)


def is_password_hash(value: bytes) -> bool:
    return _PASSWORD_HASH.fullmatch(value) is not None


def is_words_only(value: bytes) -> bool:
    return _WORDS_ONLY.fullmatch(value) is not None


def is_uuid(value: bytes) -> bool:
    return _UUID.fullmatch(value) is not None


def is_digest(value: bytes) -> bool:
    return _SRI_DIGEST.fullmatch(value) is not None


def is_dotted_name(value: bytes) -> bool:
    """`settings.SECRET`, `django.contrib.auth.tokens`: an attribute chain or module path. A token
    with a dot in it (`WSsDXzCD.uOcx7k82Iv...`, `be8dfd.da8a689a46edc282`) has digits all through
    it, a name at most a couple."""
    return _DOTTED_NAME.fullmatch(value) is not None and sum(48 <= c <= 57 for c in value) <= 2


# URLs and key files' names point at a secret; they are not one.
_URL_OR_FILE = compile_pattern(
    rb"[A-Za-z][A-Za-z0-9+.\-]*://.*|[A-Za-z0-9_.\-/]+\.(?:pem|key|json|txt|ya?ml|p12|pfx|crt|cer|der|env|jks|db|sqlite3?)"
)
_PATH_START = (b"/", b"./", b"../", b"~/")
# A path segment: lower-case, or words (`Library`, `app-data`); base64 segments mix cases at random.
_PATH_SEGMENT = compile_pattern(rb"[a-z0-9_.\-~]*")


def is_path_or_url(value: bytes) -> bool:
    """A URL, a key file's name, or a path (`/etc/app/creds`), not base64 that happens to start
    with a slash (`/dibjbwrou+tGcn7...`, one key in 64)."""
    if _URL_OR_FILE.fullmatch(value):
        return True
    if not value.startswith(_PATH_START):
        return False
    return all(_PATH_SEGMENT.fullmatch(part) or is_words_only(part) for part in value.split(b"/"))


def is_code_reference(value: bytes, next_byte: bytes) -> bool:
    """An unquoted right-hand side that names something instead of spelling a value:
    `getenv(...)`, `os.environ[...]`, `settings.SECRET`."""
    return next_byte in (b"(", b"[") or is_dotted_name(value)


def redact(value: str) -> str:
    """The value with its middle replaced: 4 + 2 characters kept from 16 up, fewer below, so a
    short secret is never recoverable from its redacted form."""
    size = len(value)
    if size >= 16:
        head, tail = 4, 2
    elif size >= 10:
        head, tail = 2, 1
    elif size >= 6:
        head, tail = 1, 0
    else:
        head, tail = 0, 0
    return value[:head] + "\u2026" + (value[size - tail:] if tail else "")
