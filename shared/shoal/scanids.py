"""Scan ids: the one derivation the CLI, the webhook and the nightly scheduler share.

An id is `<name>-<digest>[-<detail>]`: the name cut to fit, a digest of the whole identity (so
no cut ever merges two scans), and a short readable detail such as the commit.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

# A derived id must be a valid durable execution name (1-64 of [A-Za-z0-9_-]) and a valid scan
# folder (shoal.workspace.SCAN_ID: it starts with a letter or digit).
MAX_LENGTH = 64
DIGEST_CHARS = 16
MAX_DETAIL = 28  # "<head 12>-vs-<base 12>" fits whole
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def derive_scan_id(name: str, identity: Mapping[str, Any], detail: str = "") -> str:
    """The scan id of `identity` (repository, head, base, the options that change results...):
    equal identities give equal ids, different ones different ids, whatever the lengths."""
    digest = identity_digest(identity)
    tail = _slug(detail)[:MAX_DETAIL].strip("-_")
    room = MAX_LENGTH - len(digest) - 1 - (len(tail) + 1 if tail else 0)
    head = _slug(name)[:room].strip("-_") or "scan"
    return "-".join(part for part in (head, digest, tail) if part)


def scan_identity(repository: str, head: str | None, base: str | None = None, **options: Any) -> dict[str, Any]:
    """What makes two scans the same: the repository, the head and base refs, and the options
    that change results (those not given, None, are left out, so defaults never split ids)."""
    given = {key: value for key, value in options.items() if value is not None}
    return {"repository": repository, "head": head, "base": base, "options": given}


def identity_digest(identity: Mapping[str, Any]) -> str:
    """sha256 of the identity's canonical JSON: key order and spacing never change an id."""
    canonical = json.dumps(identity, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:DIGEST_CHARS]


def _slug(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-_")
