"""Secrets in a repository's whole history: every blob reachable from the refs, each scanned
once however many commits hold it, reported where it first appeared and whether HEAD still has it.

Git plumbing only (`log --raw`, `cat-file --batch-command`), so the cost is one pass over the commit log
(which both lists the blobs and dates them) plus one read of each distinct blob, never a checkout
per commit.
"""

from __future__ import annotations

import fcntl
import itertools
import queue
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, UTC
from pathlib import Path
from typing import IO

from shoal.source import localgit
from shoal.config import Settings
from shoal.errors import InputError
from shoal.models import Finding
from shoal.secrets.scanner import DEFAULT_ENGINE, scan_secrets_with_values
from shoal.secrets.verify import Verifier, verify_pairs

MAX_BLOB_BYTES = 1 << 20  # as SHOAL_MAX_FILE_BYTES: bigger blobs are data, skipped and counted
PIPE_BYTES = 1 << 20  # how far git may run ahead of the scanner
FIRST_GROUP, GROUP = 16, 256  # blobs asked of cat-file at a time (the first few sooner)


@dataclass
class HistoryScan:
    findings: list[Finding] = field(default_factory=list)
    blobs_scanned: int = 0
    blobs_too_large: int = 0
    blobs_binary: int = 0


def _spawn(repo: Path, *args: str, stdin: int | IO[bytes] | None = subprocess.PIPE,
           stderr: int | None = None) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(localgit.command(repo, *args), env=localgit.environment(), stdin=stdin,
                                stdout=subprocess.PIPE, stderr=stderr)
    except OSError as error:
        raise InputError(f"git {args[0]} could not be run in {repo}: {error}") from error


FirstSeen = tuple[str, str, int, int]  # (commit, path, author time, age in the topological log)


