"""A full checkout packed into one blob file and an index (shoal.source.packed): the same tree,
the same inventory and the same exclusions as the loose export, with only the configuring files
written loose, and a damaged pack reported rather than analysed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shoal.source import packed
from shoal.source.checkout import checkout
from shoal.source.inplace import reader_beside
from shoal.source.inventory import InventoryOptions, inventory_of
from shoal.source.repocache import RepoCache
from shoal.source.specs import parse_repository
from shoal.workspace import WorkspaceError
from tests.helpers import commit_all, git, init_repo

FILES = {
    ".gitignore": "ignored.py\n",
    ".shoal.toml": '[rules]\nfolder = "checks"\n',
    "checks/my-rule.yml": "rules: []\n",
    "pkg/.gitignore": "gen/\n",
    "pkg/a.py": "def a(x):\n    return x\n",
    "pkg/gen/b.py": "b = 1\n",
    "ignored.py": "i = 1\n",
    "notes.txt": "hello\n",
    "bin/run.sh": "#!/bin/sh\necho hi\n",
    "blob.bin": "\0\1\2",
}


def _origin(tmp_path: Path) -> Path:
    origin = tmp_path / "origin"
    for path, text in FILES.items():
        (origin / path).parent.mkdir(parents=True, exist_ok=True)
        (origin / path).write_text(text)
    os.chmod(origin / "bin/run.sh", 0o755)
    init_repo(origin)
    git(origin, "add", "-f", ".")  # committed despite the .gitignore files: the inventory leaves them out
    commit_all(origin, "force-add")
    return origin


def _checkout(origin: Path, dest: Path, *, pack: bool):
    return checkout(parse_repository(str(origin)), None, dest, dest.parent / "scratch", pack=pack)


def test_a_packed_checkout_holds_the_tree_and_writes_only_the_configuring_files_loose(tmp_path: Path):
    origin = _origin(tmp_path)
    dest = tmp_path / "packed" / "src"
    result = _checkout(origin, dest, pack=True)
    tree = packed.load_beside(dest)
    assert tree is not None and set(tree.entries) == set(FILES)
    assert (result.files, result.bytes) == (len(FILES), sum(len(t) for t in FILES.values()))
    assert all(tree.read(path) == text.encode() for path, text in FILES.items())
    assert tree.entries["bin/run.sh"].executable and not tree.entries["pkg/a.py"].executable
    loose = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    # the ignore files and .shoal.toml, and the rules folder .shoal.toml names
    assert loose == [".gitignore", ".shoal.toml", "checks/my-rule.yml", "pkg/.gitignore"]


def test_the_inventory_of_a_packed_tree_is_the_loose_trees(tmp_path: Path):
    origin = _origin(tmp_path)
    options = InventoryOptions(max_file_bytes=1 << 20, text_files=True)
    _checkout(origin, tmp_path / "loose" / "src", pack=False)
    _checkout(origin, tmp_path / "packed" / "src", pack=True)
    loose = inventory_of(tmp_path / "loose" / "src", options)
    packed_inventory = inventory_of(tmp_path / "packed" / "src", options)
    assert packed_inventory == loose
    assert {e.reason for e in loose.exclusions} >= {"gitignored", "binary"}  # the walk had work to do


def _changed(origin: Path) -> str:
    """Commit a change to pkg/a.py and return the commit before it."""
    base = git(origin, "rev-parse", "HEAD").strip()
    (origin / "pkg" / "a.py").write_text("def a(x):\n    return x + 1\n")
    commit_all(origin, "change")
    return base


def _cache_at_head(origin: Path, tmp_path: Path) -> RepoCache:
    """A repository cache holding the origin's present head (an incremental checkout diffs from it)."""
    cache = RepoCache.for_repository(tmp_path / "ws", parse_repository(str(origin)))
    checkout(parse_repository(str(origin)), None, tmp_path / "seed" / "src", tmp_path / "seed" / "scratch",
             cache=cache, pack=True)
    return cache


def _loose_files(dest: Path) -> list[str]:
    return sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())


