"""What `shoal scan`'s selection flags become: settings, the scan's configuration, the analysis key."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoal.config import Settings, Thresholds, settings_from_env
from shoal.errors import InputError
from shoal.scan.incremental import analysis_key
from shoal.repoconfig import configured, parse_repo_config
from shoal.source.staged import _anchored, stage


def test_limits_set_by_a_flag_or_variable_win_over_the_repositorys() -> None:
    repository = {"max_ccn": 4, "max_params": 3}
    assert Settings().with_repository_limits(repository) == Thresholds(max_ccn=4, max_params=3)
    flagged = Settings().with_overrides({"max_ccn": 20})
    assert flagged.with_repository_limits(repository) == Thresholds(max_ccn=20, max_params=3)
    from_env = settings_from_env({"SHOAL_MAX_PARAMS": "9"})
    assert from_env.with_repository_limits(repository) == Thresholds(max_ccn=4, max_params=9)


def test_event_options_arrive_as_lists_and_compare_equal_to_tuples() -> None:
    listed = Settings().with_overrides({"include": ["src/**"], "exclude_rules": ["crypto/python-weak-hash"]})
    assert listed == Settings(include=("src/**",), exclude_rules=("crypto/python-weak-hash",))
    assert Settings.from_dict(listed.to_dict()) == listed
    with pytest.raises(InputError, match="min_severity"):
        Settings(min_severity="fatal")


def test_flags_add_to_the_repositorys_configuration_or_a_given_file_replaces_it(tmp_path: Path) -> None:
    (tmp_path / ".shoal.toml").write_text('[scan]\nexclude = ["a/"]\n[rules]\ndisable = ["x/y"]\n')
    mine = configured(tmp_path, "", include=["src/**"], exclude=["b/", "a/"], disable=["z/w"])
    assert mine.exclude == ("a/", "b/") and mine.include == ("src/**",) and mine.disable == ("x/y", "z/w")
    replaced = configured(tmp_path, "[metrics]\nmax_nesting = 3\n", exclude=["b/"])
    assert replaced.exclude == ("b/",) and replaced.disable == () and replaced.metrics == (("max_nesting", 3),)
    with pytest.raises(InputError, match="at metrics: .*max_depth.* was unexpected"):
        parse_repo_config("[metrics]\nmax_depth = 3\n")
    with pytest.raises(InputError, match="the --config file is not valid TOML"):
        configured(tmp_path, "[metrics\n")


def test_the_analysis_key_follows_what_changes_results_and_only_then() -> None:
    plain = analysis_key(Settings())
    assert analysis_key(Settings(min_severity="error")) == plain  # a report filter: results are reusable
    for changed in (Settings(include=("src/**",)), Settings(exclude=("b/",)), Settings(exclude_rules=("x/y",)),
                    Settings(config_toml="[scan]\n"), Settings().with_overrides({"max_ccn": 15})):
        assert analysis_key(changed) != plain


def test_given_paths_become_anchored_patterns_with_glob_characters_escaped(tmp_path: Path) -> None:
    assert _anchored("src/a[1]*.py", False) == "/src/a\\[1\\]\\*.py"
    assert _anchored("src", True) == "/src/**"
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "src").mkdir()
    (root / "src" / "a.py").write_text("x = 1\n")
    (root / "src" / ".gitignore").write_text("*.log\n")
    (root / "other.py").write_text("y = 2\n")
    (root / ".shoal.toml").write_text("[scan]\n")
    staged = stage([str(root / "src" / "a.py")], tmp_path / "ws")
    copied = sorted(p.relative_to(staged.folder).as_posix() for p in staged.folder.rglob("*") if p.is_file())
    assert copied == [".shoal.toml", "src/.gitignore", "src/a.py"]
    assert staged.root == root and staged.include == ("/src/a.py",)
    with pytest.raises(InputError, match="does not exist"):
        stage([str(root / "nope.py")], tmp_path / "ws")


def test_given_files_outside_the_repositorys_include_patterns_are_left_out(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "src").mkdir()
    (root / "docs").mkdir()
    (root / "src" / "a.py").write_text("x = 1\n")
    (root / "docs" / "b.py").write_text("y = 2\n")
    (root / ".shoal.toml").write_text('[scan]\ninclude = ["src/**"]\n')
    staged = stage([str(root / "src" / "a.py"), str(root / "docs" / "b.py")], tmp_path / "ws")
    assert staged.include == ("/src/a.py",)
    assert not (staged.folder / "docs").exists()
    assert stage([str(root / "docs" / "b.py")], tmp_path / "ws").include == ()
