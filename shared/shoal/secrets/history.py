"""Secrets in a repository's whole history: every blob reachable from the refs, each scanned
once however many commits hold it, reported where it first appeared and whether HEAD still has it.

Git plumbing only (`rev-list --objects`, `cat-file --batch`, `log --raw`), so the cost is one read
of each distinct blob plus one pass over the commit log, never a checkout per commit.
"""

from __future__ import annotations

import queue
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, UTC
from pathlib import Path
from typing import IO

from shoal.source import localgit
from shoal.config import Settings
from shoal.errors import InputError
from shoal.models import Finding
from shoal.secrets.scanner import scan_secrets_with_values
from shoal.secrets.verify import Verifier, verify_pairs

MAX_BLOB_BYTES = 1 << 20  # as SHOAL_MAX_FILE_BYTES: bigger blobs are data, skipped and counted
READ_AHEAD = 64  # blobs git may inflate ahead of the scanner (at most 64 MiB held)


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


def _spawn(repo: Path, *args: str, stdin: int | IO[bytes] | None = subprocess.PIPE,
           stderr: int | None = None) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(localgit.command(repo, *args), env=localgit.environment(), stdin=stdin,
                                stdout=subprocess.PIPE, stderr=stderr)
    except OSError as error:
        raise InputError(f"git {args[0]} could not be run in {repo}: {error}") from error


class _BlobStream:
    """Every reachable blob's bytes in one pipeline, all stages running at once: rev-list streams
    into `cat-file --batch-check` (whose `%(rest)` carries the path along), a thread picks the new
    blobs under the size cap from that listing and hands their ids to `cat-file --batch`, and
    another reads the contents ahead, so git lists and inflates while Python scans."""

    def __init__(self, repo: Path, since: str | None, max_blob_bytes: int) -> None:
        self.repo, self.max_blob_bytes = repo, max_blob_bytes
        self.paths: dict[str, str] = {}  # blob id -> the first path rev-list names it by
        self.too_large = 0
        args = ["rev-list", "--objects", "--all"] + ([f"^{since}"] if since else [])
        self.lister = _spawn(repo, *args, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert self.lister.stdout is not None
        self.checker = _spawn(repo, "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize) %(rest)",
                              stdin=self.lister.stdout)
        self.lister.stdout.close()  # the checker holds it now
        self.reader = _spawn(repo, "cat-file", "--batch")
        self.ahead: queue.Queue[tuple[str, bytes] | None] = queue.Queue(maxsize=READ_AHEAD)
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._pick, daemon=True),
                        threading.Thread(target=self._read, daemon=True)]

    def _pick(self) -> None:
        """Listing lines -> ids written to the reader (on this thread: cat-file answers each id as
        it reads it, so writing them all before reading would deadlock once both pipes fill)."""
        assert self.checker.stdout is not None and self.reader.stdin is not None
        try:
            for raw in self.checker.stdout:
                sha, kind, size, *path = raw.decode("utf-8", "surrogateescape").rstrip("\n").split(" ", 3)
                if kind != "blob" or sha in self.paths or self.stop.is_set():
                    continue  # commits and trees, or a blob already named under another path
                self.paths[sha] = path[0] if path else ""
                if int(size) > self.max_blob_bytes:
                    self.too_large += 1
                else:
                    self.reader.stdin.write(f"{sha}\n".encode())
        except (BrokenPipeError, ValueError):
            pass  # the consumer stopped early and closed the reader
        finally:
            try:
                self.reader.stdin.close()
            except BrokenPipeError:
                pass

    def _read(self) -> None:
        assert self.reader.stdout is not None
        stdout = self.reader.stdout
        try:
            while not self.stop.is_set():
                header = stdout.readline().split()
                if len(header) != 3:
                    break  # the end of the ids (or git gone): the consumer sees the stream end
                data = stdout.read(int(header[2]))
                stdout.read(1)  # the newline after each object
                self.ahead.put((header[0].decode(), data))
        finally:
            self.ahead.put(None)

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for thread in self.threads:
            thread.start()
        ended = False
        try:
            while (item := self.ahead.get()) is not None:
                yield item
            ended = True
        finally:
            self._close(ended)

    def _close(self, ended: bool) -> None:
        """Wait for every stage; a git failure (an unknown --since) is an error only for a stream
        read to its end, as a consumer that stopped early killed the stages itself."""
        self.stop.set()
        for process in (self.reader, self.checker, self.lister):
            if not ended and process.poll() is None:
                process.kill()
        drained = ended
        while not drained:  # stopped early: drain so a reader blocked on a full queue ends
            drained = self.ahead.get() is None
        for thread in self.threads:
            thread.join()
        assert self.lister.stderr is not None
        error = self.lister.stderr.read().decode("utf-8", "replace").strip()
        codes = [process.wait() for process in (self.lister, self.checker, self.reader)]
        for stream in (self.lister.stderr, self.checker.stdout, self.reader.stdout):
            if stream is not None:
                stream.close()
        if ended and any(codes):
            raise InputError(f"git rev-list failed in {self.repo}: {error.splitlines()[0] if error else codes}")


