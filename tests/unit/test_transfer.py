"""shoal.scan.transfer: scan folders and the repository cache through the S3 API (the Split layout),
against an in-memory S3 behind a real boto3 client (tests/s3fake.py)."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from shoal.errors import InputError
from shoal.scan.transfer import ArchiveRef, CacheSync, RemoteWorkspace, TransferError, get_folder, put_folder
from tests.s3fake import FakeS3


def _tree(root: Path) -> None:
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "src" / "pkg" / "a.py").write_text("import os\nos.system(x)\n")
    (root / "src" / "b.js").write_bytes(b"\x00\xffbinary")
    (root / "src" / "empty").mkdir()
    (root / "checkout.json").write_text('{"commit": "abc"}')


def _snapshot(root: Path) -> dict[str, bytes | None]:
    return {p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*"))}


def test_a_folder_put_is_unpacked_byte_for_byte(tmp_path: Path) -> None:
    s3 = FakeS3()
    _tree(tmp_path / "out")
    ref = put_folder(s3.client(), "transfer", "scans/s1/checkout.tar.gz", tmp_path / "out",
                     ["src", "checkout.json", "changes.json"])  # changes.json absent: left out
    assert ref.files == 3 and ref.size == len(s3.objects[("transfer", "scans/s1/checkout.tar.gz")])
    written = get_folder(s3.client(), ArchiveRef.from_dict(ref.to_dict()), tmp_path / "in")
    assert written == 3
    assert _snapshot(tmp_path / "in") == _snapshot(tmp_path / "out")
    assert [name for name, _ in s3.calls] == ["PutObject", "GetObject"]


def test_unpacking_twice_replaces_the_first_copy(tmp_path: Path) -> None:
    """A retried workspace call (the invoke ran, the checkpoint was lost) writes the same files."""
    s3 = FakeS3()
    _tree(tmp_path / "out")
    ref = put_folder(s3.client(), "transfer", "k", tmp_path / "out", ["src"])
    get_folder(s3.client(), ref, tmp_path / "in")
    (tmp_path / "in" / "src" / "stray.py").write_text("left by a half-finished attempt")
    get_folder(s3.client(), ref, tmp_path / "in")
    assert _snapshot(tmp_path / "in" / "src") == _snapshot(tmp_path / "out" / "src")  # the stray is gone
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["src"]  # no staging folder left
    assert not [p for p in (tmp_path / "in").iterdir() if p.name.startswith(".unpack-")]


def test_links_in_the_tree_are_never_shipped(tmp_path: Path) -> None:
    s3 = FakeS3()
    _tree(tmp_path / "out")
    os.symlink("/etc/passwd", tmp_path / "out" / "src" / "link.py")
    ref = put_folder(s3.client(), "transfer", "k", tmp_path / "out", ["src"])
    get_folder(s3.client(), ref, tmp_path / "in")
    assert not (tmp_path / "in" / "src" / "link.py").exists()


def test_an_altered_archive_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    s3 = FakeS3()
    _tree(tmp_path / "out")
    ref = put_folder(s3.client(), "transfer", "k", tmp_path / "out", ["src"])
    s3.objects[("transfer", "k")] += b"x"
    with pytest.raises(TransferError, match="sha256 differs"):
        get_folder(s3.client(), ref, tmp_path / "in")
    assert not (tmp_path / "in" / "src").exists()


@pytest.mark.parametrize("kind", ["symlink", "dotdot", "absolute", "device"])
def test_hostile_archives_write_nothing_outside(tmp_path: Path, kind: str) -> None:
    """An archive is only ever Shoal's own, but the bucket is another trust boundary: links,
    escapes and special files are refused, not extracted."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo({"symlink": "src/x", "dotdot": "../escape", "absolute": "/tmp/abs-escape",
                                "device": "src/dev"}[kind])
        if kind == "symlink":
            info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        elif kind == "device":
            info.type = tarfile.CHRTYPE
        else:
            info.size = 2
        tar.addfile(info, io.BytesIO(b"hi") if info.isfile() else None)
    data = buffer.getvalue()
    s3 = FakeS3(objects={("transfer", "k"): data})
    import hashlib

    ref = ArchiveRef("transfer", "k", hashlib.sha256(data).hexdigest(), len(data), 1)
    with pytest.raises(TransferError):
        get_folder(s3.client(), ref, tmp_path / "in")
    assert not (tmp_path / "escape").exists()
    assert [p.name for p in (tmp_path / "in").iterdir()] == []


