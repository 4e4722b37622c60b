"""Every built-in rule against its samples: the marked lines must fire, the ok lines must not,
and nothing else may. One table-driven test, one case per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoal.languages import detect_language
from shoal.rules.registry import builtin_folder, builtin_rules, load_rule_file, rule_files
from shoal.rules.samples import check_rule, sample_files

RULE_FILES = rule_files(builtin_folder())
LANGUAGES = {"python", "javascript", "typescript", "java", "go", "rust", "c", "cpp", "ruby", "php"}


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=[p.stem + ":" + p.parent.name for p in RULE_FILES])
def test_builtin_rule_matches_its_samples(rule_file: Path) -> None:
    rule = load_rule_file(rule_file)  # with every query compiled on its own, as for user rules
    report = check_rule(rule, sample_files(rule_file))
    assert report.passed, "\n".join(report.problems)


def test_the_builtin_set_covers_every_language_with_samples_in_each() -> None:
    rules = builtin_rules()
    assert len(rules) >= 60
    covered = {lang for rule in rules for lang in rule.languages}
    assert LANGUAGES <= covered, sorted(LANGUAGES - covered)
    sampled = {detect_language(p.name) for f in RULE_FILES for p in sample_files(f)}
    assert LANGUAGES <= sampled, sorted(LANGUAGES - sampled)


def test_scans_load_the_builtin_rules_as_the_test_above_checked_them_without_the_schema() -> None:
    """The built-in rules are checked here, file by file, against the schema and with every query
    compiled; a scan loads them without repeating that (jsonschema's import alone is 0.05 s)."""
    import subprocess
    import sys

    checked = {rule.id: rule for rule in map(load_rule_file, RULE_FILES)}
    loaded = {rule.id: rule for rule in builtin_rules()}
    assert loaded.keys() == checked.keys()
    for rule_id, rule in loaded.items():
        assert (rule.queries, rule.constraints, rule.languages) == (
            checked[rule_id].queries, checked[rule_id].constraints, checked[rule_id].languages)
    probe = ("import sys; from shoal.rules.registry import builtin_rules; builtin_rules(); "
             "print('jsonschema' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
