"""Secrets in a repository's whole history: every blob reachable from the refs, each scanned
once however many commits hold it, reported where it first appeared and whether HEAD still has it.

Git plumbing only (`log --raw`, `cat-file --batch-command`), so the cost is one pass over the commit log
(which both lists the blobs and dates them) plus one read of each distinct blob, never a checkout
per commit.
"""

from __future__ import annotations

import bisect
import fcntl
import itertools
import subprocess
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
    shallow: bool = False  # a shallow clone: the history before its boundary was not there to scan


def _spawn(repo: Path, *args: str, stdin: int | IO[bytes] | None = subprocess.PIPE,
           stderr: int | None = None) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(localgit.command(repo, *args), env=localgit.environment(), stdin=stdin,
                                stdout=subprocess.PIPE, stderr=stderr)
    except OSError as error:
        raise InputError(f"git {args[0]} could not be run in {repo}: {error}") from error


FirstSeen = tuple[str, str, int, int]  # (commit, path, author time, age: its place in the log, newest first)


class _BlobStream:
    """Every reachable blob's bytes from two git processes, read by the scanning thread itself
    (a reader thread waking for each line waited up to a GIL switch interval for the scanner each
    time, which cost more wall time than git's work): `git log --raw` over every ref names each
    blob where a commit adds or changes it, so one pass both lists the blobs and records where each
    first appeared, and one `cat-file --batch-command` answers, a group of new blobs at a time,
    their sizes (`info`, which reads headers only) and the contents of those under the cap. Each
    flush asks the next group's sizes ahead of this group's contents, so the sizes are read and the
    following contents asked for before the previous group's contents are scanned: git inflates
    into widened pipes on the other core while Python scans, without a pause at each group's end.
    Git has read every earlier flush when one is written (it answered the sizes that came first),
    so no group's commands can fill cat-file's input: nothing waits on anything that waits on it."""

    def __init__(self, repo: Path, since: str | None, max_blob_bytes: int) -> None:
        self.repo, self.max_blob_bytes = repo, max_blob_bytes
        self.paths: dict[str, str] = {}  # blob id -> the first path the log names it by
        self.first: dict[str, FirstSeen] = {}  # blob id -> the earliest commit that added it
        self.too_large = 0
        args = ["log", "--all", *([f"^{since}"] if since else []), "--root",
                "--format=%x01%H %at", "--raw", "--no-abbrev", "--no-renames", "-m", "--diff-filter=AMT"]
        self.lister = _spawn(repo, *args, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE)  # first: the first to be read
        self.reader = _spawn(repo, "cat-file", "--batch-command", "--buffer")
        self.want_head = False  # set when a blob holds a finding: then HEAD's blobs are read at the end
        self.head: set[str] = set()
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
        """One flush: `sizes` first, then `contents`. With --buffer, git reads up to the flush
        before it answers any, so this write cannot wait on a reader that waits on answers."""
        assert self.reader.stdin is not None
        commands = [b"info %s\n" % blob.encode() for blob in sizes]
        commands += [b"contents %s\n" % blob.encode() for blob in contents]
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
            size = FIRST_GROUP  # small, so scanning starts early; doubling, as the log runs ahead
            group, pending = self._group(size), list[str]()
            self._ask([], group)
            while group:
                kept = self._under_cap(group)  # next in cat-file's answers: read ahead of `pending`
                size = min(size * 2, GROUP)
                group = self._group(size)
                self._ask(kept, group)
                yield from self._contents(pending)
                pending = kept
            yield from self._contents(pending)
            if self.want_head:
                self.head = self._head_tree()
            ended = True
        finally:
            self._close(ended)

    def _contents(self, blobs: list[str]) -> Iterator[tuple[str, bytes]]:
        for _ in blobs:
            answer = self._object()
            if answer is None:
                raise InputError(f"git cat-file ended early in {self.repo}")
            yield answer

    def _object(self) -> tuple[str, bytes] | None:
        """The next `contents` answer: (id, bytes), or None for an object git says is missing."""
        stdout = self.reader.stdout
        assert stdout is not None
        header = stdout.readline().split()
        if not header:
            raise InputError(f"git cat-file ended early in {self.repo}")
        if len(header) != 3:
            return None
        data = stdout.read(int(header[2]))
        stdout.read(1)  # the newline after each object
        return header[0].decode(), data

    def _head_tree(self) -> set[str]:
        """The blobs of HEAD's whole tree, read level by level through the same cat-file (a
        process of its own, `ls-tree`, cost more to start than this); none when HEAD is unborn."""
        blobs: set[str] = set()
        level = ["HEAD^{tree}"]
        while level:
            self._ask(level, [])
            trees = [answer[1] for answer in (self._object() for _ in level) if answer is not None]
            level = [sub for tree in trees for sub in _tree_entries(tree, blobs)]
        return blobs

    def _close(self, ended: bool) -> None:
        """End the log and cat-file (killed when the consumer stopped early or failed); the log's
        failure (an unknown --since) is an error only for a stream read to its end."""
        for process in (self.reader, self.lister):
            if not ended and process.poll() is None:
                process.kill()
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