def test_a_diff_checkout_packs_the_touched_and_configuring_files_and_drops_the_stale_pack(tmp_path: Path):
    origin = _origin(tmp_path)
    dest = tmp_path / "scan" / "src"
    _checkout(origin, dest, pack=True)
    base = _changed(origin)
    result = checkout(parse_repository(str(origin)), None, dest, tmp_path / "scratch", base=base, pack=True)
    tree = packed.load_beside(dest)
    # the change, the configuring files and the rules folder .shoal.toml names: none of the full tree's rest
    assert tree is not None and sorted(tree.entries) == [".gitignore", ".shoal.toml", "checks/my-rule.yml",
                                                         "pkg/.gitignore", "pkg/a.py"]
    assert result.files == len(tree.entries)
    assert reader_beside(dest)("pkg/a.py") == b"def a(x):\n    return x + 1\n"  # the change, from the pack
    assert _loose_files(dest) == [".gitignore", ".shoal.toml", "checks/my-rule.yml", "pkg/.gitignore"]


@pytest.mark.parametrize("kind", ["diff", "incremental"])
def test_a_packed_diff_or_incremental_checkout_gives_the_loose_ones_inventory(tmp_path: Path, kind: str):
    from shoal.source.checkout import Since

    origin = _origin(tmp_path)
    cache = _cache_at_head(origin, tmp_path)
    base = _changed(origin)
    options = InventoryOptions(max_file_bytes=1 << 20, text_files=True)
    extra = {"base": base} if kind == "diff" else {"since": Since(base, frozenset({"notes.txt"}))}
    results = {}
    for layout in ("loose", "packed"):
        dest = tmp_path / layout / "src"
        results[layout] = checkout(parse_repository(str(origin)), None, dest, tmp_path / layout / "scratch",
                                   pack=layout == "packed", cache=cache, **extra)
    assert (packed.load_beside(tmp_path / "loose" / "src") is None) and packed.load_beside(tmp_path / "packed" / "src")
    loose, packed_result = results["loose"], results["packed"]
    assert (packed_result.files, packed_result.bytes, packed_result.skipped) == (loose.files, loose.bytes, loose.skipped)
    assert packed_result.incremental == loose.incremental and packed_result.changes == loose.changes
    if kind == "incremental":
        assert packed_result.incremental is not None and "notes.txt" in packed_result.incremental.exported
    assert inventory_of(tmp_path / "packed" / "src", options) == inventory_of(tmp_path / "loose" / "src", options)
    assert _loose_files(tmp_path / "packed" / "src") == [".gitignore", ".shoal.toml", "checks/my-rule.yml",
                                                         "pkg/.gitignore"]


def test_an_incremental_checkout_whose_change_touches_the_rules_folder_packs_the_whole_tree(tmp_path: Path):
    from shoal.source.checkout import Since

    origin = _origin(tmp_path)
    cache = _cache_at_head(origin, tmp_path)
    base = git(origin, "rev-parse", "HEAD").strip()
    (origin / "checks" / "my-rule.yml").write_text("rules: []  # edited\n")
    commit_all(origin, "rules")
    dest = tmp_path / "scan" / "src"
    result = checkout(parse_repository(str(origin)), None, dest, tmp_path / "scratch", pack=True,
                      since=Since(base, frozenset()), cache=cache)
    tree = packed.load_beside(dest)
    assert result.incremental is None and tree is not None and set(tree.entries) == set(FILES)


def test_a_damaged_pack_is_reported_for_the_file_not_analysed(tmp_path: Path):
    origin = _origin(tmp_path)
    dest = tmp_path / "scan" / "src"
    _checkout(origin, dest, pack=True)
    tree = packed.load_beside(dest)
    assert tree is not None
    entry = tree.entries["pkg/a.py"]
    with open(tree.pack, "r+b") as handle:
        handle.seek(entry.offset)
        handle.write(b"X")
    with pytest.raises(ValueError, match="damaged"):
        reader_beside(dest)("pkg/a.py")
    with pytest.raises(FileNotFoundError):
        tree.read("pkg/missing.py")


def test_an_index_shoal_did_not_write_is_a_clear_error(tmp_path: Path):
    dest = tmp_path / "scan" / "src"
    dest.mkdir(parents=True)
    (dest.parent / packed.INDEX_NAME).write_text('{"schema": "other"}')
    with pytest.raises(WorkspaceError, match="--fresh"):
        packed.load_beside(dest)


def test_the_rules_folder_a_config_given_with_c_names_is_written_loose_too(tmp_path: Path):
    origin = _origin(tmp_path)
    dest = tmp_path / "scan" / "src"
    checkout(parse_repository(str(origin)), None, dest, tmp_path / "scratch", pack=True,
             config_toml='[rules]\nfolder = "pkg"\n')
    # the plan reads the rules from the folder the -c file names, not the one .shoal.toml does
    assert (dest / "pkg" / "a.py").read_text() == FILES["pkg/a.py"]
    assert not (dest / "checks").exists()
