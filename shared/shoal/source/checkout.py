"""Getting a repository's source tree at an exact commit into the workspace, without trusting it.

Three rules shape this module:

* A repository spec and a ref come from users and webhooks, so both are parsed against an
  allowlist before git ever sees them: only `https://` on allowlisted hosts and local paths,
  refs by git's own refname rules or as hex commit ids. Nothing can reach git as an option or
  as a transport helper (`ext::`, `file::`, `--upload-pack=...`).
* Git must never run code the repository controls. Objects are fetched into a private, throwaway
  repository on local scratch storage (never the workspace: git's object store on NFS is
  pathologically slow), with hooks, fsmonitor, submodules, credential helpers and every config
  file but our own `-c` switched off. The tree is then written out blob by blob from
  `git ls-tree` + `git cat-file --batch`, which apply no filters, no textconv and, unlike
  `git archive`, no `.gitattributes` export-ignore/export-subst: a repository cannot hide files
  from the scan or rewrite them on the way out.
* Only regular files are exported. Symlinks and submodules are recorded as skipped, never
  followed or fetched, so nothing in the workspace points outside the scanned tree. So are blobs
  over the size cap (never read: their sizes come from `git ls-tree --long`) and entries of a
  crafted tree that clash with an earlier one (the same path twice, a file beside its folder).

Git runs through `subprocess` with an environment built from scratch rather than through
GitPython's `Git.execute`: GitPython always starts from `os.environ`, so a caller's
`GIT_DIR`, `GIT_OBJECT_DIRECTORY`, `GIT_CONFIG_PARAMETERS`, `GIT_SSH_COMMAND`... would leak
into every command, and a clean environment is the point of the exercise. (GitPython is still
what the tests use to build repositories.)

Local git repositories are fetched exactly like remote ones (their HEAD when no ref is given), so
uncommitted and untracked changes are NOT scanned. A local directory that is not a git repository
is read where it is, never copied (shoal.source.plaincopy, shoal.source.inplace), and its "commit" is a digest of
its content.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from shoal.source import changes

from shoal.source import packed, plaincopy
from shoal.source.changes import ChangeSet
from shoal.errors import InputError, RetryableError, SourceError
from shoal.source.inplace import InPlaceSource
from shoal.models import Exclusion
from shoal.pathnames import parent_folders, printable
from shoal.source.git import GIT_TIMEOUT_SECONDS, GitFailure, ScratchGit
from shoal.source.specs import RepoKind, RepoSpec, _CONTROL, _FULL_ID, _HEX_ID, validate_ref

if TYPE_CHECKING:
    from shoal.source.repocache import RepoCache, Seed



_COPY_CHUNK = 1024 * 1024
# The files that configure a scan are exported whatever the size cap (a committed baseline of a
# big repository can pass 1 MiB), up to this.
_CONFIG_FILE_MAX_BYTES = 64 * 1024 * 1024
_REPO_CONFIG = ".shoal.toml"  # shoal.repoconfig.FILE_NAME, which has a limit of its own



# --------------------------------------------------------------------------- checkout


@dataclass(frozen=True)
class CheckoutResult:
    """What `checkout` exported: small enough to checkpoint (counts, ids, skipped paths)."""

    commit: str  # full sha, or "tree-<digest>" for a plain directory
    ref: str | None
    files: int
    bytes: int
    kind: RepoKind
    skipped: tuple[Exclusion, ...] = field(default=())  # symlinks, submodules, unsafe paths
    changes: ChangeSet | None = None  # a diff scan's change set (not in to_dict: it can be long)
    incremental: IncrementalExport | None = None  # only what changed since a snapshot was exported
    in_place: InPlaceSource | None = None  # a plain folder read where it is (not in to_dict: it can be long)

    def to_dict(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "ref": self.ref,
            "files": self.files,
            "bytes": self.bytes,
            "kind": self.kind,
            "skipped": [s.to_dict() for s in self.skipped],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckoutResult:
        return cls(
            commit=data["commit"],
            ref=data.get("ref"),
            files=data["files"],
            bytes=data["bytes"],
            kind=data["kind"],
            skipped=tuple(Exclusion(**s) for s in data.get("skipped", ())),
        )


@dataclass(frozen=True)
class Since:
    """A results snapshot's commit (shoal.scan.incremental): export only what changed since it."""

    commit: str
    redo: frozenset[str] = frozenset()  # unchanged files to export and analyse again all the same


@dataclass(frozen=True)
class IncrementalExport:
    """What an incremental checkout exported, beside every path of the head's tree."""

    since: str
    exported: tuple[str, ...]  # changed, redone and configuring files, exported or skipped
    tree: tuple[str, ...]  # every path of the head's tree