def _tree_entries(tree: bytes, blobs: set[str]) -> list[str]:
    """A tree object's blobs added to `blobs`; its subtrees returned (submodules skipped)."""
    subtrees, at = [], 0
    while at < len(tree):
        space = tree.index(b" ", at)
        end = tree.index(b"\0", space)
        mode, sha = tree[at:space], tree[end + 1:end + 21].hex()
        at = end + 21
        if mode == b"40000":
            subtrees.append(sha)
        elif mode != b"160000":
            blobs.add(sha)
    return subtrees


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
ANCHOR = 96  # bytes of a version looked up in the one before it to find a stretch they share
MIN_GAP = 1024  # a differing stretch shorter than this is left as changed, not searched for anchors
ANCHOR_DEPTH = 2  # anchors found within anchors, at most: finding stretches costs about what scanning them would
VERSIONS_BYTES = 64 << 20  # the previous versions kept to compare against (least recent dropped)
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


def _run_forward(a: bytes, i: int, b: bytes, j: int, limit: int) -> int:
    """How many bytes a[i:] and b[j:] share at their start (at most `limit`): chunks doubling in
    size while they agree (`startswith` of a memoryview: a memcmp without copying a big blob's
    slice), then the first differing byte of the chunk that differs, from the XOR of the two
    chunks read as integers. C-speed operations only: a byte loop in Python costs more than the
    scan it saves."""
    view = memoryview(b)
    low, step = 0, 64  # a[i:i+low] == b[j:j+low]
    while True:
        high = min(low + step, limit)
        if not a.startswith(view[j + low:j + high], i + low):
            break
        if high == limit:
            return limit
        low, step = high, step * 2
    while high - low > 256:  # halve the chunk that differs while its integers would be long
        middle = (low + high) // 2
        if a.startswith(view[j + low:j + middle], i + low):
            low = middle
        else:
            high = middle
    differ = int.from_bytes(a[i + low:i + high], "little") ^ int.from_bytes(view[j + low:j + high], "little")
    return low + ((differ & -differ).bit_length() - 1) // 8


def _run_backward(a: bytes, i: int, b: bytes, j: int, limit: int) -> int:
    """How many bytes a[:i] and b[:j] share at their end (at most `limit`), as _run_forward."""
    view = memoryview(b)
    low, step = 0, 64  # a[i-low:i] == b[j-low:j]
    while True:
        high = min(low + step, limit)
        if not a.startswith(view[j - high:j - low], i - high):
            break
        if high == limit:
            return limit
        low, step = high, step * 2
    while high - low > 256:
        middle = (low + high) // 2
        if a.startswith(view[j - middle:j - low], i - middle):
            low = middle
        else:
            high = middle
    differ = int.from_bytes(a[i - high:i - low], "big") ^ int.from_bytes(view[j - high:j - low], "big")
    return low + ((differ & -differ).bit_length() - 1) // 8


