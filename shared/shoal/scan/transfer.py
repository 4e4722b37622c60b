"""The workspace through the S3 API, for the `Split` network layout: functions outside the VPC
(the orchestrator: GitHub, the checkpoint API) cannot mount S3 Files, so they hand folders to the
workspace function in the VPC, and back, as single archive objects in a transfer bucket.

Why a bucket of its own and not the workspace bucket: S3 Files imports objects written to its
bucket into the file system asynchronously and treats the bucket as the source of truth on a
conflict, so a PUT under a path the mount also writes could undo a file written there. The
transfer bucket is linked to no file system: what is put there is read back, byte for byte, by
the next function, and nothing else sees it.

Also here: the repository cache (git packs) kept in the transfer bucket, so a checkout outside the
VPC still fetches only what is new (`CacheSync`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from shoal.errors import InputError, RetryableError, ShoalError

# Not settings: they name infrastructure, so they come from the function's environment only,
# never from an event's options.
ENV_WORKSPACE_FUNCTION = "SHOAL_WORKSPACE_FUNCTION"
ENV_TRANSFER_BUCKET = "SHOAL_TRANSFER_BUCKET"
_CHUNK = 1024 * 1024


class TransferError(ShoalError):
    """An archive is missing, altered or holds something other than plain files and folders."""


class S3Client(Protocol):
    """The calls this module makes (a boto3 S3 client has them)."""

    def put_object(self, **kwargs: Any) -> Mapping[str, Any]: ...
    def get_object(self, **kwargs: Any) -> Mapping[str, Any]: ...
    def list_objects_v2(self, **kwargs: Any) -> Mapping[str, Any]: ...
    def delete_object(self, **kwargs: Any) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class RemoteWorkspace:
    """Where the workspace stages run when this function has no mount: the workspace function (a
    qualified ARN) and the transfer bucket."""

    function: str
    bucket: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RemoteWorkspace | None:
        env = os.environ if env is None else env
        function, bucket = env.get(ENV_WORKSPACE_FUNCTION, ""), env.get(ENV_TRANSFER_BUCKET, "")
        if not function and not bucket:
            return None
        if not (function and bucket):
            raise InputError(f"set both {ENV_WORKSPACE_FUNCTION} and {ENV_TRANSFER_BUCKET}, or neither")
        return cls(function, bucket)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> RemoteWorkspace | None:
        return cls(str(data["function"]), str(data["bucket"])) if data else None


@dataclass(frozen=True)
class ArchiveRef:
    """One archive object: where it is and the sha256 of its bytes, checked before it is opened."""

    bucket: str
    key: str
    sha256: str
    size: int
    files: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArchiveRef:
        try:
            return cls(str(data["bucket"]), str(data["key"]), str(data["sha256"]), int(data["size"]),
                       int(data["files"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"the archive record is missing or has a bad field: {exc}") from None


def s3_client() -> S3Client:
    """boto3's S3 client, imported only where the Split layout needs it."""
    import boto3

    client: S3Client = boto3.client("s3")
    return client


# ---------------------------------------------------------------------------------------- archives


def put_folder(s3: S3Client, bucket: str, key: str, root: Path, members: Sequence[str]) -> ArchiveRef:
    """Archive `members` (files or folders, relative to `root`; absent ones are left out) as one
    gzipped tar and put it at `key`. The archive is spooled to a temporary file, not memory."""
    with tempfile.TemporaryFile() as spool:
        files = _write_tar(spool, root, members)
        size = spool.tell()
        spool.seek(0)
        digest = _sha256(spool)
        spool.seek(0)
        _call(s3.put_object, Bucket=bucket, Key=key, Body=spool, ContentLength=size,
              Metadata={"sha256": digest})
    return ArchiveRef(bucket, key, digest, size, files)


