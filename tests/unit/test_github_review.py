"""The pieces of a pull-request review: the summary's lists and limits, inline comments and their
suggestions, the complexity change, Link headers, the publish mode, and base metrics from git."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from shoal.scan.basemetrics import base_functions
from shoal.source.changes import ChangedFile, ChangeSet
from shoal.config import settings_from_env
from shoal.errors import InputError
from shoal.github.api import next_link
from shoal.github.publish import PublishOptions
from shoal.github.review import (
    BODY_MAX_CHARS, SUMMARY_MARKER, FunctionChange, complexity_changes, inline_body, inline_comment, new_findings,
    summary_body,
)
from shoal.source.repocache import cache_key, cache_root
from tests.helpers import commit_all, git, init_repo


def finding(i: int, severity: str = "error", state: str = "", **extra: Any) -> dict[str, Any]:
    return {"rule_id": "crypto/python-weak-hash", "severity": severity, "message": f"weak hash {i} | pipe",
            "location": {"path": "app.py", "start_line": i, "end_line": i, "start_col": 1, "end_col": 9},
            "fingerprint": f"fp{i}", "cwe": "CWE-328", "properties": {},
            **({"baseline_state": state} if state else {}), **extra}


def document(found: list[dict[str, Any]], fixed: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    doc = {"scan": {"id": "scan-1", "commit": "a" * 40}, "summary": {"passed": True}, "findings": found}
    if fixed is not None:
        doc["fixed_findings"] = fixed
    return doc


def test_the_summary_says_no_new_findings_plainly_and_carries_its_marker() -> None:
    body = summary_body(document([finding(1, state="unchanged")], fixed=[finding(9)]), [])
    assert body.startswith(SUMMARY_MARKER) and "**No new findings**, 1 fixed" in body
    assert "#### Fixed findings (1)" in body and "No touched function changed" in body
    assert "were not available" in summary_body(document([]), None)


def test_new_findings_are_the_baselines_new_ones_most_severe_first() -> None:
    found = [finding(1, "note", "new"), finding(2, "error", "unchanged"), finding(3, "error", "new")]
    assert [f["fingerprint"] for f in new_findings(document(found))] == ["fp3", "fp1"]
    # Without a baseline, everything a diff scan reports is the change's.
    assert len(new_findings(document([finding(1), finding(2)]))) == 2


def test_the_summary_fits_githubs_limit_and_says_what_it_left_out() -> None:
    changes = [FunctionChange("app.py", f"f{i}", (1, 5, 0), (2, 6, 1)) for i in range(3000)]
    body = summary_body(document([finding(i) for i in range(1, 3001)], fixed=[finding(i) for i in range(3001, 5000)]),
                        changes, "https://ci/x")
    assert len(body) <= BODY_MAX_CHARS < 65536
    assert "more new findings (the full report lists them all)" in body
    assert "more fixed findings" in body and "more functions" in body
    assert "weak hash 1 \\| pipe" in body  # a pipe would break the Markdown table and list


def test_complexity_changes_worst_first_matched_by_name_and_order() -> None:
    def fn(name: str, ccn: int, lines: int = 5, nesting: int = 1) -> dict[str, Any]:
        return {"name": name, "start_line": 1, "end_line": lines, "ccn": ccn, "max_nesting": nesting}

    head = [{"path": "a.py", "functions": [fn("parse_args", 17), fn("same", 3), fn("grew", 4, 9), fn("new", 2)]},
            {"path": "untouched.py", "functions": [fn("x", 9)]}]
    base = {"a.py": [fn("parse_args", 12), fn("same", 3), fn("grew", 4, 5), fn("gone", 6)]}
    changes = complexity_changes(head, base)
    assert [(c.name, c.before, c.after) for c in changes] == [
        ("parse_args", (12, 5, 1), (17, 5, 1)), ("new", None, (2, 5, 1)), ("grew", (4, 5, 1), (4, 9, 1)),
        ("gone", (6, 5, 1), None)]
    assert "| `parse_args` | `a.py` | 12 -> 17 | 5 | 1 |" in summary_body(document([]), changes)


def test_an_inline_comment_is_on_the_fixs_lines_with_a_suggestion_and_the_flow() -> None:
    fix = {"description": "Use the safe loader", "text": "safe_load", "region": {},
           "lines": {"start": 4, "end": 5, "text": "x = yaml.safe_load(\n    ```text```)"}}
    steps = [{"path": "app.py", "line": 2, "column": 5, "message": "request.args flows into text"},
             {"path": "app.py", "line": 4, "column": 9, "message": "sink"}]
    data = finding(4, fix=fix, steps=steps)
    comment = inline_comment(data)
    assert (comment["path"], comment["start_line"], comment["line"], comment["side"], comment["start_side"]) == (
        "app.py", 4, 5, "RIGHT", "RIGHT")
    body = inline_body(data)
    assert body.startswith("<!-- shoal:finding fp4 -->")
    # The code holds a ``` run, so the suggestion's fence is longer and cannot end early.
    assert "Use the safe loader:\n````suggestion\nx = yaml.safe_load(\n    ```text```)\n````" in body
    assert "Data flow:\n1. `app.py:2` request.args flows into text\n2. `app.py:4` sink" in body
    plain = inline_comment(finding(7))
    assert plain["line"] == 7 and "start_line" not in plain and "suggestion" not in plain["body"]


def test_next_link_reads_rfc8288_headers() -> None:
    header = ('<https://api.github.com/repositories/1/issues/7/comments?page=2>; rel="next", '
              '<https://api.github.com/repositories/1/issues/7/comments?page=5>; rel="last"')
    assert next_link(header) == "https://api.github.com/repositories/1/issues/7/comments?page=2"
    assert next_link('<https://x/?page=1>; rel="prev"') == "" and next_link("") == ""


def test_review_is_a_publish_mode_for_pull_requests_and_a_check_run_otherwise() -> None:
    options = PublishOptions.from_settings(settings_from_env({"SHOAL_GITHUB_PUBLISH": "review"}))
    assert options.channel(pull_request=True) == "review" and options.channel(pull_request=False) == "check"
    assert options.permissions(pull_request=True) == {"pull_requests": "write"}
    assert options.permissions(pull_request=False) == {"checks": "write"}
    with pytest.raises(InputError, match="review"):
        settings_from_env({"SHOAL_GITHUB_PUBLISH": "reviews"})


def _two_commits(root: Path) -> tuple[Path, str, str]:
    repo = root / "repo"
    repo.mkdir()
    (repo / "old_name.py").write_text("def f(x):\n    return x\n")
    (repo / "kept.py").write_text("def g(y):\n    return y\n")
    base = init_repo(repo)
    git(repo, "mv", "old_name.py", "new_name.py")
    (repo / "added.py").write_text("def h():\n    pass\n")
    head = commit_all(repo, "change")
    return repo, base, head


def _changes(base: str, head: str) -> ChangeSet:
    files = (ChangedFile("added.py", "added", None, ((1, 2),)), ChangedFile("kept.py", "modified", None, ((2, 2),)),
             ChangedFile("new_name.py", "renamed", "old_name.py", ((1, 1),)))
    return ChangeSet(base, base, head, files, ())


def test_base_metrics_come_from_the_local_repository_a_rename_from_its_old_path(tmp_path: Path) -> None:
    repo, base, head = _two_commits(tmp_path)
    found = base_functions(tmp_path / "ws", str(repo), _changes(base, head), ["added.py", "kept.py", "new_name.py"])
    assert found is not None
    assert [f["name"] for f in found["new_name.py"]] == ["f"] and [f["name"] for f in found["kept.py"]] == ["g"]
    assert found["added.py"] == []
    assert base_functions(tmp_path / "ws", str(repo), _changes("b" * 40, head), ["kept.py"]) is None


def test_base_metrics_of_a_remote_repository_come_from_the_workspaces_pack_cache(tmp_path: Path) -> None:
    repo, base, head = _two_commits(tmp_path)
    url = "https://github.com/acme/widgets.git"
    folder = cache_root(tmp_path / "ws") / cache_key(url)
    folder.mkdir(parents=True)
    subprocess.run(["git", "-C", str(repo), "pack-objects", "-q", "--all", str(folder / "pack")],
                   input=b"", check=True, capture_output=True)
    found = base_functions(tmp_path / "ws", url, _changes(base, head), ["kept.py"])
    assert found is not None and [f["ccn"] for f in found["kept.py"]] == [1]
    assert base_functions(tmp_path / "ws", "https://github.com/acme/other.git", _changes(base, head), ["kept.py"]) is None


def test_a_short_list_leaves_its_share_of_the_limit_to_the_long_ones() -> None:
    changes = [FunctionChange("app.py", f"function_{i}", (1, 5, 0), (2, 6, 1)) for i in range(2000)]
    body = summary_body(document([finding(1)]), changes)
    shown = body.count("| `function_")
    assert len(body) <= BODY_MAX_CHARS and shown > 1000  # far more than a third of the room
    assert f"… and {2000 - shown} more functions" in body
