"""A per-repository cache of git objects in the workspace, so a repeat scan fetches only what is new.

Layout: `<workspace>/cache/repos/<key>/`, `key` a digest of the normalised repository location:

* `pack-<sha1>.pack` + `.idx`: git packfiles, immutable and named by their content. A few large
  files rather than a loose object store: every file on S3 Files costs a request and a round trip.
* `manifest.json`: which packs make up the cache, their sha256, the commits it holds (tips) and
  where its history is cut (shallow commits: scans fetch `--depth=1`). Its mtime is the cache's
  last use, which `shoal clean` goes by.
* `lock`: held (flock) by the one process updating the cache.

A scan copies the packs onto its local scratch repository (checking every byte against the
manifest's sha256), points refs at the tips so git's fetch negotiation tells the server what is
already there, fetches the rest from the remote as before, then adds what it fetched as one more
small pack. Once the cache has `MAX_PACKS` packs they are rewritten as one (base + increments:
appending costs a few kB per scan, rewriting costs the whole repository, so it is done rarely).
Packs keep git's deltas: storing objects whole made the next exports ~0.2 s faster on Django but
cost ~1 s of CPU at every rewrite and 5% more bytes (tests/benchmarks/cache_bench.py).

Safety: packs are written to a temporary name, fsynced and renamed before the manifest (itself
replaced atomically) names them, so a reader sees the old cache or the new one, never half of
one. One writer at a time (a non-blocking flock: a scan that finds the lock taken leaves the
update to the holder). Packs a new manifest no longer names are deleted only after a grace
period, since a reader may still be copying them. Anything that does not check out (a manifest
that does not parse, a missing pack, a sha256 mismatch, or a checkout that fails with the cache
and succeeds without it) means the cache is rebuilt from what the remote sent, never trusted.
The cache never decides which commit is scanned: the remote must name it (source.checkout).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from shoal.errors import InputError
from shoal.scan.retention import DAY_SECONDS, Cleanup
from shoal.scan.retention import exclusive_lock as _writer_lock
from shoal.workspace import atomic_write

if TYPE_CHECKING:
    from shoal.source.specs import RepoSpec
    from shoal.source.git import ScratchGit

CACHE_FOLDER = ("cache", "repos")
MANIFEST = "manifest.json"
LOCK = "lock"
FORMAT_VERSION = 1
MAX_PACKS = 8  # base + increments; the next update rewrites them as one pack
MAX_TIPS = 64  # commits remembered; a rewrite keeps only the newest, dropping older history
GRACE_SECONDS = 3600.0  # a pack no manifest names is kept this long for readers still copying it
_CHUNK = 1024 * 1024
_OID = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_PACK_NAME = re.compile(r"^pack-[0-9a-f]{40,64}$")
_KEY = re.compile(r"^[0-9a-f]{32}$")

SeedState = Literal["hit", "miss", "corrupt"]


class CacheCorrupt(Exception):
    """The cache on disk is not what its manifest says; internal, the cache is then rebuilt."""


@dataclass(frozen=True)
class Pack:
    name: str  # pack-<sha1>, the name git gave it
    pack_sha256: str
    idx_sha256: str
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "pack_sha256": self.pack_sha256, "idx_sha256": self.idx_sha256,
                "bytes": self.bytes}


@dataclass(frozen=True)
class Manifest:
    location: str
    packs: tuple[Pack, ...]
    tips: tuple[str, ...]  # newest first
    shallow: tuple[str, ...]

    def to_bytes(self) -> bytes:
        data = {"version": FORMAT_VERSION, "location": self.location, "packs": [p.to_dict() for p in self.packs],
                "tips": list(self.tips), "shallow": sorted(self.shallow)}
        return json.dumps(data, indent=1).encode() + b"\n"

    @classmethod
    def parse(cls, raw: bytes, location: str) -> Manifest:
        """The manifest, or CacheCorrupt naming what is wrong with it."""
        try:
            data = json.loads(raw)
            packs = tuple(Pack(str(p["name"]), str(p["pack_sha256"]), str(p["idx_sha256"]), int(p["bytes"]))
                          for p in data["packs"])
            manifest = cls(str(data["location"]), packs, tuple(map(str, data["tips"])),
                           tuple(map(str, data["shallow"])))
            version = data["version"]
        except (ValueError, KeyError, TypeError) as exc:
            raise CacheCorrupt(f"manifest does not parse ({exc})") from None
        if version != FORMAT_VERSION or manifest.location != location:
            raise CacheCorrupt("manifest is for another format or repository")
        names_ok = all(_PACK_NAME.fullmatch(p.name) for p in packs)
        if not packs or not names_ok or not all(_OID.fullmatch(o) for o in (*manifest.tips, *manifest.shallow)):
            raise CacheCorrupt("manifest names a pack or commit that is not well-formed")
        return manifest


@dataclass
class Seed:
    """What `RepoCache.seed` put into a scratch repository."""

    state: SeedState
    manifest: Manifest | None = None
    raw: bytes = b""  # the manifest as read: an update compares it with what is there then
    reason: str = ""
    bytes: int = 0
    seconds: float = 0.0

    @property
    def hit(self) -> bool:
        return self.state == "hit"


@dataclass(frozen=True)
class Update:
    """What `RepoCache.update` did, for logs and the benchmark."""

    action: Literal["added", "rewrote", "unchanged", "skipped-busy", "skipped-newer", "failed"]
    packs: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class RepoCache:
    """The cache folder of one repository."""

    folder: Path
    location: str
    grace_seconds: float = field(default=GRACE_SECONDS, compare=False)

    @classmethod
    def for_repository(cls, workspace: Path, spec: RepoSpec) -> RepoCache:
        return cls(cache_root(Path(workspace)) / cache_key(spec.location), spec.location)

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST

    # ------------------------------------------------------------------ reading

    def seed(self, git: ScratchGit) -> Seed:
        """Copy the cached objects into `git`'s fresh repository and name its tips there.

        Never raises for a bad cache: it reports "corrupt" and leaves the repository as empty as
        it found it, so the scan goes on with a plain fetch.
        """
        start = time.perf_counter()
        try:
            raw = self.manifest_path.read_bytes()
        except FileNotFoundError:
            return Seed("miss")
        except OSError as exc:
            return Seed("corrupt", reason=f"manifest unreadable ({exc.strerror})")
        pack_dir = git.git_dir / "objects" / "pack"
        try:
            manifest = Manifest.parse(raw, self.location)
            copied = sum(self._copy_pack(pack, pack_dir) for pack in manifest.packs)
        except CacheCorrupt as exc:
            _empty_folder(pack_dir)
            return Seed("corrupt", raw=raw, reason=str(exc))
        missing = _missing_commits(git, manifest.tips)
        if missing:
            _empty_folder(pack_dir)
            return Seed("corrupt", raw=raw, reason=f"the packs lack commit {missing[0]}")
        _write_shallow(git.git_dir, manifest.shallow)
        # Refs on the tips are what fetch negotiation offers the server as "have"s.
        refs = "".join(f"{tip} refs/shoal-cache/{tip}\n" for tip in sorted(manifest.tips))
        (git.git_dir / "packed-refs").write_text(refs, encoding="ascii")
        _touch(self.manifest_path)  # last use, for `shoal clean`
        return Seed("hit", manifest, raw, bytes=copied, seconds=time.perf_counter() - start)

    def _copy_pack(self, pack: Pack, pack_dir: Path) -> int:
        size = 0
        for suffix, expected in ((".idx", pack.idx_sha256), (".pack", pack.pack_sha256)):
            source = self.folder / (pack.name + suffix)
            try:
                digest, written = _copy_hashed(source, pack_dir / (pack.name + suffix))
            except FileNotFoundError:
                raise CacheCorrupt(f"{source.name} is missing") from None
            except OSError as exc:
                raise CacheCorrupt(f"{source.name} is unreadable ({exc.strerror})") from None
            if digest != expected:
                raise CacheCorrupt(f"{source.name} has sha256 {digest[:12]}, the manifest says {expected[:12]}")
            size += written
        return size

    # ------------------------------------------------------------------ writing

    def update(self, git: ScratchGit, tips: Sequence[str], seed: Seed) -> Update:
        """Add what `git` holds for `tips` (and the cache lacks) to the cache, as one writer."""
        tips = [t for t in dict.fromkeys(tips) if _OID.fullmatch(t)]
        self.folder.mkdir(parents=True, exist_ok=True)
        with _writer_lock(self.folder / LOCK) as held:
            if not held:
                return Update("skipped-busy")  # its holder is updating it; ours can wait
            current = self._current_raw()
            if seed.hit and current != seed.raw:
                seed = Seed("miss")  # changed since we read it: add ours as if there were no cache
            if not seed.hit and current is not None and not (seed.state == "corrupt" and current == seed.raw):
                try:
                    Manifest.parse(current, self.location)
                    return Update("skipped-newer")  # another scan filled it meanwhile
                except CacheCorrupt:
                    pass  # rebuild below
            try:
                result = self._write(git, tips, seed.manifest if seed.hit else None)
                self._delete_unnamed()
            except (CacheCorrupt, OSError, subprocess.SubprocessError):
                # The scan has its source; a cache that could not be written is only a slower next scan.
                return Update("failed")
            return result

    def _current_raw(self) -> bytes | None:
        try:
            return self.manifest_path.read_bytes()
        except FileNotFoundError:
            return None

    def _write(self, git: ScratchGit, tips: Sequence[str], old: Manifest | None) -> Update:
        old_tips = old.tips if old else ()
        kept = tuple([*(t for t in tips if t not in old_tips), *old_tips][:MAX_TIPS])
        # The shallow commits of the cache and of this scan's fetches: marking a commit shallow
        # whose parents are there only hides history, never claims objects that are missing.
        shallow = tuple(sorted({*(old.shallow if old else ()), *_read_shallow(git.git_dir)}))
        rewrite = old is None or len(old.packs) + 1 > MAX_PACKS
        packs = self._pack_fetched(git, old, rewrite)
        if packs is None or (old is not None and packs == old.packs and set(kept) == set(old.tips)):
            if old is not None:
                _touch(self.manifest_path)
            return Update("unchanged" if old is not None else "failed", len(old.packs) if old else 0)
        atomic_write(self.manifest_path, Manifest(self.location, packs, kept, shallow).to_bytes())
        return Update("rewrote" if rewrite else "added", len(packs), sum(p.bytes for p in packs))

    def _pack_fetched(self, git: ScratchGit, old: Manifest | None, rewrite: bool) -> tuple[Pack, ...] | None:
        """The packs of the new cache: the old ones plus one of what the fetches brought (git
        fetch checked it is complete down to the shallow commits) that the cache lacks, or, to
        rewrite, everything as one pack. None when nothing was fetched."""
        cached = [p.name for p in old.packs] if old else []
        fetched = _fetched_packs(git, set(cached))
        if not fetched:
            return old.packs if old else None
        out = git.root / "cache-out"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        try:
            lines = [*fetched, *cached] if rewrite else [*fetched, *(f"^{name}" for name in cached)]
            name = _pack_objects(git, out, lines)
            kept = () if rewrite or old is None else old.packs
            return (*kept, self._publish(out, name)) if name else kept or None
        finally:
            shutil.rmtree(out, ignore_errors=True)

    def _publish(self, scratch_out: Path, name: str) -> Pack:
        """Copy a pack and its index into the cache folder: temp name, fsync, rename."""
        digests = {}
        for suffix in (".pack", ".idx"):
            target = self.folder / (name + suffix)
            tmp = self.folder / f".{name}{suffix}.{os.getpid()}.tmp"
            digests[suffix], _ = _copy_hashed(scratch_out / (name + suffix), tmp, fsync=True)
            os.replace(tmp, target)
        size = (self.folder / (name + ".pack")).stat().st_size
        return Pack(name, digests[".pack"], digests[".idx"], size)

    def _delete_unnamed(self) -> None:
        """Packs and temp files no manifest names, once no reader can still be copying them."""
        try:
            named = {p.name for p in Manifest.parse(self.manifest_path.read_bytes(), self.location).packs}
        except (OSError, CacheCorrupt):
            named = set()
        now = time.time()
        for path in self.folder.iterdir():
            stem = path.name.split(".")[0] if not path.name.startswith(".") else ""
            if path.name in (MANIFEST, LOCK) or stem in named or path.is_dir():
                continue  # a folder is another module's (results snapshots: shoal.scan.incremental)
            try:
                if now - path.stat().st_mtime >= self.grace_seconds:
                    path.unlink()
            except FileNotFoundError:
                pass

    def describe(self) -> str:
        try:
            manifest = Manifest.parse(self.manifest_path.read_bytes(), self.location)
        except (OSError, CacheCorrupt):
            return "no cache"
        size = sum(p.bytes for p in manifest.packs)
        return f"{len(manifest.packs)} pack(s), {size / 1e6:.1f} MB, {len(manifest.tips)} commit(s)"


# ---------------------------------------------------------------------- layout and retention


def cache_root(workspace: Path) -> Path:
    return workspace.joinpath(*CACHE_FOLDER)


def cache_key(location: str) -> str:
    """The cache folder's name: a digest, so any URL or path makes a safe, fixed-length name."""
    return hashlib.sha256(location.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def prune_caches(workspace: Path, older_than_days: float, now: float | None = None) -> Cleanup:
    """Delete repository caches not used for `older_than_days`, except those being updated."""
    if older_than_days < 0:
        raise InputError(f"the cache retention is {older_than_days} days: it must be 0 days or more")
    root = cache_root(workspace)
    now = time.time() if now is None else now
    removed, busy, recent = [], [], []
    folders = sorted(p for p in root.iterdir() if p.is_dir() and _KEY.fullmatch(p.name)) if root.is_dir() else []
    for folder in folders:
        manifest = folder / MANIFEST
        used = (manifest if manifest.exists() else folder).stat().st_mtime
        if now - used < older_than_days * DAY_SECONDS:
            recent.append(folder.name)
            continue
        with _writer_lock(folder / LOCK) as held:
            if not held:
                busy.append(folder.name)
                continue
            shutil.rmtree(folder)
        removed.append(folder.name)
    return Cleanup(tuple(removed), tuple(busy), tuple(recent))


# ---------------------------------------------------------------------- helpers


def _copy_hashed(source: Path, target: Path, *, fsync: bool = False) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
        if fsync:
            out.flush()
            os.fsync(out.fileno())
    return digest.hexdigest(), size


def _pack_objects(git: ScratchGit, out: Path, packs: Sequence[str]) -> str | None:
    """One pack in `out` of the objects in `packs`, but not in those given as "^name"; None when
    that is no object at all."""
    listing = "".join(f"{p}.pack\n" for p in packs)
    name = _run_pack_objects(git, ["--stdin-packs", str(out / "pack")], listing)
    try:
        with open(out / (name + ".pack"), "rb") as pack:
            header = pack.read(12)  # "PACK", version, object count
    except FileNotFoundError:
        return None
    return name if len(header) == 12 and int.from_bytes(header[8:], "big") else None


def _fetched_packs(git: ScratchGit, cached: set[str]) -> list[str]:
    """The packs fetches wrote into scratch; small fetches leave loose objects, packed here first."""
    objects = git.git_dir / "objects"
    loose = [f"{d.name}{f.name}" for d in objects.iterdir() if len(d.name) == 2 and d.is_dir()
             for f in d.iterdir() if _OID.fullmatch(d.name + f.name)]
    if loose:
        _run_pack_objects(git, [str(objects / "pack" / "pack")], "".join(f"{oid}\n" for oid in loose))
    return sorted(p.stem for p in (objects / "pack").glob("pack-*.pack") if p.stem not in cached)


def _missing_commits(git: ScratchGit, tips: Sequence[str]) -> list[str]:
    """The tips that are not commits in the copied packs (one git process for all of them)."""
    try:
        out = _git_with_input(git, ["cat-file", "--batch-check"], "".join(f"{t}\n" for t in tips))
    except CacheCorrupt:
        return list(tips)
    found = {line.split()[0] for line in out.splitlines() if line.split()[1:2] == ["commit"]}
    return [t for t in tips if t not in found]


def _git_with_input(git: ScratchGit, args: Sequence[str], stdin: str) -> str:
    proc = subprocess.run(
        git.command(*args), input=stdin.encode(), env=git.env(), cwd=git.root, capture_output=True,
        timeout=git.timeout, check=False,
    )
    if proc.returncode != 0:
        raise CacheCorrupt(f"git {args[0]} failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
    return proc.stdout.decode("ascii", "replace")


def _run_pack_objects(git: ScratchGit, args: Sequence[str], stdin: str) -> str:
    return "pack-" + _git_with_input(git, ["pack-objects", "--quiet", *args], stdin).strip()


def _read_shallow(git_dir: Path) -> list[str]:
    try:
        return [line for line in (git_dir / "shallow").read_text("ascii").split() if _OID.fullmatch(line)]
    except FileNotFoundError:
        return []


def _write_shallow(git_dir: Path, commits: Sequence[str]) -> None:
    path = git_dir / "shallow"
    if commits:
        path.write_text("".join(f"{c}\n" for c in sorted(set(commits))), encoding="ascii")
    else:
        path.unlink(missing_ok=True)


def _empty_folder(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.EPERM, errno.EACCES):
            raise