def _start_log(repo: Path) -> Future[bytes]:
    """`git log --raw` over every ref, begun on a thread as soon as a first secret is found so
    it runs while the remaining blobs are scanned."""
    args = ("log", "--all", "--topo-order", "--format=%x01%H %at", "--raw", "--no-abbrev", "--no-renames", "-m",
            "--diff-filter=AM")
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(_git, repo, *args)
    pool.shutdown(wait=False)  # the pool ends with its one task; the caller waits on the future
    return future


def _first_appearance(log: bytes, wanted: set[str]) -> dict[str, tuple[str, str, int, int]]:
    """Blob id -> (commit, path, author time, age) of the earliest-authored commit that added it;
    `age` is the commit's place in the topologically ordered log (ancestors come later), which
    decides between commits of the same second."""
    first: dict[str, tuple[str, str, int, int]] = {}
    commit, when, age = "", 0, 0
    for line in log.decode("utf-8", "surrogateescape").splitlines():
        if line.startswith("\x01"):
            commit, stamp = line[1:].split()
            when, age = int(stamp), age + 1
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            blob = meta.split()[3]
            if blob in wanted and (blob not in first or (when, -age) <= (first[blob][2], -first[blob][3])):
                first[blob] = (commit, path, when, age)
    return first


def _head_blobs(repo: Path) -> set[str]:
    listing = _git(repo, "ls-tree", "-r", "-z", "HEAD")
    return {entry.split(b"\t")[0].split()[2].decode() for entry in listing.split(b"\0") if entry}


def scan_history(repo: Path, since: str | None = None, max_blob_bytes: int = MAX_BLOB_BYTES,
                 verifier: Verifier | None = None) -> HistoryScan:
    """Secret findings over every reachable blob, one per secret at the commit and path it first
    appeared in, with `commit`, `author_date` and `in_head` properties. Messages stay redacted. With a
    `verifier`, each is labelled by its provider (a value is checked once however many blobs hold it)."""
    result = HistoryScan()
    blobs = _BlobStream(repo, since, max_blob_bytes)
    found: dict[str, list[Finding]] = {}
    log: Future[bytes] | None = None
    for sha, data in blobs:
        if b"\0" in data[:8192]:
            result.blobs_binary += 1
            continue
        result.blobs_scanned += 1
        pairs = scan_secrets_with_values(blobs.paths[sha], data)
        hits = verify_pairs(pairs, verifier) if verifier is not None and pairs else [f for f, _ in pairs]
        if hits:
            found[sha] = hits
            log = log or _start_log(repo)
    result.blobs_too_large = blobs.too_large
    if not found or log is None:
        return result
    first = _first_appearance(log.result(), set(found))
    head = _head_blobs(repo)
    placed = []
    for sha, hits in sorted(found.items()):
        commit, path, when, age = first.get(sha, ("", blobs.paths[sha], 0, 0))
        date = datetime.fromtimestamp(when, UTC).isoformat() if when else ""
        for hit in hits:
            extra = (("author_date", date), ("blob", sha), ("commit", commit), ("in_head", sha in head))
            placed.append(((when, -age) if when else (1 << 62, 0), replace(  # an unknown first commit sorts last
                hit, location=replace(hit.location, path=path),
                properties=tuple(sorted(dict(hit.properties, **dict(extra)).items())),
            )))
    result.findings = _first_of_each_secret(placed)
    result.findings.sort(key=lambda f: (f.location.path, f.location.start_line, f.rule_id))
    return result


def _first_of_each_secret(placed: list[tuple[tuple[int, int], Finding]]) -> list[Finding]:
    """One finding per secret (detector and value), where it appeared first, still in HEAD when
    any blob holding it is: a token kept through ten edits of its file is one leak, not ten."""
    earliest: dict[tuple[str, object], tuple[tuple[int, int], Finding]] = {}
    in_head: dict[tuple[str, object], bool] = {}
    for when, finding in placed:
        props = dict(finding.properties)
        key = (finding.rule_id, props.get("secret_sha256", finding.fingerprint))
        in_head[key] = in_head.get(key, False) or bool(props["in_head"])
        kept = earliest.get(key)
        if kept is None or when < kept[0]:
            earliest[key] = (when, finding)
    return [replace(finding, properties=tuple(sorted(dict(finding.properties, in_head=in_head[key]).items())))
            for key, (_when, finding) in earliest.items()]


def _remote_history(url: str, since: str | None, verifier: Verifier | None, settings: Settings) -> HistoryScan:
    """A remote repository's history, fetched whole into scratch through the repository cache
    (on an allowed host, as any scan), scanned, and the scratch deleted."""
    import shutil
    import tempfile

    from shoal.source.repocache import RepoCache
    from shoal.source.checkout import fetch_history
    from shoal.source.specs import parse_repository

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
