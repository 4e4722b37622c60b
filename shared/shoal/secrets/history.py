"""Secrets in a repository's whole history: every blob reachable from the refs, each scanned
once however many commits hold it, reported where it first appeared and whether HEAD still has it.

Git plumbing only (`rev-list --objects`, `cat-file --batch`, `log --raw`), so the cost is one read
of each distinct blob plus one pass over the commit log, never a checkout per commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, UTC
from pathlib import Path

from shoal.source import localgit
from shoal.config import Settings
from shoal.errors import InputError
from shoal.models import Finding
from shoal.secrets.scanner import scan_secrets_with_values
from shoal.secrets.verify import Verifier, verify_pairs

MAX_BLOB_BYTES = 1 << 20  # as SHOAL_MAX_FILE_BYTES: bigger blobs are data, skipped and counted


@dataclass
class HistoryScan:
    findings: list[Finding] = field(default_factory=list)
    blobs_scanned: int = 0
    blobs_too_large: int = 0
    blobs_binary: int = 0


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = localgit.run(repo, *args, stdin=stdin)
    if done is None or done.returncode != 0:
        raise InputError(f"git {args[0]} failed in {repo}: {localgit.first_error_line(done)}")
    return done.stdout


def _reachable_blobs(repo: Path, since: str | None) -> dict[str, tuple[str, int]]:
    """Blob id -> (the first path rev-list names it by, its size), over every ref (minus what
    `since` reaches)."""
    args = ["rev-list", "--objects", "--all"] + ([f"^{since}"] if since else [])
    paths: dict[str, str] = {}
    for line in _git(repo, *args).decode("utf-8", "surrogateescape").splitlines():
        sha, _, path = line.partition(" ")
        if path and sha not in paths:
            paths[sha] = path  # commits carry no path; trees and blobs do
    kinds = _git(repo, "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)",
                 stdin="\n".join(paths).encode() + b"\n")
    sizes = {}
    for line in kinds.decode().splitlines():
        sha, kind, size = line.split()
        if kind == "blob":
            sizes[sha] = int(size)
    return {sha: (paths[sha], size) for sha, size in sizes.items()}


def _blob_contents(repo: Path, shas: list[str]) -> Iterator[tuple[str, bytes]]:
    """Each blob's bytes, streamed from one `git cat-file --batch`."""
    process = localgit.popen(repo, "cat-file", "--batch")
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("\n".join(shas).encode() + b"\n")
    process.stdin.close()
    try:
        for _ in shas:
            header = process.stdout.readline().split()
            size = int(header[2])
            data = process.stdout.read(size)
            process.stdout.read(1)  # the newline after each object
            yield header[0].decode(), data
    finally:
        process.stdout.close()
        process.wait()


def _first_appearance(repo: Path, wanted: set[str]) -> dict[str, tuple[str, str, int]]:
    """Blob id -> (commit, path, author time) of the earliest-authored commit that added it."""
    first: dict[str, tuple[str, str, int]] = {}
    log = _git(repo, "log", "--all", "--format=%x01%H %at", "--raw", "--no-abbrev", "--no-renames", "-m",
               "--diff-filter=AM")
    commit, when = "", 0
    for line in log.decode("utf-8", "surrogateescape").splitlines():
        if line.startswith("\x01"):
            commit, stamp = line[1:].split()
            when = int(stamp)
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            blob = meta.split()[3]
            if blob in wanted and (blob not in first or when < first[blob][2]):
                first[blob] = (commit, path, when)
    return first


def _head_blobs(repo: Path) -> set[str]:
    listing = _git(repo, "ls-tree", "-r", "-z", "HEAD")
    return {entry.split(b"\t")[0].split()[2].decode() for entry in listing.split(b"\0") if entry}