def checkout(
    spec: RepoSpec,
    ref: str | None,
    dest: Path,
    scratch: Path,
    *,
    timeout: float = GIT_TIMEOUT_SECONDS,
    keep_git: bool = False,
    base: str | None = None,
    cache: RepoCache | None = None,
    since: Since | None = None,
    max_file_bytes: int | None = None,
    pack: bool = False,
    config_toml: str = "",
) -> CheckoutResult:
    """Export the tree of `spec` at `ref` (default: HEAD) into `dest`, using `scratch` for git.

    Safe to run twice: whatever a previous attempt left in `dest` is deleted first. Nothing is
    written outside `dest` and `scratch`; the git objects in `scratch` are deleted afterwards
    (Lambda's /tmp is small) unless `keep_git` asks to keep them for debugging.

    With `base`, the scan is of a change: the result carries the change set from the merge base
    of `base` and the head to the head, and only the files it touches (plus the files that
    configure a scan) are exported.

    With `cache`, the scratch repository starts from the repository's cached objects, so the
    fetch brings only what is new, and the cache gets what was fetched (shoal.source.repocache).

    With `since` (a full scan only), when the commit it names is at hand and the change from it
    touches nothing that configures a scan, only the changed files (and `since.redo`, and the
    configuring files) are exported: the rest is reused from a results snapshot. Otherwise the
    whole tree is, as without it.

    With `max_file_bytes`, a blob larger than that is never read nor written: it is skipped as
    `too-large`, as the inventory would leave it out (the files that configure a scan excepted).

    With `pack`, a whole-tree export goes into one blob file and an index beside `dest`
    (shoal.source.packed), with only the configuring files loose in `dest`: a few workspace files
    per scan instead of one per source file; so do a diff's and an incremental scan's exports.
    `config_toml` (a scan's `-c` file) names the rules folder to write loose instead of .shoal.toml.
    """
    if ref is not None:
        validate_ref(ref)
    dest = Path(dest)
    scratch = Path(scratch)
    if pack:
        packed.remove_beside(dest)  # an earlier attempt's pack must not outlive its tree
    if is_plain_directory(spec):
        if ref is not None:
            raise InputError(
                f"{spec.location} is not a git repository, so ref {ref!r} cannot be checked "
                "out: leave the ref out to scan the directory as it is"
            )
        if base is not None:
            raise InputError(f"{spec.location} is not a git repository, so it has no base {base!r} to diff against")
        # Nothing is written: the agents read the folder in place and check each file's digest.
        _refuse_overlap(dest, spec.path, copies_tree=True)
        capped = (lambda path, size: _too_large(path, size, max_file_bytes)) if max_file_bytes is not None else None
        read = plaincopy.read_tree(spec.path, capped)
        return CheckoutResult(
            commit=read.tree_id, ref=None, files=read.files, bytes=read.bytes, kind="local",
            skipped=read.skipped, in_place=InPlaceSource(str(spec.path), read.digests),
        )
    _prepare_dest(dest, spec.path if spec.kind == "local" else None)
    git = ScratchGit(scratch, spec.kind, timeout, max_file_bytes)
    try:
        found = _acquire_cached(git, spec, ref, base, dest, cache, since, config_toml if pack else None)
    finally:
        if not keep_git:
            shutil.rmtree(git.root, ignore_errors=True)
    return CheckoutResult(
        commit=found.commit, ref=ref, files=found.files, bytes=found.bytes, kind=spec.kind,
        skipped=found.skipped, changes=found.changes, incremental=found.incremental,
    )


@dataclass(frozen=True)
class _Acquired:
    commit: str
    files: int
    bytes: int
    skipped: tuple[Exclusion, ...]
    changes: ChangeSet | None = None
    incremental: IncrementalExport | None = None


def _acquire_cached(
    git: ScratchGit, spec: RepoSpec, ref: str | None, base: str | None, dest: Path, cache: RepoCache | None,
    since: Since | None = None, pack: str | None = None,
) -> _Acquired:
    """`_acquire`, starting from the cache's objects and adding what was fetched to the cache."""
    if cache is None:
        return _acquire(git, spec, ref, base, dest, None, since, pack)
    seed = cache.seed(git)
    try:
        found = _acquire(git, spec, ref, base, dest, seed, since, pack)
    except SourceError as exc:
        if not seed.hit:
            raise
        # Failing with the cache proves nothing about the remote: try again without it. If that
        # works, the cache was at fault and is rebuilt, unless it merely could not vouch for the ref.
        git = ScratchGit(git.root.parent, git.kind, git.timeout, git.max_file_bytes)
        _clear_directory(dest)
        found = _acquire(git, spec, ref, base, dest, None, pack=pack)
        seed.state = "miss" if isinstance(exc, _Unvouched) else "corrupt"
    change_set = found.changes
    cache.update(git, [found.commit, *((change_set.base, change_set.merge_base) if change_set else ())], seed)
    return found


