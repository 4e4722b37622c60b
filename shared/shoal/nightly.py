"""Nightly scans: one orchestrator request per configured repository, named by the night.

The execution name holds the date of the scheduled event (not of the delivery), so EventBridge
delivering the same night's event twice starts nothing new.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shoal.errors import InputError
from shoal.request import ScanRequest
from shoal.source.specs import parse_repository

_SLUG = re.compile(r"[^A-Za-z0-9-]+")


@dataclass(frozen=True)
class NightlyScan:
    execution_name: str
    request: dict[str, Any]


def parse_repositories(raw: str | None) -> list[str]:
    return [item.strip() for item in (raw or "").split(",") if item.strip()]


def night_of(event: dict[str, Any]) -> str:
    """The scheduled event's day, YYYY-MM-DD (EventBridge's `time` is ISO 8601, UTC)."""
    stamp = str(event.get("time", ""))
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).strftime("%Y-%m-%d")
    except ValueError:
        raise InputError(f"the scheduled event has no valid 'time' ({stamp!r})") from None


def nightly_scans(repositories: Sequence[str], night: str, allowed_hosts: Sequence[str]) -> list[NightlyScan]:
    """One request per entry: `https://host/owner/name`, scanned at its default branch, or
    `https://host/owner/name#branch` (npm's git-URL convention) for another branch."""
    scans = []
    for entry in repositories:
        url, _, branch = entry.partition("#")
        spec = parse_repository(url, allowed_hosts)  # a bad entry is a clear error, before any start
        if spec.kind != "https":
            raise InputError(f"nightly repository {entry!r} must be an https URL")
        slug = _SLUG.sub("-", spec.location.removeprefix("https://").removesuffix(".git")).strip("-")
        slug = f"{slug}-{_SLUG.sub('-', branch)}" if branch else slug
        digest = hashlib.sha256(entry.encode()).hexdigest()[:8]
        name = f"nightly-{night}-{slug[:30]}-{digest}"
        request = ScanRequest.from_nightly(spec.location, branch or None, night).to_event()
        scans.append(NightlyScan(execution_name=name[:64], request=request))
    return scans