def scan_history(repo: Path, since: str | None = None, max_blob_bytes: int = MAX_BLOB_BYTES,
                 verifier: Verifier | None = None) -> HistoryScan:
    """Secret findings over every reachable blob, each at the commit and path it first appeared
    in, with `commit`, `author_date` and `in_head` properties. Messages stay redacted. With a
    `verifier`, each is labelled by its provider (a value is checked once however many blobs hold it)."""
    result = HistoryScan()
    blobs = _reachable_blobs(repo, since)
    todo = []
    for sha, (_path, size) in blobs.items():
        if size > max_blob_bytes:
            result.blobs_too_large += 1
        else:
            todo.append(sha)
    found: dict[str, list[Finding]] = {}
    for sha, data in _blob_contents(repo, sorted(todo)):
        if b"\0" in data[:8192]:
            result.blobs_binary += 1
            continue
        result.blobs_scanned += 1
        pairs = scan_secrets_with_values(blobs[sha][0], data)
        hits = verify_pairs(pairs, verifier) if verifier is not None and pairs else [f for f, _ in pairs]
        if hits:
            found[sha] = hits
    if not found:
        return result
    first = _first_appearance(repo, set(found))
    head = _head_blobs(repo)
    for sha, hits in sorted(found.items()):
        commit, path, when = first.get(sha, ("", blobs[sha][0], 0))
        date = datetime.fromtimestamp(when, UTC).isoformat() if when else ""
        for hit in hits:
            extra = (("author_date", date), ("blob", sha), ("commit", commit), ("in_head", sha in head))
            result.findings.append(replace(
                hit, location=replace(hit.location, path=path),
                properties=tuple(sorted(dict(hit.properties, **dict(extra)).items())),
            ))
    result.findings.sort(key=lambda f: (f.location.path, f.location.start_line, f.rule_id))
    return result


def _remote_history(url: str, since: str | None, verifier: Verifier | None, settings: Settings) -> HistoryScan:
    """A remote repository's history, fetched whole into scratch through the repository cache
    (on an allowed host, as any scan), scanned, and the scratch deleted."""
    import shutil
    import tempfile

    from shoal.source.repocache import RepoCache
    from shoal.source.checkout import fetch_history, parse_repository

    spec = parse_repository(url, settings.allowed_hosts)
    cache = RepoCache.for_repository(Path(settings.workspace), spec) if settings.repo_cache else None
    scratch = Path(tempfile.mkdtemp(prefix="shoal-history-", dir=settings.scratch or None))
    try:
        return scan_history(fetch_history(spec, scratch, cache), since, verifier=verifier)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def history_report(target: list[str], since: str | None, output_format: str, verify: bool = False,
                   settings: Settings | None = None) -> tuple[str, int]:
    """`shoal scan <repo> --history [--since REF]`: the text or JSON to print and the exit status
    (1 when a secret is found anywhere in the history, else 0)."""
    import json

    if len(target) != 1:
        raise InputError("--history scans one git repository: give its path or https URL")
    verifier = Verifier() if verify else None
    if target[0].startswith("https://"):
        result = _remote_history(target[0], since, verifier, settings or Settings())
    else:
        repo = Path(target[0])
        inside = localgit.run(repo, "rev-parse", "--is-inside-work-tree") if repo.is_dir() else None
        if inside is None or inside.returncode != 0:
            raise InputError(f"{repo} is not a git repository: --history reads its commits, so give a repository's path")
        result = scan_history(repo, since, verifier=verifier)
    counts = (f"{result.blobs_scanned} blobs scanned, {result.blobs_too_large} over {MAX_BLOB_BYTES} bytes "
              f"skipped, {result.blobs_binary} binary")
    if output_format == "json":
        text = json.dumps({"findings": [f.to_dict() for f in result.findings], "blobs_scanned": result.blobs_scanned,
                           "blobs_too_large": result.blobs_too_large, "blobs_binary": result.blobs_binary}, indent=2)
    else:
        lines = []
        for finding in result.findings:
            props = dict(finding.properties)
            where = "still in HEAD" if props["in_head"] else "no longer in HEAD"
            lines.append(f"{finding.location.path}:{finding.location.start_line}:{finding.location.start_col}  "
                         f"{finding.severity.value}  {finding.rule_id}  {finding.message}\n"
                         f"    first in {str(props['commit'])[:12]} ({props['author_date']}), {where}")
        lines.append(f"{len(result.findings)} secret finding(s) in the history; {counts}")
        text = "\n".join(lines)
    return text, 1 if result.findings else 0