def _acquire(
    git: ScratchGit, spec: RepoSpec, ref: str | None, base: str | None, dest: Path, seed: Seed | None,
    since: Since | None = None, pack: str | None = None,
) -> _Acquired:
    """Fetch the commit (and a diff scan's base) into `git` and export what the scan needs."""
    # With cached objects present, only a commit the remote itself named is accepted.
    commit = _fetch_commit(git, spec, ref, trust_local=seed is None or not seed.hit)
    if base is None:
        partial = _export_incremental(git, since, commit, dest, pack) if since is not None else None
        if partial is not None:
            return partial
        if pack is not None:  # the `-c` text, "" for the repository's own .shoal.toml
            return _Acquired(commit, *_pack_tree(git, commit, dest, pack))
        return _Acquired(commit, *_export_tree(git, commit, dest))
    change_set = _changes_since(git, spec, validate_ref(base), commit)
    return _Acquired(commit, *_export_change(git, change_set, dest, pack), changes=change_set)


def is_plain_directory(spec: RepoSpec) -> bool:
    """A local folder that is not a git repository: read where it is, with no commit to cache."""
    return spec.kind == "local" and not is_git_repository(spec.path)


def is_git_repository(path: Path) -> bool:
    # Decided from the file system alone: running git inside an untrusted working tree reads its
    # config (core.fsmonitor and friends), which is exactly what must not happen.
    dot_git = path / ".git"
    try:
        if dot_git.is_dir() or dot_git.is_file():
            return True
        return (path / "HEAD").is_file() and (path / "objects").is_dir() and (path / "refs").is_dir()
    except PermissionError:
        raise InputError(f"cannot read the folder {path}: permission denied; scan a folder you can read") from None


def _prepare_dest(dest: Path, repository: Path | None) -> None:
    """Refuse a destination that would destroy or swallow the local repository it exports, then
    empty it (of a previous attempt's export)."""
    _refuse_overlap(dest, repository)
    if dest.is_symlink():
        raise SourceError(f"the destination {dest} is a symlink: refusing to write through it")
    dest.mkdir(parents=True, exist_ok=True)
    _clear_directory(dest)


def _refuse_overlap(dest: Path, repository: Path | None, *, copies_tree: bool = False) -> None:
    """Clearing a destination that contains the repository would delete the user's files, and a
    workspace inside a plain folder read in place would be read as part of it, while it is being
    written. A git repository is exported from its objects, not its working tree, so a workspace
    inside the working tree (the default `.shoal/` of `make scan`) is fine, anywhere but `.git`.
    """
    if repository is not None:
        resolved = dest.resolve()
        inside = resolved.is_relative_to(repository / ".git") or (
            copies_tree and resolved.is_relative_to(repository)
        )
        if inside or repository.is_relative_to(resolved):
            raise InputError(
                f"the destination {dest} and the repository {repository} overlap: "
                "choose a workspace outside the repository"
            )


def _clear_directory(directory: Path) -> None:
    """Delete everything in `directory` (a previous partial export), keeping the folder itself.

    Deleting rather than renaming aside: directory renames are not atomic on the workspace.
    """
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)


def _fetch_commit(git: ScratchGit, spec: RepoSpec, ref: str | None, *, trust_local: bool = True) -> str:
    """Fetch `ref` (shallow when the server allows it) and return its exact commit id.

    The fallback for abbreviated ids and servers refusing a fetch by id looks the commit up in
    the local objects; `trust_local=False` (objects from the cache are there) refuses it instead.
    """
    wanted = ref if ref is not None else "HEAD"
    shallow_failure: GitFailure | None = None
    if ref is None or not _HEX_ID.fullmatch(ref) or _FULL_ID.fullmatch(ref):
        # "--" is not accepted between url and refspec by fetch, so the refspec's safety comes
        # from validate_ref (no leading '-') and the url's from parse_repository / an absolute path.
        try:
            git.run("fetch", "--depth=1", "--no-tags", "--no-recurse-submodules",
                    "--quiet", spec.url, wanted)
            return _resolve(git, "FETCH_HEAD", spec, ref)
        except GitFailure as exc:
            if exc.transient:
                raise _retryable(spec, exc) from None
            if exc.no_such_ref and not _HEX_ID.fullmatch(wanted):
                raise SourceError(
                    f"{spec.location} has no branch or tag {wanted!r} ({exc.first_line}): "
                    "check the name"
                ) from None
            shallow_failure = exc
    if not trust_local:
        raise _Unvouched(f"{spec.location}: {wanted!r} was not fetched by name or id")
    return _full_fetch_and_resolve(git, spec, wanted, shallow_failure)