def test_a_missing_object_or_bucket_is_a_clear_error(tmp_path: Path) -> None:
    s3 = FakeS3()
    with pytest.raises(TransferError, match="NoSuchKey"):
        get_folder(s3.client(), ArchiveRef("transfer", "gone", "0" * 64, 1, 1), tmp_path)
    with pytest.raises(TransferError, match="NoSuchBucket"):
        put_folder(s3.client(), "nobucket", "k", tmp_path, [])


def test_the_cache_round_trips_and_pushes_only_what_changed(tmp_path: Path) -> None:
    s3 = FakeS3(page_size=2)  # three objects: two pages
    prefix = "cache/repos/abc/"
    for name, data in {"manifest.json": b"{1}", "pack-1.pack": b"P1", "pack-1.idx": b"I1"}.items():
        s3.objects[("transfer", prefix + name)] = data
    sync = CacheSync(s3.client(), "transfer", prefix, tmp_path / "cache")
    assert sync.pull() == 3
    assert (tmp_path / "cache" / "pack-1.pack").read_bytes() == b"P1"
    # The checkout merges the packs into a new one and rewrites the manifest.
    (tmp_path / "cache" / "pack-1.pack").unlink()
    (tmp_path / "cache" / "pack-1.idx").unlink()
    (tmp_path / "cache" / "pack-2.pack").write_bytes(b"P2")
    (tmp_path / "cache" / "pack-2.idx").write_bytes(b"I2")
    (tmp_path / "cache" / "manifest.json").write_bytes(b"{2}")
    (tmp_path / "cache" / "lock").write_bytes(b"")  # the local flock file never travels
    s3.calls.clear()
    assert sync.push() == 3
    puts = [params["Key"] for name, params in s3.calls if name == "PutObject"]
    assert puts[-1] == prefix + "manifest.json"  # after the packs it names
    assert {k for b, k in s3.objects} == {prefix + n for n in ("manifest.json", "pack-2.pack", "pack-2.idx")}
    # A warm sandbox's next pull copies only the manifest (it names the cache's state, and another
    # sandbox may have rewritten it at the same size); packs it has are named by their content.
    s3.objects[("transfer", prefix + "manifest.json")] = b"{3}"
    again = CacheSync(s3.client(), "transfer", prefix, tmp_path / "cache")
    assert again.pull() == 1
    assert (tmp_path / "cache" / "manifest.json").read_bytes() == b"{3}"
    s3.calls.clear()
    assert again.push() == 0  # nothing rewritten since: nothing put
    assert not [name for name, _ in s3.calls if name in ("PutObject", "DeleteObject")]


def test_cache_keys_that_would_leave_the_folder_are_ignored(tmp_path: Path) -> None:
    prefix = "cache/repos/abc/"
    s3 = FakeS3(objects={("transfer", prefix + "../../evil"): b"x", ("transfer", prefix + ".hidden"): b"x",
                         ("transfer", prefix + "ok.pack"): b"x"})
    sync = CacheSync(s3.client(), "transfer", prefix, tmp_path / "cache")
    assert sync.pull() == 1
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["ok.pack"]


def test_remote_workspace_comes_from_the_environment_whole() -> None:
    assert RemoteWorkspace.from_env({}) is None
    remote = RemoteWorkspace.from_env({"SHOAL_WORKSPACE_FUNCTION": "arn:fn:live", "SHOAL_TRANSFER_BUCKET": "b"})
    assert remote == RemoteWorkspace("arn:fn:live", "b")
    assert RemoteWorkspace.from_dict(remote.to_dict() if remote else None) == remote
    with pytest.raises(InputError, match="both"):
        RemoteWorkspace.from_env({"SHOAL_TRANSFER_BUCKET": "b"})
