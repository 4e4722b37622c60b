"""Security checks through the real pipeline stages on a small repository: built-in and user
rules, secrets in a non-code file, suppressions, and the repository's .shoal.toml."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import git

from shoal.scan.agent import AgentTask, run_agent
from shoal.config import Settings
from shoal.scan.pipeline import ScanRequest, checkout_stage, merge_stage, plan_stage
from tests.helpers import HOUSE_RULE


APP = textwrap.dedent('''
    import subprocess

    def handler(event):
        """Docs may mention shoal: ignore without it counting."""
        eval(event["expr"])
        eval(event["again"])  # shoal: ignore[code-injection/python-eval]
        print("done")
        return subprocess.run("ls " + event["dir"], shell=True)
''')

# Built by concatenation so no whole token sits in this file.
TOKEN = "ghp_" + "Zx9Qw2Er4Ty6Ui8Op0As1Df3Gh5Jk73rj3Z3"


def make_repo(root: Path, toml: str) -> Path:
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as cfg:
        cfg.set_value("user", "name", "t").set_value("user", "email", "t@example.com")
    (root / "app.py").write_text(APP)
    (root / ".env").write_text(f"GITHUB_TOKEN={TOKEN}\n")
    (root / "tools" / "rules").mkdir(parents=True)
    (root / "tools" / "rules" / "print.yaml").write_text(HOUSE_RULE)
    (root / "fixtures").mkdir()
    (root / "fixtures" / "bad.py").write_text("eval(x)\n")
    (root / ".shoal.toml").write_text(toml)
    repo.index.add(["app.py", ".env", "tools/rules/print.yaml", "fixtures/bad.py", ".shoal.toml"])
    repo.index.commit("c1")
    return root


def scan(repo: Path, workspace: Path, **settings) -> tuple[dict, dict]:
    config = Settings(workspace=str(workspace), **settings)
    request = ScanRequest.from_event({"scan_id": "s", "repository": str(repo)})
    checkout = checkout_stage(request, config)
    plan = plan_stage("s", config)
    shards = [run_agent(AgentTask("s", plan.plan, plan.sha256, p, config.thresholds), workspace)
              for p in plan.partitions]
    summary = merge_stage(checkout, plan, shards, config).to_dict()
    return summary, json.loads((workspace / summary["reports"]["json"]).read_bytes())


TOML = """
[scan]
exclude = ["fixtures/**"]
fail_on = "warning"
[rules]
folder = "tools/rules"
[rules.severity]
"house/python-print" = "note"
"""


def test_rules_secrets_suppressions_and_repo_config_work_together(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", TOML)
    summary, report = scan(repo, tmp_path / "ws")
    got = sorted((f["rule_id"], f["location"]["path"], f["location"]["start_line"], f["severity"]) for f in report["findings"])
    # No request source reaches the eval: the taint rule reports the bare pattern as a note.
    assert ("code-injection/python-eval", "app.py", 6, "note") in got
    assert not any(r == "code-injection/python-eval" and line == 7 for r, _, line, _ in got)  # suppressed
    assert not any(r == "suppressions/bare-ignore" for r, _, _, _ in got)  # a docstring is not a comment
    assert ("house/python-print", "app.py", 8, "note") in got  # user rule, severity overridden
    assert any(r.startswith("secrets/github") and p == ".env" for r, p, _, _ in got)
    assert not any(p.startswith("fixtures/") for _, p, _, _ in got)  # excluded by .shoal.toml
    assert summary["failed"] is True  # fail_on = warning from .shoal.toml
    assert TOKEN not in json.dumps(report)
    rules = {r["id"] for r in report["rules"]}
    assert {"house/python-print", "code-injection/python-eval", "metrics/cyclomatic-complexity"} <= rules


def test_disabling_a_rule_and_metrics_only_mode(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", '[rules]\ndisable = ["code-injection/python-eval"]\n')
    _, report = scan(repo, tmp_path / "ws")
    ids = {f["rule_id"] for f in report["findings"]}
    assert "code-injection/python-eval" not in ids and any(i.startswith("secrets/") for i in ids)
    _, metrics_only = scan(repo, tmp_path / "ws2", security=False)
    assert all(f["rule_id"].startswith("metrics/") for f in metrics_only["findings"])


def test_an_unknown_rule_id_in_the_config_stops_the_scan_with_a_clear_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", '[rules]\ndisable = ["nope/missing"]\n')
    try:
        scan(repo, tmp_path / "ws")
    except Exception as exc:  # noqa: BLE001
        assert "unknown rule id(s) nope/missing" in str(exc)
    else:
        raise AssertionError("the scan should have been refused")