class _Unvouched(SourceError):
    """The remote did not name the commit itself, and cached objects may not stand in for it."""


def _full_fetch_and_resolve(
    git: ScratchGit, spec: RepoSpec, wanted: str, earlier: GitFailure | None
) -> str:
    # Abbreviated ids cannot be fetched by name and some servers refuse a shallow fetch of an
    # unadvertised commit: bring every branch and tag, then let rev-parse find it locally.
    try:
        git.run("fetch", "--no-tags", "--no-recurse-submodules", "--quiet", spec.url,
                "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*")
    except GitFailure as exc:
        if exc.transient:
            raise _retryable(spec, exc) from None
        raise SourceError(
            f"could not fetch {spec.location}: {exc.first_line}. Check that it is a git "
            "repository you can read"
        ) from None
    try:
        return _resolve(git, wanted, spec, wanted)
    except SourceError:
        detail = f" ({earlier.first_line})" if earlier is not None else ""
        raise SourceError(
            f"{spec.location} has no branch, tag or commit {wanted!r}{detail}: check the ref"
        ) from None


def _resolve(git: ScratchGit, name: str, spec: RepoSpec, ref: str | None) -> str:
    try:
        out = git.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
    except GitFailure:
        raise SourceError(
            f"{spec.location}: {ref or 'HEAD'!r} does not name a commit"
        ) from None
    commit = out.strip()
    if not _FULL_ID.fullmatch(commit):
        raise SourceError(f"{spec.location}: {ref or 'HEAD'!r} resolved to {commit!r}, not a commit")
    return commit


def _retryable(spec: RepoSpec, exc: GitFailure) -> RetryableError:
    return RetryableError(
        f"fetching {spec.location} failed with what looks like a network or server problem "
        f"({exc.first_line}): try again later"
    )


# --------------------------------------------------------------------------- tree export


@dataclass(frozen=True)
class _TreeEntry:
    mode: str
    kind: str
    oid: str
    path: str
    size: int | None = None  # a blob's size in bytes (None for submodules)


def _list_tree(git: ScratchGit, commit: str) -> list[_TreeEntry]:
    # --long gives each blob's size from its object header, so a blob over the size cap is
    # skipped without being read (on a 7,000-file tree as fast as without it).
    try:
        out = git.run("ls-tree", "-r", "-z", "--long", "--full-tree", "--end-of-options", commit)
    except GitFailure as exc:
        raise SourceError(f"could not list the files of commit {commit}: {exc.first_line}") from None
    entries = []
    for record in out.split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, oid, size = meta.split()
        entries.append(_TreeEntry(mode=mode, kind=kind, oid=oid, path=path, size=int(size) if size.isdigit() else None))
    return entries


def _unsafe_path(path: str) -> bool:
    # Well-formed git trees never have these, but a hostile server can send one.
    parts = path.split("/")  # not PurePosixPath.parts, which hides "a//b" and "a/./b" (and is slower)
    return (
        not path
        or path.startswith("/")
        or any(p in ("", ".", "..") or p.lower() == ".git" for p in parts)
        or bool(_CONTROL.search(path))
    )


def _export_tree(
    git: ScratchGit, commit: str, dest: Path, keep: Callable[[str], bool] | None = None,
    entries: Sequence[_TreeEntry] | None = None,
) -> tuple[int, int, tuple[Exclusion, ...]]:
    """Write the regular files of `commit` (those `keep` accepts, if given) into `dest`;
    `entries` is the commit's tree when the caller has listed it already."""
    blobs: list[_TreeEntry] = []
    skipped: list[Exclusion] = []
    for entry in _list_tree(git, commit) if entries is None else entries:
        if keep is not None and not keep(entry.path):
            continue
        reason = _skip_reason(entry, git.max_file_bytes)
        if reason:
            skipped.append(Exclusion(path=printable(entry.path), reason=reason))
        else:
            blobs.append(entry)
    files = size = 0
    root = str(dest)
    with _BlobReader(git, [entry.oid for entry in blobs]) as reader:
        for entry in blobs:
            target = os.path.join(root, *entry.path.split("/"))
            try:
                written = reader.write_blob(entry.oid, target, executable=entry.mode == "100755")
            except _PathClash:
                # A hostile tree can hold both "a" and "a/b", or the same path twice: the first
                # entry in the tree's order is exported, the ones that clash with it are skipped.
                skipped.append(Exclusion(path=printable(entry.path), reason="path-clash"))
                continue
            files += 1
            size += written
    return files, size, tuple(sorted(skipped, key=lambda e: (e.path, e.reason)))