def get_folder(s3: S3Client, ref: ArchiveRef, root: Path) -> int:
    """Unpack the archive `ref` names under `root`, after checking its sha256; returns the files
    written. Extracted into a temporary sibling first and moved into place member by member, so a
    retried call after a crash simply writes the same files again."""
    with tempfile.TemporaryFile() as spool:
        response = _call(s3.get_object, Bucket=ref.bucket, Key=ref.key)
        shutil.copyfileobj(response["Body"], spool, _CHUNK)
        spool.seek(0)
        if _sha256(spool) != ref.sha256:
            raise TransferError(f"s3://{ref.bucket}/{ref.key} is not the archive that was put there (sha256 differs)")
        spool.seek(0)
        root.mkdir(parents=True, exist_ok=True)
        for stale in root.glob(".unpack-*"):  # left by an attempt that crashed mid-unpack
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=".unpack-", dir=root))
        try:
            files = _extract(spool, staging)
            for entry in sorted(staging.iterdir()):
                target = root / entry.name
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)  # an earlier attempt's copy: replaced whole
                os.replace(entry, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return files


def put_file(s3: S3Client, bucket: str, key: str, path: Path) -> None:
    with open(path, "rb") as handle:
        _call(s3.put_object, Bucket=bucket, Key=key, Body=handle)


def get_verified(s3: S3Client, bucket: str, key: str, sha256: str) -> bytes:
    """A small object's bytes, refused unless they have this sha256."""
    data: bytes = _call(s3.get_object, Bucket=bucket, Key=key)["Body"].read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise TransferError(f"s3://{bucket}/{key} is not the file the checkout used (sha256 differs)")
    return data


def delete_object(s3: S3Client, bucket: str, key: str) -> None:
    _call(s3.delete_object, Bucket=bucket, Key=key)


def _write_tar(spool: Any, root: Path, members: Sequence[str]) -> int:
    import tarfile  # here: the orchestrator imports this module on every local scan, which never archives

    files = 0
    # Level 1: most of gzip's reduction of source text for a fraction of level 9's CPU (transfer_bench.py).
    with tarfile.open(fileobj=spool, mode="w:gz", compresslevel=1) as tar:
        for name in members:
            for path in _walk(root / name):
                if path.is_symlink() or not (path.is_file() or path.is_dir()):
                    continue  # the export never writes links or special files; never ship one
                info = tar.gettarinfo(str(path), arcname=path.relative_to(root).as_posix())
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                if path.is_file():
                    with open(path, "rb") as handle:
                        tar.addfile(info, handle)
                    files += 1
                else:
                    tar.addfile(info)
    return files


def _walk(path: Path) -> Iterator[Path]:
    """`path` and, for a folder, everything under it, folders before their contents."""
    if not path.exists() and not path.is_symlink():
        return
    yield path
    if path.is_dir() and not path.is_symlink():
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames.sort()
            for name in [*sorted(dirnames), *sorted(filenames)]:
                yield Path(dirpath) / name


def _extract(spool: Any, staging: Path) -> int:
    """Extract plain files and folders only; tarfile's `data` filter refuses absolute paths, `..`
    and modes that would make a file special, and anything else (links, devices) is refused here."""
    import tarfile
    import zlib

    files = 0
    try:
        with tarfile.open(fileobj=spool, mode="r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                if not (member.isfile() or member.isdir()):
                    raise TransferError(f"the archive holds {member.name!r}, which is neither a file nor a folder")
                if member.name.startswith("/") or ".." in member.name.split("/"):
                    raise TransferError(f"the archive names {member.name!r}, outside the folder it unpacks into")
                files += member.isfile()
            tar.extractall(staging, members=members, filter="data")
    except (tarfile.TarError, EOFError, zlib.error) as exc:  # a full disk (OSError) is not the archive's fault
        raise TransferError(f"the archive cannot be unpacked: {exc}") from None
    return files


def _sha256(handle: Any) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _call(method: Any, **kwargs: Any) -> Mapping[str, Any]:
    """One S3 call; a missing object or bucket is terminal, throttling and 5xx worth a retry."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        result: Mapping[str, Any] = method(**kwargs)
        return result
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code, status = str(error.get("Code", "")), int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))
        where = f"s3://{kwargs.get('Bucket')}/{kwargs.get('Key', kwargs.get('Prefix', ''))}"
        if status >= 500 or code in ("SlowDown", "RequestTimeout", "InternalError"):
            raise RetryableError(f"S3 answered {code or status} for {where}; try again") from None
        raise TransferError(f"S3 refused {where}: {code} {error.get('Message', '')}".rstrip()) from None
    except BotoCoreError as exc:
        raise RetryableError(f"S3 could not be reached: {exc}") from None


# ---------------------------------------------------------------------------------- repository cache


@dataclass
class CacheSync:
    """A repository cache folder mirrored from and back to `prefix` in the transfer bucket.

    `pull` copies every object under the prefix whose local copy is missing or of another size
    (packs and snapshots are named by their content), and the manifest, which names the cache's
    state, always; it remembers each local file's size and mtime. `push` puts back what the
    checkout added or rewrote, packs before the manifest that names them, and deletes the objects
    of files the checkout removed (packs merged into one). Two scans of one
    repository racing can leave a manifest naming a pack the other deleted: the cache then fails
    its sha256 check on the next read and is rebuilt from the remote (shoal.source.repocache), never trusted.
    """

    s3: S3Client
    bucket: str
    prefix: str
    folder: Path
    seen: dict[str, tuple[int, int]] | None = None

    def pull(self) -> int:
        from shoal.source.repocache import MANIFEST  # what the cache holds, rewritten by each update

        self.folder.mkdir(parents=True, exist_ok=True)
        listed = self._listing()
        copied = 0
        for name, (size, modified) in listed.items():
            local = self.folder / name
            if name != MANIFEST and local.is_file() and local.stat().st_size == size:
                continue
            local.parent.mkdir(parents=True, exist_ok=True)
            body = _call(self.s3.get_object, Bucket=self.bucket, Key=self.prefix + name)["Body"]
            partial = local.with_name(f".{local.name}.part")
            with open(partial, "wb") as handle:
                shutil.copyfileobj(body, handle, _CHUNK)
            if modified is not None:  # results snapshots are chosen newest first, by mtime
                os.utime(partial, (modified, modified))
            os.replace(partial, local)
            copied += 1
        self.seen = {name: _signature(self.folder / name) for name in listed}
        return copied

    def push(self) -> int:
        from shoal.source.repocache import MANIFEST

        if self.seen is None:
            raise RuntimeError("push() before pull()")
        now = self._local_files()
        changed = sorted(name for name, signature in now.items() if self.seen.get(name) != signature)
        # The manifest last: a reader never sees it name a pack not yet uploaded.
        for name in sorted(changed, key=lambda n: n == MANIFEST):
            with open(self.folder / name, "rb") as handle:
                _call(self.s3.put_object, Bucket=self.bucket, Key=self.prefix + name, Body=handle)
        for name in sorted(set(self.seen) - set(now)):
            delete_object(self.s3, self.bucket, self.prefix + name)
        return len(changed)

    def _listing(self) -> dict[str, tuple[int, float | None]]:
        found: dict[str, tuple[int, float | None]] = {}
        token: str | None = None
        while True:
            page = _call(self.s3.list_objects_v2, Bucket=self.bucket, Prefix=self.prefix,
                         **({"ContinuationToken": token} if token else {}))
            for item in page.get("Contents", ()):
                name = str(item["Key"])[len(self.prefix):]
                if _safe_name(name):
                    modified = item.get("LastModified")
                    found[name] = (int(item["Size"]), modified.timestamp() if modified is not None else None)
            token = page.get("NextContinuationToken")
            if not page.get("IsTruncated") or not token:
                return found

    def _local_files(self) -> dict[str, tuple[int, int]]:
        return {
            path.relative_to(self.folder).as_posix(): _signature(path)
            for path in sorted(self.folder.rglob("*"))
            if path.is_file() and not path.is_symlink() and path.name != "lock" and not path.name.startswith(".")
        }


def _safe_name(name: str) -> bool:
    """An object name that stays inside the cache folder (a key is any string)."""
    parts = name.split("/")
    return bool(name) and all(part not in ("", ".", "..") and not part.startswith(".") for part in parts)


def _signature(path: Path) -> tuple[int, int]:
    """Size and mtime: a file the checkout rewrote (the manifest) differs in one or the other."""
    if not path.is_file():
        return (-1, 0)
    stat = path.stat()
    return (stat.st_size, stat.st_mtime_ns)
