"""Change sets of diff scans: statuses, renames, deletions and changed lines, from real git diffs,
and checkout exporting only what a change touches."""

from __future__ import annotations

from pathlib import Path

import pytest
from shoal.source import changes
from shoal.source.changes import ChangeSet, LineIndex, parse_hunks, parse_name_status
from shoal.errors import InputError, SourceError
from shoal.source.checkout import checkout
from shoal.source.specs import parse_repository

from tests.helpers import commit_all, git


def write(repo: Path, path: str, text: str) -> None:
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


BODY = "".join(f"line {n}\n" for n in range(1, 41))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: keep.py, edit.py, gone.py, move_me.py, a config; branch 'change' edits all kinds."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, "keep.py", "x = 1\n")
    write(repo, "edit.py", BODY)
    write(repo, "gone.py", "y = 2\n")
    write(repo, "move_me.py", BODY)
    write(repo, ".gitignore", "build/\n")
    write(repo, "pkg/.gitignore", "*.tmp\n")
    write(repo, ".shoal.toml", "[scan]\nexclude = ['docs/**']\n")
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "change")
    lines = BODY.splitlines(keepends=True)
    lines[9] = "line ten changed\n"
    lines.insert(30, "inserted a\ninserted b\n")
    del lines[2]  # a pure deletion: no head line for it
    write(repo, "edit.py", "".join(lines))
    (repo / "gone.py").unlink()
    git(repo, "mv", "move_me.py", "pkg/moved with space.py")
    write(repo, "new/ünïcode.py", "print('hi')\nprint('there')\n")
    commit_all(repo, "change")
    return repo


def diff_in(repo: Path, base: str = "main", head: str = "change") -> ChangeSet:
    def run(*args: str) -> str:
        return git(repo, *args)

    base_sha, head_sha = git(repo, "rev-parse", base).strip(), git(repo, "rev-parse", head).strip()
    merge_base = git(repo, "merge-base", base_sha, head_sha).strip()
    return changes.diff(run, base_sha, merge_base, head_sha)


def test_a_change_set_lists_touched_files_with_status_and_the_head_lines_they_add(repo: Path):
    change_set = diff_in(repo)
    by_path = {f.path: f for f in change_set.files}
    assert set(by_path) == {"edit.py", "pkg/moved with space.py", "new/ünïcode.py"}
    assert change_set.deleted == ("gone.py",)
    assert by_path["pkg/moved with space.py"].status == "renamed"
    assert by_path["pkg/moved with space.py"].old_path == "move_me.py"
    assert by_path["pkg/moved with space.py"].lines == ()  # a pure rename changes no line
    assert by_path["new/ünïcode.py"] == changes.ChangedFile("new/ünïcode.py", "added", None, ((1, 2),))
    # Line 3 was deleted (nothing at the head), line 10 became head line 9, two lines were inserted
    # after head line 29.
    assert by_path["edit.py"].status == "modified"
    assert by_path["edit.py"].lines == ((9, 9), (30, 31))
    assert change_set.counts() == {"touched": 3, "deleted": 1, "renamed": 1, "lines": 5}


def test_the_diff_starts_at_the_merge_base_like_a_pull_request(repo: Path):
    # main moves on after the branch: its new file is not part of the change.
    git(repo, "checkout", "-q", "main")
    write(repo, "later_on_main.py", "z = 3\n")
    commit_all(repo, "main moves on")
    change_set = diff_in(repo)
    assert "later_on_main.py" not in change_set.touched
    assert "later_on_main.py" not in change_set.deleted
    assert change_set.merge_base != change_set.base


def test_a_change_set_round_trips_through_its_manifest(repo: Path):
    change_set = diff_in(repo)
    import json

    assert ChangeSet.from_dict(json.loads(change_set.to_bytes())) == change_set
    with pytest.raises(InputError, match="schema"):
        ChangeSet.from_dict({"schema": "other"})


def test_line_index_finds_regions_that_touch_changed_lines(repo: Path):
    index = LineIndex(diff_in(repo))
    assert index.intersects("edit.py", 9, 9)
    assert index.intersects("edit.py", 5, 12)  # a region spanning the changed line
    assert index.intersects("edit.py", 31, 40)
    assert not index.intersects("edit.py", 10, 29)
    assert not index.intersects("edit.py", 1, 8)
    assert not index.intersects("pkg/moved with space.py", 1, 40)
    assert not index.intersects("keep.py", 1, 1)


def test_name_status_and_hunk_parsers_refuse_what_a_commit_diff_never_has():
    assert parse_name_status("M\0a.py\0R087\0old\0new\0D\0x\0") == [
        ("modified", None, "a.py"), ("renamed", "old", "new"), ("deleted", None, "x")]
    with pytest.raises(ValueError, match="status"):
        parse_name_status("U\0a.py\0")
    assert parse_hunks(b"diff --git a b\n@@ -1,0 +2,3 @@\n+x\ndiff --git c d\n@@ -4 +4 @@ x\n") == [((2, 4),), ((4, 4),)]
    with pytest.raises(ValueError, match="hunk"):
        parse_hunks(b"diff --git a b\n@@ garbage @@\n")


def test_checkout_with_a_base_exports_only_touched_files_and_scan_configuration(repo: Path, tmp_path: Path):
    dest = tmp_path / "src"
    result = checkout(parse_repository(str(repo)), "change", dest, tmp_path / "scratch", base="main")
    exported = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert exported == [".gitignore", ".shoal.toml", "edit.py", "new/ünïcode.py", "pkg/.gitignore",
                        "pkg/moved with space.py"]
    assert result.changes is not None and result.changes.deleted == ("gone.py",)
    assert result.files == len(exported)
    assert not (tmp_path / "scratch" / "shoal-git").exists()


def test_checkout_with_a_base_exports_the_repositorys_rules_folder(repo: Path, tmp_path: Path):
    git(repo, "checkout", "-q", "change")
    write(repo, ".shoal.toml", "[rules]\nfolder = 'tools/rules'\n")
    write(repo, "tools/rules/mine.yaml", "rules: []\n")
    commit_all(repo, "own rules")
    dest = tmp_path / "src"
    checkout(parse_repository(str(repo)), "change", dest, tmp_path / "scratch", base="main")
    assert (dest / "tools/rules/mine.yaml").is_file()


def test_a_bad_or_unrelated_base_is_a_clear_error(repo: Path, tmp_path: Path):
    spec = parse_repository(str(repo))
    with pytest.raises(SourceError, match="no base 'nope'"):
        checkout(spec, "change", tmp_path / "a", tmp_path / "s1", base="nope")
    git(repo, "checkout", "-q", "--orphan", "island")
    commit_all(repo, "unrelated")
    with pytest.raises(SourceError, match="no common history"):
        checkout(spec, "island", tmp_path / "b", tmp_path / "s2", base="main")
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(InputError, match="not a git repository"):
        checkout(parse_repository(str(plain)), None, tmp_path / "c", tmp_path / "s3", base="main")