def _pack_tree(
    git: ScratchGit, commit: str, dest: Path, config_toml: str = "", entries: Sequence[_TreeEntry] | None = None,
    keep: Callable[[str], bool] | None = None, more: Callable[[Path], Callable[[str], bool] | None] | None = None,
) -> tuple[int, int, tuple[Exclusion, ...]]:
    """As `_export_tree`, into one pack and its index beside `dest`; the configuring files (and the
    rules folder .shoal.toml names) are also written loose in `dest`. `more`, given `dest` once the
    configuring files of the first pass are there, names further paths to pack (a diff's rules
    folder, known only from its .shoal.toml), as a loose export's second pass exports them."""
    listed = _list_tree(git, commit) if entries is None else entries
    writer = packed.PackWriter(dest)
    skipped: list[Exclusion] = []
    try:
        _pack_entries(git, writer, [e for e in listed if keep is None or keep(e.path)], skipped)
        if more is not None:
            writer.flush()
            first = writer.source()
            try:
                _copy_out(first, dest, changes.is_config_path)
            finally:
                first.close()
            extra = more(dest)
            if extra is not None:
                _pack_entries(git, writer, [e for e in listed if extra(e.path)], skipped)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    tree = writer.source()
    try:
        _write_configuring(tree, dest, config_toml, written=more is not None)
    finally:
        tree.close()
    size = sum(e.size for e in writer.entries.values())
    return len(writer.entries), size, tuple(sorted(set(skipped), key=lambda e: (e.path, e.reason)))


def _pack_entries(git: ScratchGit, writer: packed.PackWriter, entries: Sequence[_TreeEntry],
                  skipped: list[Exclusion]) -> None:
    """Append the regular files among `entries` to the pack; the others, and paths that clash with
    one packed already, go to `skipped`."""
    blobs: list[_TreeEntry] = []
    for entry in entries:
        reason = _skip_reason(entry, git.max_file_bytes)
        if reason:
            skipped.append(Exclusion(path=printable(entry.path), reason=reason))
        else:
            blobs.append(entry)
    with _BlobReader(git, [entry.oid for entry in blobs]) as reader:
        for entry in blobs:
            try:
                writer.claim(entry.path)
            except packed.PathClash:
                # As a loose export: the first entry in the tree's order wins, the clashing ones are skipped.
                reader.skip_blob(entry.oid)
                skipped.append(Exclusion(path=printable(entry.path), reason="path-clash"))
                continue
            writer.append(entry.path, reader.blob_chunks(entry.oid), entry.mode == "100755")


def _write_configuring(source: packed.PackedSource, dest: Path, config_toml: str = "", written: bool = False) -> None:
    """Write loose what the plan reads from disk: ignore files, .shoal.toml, the baseline (unless
    `written` already), the rules folder."""
    if not written:
        _copy_out(source, dest, changes.is_config_path)
    from shoal.repoconfig import configured  # here: repoconfig is not needed by most exports

    try:
        folder = configured(dest, config_toml).rules_folder  # as the plan will read it
    except InputError:
        return  # the plan reports the broken .shoal.toml, as it does for a loose export
    if folder:
        _copy_out(source, dest, lambda path: changes.under_folder(path, folder) and not changes.is_config_path(path))


def _copy_out(source: packed.PackedSource, dest: Path, wanted: Callable[[str], bool]) -> None:
    for path in source.entries:
        if wanted(path):
            source.copy_out(path, dest.joinpath(*path.split("/")))


def _skip_reason(entry: _TreeEntry, max_file_bytes: int | None = None) -> str | None:
    if _unsafe_path(entry.path):
        return "unsafe-path"
    if entry.mode == "120000":
        return "symlink"
    if entry.mode == "160000" or entry.kind == "commit":
        return "submodule"
    if entry.kind != "blob" or entry.mode not in ("100644", "100755", "100664"):
        return "special-file"
    if max_file_bytes is not None and _too_large(entry.path, entry.size or 0, max_file_bytes):
        return "too-large"
    return None