def _common_prefix(a: bytes, b: bytes) -> int:
    return _run_forward(a, 0, b, 0, min(len(a), len(b)))


def _common_suffix(a: bytes, b: bytes) -> int:
    return _run_backward(a, len(a), b, len(b), min(len(a), len(b)))


Block = tuple[int, int, int]  # (offset in the old version, offset in the new, size) of equal bytes


def _shared_blocks(old: bytes, new: bytes) -> list[Block]:
    """Stretches the two versions share, in order: their common start and end, and between them
    stretches found from a few lines of `new` looked up in `old` and widened while bytes agree.
    A commit often changes a file in several places (a version at the top, an entry at the end),
    which one shared start and end would leave as one big change. Only C-speed byte operations
    (find, memcmp): comparing line by line in Python costs more than scanning the lines."""
    head = _common_prefix(old, new)
    tail = _run_backward(old, len(old), new, len(new), min(len(old), len(new)) - head)
    blocks = [(0, 0, head)]
    _match_middle(old, head, len(old) - tail, new, head, len(new) - tail, blocks, ANCHOR_DEPTH)
    blocks.append((len(old) - tail, len(new) - tail, tail))
    return blocks


def _match_middle(old: bytes, old_start: int, old_end: int, new: bytes, new_start: int, new_end: int,
                  blocks: list[Block], depth: int) -> None:
    """Shared stretches of old[old_start:old_end] and new[new_start:new_end], appended in order:
    one found from an anchor (a run of whole lines of `new` occurring once in the old stretch),
    then those on either side of it, recursively."""
    if depth == 0 or new_end - new_start < MIN_GAP or old_end - old_start < MIN_GAP:
        return
    for quarter in (2, 1, 3):  # the middle first: it splits the rest evenly
        at = new.find(b"\n", new_start + (new_end - new_start) * quarter // 4, new_end) + 1
        if at == 0 or at + ANCHOR > new_end:
            continue
        anchor = new[at:at + ANCHOR]
        found = old.find(anchor, old_start, old_end)
        if found < 0 or old.find(anchor, found + 1, old_end) >= 0:
            continue  # changed there, or repeated (the stretch could pair the wrong copies)
        before = _run_backward(old, found, new, at, min(found - old_start, at - new_start))
        after = ANCHOR + _run_forward(old, found + ANCHOR, new, at + ANCHOR,
                                      min(old_end - found, new_end - at) - ANCHOR)
        _match_middle(old, old_start, found - before, new, new_start, at - before, blocks, depth - 1)
        blocks.append((found - before, at - before, before + after))
        _match_middle(old, found + after, old_end, new, at + after, new_end, blocks, depth - 1)
        return


Zone = tuple[int, int, int]  # new[start:stop] == old[old_start:old_start + stop - start], whole lines


def _unchanged_zones(old: bytes, new: bytes) -> list[Zone]:
    """The whole lines of `new` inside a stretch shared with `old` and at least CONTEXT_LINES
    from any change (or from a file's start or end both versions share), in order: a finding
    there is the one at the same bytes of `old`, moved by the lines added or removed above it."""
    zones: list[Zone] = []
    for old_at, new_at, size in _shared_blocks(old, new):
        if size == 0:
            continue
        start, stop = new_at, new_at + size
        at_start = new_at == 0 and old_at == 0
        if not at_start and not (new_at and old_at and new[new_at - 1] == old[old_at - 1] == 10):
            start = new.find(b"\n", start, stop) + 1  # the block starts mid-line in one version
            if start == 0:
                continue
        at_end = stop == len(new) and old_at + size == len(old)
        if not at_end:
            stop = new.rfind(b"\n", start, stop) + 1  # the block ends mid-line
        for _ in range(0 if at_start else CONTEXT_LINES):
            start = new.find(b"\n", start, stop) + 1 or stop
        for _ in range(0 if at_end else CONTEXT_LINES):
            stop = new.rfind(b"\n", start, stop - 1) + 1 if stop > start else start
        if stop > start:
            zones.append((start, stop, old_at + start - new_at))
    return zones


def _scan_whole(path: str, data: bytes) -> _Version:
    woken = DEFAULT_ENGINE.wake(data)
    pairs = scan_secrets_with_values(path, data, DEFAULT_ENGINE, woken)
    return _Version(data, pairs, woken, bool(woken & _BLOCK_ENTRIES))


def _scan_version(path: str, data: bytes, before: _Version | None) -> _Version:
    """Scan `data` whole, or, next to the previous version of its path, only its lines outside the
    zones it shares with that version, and carry the previous version's findings in each zone,
    moved by the lines added or removed above it. Lines are counted only for findings (counting
    a blob's newlines costs as much as scanning it)."""
    if before is None or before.blocks or len(data) < MIN_INCREMENTAL:
        return _scan_whole(path, data)
    zones = _unchanged_zones(before.data, data)
    if sum(stop - start for start, stop, _ in zones) * 2 < len(data):
        return _scan_whole(path, data)  # mostly rewritten: carrying findings over would save less than it costs
    # The changed stretches (whole lines), an empty line between each two, scanned as one text.
    bounds = [0, *(bound for start, stop, _ in zones for bound in (start, stop)), len(data)]
    regions = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2) if bounds[k] < bounds[k + 1]]
    changed = b"\n".join(data[start:stop] for start, stop in regions)
    changed_woken = DEFAULT_ENGINE.wake(changed)
    if changed_woken & _BLOCK_ENTRIES:
        return _scan_whole(path, data)
    # The whole file's keywords wake the detectors that need them anywhere (an SDK's import): the
    # previous version's, as most of the file is unchanged, and the changed lines'.
    woken = changed_woken | (before.woken & DEFAULT_ENGINE.anywhere)
    pairs = _placed(scan_secrets_with_values(path, changed, DEFAULT_ENGINE, woken), data, regions)
    if before.pairs:
        pairs += _carried(before, data, zones)
        pairs.sort(key=lambda pair: (pair[0].location.start_line, pair[0].location.start_col, pair[0].rule_id))
    return _Version(data, pairs, woken, False)


