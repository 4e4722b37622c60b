"""How detectors accept a candidate: the `extract` functions a detector file names (`token`,
`jwt`, `private-key`, `connection-password`, `generic`). The detectors themselves are data, in
`detectors/*.yaml` (loaded by shoal.secrets.catalog)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Any

from shoal.secrets import calls, generic
from shoal.secrets.filters import KNOWN_EXAMPLES, is_placeholder, is_words_only, looks_fake_token, shannon_entropy
from shoal.secrets.model import (
    Candidate,
    Confidence,
    Extract,
    FileContext,
    Match,
    compile_pattern,
    group,
    span,
)


def token(
    confidence: Confidence = "high",
    check: Callable[[bytes], bool] | None = None,
    min_entropy: float = 0.0,
    allow: Sequence[Any] = (),
) -> Extract:
    """Extract for provider tokens: the format is the evidence; only visible fakes, values
    below the entropy floor, allow-listed values and failed checks (checksums) are dropped."""

    def extract(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
        value = group(match, "secret") or b""
        if looks_fake_token(value) or (check is not None and not check(value)):
            return None
        # Hyphenated words ("feature-login-refactor") fit wide alphabets; tokens are random.
        if is_words_only(value) or (min_entropy and shannon_entropy(value) < min_entropy):
            return None
        if any(regex.fullmatch(value) is not None for regex in allow):
            return None
        return Candidate(*span(match), value, confidence)

    return extract


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


def _b64_private_key(match: Match, data: bytes, ctx: FileContext) -> Candidate | None:
    """A PEM block base64-encoded again: its decoded header must name a private key (a
    certificate or public key is encoded the same way), and the rest must look random."""
    value = group(match, "secret") or b""
    try:
        header = base64.b64decode(value[:64], validate=True)
    except (binascii.Error, ValueError):
        return None
    if b"PRIVATE KEY-----" not in header or shannon_entropy(value[64:]) < KEY_MIN_ENTROPY:
        return None
    return Candidate(*span(match), value, "high")


EXTRACTORS: dict[str, Extract] = {
    "jwt": _jwt,
    "private-key": _private_key,
    "connection-password": _connection_password,
    "generic": generic.extract,
    "b64-private-key": _b64_private_key,
    "generic-key": generic.extract_key,
    "auth-header": generic.extract_auth_header,
    "client-argument": calls.extract_client_argument,
}