def _too_large(path: str, size: int, max_file_bytes: int) -> bool:
    """Over the cap, for a file the inventory would analyse; over their own limit for the files
    that configure the scan. A `.shoal.toml` over its limit fails the scan, as reading it would."""
    if path == _REPO_CONFIG:
        from shoal.repoconfig import check_size  # here: repoconfig is not needed by most exports

        check_size(size)
        return False
    if changes.is_config_path(path):
        return size > max(max_file_bytes, _CONFIG_FILE_MAX_BYTES)
    return size > max_file_bytes


class _BlobReader:
    """Streams blobs out of one `git cat-file --batch` process (raw bytes: no filters at all).

    A thread writes every object id up front, so git never waits for us to ask for the next
    blob: asking one at a time cost a pipe round trip per file, 0.6 s on a 7,000-file tree.
    """

    def __init__(self, git: ScratchGit, oids: Sequence[str]) -> None:
        self._git = git
        self._oids = oids
        self._proc: subprocess.Popen[bytes] | None = None
        self._feeder: threading.Thread | None = None
        self._made: set[str] = set()

    def __enter__(self) -> _BlobReader:
        # --buffer: every id is asked up front, so git need not flush after each blob (a third faster).
        self._proc = self._git.popen("cat-file", "--batch", "--buffer")
        self._feeder = threading.Thread(target=self._feed, name="cat-file-feeder", daemon=True)
        self._feeder.start()
        return self

    def _feed(self) -> None:
        stdin = self._proc.stdin if self._proc else None
        if stdin is None:
            return
        try:
            stdin.write(b"".join(oid.encode("ascii") + b"\n" for oid in self._oids))
            stdin.close()
        except (BrokenPipeError, ValueError):
            pass  # git went away; the reader reports the missing output

    def __exit__(self, *exc_info: object) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.stdout:
            proc.stdout.close()  # unblocks the feeder if we stopped reading early
        if self._feeder is not None:
            self._feeder.join(timeout=30)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def write_blob(self, oid: str, target: str, *, executable: bool) -> int:
        """Write the next blob, which must be `oid`: they come in the order they were asked for."""
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        header = proc.stdout.readline().decode("ascii", "replace").split()
        if len(header) != 3 or header[0] != oid or header[1] != "blob":
            raise SourceError(f"git could not read blob {oid} ({' '.join(header)})")
        size = int(header[2])
        try:
            _write_stream(proc.stdout, size, target, executable, self._made)
        except _PathClash:
            # The blob and the newline after it are read all the same: left in the pipe, they
            # were taken for the next blob's header and failed the whole export.
            _discard(proc.stdout, size)
            self._end_of_blob(oid)
            raise
        self._end_of_blob(oid)
        return size

    def _next_size(self, oid: str) -> int:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        header = proc.stdout.readline().decode("ascii", "replace").split()
        if len(header) != 3 or header[0] != oid or header[1] != "blob":
            raise SourceError(f"git could not read blob {oid} ({' '.join(header)})")
        return int(header[2])

    def blob_chunks(self, oid: str) -> Iterator[bytes]:
        """The next blob, which must be `oid`, in chunks (consume them all before asking for another)."""
        assert self._proc is not None and self._proc.stdout is not None
        remaining = self._next_size(oid)
        while remaining:
            chunk = self._proc.stdout.read(min(remaining, _COPY_CHUNK))
            if not chunk:
                raise SourceError(f"git stopped in the middle of blob {oid}: the export is incomplete")
            remaining -= len(chunk)
            yield chunk
        self._end_of_blob(oid)

    def skip_blob(self, oid: str) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        _discard(self._proc.stdout, self._next_size(oid))
        self._end_of_blob(oid)

    def _end_of_blob(self, oid: str) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        if self._proc.stdout.read(1) != b"\n":
            raise SourceError(f"git cat-file output for {oid} was malformed")


class _PathClash(Exception):
    """The path cannot be created because another entry already took its place."""


def _discard(stream: IO[bytes], size: int) -> None:
    while size:
        chunk = stream.read(min(size, _COPY_CHUNK))
        if not chunk:
            raise SourceError("git stopped in the middle of a blob: the export is incomplete")
        size -= len(chunk)


def _write_stream(stream: IO[bytes], size: int, target: str, executable: bool, made: set[str]) -> None:
    # O_EXCL as well as O_NOFOLLOW: dest was emptied, so an existing path means the tree names
    # it twice, and the export never writes through a symlink.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    folder = os.path.dirname(target)
    try:
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        fd = os.open(target, flags, 0o755 if executable else 0o644)
    except (FileExistsError, NotADirectoryError, IsADirectoryError):
        raise _PathClash(str(target)) from None
    with os.fdopen(fd, "wb") as out:
        remaining = size
        while remaining:
            chunk = stream.read(min(remaining, _COPY_CHUNK))
            if not chunk:
                raise SourceError(f"git stopped while writing {os.path.basename(target)}: the export is incomplete")
            out.write(chunk)
            remaining -= len(chunk)