class _BlobStream:
    """Every reachable blob's bytes from two git processes, read by the scanning thread itself
    (a reader thread waking for each line waited up to a GIL switch interval for the scanner each
    time, which cost more wall time than git's work): `git log --raw` over every ref names each
    blob where a commit adds or changes it, so one pass both lists the blobs and records where each
    first appeared, and one `cat-file --batch-command` answers, a group of new blobs at a time,
    their sizes (`info`, which reads headers only) and the contents of those under the cap. Each
    group's contents are asked for with the next group's sizes, so git walks the log and inflates
    into widened pipes on the other core while Python scans, and no group's commands can fill
    cat-file's input: nothing waits on anything that waits on it."""

    def __init__(self, repo: Path, since: str | None, max_blob_bytes: int) -> None:
        self.repo, self.max_blob_bytes = repo, max_blob_bytes
        self.paths: dict[str, str] = {}  # blob id -> the first path the log names it by
        self.first: dict[str, FirstSeen] = {}  # blob id -> the earliest commit that added it
        self.too_large = 0
        args = ["log", "--all", *([f"^{since}"] if since else []), "--root", "--topo-order",
                "--format=%x01%H %at", "--raw", "--no-abbrev", "--no-renames", "-m", "--diff-filter=AMT"]
        self.lister = _spawn(repo, *args, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.reader = _spawn(repo, "cat-file", "--batch-command", "--buffer")
        # HEAD's blobs, listed while Python scans rather than after (read only if needed).
        self.head: subprocess.Popen[bytes] | None = None
        for stream in (self.lister.stdout, self.reader.stdout):
            _widen(stream)
        self._log = self._walk_log()

    def _walk_log(self) -> Iterator[str]:
        """Log lines -> where each blob first appeared; yields each blob the first time it is named."""
        assert self.lister.stdout is not None
        commit, when, age = "", 0, 0
        for raw in self.lister.stdout:
            line = raw.decode("utf-8", "surrogateescape").rstrip("\n")
            if line.startswith("\x01"):
                commit, stamp = line[1:].split()
                when, age = int(stamp), age + 1
                continue
            if not line.startswith(":"):
                continue
            meta, _, path = line.partition("\t")
            fields = meta.split()
            if len(fields) < 5 or fields[1] == "160000":
                continue  # a submodule's commit, not a blob of this repository
            blob = fields[3]
            seen = self.first.get(blob)
            if seen is None or (when, -age) <= (seen[2], -seen[3]):
                self.first[blob] = (commit, path, when, age)
            if seen is None:
                self.paths[blob] = path
                yield blob

    def _group(self, size: int) -> list[str]:
        return list(itertools.islice(self._log, size))

    def _ask(self, contents: list[str], sizes: list[str]) -> None:
        """One group's commands and `flush`: with --buffer, git reads up to the flush before it
        answers any, so this write cannot wait on a reader that waits on answers."""
        assert self.reader.stdin is not None
        commands = [b"contents %s\n" % blob.encode() for blob in contents]
        commands += [b"info %s\n" % blob.encode() for blob in sizes]
        self.reader.stdin.write(b"".join(commands) + b"flush\n")
        self.reader.stdin.flush()

    def _under_cap(self, blobs: list[str]) -> list[str]:
        """The blobs no bigger than the cap, from their `info` answers; the others are counted."""
        assert self.reader.stdout is not None
        kept = []
        for _ in blobs:
            answer = self.reader.stdout.readline().split()
            if not answer:
                raise InputError(f"git cat-file ended early in {self.repo}")
            if len(answer) != 3 or answer[1] != b"blob":
                continue  # `<id> missing`: an object the log names but the repository lacks
            if int(answer[2]) > self.max_blob_bytes:
                self.too_large += 1
            else:
                kept.append(answer[0].decode())
        return kept

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        ended = False
        try:
            group = self._group(FIRST_GROUP)  # small, so scanning starts early
            self._ask([], group)
            self.head = self._list_head()  # spawned once git has work, off the path to the first blob
            kept = self._under_cap(group)
            while group:
                group = self._group(GROUP)
                self._ask(kept, group)
                yield from self._contents(kept)
                kept = self._under_cap(group)
            ended = True
        finally:
            self._close(ended)

    def _contents(self, blobs: list[str]) -> Iterator[tuple[str, bytes]]:
        stdout = self.reader.stdout
        assert stdout is not None
        for _ in blobs:
            header = stdout.readline().split()
            if len(header) != 3:
                raise InputError(f"git cat-file ended early in {self.repo}")
            data = stdout.read(int(header[2]))
            stdout.read(1)  # the newline after each object
            yield header[0].decode(), data

    def _list_head(self) -> subprocess.Popen[bytes]:
        return _spawn(self.repo, "ls-tree", "-r", "-z", "HEAD", stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def head_blobs(self, needed: bool) -> set[str]:
        """The blobs of HEAD's tree when `needed`, else the listing is dropped unread."""
        head, self.head = self.head, None
        if head is None and not needed:
            return set()
        head = head or self._list_head()
        if not needed and head.poll() is None:
            head.kill()
        listing, error = head.communicate()
        if not needed:
            return set()
        if head.returncode != 0:
            reason = error.decode("utf-8", "replace").strip().splitlines()
            raise InputError(f"git ls-tree failed in {self.repo}: {reason[0] if reason else head.returncode}")
        return {entry.split(b"\t")[0].split()[2].decode() for entry in listing.split(b"\0") if entry}

    def _close(self, ended: bool) -> None:
        """End the log and cat-file (killed, with the HEAD listing, when the consumer stopped
        early or failed); the log's failure (an unknown --since) is an error only for a stream
        read to its end."""
        for process in (self.reader, self.lister):
            if not ended and process.poll() is None:
                process.kill()
        if not ended:
            self.head_blobs(needed=False)
        if self.reader.stdin is not None:
            _close_quietly(self.reader.stdin)
        assert self.lister.stderr is not None
        error = self.lister.stderr.read().decode("utf-8", "replace").strip()
        codes = [process.wait() for process in (self.lister, self.reader)]
        for stream in (self.lister.stdout, self.lister.stderr, self.reader.stdout):
            if stream is not None:
                stream.close()
        if ended and codes[0]:
            raise InputError(f"git log failed in {self.repo}: {error.splitlines()[0] if error else codes[0]}")


def _widen(stream: IO[bytes] | None) -> None:
    """Let git run up to 1 MiB ahead of the scanner (a pipe holds 64 KiB by default; 1 MiB is
    Linux's limit for an unprivileged process). Elsewhere the pipe keeps its size."""
    setting = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if stream is None or setting is None:
        return
    try:
        fcntl.fcntl(stream.fileno(), setting, PIPE_BYTES)
    except OSError:
        pass


def _close_quietly(stream: IO[bytes]) -> None:
    try:
        stream.close()
    except (BrokenPipeError, ValueError):
        pass


# --- scanning each version of a file for what changed -------------------------------------

Pairs = list[tuple[Finding, bytes]]
CONTEXT_LINES = 1  # around a change, for a value whose line the change only touches
MIN_INCREMENTAL = 4096  # smaller blobs are scanned whole: the bookkeeping would cost more
VERSIONS_BYTES = 64 << 20  # the previous versions kept to compare against (least recent dropped)
SCANNERS = 2  # threads scanning blobs (see _Scanner)
INBOX = 32  # blobs read ahead of each scanner
# Patterns that span lines (key blocks): a file that names one is scanned whole every time. Their
# keywords' pre-filter entries say whether a file does, at no extra cost.
_BLOCK_RULES = frozenset({"secrets/private-key", "secrets/putty-private-key"})
_BLOCK_ENTRIES = frozenset(entry for entry, indexes in enumerate(DEFAULT_ENGINE.woken)
                           if any(DEFAULT_ENGINE.detectors[i].meta.id in _BLOCK_RULES for i in indexes))


@dataclass
class _Version:
    data: bytes
    pairs: Pairs
    woken: frozenset[int]
    blocks: bool  # may hold a key block (a pattern over many lines)


class _Versions:
    """The last scanned version of each path, so the next version of it (git lists a file's
    versions one after another) is scanned only where it differs: most commits change a few lines
    of a file, and a blob's unchanged lines hold the secrets its neighbour's scan already found."""

    def __init__(self, budget: int = VERSIONS_BYTES) -> None:
        self.by_path: dict[str, _Version] = {}
        self.size, self.budget = 0, budget

    def scan(self, path: str, data: bytes) -> Pairs:
        before = self.by_path.pop(path, None)
        if before is not None:
            self.size -= len(before.data)
        version = _scan_version(path, data, before)
        self.by_path[path] = version
        self.size += len(data)
        while self.size > self.budget and self.by_path:
            self.size -= len(self.by_path.pop(next(iter(self.by_path))).data)
        return version.pairs


def _common_prefix(a: bytes, b: bytes) -> int:
    """Bytes a and b share at the start, by halving: slice comparisons are memcmp in C."""
    low, high = 0, min(len(a), len(b))  # a[:low] == b[:low], and they differ before high (or end)
    while high - low > 32:
        middle = (low + high) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle
    while low < high and a[low] == b[low]:
        low += 1
    return low


def _common_suffix(a: bytes, b: bytes) -> int:
    size_a, size_b = len(a), len(b)
    low, high = 0, min(size_a, size_b)
    while high - low > 32:
        middle = (low + high) // 2
        if a[size_a - middle:size_a - low] == b[size_b - middle:size_b - low]:
            low = middle
        else:
            high = middle
    while low < high and a[size_a - low - 1] == b[size_b - low - 1]:
        low += 1
    return low


def _changed_span(old: bytes, new: bytes) -> tuple[int, int]:
    """[start, end) of `new` holding every byte not shared with `old` at its start or end, widened
    to whole lines and CONTEXT_LINES more on each side."""
    prefix = _common_prefix(old, new)
    suffix = min(_common_suffix(old, new), min(len(old), len(new)) - prefix)
    start = new.rfind(b"\n", 0, prefix) + 1
    for _ in range(CONTEXT_LINES):
        start = new.rfind(b"\n", 0, max(start - 1, 0)) + 1 if start else 0
    end = max(len(new) - suffix, start)
    for _ in range(CONTEXT_LINES + 1):
        newline = new.find(b"\n", max(end - 1, start) if _ == 0 else end)
        end = len(new) if newline < 0 else newline + 1
    return start, end


def _scan_whole(path: str, data: bytes) -> _Version:
    woken = DEFAULT_ENGINE.wake(data)
    pairs = scan_secrets_with_values(path, data, DEFAULT_ENGINE, woken)
    return _Version(data, pairs, woken, bool(woken & _BLOCK_ENTRIES))


def _scan_version(path: str, data: bytes, before: _Version | None) -> _Version:
    """Scan `data` whole, or, next to the previous version of its path, only its changed lines
    (line numbers kept by standing newlines in for the lines before them) and carry the previous
    version's findings on the unchanged lines, moved by the lines the change added or removed."""
    if before is None or before.blocks or len(data) < MIN_INCREMENTAL:
        return _scan_whole(path, data)
    start, end = _changed_span(before.data, data)
    if (end - start) * 2 > len(data):
        return _scan_whole(path, data)  # a rewrite: carrying findings over would save less than it costs
    changed = data[start:end]
    changed_woken = DEFAULT_ENGINE.wake(changed)
    if changed_woken & _BLOCK_ENTRIES:
        return _scan_whole(path, data)
    lines_before = data.count(b"\n", 0, start)  # the same in both versions: their shared start
    first_line = lines_before + 1
    old_end = end - len(data) + len(before.data)  # where the shared tail starts in the old version
    last_old_line = lines_before + before.data.count(b"\n", start, old_end) + 1
    shift = first_line + changed.count(b"\n") - last_old_line
    # The whole file's keywords wake the detectors that need them anywhere (an SDK's import): the
    # previous version's, as most of the file is unchanged, and the changed lines'.
    woken = changed_woken | (before.woken & DEFAULT_ENGINE.anywhere)
    pairs = scan_secrets_with_values(path, b"\n" * lines_before + changed, DEFAULT_ENGINE, woken)
    for finding, value in before.pairs:
        location = finding.location
        if location.end_line < first_line:
            pairs.append((finding, value))
        elif location.start_line >= last_old_line:
            moved = replace(location, start_line=location.start_line + shift, end_line=location.end_line + shift)
            pairs.append((replace(finding, location=moved), value))
    pairs.sort(key=lambda pair: (pair[0].location.start_line, pair[0].location.start_col, pair[0].rule_id))
    return _Version(data, pairs, woken, False)


class _Scanner(threading.Thread):
    """Scans the blobs of its share of the paths as they come, on a thread of its own: RE2
    releases the GIL while it matches, so two scanners (and git) use both cores. A path's
    versions all go to one scanner, which scans each next to the one before it."""

    def __init__(self, budget: int) -> None:
        super().__init__(daemon=True)
        self.inbox: queue.Queue[tuple[str, str, bytes] | None] = queue.Queue(maxsize=INBOX)
        self.versions = _Versions(budget)
        self.found: dict[str, Pairs] = {}  # blob id -> its findings with their values
        self.error: BaseException | None = None
        self.given = 0  # bytes put, to balance the scanners' shares

    def put(self, sha: str, path: str, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.given += len(data)
        self.inbox.put((sha, path, data))

    def run(self) -> None:
        while (item := self.inbox.get()) is not None:
            if self.error is None:
                try:
                    if pairs := self.versions.scan(item[1], item[2]):
                        self.found[item[0]] = pairs
                except BaseException as error:  # noqa: BLE001 - re-raised by the caller's thread
                    self.error = error

    def finish(self) -> None:
        """Wait for the blobs already given (a scanning error is the caller's to raise)."""
        if self.is_alive():
            self.inbox.put(None)
            self.join()


def _scan_blobs(blobs: _BlobStream, scanners: list[_Scanner], result: HistoryScan) -> None:
    """Each text blob to the scanner of its path (a new path to the one given least so far), and
    wait for them all; the first scanner's error is raised once every thread has ended."""
    owners: dict[str, _Scanner] = {}  # path -> the scanner of all its versions
    try:
        for scanner in scanners:
            scanner.start()
        for sha, data in blobs:
            if b"\0" in data[:8192]:
                result.blobs_binary += 1
                continue
            result.blobs_scanned += 1
            path = blobs.paths[sha]
            owner = owners.get(path)
            if owner is None:
                owner = owners[path] = min(scanners, key=lambda each: each.given)
            owner.put(sha, path, data)
    finally:
        for scanner in scanners:
            scanner.finish()
    for scanner in scanners:
        if scanner.error is not None:
            raise scanner.error


def scan_history(repo: Path, since: str | None = None, max_blob_bytes: int = MAX_BLOB_BYTES,
                 verifier: Verifier | None = None) -> HistoryScan:
    """Secret findings over every reachable blob, one per secret at the commit and path it first
    appeared in, with `commit`, `author_date` and `in_head` properties. Messages stay redacted. With a
    `verifier`, each is labelled by its provider (a value is checked once however many blobs hold it)."""
    result = HistoryScan()
    blobs = _BlobStream(repo, since, max_blob_bytes)
    scanners = [_Scanner(VERSIONS_BYTES // SCANNERS) for _ in range(SCANNERS)]
    try:
        _scan_blobs(blobs, scanners, result)
    except BaseException:
        blobs.head_blobs(needed=False)
        raise
    found: dict[str, list[Finding]] = {}
    for sha, pairs in sorted(item for scanner in scanners for item in scanner.found.items()):
        hits = verify_pairs(pairs, verifier) if verifier is not None else [finding for finding, _ in pairs]
        if hits:
            found[sha] = hits
    result.blobs_too_large = blobs.too_large
    head = blobs.head_blobs(needed=bool(found))
    if not found:
        return result
    placed = []
    for sha, hits in sorted(found.items()):
        commit, path, when, age = blobs.first.get(sha, ("", blobs.paths[sha], 0, 0))
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
