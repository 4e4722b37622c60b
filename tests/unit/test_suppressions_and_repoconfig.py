"""Inline `shoal: ignore[...]` comments, and the repository's `.shoal.toml`."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoal.errors import InputError
from shoal.models import Finding, Location, Severity
from shoal.repoconfig import RepoConfig, load_repo_config
from shoal.suppressions import apply_suppressions


def finding(rule_id: str, line: int) -> Finding:
    return Finding(rule_id, Severity.ERROR, "high", "m", Location("a.py", line, 1, line, 2), f"{rule_id}{line}")


SOURCE = b"""x = 1
eval(a)  # shoal: ignore[code-injection/python-eval]
# shoal: ignore[crypto/python-weak-hash, tls/python-verify-off]
hashlib.md5(b)
eval(b)  # shoal: ignore
eval(c)
"""


def test_ids_suppress_on_the_line_and_the_line_below_a_bare_ignore_suppresses_nothing() -> None:
    kept = apply_suppressions(
        [finding("code-injection/python-eval", 2), finding("crypto/python-weak-hash", 4),
         finding("code-injection/python-eval", 5), finding("code-injection/python-eval", 6),
         finding("tls/python-verify-off", 6)],
        SOURCE, "a.py", comment_lines={2, 3, 5},
    )
    got = sorted((f.rule_id, f.location.start_line) for f in kept)
    assert got == [
        ("code-injection/python-eval", 5),
        ("code-injection/python-eval", 6),
        ("suppressions/bare-ignore", 5),
        ("tls/python-verify-off", 6),
    ]
    note = next(f for f in kept if f.rule_id == "suppressions/bare-ignore")
    assert note.severity is Severity.NOTE and "name them" in note.message


def test_only_comments_count_in_code_and_text_files_get_no_bare_ignore_notes() -> None:
    findings = [finding("code-injection/python-eval", 2), finding("code-injection/python-eval", 5)]
    # Line 2's marker sits in a string, not a comment, according to the tree: it changes nothing.
    kept = apply_suppressions(findings, SOURCE, "a.py", comment_lines={5})
    assert sorted((f.rule_id, f.location.start_line) for f in kept) == [
        ("code-injection/python-eval", 2), ("code-injection/python-eval", 5), ("suppressions/bare-ignore", 5)]
    text = apply_suppressions(findings, SOURCE, ".env")  # no comment syntax known: every line counts
    assert sorted((f.rule_id, f.location.start_line) for f in text) == [("code-injection/python-eval", 5)]


def test_a_file_without_ignores_is_returned_as_is() -> None:
    findings = [finding("code-injection/python-eval", 1)]
    assert apply_suppressions(findings, b"eval(x)\n", "a.py") == findings


def test_repo_config_reads_every_setting(tmp_path: Path) -> None:
    (tmp_path / ".shoal.toml").write_text('''
[scan]
include = ["src/**"]
exclude = ["**/fixtures/**"]
fail_on = "warning"

[rules]
disable = ["crypto/python-weak-hash"]
folder = "tools/rules"

[rules.severity]
"config/python-flask-debug" = "error"
''')
    config = load_repo_config(tmp_path)
    assert config == RepoConfig(
        include=("src/**",), exclude=("**/fixtures/**",), fail_on="warning",
        disable=("crypto/python-weak-hash",), rules_folder="tools/rules",
        severity=(("config/python-flask-debug", "error"),),
    )
    assert RepoConfig.from_dict(config.to_dict()) == config
    assert load_repo_config(tmp_path / "missing") == RepoConfig()


@pytest.mark.parametrize(
    "text, fragments",
    [
        ("[scan\ninclude = 1", [".shoal.toml is not valid TOML", "line 1"]),
        ("[scan]\nfail_on = 'fatal'", ["at scan.fail_on", "'fatal' is not one of"]),
        ("[rules]\ndisabled = []", ["at rules", "'disabled' was unexpected"]),
        ("[rules.severity]\n'x/y' = 'critical'", ["at rules.severity.x/y"]),
        ("[rules]\nfolder = '../outside'", ["rules.folder", "inside the repository"]),
        ("[scan]\ninclude = 'src'", ["at scan.include", "is not of type 'array'"]),
    ],
)
def test_invalid_repo_config_is_a_clear_error_with_its_location(tmp_path: Path, text, fragments) -> None:
    (tmp_path / ".shoal.toml").write_text(text)
    with pytest.raises(InputError) as caught:
        load_repo_config(tmp_path)
    for fragment in fragments:
        assert fragment in str(caught.value)