# --------------------------------------------------------------------------- changes (diff scans)

# History fetched behind the head and the base until they meet: most pull requests branch off
# recently, so a shallow fetch usually finds the merge base; None fetches the whole history.
_BASE_DEPTHS: tuple[int | None, ...] = (64, 1024, None)
_BASE_REF = "refs/shoal/base"


def _changes_since(git: ScratchGit, spec: RepoSpec, base: str, head: str) -> ChangeSet:
    """Fetch `base` and enough history to find where it and `head` meet, then diff from there."""
    if _FULL_ID.fullmatch(base):
        # Objects are named by their content, so a base commit already here (a repository cache)
        # with enough history to meet the head needs no fetch; a branch name always asks the remote.
        merge_base = _merge_base(git, base, head)
        if merge_base is not None:
            return _diff(git, base, merge_base, head)
    for depth in _BASE_DEPTHS:
        history = [f"--depth={depth}"] if depth else (["--unshallow"] if (git.git_dir / "shallow").exists() else [])
        try:
            if _HEX_ID.fullmatch(base) and not _FULL_ID.fullmatch(base):
                git.run("fetch", "--no-tags", "--no-recurse-submodules", "--quiet", *history, spec.url, head)
                base_commit = _full_fetch_and_resolve(git, spec, base, None)
            else:
                # One fetch for both: the head's history and the base, kept under a private ref.
                git.run("fetch", "--no-tags", "--no-recurse-submodules", "--quiet", *history, spec.url, head,
                        f"+{base}:{_BASE_REF}")
                base_commit = _resolve(git, _BASE_REF, spec, base)
        except GitFailure as exc:
            if exc.transient:
                raise _retryable(spec, exc) from None
            raise SourceError(f"{spec.location} has no base {base!r} to diff against ({exc.first_line}): "
                              "check the base ref") from None
        merge_base = _merge_base(git, base_commit, head)
        if merge_base is not None:
            return _diff(git, base_commit, merge_base, head)
    raise SourceError(f"{base!r} and {head[:12]} have no common history in {spec.location}: "
                      "a diff scan needs a base the head was branched from")


def _merge_base(git: ScratchGit, base: str, head: str) -> str | None:
    """Where `base` and `head` meet, or None when the history at hand does not reach that far."""
    try:
        found = git.run("merge-base", "--end-of-options", base, head).strip()
    except GitFailure:
        return None
    return found if _FULL_ID.fullmatch(found) else None


def _diff(git: ScratchGit, base: str, merge_base: str, head: str) -> ChangeSet:
    try:
        return changes.diff(git.run, base, merge_base, head)
    except (GitFailure, ValueError) as exc:
        raise SourceError(f"could not diff {base[:12]}...{head[:12]}: {exc}") from None


def _export_change(
    git: ScratchGit, change_set: ChangeSet, dest: Path, pack: str | None = None
) -> tuple[int, int, tuple[Exclusion, ...]]:
    """Export the touched files and what configures the scan: ignore files, .shoal.toml, the
    committed baseline, then the repository's own rules folder once .shoal.toml has named it.
    With `pack` (the `-c` text), into one pack and its index, the configuring files also loose."""
    from shoal.repoconfig import load_repo_config  # here: repoconfig is not needed for full scans

    touched = change_set.touched
    entries = _list_tree(git, change_set.head)  # once for both passes

    def first(path: str) -> bool:
        return path in touched or changes.is_config_path(path)

    def rules(root: Path) -> Callable[[str], bool] | None:
        folder = load_repo_config(root).rules_folder
        if not folder:
            return None
        return lambda p: changes.under_folder(p, folder) and p not in touched and not changes.is_config_path(p)

    if pack is not None:
        return _pack_tree(git, change_set.head, dest, pack, entries, keep=first, more=rules)
    files, size, skipped = _export_tree(git, change_set.head, dest, first, entries)
    more = rules(dest)
    if more is not None:
        more_files, more_size, more_skipped = _export_tree(git, change_set.head, dest, more, entries)
        files, size = files + more_files, size + more_size
        skipped = tuple(sorted({*skipped, *more_skipped}, key=lambda e: (e.path, e.reason)))
    return files, size, skipped


class _RulesChanged(Exception):
    """An incremental export found the change touching the repository's rules folder."""


