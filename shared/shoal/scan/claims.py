"""One execution per scan folder across Lambda sandboxes.

Locally one `shoal scan` process holds a scan's flock (shoal.scan.retention.scan_lock). In Lambda the
executions that may race for a folder run in different sandboxes on an NFS view of a bucket, so
the claim is a file instead: created with O_EXCL (atomic on NFSv4), naming the durable execution
that owns the folder. Two webhook deliveries for one repository and commit (a push to two branches,
a redelivery under a new id) then run one scan: the second execution returns the first one's
result, or says which execution is running it. A claim outlives neither its execution's timeout
(a crashed execution cannot hold a folder for ever) nor the end of its scan.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from shoal.workspace import ScanPaths, atomic_write, json_bytes

CLAIM_SCHEMA = "shoal/claim/v1"


def claim_path(paths: ScanPaths) -> Path:
    return paths.root / "claim.json"


def claim_scan(
    paths: ScanPaths, owner: str, *, stale_after: float, reuse_finished: bool, now: float | None = None
) -> dict[str, Any]:
    """Take the scan folder for `owner`, or say who has it.

    Returns {"granted": True} when this execution may scan (a new claim, its own claim on replay,
    a stale claim taken over, or a finished scan rescanned), else {"granted": False, "owner": ...,
    "finished": bool, "summary": the finished scan's summary or None}."""
    now = time.time() if now is None else now
    paths.refuse_symlinks()
    path = claim_path(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _create_exclusive(path, _claim_bytes(owner, now)):
        return {"granted": True, "owner": owner, "took_over": None}
    held = _read_claim(path)
    if held.get("owner") == owner:
        return {"granted": True, "owner": owner, "took_over": None}  # this execution's own claim, on replay
    finished = bool(held.get("finished"))
    if finished and reuse_finished and isinstance(held.get("summary"), dict):
        return {"granted": False, "owner": held["owner"], "finished": True, "summary": held["summary"]}
    if finished or _stale(path, held, now, stale_after):
        atomic_write(path, _claim_bytes(owner, now))
        # Two executions taking over at once: the last rename wins, and the loser backs off.
        previous, held = held, _read_claim(path)
        if held.get("owner") == owner:
            return {"granted": True, "owner": owner, "took_over": previous.get("owner")}
    return {"granted": False, "owner": held.get("owner", "unknown"), "finished": False, "summary": None}


def finish_claim(paths: ScanPaths, owner: str, summary: dict[str, Any] | None) -> bool:
    """Mark the scan finished (with its summary, for later requests to reuse); False when another
    execution took the folder over meanwhile, whose claim is then left alone."""
    path = claim_path(paths)
    held = _read_claim(path)
    if held.get("owner") != owner:
        return False
    document = {**held, "finished": True, "finished_at": time.time(), "summary": summary}
    atomic_write(path, json_bytes(document))
    return True


def _claim_bytes(owner: str, now: float) -> bytes:
    document = {"schema": CLAIM_SCHEMA, "owner": owner, "claimed_at": now, "finished": False}
    return json_bytes(document)


def _create_exclusive(path: Path, content: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def _read_claim(path: Path) -> dict[str, Any]:
    """The claim, or {} when it is missing or unreadable (created but not yet written, or damaged)."""
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def _stale(path: Path, held: dict[str, Any], now: float, stale_after: float) -> bool:
    """Older than an execution may live; an unreadable claim is judged by its file's age."""
    claimed_at = held.get("claimed_at")
    if not isinstance(claimed_at, (int, float)):
        try:
            claimed_at = path.stat().st_mtime
        except OSError:
            return True
    return now - float(claimed_at) > stale_after