def _moved(finding: Finding, shift: int) -> Finding:
    location = finding.location
    return replace(finding, location=replace(
        location, start_line=location.start_line + shift, end_line=location.end_line + shift)) if shift else finding


def _placed(pairs: Pairs, data: bytes, regions: list[tuple[int, int]]) -> Pairs:
    """Findings in the joined changed regions, at their lines in `data`."""
    if not pairs:
        return pairs
    firsts, shifts, line, data_line, at = [], [], 1, 1, 0  # each region's first line in the joined text, and its shift
    for start, stop in regions:
        data_line += data.count(b"\n", at, start)
        firsts.append(line)
        shifts.append(data_line - line)
        inside = data.count(b"\n", start, stop)
        line, data_line, at = line + inside + 1, data_line + inside, stop
    return [(_moved(finding, shifts[bisect.bisect_right(firsts, finding.location.start_line) - 1]), value)
            for finding, value in pairs]


def _carried(before: _Version, data: bytes, zones: list[Zone]) -> Pairs:
    """The previous version's findings inside a zone, at their lines in `data`."""
    spans, new_line, old_line, new_at, old_at = [], 1, 1, 0, 0
    for start, stop, old_start in zones:  # in order in both versions
        new_line += data.count(b"\n", new_at, start)
        old_line += before.data.count(b"\n", old_at, old_start)
        inside = data.count(b"\n", start, stop)  # as many in `before`: the bytes are equal
        spans.append((old_line, old_line + inside - (data[stop - 1] == 10), new_line - old_line))
        new_line, old_line, new_at, old_at = new_line + inside, old_line + inside, stop, old_start + stop - start
    out = []
    for finding, value in before.pairs:
        location = finding.location
        for first, last, shift in spans:
            if first <= location.start_line and location.end_line <= last:
                out.append((_moved(finding, shift), value))
                break
    return out