def _export_incremental(
    git: ScratchGit, since: Since, head: str, dest: Path, pack: str | None = None
) -> _Acquired | None:
    """Export what changed from `since.commit` to `head`, what must be redone and what configures
    the scan (with `pack`, into one pack and its index, the configuring files also loose); None
    (nothing left written) when the whole tree must be exported instead."""
    changed = _changed_paths(git, since.commit, head)
    if changed is None or any(changes.is_config_path(p) for p in changed):
        return None
    entries = _list_tree(git, head)
    tree = [e.path for e in entries]
    folders = parent_folders(tree)
    # Paths the reports would show escaped cannot be matched with a snapshot's; a deleted file
    # whose name is now a folder would leave its old exclusion looking like the folder's.
    if any(printable(p) != p for p in tree) or any(p in folders for p in changed):
        return None
    from shoal.repoconfig import load_repo_config  # here: repoconfig is not needed for full scans

    present = set(tree)
    wanted = {p for p in changed | since.redo if p in present}
    found: list[str | None] = []

    def rest(root: Path) -> Callable[[str], bool]:
        """The changed and redone files and the rules folder, once the configuring files are written."""
        rules = load_repo_config(root).rules_folder
        if rules and any(changes.under_folder(p, rules) for p in changed):
            raise _RulesChanged
        found.append(rules)
        return lambda p: (p in wanted or changes.under_folder(p, rules)) and not changes.is_config_path(p)

    try:
        if pack is not None:
            files, size, clashes = _pack_tree(git, head, dest, pack, entries, keep=changes.is_config_path, more=rest)
        else:
            files, size, clashes = _export_tree(git, head, dest, changes.is_config_path, entries)
            more_files, more_size, more_clashes = _export_tree(git, head, dest, rest(dest), entries)
            files, size, clashes = files + more_files, size + more_size, (*clashes, *more_clashes)
    except _RulesChanged:
        _clear_directory(dest)
        packed.remove_beside(dest)
        return None
    rules = found[0]
    exported = {p for p in tree if p in wanted or changes.is_config_path(p) or changes.under_folder(p, rules)}
    # Symlinks, submodules and files over the cap of the whole tree, as a full export would list them.
    listed = {Exclusion(path=e.path, reason=r) for e in entries if (r := _skip_reason(e, git.max_file_bytes))}
    skipped = tuple(sorted({*listed, *clashes}, key=lambda e: (e.path, e.reason)))
    partial = IncrementalExport(since=since.commit, exported=tuple(sorted(exported)), tree=tuple(tree))
    return _Acquired(head, files, size, skipped, incremental=partial)


def _changed_paths(git: ScratchGit, since: str, head: str) -> set[str] | None:
    """Paths added, modified, deleted or changed in type from `since` to `head`; None when
    `since` is not here (not in the cache any more) or git cannot tell."""
    if not _FULL_ID.fullmatch(since):
        return None
    try:
        git.run("cat-file", "-e", f"{since}^{{commit}}")
        out = git.run("diff", "-z", "--name-status", "--no-renames", "--no-ext-diff", "--no-textconv",
                      "--end-of-options", since, head)
        return {path for _, _, path in changes.parse_name_status(out)}
    except (GitFailure, ValueError):
        return None


def fetch_history(spec: RepoSpec, scratch: Path, cache: RepoCache | None = None,
                  timeout: float = GIT_TIMEOUT_SECONDS) -> Path:
    """A bare repository in `scratch` with every branch and tag of the remote `spec` and their
    whole history (for `--history`), HEAD at the remote's HEAD. It starts from the repository
    cache's objects, so a repeat fetches only what is new, and the cache gets what was fetched
    (the cache's shallow scans' packs deepen into the full history once)."""
    git = ScratchGit(scratch, spec.kind, timeout)
    seed = cache.seed(git) if cache is not None else None
    deepen = ["--unshallow"] if (git.git_dir / "shallow").exists() else []
    try:
        git.run("fetch", *deepen, "--no-tags", "--no-recurse-submodules", "--quiet", spec.url,
                "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*", "+HEAD:refs/shoal/remote-head")
    except GitFailure as exc:
        if exc.transient:
            raise _retryable(spec, exc) from None
        raise SourceError(f"could not fetch the history of {spec.location}: {exc.first_line}") from None
    head = _resolve(git, "refs/shoal/remote-head", spec, None)
    git.run("update-ref", "--no-deref", "HEAD", head)
    if cache is not None and seed is not None:
        tips = git.run("for-each-ref", "--format=%(objectname)", "refs/heads", "refs/tags").split()
        cache.update(git, [head, *tips], seed)
    return git.git_dir
