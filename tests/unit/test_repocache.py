"""The repository cache: hits fetch only what is new, updates are safe, a bad cache is rebuilt."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import git
import pytest

from shoal.source import repocache
from shoal.config import settings_from_env
from shoal.errors import SourceError
from shoal.scan.pipeline import ScanRequest, checkout_stage
from shoal.source.repocache import RepoCache, prune_caches
from shoal.source.checkout import checkout
from shoal.source.specs import parse_repository
from shoal.source.git import ScratchGit


def _commit(repo: git.Repo, files: dict[str, str], message: str) -> str:
    root = Path(repo.working_tree_dir)
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
        repo.index.add([rel])
    return repo.index.commit(message).hexsha


@pytest.fixture
def origin(tmp_path: Path) -> git.Repo:
    """A repository with 150 files (enough that git packs a fetch rather than unpacking it)."""
    repo = git.Repo.init(tmp_path / "origin", initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
        cfg.set_value("uploadpack", "allowAnySHA1InWant", "true")
    _commit(repo, {f"pkg/m{i:03}.py": f"value = {i}\n" * 20 for i in range(150)}, "first")
    return repo


def _cache(tmp_path: Path, repo: git.Repo, grace: float = repocache.GRACE_SECONDS) -> RepoCache:
    spec = parse_repository(repo.working_tree_dir)
    return RepoCache(RepoCache.for_repository(tmp_path / "ws", spec).folder, spec.location, grace)


def _scan(repo: git.Repo, tmp_path: Path, name: str, cache: RepoCache | None, ref: str | None = "main", **kw):
    spec = parse_repository(repo.working_tree_dir)
    return checkout(spec, ref, tmp_path / name / "src", tmp_path / name / "scratch", cache=cache, **kw)


def _manifest(cache: RepoCache) -> dict:
    return json.loads(cache.manifest_path.read_text())


def _git_count(git_dir: Path) -> dict[str, str]:
    out = subprocess.run(["git", f"--git-dir={git_dir}", "count-objects", "-v"], capture_output=True,
                         text=True, check=True, env={"PATH": os.environ["PATH"], "GIT_CONFIG_NOSYSTEM": "1"})
    return dict(line.split(": ") for line in out.stdout.splitlines())


def test_first_scan_fills_the_cache_and_the_second_fetches_only_new_objects(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    first = _scan(origin, tmp_path, "a", cache)
    manifest = _manifest(cache)
    assert manifest["tips"] == [first.commit] and len(manifest["packs"]) == 1
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(
        ["lock", "manifest.json", *(manifest["packs"][0]["name"] + s for s in (".idx", ".pack"))])

    head = _commit(origin, {"pkg/m001.py": "value = 'new'\n"}, "small change")
    second = _scan(origin, tmp_path, "b", cache, keep_git=True)
    assert second.commit == head and second.files == 150
    assert (tmp_path / "b" / "src" / "pkg" / "m001.py").read_text() == "value = 'new'\n"
    # Scratch holds the 153 cached objects (150 blobs, 2 trees, 1 commit) and the 4 new ones
    # (commit, 2 trees, 1 blob): nothing else was fetched, and the cache gained just those 4.
    counts = _git_count(tmp_path / "b" / "scratch" / "shoal-git" / "repo.git")
    assert (int(counts["in-pack"]), int(counts["count"])) == (157, 4)  # the 4 fetched, also packed for the cache
    updated = _manifest(cache)
    assert updated["tips"] == [head, first.commit] and len(updated["packs"]) == 2
    assert [_objects_in(cache.folder / f"{p['name']}.pack") for p in updated["packs"]] == [153, 4]


def _objects_in(pack: Path) -> int:
    return int.from_bytes(pack.read_bytes()[8:12], "big")


def test_rescanning_the_same_commit_leaves_the_cache_as_it_is(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    _scan(origin, tmp_path, "a", cache)
    before = cache.manifest_path.read_bytes()
    os.utime(cache.manifest_path, (1, 1))
    _scan(origin, tmp_path, "b", cache)
    assert cache.manifest_path.read_bytes() == before
    assert cache.manifest_path.stat().st_mtime > 1  # last use recorded, for `shoal clean`


def test_cached_commit_still_needs_the_remote_to_name_it(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    origin.create_head("feature")
    feature = _scan(origin, tmp_path, "a", cache, ref="feature").commit
    moved = _commit(origin, {"pkg/m002.py": "moved\n"}, "main moves on")
    # main is asked for: the remote's main, not whatever the cache holds.
    assert _scan(origin, tmp_path, "b", cache).commit == moved
    origin.delete_head("feature", force=True)
    with pytest.raises(SourceError, match="feature"):
        _scan(origin, tmp_path, "c", cache, ref="feature")
    assert feature in _manifest(cache)["tips"]  # it was cached, and still not trusted


def test_commit_ids_with_a_cache_on_a_server_that_refuses_fetching_by_id(origin, tmp_path: Path) -> None:
    with origin.config_writer() as cfg:
        cfg.remove_option("uploadpack", "allowAnySHA1InWant")
    cache = _cache(tmp_path, origin)
    first = _scan(origin, tmp_path, "a", cache).commit
    before = cache.manifest_path.read_bytes()
    head = _commit(origin, {"pkg/m008.py": "x\n"}, "change")
    assert _scan(origin, tmp_path, "b", cache, ref=head).commit == head
    assert _scan(origin, tmp_path, "c", cache, ref=head[:10]).commit == head
    assert _scan(origin, tmp_path, "d", cache, ref=first[:10]).commit == first
    # A commit the remote did not name is resolved without the cache, which is not blamed for it.
    manifest = _manifest(cache)
    assert first in manifest["tips"] and manifest["packs"][0] == json.loads(before)["packs"][0]


@pytest.mark.parametrize("damage", ["truncate-pack", "garble-pack", "garble-idx", "garble-manifest", "delete-pack"])
def test_a_damaged_cache_is_rebuilt_not_trusted(origin, tmp_path: Path, damage: str) -> None:
    cache = _cache(tmp_path, origin, grace=0)
    _scan(origin, tmp_path, "a", cache)
    name = _manifest(cache)["packs"][0]["name"]
    pack, idx = cache.folder / f"{name}.pack", cache.folder / f"{name}.idx"
    if damage == "truncate-pack":
        os.truncate(pack, pack.stat().st_size // 2)
    elif damage in ("garble-pack", "garble-idx"):
        target = pack if damage == "garble-pack" else idx
        data = bytearray(target.read_bytes())
        data[len(data) // 2: len(data) // 2 + 16] = b"\xff" * 16
        target.write_bytes(bytes(data))
    elif damage == "garble-manifest":
        cache.manifest_path.write_text('{"version": 1, "packs": [')
    else:
        pack.unlink()
    head = _commit(origin, {"pkg/m003.py": "after damage\n"}, "change")
    result = _scan(origin, tmp_path, "b", cache)
    assert result.commit == head
    assert (tmp_path / "b" / "src" / "pkg" / "m003.py").read_text() == "after damage\n"
    rebuilt = _manifest(cache)
    assert rebuilt["tips"] == [head] and len(rebuilt["packs"]) == 1
    # And the rebuilt cache is good: the next scan hits it.
    assert cache.seed(ScratchGit(tmp_path / "probe", "local", 60)).state == "hit"


def test_a_cache_that_checks_out_but_breaks_git_is_bypassed_and_rebuilt(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin, grace=0)
    _scan(origin, tmp_path, "a", cache)
    # A well-formed manifest whose pack lacks the tip's objects: checksums cannot catch that.
    other = git.Repo.init(tmp_path / "other", initial_branch="main")
    with other.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    _commit(other, {"x.txt": "unrelated\n"}, "unrelated")
    stray = RepoCache(tmp_path / "stray", "elsewhere")
    _scan(other, tmp_path, "o", stray)
    stray_pack = _manifest(stray)["packs"][0]
    for suffix in (".pack", ".idx"):
        (cache.folder / f"{stray_pack['name']}{suffix}").write_bytes(
            (stray.folder / f"{stray_pack['name']}{suffix}").read_bytes())
    manifest = _manifest(cache)
    manifest["packs"] = [stray_pack]
    cache.manifest_path.write_text(json.dumps(manifest))
    head = _commit(origin, {"pkg/m004.py": "x\n"}, "change")
    assert _scan(origin, tmp_path, "b", cache).commit == head
    assert _manifest(cache)["tips"] == [head] and _manifest(cache)["packs"][0]["name"] != stray_pack["name"]


def test_a_crash_before_the_manifest_leaves_the_old_cache_usable(origin, tmp_path: Path, monkeypatch) -> None:
    cache = _cache(tmp_path, origin)
    first = _scan(origin, tmp_path, "a", cache).commit
    before = cache.manifest_path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(repocache, "atomic_write", crash)
    head = _commit(origin, {"pkg/m005.py": "x\n"}, "change")
    assert _scan(origin, tmp_path, "b", cache).commit == head  # the scan itself does not fail
    assert cache.manifest_path.read_bytes() == before
    assert cache.seed(ScratchGit(tmp_path / "probe", "local", 60)).manifest.tips == (first,)


def test_update_is_left_to_the_writer_holding_the_lock(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    _scan(origin, tmp_path, "a", cache)
    before = cache.manifest_path.read_bytes()
    _commit(origin, {"pkg/m006.py": "x\n"}, "change")
    fd = os.open(cache.folder / "lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = _scan(origin, tmp_path, "b", cache)  # reads the cache without the lock
    finally:
        os.close(fd)
    assert result.files == 150
    assert cache.manifest_path.read_bytes() == before


def _scan_in_process(args: tuple[str, str, str, str]) -> str:
    repo_path, workspace, name, ref = args
    spec = parse_repository(repo_path)
    result = checkout(spec, ref, Path(workspace) / name / "src", Path(workspace) / name / "scratch",
                      cache=RepoCache.for_repository(Path(workspace), spec))
    return result.commit


def test_concurrent_scans_of_one_repository_share_the_cache_safely(origin, tmp_path: Path) -> None:
    heads = []
    context = multiprocessing.get_context("spawn")  # a clean process, as two Lambda invocations are
    with context.Pool(2) as pool:
        for round_ in range(3):
            heads.append(_commit(origin, {f"pkg/r{round_}.py": f"round = {round_}\n"}, f"round {round_}"))
            jobs = [(origin.working_tree_dir, str(tmp_path / "ws"), f"s{round_}{i}", "main") for i in range(2)]
            assert pool.map(_scan_in_process, jobs) == [heads[-1]] * 2
    cache = _cache(tmp_path, origin)
    manifest = _manifest(cache)
    assert heads[-1] in manifest["tips"]
    for scan in range(2):
        assert (tmp_path / "ws" / f"s2{scan}" / "src" / "pkg" / "r2.py").read_text() == "round = 2\n"
    assert _scan(origin, tmp_path, "last", cache).commit == heads[-1]


def test_many_increments_are_rewritten_as_one_pack(origin, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(repocache, "MAX_PACKS", 3)
    cache = _cache(tmp_path, origin, grace=0)
    for i in range(4):
        _commit(origin, {f"pkg/n{i}.py": "x\n"}, f"change {i}")
        _scan(origin, tmp_path, f"s{i}", cache)
    manifest = _manifest(cache)
    assert len(manifest["packs"]) == 1 and len(manifest["tips"]) == 4
    on_disk = sorted(p.name for p in cache.folder.glob("pack-*"))
    assert on_disk == sorted(manifest["packs"][0]["name"] + s for s in (".idx", ".pack"))
    assert _scan(origin, tmp_path, "again", cache).files == 154


def test_diff_scans_use_and_fill_the_cache(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    _scan(origin, tmp_path, "a", cache)
    origin.create_head("topic").checkout()
    topic = _commit(origin, {"pkg/m007.py": "topic\n"}, "topic change")
    result = _scan(origin, tmp_path, "b", cache, ref="topic", base="main")
    assert result.changes is not None and result.changes.touched == frozenset({"pkg/m007.py"})
    assert topic in _manifest(cache)["tips"]


def test_checkout_stage_uses_the_cache_unless_it_is_switched_off(origin, tmp_path: Path) -> None:
    request = ScanRequest.from_event({"scan_id": "s1", "repository": origin.working_tree_dir})
    off = settings_from_env({"SHOAL_WORKSPACE": str(tmp_path / "off"), "SHOAL_REPO_CACHE": "0"})
    checkout_stage(request, off)
    assert not (tmp_path / "off" / "cache").exists()
    on = settings_from_env({"SHOAL_WORKSPACE": str(tmp_path / "on")})
    assert on.repo_cache is True
    summary = checkout_stage(request, on)
    folders = list((tmp_path / "on" / "cache" / "repos").iterdir())
    assert len(folders) == 1 and json.loads((folders[0] / "manifest.json").read_text())["tips"] == [summary.commit]


def test_prune_removes_caches_unused_for_the_given_days(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    _scan(origin, tmp_path, "a", cache)
    workspace = tmp_path / "ws"
    now = time.time()
    assert prune_caches(workspace, 30, now=now).kept_recent == (cache.folder.name,)
    fd = os.open(cache.folder / "lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert prune_caches(workspace, 30, now=now + 31 * 86_400).kept_busy == (cache.folder.name,)
    finally:
        os.close(fd)
    assert prune_caches(workspace, 30, now=now + 31 * 86_400).removed == (cache.folder.name,)
    assert not cache.folder.exists()


def test_settings_refuse_a_negative_cache_retention() -> None:
    with pytest.raises(Exception, match="repo_cache_days"):
        settings_from_env({"SHOAL_REPO_CACHE_DAYS": "-1"})


def test_shoal_clean_prunes_caches_by_their_own_retention(origin, tmp_path: Path) -> None:
    cache = _cache(tmp_path, origin)
    _scan(origin, tmp_path, "a", cache)

    def clean(days: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "SHOAL_REPO_CACHE_DAYS": days}
        return subprocess.run([sys.executable, "-m", "shoal.cli", "clean", "--workspace", str(tmp_path / "ws")],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)

    kept = clean("30")
    assert kept.returncode == 0 and cache.folder.exists() and "repository caches" not in kept.stdout
    done = clean("0")
    assert done.returncode == 0, done.stderr
    assert "repository caches unused for 0 days: 1 removed" in done.stdout and not cache.folder.exists()
    bad = clean("soon")
    assert bad.returncode != 0 and "SHOAL_REPO_CACHE_DAYS" in bad.stderr and "Traceback" not in bad.stderr