def _scan_blobs(blobs: _BlobStream, result: HistoryScan) -> dict[str, Pairs]:
    """Each text blob scanned as git hands it over, next to the previous version of its path;
    blob id -> its findings with their values. In this thread: git inflates the next blobs into
    the widened pipes on the other core meanwhile, and scanner threads (RE2 releases the GIL)
    were measured slower, 3.2-3.8x the head pass against 2.7-3.3x, their hand-offs costing more
    CPU than the matching they overlapped."""
    versions = _Versions(VERSIONS_BYTES)
    found: dict[str, Pairs] = {}
    for sha, data in blobs:
        if b"\0" in data[:8192]:
            result.blobs_binary += 1
            continue
        result.blobs_scanned += 1
        if pairs := versions.scan(blobs.paths[sha], data):
            found[sha] = pairs
            blobs.want_head = True
    return found


def scan_history(repo: Path, since: str | None = None, max_blob_bytes: int = MAX_BLOB_BYTES,
                 verifier: Verifier | None = None) -> HistoryScan:
    """Secret findings over every reachable blob, one per secret at the commit and path it first
    appeared in, with `commit`, `author_date` and `in_head` properties. Messages stay redacted. With a
    `verifier`, each is labelled by its provider (a value is checked once however many blobs hold it)."""
    result = HistoryScan()
    blobs = _BlobStream(repo, since, max_blob_bytes)
    scanned = _scan_blobs(blobs, result)
    found: dict[str, list[Finding]] = {}
    for sha, pairs in sorted(scanned.items()):
        hits = verify_pairs(pairs, verifier) if verifier is not None else [finding for finding, _ in pairs]
        if hits:
            found[sha] = hits
    result.blobs_too_large = blobs.too_large
    head = blobs.head
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


def _shallow(repo: Path) -> bool:
    """Whether `repo` is a shallow clone (a CI checkout's usual `--depth 1`)."""
    answer = localgit.run(repo, "rev-parse", "--is-shallow-repository")
    return answer is not None and answer.returncode == 0 and answer.stdout.strip() == b"true"


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


def history_scan(target: list[str], since: str | None, verify: bool = False,
                 settings: Settings | None = None) -> HistoryScan:
    """`shoal scan <repo> --history [--since REF]`: the history of the one repository `target` names
    (a local path or an https URL); render_history prints it."""
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
        result.shallow = _shallow(repo)
    return result


def render_history(result: HistoryScan, target: str, output_format: str) -> str:
    """A history scan as JSON (`json`) or as lines for the terminal (anything else)."""
    import json

    counts = (f"{result.blobs_scanned} blobs scanned, {result.blobs_too_large} over {MAX_BLOB_BYTES} bytes "
              f"skipped, {result.blobs_binary} binary")
    if output_format == "json":
        text = json.dumps({"findings": [f.to_dict() for f in result.findings], "blobs_scanned": result.blobs_scanned,
                           "blobs_too_large": result.blobs_too_large, "blobs_binary": result.blobs_binary,
                           "shallow": result.shallow}, indent=2)
    else:
        lines = []
        for finding in result.findings:
            props = dict(finding.properties)
            where = "still in HEAD" if props["in_head"] else "no longer in HEAD"
            lines.append(f"{finding.location.path}:{finding.location.start_line}:{finding.location.start_col}  "
                         f"{finding.severity.value}  {finding.rule_id}  {finding.message}\n"
                         f"    first in {str(props['commit'])[:12]} ({props['author_date']}), {where}")
        lines.append(f"{len(result.findings)} secret finding(s) in the history; {counts}")
        if result.shallow:
            lines.append(f"note: {target} is a shallow clone: the commits before its shallow boundary were "
                         "not scanned (`git fetch --unshallow` fetches them)")
        text = "\n".join(lines)
    return text
